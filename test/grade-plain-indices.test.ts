import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answeredFixtureParts, devSkip } from './hw4-dev.js';
import { CONV_GRADIENT_SYMBOLS, expectVerdict } from './check-helpers.js';
import type { SymbolTable } from '../src/model/symbols.js';
import { answerCandidates } from '../src/check/extract.js';

// Indices and exponents written the way people type or convert them (issue 9, round 37): no
// underscore or braces (`dw_hl`, `σx²`), Unicode's raised and lowered characters (`2⁷⁻ⁿ`, `σₓ`,
// `wₕ,ₗ`), an entry's indices in round brackets (`x_(i+h-1, j+l-1)`). The key's declared names
// decide what they name; near misses keep what they wrote.

/** Question 7 of the staff key: indexed families of two indices, and two subscripted sigmas. */
const CNN: SymbolTable = {
  ...CONV_GRADIENT_SYMBOLS,
  n: { positive: true, integer: true },
  sigma_x: { positive: true },
  sigma_g: { positive: true },
};
const GRADIENT = 'dw_{h,l} = \\sum_{i=1}^{m} \\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\, j+l-1}';

test("an indexed family's entry typed with its indices run together or in round brackets is the entry, when the key says how many indices it takes", () => {
  expectVerdict(GRADIENT, 'dw_hl = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_ij · x_(i+h-1, j+l-1)', 'correct', CNN);
  expectVerdict(GRADIENT, 'dw_{hl} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{ij} x_{i+h-1,j+l-1}', 'correct', CNN);
  expectVerdict(GRADIENT, 'dw_hl = Σ_i Σ_j dy_ij · x_(i+h-1, j+l-1)', 'correct', CNN);
  expectVerdict('w_{h,l} - \\eta\\, dw_{h,l}', 'w_hl - η dw_hl', 'correct', CNN);
  // Near misses: a wrong index stays wrong; indices swapped are another entry.
  expectVerdict(GRADIENT, 'dw_hl = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_ij · x_(i+h, j+l)', 'incorrect', CNN);
  expectVerdict('w_{h,l} - \\eta\\, dw_{h,l}', 'w_lh - η dw_lh', 'incorrect', CNN);
  // A family the key does not index keeps a word-long subscript as a name (`w_hl`), as before.
  expectVerdict('w_{hl} - \\eta', 'w_hl - η', 'correct', { eta: { positive: true } });
});

test("a Greek letter typed against a letter is the key's subscripted name only where the key declares that name", () => {
  expectVerdict('(n-k+1)^2 \\sigma_x^2 \\sigma_g^2', '(n − k + 1)² σx² σg²', 'correct', CNN);
  // Near misses: with no sigma_x declared, σx is σ times x; a space between them is a product too.
  expectVerdict('\\sigma x^2', 'σx²', 'correct', { sigma: {}, x: {} });
  expectVerdict('\\sigma_x x', 'σ x', 'incorrect', { sigma_x: {}, sigma: {}, x: {} });
  expectVerdict('a b', 'ab', 'correct', { a: {}, b: {} });
});

test("Unicode's raised and lowered characters are exponents and indices: letters, signs, digits and brackets", () => {
  expectVerdict('2^{7-n} - 2^{-n}', '2⁷⁻ⁿ − 2⁻ⁿ', 'correct', { n: { integer: true } });
  expectVerdict('(n-k+1)^2 \\sigma_x^2 \\sigma_g^2', '(n−k+1)²·σₓ²·σ_g²', 'correct', CNN);
  expectVerdict('w_{h,l} - \\eta\\, dw_{h,l}', 'wₕ,ₗ − η·dwₕₗ', 'correct', CNN);
  expectVerdict(GRADIENT, 'dwₕ,ₗ = Σᵢ Σⱼ dyᵢ,ⱼ · x₍ᵢ₊ₕ₋₁₎,₍ⱼ₊ₗ₋₁₎', 'correct', CNN);
  // Near miss: 2⁷ⁿ is 2 to the 7n, not 2⁷⁻ⁿ.
  expectVerdict('2^{7-n} - 2^{-n}', '2⁷ⁿ − 2⁻ⁿ', 'incorrect', { n: { integer: true } });
});

test('write-ups typing indices without markup are graded on what they wrote', { skip: devSkip }, () => {
  // Handwriting converted to text: underscores with the indices run together, a side note in a column of its own.
  assert.deepEqual(answeredFixtureParts('plain-indices', 'onenote-ink-to-text-q7ab.txt'), {
    '7.a': ['correct', 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}'],
    '7.b': ['correct', 'mean: 0; variance: (n - k + 1)^2 sigma_x^2 sigma_g^2; growth: so the std is (n − k + 1) σx σg, i.e. it grows linearly, O(n)'],
  });
  // A phone's subscript keyboard: raised exponents, lowered indices with and without commas.
  assert.deepEqual(answeredFixtureParts('plain-indices', 'phone-unicode-scripts-q3a-q7ab.txt'), {
    '3.a': ['correct', '{ 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 2^(7 - n) - 2^(-n) if n ≥ 7 }'],
    '7.a': ['correct', 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}'],
    '7.b': ['correct', 'mean: 0; variance: (n - k + 1)^2 sigma_x^2 sigma_g^2; growth: linear in n, O(n)'],
  });
  // Near misses, in the same notation: an exponent without its minus, an index off by one, a variance not squared.
  assert.deepEqual(answeredFixtureParts('plain-indices', 'forum-near-misses-q3a-q7ab.txt'), {
    '3.a': ['incorrect', '{ 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 2^(7 n) - 2^(-n) if n ≥ 7 }'],
    '7.a': ['partial', 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h,j + l})); update: w_{h,l} - eta dw_{h,l}'],
    '7.b': ['partial', 'mean: 0; variance: (n - k + 1) sigma_x^2 sigma_g^2; growth: it grows like O(n)'],
  });
});

test("a report's closing quotation mark after a model's last case is no part of the case's value", { skip: devSkip }, () => {
  assert.deepEqual(answeredFixtureParts('plain-indices', 'blog-quoted-cases-q3a.txt'), {
    '3.a': ['correct', '{ 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 127 · 2^(-n) if n ≥ 7 }'],
  });
});

test('a note beside a line of working that defines a name it uses is no part of its value; a second equation of its own is', () => {
  const texts = (line: string) => answerCandidates(line).map((c) => c.text);
  assert.deepEqual(texts('dw_hl = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_ij x_(i+h-1, j+l-1)        m = n - k + 1'), ['dw_hl = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_ij x_(i+h-1, j+l-1)']);
  // Near misses: a recurrence's two equations (the second names nothing the first uses), and one space before the note.
  assert.deepEqual(texts('r_1 = K,   r_l = r_{l-1} + (K - 1)'), ['r_1 = K,   r_l = r_{l-1} + (K - 1)']);
  assert.deepEqual(texts('s = m + 1 m = 4'), ['s = m + 1 m = 4']);
});
