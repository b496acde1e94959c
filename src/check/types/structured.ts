import type { Node } from '../../math/latex/ast.js';
import { printMath } from '../../math/latex/print.js';
import { correct, incorrect, type CheckContext, type TypeChecker, type TypeVerdict } from '../context.js';
import { compareScalars, constantValue, isConstant } from '../scalar.js';
import { describeKind } from './scalar-types.js';
import { valueOf } from '../named-values.js';
import { matrixAlgebra, matrixRows, transpose } from '../matrix-algebra.js';
import { absoluteRange } from '../absolute.js';

export { matrixRows };

/** Items of a sequence written as a tuple, a `×` product (shapes) or a bare list. */
export function sequenceItems(n: Node): Node[] | undefined {
  if (n.kind === 'tuple') return n.items;
  if (n.kind === 'cross') return n.factors;
  return undefined;
}

function fmtEntry(n: Node): string {
  if (isConstant(n)) {
    const v = constantValue(n);
    if (Number.isFinite(v)) return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  }
  return printMath(n);
}

/** Compares two sequences element by element; the reason names the first differences. */
function compareSequences(expected: Node[], answer: Node[], ctx: CheckContext, noun: string): TypeVerdict {
  if (expected.length !== answer.length) {
    return incorrect('elementwise', `${expected.length} ${noun}s were expected; the answer has ${answer.length}`, 'incomplete');
  }
  const wrong: string[] = [];
  let decidedBy: TypeVerdict['check'] = 'elementwise';
  let undecidedAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const c = compareScalars(expected[i]!, answer[i]!, ctx);
    if (c.equal === false) wrong.push(`${noun} ${i + 1} is ${fmtEntry(answer[i]!)}, expected ${fmtEntry(expected[i]!)}`);
    if (c.equal === undefined) undecidedAt = i;
    if (c.check === 'numeric') decidedBy = 'numeric';
  }
  if (!wrong.length && undecidedAt >= 0) {
    return { verdict: 'undecided', score: 0, check: 'numeric', reason: `could not decide ${noun} ${undecidedAt + 1}` };
  }
  if (!wrong.length) return correct(decidedBy === 'numeric' ? 'numeric' : 'elementwise', `every ${noun} matches`);
  const permuted = isPermutation(expected, answer, ctx);
  return incorrect(
    'elementwise',
    permuted ? `the right ${noun}s in the wrong order (${answer.map(fmtEntry).join(', ')})` : wrong.slice(0, 3).join('; ') + (wrong.length > 3 ? `; and ${wrong.length - 3} more` : ''),
    permuted ? 'format' : undefined,
  );
}

function isPermutation(expected: Node[], answer: Node[], ctx: CheckContext): boolean {
  const used = new Set<number>();
  return expected.every((e) => {
    const j = answer.findIndex((a, k) => !used.has(k) && compareScalars(e, a, ctx).equal === true);
    if (j < 0) return false;
    used.add(j);
    return true;
  });
}

/** `tuple`: the same elements in the same order; never collapsed to a product. */
export const checkTuple: TypeChecker = (expected, answer, ctx) => {
  const want = sequenceItems(expected) ?? (expected.kind === 'set' ? expected.items : [expected]);
  const got = sequenceItems(answer) ?? (answer.kind === 'set' ? answer.items : undefined);
  if (!got) return incorrect('structural', `a tuple of ${want.length} values was expected; the answer is ${describeKind(answer)}`, 'format');
  return compareSequences(want, got, ctx, 'element');
};

/** `shape`: dimensions in order, in any notation (`28 \times 28 \times 10`, `(28, 28, 10)`). */
/**
 * Factors of a product that a shape writes side by side: numbers (`28·28·10`), or bracketed sides
 * set next to each other (`(⌊(W−K)/S⌋+1)(⌊(H−K)/S⌋+1) C`, as a TA reads a shape written without
 * its × signs). A sum inside a product can only have been bracketed, so one such factor marks the
 * juxtaposition as sides; a plain monomial (`K^2 C F`) is a product, not a shape.
 */
function writtenSides(factors: readonly Node[]): boolean {
  if (factors.every((f) => f.kind === 'num')) return true;
  return factors.some((f) => f.kind === 'add') && factors.every((f) => f.kind === 'add' || f.kind === 'sym' || f.kind === 'num');
}

export const checkShape: TypeChecker = (expected, answer, ctx) => {
  const want = sequenceItems(expected) ?? [expected];
  // `28·28·10` in a table cell: each number written out is a dimension, the dot a × (the product alone, 7840, is no shape).
  const written = answer.kind === 'mul' && answer.factors.length === want.length && want.length > 1 && writtenSides(answer.factors) ? answer.factors : undefined;
  const got = sequenceItems(answer) ?? written;
  if (!got) {
    if (isConstant(answer) && want.every(isConstant)) {
      const product = want.reduce((p, d) => p * constantValue(d), 1);
      if (Math.abs(constantValue(answer) - product) < 1e-9 * Math.max(1, product)) {
        return incorrect('structural', `a shape was expected; ${fmtEntry(answer)} is its product`, 'format');
      }
    }
    return incorrect('structural', `a shape (${want.length} dimensions) was expected; the answer is ${describeKind(answer)}`, 'format');
  }
  return compareSequences(want, got, ctx, 'dimension');
};

