import { QuietError } from '../math/quiet-error.js';
import type { Node } from '../math/latex/ast.js';
import type { SymbolTable } from '../model/symbols.js';
import { children } from '../math/sampling.js';

/** The kinds a product's matrices are inferred through (see `spread`). */
const ARITHMETIC = new Set<Node['kind']>(['add', 'mul', 'cross', 'neg', 'transpose', 'div', 'pow', 'rel']);

/**
 * Matrices a key does not declare, read from how the answers use them: a transposed symbol (or
 * one a norm is taken of) is a matrix or a vector, never a number (`B^\top A^\top g` is a product of matrices, and
 * `A^\top B^\top g` is another one). Course notation decides the kind: an upper-case name is a
 * matrix (W, X, W^o), a lower-case one a column vector (x, g, δ). The sizes are then solved from
 * both sides together — each product's inner sizes agree, each sum's terms have one shape, both
 * sides have the same shape — and every size left free is at least 2, so a check cannot pass by
 * shrinking vectors to numbers.
 */

/** What inference concluded for a pair of trees. */
export type MatrixReading =
  /** Symbols with the inferred `matrix` sizes added (the declared ones kept). */
  | { kind: 'matrices'; symbols: SymbolTable; inferred: string[] }
  /** The answer's sizes cannot fit the expected answer's: in words. */
  | { kind: 'misfit'; reason: string; inferred: string[] }
  /** Nothing to infer, or the expected answer itself does not read as matrices. */
  | { kind: 'none' };

/** A size: a class of the union-find, with a fixed value (1, a declared number or a symbol name) or free. */
type Dim = number;
type Shape = 'scalar' | [Dim, Dim];

class Sizes {
  private parent: number[] = [];
  private fixed: (number | string | undefined)[] = [];

  fresh(value?: number | string): Dim {
    this.parent.push(this.parent.length);
    this.fixed.push(value);
    return this.parent.length - 1;
  }

  find(d: Dim): Dim {
    while (this.parent[d] !== d) d = this.parent[d] = this.parent[this.parent[d]!]!;
    return d;
  }

  /** Makes two sizes one; false when their fixed values differ. */
  unify(a: Dim, b: Dim): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const fa = this.fixed[ra];
    const fb = this.fixed[rb];
    if (fa !== undefined && fb !== undefined && fa !== fb) return false;
    // A size left free stands for any size of 2 or more: x x^\top is never a number.
    if ((fa === 1 && fb === undefined) || (fb === 1 && fa === undefined)) return false;
    this.parent[rb] = ra;
    this.fixed[ra] = fa ?? fb;
    return true;
  }

  value(d: Dim): number | string | undefined {
    return this.fixed[this.find(d)];
  }
}

const isUpper = (name: string) => /^[A-Z]/.test(name);
/** `I`, `I_3`: the identity matrix (sampling draws a matrix symbol of that name as the identity). */
export const isIdentityName = (name: string) => name === 'I' || /^I_\d+$/.test(name);
/** Greek letters courses use for numbers (rates, penalty weights, variances); β, δ, ε, θ, μ are often vectors. */
const SCALAR_GREEK = new Set(['alpha', 'gamma', 'eta', 'lambda', 'nu', 'sigma', 'tau', 'rho', 'kappa', 'pi', 'omega']);
const isScalarGreek = (name: string) => SCALAR_GREEK.has(name.replace(/_.*$/, '').replace(/\^.*$/, ''));

const NORMS = new Set(['norm', 'norm2', 'norm1', 'normInf']);

/** Symbols written transposed (`x^\top`, `(AB)^\top`: A and B), through products, sums and signs. */
function transposed(n: Node, out: Set<string>, under = false): void {
  if (n.kind === 'transpose') {
    if (n.arg.kind === 'sym') out.add(n.arg.name);
    else transposed(n.arg, out, true);
    return;
  }
  if (under && n.kind === 'sym') {
    if (!isScalarGreek(n.name)) out.add(n.name);
    return;
  }
  switch (n.kind) {
    case 'mul':
    case 'cross':
      for (const f of n.factors) transposed(f, out, under);
      return;
    case 'add':
      for (const t of n.terms) transposed(t, out, under);
      return;
    case 'neg':
      transposed(n.arg, out, under);
      return;
    case 'pow':
      transposed(n.base, out, under);
      return;
    case 'div':
      transposed(n.num, out, under);
      transposed(n.den, out, false);
      return;
    case 'rel':
      for (const a of n.args) transposed(a, out, false);
      return;
    case 'call':
      // What a norm is taken of is a vector or a matrix (‖x‖₁ is not |x|).
      for (const a of n.args) transposed(a, out, NORMS.has(n.fn) && n.args.length === 1);
      return;
    default:
  }
}

/**
 * Symbols that must be matrices beside known ones: an upper-case name in a product with a matrix,
 * the last factor of such a product when it is a lower-case Latin name (`W x`, `A^\top g`), a name
 * added to a matrix. Returns whether anything was added.
 */
