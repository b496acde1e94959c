import type { Node } from '../math/latex/ast.js';
import type { CheckContext } from './context.js';
import { DEFAULT_TOLERANCE } from './context.js';
import { compareExpressions, type Comparison } from './equivalence.js';
import { evaluate, close, type WorkBudget } from '../math/evaluate.js';
import { exactValue } from '../math/normal-form.js';
import { freeSymbols } from '../math/sampling.js';
import { printMath } from '../math/latex/print.js';
import * as Q from '../math/rational.js';

/** Whether a tree has no free symbols (a number, possibly written as a computation). */
export function isConstant(n: Node): boolean {
  return freeSymbols(n).size === 0;
}

/** The number a constant tree stands for (a percent keeps its /100). */
export function constantValue(n: Node, budget?: WorkBudget): number {
  const v = evaluate(n, new Map(), budget);
  return typeof v === 'number' ? v : NaN;
}

/** Significant figures of a decimal literal as written: `0.0250` has 3. */
export function writtenSigfigs(text: string): number | undefined {
  const m = /^-?(\d*)\.?(\d*)$/.exec(text.trim());
  if (!m) return undefined;
  const digits = (m[1]! + m[2]!).replace(/^0+/, '');
  return digits.length || undefined;
}

/** `x` rounded to `s` significant figures. */
export function roundSig(x: number, s: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(Math.max(1, Math.min(100, s))));
}

/** The decimal literal a tree is, if it is one (possibly negated): its text. */
function decimalLiteral(n: Node): string | undefined {
  if (n.kind === 'num') return n.text;
  if (n.kind === 'neg' && n.arg.kind === 'num') return `-${n.arg.text}`;
  return undefined;
}

/** Whether an exact value has a terminating decimal expansion of at most `places` places. */
function terminatesWithin(r: Q.Rational, places: number): boolean {
  const scaled = Q.mul(r, Q.rat(10n ** BigInt(places)));
  return scaled !== undefined && Q.isInteger(scaled);
}

export interface NumberMatch {
  equal: boolean;
  how: string;
  /** The answer is a correct rounding the key's tolerance does not allow: in words. */
  rounding?: string;
}

/**
 * Whether a constant candidate equals a constant expected value: within the spec's tolerance,
 * or to its significant figures, or — when the key sets neither — within the default tolerance
 * (relative 1e-6), or as a correct rounding of a value whose decimals never end (1/3 as 0.33).
 * A rounding of a value with a finite decimal form (0.992 for 127/128) is not equal; the result
 * names the rounding so that the reason can say what the key would have to allow.
 */
export function numbersMatch(expected: Node, answer: Node, ctx: CheckContext): NumberMatch {
  const want = constantValue(expected, ctx.budget);
  const got = constantValue(answer, ctx.budget);
  if (!Number.isFinite(want) || !Number.isFinite(got)) return { equal: false, how: 'not finite' };
  const exactWant = exactValue(expected);
  const exactGot = exactValue(answer);
  if (exactWant && exactGot && Q.eq(exactWant, exactGot)) return { equal: true, how: 'exactly equal' };
  const { spec } = ctx;
  if (spec.sigfigs) {
    const ok = roundSig(got, spec.sigfigs) === roundSig(want, spec.sigfigs);
    return { equal: ok, how: `to ${spec.sigfigs} significant figures` };
  }
  const tol = spec.tolerance;
  if (tol) {
    const rel = tol.rel ?? 0;
    const abs = tol.abs ?? 0;
    const ok = Math.abs(got - want) <= Math.max(abs, rel * Math.abs(want));
    return { equal: ok, how: `within tolerance${tol.rel !== undefined ? ` (relative ${tol.rel})` : ''}${tol.abs !== undefined ? ` (absolute ${tol.abs})` : ''}` };
  }
  if (close(want, got, DEFAULT_TOLERANCE.rel, DEFAULT_TOLERANCE.abs)) return { equal: true, how: 'within the default tolerance' };
  const literal = decimalLiteral(answer);
  if (literal?.includes('.')) {
    const places = literal.split('.')[1]!.length;
    const sig = writtenSigfigs(literal) ?? 0;
    const rounded = Number(want.toFixed(places));
    // A value whose decimals never end (1/3, 8/3, √2) can only be written rounded; one with a
    // finite decimal form (127/128 = 0.9921875) is written exactly unless the key allows rounding.
    if (sig >= 2 && Math.abs(rounded - got) < 1e-12 * Math.max(1, Math.abs(got))) {
      const endless = exactWant ? !terminatesWithin(exactWant, 40) : true;
      const how = `a correct rounding to ${places} decimal place${places === 1 ? '' : 's'}`;
      return endless ? { equal: true, how: `${how} of a value whose decimals never end` } : { equal: false, how: 'different values', rounding: how };
    }
  }
  return { equal: false, how: 'different values' };
}

/**
 * Compares two scalar-valued trees: as numbers when both are constant, else symbolically.
 * Used for elements of tuples, matrices, sets and table cells alike.
 */
export function compareScalars(expected: Node, answer: Node, ctx: CheckContext): Comparison {
  if (printMath(expected) === printMath(answer)) return { equal: true, check: 'structural', detail: 'the same expression' };
  const seqA = expected.kind === 'tuple' ? expected.items : undefined;
  const seqB = answer.kind === 'tuple' ? answer.items : undefined;
  // Two written-out tuples compare element by element; a vector-valued expression
  // (`0.9 v + 0.1 (a, b)`) against a tuple is left to the numeric stage.
  if (seqA && seqB) {
    if (seqA.length !== seqB.length) return { equal: false, check: 'structural', detail: 'a different number of values' };
    const parts = seqA.map((e, i) => compareScalars(e, seqB[i]!, ctx));
    const bad = parts.find((p) => p.equal !== true);
    return bad ?? { equal: true, check: 'elementwise' };
  }
  if (isConstant(expected) && isConstant(answer)) {
    const m = numbersMatch(expected, answer, ctx);
    return { equal: m.equal, check: m.how.startsWith('exact') ? 'exact' : 'tolerance', detail: m.how };
  }
  return compareExpressions(expected, answer, { symbols: ctx.symbols, budget: ctx.budget, ...(ctx.cas ? { cas: ctx.cas } : {}) });
}
