import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMath } from '../src/math/latex/parse.js';
import { printMath } from '../src/math/latex/print.js';
import { checkAnswer } from '../src/check/check.js';
import { expectVerdict } from './check-helpers.js';

// Notation the chat exports write and the reader once refused, read as a person means it; each
// with a near miss that must stay unequal through `check`.

const read = (s: string) => printMath(parseMath(s));

test('reader: subscripted norms, including `|x|_1` as chats write them, are each their own norm', () => {
  assert.equal(read('|g|_1'), '‖g‖₁');
  assert.equal(read('\\|x\\|^2_2'), '‖x‖₂^2');
  assert.equal(read('-m|g|_1 + 1'), '-m ‖g‖₁ + 1');
  assert.equal(read('\\ln |\\alpha|'), 'ln(|alpha|)');
  expectVerdict('\\|g\\|_1', '|g|_1', 'correct');
  expectVerdict('\\|x\\|_2^2', '\\|x\\|^2_2', 'correct');
  expectVerdict('\\|X\\|_F', '\\|X\\|_F', 'correct');
  // Near misses: another norm is another value.
  expectVerdict('\\|X\\|_F', '\\|X\\|_2', 'incorrect');
  expectVerdict('|g|_1', '|g|_\\infty', 'incorrect');
  expectVerdict('\\|x\\|_3', '\\|x\\|', 'incorrect');
  expectVerdict('\\|x\\|_p', '\\|x\\|_q', 'incorrect');
  expectVerdict('\\|x\\|_3', '\\|x\\|_3', 'correct');
});

test('reader: a bar after a factor opens an absolute value only when another closes it', () => {
  assert.equal(read('2|x| + |y|'), '2 |x| + |y|');
  assert.equal(read('\\frac{1}{2|r_t| |a_i|}'), '1/(2 |r_t| |a_i|)');
  expectVerdict('2|x|', '2 |x|', 'correct');
  expectVerdict('2|x|', '2x', 'incorrect');
});

test('reader: conditionals `P(A \\mid B)` and `E[X | Y]` are opaque terms in which the order counts', () => {
  assert.equal(read('P(A \\mid B)'), read('P(A | B)'));
  assert.match(read('\\mathbb{E}[X | Y]'), /given\(X, Y\)/);
  expectVerdict('P(A \\mid B)', 'P(A | B)', 'correct');
  expectVerdict('P(A \\mid B)', 'P(B \\mid A)', 'incorrect');
  expectVerdict('P(X = 1 \\mid Y = 0)', 'P(X = 0 \\mid Y = 1)', 'incorrect');
  expectVerdict('P(X = 1 \\mid Y = 0)', 'P(X < 1 \\mid Y = 0)', 'incorrect');
  expectVerdict('\\mathbb{E}[X \\mid Y]', '\\mathbb{E}[Y \\mid X]', 'incorrect');
  // Set-builder braces: the set of what satisfies the condition.
  expectVerdict('\\{x \\mid x > 0\\}', '\\{x \\mid x \\ge 0\\}', 'incorrect');
  // A bare `a \mid b` (divides) is not guessed at.
  assert.throws(() => parseMath('a \\mid b'));
});

test('reader: a subscript on a bracketed group is an entry of it', () => {
  assert.equal(read('(A^k)_{ij}'), read('(A^k)_{i,j}'));
  assert.equal(read('\\left[ X^T X \\right]_{ab}'), 'entry(Xᵀ X, a, b)');
  expectVerdict('(A^k)_{ij}', '(A^k)_{i,j}', 'correct');
  expectVerdict('(A^k)_{ij}', '(A^k)_{ji}', 'incorrect');
  expectVerdict('(A^2)_{ij}', '(A^3)_{ij}', 'incorrect');
  expectVerdict('(X^T X)_{ab}', '(X X^T)_{ab}', 'incorrect');
  // `A^k_{ij}` is not a bracketed group: still refused rather than guessed.
  assert.throws(() => parseMath('A^k_{ij}'));
});

