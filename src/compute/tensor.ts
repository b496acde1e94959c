import * as Q from '../math/rational.js';
import type { Rational } from '../math/rational.js';
import type { Node } from '../math/latex/ast.js';
import { exactValue } from '../math/normal-form.js';
import { evaluate } from '../math/evaluate.js';

/**
 * Exact tensors for the calculator: nested arrays of rationals, so that `\frac{127}{128}` stays
 * exact and a key computed from the question's data cannot hold a rounding slip. Values that
 * are not rational (a softmax, a square root) are doubles, shown as the simplest fraction within
 * 1e-12 where there is one.
 */
export type Scalar = Rational | number;
export type Tensor = Scalar | Tensor[];
export type Matrix = Scalar[][];

export class ComputeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComputeError';
  }
}

export const isRational = (x: unknown): x is Rational => typeof x === 'object' && x !== null && 'n' in x && 'd' in x;

export function num(x: Scalar): number {
  return isRational(x) ? Q.toNumber(x) : x;
}

export function r(n: number | bigint, d: number | bigint = 1): Rational {
  return Q.rat(BigInt(n), BigInt(d));
}

function exact<T>(x: T | undefined): T {
  if (x === undefined) throw new ComputeError('a value grew past the size the calculator keeps exact');
  return x;
}

/** Arithmetic that stays exact on rationals and falls back to doubles otherwise. */
export const S = {
  add: (a: Scalar, b: Scalar): Scalar => (isRational(a) && isRational(b) ? exact(Q.add(a, b)) : num(a) + num(b)),
  sub: (a: Scalar, b: Scalar): Scalar => (isRational(a) && isRational(b) ? exact(Q.sub(a, b)) : num(a) - num(b)),
  mul: (a: Scalar, b: Scalar): Scalar => (isRational(a) && isRational(b) ? exact(Q.mul(a, b)) : num(a) * num(b)),
  div: (a: Scalar, b: Scalar): Scalar => {
    if (isRational(a) && isRational(b)) {
      if (Q.isZero(b)) throw new ComputeError('division by zero');
      return exact(Q.div(a, b));
    }
    return num(a) / num(b);
  },
  neg: (a: Scalar): Scalar => (isRational(a) ? Q.neg(a) : -a),
  zero: (): Scalar => Q.ZERO,
  cmp: (a: Scalar, b: Scalar): number => (isRational(a) && isRational(b) ? Q.cmp(a, b) : Math.sign(num(a) - num(b))),
};

export function sum(xs: Scalar[]): Scalar {
  return xs.reduce<Scalar>((s, x) => S.add(s, x), Q.ZERO);
}

export function shapeOf(t: Tensor): number[] {
  const out: number[] = [];
  let cur: Tensor = t;
  while (Array.isArray(cur)) {
    out.push(cur.length);
    cur = cur[0] as Tensor;
  }
  return out;
}

export function asMatrix(t: Tensor, what: string): Matrix {
  const s = shapeOf(t);
  if (s.length !== 2) throw new ComputeError(`${what} must be a matrix; it has shape (${s.join(', ')})`);
  return t as Matrix;
}

export function asVector(t: Tensor, what: string): Scalar[] {
  const s = shapeOf(t);
  if (s.length === 2 && (s[0] === 1 || s[1] === 1)) return (t as Matrix).flat();
  if (s.length !== 1) throw new ComputeError(`${what} must be a vector; it has shape (${s.join(', ')})`);
  return t as Scalar[];
}

export function asInteger(t: Tensor, what: string): number {
  if (Array.isArray(t)) throw new ComputeError(`${what} must be a number`);
  const v = num(t);
  if (!Number.isInteger(v)) throw new ComputeError(`${what} must be a whole number; it is ${v}`);
  return v;
}

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Q.ZERO as Scalar));
}

export function transpose(m: Matrix): Matrix {
  return m[0]!.map((_, j) => m.map((row) => row[j]!));
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a[0]!.length !== b.length) throw new ComputeError(`cannot multiply a ${a.length}×${a[0]!.length} matrix by a ${b.length}×${b[0]!.length} one`);
  return a.map((row) => b[0]!.map((_, j) => sum(row.map((x, k) => S.mul(x, b[k]![j]!)))));
}

/** A value the checker's reader produced (number, matrix, tuple) as a tensor. */
export function tensorFromNode(n: Node): Tensor {
  if (n.kind === 'matrix') return n.rows.map((row) => row.map(scalarFromNode));
  // `\sqrt{2} \begin{bmatrix} ... \end{bmatrix}`: a scalar times a matrix, entry by entry.
  if (n.kind === 'mul' && n.factors.filter((f) => f.kind === 'matrix').length === 1) {
    const matrix = n.factors.find((f) => f.kind === 'matrix') as Extract<Node, { kind: 'matrix' }>;
    const others = n.factors.filter((f) => f !== matrix);
    return matrix.rows.map((row) => row.map((entry) => scalarFromNode({ kind: 'mul', factors: [...others, entry] })));
  }
  if (n.kind === 'tuple' || n.kind === 'set') {
    const items = n.items.map(tensorFromNode);
    return items;
  }
  return scalarFromNode(n);
}

function scalarFromNode(n: Node): Scalar {
  const e = exactValue(n);
  if (e) return e;
  const v = evaluate(n, new Map());
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ComputeError('an entry of the data is not a number');
  return v;
}

/** The simplest fraction within 1e-12 of a double, when its denominator is small. */
export function nearRational(x: number, maxDen = 10_000): Rational | undefined {
  if (!Number.isFinite(x)) return undefined;
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let v = x;
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(v);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > maxDen) return undefined;
    if (Math.abs(h1 / k1 - x) < 1e-12 * Math.max(1, Math.abs(x))) return Q.rat(BigInt(h1), BigInt(k1));
    const frac = v - a;
    if (frac < 1e-15) break;
    v = 1 / frac;
  }
  return Math.abs(h1 / k1 - x) < 1e-12 * Math.max(1, Math.abs(x)) ? Q.rat(BigInt(h1), BigInt(k1)) : undefined;
}

function scalarLatex(x: Scalar): string {
  const q = isRational(x) ? x : nearRational(x);
  if (!q) return String(Number((x as number).toPrecision(12)));
  if (q.d === 1n) return q.n.toString();
  const sign = q.n < 0n ? '-' : '';
  return `${sign}\\frac{${(q.n < 0n ? -q.n : q.n).toString()}}{${q.d.toString()}}`;
}

/** A tensor as LaTeX a key can hold: a number, a tuple `(a, b)`, or a `bmatrix`. */
export function tensorLatex(t: Tensor): string {
  if (!Array.isArray(t)) return scalarLatex(t);
  const s = shapeOf(t);
  if (s.length === 1) return `(${(t as Scalar[]).map(scalarLatex).join(', ')})`;
  if (s.length === 2) return `\\begin{bmatrix} ${(t as Matrix).map((row) => row.map(scalarLatex).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
  // Higher ranks: a tuple of the slices.
  return `(${(t as Tensor[]).map(tensorLatex).join(', ')})`;
}
