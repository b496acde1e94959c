import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectVerdict } from './check-helpers.js';
import type { SymbolTable } from '../src/model/symbols.js';
import { matrixSymbolsIn } from '../src/check/infer-symbols.js';

const M: SymbolTable = { A: { matrix: true }, B: { matrix: true }, x: { matrix: ['n', 1] }, n: { integer: true, positive: true } };

test('matrices: products do not commute; a transpose reverses a product', () => {
  expectVerdict('B^\\top A^\\top g', '(AB)^\\top g', 'correct', M);
  expectVerdict('B^\\top A^\\top g', "(AB)' g", 'correct', M);
  expectVerdict('B^\\top A^\\top g', 'B^T A^{T} g', 'correct', M);
  // Near miss: the same factors in the other order.
  expectVerdict('B^\\top A^\\top g', '(A)^\\top (B)^\\top g', 'incorrect', M);
  expectVerdict('A B', 'B A', 'incorrect', M);
  // Without a declaration the transposes say A and B are matrices (and g, last, a vector).
  expectVerdict('B^\\top A^\\top g', '(A)^\\top (B)^\\top g', 'incorrect');
  expectVerdict('B^\\top A^\\top g', '(AB)^\\top g', 'correct');
});

test('matrices: a column vector is not its transpose', () => {
  expectVerdict('a(1-a)\\,x^\\top', 'a(1-a)\\,x^{\\top}', 'correct', M);
  expectVerdict('a(1-a)\\,x^\\top', 'a(1-a)\\,x', 'incorrect', M);
  expectVerdict('x^\\top A x', "x' A x", 'correct', M);
  expectVerdict('x^\\top A x', 'x^\\top A^\\top x', 'correct', M);
  expectVerdict('x^\\top A x', 'x A x^\\top', 'incorrect', M);
});

test('matrices: transposes inside superscripts name a matrix and transpose it', () => {
  const S: SymbolTable = { 'W^o': { matrix: true }, 'W^sx': { matrix: true }, h: { matrix: [3, 1] } };
  expectVerdict('W^{oT} h', '(W^{o})^\\top h', 'correct', S);
  expectVerdict('W^{oT} h', 'W^{o} h', 'incorrect', S);
  expectVerdict('W^{s x T} h', '(W^{sx})^T h', 'correct', S);
});

test('matrices: sizes from other symbols; a sum of products', () => {
  const S: SymbolTable = {
    W: { matrix: ['d_out', 'd_in'] },
    v: { matrix: ['d_in', 1] },
    u: { matrix: ['d_out', 1] },
    d_in: { positive: true, integer: true },
    d_out: { positive: true, integer: true },
  };
  expectVerdict('u^\\top W v', 'v^\\top W^\\top u', 'correct', S);
  expectVerdict('W v + W v', '2 W v', 'correct', S);
  expectVerdict('u^\\top W v', 'u^\\top W^\\top v', 'incorrect', S);
});

test('matrices: written matrices, scalar multiples, sums and products of them', () => {
  expectVerdict('\\begin{bmatrix}-40&-40\\\\-40&-40\\end{bmatrix}', '-40\\begin{bmatrix}1&1\\\\1&1\\end{bmatrix}', 'correct');
  expectVerdict('\\begin{bmatrix}-40&-40\\\\-40&-40\\end{bmatrix}', '-40\\begin{bmatrix}1&1\\\\1&0\\end{bmatrix}', 'incorrect');
  expectVerdict('\\begin{pmatrix}6 & 8 \\\\ 10 & 12\\end{pmatrix}', '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} + \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}', 'correct');
  expectVerdict('\\begin{pmatrix}6 & 8 \\\\ 10 & 13\\end{pmatrix}', '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} + \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}', 'incorrect');
  expectVerdict('\\begin{pmatrix}19 & 22 \\\\ 43 & 50\\end{pmatrix}', '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}', 'correct');
  expectVerdict('\\begin{pmatrix}23 & 34 \\\\ 31 & 46\\end{pmatrix}', '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}', 'incorrect');
  expectVerdict('\\begin{bmatrix}0.5&0\\\\0&0.5\\end{bmatrix}', '\\frac12 I', 'correct');
  expectVerdict('\\begin{bmatrix}0.5&0\\\\0&0.5\\end{bmatrix}', '\\frac13 I', 'incorrect');
});

test('matrices: a column written as a one-column array is a vector, not a 1-tuple', () => {
  expectVerdict({ value: '(1, 2, 3)', type: 'vector' }, '\\left[\\begin{array}{c}1\\\\2\\\\3\\end{array}\\right]', 'correct');
  expectVerdict({ value: '(1, 2, 3)', type: 'vector' }, '\\left[\\begin{array}{c}1\\\\2\\\\4\\end{array}\\right]', 'incorrect');
});

