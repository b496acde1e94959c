import type { AnswerSpec, AnswerType } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { Node } from '../math/latex/ast.js';
import { ParseError, type ReadContext } from '../math/latex/parse.js';
import { printMath } from '../math/latex/print.js';
import { LimitError } from '../math/limits.js';
import { extractAnswer } from './extract.js';
import { prepareKeyValue } from './prepare.js';
import { readAnswerText } from './read-answer.js';
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
    expected = readAnswerText(declaredType ?? 'expression', raw, read);
    type = declaredType ?? inferType(expected, raw);
    if (type === 'number' || type === 'shape') expected = readAnswerText(type, raw, read);
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
/**
 * Compiled answers by content, for callers that build a new spec per check. A spec made for one
 * check only (a protocol line, a worker's copy: `transient`) is kept only when it comes back while
 * its key is among the last few seen: a stream of distinct answers (a bulk `check --jsonl`) then
 * keeps nothing, and its compiled answers die young. Keeping every one (4,096 at most) made
 * copying them into the old generation a fifth of a plain check's time, and even the last 16
 * compiled answers tripled what each young collection copied there (`--trace-gc-nvp`, 20,000
 * numbers: 28 MB against 11 MB). The recent keys are a ring allocated once: a Set's table,
 * reallocated as keys come and go and held by the long-lived set, went to the old generation too.
 */
const RECENT_MAX = 16;
const recentKeys: string[] = new Array(RECENT_MAX).fill('');
let recentNext = 0;
const byText = new Map<string, PreparedExpected>();
const BY_TEXT_MAX = 4_096;
const NO_SYMBOLS: SymbolTable = {};

function byContent(spec: AnswerSpec, symbols: SymbolTable, transient: boolean): PreparedExpected {
  const key = `${JSON.stringify(spec)}\u0000${symbols === NO_SYMBOLS ? '' : JSON.stringify(symbols)}`;
  const kept = byText.get(key);
  if (kept) return kept;
  const prepared = prepareExpected(spec, symbols);
  if (transient) {
    const seen = recentKeys.indexOf(key);
    if (seen < 0) {
      recentKeys[recentNext] = key;
      recentNext = (recentNext + 1) % RECENT_MAX;
      return prepared;
    }
    recentKeys[seen] = '';
  }
  if (byText.size >= BY_TEXT_MAX) byText.clear();
  byText.set(key, prepared);
  return prepared;
}

/**
 * The compiled form of an expected answer, compiled on first use and kept: a key's answers are
 * read once however many submissions are graded against them. A `transient` spec (made for one
 * check) is found by content only.
 */
export function preparedFor(spec: AnswerSpec, symbols: SymbolTable = NO_SYMBOLS, transient = false): PreparedExpected {
  if (transient) return byContent(spec, symbols, true);
  let inner = byObject.get(spec);
  const hit = inner?.get(symbols);
  if (hit) return hit;
  const prepared = byContent(spec, symbols, false);
  if (!inner) byObject.set(spec, (inner = new WeakMap()));
  inner.set(symbols, prepared);
  return prepared;
}
