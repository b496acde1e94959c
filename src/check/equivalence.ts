import type { Node } from '../math/latex/ast.js';
import type { SymbolTable } from '../model/symbols.js';
import type { DecidingCheck } from '../model/verdict.js';
import { close, evaluate, isFiniteValue, type Point, type Value, type WorkBudget } from '../math/evaluate.js';
import { exactlyEqual } from '../math/normal-form.js';
import { caseBoundaries } from '../math/boundaries.js';
import { Matrix } from '../math/matrix.js';
import { freeSymbols, samplePoint } from '../math/sampling.js';
import { hashString, seededRandom } from '../math/random.js';
import { printMath } from '../math/latex/print.js';
import { involvesMatrices } from './symbols.js';

/** A computer-algebra stage the checker may consult (compute-engine, in a worker). */
export interface Cas {
  /** true: proved equal; false: proved different; undefined: cannot tell. */
  equal(a: Node, b: Node): boolean | undefined;
}

/** What every comparison needs to know beside the two trees. */
export interface CompareEnv {
  symbols: SymbolTable;
  /** Relative tolerance for numeric agreement at a point. */
  rel?: number;
  cas?: Cas;
  /** The check's work budget. */
  budget: WorkBudget;
  /**
   * Only whether the two are equal is wanted, not where they differ: a wrong answer's diagnosis
   * compares up to a dozen variants that all differ, and wrote each one's point and values only
   * to drop them.
   */
  equalityOnly?: boolean;
}

/** The outcome of comparing two scalar (or vector) expressions. */
export interface Comparison {
  equal: boolean | undefined;
  check: DecidingCheck;
  /** A point where the two differ, in words: "at d_in = 3, d_out = 7: 126 vs 42". */
  counterexample?: string;
  detail?: string;
}

const POINTS = 24;
const MIN_POINTS = 6;

function fmt(v: Value): string {
  if (v instanceof Matrix) return `[${Array.from({ length: v.rows }, (_, i) => Array.from({ length: v.cols }, (_, j) => fmt(v.at(i, j))).join(', ')).join('; ')}]`;
  if (typeof v !== 'number') return `(${v.map(fmt).join(', ')})`;
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(6)).toString();
}

function describePoint(p: Point, names: string[]): string {
  return names
    .filter((n) => p.has(n))
    .map((n) => `${n} = ${fmt(p.get(n)!)}`)
    .join(', ');
}

/** Positive-declared symbols, for the exact stage's fractional powers. */
export function positiveSymbols(table: SymbolTable): Set<string> {
  return new Set(
    Object.entries(table)
      .filter(([, a]) => a.positive || (typeof a.min === 'number' && a.min > 0))
      .map(([s]) => s),
  );
}

/**
 * Random-point comparison. A point where the two differ proves them different; agreement at
 * every point is strong evidence, not proof. Points come from a generator seeded by both
 * trees, so the verdict is the same on every run.
 */