test('matrices: a question that says W \\in \\mathbb{R}^{m \\times n} declares W a matrix', () => {
  const found: SymbolTable = matrixSymbolsIn('Let $W \\in \\mathbb{R}^{d_{out} \\times d_{in}}$ and $x \\in \\mathbb{R}^{d_{in}}$, $A\\in\\mathbb{R}^{3\\times 3}$.');
  assert.deepStrictEqual({ ...found }, { W: { matrix: ['d_out', 'd_in'] }, x: { matrix: ['d_in', 1] }, A: { matrix: [3, 3] } });
  const S: SymbolTable = { ...found, d_in: { positive: true, integer: true }, d_out: { positive: true, integer: true } };
  expectVerdict('x^\\top W^\\top', '(W x)^\\top', 'correct', S);
  expectVerdict('x^\\top W^\\top', 'W x', 'incorrect', S);
});

test('matrices the key does not declare: a transposed name is a matrix (upper case) or a column vector', () => {
  // Accepting rule: the same product in another notation. Near miss: the factors reordered.
  expectVerdict('B^T A^T x', '(AB)^T x', 'correct');
  expectVerdict('B^T A^T x', 'A^T B^T x', 'incorrect');
  expectVerdict('(AB)^T', 'A^T B^T', 'incorrect');
  expectVerdict('(A+B)^T', 'A^T + B^T', 'correct');
  expectVerdict('X^T X w', 'X X^T w', 'incorrect');
  // `X^TX` is X transposed times X (one letter per unbraced superscript).
  expectVerdict('(X^TX)^{-1}X^Ty', '(X^T X)^{-1} X^T y', 'correct');
  expectVerdict('(X^TX)^{-1}X^Ty', 'X^Ty(X^TX)^{-1}', 'incorrect', undefined, /inner sizes/);
  // A vector and its transpose differ; a scalar such as a(1-a) or x^T A x still commutes.
  expectVerdict('a(1-a)\\,x^\\top', '(a - a^2) x^T', 'correct');
  expectVerdict('a(1-a)\\,x', 'a(1-a)\\,x^\\top', 'incorrect', undefined, /where n×1 is expected/);
  expectVerdict('x^\\top A x', 'x^\\top A^\\top x', 'correct');
  expectVerdict('x x^T', 'x^T x', 'incorrect');
  expectVerdict('x^T x', '\\|x\\|^2', 'correct');
  expectVerdict('w^T x + b', 'x^T w + b', 'correct');
  expectVerdict('w^T x + b', 'w x^T + b', 'incorrect');
  // Rates stay numbers; β, δ after a matrix are vectors.
  expectVerdict('\\eta W^T \\delta', 'W^T \\delta \\eta', 'correct');
  expectVerdict('W^T \\delta', '\\delta^T W', 'incorrect');
  expectVerdict('-2 X^T (y - X\\beta)', '2X^TX\\beta - 2X^Ty', 'correct');
  expectVerdict('-2 X^T (y - X\\beta)', '2X\\beta X^T - 2X^Ty', 'incorrect');
  // `I` beside matrices is the identity of the size its neighbours need.
  expectVerdict('2X^T(Xw - y) + 2\\lambda w', '2(X^TX + \\lambda I)w - 2X^Ty', 'correct');
  expectVerdict('2X^T(Xw - y) + 2\\lambda w', '2(X^TX + I)w - 2X^Ty', 'incorrect');
  expectVerdict('W^{oT} h', '(W^{o})^\\top h', 'correct');
  expectVerdict('W^{oT} h', 'W^{o} h', 'incorrect');
});

test('a determinant: bars around a matrix (vmatrix) and \\det of a matrix are its value', () => {
  expectVerdict('ad - bc', '\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}', 'correct');
  expectVerdict('-2', '\\det\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', 'correct');
  expectVerdict('0', '\\det \\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\\\ 7 & 8 & 9 \\end{bmatrix}', 'correct');
  // Near misses: a determinant is no matrix, and its sign counts.
  expectVerdict('2', '\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}', 'incorrect');
  expectVerdict('ad + bc', '\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}', 'incorrect');
  expectVerdict('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', '\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}', 'incorrect');
});

test('matrices: an equation between matrices is the same equation when its sides differ by the same matrix, or its negative', () => {
  const W: SymbolTable = { W_1: { matrix: ['k', 'm'] }, W_2: { matrix: ['m', 'k'] }, X: { matrix: ['m', 'n'] } };
  const grad = { type: 'equation', value: '(X - W_2 W_1 X) X^\\top W_1^\\top = 0' } as const;
  expectVerdict(grad, '(X - W_2W_1X)(W_1X)^{\\top} = 0', 'correct', W);
  expectVerdict(grad, '(W_2 W_1 X - X)(W_1 X)^\\top = 0', 'correct', W);
  // Near misses: the factors of the product in the other order, or the transpose left out.
  expectVerdict(grad, '(X - W_1 W_2 X) X^\\top W_1^\\top = 0', 'incorrect', W);
  expectVerdict(grad, '(X - W_2 W_1 X)(W_1 X) = 0', 'incorrect', W);
});
