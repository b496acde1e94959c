import type { Node } from '../../math/latex/ast.js';
import { printMath } from '../../math/latex/print.js';
import { DEFAULT_TOLERANCE, correct, incorrect, undecided, type CheckContext, type TypeChecker, type TypeVerdict } from '../context.js';
import { compareScalars, constantValue, isConstant, numbersMatch } from '../scalar.js';
import { numericCompare, type Comparison } from '../equivalence.js';
import { evaluate, type Point } from '../../math/evaluate.js';
import { samplePoint } from '../../math/sampling.js';
import { hashString, seededRandom } from '../../math/random.js';
import { freeSymbols } from '../../math/sampling.js';
import { involvesMatrices } from '../symbols.js';

/** Reason text for a structural mismatch: what kind of thing the answer is. */
export function describeKind(n: Node): string {
  switch (n.kind) {
    case 'tuple':
      return `a list of ${n.items.length} values`;
    case 'set':
      return `a set of ${n.items.length} elements`;
    case 'interval':
      return 'an interval';
    case 'matrix':
      return `a ${n.rows.length}×${n.rows[0]?.length ?? 0} matrix`;
    case 'rel':
      return 'an equation or inequality';
    case 'cases':
      return 'a piecewise definition';
    case 'text':
      return `words ("${n.text}")`;
    case 'cross':
      return `a product written with × (${printMath(n)})`;
    default:
      return isConstant(n) ? 'a number' : 'an expression';
  }
}

const NON_SCALAR = new Set(['tuple', 'set', 'interval', 'matrix', 'rel', 'cases', 'text', 'union']);

/** Strips one percent sign, for the "28% vs 28" comparison. */
function withoutPercent(n: Node): Node | undefined {
  if (n.kind === 'percent') return n.arg;
  if (n.kind === 'neg' && n.arg.kind === 'percent') return { kind: 'neg', arg: n.arg.arg };
  return undefined;
}

/** `number`: a constant compared within tolerance, to significant figures, or exactly. */
export const checkNumber: TypeChecker = (expected, answer, ctx) => {
  if (NON_SCALAR.has(answer.kind)) return incorrect('structural', `a single number was expected; the answer is ${describeKind(answer)}`, 'format');
  const free = [...freeSymbols(answer)];
  if (free.length) return incorrect('structural', `a number was expected; the answer still contains ${free.join(', ')}`, 'incomplete');
  const got = constantValue(answer, ctx.budget);
  if (Number.isNaN(got)) return undecided('numeric', 'the answer has no numeric value (for example a square root of a negative number)');
  if (!Number.isFinite(got)) return undecided('limits', 'the answer is too large to compare as a number');
  const want = constantValue(expected, ctx.budget);
  if (!Number.isFinite(want)) return undecided('limits', 'the expected value is too large to compare as a number');
  const candidates: [Node, Node, string][] = [[expected, answer, '']];
  const ePlain = withoutPercent(expected);
  const aPlain = withoutPercent(answer);
  if (ePlain && !aPlain) candidates.push([ePlain, answer, ' (the answer leaves out the % sign)']);
  if (aPlain && !ePlain) candidates.push([expected, aPlain, ' (ignoring the % sign)']);
  let rounding: string | undefined;
  for (const [e, a, note] of candidates) {
    const m = numbersMatch(e, a, ctx);
    if (m.equal) return correct(m.how === 'exactly equal' ? 'exact' : 'tolerance', `${printMath(a)} equals ${printMath(e)}, ${m.how}${note}`);
    rounding ??= m.rounding;
  }
  if (rounding) {
    return incorrect(
      'tolerance',
      `${printMath(answer)} is ${rounding} of ${printMath(expected)}; the key's tolerance (relative ${DEFAULT_TOLERANCE.rel}) does not allow it (a key accepts it with sigfigs or tolerance)`,
      'format',
    );
  }
  return incorrect('tolerance', numberMismatchReason(want, got, ctx), numberCategory(want, got));
};

function fmt(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(8)));
}

function numberMismatchReason(want: number, got: number, ctx: CheckContext): string {
  const base = `${fmt(got)} is not ${fmt(want)}`;
  if (got === -want) return `${base}: the sign is flipped`;
  if (want !== 0 && got !== 0) {
    const ratio = got / want;
    for (const k of [10, 100, 1000, 1e6]) {
      if (Math.abs(ratio - k) < 1e-9 * k || Math.abs(ratio - 1 / k) < 1e-9 / k) return `${base}: off by a factor of ${fmt(k)} (a unit or decimal-point slip?)`;
    }
  }
  if (ctx.spec.sigfigs) return `${base} to ${ctx.spec.sigfigs} significant figures`;
  return base;
}

