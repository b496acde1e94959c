import type { Node } from './latex/ast.js';
import { toNumber } from './rational.js';
import { LIMITS, LimitError } from './limits.js';
import { hashString } from './random.js';
import { Matrix } from './matrix.js';

/** A value at a point: a number, a vector (tuples and declared vector symbols), or a matrix. */
export type Value = number | number[] | Matrix;

/** Values of the symbols at one point. */
export type Point = Map<string, Value>;

function lift(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  // Matrices combine entry by entry only with a matrix of their own shape (`A + 1` has no meaning).
  if (a instanceof Matrix || b instanceof Matrix) {
    if (!(a instanceof Matrix && b instanceof Matrix) || !a.sameShape(b)) return NaN;
    return new Matrix(
      a.rows,
      a.cols,
      a.data.map((x, k) => f(x, b.data[k]!)),
    );
  }
  if (typeof a === 'number') return (b as number[]).map((y) => f(a, y));
  if (typeof b === 'number') return a.map((x) => f(x, b));
  if (a.length !== b.length) return NaN;
  return a.map((x, i) => f(x, b[i]!));
}

function map1(a: Value, f: (x: number) => number): Value {
  return typeof a === 'number' ? f(a) : a instanceof Matrix ? a.map(f) : a.map(f);
}

/** A scalar function applied to a matrix has no entrywise meaning here. */
function mapScalarFn(a: Value, f: (x: number) => number): Value {
  return a instanceof Matrix ? NaN : map1(a, f);
}

/** The product of two values: matrix product for matrices, scaling by a number, else entrywise. */
function product(p: Value, v: Value): Value {
  // A 1×1 matrix times a number is a number (uᵀ(Wv) with u of a size drawn as 1).
  if (typeof p === 'number' && v instanceof Matrix && v.rows === 1 && v.cols === 1) return p * v.data[0]!;
  if (typeof v === 'number' && p instanceof Matrix && p.rows === 1 && p.cols === 1) return p.data[0]! * v;
  if (p instanceof Matrix || v instanceof Matrix) {
    if (p instanceof Matrix && v instanceof Matrix) {
      // A 1×1 product (xᵀAx) is a number: it scales, and adds to numbers.
      const m = p.mul(v);
      return m === undefined ? NaN : m.rows === 1 && m.cols === 1 ? m.data[0]! : m;
    }
    if (typeof p === 'number') return (v as Matrix).map((x) => p * x);
    if (typeof v === 'number') return (p as Matrix).map((x) => x * v);
    return NaN;
  }
  // A product of two vectors has no single meaning here (dot? elementwise?).
  if (typeof p !== 'number' && typeof v !== 'number') return NaN;
  return lift(p, v, (a, b) => a * b);
}

function scalar(v: Value): number {
  return typeof v === 'number' ? v : NaN;
}

const FACTORIALS: number[] = [1];
function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) return NaN;
  if (n > 170) return Infinity;
  for (let i = FACTORIALS.length; i <= n; i++) FACTORIALS[i] = FACTORIALS[i - 1]! * i;
  return FACTORIALS[n]!;
}

