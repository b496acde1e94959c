import type { AnswerSpec, AnswerType } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { Node } from '../math/latex/ast.js';
import { parseMath, ParseError, type ReadContext } from '../math/latex/parse.js';
import { printMath } from '../math/latex/print.js';
import { LimitError } from '../math/limits.js';
import { extractAnswer } from './extract.js';
import { prepareFor, prepareKeyValue } from './prepare.js';
import { inferType } from './infer.js';
import { valueOf } from './named-values.js';
import { readContextOf, symbolsOf } from './symbols.js';
import type { TypeVerdict } from './context.js';

/** Types whose answer is a relation; for the rest `x = 5` is read as the value 5. */
export const RELATION_TYPES = new Set<AnswerType>(['equation', 'relation', 'update']);

/**
 * An expected answer compiled once, for every candidate checked against it: its type, its tree,
 * the symbols it defines and how to read candidates. A key problem (no value, a value that cannot
 * be read) is compiled too, into the verdict every candidate gets.
 */
export type PreparedExpected =
  | { kind: 'text'; spec: AnswerSpec }
  | { kind: 'table'; spec: AnswerSpec }
  | { kind: 'choice'; spec: AnswerSpec; shown: string }
  | { kind: 'problem'; type: AnswerType; verdict: TypeVerdict; shown: string }
  | {
      kind: 'value';
      spec: AnswerSpec;
      type: AnswerType;
      /** Whether the key declared the type (an inferred type may be refined by the answer). */
      declared: boolean;
      expected: Node;
      printed: string;
      /** The key's symbols and every symbol of the expected answer. */
      symbols: SymbolTable;
      read: ReadContext;
      /** Names a candidate may use. */
      names: ReadonlySet<string>;
    };

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Compiles one expected answer under the key's symbols (see PreparedExpected). */
export function prepareExpected(spec: AnswerSpec, declaredSymbols: SymbolTable = {}): PreparedExpected {
  const declaredType = spec.type;
  if (declaredType === 'text') return { kind: 'text', spec };
  if (declaredType === 'choice') return { kind: 'choice', spec, shown: (spec.options ?? []).join(' | ') };
  if (declaredType === 'table') return { kind: 'table', spec };
  // A key value may come wrapped as a solution writes it (`$...$`, `\boxed{}`).
  const written = spec.value !== undefined && /\$|\\boxed|\\\[|\\\(/.test(spec.value) ? extractAnswer(spec.value).text : spec.value;
  // A key answer with a label in front (`Saddle point: (0,0)`, `Period: 2pi/3`): the label names it.
  const unlabelled = written?.replace(/^\s*[A-Za-z][A-Za-z ]{2,30}:\s+(?=\S)/, '');
  const raw = unlabelled === undefined ? undefined : prepareKeyValue(unlabelled);
  if (raw === undefined || raw.trim() === '') {
    return { kind: 'problem', type: declaredType ?? 'expression', verdict: { verdict: 'undecided', score: 0, check: 'none', reason: 'the key gives no expected answer' }, shown: '' };
  }
  let expected: Node;
  let type: AnswerType;
  try {
    const read = readContextOf(declaredSymbols);
    expected = parseMath(prepareFor(declaredType ?? 'expression', raw), read);
    type = declaredType ?? inferType(expected, raw);
    if (type === 'number' || type === 'shape') expected = parseMath(prepareFor(type, raw), read);
  } catch (e) {
    if (!(e instanceof ParseError || e instanceof LimitError)) throw e;
    if (declaredType === undefined) {
      // A bare word in a key is a choice of one option.
      const words = raw.replace(/\\text\{([^}]*)\}/g, '$1').trim();
      if (/^[A-Za-z][A-Za-z\s-]*$/.test(words)) return { kind: 'choice', spec: { ...spec, options: [words] }, shown: raw };
    }
    const verdict: TypeVerdict = { verdict: 'undecided', score: 0, check: 'parse', reason: `the expected answer could not be read: ${describeError(e)}` };
    return { kind: 'problem', type: declaredType ?? 'expression', verdict, shown: raw };
  }
  if (!RELATION_TYPES.has(type)) expected = valueOf(expected);
  if (type === 'choice') return { kind: 'choice', spec: { ...spec, options: [printMath(expected)] }, shown: printMath(expected) };
  const symbols = symbolsOf(expected, declaredSymbols);
  const read = readContextOf(symbols);
  return { kind: 'value', spec, type, declared: declaredType !== undefined, expected, printed: printMath(expected), symbols, read, names: read.symbols as Set<string> };
}

/** Compiled answers by spec object and symbol table, for callers that check many candidates against one key. */
const byObject = new WeakMap<AnswerSpec, WeakMap<SymbolTable, PreparedExpected>>();
/** Compiled answers by content, for callers that build a new spec per check (the CLI, the bench). */
const byText = new Map<string, PreparedExpected>();
const BY_TEXT_MAX = 4_096;
const NO_SYMBOLS: SymbolTable = {};

/**
 * The compiled form of an expected answer, compiled on first use and kept: a key's answers are
 * read once however many submissions are graded against them.
 */
export function preparedFor(spec: AnswerSpec, symbols: SymbolTable = NO_SYMBOLS): PreparedExpected {
  let inner = byObject.get(spec);
  const hit = inner?.get(symbols);
  if (hit) return hit;
  const key = `${JSON.stringify(spec)}\u0000${symbols === NO_SYMBOLS ? '' : JSON.stringify(symbols)}`;
  let prepared = byText.get(key);
  if (!prepared) {
    prepared = prepareExpected(spec, symbols);
    if (byText.size >= BY_TEXT_MAX) byText.clear();
    byText.set(key, prepared);
  }
  if (!inner) byObject.set(spec, (inner = new WeakMap()));
  inner.set(symbols, prepared);
  return prepared;
}
