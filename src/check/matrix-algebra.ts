import type { Node } from '../math/latex/ast.js';

type Rows = Node[][];

/**
 * Rows of a matrix written as an environment, as nested brackets `[[1, 2], [3, 4]]`, or as nested
 * braces `{{1, 2}, {3, 4}}`: a computer-algebra system's list of rows (Mathematica, Maple's and
 * Maxima's lists), read as a matrix only where one is expected (a set of sets answers no matrix).
 */
export function matrixRows(n: Node): Node[][] | undefined {
  if (n.kind === 'matrix') return n.rows;
  if (n.kind === 'set' && n.items.length && n.items.every((i) => i.kind === 'set' && i.items.length)) {
    const rows = n.items.map((i) => (i as Extract<Node, { kind: 'set' }>).items);
    if (rows.every((r) => r.length === rows[0]!.length)) return rows;
  }
  if (n.kind === 'transpose') {
    const rows = matrixRows(n.arg) ?? (n.arg.kind === 'tuple' ? [n.arg.items] : undefined);
    return rows && transpose(rows);
  }
  if (n.kind === 'tuple' && n.items.length && n.items.every((i) => i.kind === 'tuple')) {
    const rows = n.items.map((i) => (i as Extract<Node, { kind: 'tuple' }>).items);
    if (rows.every((r) => r.length === rows[0]!.length)) return rows;
  }
  return undefined;
}

/** Rows and columns swapped. */
export function transpose(rows: Node[][]): Node[][] {
  return rows[0]!.map((_, j) => rows.map((r) => r[j]!));
}

const ZERO: Node = { kind: 'num', value: { n: 0n, d: 1n }, text: '0' };
const ONE: Node = { kind: 'num', value: { n: 1n, d: 1n }, text: '1' };

/**
 * The entries of a matrix written as arithmetic on written matrices: `-40\begin{bmatrix}..\end{bmatrix}`,
 * `A + B`, `A B`, `\frac12 I`, `M^\top`. Entries stay trees, so exact entries stay exact. `I` is the
 * identity of the size the other matrices (or `size`, the expected shape) give. Undefined when the
 * tree is not such a matrix or its sizes do not fit.
 */
export function matrixAlgebra(n: Node, size?: [number, number]): Rows | undefined {
  const written = matrixRows(n);
  if (written) return written;
  switch (n.kind) {
    case 'neg': {
      const m = matrixAlgebra(n.arg, size);
      return m?.map((r) => r.map((e) => ({ kind: 'neg', arg: e })));
    }
    case 'transpose': {
      const m = matrixAlgebra(n.arg, size && [size[1], size[0]]);
      return m && transpose(m);
    }
    case 'div': {
      if (hasMatrix(n.den)) return undefined;
      const m = matrixAlgebra(n.num, size);
      return m?.map((r) => r.map((e) => ({ kind: 'div', num: e, den: n.den })));
    }
    case 'add': {
      const terms = n.terms.map((t) => matrixAlgebra(t, size));
      if (terms.some((t) => !t)) return undefined;
      const [first, ...rest] = terms as Rows[];
      if (rest.some((t) => t.length !== first!.length || t[0]!.length !== first![0]!.length)) return undefined;
      return first!.map((r, i) => r.map((_, j) => ({ kind: 'add', terms: terms.map((t) => t![i]![j]!) })));
    }
    case 'mul':
    case 'cross': {
      const scalars = n.factors.filter((f) => !hasMatrix(f));
      const mats = n.factors.filter(hasMatrix);
      if (!mats.length) return undefined;
      // The identity takes its size from its neighbours, else from the expected shape.
      const known = mats.map((m) => (isIdentity(m) ? undefined : matrixAlgebra(m)));
      if (known.some((k, i) => !k && !isIdentity(mats[i]!))) return undefined;
      const side = known.find((k) => k)?.length ?? size?.[0];
      if (side === undefined) return undefined;
      let product: Rows | undefined;
      for (let i = 0; i < mats.length; i++) {
        const m = known[i] ?? identityRows(product ? product[0]!.length : (known.slice(i + 1).find((k) => k)?.length ?? side));
        product = product ? multiply(product, m) : m;
        if (!product) return undefined;
      }
      if (!scalars.length) return product;
      const factor: Node = scalars.length === 1 ? scalars[0]! : { kind: 'mul', factors: scalars };
      return product!.map((r) => r.map((e) => ({ kind: 'mul', factors: [factor, e] })));
    }
    case 'sym':
      return isIdentity(n) && size && size[0] === size[1] ? identityRows(size[0]) : undefined;
    default:
      return undefined;
  }
}

function isIdentity(n: Node): boolean {
  return n.kind === 'sym' && (n.name === 'I' || /^I_\d+$/.test(n.name));
}

/** Whether a tree holds a written matrix or the identity (so it is not a scalar factor). */
function hasMatrix(n: Node): boolean {
  if (n.kind === 'matrix' || isIdentity(n)) return true;
  if (n.kind === 'transpose' || n.kind === 'neg') return hasMatrix(n.arg);
  if (n.kind === 'add') return n.terms.some(hasMatrix);
  if (n.kind === 'mul' || n.kind === 'cross') return n.factors.some(hasMatrix);
  if (n.kind === 'div') return hasMatrix(n.num);
  if (n.kind === 'tuple') return n.items.length > 0 && n.items.every((i) => i.kind === 'tuple');
  return false;
}

function identityRows(k: number): Rows {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? ONE : ZERO)));
}

function multiply(a: Rows, b: Rows): Rows | undefined {
  if (a[0]!.length !== b.length) return undefined;
  return a.map((row) => b[0]!.map((_, j) => ({ kind: 'add', terms: row.map((x, k) => ({ kind: 'mul', factors: [x, b[k]![j]!] }) as Node) })));
}
