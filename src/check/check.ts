import type { AnswerSpec, AnswerType } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { CheckResult } from '../model/verdict.js';
import type { Node } from '../math/latex/ast.js';
import { parseMath, ParseError, type ReadContext } from '../math/latex/parse.js';
import { printMath } from '../math/latex/print.js';
import { LimitError } from '../math/limits.js';
import { extractAnswer, assertReadable, trimAnswer, UnreadableError } from './extract.js';
import { prepareFor, prepareKeyValue } from './prepare.js';
import { inferType } from './infer.js';
import { freeSymbols } from '../math/sampling.js';
import { indexedFamilies, readContextOf, symbolsOf } from './symbols.js';
import { resetWorkBudget } from '../math/evaluate.js';
import { valueOf } from './named-values.js';
import type { Cas } from './equivalence.js';
import { unparseable, type CheckContext, type TypeChecker, type TypeVerdict } from './context.js';
import { checkExpression, checkNumber } from './types/scalar-types.js';
import { asInterval, checkInterval, checkMatrix, checkSet, checkShape, checkTuple, checkVector } from './types/structured.js';
import { checkEquation, checkPiecewise, checkRelation, checkUpdate } from './types/relations.js';
import { checkChoice, checkText } from './types/choice.js';
import { checkTable } from './types/table.js';

