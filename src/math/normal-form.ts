import type { Node } from './latex/ast.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import { LIMITS } from './limits.js';
import { QuietError } from './quiet-error.js';

/**
 * Exact normal forms: a tree whose operations are +, −, ×, ÷ and powers becomes a quotient of
 * two polynomials with rational coefficients (symbols may carry rational exponents when they
 * are declared positive, so √d_in is d_in^(1/2)). Two such quotients are equal exactly when
 * their cross products are the same polynomial — a proof, not a sample.
 *
 * Sines and cosines (and tan, sec, csc, cot through them) of one argument are indeterminates
 * bound by sin² + cos² = 1: a difference that reduces to 0 by that identity is a proof of
 * equality (`\tan^2 c + 1` and `\sec^2 c`). A difference that does not is no proof of
 * inequality (`\sin 2x` and `2 \sin x \cos x` use other identities), so with trig it is
 * "cannot tell".
 */

/** A monomial's exponents by symbol, sorted by name; the key is its text. */
type Monomial = Map<string, Rational>;
type Poly = Map<string, { mono: Monomial; coef: Rational }>;
interface Fraction {
  num: Poly;
  den: Poly;
}

class GiveUp extends QuietError {}

function monoKey(m: Monomial): string {
  return [...m.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([s, e]) => `${s}^${Q.toString(e)}`)
    .join('*');
}

function constPoly(c: Rational): Poly {
  const p: Poly = new Map();
  if (!Q.isZero(c)) p.set('', { mono: new Map(), coef: c });
  return p;
}

function need<T>(x: T | undefined): T {
  if (x === undefined) throw new GiveUp();
  return x;
}

function addInto(p: Poly, mono: Monomial, coef: Rational): void {
  const key = monoKey(mono);
  const prev = p.get(key);
  const c = prev ? need(Q.add(prev.coef, coef)) : coef;
  if (Q.isZero(c)) p.delete(key);
  else p.set(key, { mono, coef: c });
  if (p.size > LIMITS.polynomialTerms) throw new GiveUp();
}

function polyAdd(a: Poly, b: Poly, sign = 1): Poly {
  const out: Poly = new Map(a);
  for (const { mono, coef } of b.values()) addInto(out, mono, sign < 0 ? Q.neg(coef) : coef);
  return out;
}

function monoMul(a: Monomial, b: Monomial): Monomial {
  const out = new Map(a);
  for (const [s, e] of b) {
    const sum = need(Q.add(out.get(s) ?? Q.ZERO, e));
    if (Q.isZero(sum)) out.delete(s);
    else out.set(s, sum);
  }
  return out;
}

function polyMul(a: Poly, b: Poly): Poly {
  if (a.size * b.size > LIMITS.polynomialTerms * 4) throw new GiveUp();
  const out: Poly = new Map();
  for (const x of a.values()) for (const y of b.values()) addInto(out, monoMul(x.mono, y.mono), need(Q.mul(x.coef, y.coef)));
  return out;
}

function polyPow(a: Poly, k: number): Poly {
  let out = constPoly(Q.ONE);
  for (let i = 0; i < k; i++) out = polyMul(out, a);
  return out;
}

const one = (): Poly => constPoly(Q.ONE);

function frac(num: Poly, den: Poly = one()): Fraction {
  return { num, den };
}

/** A single monomial's inverse, so dividing by `d_in` keeps a polynomial (with a negative exponent). */
function monomialInverse(p: Poly): Poly | undefined {
  if (p.size !== 1) return undefined;
  const { mono, coef } = p.values().next().value!;
  const inv = need(Q.div(Q.ONE, coef));
  const m: Monomial = new Map([...mono].map(([s, e]) => [s, Q.neg(e)]));
  const out: Poly = new Map();
  out.set(monoKey(m), { mono: m, coef: inv });
  return out;
}

function fracMul(a: Fraction, b: Fraction): Fraction {
  return normalizeDen({ num: polyMul(a.num, b.num), den: polyMul(a.den, b.den) });
}

