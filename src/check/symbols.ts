import type { Node } from '../math/latex/ast.js';
import type { ReadContext } from '../math/latex/parse.js';
import type { SymbolAssumptions, SymbolTable } from '../model/symbols.js';
import { children, freeSymbols } from '../math/sampling.js';

/**
 * The symbols a check knows: the key's declarations, and every other symbol of the expected
 * answer (KEY-FORMAT: the key's own answer defines its symbols). What the expected answer
 * implies fills in the rest: a sum's bound or an index of an indexed family is a positive integer.
 */
export function symbolsOf(expected: Node, declared: SymbolTable = {}): SymbolTable {
  const integers = indexSymbols(expected);
  const implied: SymbolTable = {};
  for (const s of freeSymbols(expected)) {
    if (declared[s]) continue;
    implied[s] = integers.has(s) ? { integer: true, positive: true } : {};
  }
  // (A family the key's answer writes with two indices, `dy_{i,j}`, takes two wherever it is written.)
  for (const [f, arity] of familyArities(expected)) if (!declared[f]) implied[f] = { indexed: arity };
  return { ...implied, ...declared };
}

/** Symbols used as sum bounds or as indices of an indexed family (`n` in `\sum_{k=0}^{n-1} F_{n-k}`). */
function indexSymbols(n: Node, out = new Set<string>()): Set<string> {
  if (n.kind === 'bigop') {
    freeSymbols(n.lower, new Set(), out);
    freeSymbols(n.upper, new Set(), out);
  }
  if (n.kind === 'call' && n.indexed) for (const a of n.args) freeSymbols(a, new Set(), out);
  for (const c of children(n)) indexSymbols(c, out);
  return out;
}

/** The indexed families a tree uses, each with the most indices it is written with (`F_{n-k-1}`: F, 1). */
function familyArities(n: Node, out = new Map<string, number>()): Map<string, number> {
  if (n.kind === 'call' && n.indexed) out.set(n.fn, Math.min(4, Math.max(out.get(n.fn) ?? 1, n.args.length)));
  for (const c of children(n)) familyArities(c, out);
  return out;
}

/** Names of the indexed families a tree uses (`F` in `F_{n-k-1}`). */
export function indexedFamilies(n: Node, out = new Set<string>()): Set<string> {
  if (n.kind === 'call' && n.indexed) out.add(n.fn);
  for (const c of children(n)) indexedFamilies(c, out);
  return out;
}

/** The context of a question without symbols (most numeric answers): made once, never changed. */
const NO_SYMBOLS_CONTEXT: ReadContext = Object.freeze({ symbols: new Set<string>(), functions: new Set<string>(), matrices: new Set<string>(), indexed: new Set<string>() });

/** How to read answers to a question with these symbols. */
export function readContextOf(symbols: SymbolTable): ReadContext {
  // `for in` finds a first key without building the entries array.
  for (const _ in symbols) return readContextOfSome(symbols);
  return NO_SYMBOLS_CONTEXT;
}

function readContextOfSome(symbols: SymbolTable): ReadContext {
  const names = new Set<string>();
  const functions = new Set<string>();
  const matrices = new Set<string>();
  const indexed = new Set<string>();
  const arity = new Map<string, number>();
  for (const [name, a] of Object.entries(symbols)) {
    names.add(name);
    a.vector?.forEach((c) => names.add(c));
    if (a.function) functions.add(name);
    if (a.matrix) matrices.add(name);
    if (a.indexed) {
      indexed.add(name);
      arity.set(name, a.indexed);
    }
  }
  return { symbols: names, functions, matrices, indexed, arity };
}

/** Whether a tree's value may be a matrix: a matrix symbol or a written matrix in it. */
export function involvesMatrices(n: Node, symbols: SymbolTable): boolean {
  if (n.kind === 'matrix') return true;
  if (n.kind === 'sym') return isMatrix(symbols[n.name]);
  return children(n).some((c) => involvesMatrices(c, symbols));
}

function isMatrix(a: SymbolAssumptions | undefined): boolean {
  return a?.matrix !== undefined;
}
