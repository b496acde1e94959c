import type { Node } from './latex/ast.js';
import type { SymbolAssumptions, SymbolTable } from '../model/symbols.js';
import type { Point } from './evaluate.js';
import { Matrix } from './matrix.js';

/** The side of a matrix whose size the key leaves open (`matrix: true`): every such matrix is square of this size. */
const UNSIZED_MATRIX = 3;
/** Largest matrix drawn at a test point; a bigger one stands for the same identity. */
const MAX_MATRIX_ENTRIES = 4_096;

/** No bound symbols: shared, as most trees have no sum. */
const NOTHING_BOUND: ReadonlySet<string> = new Set();

/** The free symbols of a tree (bound sum indices excluded), in first-seen order. */
export function freeSymbols(n: Node, bound: ReadonlySet<string> = NOTHING_BOUND, out = new Set<string>()): Set<string> {
  if (n.kind === 'sym') {
    if (!bound.has(n.name)) out.add(n.name);
  } else if (n.kind === 'bigop') {
    // A sum's index is bound in its body only; its limits may use the symbol freely.
    freeSymbols(n.lower, bound, out);
    freeSymbols(n.upper, bound, out);
    freeSymbols(n.body, new Set([...bound, n.index]), out);
  } else {
    for (const child of children(n)) freeSymbols(child, bound, out);
  }
  return out;
}

/** Names of the opaque functions a tree applies (`f`, `sigma'`). */
export function opaqueFunctions(n: Node, out = new Set<string>()): Set<string> {
  if (n.kind === 'call' && n.opaque) out.add(n.fn);
  for (const child of children(n)) opaqueFunctions(child, out);
  return out;
}

/** The direct children of a node. */
export function children(n: Node): Node[] {
  switch (n.kind) {
    case 'add':
      return n.terms;
    case 'mul':
    case 'cross':
      return n.factors;
    case 'neg':
    case 'percent':
    case 'transpose':
      return [n.arg];
    case 'div':
      return [n.num, n.den];
    case 'pow':
      return [n.base, n.exp];
    case 'pm':
      return n.left ? [n.left, n.right] : [n.right];
    case 'call':
      return n.args;
    case 'root':
      return [n.index, n.arg];
    case 'bigop':
      return [n.lower, n.upper, n.body];
    case 'tuple':
    case 'set':
      return n.items;
    case 'interval':
      return [n.lo, n.hi];
    case 'union':
      return n.parts;
    case 'matrix':
      return n.rows.flat();
    case 'cases':
      return n.cases.flatMap((c) => (c.when === 'otherwise' ? [c.value] : [c.value, c.when]));
    case 'rel':
      return n.args;
    default:
      return [];
  }
}

/**
 * One random point that satisfies the symbols' assumptions. Symbols with no assumption take
 * values of either sign away from zero and from integers, where most false identities show.
 */
export function samplePoint(rng: () => number, names: Iterable<string>, table: SymbolTable): Point {
  const point: Point = new Map();
  const pending = [...names];
  // Symbols that are `greater` than another, or bounded by one (`max: k`), are drawn after it;
  // a cycle is broken by order.
  for (let pass = 0; pass < 3 && pending.length; pass++) {
    for (let i = 0; i < pending.length; ) {
      const name = pending[i]!;
      const a = table[name] ?? {};
      const sizes = Array.isArray(a.matrix) ? a.matrix : [];
      const waitsFor = [a.greater, a.min, a.max, ...sizes].filter((d): d is string => typeof d === 'string');
      // A matrix's sizes are drawn first, whether or not the expression names them.
      for (const d of waitsFor) if (!point.has(d) && !pending.includes(d) && table[d]) pending.push(d);
      if (waitsFor.some((d) => !point.has(d) && pending.includes(d)) && pass < 2) {
        i++;
        continue;
      }
      point.set(name, a.matrix ? drawMatrix(rng, a.matrix, point, name === 'I' || /^I_\d+$/.test(name)) : drawValue(rng, a, point));
      if (a.vector) a.vector.forEach((component) => point.set(component, drawValue(rng, table[component] ?? {}, point)));
      pending.splice(i, 1);
    }
  }
  for (const [name, a] of Object.entries(table)) {
    if (a.vector && !point.has(name) && a.vector.some((c) => point.has(c))) {
      point.set(
        name,
        a.vector.map((c) => point.get(c) as number),
      );
    }
  }
  // A vector symbol's value is its components.
  for (const [name, a] of Object.entries(table)) {
    if (a.vector && point.has(name))
      point.set(
        name,
        a.vector.map((c) => point.get(c) as number),
      );
  }
  return point;
}

/** A random matrix of the declared size (each size a number or an integer symbol's drawn value). */
function drawMatrix(rng: () => number, size: NonNullable<SymbolAssumptions['matrix']>, point: Point, identity: boolean): Matrix | number {
  const side = (d: string | number): number => {
    const v = typeof d === 'number' ? d : point.get(d);
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : UNSIZED_MATRIX;
  };
  const [rows, cols] = size === true ? [UNSIZED_MATRIX, UNSIZED_MATRIX] : [side(size[0]), side(size[1])];
  if (rows * cols > MAX_MATRIX_ENTRIES) return NaN;
  // `I` (`I_n`) in a matrix expression is the identity.
  if (identity && rows === cols)
    return new Matrix(
      rows,
      cols,
      Array.from({ length: rows * cols }, (_, k) => (k % (rows + 1) === 0 ? 1 : 0)),
    );
  return new Matrix(
    rows,
    cols,
    Array.from({ length: rows * cols }, () => Math.round((rng() * 4 - 2) * 1000) / 1000 || 0.5),
  );
}

function drawValue(rng: () => number, a: SymbolAssumptions, point: Point): number {
  const other = a.greater ? point.get(a.greater) : undefined;
  const min = boundValue(a.min, point);
  const max = boundValue(a.max, point);
  let lo = min ?? (a.positive ? 0 : a.nonnegative ? 0 : -6);
  let hi = max ?? (lo >= 0 ? lo + 8 : 6);
  if (typeof other === 'number') {
    // "much larger": well above the other symbol, so that asymptotic answers separate.
    lo = Math.max(lo, other * 1.5 + 1);
    hi = Math.max(hi, other * 12 + 10);
  }
  if (a.integer) {
    const ilo = Math.ceil(a.positive && lo <= 0 ? 1 : lo);
    const ihi = Math.floor(hi);
    let v = ilo + Math.floor(rng() * (ihi - ilo + 1));
    if ((a.nonzero || a.positive) && v === 0) v = 1;
    return v;
  }
  let v = lo + rng() * (hi - lo);
  if ((a.positive || a.nonzero) && Math.abs(v) < 0.05) v = 0.05 + Math.abs(v);
  if (!a.positive && !a.nonnegative && min === undefined && max === undefined && Math.abs(v) < 0.2) v += 0.5;
  return v;
}

/** A bound as a number: itself, or the value already drawn for the symbol it names. */
function boundValue(bound: number | string | undefined, point: Point): number | undefined {
  if (typeof bound === 'number') return bound;
  const v = bound === undefined ? undefined : point.get(bound);
  return typeof v === 'number' ? v : undefined;
}
