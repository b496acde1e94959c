import type { AnswerSpec, AnswerType } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { CheckResult, CheckStage } from '../model/verdict.js';
import type { Node } from '../math/latex/ast.js';
import { ParseError, UNSTATED_COUNT, type ReadContext } from '../math/latex/parse.js';
import { printMath } from '../math/latex/print.js';
import { LimitError } from '../math/limits.js';
import { extractAnswer, assertReadable, lastSide, trimAnswer, UnreadableError } from './extract.js';
import { numberWordsToDigits } from './prepare.js';
import { literalTree, readAnswerText } from './read-answer.js';
import { readsAsProse } from './prose.js';
import { firstOccurrences } from './first-occurrences.js';
import { children, freeSymbols } from '../math/sampling.js';
import { indexedFamilies } from './symbols.js';
import { preparedFor, RELATION_TYPES, type PreparedExpected } from './prepare-expected.js';
import { WorkBudget } from '../math/evaluate.js';
import { valueOf } from './named-values.js';
import type { Cas } from './equivalence.js';
import { incorrect, unparseable, type CheckContext, type TypeChecker, type TypeVerdict } from './context.js';
import { constantValue, isConstant } from './scalar.js';
import { checkExpression, checkNumber, substitute } from './types/scalar-types.js';
import { asInterval, checkInterval, checkMatrix, checkSet, checkShape, checkTuple, checkVector } from './types/structured.js';
import { checkEquation, checkPiecewise, checkRelation, checkUpdate, withoutOptimumMark } from './types/relations.js';
import { checkChoice, checkText } from './types/choice.js';
import { checkTable } from './types/table.js';
import { inferMatrices, isIdentityName } from './infer-matrices.js';
import { letterAt, namesRowColumn, positionIn, rowColumnIn } from './position-words.js';
import { conditionAsItem, statedCases } from './stated-cases.js';
import { withoutSizeNote } from './size-note.js';
import { formulaBesideWords } from './words-beside-formula.js';

