import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';
import type { AnswerSpec } from '../src/model/answer-spec.js';
import type { SymbolTable } from '../src/model/symbols.js';
import { symbolTable } from '../src/check/protocol.js';

function verdict(spec: AnswerSpec | string, answer: string, symbols?: SymbolTable) {
  const s = typeof spec === 'string' ? { value: spec } : spec;
  return checkAnswer(s, answer, symbols ? { symbols } : {});
}

function expectVerdict(spec: AnswerSpec | string, answer: string, want: string, symbols?: SymbolTable, reason?: RegExp) {
  const r = verdict(spec, answer, symbols);
  assert.equal(r.verdict, want, `${JSON.stringify(spec)} vs ${JSON.stringify(answer)}: ${r.verdict} — ${r.reason}`);
  if (reason) assert.match(r.reason, reason);
  return r;
}

const DIMS = symbolTable({ d_in: { positive: true }, d_out: { positive: true, greater: 'd_in' }, c: { positive: true } })!;

test('number: notations of one value', () => {
  for (const a of ['1473', '1,473', '1473.0', '$1473$', 'The answer is 1473.', '\\boxed{1473}']) expectVerdict('1473', a, 'correct');
  expectVerdict('23,296', '23296', 'correct');
  expectVerdict('23296', '23,296', 'correct');
  expectVerdict({ value: '72.8e6', type: 'number', tolerance: { rel: 0.01 } }, '72.8M', 'correct');
  expectVerdict({ value: '72.8e6', type: 'number', tolerance: { rel: 0.01 } }, '7.28 \\times 10^7', 'correct');
  expectVerdict({ value: '72.8e6', type: 'number', tolerance: { rel: 0.01 } }, '72,855,552', 'correct');
  expectVerdict('\\frac{127}{128}', '0.9921875', 'correct');
  expectVerdict({ value: '0.992', sigfigs: 3 }, '\\frac{127}{128}', 'correct');
  expectVerdict('28\\%', '28 percent', 'correct');
  expectVerdict('0.28', '28\\%', 'correct');
  expectVerdict('\\frac{1}{3}', '0.33', 'correct');
});

test('number: near misses', () => {
  expectVerdict('23296', '23,295', 'incorrect');
  expectVerdict({ value: '0.992', sigfigs: 3 }, '0.99', 'incorrect');
  expectVerdict('1473', '-1473', 'incorrect', undefined, /sign is flipped/);
  expectVerdict('1473', '14730', 'incorrect', undefined, /factor of 10/);
  expectVerdict('0.25', '0.3', 'incorrect');
  // A pair is not a number: `32, 349` with a space is two values.
  expectVerdict('32349', '32, 349', 'incorrect');
});

test('expression: subscripts are one symbol, whatever the notation', () => {
  expectVerdict('2 c\\, d_{out}^2 d_{in}', '2c\\,d_{in} d_{out}^2', 'correct', DIMS);
  expectVerdict('2 c\\, d_{out}^2 d_{in}', '2 c d_{\\text{out}}^2 d_{\\mathrm{in}}', 'correct', DIMS);
  expectVerdict('2 c\\, d_{out}^2 d_{in}', '2 c d_out^2 d_in', 'correct', DIMS);
  const r = expectVerdict('2 c\\, d_{out}^2 d_{in}', '2 c d_{out} d_{in}^2', 'incorrect', DIMS, /equal only when (d_in = d_out|d_out = d_in)/);
  assert.equal(r.check, 'exact');
  expectVerdict('2 c\\, d_{out}^2 d_{in}', 'c d_{out}^2 d_{in}', 'incorrect', DIMS, /1\/2 of the expected/);
  expectVerdict('\\frac{1}{\\sqrt{d_{in}}}', 'd_{in}^{-1/2}', 'correct', DIMS);
  expectVerdict('\\frac{1}{\\sqrt{d_{in}}}', '\\sqrt{d_{in}}', 'incorrect', DIMS);
  expectVerdict('\\frac{1}{\\sqrt{d_{out}}}', '\\frac{1}{\\sqrt{d_{in}}}', 'incorrect', DIMS);
  expectVerdict('(x-2)(x+2)', 'x^2 - 4', 'correct');
  expectVerdict('x + 1', 'x - 1', 'incorrect');
});

