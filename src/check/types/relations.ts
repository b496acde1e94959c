import type { Node, NodeOf, RelOp } from '../../math/latex/ast.js';
import { printMath } from '../../math/latex/print.js';
import { correct, incorrect, undecided, type CheckContext, type TypeChecker, type TypeVerdict } from '../context.js';
import { proportional } from '../proportional.js';
import { evaluate, type Point } from '../../math/evaluate.js';
import { freeSymbols, samplePoint } from '../../math/sampling.js';
import { hashString, seededRandom } from '../../math/random.js';
import { compareScalars } from '../scalar.js';
import { checkExpression, verdictFromComparison } from './scalar-types.js';
import { asInterval, checkInterval } from './structured.js';
import { isName, isNameLike, valueOf } from '../named-values.js';
import { absoluteRange } from '../absolute.js';
import { sameSolution } from '../solved-form.js';

type Rel = NodeOf<'rel'>;

const minus = (a: Node, b: Node): Node => ({ kind: 'add', terms: [a, { kind: 'neg', arg: b }] });

/** The equation `a = b = c` as its first and last sides. */
function ends(r: Rel): [Node, Node] {
  return [r.args[0]!, r.args[r.args.length - 1]!];
}

/** `\eta^*`, `w^\star`: the optimum's mark on a name. */
const OPTIMUM_MARK = /\^(?:\*|\\star|\\ast)$/;

/**
 * `\eta^* = \frac{1}{\sigma_1^2 + \sigma_2^2}` for the key's `\eta = ...`: the optimum's mark on the
 * name the key's left side gives names the same quantity; the answer then reads with the key's name.
 */
export function withoutOptimumMark(answer: Node, expected: Node): Node {
  if (answer.kind !== 'rel' || expected.kind !== 'rel') return answer;
  const [l, want] = [answer.args[0]!, expected.args[0]!];
  if (l.kind !== 'sym' || want.kind !== 'sym' || !OPTIMUM_MARK.test(l.name) || OPTIMUM_MARK.test(want.name) || l.name.replace(OPTIMUM_MARK, '') !== want.name) return answer;
  return { ...answer, args: [want, ...answer.args.slice(1)] };
}

/** Compares a candidate to the right side of `name = rhs` (or `name ← rhs`). */
function compareRightSides(target: Node, rhs: Node, answer: Node, ctx: CheckContext, ops: RelOp[]): TypeVerdict | undefined {
  let candidate: Node = answer;
  if (answer.kind === 'rel') {
    const [l, r] = ends(answer);
    if (printMath(l) === printMath(target) && answer.ops.every((o) => ops.includes(o) || o === '=' || o === '~'))
      candidate = valueOf({ ...answer, ops: answer.ops.map((o) => (o === 'assign' ? '=' : o)) });
    else if (printMath(r) === printMath(target) && answer.ops.length === 1 && ops.includes(answer.ops[0]!)) candidate = l;
    else if (isName(l) && answer.ops.every((o) => o === '=' || o === 'assign'))
      return incorrect('structural', `the answer gives ${printMath(l)}; the question asks for ${printMath(target)}`, 'format');
    else return undefined;
  }
  return verdictFromComparison(compareScalars(rhs, candidate, ctx), rhs, candidate, ctx, `${printMath(target)} =`);
}

/** `equation`: the same equation, rearranged or not; a bare right side when the left is one symbol. */
export const checkEquation: TypeChecker = (expected, answer, ctx) => {
  if (expected.kind !== 'rel') return checkExpression(expected, answer, ctx);
  const [l, r] = ends(expected);
  if (isName(l)) {
    const direct = compareRightSides(l, r, answer, ctx, ['=']);
    if (direct) return direct;
  }
  // `|AB| = 1`, `J(V) = \frac12 V^2`: a bare value answers for the quantity the left side names.
  if (answer.kind !== 'rel' && expected.args.slice(0, -1).some(isNameLike)) return verdictFromComparison(compareScalars(r, answer, ctx), r, answer, ctx);
  if (answer.kind !== 'rel' || !answer.ops.every((o) => o === '=')) {
    return incorrect('structural', `an equation was expected; the answer is ${printMath(answer)}`, 'format');
  }
  const [al, ar] = ends(answer);
  if (proportional(minus(l, r), minus(al, ar), ctx, 0)) return correct('numeric', 'the same equation, rearranged');
  // Matrix sides have no scalar ratio to sample: `(X - W_2 W_1 X)(W_1 X)^T = 0` is the equation
  // `(X - W_2 W_1 X) X^T W_1^T = 0` when the sides' differences are equal matrices, or opposite.
  if (Object.values(ctx.symbols).some((s) => s.matrix)) {
    // (A zero side is the zero matrix, not a scalar to subtract.)
    const zero = (n: Node) => n.kind === 'num' && n.value.n === 0n;
    const d = zero(r) ? l : minus(l, r);
    const ad = zero(ar) ? al : minus(al, ar);
    if (compareScalars(d, ad, ctx).equal === true || compareScalars(d, { kind: 'neg', arg: ad }, ctx).equal === true) return correct('numeric', 'the same matrix equation, rearranged');
  }
  // `c^2 d_in = 1` for `c = 1/√d_in`: an equation with the same solution under c's assumptions.
  if (l.kind === 'sym' && !freeSymbols(r).has(l.name) && (freeSymbols(al).has(l.name) || freeSymbols(ar).has(l.name))) {
    const why = sameSolution(l.name, r, al, ar, ctx);
    if (!why) return correct('numeric', `the same solution for ${l.name} under its assumptions`);
    return incorrect('numeric', why);
  }
  return incorrect('numeric', `${printMath(answer)} is not the equation ${printMath(expected)}`);
};