export function numericCompare(expected: Node, answer: Node, env: CompareEnv): Comparison {
  const names = [...new Set([...freeSymbols(expected), ...freeSymbols(answer)])];
  const rng = seededRandom(hashString(`${printMath(expected)}|${printMath(answer)}`));
  const rel = env.rel ?? 1e-8;
  let agreed = 0;
  let answerUndefined = 0;
  for (let attempt = 0; attempt < POINTS * 4 && agreed < POINTS; attempt++) {
    const point = samplePoint(rng, names, env.symbols);
    const want = evaluate(expected, point, env.budget);
    if (!isFiniteValue(want)) continue;
    const got = evaluate(answer, point, env.budget);
    // Where only the answer has no real value (log a + log b at negative a, b; √d_in·√d_out at
    // negative d's) it misses a branch of the expected value: a difference, unless the key's
    // assumptions (positive: true) exclude those points. Two such points, to be sure.
    if (typeof got === 'number' && Number.isNaN(got)) {
      if (++answerUndefined >= 2) {
        if (env.equalityOnly) return { equal: false, check: 'numeric' };
        return {
          equal: false,
          check: 'numeric',
          counterexample: `at ${describePoint(point, names)} the answer has no value, the expected value is ${fmt(want)}`,
        };
      }
      continue;
    }
    if (!close(want, got, rel)) {
      // A value too large for doubles on either side cannot be compared at this point.
      if (!isFiniteValue(got) && (typeof got !== 'number' || !Number.isNaN(got)) && typeof want === 'number' && Math.abs(want) > 1e300) continue;
      if (env.equalityOnly) return { equal: false, check: 'numeric' };
      return {
        equal: false,
        check: 'numeric',
        counterexample: names.length
          ? `at ${describePoint(point, names)} the answer is ${fmt(got)}, the expected value is ${fmt(want)}`
          : `the answer is ${fmt(got)}, the expected value is ${fmt(want)}`,
      };
    }
    agreed++;
  }
  // Where a case or an indicator switches, exactly: random points never land on `x = 0`.
  if (agreed >= MIN_POINTS) {
    for (const point of caseBoundaries([expected, answer], samplePoint(rng, names, env.symbols), env.budget)) {
      const want = evaluate(expected, point, env.budget);
      const got = evaluate(answer, point, env.budget);
      if (isFiniteValue(want) && isFiniteValue(got) && !close(want, got, rel)) {
        if (env.equalityOnly) return { equal: false, check: 'numeric' };
        return { equal: false, check: 'numeric', counterexample: `at ${describePoint(point, names)} the answer is ${fmt(got)}, the expected value is ${fmt(want)}` };
      }
    }
  }
  if (agreed < MIN_POINTS) {
    const detail = answerUndefined > agreed ? 'the answer has no real value where the expected one has' : `the two have values at only ${agreed} of ${POINTS * 4} test points`;
    return { equal: undefined, check: 'numeric', detail };
  }
  return { equal: true, check: 'numeric', detail: `equal at ${agreed} seeded test points` };
}

/** Whether every symbol is an integer between numeric bounds: few enough values that sampling sees them all. */
function finiteDomain(names: string[], symbols: SymbolTable): boolean {
  return names.every((n) => {
    const a = symbols[n];
    return a?.integer === true && typeof a.min === 'number' && typeof a.max === 'number' && a.max - a.min <= 6;
  });
}

/**
 * Whether two expressions are equal for every value the symbols' assumptions allow:
 * exact normal forms first (a proof either way), then seeded random points (a counterexample
 * is a proof of difference), then the CAS to turn numeric agreement into a proof.
 */
export function compareExpressions(expected: Node, answer: Node, env: CompareEnv): Comparison {
  // Normal forms and the CAS treat symbols as commuting scalars; matrices are left to random matrices.
  if (involvesMatrices(expected, env.symbols) || involvesMatrices(answer, env.symbols)) return numericCompare(expected, answer, env);
  const exact = exactlyEqual(expected, answer, positiveSymbols(env.symbols));
  if (exact === true) return { equal: true, check: 'exact' };
  const numeric = numericCompare(expected, answer, env);
  if (exact === false) {
    // Different rational functions: a proof. The numeric stage may name a point that shows it;
    // its agreement within tolerance (x against x + 10^-12) never overrides the proof, except on
    // a finite domain, where the test points are the whole domain.
    if (numeric.equal === false) return { ...numeric, check: 'exact' };
    if (numeric.equal === true && finiteDomain([...freeSymbols(expected), ...freeSymbols(answer)], env.symbols)) return numeric;
    return { equal: false, check: 'exact', detail: 'they differ as exact expressions, though only by a tiny amount at the test points' };
  }
  if (numeric.equal === false) return numeric;
  if (env.cas) {
    const proved = env.cas.equal(expected, answer);
    if (proved === true) return { equal: true, check: 'cas' };
  }
  return numeric;
}