test('expression: floors, ceilings and swapped factors', () => {
  const s = symbolTable({ W: { integer: true, positive: true }, K: { integer: true, positive: true }, P: { integer: true, nonnegative: true }, S: { integer: true, positive: true } })!;
  expectVerdict('\\left\\lfloor \\frac{W - K + 2P}{S} \\right\\rfloor + 1', '\\lfloor (W + 2P - K)/S \\rfloor + 1', 'correct', s);
  expectVerdict('\\left\\lfloor \\frac{W - K + 2P}{S} \\right\\rfloor + 1', '\\lceil (W + 2P - K)/S \\rceil + 1', 'incorrect', s);
  expectVerdict('\\left\\lfloor \\frac{W - K + 2P}{S} \\right\\rfloor + 1', '\\lfloor (W - K + P)/S \\rfloor + 1', 'incorrect', s);
  expectVerdict('a - b', 'b - a', 'incorrect', undefined, /sign is flipped/);
});

test('expression: a symbol the question does not define is incorrect, not a crash', () => {
  expectVerdict('2 c\\, d_{in}', '2 c\\, d_{in} y', 'incorrect', DIMS, /does not define: y/);
  // A trailing c is a symbol, never a unit.
  expectVerdict('2 d_{in}', '2 d_{in} c', 'incorrect', symbolTable({ d_in: {} }));
});

test('expression: opaque functions and derivatives', () => {
  expectVerdict("a w \\sigma'(w h_{t-1})", "\\sigma'(w h_{t-1})\\, w a", 'correct');
  expectVerdict("a w \\sigma'(w h_{t-1})", "a w \\sigma'(h_{t-1})", 'incorrect');
  expectVerdict('\\tan^2(y) + 1', '\\sec^2 y', 'correct');
});

test('equation: rearranged, or the right side alone', () => {
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', '\\frac{1}{\\sqrt{d_{in}}}', 'correct', DIMS);
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c = d_{in}^{-1/2}', 'correct', DIMS);
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c = \\frac{1}{d_{in}}', 'incorrect', DIMS);
  expectVerdict('2x + 4y - 3 = 0', 'y = -\\frac{1}{2}x + \\frac{3}{4}', 'correct');
  expectVerdict('2x + 4y - 3 = 0', 'y = -\\frac{1}{2}x + \\frac{3}{2}', 'incorrect');
});

test('relation: the same bound; boundary: true accepts the equation', () => {
  const alpha = { ...DIMS, alpha: {} };
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha \\leq d_{in}^{-1/2}', 'correct', alpha);
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha \\sqrt{d_{in}} \\le 1', 'correct', alpha);
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha \\ge \\frac{1}{\\sqrt{d_{in}}}', 'incorrect', alpha, /wrong way/);
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha < \\frac{1}{\\sqrt{d_{in}}}', 'incorrect', alpha, /strict/);
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha = \\frac{1}{\\sqrt{d_{in}}}', 'incorrect', alpha);
  expectVerdict({ value: '\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', boundary: true }, '\\alpha = \\frac{1}{\\sqrt{d_{in}}}', 'correct', alpha);
  expectVerdict({ value: '\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', boundary: true }, '\\frac{1}{\\sqrt{d_{in}}}', 'correct', alpha);
  expectVerdict({ value: '\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', boundary: true }, '\\frac{1}{\\sqrt{d_{out}}}', 'incorrect', alpha);
});

test('relation: a bounded quantity declared positive is still the unknown of its bound', () => {
  // With every symbol positive, (α − 1/d)/(α − 1/√d) was positive at all sampled points, so the
  // two bounds passed for one (a false accept on a course key's 2.d); the ratio changes sign
  // for α between 1/d and 1/√d.
  const positive = { alpha: { positive: true }, d_in: { positive: true } };
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha \\le \\frac{1}{d_{in}}', 'incorrect', positive);
  expectVerdict({ value: '\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', boundary: true }, '\\alpha \\le \\frac{1}{d_{in}}', 'incorrect', positive);
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha \\le \\frac{1}{d_{in}^{2}}', 'incorrect', positive);
  // A factor in the other symbols alone still keeps the bound: α√d ≤ 1, d·α ≤ √d.
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', '\\alpha \\sqrt{d_{in}} \\le 1', 'correct', positive);
  expectVerdict('\\alpha \\le \\frac{1}{\\sqrt{d_{in}}}', 'd_{in} \\alpha \\le \\sqrt{d_{in}}', 'correct', positive);
});