/** Options of one check beside the spec. */
export interface CheckOptions {
  /** Declared symbols and their assumptions. Without them, the expected answer's symbols, real, unconstrained. */
  symbols?: SymbolTable;
  /** A computer-algebra stage to prove equalities the exact stage cannot (see `loadCas`). */
  cas?: Cas;
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

/** Types whose answer is a relation; for the rest `x = 5` is read as the value 5. */
const RELATION_TYPES = new Set<AnswerType>(['equation', 'relation', 'update']);

/** For a shape, the side of `14 \times 14 \times 10 = 1960` that is a shape is the answer. */
function shapeSide(n: Node): Node {
  if (n.kind === 'rel' && n.ops.every((o) => o === '=')) return n.args.find((a) => a.kind === 'cross' || a.kind === 'tuple') ?? valueOf(n);
  return valueOf(n);
}

function declaredNames(symbols: SymbolTable): Set<string> {
  return readContextOf(symbols).symbols as Set<string>;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function result(type: AnswerType, v: TypeVerdict, answer: string, expected: string, t0: number): CheckResult {
  return {
    verdict: v.verdict,
    score: v.score ?? (v.verdict === 'correct' ? 1 : 0),
    type,
    answer,
    expected,
    check: v.check,
    reason: v.reason,
    ...(v.category ? { category: v.category } : {}),
    ms: Math.round((performance.now() - t0) * 100) / 100,
  };
}

/** The class of object a node is, for telling a wrong answer from an answer of another kind. */
function kindClass(n: Node): string {
  if (n.kind === 'cross' || n.kind === 'tuple') return 'tuple';
  // An equation, an inequality and a chain of steps (`a = 1 ⇒ c = b`) are different things to give.
  if (n.kind === 'rel') return n.ops.every((o) => o === '=') ? 'equation' : n.ops.every((o) => ['<', '>', '<=', '>='].includes(o)) ? 'inequality' : 'relation';
  return ['set', 'interval', 'matrix', 'rel', 'cases', 'text', 'union'].includes(n.kind) ? n.kind : 'scalar';
}

/** Marks a format mistake that is another kind of object than the expected one (MisfitCode). */
function withMisfit(r: CheckResult, type: AnswerType, answer: Node, expected: Node): CheckResult {
  if (r.verdict !== 'incorrect' || r.category !== 'format' || r.check !== 'structural') return r;
  const a = kindClass(answer);
  const e = kindClass(expected);
  return a !== e || type === 'piecewise' ? { ...r, misfit: 'wrong-kind' } : r;
}

function withSymbols(r: CheckResult, symbols: CheckResult['symbols'], misfit?: CheckResult['misfit']): CheckResult {
  return { ...r, ...(symbols ? { symbols } : {}), ...(misfit ? { misfit } : {}) };
}

/** Parses text for an answer of `type`, trying the extracted answer and then the raw text. */
function readCandidate(texts: string[], type: AnswerType, read: ReadContext): { node: Node; text: string } | { error: string; limit?: true } {
  let firstError = '';
  for (const text of texts) {
    try {
      return { node: parseMath(prepareFor(type, text), read), text };
    } catch (e) {
      if (e instanceof LimitError) return { error: e.message, limit: true };
      if (!(e instanceof ParseError)) throw e;
      firstError ||= e.message;
    }
  }
  return { error: firstError };
}

/**
 * Checks one candidate answer against one expected answer: finds the answer in the text,
 * reads both, and decides with the checker of the answer's type. Never throws: bad input is a
 * verdict (`unparseable`, `undecided`) with a reason.
 */
export function checkAnswer(spec: AnswerSpec, candidate: string, options: CheckOptions = {}): CheckResult {
  const t0 = performance.now();
  resetWorkBudget();
  const declaredType = spec.type;
  try {
    if (declaredType === 'text') return result('text', checkText(spec), trimAnswer(candidate), '', t0);
    try {
      assertReadable(candidate);
    } catch (e) {
      return result(declaredType ?? 'expression', unparseable(describeError(e)), '', spec.value ?? '', t0);
    }
    // A choice is judged on the extracted answer's words, whether the key declared it or it reads as one.
    const choice = (choiceSpec: AnswerSpec, shown: string) => {
      const text = extractAnswer(candidate).text;
      return result('choice', checkChoice(choiceSpec, text), trimAnswer(text), shown, t0);
    };
    if (declaredType === 'choice') return choice(spec, (spec.options ?? []).join(' | '));
    if (declaredType === 'table') {
      const v = checkTable(spec, candidate, (cellSpec, cell) => checkAnswer(cellSpec, cell, options));
      return result('table', v, '(table)', '(table)', t0);
    }
    // A key value may come wrapped as a solution writes it (`$...$`, `\boxed{}`).
    const written = spec.value !== undefined && /\$|\\boxed|\\\[|\\\(/.test(spec.value) ? extractAnswer(spec.value).text : spec.value;
    const raw = written === undefined ? undefined : prepareKeyValue(written);
    if (raw === undefined || raw.trim() === '') {
      return result(declaredType ?? 'expression', { verdict: 'undecided', score: 0, check: 'none', reason: 'the key gives no expected answer' }, '', '', t0);
    }
    let symbols: SymbolTable = options.symbols ?? {};
    let expected: Node;
    let type: AnswerType;
    try {
      expected = parseMath(prepareFor(declaredType ?? 'expression', raw), readContextOf(symbols));
      type = declaredType ?? inferType(expected, raw);
      if (type === 'number' || type === 'shape') expected = parseMath(prepareFor(type, raw), readContextOf(symbols));
    } catch (e) {
      if (!(e instanceof ParseError || e instanceof LimitError)) throw e;
      if (declaredType === undefined) {
        // A bare word in a key is a choice of one option.
        const words = raw.replace(/\\text\{([^}]*)\}/g, '$1');
        if (/^[A-Za-z][A-Za-z\s-]*$/.test(words.trim())) return choice({ ...spec, options: [words.trim()] }, raw);
      }
      return result(declaredType ?? 'expression', { verdict: 'undecided', score: 0, check: 'parse', reason: `the expected answer could not be read: ${describeError(e)}` }, '', raw, t0);
    }
    if (!RELATION_TYPES.has(type)) expected = valueOf(expected);
    symbols = symbolsOf(expected, options.symbols);
    const read = readContextOf(symbols);
    if (type === 'choice') return choice({ ...spec, options: [printMath(expected)] }, printMath(expected));
    const extracted = extractAnswer(candidate);
    let parsed = readCandidate([...new Set([extracted.text, trimAnswer(candidate)])], type, read);
    // Prose around a number ("the total is 1,000.99€ in all"): the last number in it.
    // Only prose: a number is never mined out of malformed LaTeX.
    // A `$` before a line break opened a formula that extraction refused; elsewhere it is a currency sign.
    const prose = !/[\\{}^_]|\$[ \t]*\n/.test(extracted.text);
    if (type === 'number' && prose && !('limit' in parsed) && ('error' in parsed || freeSymbols(valueOf(parsed.node)).size > 0)) {
      const numbers = extracted.text.match(/(?<![A-Za-z\d.])-?\d[\d,]*(?:\.\d+)?(?!\d)(?:\s*(?:%|percent|[kKMBG](?![a-z])|thousand|million|billion))?/g);
      const last = numbers?.[numbers.length - 1];
      if (last) {
        const fallback = readCandidate([last], type, read);
        if (!('error' in fallback)) parsed = fallback;
      }
    }
    if ('error' in parsed) {
      return result(type, unparseable(`the answer could not be read: ${parsed.error}`), extracted.text.slice(0, 200), printMath(expected), t0);
    }
    let answer = parsed.node;
    // `[-2, 7]` in a key is a pair or an interval; an answer written `-2 \le x \le 7` settles it.
    if (!declaredType && type === 'tuple' && expected.kind === 'tuple' && expected.items.length === 2 && answer.kind === 'rel' && asInterval(answer)) type = 'interval';
    if (type === 'shape') answer = shapeSide(answer);
    else if (!RELATION_TYPES.has(type) && type !== 'interval') answer = valueOf(answer);
    const sides = { answer: [...freeSymbols(answer)], expected: [...freeSymbols(expected)] };
    const declared = declaredNames(symbols);
    // `-2 \le x \le 7` for an interval: x is the interval's own variable, not a symbol of the question.
    const asBounds = type === 'interval' ? asInterval(answer) : undefined;
    const used = asBounds ? new Set([...freeSymbols(asBounds.lo), ...freeSymbols(asBounds.hi)]) : freeSymbols(answer);
    // `I` in a matrix answer is the identity of the expected size.
    const unknown = [...used, ...indexedFamilies(answer)].filter((s) => !declared.has(s) && !(type === 'matrix' && s === 'I'));
    if (unknown.length) {
      return withSymbols(result(
        type,
        {
          verdict: 'incorrect',
          score: 0,
          check: 'structural',
          reason: `uses a symbol the question does not define: ${unknown.join(', ')}`,
          category: 'hallucinated-data',
        },
        printMath(answer),
        printMath(expected),
        t0,
      ), sides, 'undefined-symbol');
    }
    if (printMath(answer) === printMath(expected)) {
      return withSymbols(result(type, { verdict: 'correct', score: 1, check: 'structural', reason: 'the same answer as the key, once notation is set aside' }, printMath(answer), printMath(expected), t0), sides);
    }
    const ctx: CheckContext = { spec, type, symbols, read, answerText: parsed.text, ...(options.cas ? { cas: options.cas } : {}) };
    const checker = CHECKERS[type] ?? checkExpression;
    return withSymbols(withMisfit(result(type, checker(expected, answer, ctx), printMath(answer), printMath(expected), t0), type, answer, expected), sides);
  } catch (e) {
    if (e instanceof LimitError) return result(declaredType ?? 'expression', { verdict: 'undecided', score: 0, check: 'limits', reason: e.message }, '', spec.value ?? '', t0);
    if (e instanceof UnreadableError) return result(declaredType ?? 'expression', unparseable(e.message), '', spec.value ?? '', t0);
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return result(declaredType ?? 'expression', { verdict: 'undecided', score: 0, check: 'limits', reason: 'the answer is nested too deeply to check' }, '', spec.value ?? '', t0);
    }
    return result(declaredType ?? 'expression', { verdict: 'undecided', score: 0, check: 'none', reason: `internal error while checking: ${describeError(e)}` }, '', spec.value ?? '', t0);
  }
}