function numberCategory(want: number, got: number): 'arithmetic' | undefined {
  return Number.isFinite(want) && Number.isFinite(got) ? 'arithmetic' : undefined;
}

/**
 * Words for why two expressions differ beyond a counterexample: a flipped sign, a constant
 * factor, or equality only on a diagonal ("equal only when d_in = d_out").
 */
export function diagnoseDifference(expected: Node, answer: Node, ctx: CheckContext): string | undefined {
  const env = { symbols: ctx.symbols, budget: ctx.budget, equalityOnly: true };
  const negated = numericCompare({ kind: 'neg', arg: expected }, answer, env);
  if (negated.equal) return 'the sign is flipped';
  const ratio = (k: number): Node => ({ kind: 'mul', factors: [{ kind: 'num', value: { n: BigInt(k), d: 1n }, text: String(k) }, expected] });
  for (const k of [2, 3, 4]) {
    if (numericCompare(ratio(k), answer, env).equal) return `the answer is ${k} times the expected value`;
    if (numericCompare({ kind: 'div', num: expected, den: { kind: 'num', value: { n: BigInt(k), d: 1n }, text: String(k) } }, answer, env).equal) {
      return `the answer is 1/${k} of the expected value (a missing factor of ${k}?)`;
    }
  }
  // Two matrices set equal make any product commute; that says nothing useful.
  if (involvesMatrices(expected, ctx.symbols) || involvesMatrices(answer, ctx.symbols)) return undefined;
  const names = [...new Set([...freeSymbols(expected), ...freeSymbols(answer)])].slice(0, 6);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const sub = (n: Node) => substitute(n, b, { kind: 'sym', name: a });
      const diag = numericCompare(sub(expected), sub(answer), { symbols: { ...ctx.symbols, [a]: stripGreater(ctx.symbols[a]) }, budget: ctx.budget, equalityOnly: true });
      if (diag.equal) return `equal only when ${a} = ${b}`;
    }
  }
  return undefined;
}

function stripGreater(a: CheckContext['symbols'][string] | undefined) {
  const { greater: _ignored, ...rest } = a ?? {};
  return rest;
}

/** The tree with every occurrence of a symbol replaced. */
export function substitute(n: Node, name: string, by: Node): Node {
  if (n.kind === 'sym') return n.name === name ? by : n;
  const rec = (x: Node) => substitute(x, name, by);
  switch (n.kind) {
    case 'add':
      return { ...n, terms: n.terms.map(rec) };
    case 'mul':
    case 'cross':
      return { ...n, factors: n.factors.map(rec) };
    case 'neg':
    case 'percent':
    case 'transpose':
      return { ...n, arg: rec(n.arg) };
    case 'div':
      return { ...n, num: rec(n.num), den: rec(n.den) };
    case 'pow':
      return { ...n, base: rec(n.base), exp: rec(n.exp) };
    case 'pm':
      return { ...n, left: n.left && rec(n.left), right: rec(n.right) };
    case 'call':
      return { ...n, args: n.args.map(rec) };
    case 'root':
      return { ...n, index: rec(n.index), arg: rec(n.arg) };
    case 'bigop':
      return n.index === name ? n : { ...n, lower: rec(n.lower), upper: rec(n.upper), body: rec(n.body) };
    case 'tuple':
    case 'set':
      return { ...n, items: n.items.map(rec) };
    case 'rel':
      return { ...n, args: n.args.map(rec) };
    default:
      return n;
  }
}

/** Turns a comparison into a verdict, with the counterexample and a diagnosis as the reason. */
export function verdictFromComparison(c: Comparison, expected: Node, answer: Node, ctx: CheckContext, what = 'the answer'): TypeVerdict {
  if (c.equal === true) {
    const how = c.check === 'exact' ? 'the same expression (exact algebra)' : c.check === 'cas' ? 'the same expression (computer algebra)' : (c.detail ?? 'equal');
    return correct(c.check, `${what} ${printMath(answer)} equals ${printMath(expected)}: ${how}`);
  }
  if (c.equal === undefined) return undecided(c.check, `could not decide whether ${printMath(answer)} equals ${printMath(expected)}${c.detail ? `: ${c.detail}` : ''}`);
  const diagnosis = diagnoseDifference(expected, answer, ctx);
  const parts = [`${printMath(answer)} is not ${printMath(expected)}`];
  if (diagnosis) parts.push(diagnosis);
  if (c.counterexample) parts.push(c.counterexample);
  return incorrect(c.check, parts.join('; '));
}