/** What in an already found answer would still make the extract stage cut it: math delimiters, boxes, conclusion marks, prose. */
const SEARCH_NEEDED = /\$|\\boxed|\\[[(]|\\(?:therefore|because|implies|Rightarrow)|[A-Za-z]{2,}[\s:]+[A-Za-z]{2,}/;

/** Types whose answers may be products of matrices and vectors. */
const MATRIX_TYPES = new Set<AnswerType>(['expression', 'equation', 'update']);

/**
 * Verdicts given against a key's compiled answer, by candidate: a class's write-ups repeat the
 * same answers (`$\sqrt{d_{out}}$` in most of them), and grading tries each response's
 * candidates in several readings, so most checks of a run were asked before. Only for specs that
 * live as long as their key (a transient spec's compiled form is shared by content), and bounded
 * per answer and options so that a stream of distinct candidates keeps memory flat. Callers get a copy.
 */
const DECIDED = new WeakMap<PreparedExpected, Map<string, CheckResult>[]>();
const DECIDED_MAX = 1_024;

/** Options of one check beside the spec. */
export interface CheckOptions {
  /** Declared symbols and their assumptions. Without them, the expected answer's symbols, real, unconstrained. */
  symbols?: SymbolTable;
  /** A computer-algebra stage to prove equalities the exact stage cannot (see `loadCas`). */
  cas?: Cas;
  /** The work budget of an enclosing check (a table's cells share their table's); a new one by default. */
  budget?: WorkBudget;
  /**
   * The candidate is already an answer found in a response (grading's candidate finder: a boxed
   * value, a display or inline formula): the extract stage only trims it instead of searching it again.
   */
  extracted?: boolean;
  /**
   * The spec object was made for this check alone (a protocol line, a copy a worker received):
   * its compiled form is found by content only. Indexed by identity it would never be found
   * again, and a weak-map entry per check costs the collector more than the lookup saves.
   */
  transientSpec?: boolean;
}

const CHECKERS: Partial<Record<AnswerType, TypeChecker>> = {
  number: checkNumber,
  expression: checkExpression,
  equation: checkEquation,
  relation: checkRelation,
  update: checkUpdate,
  matrix: checkMatrix,
  vector: checkVector,
  tuple: checkTuple,
  shape: checkShape,
  set: checkSet,
  interval: checkInterval,
  piecewise: checkPiecewise,
};

/** For a shape, the side of `14 \times 14 \times 10 = 1960` that is a shape is the answer. */
function shapeSide(n: Node): Node {
  if (n.kind === 'rel' && n.ops.every((o) => o === '=')) return n.args.find((a) => a.kind === 'cross' || a.kind === 'tuple') ?? valueOf(n);
  return unbracketedShape(valueOf(n));
}

/**
 * `\lfloor \frac{W-K}{S} \rfloor + 1 \times \lfloor \frac{H-K}{S} \rfloor + 1 \times C`, a shape written
 * without brackets around its sides: read as a TA reads it, the `\times` signs part the sides
 * (`(⌊(W-K)/S⌋ + 1) × (⌊(H-K)/S⌋ + 1) × C`), not as a sum of products. Anything else is left as it is.
 */
function unbracketedShape(n: Node): Node {
  if (n.kind !== 'add' || !n.terms.some((t) => t.kind === 'cross' || (t.kind === 'neg' && t.arg.kind === 'cross'))) return n;
  const sides: Node[] = [];
  let current: Node[] = [];
  const close = (last: Node) => {
    current.push(last);
    sides.push(current.length === 1 ? current[0]! : { kind: 'add', terms: current });
  };
  for (const t of n.terms) {
    const cross = t.kind === 'cross' ? t : t.kind === 'neg' && t.arg.kind === 'cross' ? t.arg : undefined;
    if (!cross) {
      current.push(t);
      continue;
    }
    const [first, ...rest] = cross.factors;
    close(t.kind === 'neg' ? { kind: 'neg', arg: first! } : first!);
    sides.push(...rest.slice(0, -1));
    current = [rest[rest.length - 1]!];
  }
  sides.push(current.length === 1 ? current[0]! : { kind: 'add', terms: current });
  return { kind: 'cross', factors: sides };
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function result(type: AnswerType, v: TypeVerdict, answer: string, expected: string, t0: number): CheckResult {
  const score = v.score ?? (v.verdict === 'correct' ? 1 : 0);
  const ms = Math.round((performance.now() - t0) * 100) / 100;
  // Two literals, not a spread of the category: every check makes one, and Node 20 builds an
  // object with a property after a spread on its slow path.
  if (v.category) return { verdict: v.verdict, score, type, answer, expected, check: v.check, reason: v.reason, category: v.category, ms };
  return { verdict: v.verdict, score, type, answer, expected, check: v.check, reason: v.reason, ms };
}

/** The class of object a node is, for telling a wrong answer from an answer of another kind. */
function kindClass(n: Node): string {
  if (n.kind === 'cross' || n.kind === 'tuple') return 'tuple';
  // An equation, an inequality and a chain of steps (`a = 1 ⇒ c = b`) are different things to give.
  if (n.kind === 'rel') return n.ops.every((o) => o === '=') ? 'equation' : n.ops.every((o) => ['<', '>', '<=', '>='].includes(o)) ? 'inequality' : 'relation';
  return ['set', 'interval', 'matrix', 'rel', 'cases', 'text', 'union'].includes(n.kind) ? n.kind : 'scalar';
}

// `withMisfit`, `withSymbols` and `staged` add to the result `result()` has just made, which
// nothing else holds yet: copying it (a spread per stage) was a tenth of a plain check's time.

/** Marks a format mistake that is another kind of object than the expected one (MisfitCode). */
function withMisfit(r: CheckResult, type: AnswerType, answer: Node, expected: Node, misfit?: CheckResult['misfit']): CheckResult {
  if (misfit && r.verdict === 'incorrect') {
    r.misfit = misfit;
    return r;
  }
  if (r.verdict !== 'incorrect' || r.category !== 'format' || r.check !== 'structural') return r;
  if (kindClass(answer) !== kindClass(expected) || type === 'piecewise') r.misfit = 'wrong-kind';
  return r;
}

function withSymbols(r: CheckResult, symbols: CheckResult['symbols'], misfit?: CheckResult['misfit']): CheckResult {
  if (symbols) r.symbols = symbols;
  if (misfit) r.misfit = misfit;
  return r;
}

/**
 * An answer given in words for a position: "row 3, column 1" where a pair is expected, "the
 * second option" where the key's answer is the letter B. Tried before the text itself.
 */
function wordedAnswer(text: string, type: AnswerType, expected: Node): string[] {
  if (/[\\$]/.test(text)) return [];
  // `(floor((W - K)/S) + 1) x (floor((H - K)/S) + 1) x C`: in a plain-text shape an `x` set apart by spaces is the times sign.
  if (type === 'shape' && /\S\s+x\s+\S/.test(text)) return [text.replace(/(?<=\S)\s+x\s+(?=\S)/g, ' \\times ')];
  if ((type === 'tuple' || type === 'vector') && expected.kind === 'tuple' && expected.items.length === 2) {
    const pair = rowColumnIn(text);
    return pair ? [pair] : [];
  }
  // "the second one" where a number is expected; a text with digits of its own says its number itself.
  if (type === 'number' && !/\d/.test(text)) {
    const position = positionIn(text);
    return position === undefined ? [] : [String(position)];
  }
  if (expected.kind === 'sym' && /^[A-J]$/.test(expected.name)) {
    const position = positionIn(text);
    const letter = position === undefined ? undefined : letterAt(position);
    return letter ? [letter] : [];
  }
  return [];
}

/** Words a plain-text answer may lead with that are never the answer's own letters. */
const LEAD_WORDS = /^(?:is|it|so|as|at|if|of|or|on|to|be|we|by|in|an)$/i;
/** Functions a plain-text answer may start with (`exp(-lambda t)`), which are not prose. */
const FUNCTION_WORDS = /^(?:sin|cos|tan|exp|log|ln|sqrt|det|tr|max|min|arg|var|cov|sum|lim|floor|ceil)$/i;

/**
 * `stable iff a < 0`, `it is stable when a < 0`: a plain-text relation (no LaTeX) that leads with
 * words reads from where its mathematics starts, else every letter of `stable` is a symbol. Words
 * the key names (`lambda`) and functions are mathematics; so the answer must lead with at least
 * one word of three letters or more that is neither.
 */
function afterProse(text: string, names: ReadonlySet<string>): string[] {
  if (/[\\$]/.test(text)) return [];
  const tokens = text.trim().split(/\s+/);
  let i = 0;
  let prose = false;
  for (; i < tokens.length - 1; i++) {
    const t = tokens[i]!.replace(/[,:;]$/, '');
    if (names.has(t)) break;
    if (LEAD_WORDS.test(t)) continue;
    if (!/^[A-Za-z]{3,}$/.test(t) || FUNCTION_WORDS.test(t)) break;
    prose = true;
  }
  const rest = tokens.slice(i).join(' ');
  // Only a stated relation (`a < 0`, `m = ln(2)/lambda`): a count in a sentence has its own reading.
  return prose && /^[-A-Za-z0-9(|]/.test(rest) && /[<>=≤≥]/.test(rest) ? [rest] : [];
}

/** Parses text for an answer of `type`, trying the extracted answer and then the raw text. */
function readCandidate(texts: Iterable<string>, type: AnswerType, read: ReadContext): { node: Node; text: string } | { error: string; limit?: true } {
  let firstError = '';
  for (const text of texts) {
    // (A position denied in words, "not row 3, column 1", is still read: as a formula it differs from the position.)
    if (readsAsProse(text, read.symbols) && !namesRowColumn(text)) {
      firstError ||= `it is words, not a formula: "${text.slice(0, 60)}"`;
      continue;
    }
    try {
      return { node: readAnswerText(type, text, read), text };
    } catch (e) {
      if (e instanceof LimitError) return { error: e.message, limit: true };
      if (!(e instanceof ParseError)) throw e;
      firstError ||= e.message;
    }
  }
  return { error: firstError };
}

const EXPECTED_SYMBOLS = new WeakMap<Node, ReadonlySet<string>>();

/**
 * The free symbols of a key's compiled answer, walked once per answer: every check of a candidate
 * walked the same tree again (two to three walks of the 0.26 s freeSymbols took of 13 s of grading).
 */
function expectedSymbols(expected: Node): ReadonlySet<string> {
  let found = EXPECTED_SYMBOLS.get(expected);
  if (!found) EXPECTED_SYMBOLS.set(expected, (found = freeSymbols(expected)));
  return found;
}

/** Latin letters plain text writes for Greek ones: `jw` for `j\omega` (an EE student's keyboard). */
const ASCII_GREEK: Record<string, string> = { w: 'omega' };

/**
 * The answer with such a letter read as the Greek one, when the question names the Greek letter
 * and not the Latin one; and `||dW||_2` read as `\|\Delta W\|_2` when the expected answer is about a
 * change Δ and the answer writes it as a differential (a key's `dy` for Q7 does not make `d` Δ's rival).
 * `used`: the answer's free symbols.
 */
function asciiGreek(answer: Node, used: ReadonlySet<string>, names: ReadonlySet<string>, expected: Node): Node {
  let out = answer;
  for (const [latin, greek] of Object.entries(ASCII_GREEK)) {
    if (used.has(latin) && !names.has(latin) && names.has(greek)) out = substitute(out, latin, { kind: 'sym', name: greek });
  }
  if (used.has('d') && !used.has('Delta') && expectedSymbols(expected).has('Delta')) out = substitute(out, 'd', { kind: 'sym', name: 'Delta' });
  return out;
}

/**
 * `\sum_{i,j} dy_{i,j} x_{i+h-1,j+l-1}` where the key sums each index from 1 to m: a sum written
 * without bounds runs over all the terms there are, which the question fixes. Read with the
 * key's range when every sum of the key runs over the same one; otherwise the count stays unstated.
 */
function overTheKeysRange(answer: Node, expected: Node): Node {
  if (!freeSymbols(answer).has(UNSTATED_COUNT) || freeSymbols(expected).has(UNSTATED_COUNT)) return answer;
  const ranges = new Set<string>();
  let upper: Node | undefined;
  const visit = (n: Node): void => {
    if (n.kind === 'bigop' && n.op === 'sum') {
      ranges.add(`${printMath(n.lower)}..${printMath(n.upper)}`);
      upper = n.upper;
    }
    for (const child of children(n)) visit(child);
  };
  visit(expected);
  return ranges.size === 1 && ranges.has(`1..${printMath(upper!)}`) ? substitute(answer, UNSTATED_COUNT, upper!) : answer;
}

/**
 * `\nabla f(x) = \frac12 (A + A^\top) x - b = A x - b` for the key's `\nabla f(x) = A x - b`: the
 * sides in between are working; the quantity and the form the chain ends in are the answer (as the
 * last side is a value's answer).
 */
function concluded(answer: Node, expected: Node): Node {
  if (answer.kind !== 'rel' || expected.kind !== 'rel' || expected.ops.length !== 1 || answer.ops.length < 2 || !answer.ops.every((o) => o === '=')) return answer;
  return { ...answer, ops: ['='], args: [answer.args[0]!, answer.args[answer.args.length - 1]!] };
}

/**
 * Checks one candidate answer against one expected answer: finds the answer in the text,
 * reads both, and decides with the checker of the answer's type. Never throws: bad input is a
 * verdict (`unparseable`, `undecided`) with a reason. The expected answer is compiled once per
 * spec and symbol table (`prepareExpected`); the stages are extract → read → normalise → compare,
 * and the result's `stage` names the one that decided.
 */
export function checkAnswer(spec: AnswerSpec, candidate: string, options: CheckOptions = {}): CheckResult {
  const t0 = performance.now();
  const fallbackType = spec.type ?? 'expression';
  try {
    const prepared = preparedFor(spec, options.symbols, options.transientSpec);
    // A shared budget (a table's cells) makes a verdict depend on the checks before it.
    if (options.budget || options.transientSpec) return checkPrepared(prepared, candidate, options, options.budget ?? new WorkBudget(), t0);
    let byOptions = DECIDED.get(prepared);
    if (!byOptions) DECIDED.set(prepared, (byOptions = []));
    // One map per combination of the options that change a verdict, keyed by the candidate itself:
    // a key made by joining them was a new string to flatten and hash on every check, where the
    // candidate's own hash is computed once and kept in the string.
    const asked = (options.extracted ? 1 : 0) + (options.cas ? 2 : 0);
    const decided = (byOptions[asked] ??= new Map());
    const before = decided.get(candidate);
    if (before) return Object.assign({}, before, { ms: Math.round((performance.now() - t0) * 100) / 100 });
    const r = checkPrepared(prepared, candidate, options, new WorkBudget(), t0);
    if (decided.size >= DECIDED_MAX) decided.clear();
    decided.set(candidate, r);
    return Object.assign({}, r);
  } catch (e) {
    if (e instanceof LimitError) return staged(result(fallbackType, { verdict: 'undecided', score: 0, check: 'limits', reason: e.message }, '', spec.value ?? '', t0), 'compare');
    if (e instanceof UnreadableError) return staged(result(fallbackType, unparseable(e.message), '', spec.value ?? '', t0), 'extract');
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return staged(result(fallbackType, { verdict: 'undecided', score: 0, check: 'limits', reason: 'the answer is nested too deeply to check' }, '', spec.value ?? '', t0), 'read');
    }
    return result(fallbackType, { verdict: 'undecided', score: 0, check: 'none', reason: `internal error while checking: ${describeError(e)}` }, '', spec.value ?? '', t0);
  }
}

function staged(r: CheckResult, stage: CheckStage): CheckResult {
  r.stage = stage;
  return r;
}

/** The stages after the expected answer is compiled: extract, read, normalise, compare. */
function checkPrepared(prepared: PreparedExpected, candidate: string, options: CheckOptions, budget: WorkBudget, t0: number): CheckResult {
  if (prepared.kind === 'text') return staged(result('text', checkText(prepared.spec), trimAnswer(candidate), '', t0), 'compare');
  if (prepared.kind === 'problem') {
    return staged(result(prepared.type, prepared.verdict, '', prepared.shown, t0), 'prepare');
  }
  // extract
  try {
    assertReadable(candidate);
  } catch (e) {
    const type = prepared.kind === 'value' ? prepared.type : prepared.kind;
    return staged(result(type, unparseable(describeError(e)), '', prepared.kind === 'value' ? prepared.printed : '', t0), 'extract');
  }
  // A choice is judged on the extracted answer's words, whether the key declared it or it reads as one.
  if (prepared.kind === 'choice') {
    const text = options.extracted ? trimAnswer(candidate) : extractAnswer(candidate).text;
    return staged(result('choice', checkChoice(prepared.spec, text), trimAnswer(text), prepared.shown, t0), 'compare');
  }
  if (prepared.kind === 'table') {
    const v = checkTable(prepared.spec, candidate, (cellSpec, cell) => checkAnswer(cellSpec, cell, { ...options, budget }));
    return staged(result('table', v, '(table)', '(table)', t0), 'compare');
  }
  const { spec, expected, symbols, read, printed } = prepared;
  let type = prepared.type;
  // A bare literal (`1,007`, `(2, 3, 1)`) is its own answer: there is nothing to find in it, and
  // extraction's searches were a tenth of a plain check's time.
  const literal = literalTree(candidate) !== undefined;
  const extracted = literal ? { text: candidate.trim() } : options.extracted && !SEARCH_NEEDED.test(candidate) ? { text: trimAnswer(candidate) } : extractAnswer(candidate);
  // read
  let parsed = readCandidate(
    // (The candidate is trimmed again only when the texts before it cannot be read.)
    firstOccurrences([
      ...wordedAnswer(extracted.text, type, expected),
      // `E for n ≥ 0`: a piecewise answer's formula with its condition (extraction may have cut a bracketed one).
      ...(type === 'piecewise' ? [...conditionAsItem(extracted.text), ...conditionAsItem(candidate)] : []),
      // `[[...]] (3x3)`: a matrix's size noted after it.
      ...(type === 'matrix' || type === 'vector' ? withoutSizeNote(extracted.text) : []),
      ...afterProse(extracted.text, prepared.names),
      // `explode, × 1/√d_out`: a word beside the formula answers something else; it is no factor of it.
      ...formulaBesideWords(extracted.text, prepared.names),
      extracted.text,
      // Made only when the texts before it cannot be read: for a found formula it is the extracted text again.
      () => (literal ? extracted.text : trimAnswer(candidate)),
      // Last, a chain of equalities whose earlier sides cannot be read (`f∘g∘h = ... = 3 sin(x^2) - 2`) ends with its answer.
      () => (extracted.text.includes('=') && !RELATION_TYPES.has(type) ? lastSide(extracted.text) : undefined),
    ]),
    type,
    read,
  );
  // Prose around a number ("the total is 1,000.99€ in all"): the last number in it.
  // Only prose: a number is never mined out of malformed LaTeX.
  // A `$` before a line break opened a formula that extraction refused; elsewhere it is a currency sign.
  const prose = !/[\\{}^_]|\$[ \t]*\n/.test(extracted.text);
  if (type === 'number' && prose && !('limit' in parsed) && ('error' in parsed || freeSymbols(valueOf(parsed.node)).size > 0)) {
    // "There are six primes in 87·89·91·93": the count the sentence states, not its last number.
    const statedCount = /\bthere\s+(?:are|is|were|was)\s+(?:exactly\s+)?([a-z]+(?:-[a-z]+)?|\d[\d,]*(?:\.\d+)?)\b(?!\s*(?:or|to|and|-|–|\/)\s)/i;
    // Extraction may have cut the sentence after its "there are" (a conclusion marker): the whole short text is searched too.
    const stated = statedCount.exec(extracted.text)?.[1] ?? (candidate.length < 300 ? statedCount.exec(candidate)?.[1] : undefined);
    const count = stated === undefined ? undefined : numberWordsToDigits(stated);
    const numbers =
      count !== undefined && /^\d[\d,]*(?:\.\d+)?$/.test(count)
        ? [count]
        : numberWordsToDigits(extracted.text).match(/(?<![A-Za-z\d.])-?\d[\d,]*(?:\.\d+)?(?:\s*π)?(?:\s*\/\s*\d+(?:\.\d+)?)?(?!\d)(?:\s*(?:%|percent|[kKMBG](?![a-z])|thousand|million|billion))?/g);
    const last = numbers?.[numbers.length - 1];
    if (last) {
      const fallback = readCandidate([last], type, read);
      if (!('error' in fallback)) parsed = fallback;
    }
  }
  if ('error' in parsed) {
    return staged(result(type, unparseable(`the answer could not be read: ${parsed.error}`), extracted.text.slice(0, 200), printed, t0), 'read');
  }
  // normalise
  let answer = parsed.node;
  // `[-2, 7]` in a key is a pair or an interval; an answer written `-2 \le x \le 7` settles it.
  if (!prepared.declared && type === 'tuple' && expected.kind === 'tuple' && expected.items.length === 2 && answer.kind === 'rel' && asInterval(answer)) type = 'interval';
  if (type === 'shape') answer = shapeSide(answer);
  else if (type === 'piecewise') answer = valueOf(statedCases(answer));
  else if (!RELATION_TYPES.has(type) && type !== 'interval') answer = valueOf(answer);
  else if (type === 'equation') answer = withoutOptimumMark(concluded(answer, expected), expected);
  // The answer's symbols, found once: most answers are not rewritten below, and each walk of the tree found the same.
  const normalised = answer;
  const normalisedSymbols = freeSymbols(answer);
  answer = asciiGreek(answer, normalisedSymbols, prepared.names, expected);
  // (Only a sum can leave its count unstated.)
  if (/\\sum|[∑Σ]/.test(extracted.text)) answer = overTheKeysRange(answer, expected);
  const shown = printMath(answer);
  const answerSymbols = answer === normalised ? normalisedSymbols : freeSymbols(answer);
  const sides = { answer: [...answerSymbols], expected: [...expectedSymbols(expected)] };
  // `-2 \le x \le 7` for an interval: x is the interval's own variable, not a symbol of the question.
  const asBounds = type === 'interval' ? asInterval(answer) : undefined;
  const used = asBounds ? new Set([...freeSymbols(asBounds.lo), ...freeSymbols(asBounds.hi)]) : answerSymbols;
  // Transposed symbols are matrices and vectors even where the key does not declare them.
  const reading = MATRIX_TYPES.has(type) ? inferMatrices(expected, answer, symbols) : undefined;
  // `I` in a matrix answer (or one read as matrices) is the identity of the size it needs.
  const identity = (s: string) => isIdentityName(s) && (type === 'matrix' || (reading?.kind === 'matrices' && reading.symbols[s] !== undefined));
  const unknown = [...used, ...indexedFamilies(answer)].filter((s) => !prepared.names.has(s) && !identity(s));
  if (unknown.length) {
    const v: TypeVerdict = { verdict: 'incorrect', score: 0, check: 'structural', reason: `uses a symbol the question does not define: ${unknown.join(', ')}`, category: 'hallucinated-data' };
    return staged(withSymbols(result(type, v, shown, printed, t0), sides, 'undefined-symbol'), 'normalise');
  }
  if (shown === printed) {
    return staged(
      withSymbols(result(type, { verdict: 'correct', score: 1, check: 'structural', reason: 'the same answer as the key, once notation is set aside' }, shown, printed, t0), sides),
      'normalise',
    );
  }
  let compareSymbols = symbols;
  if (reading?.kind === 'misfit') {
    const v: TypeVerdict = { verdict: 'incorrect', score: 0, check: 'structural', reason: `read as matrices and vectors (${reading.inferred.join(', ')}): ${reading.reason}` };
    return staged(withSymbols(result(type, v, shown, printed, t0), sides), 'compare');
  }
  if (reading?.kind === 'matrices') compareSymbols = reading.symbols;
  // compare
  const ctx: CheckContext = { spec, type, symbols: compareSymbols, read, answerText: parsed.text, budget, ...(options.cas ? { cas: options.cas } : {}) };
  const checker = CHECKERS[type] ?? checkExpression;
  let verdict = checker(expected, answer, ctx);
  if (type === 'number' && verdict.verdict === 'correct') verdict = roundedAgrees(parsed.node, expected, (n) => checker(expected, n, ctx).verdict === 'correct') ?? verdict;
  return staged(withSymbols(withMisfit(result(type, verdict, shown, printed, t0), type, answer, expected, verdict.misfit), sides), 'compare');
}

/**
 * `\frac{(14.14)^2}{19.6} \approx 20.4`: a right exact form whose stated decimal is wrong. The
 * number a TA reads is the decimal; it must round from the expected value at the digits it
 * shows (`\approx 0.707` for `\frac{1}{\sqrt 2}` does) or be within the key's tolerance, else
 * the answer is wrong.
 */
function roundedAgrees(answer: Node, expected: Node, withinTolerance: (n: Node) => boolean): TypeVerdict | undefined {
  if (answer.kind !== 'rel' || answer.ops[answer.ops.length - 1] !== '~' || !isConstant(expected)) return undefined;
  const last = answer.args[answer.args.length - 1]!;
  const num = last.kind === 'neg' && last.arg.kind === 'num' ? last.arg : last.kind === 'num' ? last : undefined;
  if (!num) return undefined;
  const stated = (last.kind === 'neg' ? -1 : 1) * Number(num.text);
  const want = constantValue(expected);
  const decimals = /\.(\d+)$/.exec(num.text)?.[1]?.length ?? 0;
  // Half a unit in the last digit shown, and a little for the expected value's own rounding.
  if (!Number.isFinite(stated) || !Number.isFinite(want) || Math.abs(stated - want) <= 0.5 * 10 ** -decimals * 1.001 + 1e-9 * Math.abs(want)) return undefined;
  // A value the key's own tolerance takes (`\approx 40` for 40.8 within 2%) is right as it is.
  if (withinTolerance(last)) return undefined;
  return incorrect('tolerance', `the exact form is right, but the value it states, ${num.text}, is not ${printMath(expected)} rounded`, 'arithmetic');
}