/** `f ≤ 0` / `f < 0` form of a one-operator inequality. */
function asSignForm(r: Rel): { f: Node; strict: boolean; op: RelOp } | undefined {
  if (r.ops.length !== 1) return undefined;
  const [a, b] = [r.args[0]!, r.args[1]!];
  switch (r.ops[0]) {
    case '<':
      return { f: minus(a, b), strict: true, op: '<' };
    case '<=':
      return { f: minus(a, b), strict: false, op: '<=' };
    case '>':
      return { f: minus(b, a), strict: true, op: '<' };
    case '>=':
      return { f: minus(b, a), strict: false, op: '<=' };
    case '!=':
      return { f: minus(a, b), strict: true, op: '!=' };
    default:
      return undefined;
  }
}

/**
 * `\|\Delta W\|_2 \le \frac{1}{c}\sqrt{d_{out}/d_{in}} = \sqrt{d_{out}}`: a derivation's chain with one
 * inequality and equalities, which bounds its first side by its last (`\|\Delta W\|_2 \le \sqrt{d_{out}}`).
 * Any other relation is returned as it is.
 */
function collapsedChain(r: Rel): Rel {
  const inequalities = r.ops.filter((o) => o !== '=');
  if (r.ops.length < 2 || inequalities.length !== 1 || !['<', '<=', '>', '>='].includes(inequalities[0]!)) return r;
  return { ...r, ops: [inequalities[0]!], args: [r.args[0]!, r.args[r.args.length - 1]!] };
}

/**
 * `\|\Delta y\|_{RMS} \le \|\Delta W\|_2/\sqrt{d_{out}}` or `\|c\,\alpha\,U V^T\|_2 \le \sqrt{d_{out}}` where a
 * bound on `\|\Delta W\|_2` or `\alpha` is asked for: neither side is the asked quantity, one side is
 * written in it and a side brings in a quantity the expected bound does not have. Such a bound is
 * about something else (a step of the working the answer is derived from), not a wrong answer.
 */
function boundsAnother(subject: Node, expected: Node, bound: Rel): boolean {
  if (bound.args.length !== 2) return false;
  const own = printMath(subject);
  if (bound.args.some((a) => printMath(a) === own)) return false;
  const asked = freeSymbols(subject);
  const known = freeSymbols(expected);
  const symbols = bound.args.map((a) => freeSymbols(a));
  const inTermsOfIt = symbols.some((s) => asked.size > 0 && [...asked].every((x) => s.has(x)));
  return inTermsOfIt && symbols.some((s) => [...s].some((x) => !known.has(x)));
}