const ORDERS = new Set(['O', 'Theta', 'Omega']);

/**
 * Whether `exact` grows like `order`: as each symbol of `order` grows alone, their ratio tends
 * to a positive constant (n(n−1)/2 is Θ(n²); the c of 2c·d_out²·d_in is not a growth variable).
 */
function sameOrder(exact: Node, order: Node, ctx: CheckContext, expectedSide?: Node): boolean {
  // What grows: the symbols of the order. A positive real the expected order does not mention
  // (the cost constant c in Θ(2c d² n)) is a constant factor, absorbed like 2; integer sizes grow.
  const named = expectedSide ? freeSymbols(expectedSide) : undefined;
  const isConstantFactor = (s: string) => {
    const a = ctx.symbols[s];
    return named !== undefined && !named.has(s) && a?.positive === true && !a.integer;
  };
  // Every symbol of either side grows in turn: Θ(n) against Θ(n k) or Θ(1) against Θ(log n)
  // differ only as a symbol the other side leaves out grows. (Only the order's own symbols when
  // the key's exact expression is being matched against a given order, for the reason's words.)
  const all = [...new Set([...freeSymbols(exact), ...freeSymbols(order)])];
  const vars = (expectedSide ? all : [...freeSymbols(order)]).filter((s) => !isConstantFactor(s));
  const rng = seededRandom(hashString(`${printMath(exact)}~O~${printMath(order)}`));
  const ratio = (q: Point) => {
    const a = evaluate(exact, q, ctx.budget);
    const b = evaluate(order, q, ctx.budget);
    return typeof a === 'number' && typeof b === 'number' && b !== 0 ? a / b : NaN;
  };
  let checked = 0;
  for (let i = 0; i < 60 && checked < 4; i++) {
    const p = samplePoint(rng, all, { ...Object.fromEntries(vars.map((v) => [v, { positive: true }])), ...ctx.symbols });
    if (!(ratio(p) > 0)) continue;
    for (const v of vars) {
      const at = (scale: number) => {
        const moved = new Map(p);
        moved.set(v, Math.abs(p.get(v) as number) * scale + 1);
        return ratio(moved);
      };
      let near = at(1e4);
      let far = at(1e7);
      // Exponentials overflow there (2^n against n^2): then at sizes doubles still hold.
      if (!Number.isFinite(near) || !Number.isFinite(far)) {
        near = at(20);
        far = at(40);
        if (!Number.isFinite(near) || !Number.isFinite(far)) return false;
      }
      if (!(near > 0 && far > 0) || Math.abs(near - far) > 1e-3 * far) return false;
    }
    checked++;
  }
  return checked >= 2;
}

const orderArg = (n: Node): Node | undefined => (n.kind === 'call' && ORDERS.has(n.fn) && n.args.length === 1 ? n.args[0] : undefined);

/**
 * Orders of growth (`O(n^2)`, `\Theta(d_{out}^2 d_{in})`): the same order when the two differ
 * by a constant factor; an order given where the exact expression was asked is named as such.
 */
function checkOrder(expected: Node, answer: Node, ctx: CheckContext): TypeVerdict | undefined {
  const want = orderArg(expected);
  const got = orderArg(answer);
  if (!want && !got) return undefined;
  const same = sameOrder(want ?? expected, got ?? answer, ctx, want);
  if (want && got) return same ? correct('numeric', `the same order of growth as ${printMath(expected)}`) : incorrect('numeric', `${printMath(answer)} is not the order ${printMath(expected)}`);
  if (want) return same ? correct('numeric', `${printMath(answer)} has the order ${printMath(expected)}`) : incorrect('numeric', `${printMath(answer)} does not have the order ${printMath(expected)}`);
  return incorrect(
    'numeric',
    same
      ? `the right order of growth, but the question asks for the exact expression ${printMath(expected)} (with its constants)`
      : `${printMath(answer)} is an order of growth, and not the order of ${printMath(expected)}`,
    'incomplete',
  );
}

/** `expression`: equal for every value the symbols' assumptions allow. */
export const checkExpression: TypeChecker = (expected, answer, ctx) => {
  const order = checkOrder(expected, answer, ctx);
  if (order) return order;
  if (NON_SCALAR.has(answer.kind)) return incorrect('structural', `an expression was expected; the answer is ${describeKind(answer)}`, 'format');
  return verdictFromComparison(compareScalars(expected, answer, ctx), expected, answer, ctx);
};