function fracDiv(a: Fraction, b: Fraction): Fraction {
  if (b.num.size === 0) throw new GiveUp();
  return fracMul(a, { num: b.den, den: b.num });
}

function fracAdd(a: Fraction, b: Fraction, sign = 1): Fraction {
  if (monoKeys(a.den) === monoKeys(b.den) && polyEqual(a.den, b.den)) return { num: polyAdd(a.num, b.num, sign), den: a.den };
  return normalizeDen({ num: polyAdd(polyMul(a.num, b.den), polyMul(b.num, a.den), sign), den: polyMul(a.den, b.den) });
}

/** Moves a monomial denominator into the numerator, so most results stay plain polynomials. */
function normalizeDen(f: Fraction): Fraction {
  const inv = monomialInverse(f.den);
  return inv ? { num: polyMul(f.num, inv), den: one() } : f;
}

function monoKeys(p: Poly): string {
  return [...p.keys()].sort().join('+');
}

function polyEqual(a: Poly, b: Poly): boolean {
  if (a.size !== b.size) return false;
  for (const [k, { coef }] of a) {
    const other = b.get(k);
    if (!other || !Q.eq(other.coef, coef)) return false;
  }
  return true;
}

function constantOf(f: Fraction): Rational | undefined {
  if (f.den.size !== 1 || !f.den.has('')) return undefined;
  if (f.num.size === 0) return Q.ZERO;
  if (f.num.size !== 1 || !f.num.has('')) return undefined;
  const num = f.num.get('')!.coef;
  const den = f.den.get('')!.coef;
  // (An integer exponent's denominator is 1: no division, and no size check of its result.)
  return Q.isInteger(den) && den.n === 1n ? num : Q.div(num, den);
}

/** The exact k-th root of a rational, when it is one (√(9/4) = 3/2). */
function exactRoot(r: Rational, k: bigint): Rational | undefined {
  const root = (x: bigint): bigint | undefined => {
    if (x < 0n)
      return k % 2n === 1n
        ? (() => {
            const v = root(-x);
            return v === undefined ? undefined : -v;
          })()
        : undefined;
    const guess = BigInt(Math.round(Number(x) ** (1 / Number(k))));
    for (const g of [guess - 1n, guess, guess + 1n]) if (g >= 0n && g ** k === x) return g;
    return undefined;
  };
  const n = root(r.n);
  const d = root(r.d);
  return n === undefined || d === undefined ? undefined : Q.rat(n, d);
}

interface Ctx {
  positive: ReadonlySet<string>;
  /** Canonical texts of the arguments of sines and cosines seen, when trig is allowed. */
  trig?: Set<string>;
}

/** Each trig function as sin and cos of its argument: [power of sin, power of cos]. */
const TRIG: Record<string, [number, number]> = { sin: [1, 0], cos: [0, 1], tan: [1, -1], sec: [0, -1], csc: [-1, 0], cot: [-1, 1] };

function polyText(p: Poly): string {
  return [...p.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, { coef }]) => `${Q.toString(coef)}*${k}`)
    .join('+');
}

const sinOf = (arg: string) => `#sin(${arg})`;
const cosOf = (arg: string) => `#cos(${arg})`;

function monomial(powers: [string, number][]): Poly {
  const m: Monomial = new Map();
  for (const [s, e] of powers) if (e !== 0) m.set(s, Q.rat(e));
  const p: Poly = new Map();
  p.set(monoKey(m), { mono: m, coef: Q.ONE });
  return p;
}

/** A trig function of an argument as a monomial in the argument's sine and cosine. */
function trigFraction(fn: string, arg: Fraction, ctx: Ctx): Fraction {
  if (!ctx.trig) throw new GiveUp();
  const key = `${polyText(arg.num)}/${polyText(arg.den)}`;
  ctx.trig.add(key);
  const [s, c] = TRIG[fn]!;
  return frac(
    monomial([
      [sinOf(key), s],
      [cosOf(key), c],
    ]),
  );
}