function spread(n: Node, known: Set<string>): boolean {
  let grew = false;
  const add = (s: string) => {
    if (!known.has(s)) {
      known.add(s);
      grew = true;
    }
  };
  const holds = (x: Node): boolean => {
    if (x.kind === 'sym') return known.has(x.name);
    if (x.kind === 'transpose' || x.kind === 'neg') return holds(x.arg);
    if (x.kind === 'pow') return holds(x.base);
    if (x.kind === 'mul' || x.kind === 'cross') return x.factors.some(holds);
    if (x.kind === 'add') return x.terms.some(holds);
    if (x.kind === 'div') return holds(x.num);
    return false;
  };
  const visit = (x: Node): void => {
    if (x.kind === 'mul' || x.kind === 'cross') {
      if (x.factors.some(holds)) {
        x.factors.forEach((f, i) => {
          if (f.kind !== 'sym') return;
          if (isUpper(f.name) || (i === x.factors.length - 1 && /^[a-z]/.test(f.name) && !isScalarGreek(f.name))) add(f.name);
        });
      }
    } else if (x.kind === 'add' && x.terms.some(holds)) {
      for (const t of x.terms) {
        const s = t.kind === 'neg' ? t.arg : t;
        if (s.kind === 'sym' && !isScalarGreek(s.name)) add(s.name);
      }
    }
    // Only through arithmetic: a function's argument or a sum's body is a world of its own.
    if (!ARITHMETIC.has(x.kind)) return;
    for (const c of children(x)) visit(c);
  };
  visit(n);
  return grew;
}

class Unsupported extends QuietError {}
class Misfit extends QuietError {}

/** Shapes of trees under one assignment of symbols to matrix sizes. */
class Shapes {
  readonly sizes = new Sizes();
  private readonly one: Dim;
  private readonly bySymbol = new Map<string, [Dim, Dim]>();
  private readonly byName = new Map<string, Dim>();
  private readonly letters = new Map<number, string>();
  /** Whether a tree used `I` for the identity. */
  usesIdentity = false;

  constructor(
    private readonly matrices: Set<string>,
    private readonly symbols: SymbolTable,
  ) {
    this.one = this.sizes.fresh(1);
  }

  private named(d: string | number): Dim {
    if (typeof d === 'number') return d === 1 ? this.one : this.sizes.fresh(d);
    let v = this.byName.get(d);
    if (v === undefined) this.byName.set(d, (v = this.sizes.fresh(d)));
    return v;
  }

  has(name: string): boolean {
    return this.bySymbol.has(name);
  }

  symbolShape(name: string): [Dim, Dim] {
    let s = this.bySymbol.get(name);
    if (s) return s;
    const declared = this.symbols[name]?.matrix;
    if (isIdentityName(name) && !this.symbols[name]) {
      const side = this.sizes.fresh();
      s = [side, side];
    } else if (declared === true) {
      // An unsized declared matrix is drawn square of side 3 (see sampling.ts).
      const side = this.sizes.fresh(3);
      s = [side, side];
    } else if (declared) s = [this.named(declared[0]), this.named(declared[1])];
    else s = isUpper(name) ? [this.sizes.fresh(), this.sizes.fresh()] : [this.sizes.fresh(), this.one];
    this.bySymbol.set(name, s);
    return s;
  }

  unify(a: Shape, b: Shape, what: string): Shape {
    if (a === 'scalar') return b === 'scalar' ? a : this.unify([this.one, this.one], b, what);
    if (b === 'scalar') return this.unify(a, [this.one, this.one], what);
    if (!this.sizes.unify(a[0], b[0]) || !this.sizes.unify(a[1], b[1])) throw new Misfit(what);
    return a;
  }

  of(n: Node): Shape {
    switch (n.kind) {
      case 'num':
      case 'const':
        return 'scalar';
      case 'sym':
        if (isIdentityName(n.name)) {
          // The identity: square, of whatever size its neighbours give.
          if (!this.symbols[n.name]) {
            this.usesIdentity = true;
            return this.symbolShape(n.name);
          }
        }
        return this.matrices.has(n.name) ? this.symbolShape(n.name) : 'scalar';
      case 'transpose': {
        const s = this.of(n.arg);
        return s === 'scalar' ? s : [s[1], s[0]];
      }
      case 'neg':
        return this.of(n.arg);
      case 'add':
        return n.terms.map((t) => this.of(t)).reduce((a, b) => this.unify(a, b, 'terms of a sum have different sizes'));
      case 'mul':
      case 'cross': {
        let acc: Shape = 'scalar';
        for (const f of n.factors) {
          const s = this.of(f);
          if (s === 'scalar') continue;
          if (acc === 'scalar') acc = s;
          else {
            if (!this.sizes.unify(acc[1], s[0])) throw new Misfit('the inner sizes of a product differ');
            acc = [acc[0], s[1]];
          }
        }
        return acc;
      }
      case 'div': {
        if (this.of(n.den) !== 'scalar') throw new Unsupported();
        return this.of(n.num);
      }
      case 'pow': {
        const b = this.of(n.base);
        if (this.of(n.exp) !== 'scalar') throw new Unsupported();
        if (b === 'scalar') return b;
        // Only a square matrix has powers and an inverse.
        if (!this.sizes.unify(b[0], b[1])) throw new Misfit('a power of a matrix that is not square');
        return b;
      }
      case 'call':
        // Norms and opaque functions give numbers; a known function of a matrix has no value here.
        for (const a of n.args) if (this.of(a) !== 'scalar' && !(n.opaque || NORMS.has(n.fn))) throw new Unsupported();
        return 'scalar';
      case 'rel':
        return n.args.map((a) => this.of(a)).reduce((a, b) => this.unify(a, b, 'the sides have different sizes'));
      default:
        if (this.involves(n)) throw new Unsupported();
        return 'scalar';
    }
  }