/** `relation`: the same bound; with `boundary: true` the equation of the boundary counts too. */
export const checkRelation: TypeChecker = (expected, answer, ctx) => {
  // A bound on |x| is the intervals it allows; compared as intervals with any way of writing them.
  const absExpected = absoluteRange(expected);
  const absAnswer = absoluteRange(answer);
  if (absExpected || absAnswer) return checkInterval(absExpected ?? expected, absAnswer ?? answer, ctx);
  if (expected.kind !== 'rel') return checkExpression(expected, answer, ctx);
  if (expected.ops.length === 2 || expected.ops[0] === 'in') {
    if (asInterval(expected)) return checkInterval(expected, answer, ctx);
  }
  const want = asSignForm(expected);
  if (!want) return checkEquation(expected, answer, ctx);
  const [l, r] = [expected.args[0]!, expected.args[1]!];
  if (printMath(answer) === printMath(l)) return incorrect('structural', `a bound on ${printMath(l)} was expected; the answer is ${printMath(answer)} itself`, 'format');
  if (ctx.spec.boundary) {
    const isEquation = answer.kind === 'rel' && answer.ops.every((o) => o === '=');
    if (!isEquation && answer.kind !== 'rel' && isName(l)) {
      const v = compareRightSides(l, r, answer, ctx, ['=']);
      if (v?.verdict === 'correct') return { ...v, reason: `${v.reason} (the boundary of the bound, accepted)` };
      if (v) return v;
    }
    if (isEquation && answer.kind === 'rel') {
      const [al, ar] = ends(answer);
      if (proportional(want.f, minus(al, ar), ctx, 0)) return correct('numeric', 'the boundary of the expected bound (accepted: boundary)');
      if (isName(l) && printMath(al) === printMath(l)) {
        const v = compareRightSides(l, r, answer, ctx, ['=']);
        if (v) return { ...v, reason: `${v.reason} (for the boundary of ${printMath(expected)})` };
      }
    }
  }
  if (answer.kind !== 'rel') {
    return incorrect('structural', `a bound (${printMath(expected)}) was expected; the answer is ${printMath(answer)}`, 'incomplete');
  }
  // `0 < \eta < 2/L` or `\eta \in (0, 2/L)` for the key's `\eta < 2/L`: a rate's lower bound 0 is
  // implied; the upper bound decides.
  const range = asInterval(answer);
  if (range && (answer.ops.length === 2 || answer.ops[0] === 'in') && isName(l) && ['<', '<='].includes(expected.ops[0]!)) {
    const lowerIsZero = range.lo.kind === 'num' && range.lo.value.n === 0n;
    if (lowerIsZero) {
      const upper: Node = { kind: 'rel', ops: [range.hiClosed ? '<=' : '<'], args: [l, range.hi] };
      const v = checkRelation(expected, upper, ctx);
      return v.verdict === 'correct' ? { ...v, reason: `${v.reason} (the lower bound 0 is implied)` } : v;
    }
  }
  const got = asSignForm(answer) ?? asSignForm(collapsedChain(answer));
  if (!got) return incorrect('structural', `${printMath(answer)} is not a single inequality like ${printMath(expected)}`);
  if (want.op === '!=' || got.op === '!=') {
    if (want.op !== got.op) return incorrect('structural', `${printMath(answer)} is not ${printMath(expected)}`);
    return proportional(want.f, got.f, ctx, 0) ? correct('numeric', 'the same relation') : incorrect('numeric', `${printMath(answer)} is not ${printMath(expected)}`);
  }
  // The bounded quantity is what the bound is about, declared positive or not: a factor that
  // moves with it can change sign between the two boundaries (α ≤ 1/d against α ≤ 1/√d).
  const subjects = isName(l) ? [...freeSymbols(l)] : [];
  if (!proportional(want.f, got.f, ctx, 1, subjects)) {
    if (proportional(want.f, got.f, ctx, 0)) return incorrect('numeric', `the bound points the wrong way: ${printMath(answer)} against ${printMath(expected)}`);
    if (boundsAnother(l, expected, asSignForm(answer) ? answer : collapsedChain(answer)))
      return { ...incorrect('structural', `${printMath(answer)} bounds another quantity than ${printMath(l)}`, 'format'), misfit: 'wrong-kind' };
    return incorrect('numeric', `${printMath(answer)} is not the bound ${printMath(expected)}`);
  }
  if (want.strict !== got.strict) {
    return incorrect('structural', `the right bound, but ${want.strict ? 'strict' : 'not strict'} was expected (${printMath(expected)})`, 'format');
  }
  return correct('numeric', 'the same bound');
};

/** Update rules (`v \leftarrow ...`): the same right-hand side, component by component. */
export const checkUpdate: TypeChecker = (expected, answer, ctx) => {
  if (expected.kind !== 'rel') return checkExpression(expected, answer, ctx);
  const [target, rhs] = ends(expected);
  const v = compareRightSides(target, rhs, answer, ctx, ['assign', '=']);
  return v ?? undecided('structural', `could not read ${printMath(answer)} as an update of ${printMath(target)}`);
};