function binom(n: number, k: number): number {
  if (!Number.isInteger(k) || k < 0) return NaN;
  if (k > 1000) return NaN;
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

/**
 * A function the question leaves unnamed (`f`, `σ'`, `softmax`) stands for one fixed smooth
 * function per name, so that `f(x)` equals `f(x)` and differs from `f(y)` or `f(2x)`.
 */
function opaque(name: string, args: number[]): number {
  const h = hashString(name);
  const a = 0.5 + (h % 997) / 997;
  const b = ((h >>> 10) % 991) / 991;
  let s = b;
  args.forEach((x, i) => {
    s += Math.sin(a * x + i + 0.3) + 0.1 * (i + 1) * a * x;
  });
  return s;
}

/** Relation operators as numbers, so that an opaque term of a condition tells `=` from `<`. */
const REL_CODES: Record<string, number> = { '=': 1, '<': 2, '>': 3, '<=': 4, '>=': 5, '!=': 6, '~': 7, in: 8, assign: 9, ratio: 10, implies: 11 };

/**
 * What an opaque function sees of an argument: its value, or for a condition (`P(X = 1 \mid Y = 0)`)
 * its operators and the values of its sides, so that the term still depends on each of them.
 */
function opaqueArgument(a: Node, at: Point, budget: WorkBudget): number[] {
  if (a.kind === 'rel') return [...a.ops.map((op) => REL_CODES[op] ?? 0), ...a.args.flatMap((x) => opaqueArgument(x, at, budget))];
  if (a.kind === 'tuple' && a.open === '') return a.items.flatMap((x) => opaqueArgument(x, at, budget));
  const v = evaluate(a, at, budget);
  return typeof v === 'number' ? [v] : v instanceof Matrix ? v.data : v;
}

function callKnown(fn: string, args: Value[]): Value {
  const [x, y] = args;
  if (x === undefined) return NaN;
  switch (fn) {
    case 'sin':
      return mapScalarFn(x, Math.sin);
    case 'cos':
      return mapScalarFn(x, Math.cos);
    case 'tan':
      return mapScalarFn(x, Math.tan);
    case 'sec':
      return mapScalarFn(x, (v) => 1 / Math.cos(v));
    case 'csc':
      return mapScalarFn(x, (v) => 1 / Math.sin(v));
    case 'cot':
      return mapScalarFn(x, (v) => 1 / Math.tan(v));
    case 'asin':
      return mapScalarFn(x, Math.asin);
    case 'acos':
      return mapScalarFn(x, Math.acos);
    case 'atan':
      return mapScalarFn(x, Math.atan);
    case 'sinh':
      return mapScalarFn(x, Math.sinh);
    case 'cosh':
      return mapScalarFn(x, Math.cosh);
    case 'tanh':
      return mapScalarFn(x, Math.tanh);
    case 'sech':
      return mapScalarFn(x, (v) => 1 / Math.cosh(v));
    case 'csch':
      return mapScalarFn(x, (v) => 1 / Math.sinh(v));
    case 'coth':
      return mapScalarFn(x, (v) => 1 / Math.tanh(v));
    // `\log` means ln in mathematics; a course that means log2 writes log_2.
    case 'log':
    case 'ln':
      return mapScalarFn(x, Math.log);
    case 'log10':
      return mapScalarFn(x, Math.log10);
    case 'exp':
      return mapScalarFn(x, Math.exp);
    case 'sqrt':
      return mapScalarFn(x, Math.sqrt);
    case 'abs':
      return mapScalarFn(x, Math.abs);
    case 'floor':
      return mapScalarFn(x, Math.floor);
    case 'ceil':
      return mapScalarFn(x, Math.ceil);
    case 'sign':
      return mapScalarFn(x, Math.sign);
    case 'step':
      return mapScalarFn(x, (v) => (v >= -EPS ? 1 : 0));
    case 'impulse':
      return mapScalarFn(x, (v) => (Math.abs(v) <= EPS ? 1 : 0));
    case 'factorial':
      return mapScalarFn(x, factorial);
    case 'binom':
      return y === undefined ? NaN : binom(scalar(x), scalar(y));
    case 'norm':
      return typeof x === 'number' ? Math.abs(x) : x instanceof Matrix ? x.frobenius() : Math.hypot(...x);
    case 'norm2':
      return typeof x === 'number' ? Math.abs(x) : x instanceof Matrix ? x.spectral() : Math.hypot(...x);
    // Induced norms of a matrix; a column vector's 1- and ∞-norms are the same formulas.
    case 'norm1':
      return typeof x === 'number' ? Math.abs(x) : x instanceof Matrix ? x.inducedNorm(false) : x.reduce((a, b) => a + Math.abs(b), 0);
    case 'normInf':
      return typeof x === 'number' ? Math.abs(x) : x instanceof Matrix ? x.inducedNorm(true) : Math.max(...x.map(Math.abs));
    case 'det':
      return typeof x === 'number' ? x : x instanceof Matrix ? x.determinant() : Number.NaN;
    case 'trace':
      return x instanceof Matrix && x.rows === x.cols ? Array.from({ length: x.rows }, (_, i) => x.at(i, i)).reduce((a, b) => a + b, 0) : NaN;
    case 'max':
      return Math.max(...args.map(scalar));
    case 'min':
      return Math.min(...args.map(scalar));
    default:
      return NaN;
  }
}

/**
 * The value of a tree at a point, in double precision. Symbols missing from the point, words,
 * relations and anything without a number value give NaN; nothing here can run unbounded
 * (sums are capped at LIMITS.bigopTerms terms; factorials past 170 are Infinity).
 */
export function evaluate(n: Node, at: Point, budget: WorkBudget = new WorkBudget()): Value {
  switch (n.kind) {
    case 'num':
      return toNumber(n.value);
    case 'sym':
      return at.get(n.name) ?? NaN;
    case 'const':
      return n.name === 'pi' ? Math.PI : n.name === 'e' ? Math.E : Infinity;
    case 'add':
      return n.terms.slice(1).reduce<Value>((s, t) => lift(s, evaluate(t, at, budget), (a, b) => a + b), evaluate(n.terms[0]!, at, budget));
    case 'mul':
    case 'cross':
      return n.factors.reduce<Value>((p, f) => product(p, evaluate(f, at, budget)), 1);
    case 'neg':
      return map1(evaluate(n.arg, at, budget), (x) => -x);
    case 'div': {
      const d = evaluate(n.den, at, budget);
      if (typeof d !== 'number') return NaN;
      return map1(evaluate(n.num, at, budget), (x) => x / d);
    }
    case 'pow': {
      const b = evaluate(n.base, at, budget);
      const e = evaluate(n.exp, at, budget);
      if (typeof e !== 'number') return NaN;
      if (b instanceof Matrix) return b.pow(e) ?? NaN;
      return map1(b, (x) => realPow(x, e));
    }
    case 'root': {
      const k = scalar(evaluate(n.index, at, budget));
      return mapScalarFn(evaluate(n.arg, at, budget), (x) => (x < 0 && Number.isInteger(k) && k % 2 === 1 ? -((-x) ** (1 / k)) : x ** (1 / k)));
    }
    case 'percent':
      return map1(evaluate(n.arg, at, budget), (x) => x / 100);
    case 'call': {
      if (n.opaque) {
        const flat = n.args.flatMap((a) => opaqueArgument(a, at, budget));
        return opaque(n.fn, flat);
      }
      const args = n.args.map((a) => evaluate(a, at, budget));
      return callKnown(n.fn, args);
    }
    case 'bigop': {
      const lo = scalar(evaluate(n.lower, at, budget));
      const hi = scalar(evaluate(n.upper, at, budget));
      if (!Number.isInteger(lo) || !Number.isInteger(hi)) return NaN;
      if (hi - lo + 1 > LIMITS.bigopTerms) {
        throw new LimitError(`the ${n.op === 'sum' ? 'sum' : 'product'} has ${(hi - lo + 1).toLocaleString('en-US')} terms; the limit is ${LIMITS.bigopTerms.toLocaleString('en-US')}`);
      }
      let acc = n.op === 'sum' ? 0 : 1;
      const inner = new Map(at);
      for (let k = lo; k <= hi; k++) {
        budget.spend();
        inner.set(n.index, k);
        const v = scalar(evaluate(n.body, inner, budget));
        acc = n.op === 'sum' ? acc + v : acc * v;
      }
      return acc;
    }
    case 'tuple': {
      const items = n.items.map((i) => evaluate(i, at, budget));
      if (items.some((i) => typeof i !== 'number')) return NaN;
      return items as number[];
    }
    case 'transpose': {
      const v = evaluate(n.arg, at, budget);
      return v instanceof Matrix ? v.transpose() : v;
    }
    case 'matrix': {
      const cols = n.rows[0]?.length ?? 0;
      if (!cols || n.rows.some((r) => r.length !== cols)) return NaN;
      const data = n.rows.flat().map((e) => evaluate(e, at, budget));
      if (data.some((d) => typeof d !== 'number')) return NaN;
      return new Matrix(n.rows.length, cols, data as number[]);
    }
    case 'cases': {
      for (const c of n.cases) {
        if (c.when === 'otherwise' || holds(c.when, at, budget)) return evaluate(c.value, at, budget);
      }
      return NaN;
    }
    default:
      return NaN;
  }
}

const EPS = 1e-9;

/**
 * x^e over the reals: a negative base to a fraction with an odd denominator has a real value
 * (x^(2/3) is the square of the cube root), which Math.pow leaves NaN.
 */
function realPow(x: number, e: number): number {
  if (x >= 0 || Number.isInteger(e)) return x ** e;
  for (let q = 3; q < 64; q += 2) {
    const p = Math.round(e * q);
    if (Math.abs(e * q - p) < 1e-9) return (p % 2 === 0 ? 1 : -1) * (-x) ** e;
  }
  return NaN;
}

/**
 * Terms that sums and products may still evaluate. One budget travels with one check (in its
 * context), shared by every evaluation the check makes, nested checks of a table's cells included.
 */
export class WorkBudget {
  remaining: number;

  constructor(readonly size: number = LIMITS.bigopWork) {
    this.remaining = size;
  }

  /** Takes one term, or throws LimitError when the check has used them all. */
  spend(): void {
    if (--this.remaining < 0) {
      throw new LimitError(`the sums and products in the answer need more than ${this.size.toLocaleString('en-US')} terms in all`);
    }
  }
}

/** Whether a condition (`0 \le n \le 6`, `n < 0`, `n = 1, 2`) holds at a point. */
export function holds(cond: Node, at: Point, budget: WorkBudget = new WorkBudget()): boolean {
  if (cond.kind === 'tuple' && cond.open === '') return cond.items.every((c) => holds(c, at, budget));
  if (cond.kind !== 'rel') return false;
  for (let i = 0; i < cond.ops.length; i++) {
    const op = cond.ops[i]!;
    const a = scalar(evaluate(cond.args[i]!, at, budget));
    const rhs = cond.args[i + 1]!;
    if (op === 'in') {
      if (rhs.kind === 'interval') {
        const lo = scalar(evaluate(rhs.lo, at, budget));
        const hi = scalar(evaluate(rhs.hi, at, budget));
        if (!(rhs.loClosed ? a >= lo - EPS : a > lo + EPS) || !(rhs.hiClosed ? a <= hi + EPS : a < hi - EPS)) return false;
        continue;
      }
      if (rhs.kind === 'set') {
        if (!rhs.items.some((item) => Math.abs(scalar(evaluate(item, at, budget)) - a) < EPS)) return false;
        continue;
      }
      return false;
    }
    const b = scalar(evaluate(rhs, at, budget));
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    const ok =
      op === '<' ? a < b - EPS : op === '>' ? a > b + EPS : op === '<=' ? a <= b + EPS : op === '>=' ? a >= b - EPS : op === '=' ? Math.abs(a - b) <= EPS : op === '!=' ? Math.abs(a - b) > EPS : false;
    if (!ok) return false;
  }
  return true;
}

/** Whether two values agree to a relative tolerance (with an absolute floor near zero). */
export function close(a: Value, b: Value, rel = 1e-8, abs = 1e-10): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
  }
  if (a instanceof Matrix || b instanceof Matrix) {
    return a instanceof Matrix && b instanceof Matrix && a.sameShape(b) && a.data.every((x, i) => close(x, b.data[i]!, rel, abs));
  }
  if (typeof a === 'number' || typeof b === 'number' || a.length !== b.length) return false;
  return a.every((x, i) => close(x, b[i]!, rel, abs));
}

/** Whether a value is usable for comparison (finite everywhere). */
export function isFiniteValue(v: Value): boolean {
  return typeof v === 'number' ? Number.isFinite(v) : v instanceof Matrix ? v.data.every(Number.isFinite) : v.every(Number.isFinite);
}