test('matrix: any brackets; one wrong entry, a transpose, a sign flip', () => {
  const m = '\\begin{bmatrix} 19 & 28 & 29 \\\\ 30 & 40 & 30 \\\\ 49 & 68 & 59 \\end{bmatrix}';
  expectVerdict(m, '\\begin{pmatrix} 19 & 28 & 29 \\\\ 30 & 40 & 30 \\\\ 49 & 68 & 59 \\end{pmatrix}', 'correct');
  expectVerdict(m, '[[19, 28, 29], [30, 40, 30], [49, 68, 59]]', 'correct');
  expectVerdict(m, '\\left[\\begin{array}{ccc} 19 & 28 & 29 \\\\ 30 & 40 & 30 \\\\ 49 & 68 & 59 \\end{array}\\right]', 'correct');
  expectVerdict(m, '\\begin{bmatrix} 19 & 28 & 29 \\\\ 30 & 40 & 34 \\\\ 49 & 68 & 59 \\end{bmatrix}', 'incorrect', undefined, /entry \(2,3\) is 34, expected 30/);
  expectVerdict(m, '\\begin{bmatrix} 19 & 30 & 49 \\\\ 28 & 40 & 68 \\\\ 29 & 30 & 59 \\end{bmatrix}', 'incorrect', undefined, /transpose/);
  expectVerdict('\\begin{bmatrix} -40 & -40 \\\\ -40 & -40 \\end{bmatrix}', '\\begin{bmatrix} 40 & 40 \\\\ 40 & 40 \\end{bmatrix}', 'incorrect', undefined, /opposite sign/);
  expectVerdict('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', '\\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 4 & 0 \\end{bmatrix}', 'incorrect', undefined, /2×2 matrix was expected; the answer is 2×3/);
});

test('vector: orientation', () => {
  expectVerdict({ value: '(0, 0.8, 0)', type: 'vector', orientation: 'any' }, '[0, 0.8, 0]^T', 'correct');
  expectVerdict({ value: '(0, 0.8, 0)', type: 'vector' }, '\\begin{bmatrix} 0 \\\\ 0.8 \\\\ 0 \\end{bmatrix}', 'correct');
  expectVerdict({ value: '\\begin{bmatrix} 0 \\\\ 0.8 \\\\ 0 \\end{bmatrix}', orientation: 'column' }, '\\begin{bmatrix} 0 & 0.8 & 0 \\end{bmatrix}', 'incorrect', undefined, /column vector/);
  expectVerdict({ value: '(0, 0.8, 0)', type: 'vector' }, '(0.8, 0, 0)', 'incorrect', undefined, /wrong order/);
});

test('shape and tuple: structural, never multiplied out', () => {
  expectVerdict('28 \\times 28 \\times 10', '(28, 28, 10)', 'correct');
  expectVerdict('28 \\times 28 \\times 10', '28x28x10', 'correct');
  expectVerdict('28 \\times 28 \\times 10', '7840', 'incorrect', undefined, /a shape was expected; 7840 is its product/);
  expectVerdict('28 \\times 28 \\times 10', '28 \\times 10 \\times 28', 'incorrect', undefined, /wrong order/);
  expectVerdict('(8, 30, 30)', '(8,30,30)', 'correct');
  expectVerdict('(8, 30, 30)', '(8, 32, 32)', 'incorrect');
  expectVerdict({ value: '(100, 1470 + 3)', type: 'tuple' }, '(100, 1473)', 'correct');
  expectVerdict('(64, 56, 56)', '64 \\times 56 \\times 56', 'correct');
  // Said aloud, `by` between the factors (prepareShape); near misses: factors swapped, one wrong.
  expectVerdict('28 \\times 28 \\times 10', '28 by 28 by 10', 'correct');
  expectVerdict({ value: 'K \\times K \\times C', type: 'shape' }, 'K by K by C', 'correct');
  expectVerdict('28 \\times 28 \\times 10', '28 by 10 by 28', 'incorrect', undefined, /wrong order/);
  expectVerdict({ value: 'K \\times K \\times C', type: 'shape' }, 'K by K by F', 'incorrect');
});