test('reader: indicators are the function of their condition (1 where it holds, 0 elsewhere)', () => {
  assert.equal(read('1_{\\{x > 0\\}}'), read('\\mathbb{1}_{x > 0}'));
  assert.equal(read('\\mathbb{1}\\{x > 0\\}'), '{ 1 if x > 0; 0 if otherwise }');
  expectVerdict('1_{\\{x > 0\\}}', '\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}', 'correct');
  expectVerdict('1_{\\{x > 0\\}}', '\\mathbb{1}_{x > 0}', 'correct');
  // Near misses: the boundary is tested exactly; an indicator is not the number 1.
  expectVerdict('1_{\\{x > 0\\}}', '1_{\\{x \\ge 0\\}}', 'incorrect');
  expectVerdict('1_{\\{x > 0\\}}', '1_{\\{x < 0\\}}', 'incorrect');
  expectVerdict('1_{\\{x > 0\\}}', '1', 'incorrect');
  // Inside a product too: the comparison tries the points where a condition switches.
  expectVerdict('(x + 1) 1_{\\{x > 0\\}}', '(x + 1) 1_{\\{x \\ge 0\\}}', 'incorrect');
  expectVerdict('x 1_{\\{wx + b > 0\\}}', 'x 1_{\\{wx + b \\ge 0\\}}', 'incorrect');
  expectVerdict('x 1_{\\{wx + b > 0\\}}', 'x 1_{\\{b + wx > 0\\}}', 'correct');
  expectVerdict('(x + 1) 1_{\\{x > 0\\}}', '(x + 1) 1_{\\{0 < x\\}}', 'correct');
  // A bare \mathbb{1} is the all-ones vector, never 1; a bold 1 without a condition stays 1.
  expectVerdict('\\mathbb{1}', '1', 'incorrect');
  expectVerdict('\\|W - \\mathbf{1}\\|^2', '\\|W - 1\\|^2', 'correct');
});

test('reader: a special token in angle brackets `<\\text{sos}>` is one word, not two comparisons', () => {
  assert.equal(read('w_1 = <\\text{sos}>'), 'w_1 = <sos>');
  assert.equal(read('[<\\text{sos}>, I, \\text{see}]'), '[<sos>, I, see]');
  expectVerdict('w_1 = <\\text{sos}>', 'w_1 = <\\text{sos}>', 'correct');
  // Another token is never accepted (words have no values to compare: undecided, not correct).
  assert.notEqual(checkAnswer({ value: 'w_1 = <\\text{sos}>' }, '$w_1 = <\\text{eos}>$').verdict, 'correct');
  // A chain of comparisons around a name stays a chain.
  assert.equal(parseMath('a < b > c').kind, 'rel');
});

test('reader: dual spaces `(L_2)^*` are names, not powers', () => {
  assert.equal(read('(L_2)^* = L_2'), 'L_2^* = L_2');
  expectVerdict({ value: '(L_\\infty)^* = L_1', type: 'equation' }, '(L_\\infty)^* = L_1', 'correct');
  expectVerdict({ value: '(L_\\infty)^* = L_1', type: 'equation' }, '(L_\\infty)^* = L_2', 'incorrect');
});

test('reader: a row of an indexed family, `K_{j\\cdot}` or `K_{j,:}`, is indexed by the row alone', () => {
  assert.equal(read('\\sum_{j=1}^{N} K_{j\\cdot}'), read('\\sum_{j=1}^{N} K_{j,:}'));
  assert.equal(read('\\sum_{j=1}^{N} K_{j\\cdot}'), 'sum(j=1..N, K_row_{j})');
  // Near miss: the row is not the entry K_j.
  assert.notEqual(read('\\sum_{j=1}^{N} K_{j\\cdot}'), read('\\sum_{j=1}^{N} K_{j}'));
});

test('reader: an equation number `\\tag{1}` is no factor; a placeholder `|\\cdot|_1` names the norm, never a value', () => {
  assert.equal(read('(X - W)(W X)^T = 0 \\tag{1}'), read('(X - W)(W X)^T = 0'));
  // `|\\cdot|_1` and `\\phi(\\cdot)` name a norm and a function: each equal only to itself.
  assert.equal(read('|\\cdot|_1'), read('| \\cdot |_{1}'));
  assert.notEqual(read('|\\cdot|_1'), read('|\\cdot|_2'));
  assert.notEqual(read('|\\cdot|_1'), read('\\|\\cdot\\|_1'));
  assert.notEqual(read('|\\cdot|_1'), read('|x|_1'));
  assert.notEqual(read('\\phi(\\cdot)'), read('\\phi(x)'));
  // Near misses: a placeholder in a product, or beside another argument, is still no value.
  assert.throws(() => parseMath('\\|\\cdot\\|_\\infty u_i = g_i'), /placeholder/);
  assert.throws(() => parseMath('f(\\cdot, y)'), /placeholder/);
  assert.throws(() => parseMath('\\cdot'), /placeholder/);
  assert.equal(read('a \\cdot b'), 'a b');
});
