/**
 * Exact rational numbers over BigInt, so that `\frac{127}{128}` and `0.1 + 0.2` stay exact and
 * polynomial normal forms can be compared without rounding.
 */
export interface Rational {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

/** Largest numerator/denominator size kept exact; past it arithmetic gives up (returns undefined). */
const MAX_BITS = 4096n;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(x: bigint): bigint {
  if (x < 0n) x = -x;
  return BigInt(x.toString(16).length * 4);
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let N = BigInt(n);
  let D = BigInt(d);
  if (D === 0n) throw new RangeError('zero denominator');
  if (D < 0n) {
    N = -N;
    D = -D;
  }
  const g = gcd(N, D);
  return g > 1n ? { n: N / g, d: D / g } : { n: N, d: D };
}

export const ZERO = rat(0);
export const ONE = rat(1);

/** Reads a decimal literal such as `1473`, `0.992`, `.4`, `7.28e7` exactly. */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0');
  let n = BigInt(intPart + frac || '0');
  let d = 10n ** BigInt(frac.length);
  if (exp > 0) n *= 10n ** BigInt(exp);
  else if (exp < 0) d *= 10n ** BigInt(-exp);
  return rat(n, d);
}

/** 2^MAX_BITS: a part past it has more than MAX_BITS bits (as `bitLength` counts them, in whole hex digits). */
const TOO_BIG = 1n << MAX_BITS;

/**
 * The size check of every arithmetic result, as comparisons: `bitLength` prints the number in hex,
 * which on every step of normal forms' polynomial arithmetic was 2% of grading.
 */
function bounded(r: Rational): Rational | undefined {
  return r.n >= TOO_BIG || -r.n >= TOO_BIG || r.d >= TOO_BIG ? undefined : r;
}

export const add = (a: Rational, b: Rational) => bounded(rat(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Rational, b: Rational) => bounded(rat(a.n * b.d - b.n * a.d, a.d * b.d));
export const mul = (a: Rational, b: Rational) => bounded(rat(a.n * b.n, a.d * b.d));
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const div = (a: Rational, b: Rational) => (b.n === 0n ? undefined : bounded(rat(a.n * b.d, a.d * b.n)));
export const isZero = (a: Rational) => a.n === 0n;
export const isInteger = (a: Rational) => a.d === 1n;
export const eq = (a: Rational, b: Rational) => a.n === b.n && a.d === b.d;
export const cmp = (a: Rational, b: Rational) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};

/** a^k for an integer k, or undefined when the result would exceed the size limit. */
export function powInt(a: Rational, k: bigint): Rational | undefined {
  if (k < 0n) {
    if (a.n === 0n) return undefined;
    return powInt(rat(a.d, a.n), -k);
  }
  const bits = (bitLength(a.n) + bitLength(a.d)) * k;
  if (bits > MAX_BITS * 2n) return undefined;
  return bounded(rat(a.n ** k, a.d ** k));
}

export function toNumber(a: Rational): number {
  // Dividing huge BigInts through Number() loses everything; scale first.
  const n = Number(a.n);
  const d = Number(a.d);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  const shift = bitLength(a.d) - 1000n;
  if (shift > 0n) return Number(a.n >> shift) / Number(a.d >> shift);
  return n / d;
}

export function toString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** The exact rational of a finite double (every double is a dyadic rational). */
export function fromNumber(x: number): Rational | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (Number.isInteger(x)) return rat(BigInt(x));
  const s = x.toExponential(16);
  const m = /^(-?)(\d)\.(\d+)e([+-]\d+)$/.exec(s);
  if (!m) return undefined;
  const r = parseDecimal(`${m[2]}.${m[3]}e${m[4]}`);
  return r && (m[1] === '-' ? neg(r) : r);
}