test('set and interval', () => {
  expectVerdict('\\{1, 2\\}', '\\{2, 1\\}', 'correct');
  expectVerdict('\\{1, 2\\}', '\\{1, 2, 3\\}', 'incorrect', undefined, /not expected: 3/);
  expectVerdict('\\pm 2021', '\\{-2021, 2021\\}', 'correct');
  expectVerdict('(0, 9]', '(0, 9]', 'correct');
  expectVerdict('(0, 9]', '(0, 9)', 'incorrect', undefined, /closed/);
  expectVerdict('(0, 9]', '[0, 9]', 'incorrect', undefined, /open/);
  expectVerdict('[-2, 7]', '-2 \\le x \\le 7', 'correct');
  expectVerdict('(1, \\infty)', 'x > 1', 'correct');
});

test('set: "\\lambda \\in \\{1, 3\\}" answers with the set its name ranges over', () => {
  expectVerdict({ type: 'set', value: '\\{1, 3\\}' }, '\\lambda \\in \\{1, 3\\}', 'correct');
  // Near miss: another set is wrong, and the name is no element of it.
  expectVerdict({ type: 'set', value: '\\{1, 3\\}' }, '\\lambda \\in \\{1, 2\\}', 'incorrect', undefined, /missing 3/);
});

test('a number times a matrix or vector, in the key or the answer, is the matrix or vector of scaled entries', () => {
  const P = '\\frac{1}{3}\\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}';
  expectVerdict(P, '\\begin{bmatrix} 1/3 & 1/3 \\\\ 1/3 & 1/3 \\end{bmatrix}', 'correct');
  const unit = { type: 'vector' as const, value: '\\frac{1}{\\sqrt{2}} (1, 1)', orientation: 'any' as const };
  expectVerdict(unit, '\\frac{1}{\\sqrt{2}}\\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}', 'correct');
  expectVerdict(unit, '(0.70710678, 0.70710678)', 'correct');
  // Near misses: one entry unscaled; the eigenvector of the other eigenvalue; the direction not normalised.
  expectVerdict(P, '\\begin{bmatrix} 1/3 & 1/3 \\\\ 1/3 & 1 \\end{bmatrix}', 'incorrect', undefined, /entry \(2,2\)/);
  expectVerdict(unit, '\\frac{1}{\\sqrt{2}}\\begin{bmatrix} 1 \\\\ -1 \\end{bmatrix}', 'incorrect');
  expectVerdict(unit, '\\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}', 'incorrect');
});

test("equation: a chain of working ending in the key's form", () => {
  const mats = symbolTable({ A: { matrix: [2, 2] }, x: { matrix: [2, 1] }, b: { matrix: [2, 1] } })!;
  expectVerdict('\\nabla f(x) = A x - b', '\\nabla f(x) = \\frac{1}{2}(A + A^T)x - b = Ax - b', 'correct', mats);
  // Near miss: a chain ending in the transpose.
  expectVerdict('\\nabla f(x) = A x - b', '\\nabla f(x) = Ax - b = A^T x - b', 'incorrect', mats);
});

test('interval: a confidence interval written as centre plus or minus half-width', () => {
  const ci = { type: 'interval' as const, value: '[48.08, 55.92]', tolerance: { abs: 0.01 } };
  expectVerdict(ci, '52 \\pm 3.92', 'correct');
  expectVerdict(ci, '52 \\pm 1.96 \\cdot 2 = 52 \\pm 3.92', 'correct');
  // Near misses: the wrong half-width (sigma/n for sigma/sqrt(n)); a working that ends in one end alone.
  expectVerdict(ci, '52 \\pm 0.784', 'incorrect', undefined, /lower end/);
  expectVerdict(ci, '52 \\pm 3.92 = 48.08', 'incorrect');
});