/** The lowest power of `name` in any term, at most 0; undefined when a power is not whole. */
function lowestPower(p: Poly, name: string): number | undefined {
  let low = 0;
  for (const { mono } of p.values()) {
    const e = mono.get(name);
    if (!e) continue;
    if (!Q.isInteger(e)) return undefined;
    low = Math.min(low, Number(e.n));
  }
  return low;
}

/**
 * A polynomial with sin² replaced by 1 − cos² for every argument, after clearing negative
 * powers of sines and cosines (multiplying by a monomial keeps a zero a zero): 0 exactly when
 * the identity makes it 0. Undefined when a power is not a whole number.
 */
function reduceTrig(p: Poly, args: ReadonlySet<string>): Poly | undefined {
  let out = p;
  for (const arg of args) {
    const s = sinOf(arg);
    const c = cosOf(arg);
    const lowS = lowestPower(out, s);
    const lowC = lowestPower(out, c);
    if (lowS === undefined || lowC === undefined) return undefined;
    if (lowS < 0 || lowC < 0)
      out = polyMul(
        out,
        monomial([
          [s, -lowS],
          [c, -lowC],
        ]),
      );
    const cosSquaredComplement = polyAdd(one(), monomial([[c, 2]]), -1);
    const reduced: Poly = new Map();
    for (const { mono, coef } of out.values()) {
      const k = Number(mono.get(s)?.n ?? 0n);
      if (k < 2) {
        addInto(reduced, mono, coef);
        continue;
      }
      const rest: Monomial = new Map(mono);
      if (k % 2) rest.set(s, Q.ONE);
      else rest.delete(s);
      const term: Poly = new Map();
      term.set(monoKey(rest), { mono: rest, coef });
      for (const t of polyMul(term, polyPow(cosSquaredComplement, Math.floor(k / 2))).values()) addInto(reduced, t.mono, t.coef);
    }
    out = reduced;
  }
  return out;
}

function toFraction(n: Node, ctx: Ctx): Fraction {
  switch (n.kind) {
    case 'num':
      return frac(constPoly(n.value));
    case 'sym': {
      const m: Monomial = new Map([[n.name, Q.ONE]]);
      const p: Poly = new Map();
      p.set(monoKey(m), { mono: m, coef: Q.ONE });
      return frac(p);
    }
    case 'const': {
      if (n.name === 'infinity') throw new GiveUp();
      // π and e are transcendental: as polynomial indeterminates they are exact.
      return toFraction({ kind: 'sym', name: `#${n.name}` }, { positive: new Set([...ctx.positive, `#${n.name}`]) });
    }
    case 'add':
      return n.terms.reduce((acc, t) => fracAdd(acc, toFraction(t, ctx)), frac(new Map()));
    case 'mul':
    case 'cross':
      return n.factors.reduce((acc, f) => fracMul(acc, toFraction(f, ctx)), frac(one()));
    case 'neg': {
      const f = toFraction(n.arg, ctx);
      return { num: polyAdd(new Map(), f.num, -1), den: f.den };
    }
    case 'div':
      return fracDiv(toFraction(n.num, ctx), toFraction(n.den, ctx));
    case 'percent':
      return fracMul(toFraction(n.arg, ctx), frac(constPoly(Q.rat(1, 100))));
    case 'pow':
      return power(toFraction(n.base, ctx), toFraction(n.exp, ctx), ctx);
    case 'call':
      if (n.fn === 'sqrt' && n.args.length === 1) return power(toFraction(n.args[0]!, ctx), frac(constPoly(Q.rat(1, 2))), ctx);
      if (TRIG[n.fn] && n.args.length === 1 && !n.opaque && !n.indexed) return trigFraction(n.fn, toFraction(n.args[0]!, ctx), ctx);
      throw new GiveUp();
    case 'root': {
      const k = constantOf(toFraction(n.index, ctx));
      if (!k || Q.isZero(k)) throw new GiveUp();
      return power(toFraction(n.arg, ctx), frac(constPoly(need(Q.div(Q.ONE, k)))), ctx);
    }
    default:
      throw new GiveUp();
  }
}