function allEqual(a: Node[][], b: Node[][], ctx: CheckContext, map: (n: Node) => Node = (n) => n): boolean {
  return a.every((row, i) => row.every((e, j) => compareScalars(e, map(b[i]![j]!), ctx).equal === true));
}

/** `matrix`: any bracket style; the same shape and entries equal within tolerance. */
export const checkMatrix: TypeChecker = (expected, answer, ctx) => {
  const want = matrixRows(expected) ?? matrixAlgebra(expected);
  if (!want) return checkTuple(expected, answer, ctx);
  let got = matrixRows(answer) ?? matrixAlgebra(answer, [want.length, want[0]!.length]);
  // A column vector may be written as a plain tuple.
  if (!got && answer.kind === 'tuple' && want.every((r) => r.length === 1)) got = answer.items.map((i) => [i]);
  if (!got && answer.kind === 'tuple' && want.length === 1) got = [answer.items];
  if (!got) return incorrect('structural', `a ${want.length}×${want[0]!.length} matrix was expected; the answer is ${describeKind(answer)}`, 'format');
  const shape = (m: Node[][]) => `${m.length}×${m[0]?.length ?? 0}`;
  if (got.length !== want.length || got.some((r) => r.length !== want[0]!.length)) {
    if (got.length === want[0]!.length && got[0]!.length === want.length && allEqual(want, transpose(got), ctx)) {
      return incorrect('structural', `this is the transpose of the expected ${shape(want)} matrix`, 'format');
    }
    return incorrect('structural', `a ${shape(want)} matrix was expected; the answer is ${shape(got)}`, 'format');
  }
  const wrong: string[] = [];
  let count = 0;
  for (let i = 0; i < want.length; i++) {
    for (let j = 0; j < want[i]!.length; j++) {
      const c = compareScalars(want[i]![j]!, got[i]![j]!, ctx);
      if (c.equal !== true) {
        count++;
        if (wrong.length < 3) wrong.push(`entry (${i + 1},${j + 1}) is ${fmtEntry(got[i]![j]!)}, expected ${fmtEntry(want[i]![j]!)}`);
      }
    }
  }
  if (!count) return correct('elementwise', `all ${want.length * want[0]!.length} entries match`);
  const total = want.length * want[0]!.length;
  if (want.length === want[0]!.length && allEqual(want, transpose(got), ctx)) {
    return incorrect('elementwise', 'this is the transpose of the expected matrix', 'format');
  }
  if (count === total && allEqual(want, got, ctx, (n) => ({ kind: 'neg', arg: n }))) {
    return incorrect('elementwise', 'every entry has the opposite sign of the expected one', 'convention');
  }
  return incorrect('elementwise', `${count} of ${total} entries differ: ${wrong.join('; ')}${count > 3 ? '; ...' : ''}`, count <= Math.max(1, total / 4) ? 'arithmetic' : undefined);
};

/** `c \cdot v` with one vector or matrix factor `v` and scalar factors `c`: the two apart. */
export function scalarTimes(n: Node): { scalars: Node[]; vector: Node } | undefined {
  if (n.kind !== 'mul') return undefined;
  const arrays = n.factors.filter((f) => f.kind === 'matrix' || (f.kind === 'tuple' && f.open !== '') || (f.kind === 'transpose' && (f.arg.kind === 'tuple' || f.arg.kind === 'matrix')));
  if (arrays.length !== 1) return undefined;
  const scalars = n.factors.filter((f) => f !== arrays[0]);
  return scalars.every(isConstant) ? { scalars, vector: arrays[0]! } : undefined;
}