test('piecewise: equal on the whole domain, however the cases are split', () => {
  const key = {
    value: '\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}',
    domain: { n: { integer: true, min: -6, max: 20 } },
  };
  expectVerdict(key, '\\begin{cases} 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\\\ 0 & \\text{otherwise} \\end{cases}', 'correct');
  expectVerdict(key, '\\begin{cases} 0 & n \\le -1 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 / 2^{n} & n > 6 \\end{cases}', 'correct');
  expectVerdict(key, '\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 7 \\\\ 127 \\cdot 2^{-n} & n \\ge 8 \\end{cases}', 'incorrect', undefined, /n = 7/);
});

test('update rule: component by component', () => {
  const s = symbolTable({ v: { vector: ['v_1', 'v_2'] }, x: { vector: ['x_1', 'x_2'] } });
  const key = 'v \\leftarrow 0.9 v + 0.1 (2 + 3x_2,\\ 3x_1)';
  expectVerdict(key, 'v \\leftarrow (0.9v_1 + 0.2 + 0.3x_2, 0.9v_2 + 0.3x_1)', 'correct', s);
  expectVerdict(key, 'v := 0.9v + (0.2 + 0.3 x_2, 0.3 x_1)', 'correct', s);
  expectVerdict(key, 'v \\leftarrow (0.9v_1 + 0.2 + 0.3x_1, 0.9v_2 + 0.3x_2)', 'incorrect', s);
});

test('choice and text', () => {
  expectVerdict({ type: 'choice', options: ['explode', 'explosion'], wrong: ['vanish'] }, 'The gradients explode.', 'correct');
  expectVerdict({ type: 'choice', options: ['explode', 'explosion'], wrong: ['vanish'] }, 'They vanish, then explode.', 'incorrect');
  expectVerdict({ type: 'choice', options: ['explode'] }, 'They stay bounded.', 'incorrect');
  // A wrong option that is a piece of the right one (`[d, q]` in `[h, d, q]`) is not named by naming it.
  const shape = { type: 'choice' as const, options: ['[h, d, q]'], wrong: ['[d, q]', '[h, q]'] };
  expectVerdict(shape, 'A: [h, d, q]', 'correct');
  // Near misses: the wrong piece named beside the right option, or the right option inside a wrong one.
  expectVerdict(shape, '[h, d, q], or else [d, q]', 'incorrect');
  expectVerdict({ type: 'choice', options: ['explode'], wrong: ['not explode'] }, 'They do not explode.', 'incorrect');
  expectVerdict({ type: 'text', rubric: ['mentions range'] }, 'Because of dynamic range.', 'needs-review');
  // A growth named as the set the quantity lies in (`std $\in \mathcal{O}(n)$`); near miss: another growth so named.
  const growth = { type: 'choice' as const, options: ['O(n)', 'linear'] };
  expectVerdict(growth, 'std $\\in \\mathcal{O}(n)$', 'correct');
  expectVerdict(growth, 'std $\\in \\mathcal{O}(n^2)$', 'incorrect');
});

test('table: every cell graded as its own answer', () => {
  const spec: AnswerSpec = {
    type: 'table',
    columns: ['parameters', 'activations'],
    column_types: { parameters: 'number', activations: 'shape' },
    rows: {
      'CONV3-10 (1)': ['3 \\times 3 \\times 1 \\times 10 + 10', '28 \\times 28 \\times 10'],
      'POOL2 (1)': ['0', '14 \\times 14 \\times 10'],
      'FC-3': ['490 \\times 3 + 3', '3'],
    },
  };
  const md = (p: string) => `| Layer | Parameters | Activations |\n|---|---|---|\n| CONV3-10 (1) | ${p} | 28 × 28 × 10 |\n| POOL2 (1) | 0 | (14, 14, 10) |\n| FC-3 | 1473 | 3 |`;
  expectVerdict(spec, md('100'), 'correct');
  const r = expectVerdict(spec, md('90'), 'partial');
  assert.ok(Math.abs(r.score - 5 / 6) < 1e-9);
  const latex = {
    ...spec,
    rows: undefined,
    value:
      '\\begin{array}{lcc} CONV3-10 (1) & 3 \\times 3 \\times 1 \\times 10 + 10 & 28 \\times 28 \\times 10 \\\\ POOL2 (1) & 0 & 14 \\times 14 \\times 10 \\\\ FC-3 & 490 \\times 3 + 3 & 3 \\end{array}',
  };
  expectVerdict(latex, md('100'), 'correct');
});

