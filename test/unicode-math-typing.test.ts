import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMath } from '../src/math/latex/parse.js';
import { printMath } from '../src/math/latex/print.js';
import { plainFormulas } from '../src/check/extract.js';
import { expectVerdict } from './check-helpers.js';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';

// Maths typed with Unicode characters, as phones, word processors and chat apps type it: vulgar
// fractions (`½`, `⅓`, `¾`) and fractions built with the fraction slash (`1⁄2`, `¹⁄₁₆`) are the
// fractions they write wherever a formula is read; a raised character after a subscripted name is
// that name's power (`σ_x²` is (σ_x)²), and it ends a sentence's formula before its stop (`σ_g². La`).

const read = (s: string) => printMath(parseMath(s));

test('a vulgar fraction is the fraction it writes, in any position of a formula', () => {
  expectVerdict('\\frac{3}{4} n', '¾·n', 'correct');
  expectVerdict('\\frac{1}{3}', 'x = ⅓', 'correct');
  expectVerdict('\\frac{5}{8} + k', '⅝ + k', 'correct');
  expectVerdict('\\frac{1}{4} (a + b)^2', '¼(a + b)²', 'correct');
  expectVerdict('\\frac{1}{4}', '(½)²', 'correct');
  // Near misses: the fraction is read as the one written, never as a number near it.
  expectVerdict('\\frac{1}{2}', 'x = ⅓', 'incorrect');
  expectVerdict('\\frac{3}{4} n', '⅔·n', 'incorrect');
});

test('a fraction built with the fraction slash, or of raised and lowered digits, is one number', () => {
  expectVerdict('\\frac{1}{2} W', '1⁄2 W', 'correct');
  expectVerdict('\\frac{17}{32}', '17⁄32', 'correct');
  expectVerdict('\\frac{1}{16}', '¹⁄₁₆', 'correct');
  expectVerdict('\\frac{3}{8} x', '³/₈ x', 'correct');
  // Between letters the fraction slash divides, as `/` does.
  expectVerdict('\\frac{\\pi}{2}', 'π⁄2', 'correct');
  expectVerdict('\\frac{1}{2} W', '1⁄3 W', 'incorrect');
  expectVerdict('\\frac{1}{16}', '¹⁄₆', 'incorrect');
});

test('a vulgar fraction against a whole number is a mixed number, not a product', () => {
  expectVerdict('2.5', '2½', 'correct');
  expectVerdict('\\frac{3}{2}', '1¹⁄₂', 'correct');
  assert.equal(read('3¼ + 1'), read('3 + 1/4 + 1'));
  // Near miss: two halves is 1, which `2½` never writes; a space keeps a product (`2 ½`).
  expectVerdict('1', '2½', 'incorrect');
  expectVerdict('1', '2 ½', 'correct');
});

test('a raised character after a subscripted name is the power of that name', () => {
  expectVerdict('\\sigma_x^2', 'σ_x²', 'correct');
  expectVerdict('\\sigma_x^2', 'σₓ²', 'correct');
  expectVerdict('d_{in}^2', 'd_in²', 'correct');
  expectVerdict('2 c d_{out} d_{in}^2', '2·c·d_out·d_in²', 'correct');
  expectVerdict('w_{h,l}^2', 'w_{h,l}²', 'correct');
  expectVerdict('w_{h,l}^3', 'wₕ,ₗ³', 'correct');
  expectVerdict('m^2 \\sigma_x^2 \\sigma_g^2', 'm² σₓ²σ_g²', 'correct');
  // Near misses: a power on one name is not on the other, nor on the subscript alone.
  expectVerdict('\\sigma_x^2 \\sigma_g^2', 'σ_x σ_g²', 'incorrect');
  expectVerdict('\\sigma_x^2 \\sigma_g^2', 'σₓ σ_g²', 'incorrect');
  expectVerdict('d_{in}^2', 'd_in', 'incorrect');
  expectVerdict('2 c d_{out} d_{in}^2', '2·c·d_out²·d_in', 'incorrect');
});

test("a raised character before a sentence's stop ends the formula there, whatever word follows", () => {
  const text = 'Ogni prodotto ha varianza σ_w², quindi Var(S) = m² σ_w² σ_h². Se m raddoppia, la varianza quadruplica.';
  assert.deepEqual(
    plainFormulas(text).map((f) => f.text),
    ['Var(S) = m² σ_w² σ_h²'],
  );
  assert.deepEqual(
    plainFormulas('Se ne deduce Var(S) = m σ_w² ⅓. Su questo siamo certi.').map((f) => f.text),
    ['Var(S) = m σ_w² ⅓'],
  );
  // A decimal point is no stop: `2.5` stays one number.
  assert.deepEqual(
    plainFormulas('so Var(S) = 2.5 m² here').map((f) => f.text),
    ['Var(S) = 2.5 m²'],
  );
});

/** Question 7(b) as a forum post reports a model's answer: the variance in Unicode, a sentence of another language after it. */
const forumPost = (variance: string) => `**Pregunta 7(b)** — media y varianza de dw_{h,l}
> E[dw_{h,l}] = 0, ya que cada producto dy_{i,j}·x_{i+h−1,j+l−1} tiene media cero. Hay m² = (n−k+1)² productos incorrelados, cada uno de varianza σₓ²σ_g², así que Var(dw_{h,l}) = ${variance}. Su desviación típica crece linealmente, O(n).

Nota: ✅
`;

test('question 7(b) with the staff key: σₓ² and σ_g² typed in Unicode, then a sentence after the formula', { skip: devSkip }, () => {
  assert.equal(gradeWithStaffKey(forumPost('(n−k+1)² σₓ² σ_g²')).get('7.b'), 'correct');
  assert.equal(gradeWithStaffKey(forumPost('(n−k+1)² σ_x² σ_g²')).get('7.b'), 'correct');
  // Near misses: the square of the count missing, or σ_x left unsquared, stay short of full credit.
  assert.notEqual(gradeWithStaffKey(forumPost('(n−k+1) σₓ² σ_g²')).get('7.b'), 'correct');
  assert.notEqual(gradeWithStaffKey(forumPost('(n−k+1)² σₓ σ_g²')).get('7.b'), 'correct');
});

/** Question 3(a) in plain text: the cases written line by line, one of them a sum restated with `½`. */
const casesWithHalves = (late: string) => `Q3 (a)

The rect has length 7 and h(n) = (½)ⁿu(n).
For 0 ≤ n ≤ 6 the first n + 1 samples overlap:
y(n) = Σ_{k=0}^{n} (½)^k = 2 − (½)^n.
For n ≥ 7 all seven overlap, so
y(n) = ${late}·(½)^{n−6}.
y(n) = 0 for n < 0.
`;

test('question 3(a) with the staff key: a line that restates one case with `½` is that case, no rival of the cases', { skip: devSkip }, () => {
  assert.equal(gradeWithStaffKey(casesWithHalves('(127/64)')).get('3.a'), 'correct');
  // Near miss: a wrong constant in the last case stays wrong.
  assert.equal(gradeWithStaffKey(casesWithHalves('(127/32)')).get('3.a'), 'incorrect');
});