/** `vector`: a tuple, a column or a row (per `orientation`), or a transposed row. */
export const checkVector: TypeChecker = (expected, answer, ctx) => {
  const flat = (n: Node): { items: Node[]; orientation: 'row' | 'column' | 'any' } | undefined => {
    if (n.kind === 'tuple' && !n.items.every((i) => i.kind === 'tuple')) return { items: n.items, orientation: 'any' };
    // `\frac{1}{\sqrt 2}\begin{bmatrix} 1 \\ 1 \end{bmatrix}`: a scalar times a vector is the vector of scaled components.
    const scaled = scalarTimes(n);
    if (scaled) {
      const inner = flat(scaled.vector);
      return inner && { ...inner, items: inner.items.map((i) => ({ kind: 'mul', factors: [...scaled.scalars, i] })) };
    }
    if (n.kind === 'transpose' && n.arg.kind === 'tuple') return { items: n.arg.items, orientation: 'column' };
    const rows = matrixRows(n);
    if (!rows) return undefined;
    if (rows.every((r) => r.length === 1)) return { items: rows.map((r) => r[0]!), orientation: 'column' };
    if (rows.length === 1) return { items: rows[0]!, orientation: 'row' };
    return undefined;
  };
  const want = flat(expected);
  const got = flat(answer);
  if (!want) return checkTuple(expected, answer, ctx);
  if (!got) return incorrect('structural', `a vector of ${want.items.length} components was expected; the answer is ${describeKind(answer)}`, 'format');
  const orientation = ctx.spec.orientation ?? 'any';
  if (orientation !== 'any' && got.orientation !== 'any' && got.orientation !== orientation) {
    return incorrect('structural', `a ${orientation} vector was expected; the answer is a ${got.orientation} vector`, 'format');
  }
  return compareSequences(want.items, got.items, ctx, 'component');
};

/** Elements of a set: braces, a bare list, `\pm` expanded, or one value. */
export function setItems(n: Node): Node[] {
  if (n.kind === 'set' || (n.kind === 'tuple' && n.open === '')) return n.items.map(valueOf).flatMap(expandPm);
  return expandPm(valueOf(n));
}

/** `a \pm b` stands for two values. */
export function expandPm(n: Node): Node[] {
  if (n.kind === 'pm') {
    const left = n.left ?? { kind: 'num' as const, value: { n: 0n, d: 1n }, text: '0' };
    return [
      { kind: 'add', terms: [left, n.right] },
      { kind: 'add', terms: [left, { kind: 'neg', arg: n.right }] },
    ];
  }
  if (n.kind === 'div' && n.num.kind === 'pm') return expandPm(n.num).map((num) => ({ kind: 'div', num, den: n.den }));
  return [n];
}

function elementsEqual(a: Node, b: Node, ctx: CheckContext): boolean {
  const sa = sequenceItems(a);
  const sb = sequenceItems(b);
  if (sa && sb) return sa.length === sb.length && sa.every((x, i) => compareScalars(x, sb[i]!, ctx).equal === true);
  if (sa || sb) return false;
  return compareScalars(a, b, ctx).equal === true;
}

const isLetter = (n: Node) => n.kind === 'sym' && /^[A-Z]$/.test(n.name);

/** `ABD` for the choices A, B, D: letters written together are the options picked, not a product. */
function choiceLetters(want: Node[], answer: Node): Node[] | undefined {
  if (!want.length || !want.every(isLetter)) return undefined;
  if (answer.kind === 'mul' && answer.factors.every(isLetter)) return answer.factors;
  return undefined;
}