test('extraction: the final answer in a response', () => {
  expectVerdict('34', 'Final Answer: The largest $n$ is 34.', 'correct');
  expectVerdict('\\frac{9}{4}\\pi', 'Therefore $\\boxed{\\frac94\\pi}$.', 'correct');
  expectVerdict('2 c\\, d_{out}^2 d_{in}', 'Total runtime per iteration: $2cd_{\\text{out}}^2 d_{\\text{in}}$', 'correct', DIMS);
  expectVerdict('11', '$x = 5+5+1 = 7 = 11$', 'correct');
});

test('defaults without declared symbols: real symbols of either sign, so a missing branch is a difference', () => {
  // √(d_in d_out) = √d_in √d_out only where d_in, d_out ≥ 0: a key that means dimensions says positive.
  expectVerdict('\\sqrt{d_{in} d_{out}}', '\\sqrt{d_{in}}\\sqrt{d_{out}}', 'incorrect');
  expectVerdict('\\sqrt{d_{in} d_{out}}', '\\sqrt{d_{in}}\\sqrt{d_{out}}', 'correct', { d_in: { positive: true }, d_out: { positive: true } });
  expectVerdict('\\sqrt{d_{in} d_{out}}', '\\sqrt{d_{in}} d_{out}', 'incorrect');
  expectVerdict('\\left\\lfloor \\frac{H + 2P - K}{S} \\right\\rfloor + 1', '\\frac{H + 2P - K}{S} + 1', 'incorrect');
});

test('a shape written with its product is the shape', () => {
  expectVerdict('14 \\times 14 \\times 10', '14 \\times 14 \\times 10 = 1960', 'correct');
  expectVerdict('14 \\times 14 \\times 10', '= 1960', 'incorrect', undefined, /1960 is its product/);
});

test('piecewise signals y[n] without a declared domain are read on the integers', () => {
  const key = 'y[n] = \\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}';
  expectVerdict(key, 'y[n] = \\begin{cases} 0 & n < 0 \\\\ 2 - (1/2)^{n} & 0 \\le n < 7 \\\\ 127 (1/2)^{n} & n \\ge 7 \\end{cases}', 'correct');
  expectVerdict(key, '\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 2^{-n} & n \\ge 7 \\end{cases}', 'incorrect', undefined, /at n = 7/);
});

test('orders of growth', () => {
  expectVerdict('2 c\\, d_{out}^2 d_{in}', 'O(d_{out}^2 d_{in})', 'incorrect', undefined, /right order of growth, but the question asks for the exact expression/);
  expectVerdict('2 c\\, d_{out}^2 d_{in}', 'O(d_{out} d_{in}^2)', 'incorrect', undefined, /not the order/);
  expectVerdict('O(n^2)', '\\mathcal{O}(3n^2)', 'correct');
  expectVerdict('\\Theta(n^2)', '\\frac{n(n-1)}{2}', 'correct');
  expectVerdict('\\Theta(n^2)', 'n \\log n', 'incorrect');
});

test('learning-rate bounds, signals and subscripts as people write them', () => {
  expectVerdict('\\eta < \\frac{2}{\\lambda_{max}}', '0 < \\eta < 2/\\lambda_{\\max}', 'correct', undefined, /lower bound 0 is implied/);
  expectVerdict('\\eta < \\frac{2}{L}', '\\eta \\in (0, 2/L)', 'correct');
  expectVerdict('\\eta < \\frac{2}{L}', '0 < \\eta < 1/L', 'incorrect');
  expectVerdict('\\eta < \\frac{2}{L}', '1 < \\eta < 2/L', 'incorrect');
  const signal = { value: '\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}', domain: { n: { integer: true, min: -6, max: 20 } } };
  expectVerdict(signal, 'y[n] = (2 - (1/2)^n) u[n] - (2 - (1/2)^{n-7}) u[n-7]', 'correct');
  expectVerdict(signal, '\\begin{cases} 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}', 'correct');
  expectVerdict(signal, '(2 - (1/2)^n) u[n]', 'incorrect');
  expectVerdict('14 \\times 14 \\times 10', '14 * 14 * 10', 'correct');
});