/** `piecewise`: equal value at every point of the declared domain, however the cases are split. */
/** The values where either side's cases change: the sides of every condition's comparisons, at the other symbols' values. */
function breakpoints(expected: Node, answer: Node, base: Point, ctx: CheckContext): number[] {
  const out: number[] = [];
  for (const n of [expected, answer]) {
    if (n.kind !== 'cases') continue;
    for (const c of n.cases) {
      if (c.when === 'otherwise') continue;
      const conditions = c.when.kind === 'tuple' ? c.when.items : [c.when];
      for (const cond of conditions) {
        if (cond.kind !== 'rel') continue;
        for (const side of cond.args) {
          const v = evaluate(side, base, ctx.budget);
          if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
        }
      }
    }
  }
  return out;
}

/**
 * A case's value as the value it names: `(2^7 - 1) 2^{-n} = 127 \cdot 2^{-n}` (a branch worked to its
 * simplest form in place) is its last side, as any answer's chain is; a relation left as it is evaluates
 * to no number and the branch would read as undefined.
 */
function caseValues(answer: Node): Node {
  if (answer.kind !== 'cases') return answer;
  return { ...answer, cases: answer.cases.map((c) => ({ ...c, value: c.value.kind === 'rel' ? valueOf(c.value) : c.value })) };
}

export const checkPiecewise: TypeChecker = (expected, written, ctx) => {
  const answer = caseValues(written);
  const domain = ctx.spec.domain ?? {};
  const names = [...new Set([...Object.keys(domain), ...freeSymbols(expected)])];
  // The variable: the declared domain's, else the one the cases' conditions test.
  const inConditions = expected.kind === 'cases' ? expected.cases.flatMap((c) => (c.when === 'otherwise' ? [] : [...freeSymbols(c.when)])) : [];
  const variable = Object.keys(domain)[0] ?? inConditions[0] ?? names.find((n) => !ctx.symbols[n]);
  if (!variable) return checkExpression(expected, answer, ctx);
  const d = domain[variable] ?? {};
  // Signals indexed n, k, m (y[n]) are sequences: integer points unless the key says otherwise.
  const integer = d.integer ?? ctx.symbols[variable]?.integer ?? /^[nkmij]$/.test(variable);
  const lo = d.min ?? -10;
  const hi = d.max ?? 20;
  const points: number[] = [];
  if (integer && hi - lo <= 5000) for (let x = Math.ceil(lo); x <= hi; x++) points.push(x);
  else {
    const rng = seededRandom(hashString(printMath(expected)));
    for (let i = 0; i < 400; i++) points.push(integer ? Math.round(lo + rng() * (hi - lo)) : lo + rng() * (hi - lo));
  }
  const others = names.filter((n) => n !== variable);
  const rng = seededRandom(hashString(printMath(answer)));
  const base = samplePoint(rng, others, ctx.symbols);
  // Breakpoints are tested exactly: ReLU' written with x > 0 and with x ≥ 0 differ at 0 alone.
  for (const b of breakpoints(expected, answer, base, ctx)) if (b >= lo && b <= hi && !points.includes(b)) points.push(b);
  let wrong = 0;
  let undefinedAnswers = 0;
  let first = '';
  const notAFormula = () => incorrect('structural', `a formula for every ${variable} was expected; the answer is ${printMath(answer)}`, 'format');
  for (const x of points) {
    const at = new Map(base);
    at.set(variable, x);
    const want = evaluate(expected, at, ctx.budget);
    const got = evaluate(answer, at, ctx.budget);
    if (typeof want !== 'number' || typeof got !== 'number') return notAFormula();
    if (Number.isNaN(got)) undefinedAnswers++;
    // Signals (integer variables) are zero outside the cases an answer gives: no case for n < 0
    // where the key says 0 agrees. A function of a real variable with a branch missing is undefined there.
    const zeroOutside = integer && Number.isNaN(got) && answer.kind === 'cases' && want === 0;
    const same = zeroOutside || (Number.isNaN(want) && Number.isNaN(got)) || Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want));
    if (!same) {
      wrong++;
      if (!first) first = `at ${variable} = ${x} the answer is ${fmt(got)}, expected ${fmt(want)}`;
    }
  }
  if (undefinedAnswers === points.length) return notAFormula();
  if (!wrong) return correct('numeric', `equal at all ${points.length} points of the domain ${integer ? `(integers ${lo}..${hi})` : `[${lo}, ${hi}]`}`);
  return incorrect('numeric', `differs at ${wrong} of ${points.length} points; ${first}`);
};

function fmt(x: number): string {
  return Number.isNaN(x) ? 'undefined' : Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