/** A set's elements with repeats dropped: `\{2, 0, 0\}` is `\{0, 2\}`. */
function distinct(items: Node[], ctx: CheckContext): Node[] {
  const seen = new Set<string>();
  const written = items.filter((item) => {
    const key = printMath(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Repeats written differently (`0.5` and `\frac12`) need comparisons; only for lists of a readable size.
  if (written.length > 100) return written;
  const out: Node[] = [];
  for (const item of written) if (!out.some((o) => elementsEqual(o, item, ctx))) out.push(item);
  return out;
}

/** `set`: the same elements, in any order; an element listed twice is one element. */
export const checkSet: TypeChecker = (expected, answer, ctx) => {
  const want = distinct(setItems(expected), ctx);
  const got = distinct(choiceLetters(want, answer) ?? setItems(answer), ctx);
  const unmatched = [...got];
  const missing: Node[] = [];
  for (const w of want) {
    const j = unmatched.findIndex((g) => elementsEqual(w, g, ctx));
    if (j < 0) missing.push(w);
    else unmatched.splice(j, 1);
  }
  if (!missing.length && !unmatched.length) return correct('elementwise', `the same ${want.length} element${want.length === 1 ? '' : 's'}`);
  const parts: string[] = [];
  if (missing.length) parts.push(`missing ${missing.map(fmtEntry).join(', ')}`);
  if (unmatched.length) parts.push(`not expected: ${unmatched.map(fmtEntry).join(', ')}`);
  return incorrect('elementwise', parts.join('; '), missing.length && !unmatched.length ? 'incomplete' : undefined);
};

type Interval = Extract<Node, { kind: 'interval' }>;
const INF: Node = { kind: 'const', name: 'infinity' };

/**
 * An interval from `(a, b]`, an open tuple `(a, b)`, an inequality such as `-2 \le x \le 7`, or a
 * centre and half-width `52 \pm 3.92` (a confidence interval, its ends included).
 */
export function asInterval(n: Node): Interval | undefined {
  if (n.kind === 'interval') return n;
  if (n.kind === 'pm' && n.left) {
    return { kind: 'interval', lo: { kind: 'add', terms: [n.left, { kind: 'neg', arg: n.right }] }, hi: { kind: 'add', terms: [n.left, n.right] }, loClosed: true, hiClosed: true };
  }
  // `52 \pm 1.96 \cdot 2 = 52 \pm 3.92`: the working ends in the interval stated.
  if (n.kind === 'rel' && n.ops.every((o) => o === '=') && n.args[n.args.length - 1]!.kind === 'pm') return asInterval(n.args[n.args.length - 1]!);
  if (n.kind === 'tuple' && n.items.length === 2 && n.open) {
    return { kind: 'interval', lo: n.items[0]!, hi: n.items[1]!, loClosed: n.open === '[', hiClosed: n.close === ']' };
  }
  if (n.kind === 'rel' && n.ops.length === 2 && n.ops.every((o) => o === '<' || o === '<=')) {
    return { kind: 'interval', lo: n.args[0]!, hi: n.args[2]!, loClosed: n.ops[0] === '<=', hiClosed: n.ops[1] === '<=' };
  }
  if (n.kind === 'rel' && n.ops.length === 2 && n.ops.every((o) => o === '>' || o === '>=')) {
    return { kind: 'interval', lo: n.args[2]!, hi: n.args[0]!, loClosed: n.ops[1] === '>=', hiClosed: n.ops[0] === '>=' };
  }
  if (n.kind === 'rel' && n.ops.length === 1 && n.ops[0] === 'in') return asInterval(n.args[1]!);
  if (n.kind === 'rel' && n.ops.length === 1 && n.args[0]!.kind === 'sym') {
    const bound = n.args[1]!;
    switch (n.ops[0]) {
      case '<':
        return { kind: 'interval', lo: { kind: 'neg', arg: INF }, hi: bound, loClosed: false, hiClosed: false };
      case '<=':
        return { kind: 'interval', lo: { kind: 'neg', arg: INF }, hi: bound, loClosed: false, hiClosed: true };
      case '>':
        return { kind: 'interval', lo: bound, hi: INF, loClosed: false, hiClosed: false };
      case '>=':
        return { kind: 'interval', lo: bound, hi: INF, loClosed: true, hiClosed: false };
    }
  }
  return undefined;
}

function intervalsEqual(a: Interval, b: Interval, ctx: CheckContext): string | undefined {
  if (!elementsEqual(a.lo, b.lo, ctx)) return `the lower end is ${fmtEntry(b.lo)}, expected ${fmtEntry(a.lo)}`;
  if (!elementsEqual(a.hi, b.hi, ctx)) return `the upper end is ${fmtEntry(b.hi)}, expected ${fmtEntry(a.hi)}`;
  const infinite = (n: Node) => n.kind === 'const' || (n.kind === 'neg' && n.arg.kind === 'const');
  if (a.loClosed !== b.loClosed && !infinite(a.lo)) return `the lower end should be ${a.loClosed ? 'closed' : 'open'}`;
  if (a.hiClosed !== b.hiClosed && !infinite(a.hi)) return `the upper end should be ${a.hiClosed ? 'closed' : 'open'}`;
  return undefined;
}

/** `interval`: the same ends, open or closed alike; a union of intervals in any order. */
export const checkInterval: TypeChecker = (expected, answer, ctx) => {
  const parts = (n: Node): Node[] => {
    const abs = absoluteRange(n);
    if (abs) return parts(abs);
    return n.kind === 'union' ? n.parts : n.kind === 'rel' && n.ops[0] === 'in' ? parts(n.args[1]!) : [n];
  };
  const want = parts(expected);
  const got = parts(answer);
  if (want.length !== got.length) return incorrect('structural', `${want.length} interval${want.length === 1 ? ' was' : 's were'} expected; the answer has ${got.length}`);
  const unmatched = [...got];
  for (const w of want) {
    const wi = asInterval(w);
    if (!wi) {
      const j = unmatched.findIndex((g) => (g.kind === 'set' && w.kind === 'set' ? checkSet(w, g, ctx).verdict === 'correct' : false));
      if (j < 0) return incorrect('structural', `expected ${printMath(w)}`);
      unmatched.splice(j, 1);
      continue;
    }
    let why = 'no matching interval';
    const j = unmatched.findIndex((g) => {
      const gi = asInterval(g);
      if (!gi) return false;
      const diff = intervalsEqual(wi, gi, ctx);
      if (diff) why = diff;
      return diff === undefined;
    });
    if (j < 0) return incorrect('elementwise', unmatched.length === 1 && !asInterval(unmatched[0]!) ? `an interval was expected; the answer is ${describeKind(unmatched[0]!)}` : why);
    unmatched.splice(j, 1);
  }
  return correct('elementwise', 'the same interval');
};