function power(base: Fraction, exp: Fraction, ctx: Ctx): Fraction {
  const e = constantOf(exp);
  if (!e) throw new GiveUp();
  if (Q.isInteger(e)) {
    const k = e.n;
    if (k > 64n || k < -64n) throw new GiveUp();
    const up = { num: polyPow(base.num, Number(k < 0n ? -k : k)), den: polyPow(base.den, Number(k < 0n ? -k : k)) };
    return k < 0n ? fracDiv(frac(one()), up) : normalizeDen(up);
  }
  // A fractional power is exact only for one monomial over one monomial whose symbols are
  // positive (√(x²) is |x| otherwise) and whose coefficient has an exact root.
  const c = constantOf(frac(base.den));
  if (base.num.size !== 1 || !c) throw new GiveUp();
  const { mono, coef } = base.num.values().next().value!;
  const whole = need(Q.div(coef, c));
  if (whole.n < 0n) throw new GiveUp();
  const rootOf = exactRoot(whole, e.d);
  if (!rootOf) throw new GiveUp();
  const newCoef = need(Q.powInt(rootOf, e.n));
  const m: Monomial = new Map();
  for (const [s, x] of mono) {
    if (!ctx.positive.has(s)) throw new GiveUp();
    m.set(s, need(Q.mul(x, e)));
  }
  const p: Poly = new Map();
  p.set(monoKey(m), { mono: m, coef: newCoef });
  return frac(p);
}

/**
 * Decides `a = b` exactly when both are rational functions: true or false is a proof;
 * undefined means this stage cannot tell (functions, floors, irrational constants, size).
 */
export function exactlyEqual(a: Node, b: Node, positive: ReadonlySet<string>): boolean | undefined {
  try {
    const ctx: Ctx = { positive, trig: new Set() };
    const fa = keptForm(a, ctx);
    const fb = toFraction(b, ctx);
    const diff = polyAdd(polyMul(fa.num, fb.den), polyMul(fb.num, fa.den), -1);
    if (!ctx.trig!.size) return diff.size === 0;
    return reduceTrig(diff, ctx.trig!)?.size === 0 ? true : undefined;
  } catch (e) {
    if (e instanceof GiveUp || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A tree's exact form as `toFraction` made it for one set of positive symbols (none: it gave up), and the trig arguments it saw. */
interface KeptForm {
  positive: string;
  fraction?: Fraction;
  trig: readonly string[];
}

const KEPT_FORMS = new WeakMap<Node, KeptForm>();

/**
 * `toFraction` of the first tree compared, kept with the tree: it is the key's answer, the same
 * tree for every candidate checked against it, and making its form again was half of each
 * exact comparison. Forms are never changed once made (every operation builds new maps), so
 * one is shared; the trig arguments it saw are added to `ctx` as making it would have.
 */
function keptForm(n: Node, ctx: Ctx): Fraction {
  const positive = [...ctx.positive].join('\u0000');
  let kept = KEPT_FORMS.get(n);
  if (kept?.positive !== positive) {
    const own: Ctx = { positive: ctx.positive, trig: new Set() };
    try {
      kept = { positive, fraction: toFraction(n, own), trig: [...own.trig!] };
    } catch (e) {
      if (!(e instanceof GiveUp)) throw e;
      kept = { positive, trig: [] };
    }
    KEPT_FORMS.set(n, kept);
  }
  if (!kept.fraction) throw new GiveUp();
  for (const t of kept.trig) ctx.trig!.add(t);
  return kept.fraction;
}

/** The exact value of a constant tree, when it is rational (`\frac{127}{128}`, `0.1 + 0.2`). */
export function exactValue(n: Node): Rational | undefined {
  try {
    return constantOf(toFraction(n, { positive: new Set() }));
  } catch (e) {
    if (e instanceof GiveUp || e instanceof RangeError) return undefined;
    throw e;
  }
}