  private involves(n: Node): boolean {
    if (n.kind === 'sym') return this.matrices.has(n.name);
    return children(n).some((c) => this.involves(c));
  }

  describe(s: Shape): string {
    if (s === 'scalar') return 'a number';
    const d = (x: Dim) => {
      const v = this.sizes.value(x);
      if (v !== undefined) return String(v);
      const root = this.sizes.find(x);
      if (!this.letters.has(root)) this.letters.set(root, 'nmkpq'[this.letters.size % 5]!);
      return this.letters.get(root)!;
    };
    return `${d(s[0])}×${d(s[1])}`;
  }
}

/** Free sizes take distinct small values, so that a product of non-square matrices shows its order. */
const FREE_SIZES = [3, 2, 4, 5];

/**
 * Reads the expected answer and a candidate as matrices where the transposes (or the key's
 * declared matrices) say so; see the module comment. `none` leaves the check as it was.
 */
export function inferMatrices(expected: Node, answer: Node, symbols: SymbolTable): MatrixReading {
  const declared = Object.keys(symbols).filter((s) => symbols[s]?.matrix !== undefined);
  const known = new Set<string>();
  transposed(expected, known);
  transposed(answer, known);
  if (!known.size && !declared.length) return { kind: 'none' };
  for (const s of declared) known.add(s);
  // Symbols the key declares as anything else (a vector of components, a function, an assumption) stay so.
  const keep = (s: string) => symbols[s] === undefined || symbols[s]!.matrix !== undefined || Object.keys(symbols[s]!).length === 0;
  for (const s of [...known]) if (!keep(s)) known.delete(s);
  const base = new Set(known);
  for (let i = 0; i < 8 && (spread(expected, known) || spread(answer, known)); i++);
  for (const s of [...known]) if (!keep(s)) known.delete(s);
  // What the neighbours suggest may not fit the expected answer (`x^\top A x + b`, b a number):
  // then only what the transposes and the key say.
  for (const matrices of known.size > base.size ? [known, base] : [base]) {
    const inferred = [...matrices].filter((s) => !declared.includes(s)).sort();
    if (!inferred.length) return { kind: 'none' };
    const shapes = new Shapes(matrices, symbols);
    let want: Shape;
    try {
      want = shapes.of(expected);
    } catch {
      continue;
    }
    return judge(shapes, want, answer, symbols, inferred);
  }
  return { kind: 'none' };
}

function judge(shapes: Shapes, want: Shape, answer: Node, symbols: SymbolTable, inferred: string[]): MatrixReading {
  try {
    const got = shapes.of(answer);
    try {
      shapes.unify(want, got, '');
    } catch (e) {
      if (!(e instanceof Misfit)) throw e;
      return { kind: 'misfit', reason: `the answer is ${shapes.describe(got)} where ${shapes.describe(want)} is expected`, inferred };
    }
  } catch (e) {
    if (e instanceof Unsupported) return { kind: 'none' };
    if (e instanceof Misfit) return { kind: 'misfit', reason: e.message, inferred };
    throw e;
  }
  const free = new Map<number, number>();
  const size = (d: Dim): number | string => {
    const v = shapes.sizes.value(d);
    if (v !== undefined) return v;
    const root = shapes.sizes.find(d);
    if (!free.has(root)) free.set(root, FREE_SIZES[free.size % FREE_SIZES.length]!);
    return free.get(root)!;
  };
  const out: SymbolTable = { ...symbols };
  if (shapes.usesIdentity) for (const s of ['I', ...[2, 3, 4, 5].map((k) => `I_${k}`)]) if (!symbols[s] && shapes.has(s)) inferred.push(s);
  for (const s of inferred) {
    const [r, c] = shapes.symbolShape(s);
    out[s] = { ...(symbols[s] ?? {}), matrix: [size(r), size(c)] };
  }
  return { kind: 'matrices', symbols: out, inferred };
}
