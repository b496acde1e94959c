import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { plainMath } from '../src/check/extract.js';
import { familyRenamesIn } from '../src/grade/question-statements.js';
import { withKeySynonyms } from '../src/grade/key-synonyms.js';

// The sixth blind round (issue 9): hw4-fa25 answered by models and habits the earlier rounds did
// not cover (R1's think block, Kimi's numbered steps, Claude's "Let me reconsider", GPT-4o's
// answer first, plain Unicode math, the response's own names for the question's symbols, answers
// right for one of two quantities, the official key's conventions restated), labelled as a TA
// would against the staff key before partcredit graded them. Each class fixed here has a near
// miss that must stay wrong.
const grade = gradeWithStaffKey;
const skip = devSkip;

// Measured 27/35 before this round's fixes, 31/35 after. What is left is in reading chats, not
// grading: `**Me:**` turns are not taken for a chat, parts a person's turn names mid-line
// ("hw4, ... 1(a): ...", "and 4(c), ...", "3(d) i.") are not found, and a reply's unlabelled
// lead before its "(b)" is not given to (a). 33 -> 34 once that lead went to the asked part before
// the label, 35 once a part named mid-line before a colon or comma was asked (test/grade-follow-up-answers.test.ts).
test('the sixth blind round: agreement with the TA stays at its measured floor', { skip }, () =>
  assertRoundFloor('blind round 12', join(ROOT, 'test', 'fixtures', 'blind-round12', 'blind-round12.labels.yaml'), { submissions: 8, parts: 35, floor: 35 }),
);

/** Question 2 (c) answered in the response's own letters for the layer's sizes. */
const ownLetters = (bound: string) =>
  `User:\n\nQuestion 2 (c). What should the maximum spectral norm of ΔW be such that Δy = c ΔW x has an RMS norm no larger than 1 (x has RMS norm 1)?\n\nAssistant:\n\nWith $n_{in}$ inputs and $n_{out}$ outputs, $\\|\\Delta y\\|_{RMS} \\le c\\,\\|\\Delta W\\|_2 \\sqrt{n_{in}} / \\sqrt{n_{out}}$, so\n\n$$${bound}$$\n`;

test("a response's own letters for the layer's sizes inside a root (`\\sqrt{n_{out}}` for `\\sqrt{d_{out}}`) are the question's", { skip }, () => {
  assert.equal(grade(ownLetters('\\|\\Delta W\\|_2 \\le \\sqrt{n_{out}}')).get('2.c'), 'correct');
  // Near misses: the other size stays wrong, and so does a lone n_{out} whose family is not written.
  assert.equal(grade(ownLetters('\\|\\Delta W\\|_2 \\le \\sqrt{n_{in}}')).get('2.c'), 'incorrect');
  assert.deepEqual(
    [...familyRenamesIn('$\\sqrt{n_{out}}$ and $n_{in}$', new Set(['d_in', 'd_out']))],
    [
      ['n_{out}', 'd_{out}'],
      ['n_{in}', 'd_{in}'],
    ],
  );
  assert.deepEqual([...familyRenamesIn('$\\sqrt{n_{out}}$', new Set(['d_in', 'd_out']))], []);
});

/** Question 2 (e) answered with `alpha`. */
const muon = (alpha: string) =>
  `User:\n\nQuestion 2 (e). Muon: ΔW = α U V^T from the compact SVD. What learning rate α satisfies the spectral norm constraint from (c)?\n\nAssistant:\n\nAll singular values of $UV^\\top$ are 1, so $\\|\\Delta W\\|_2 = \\alpha$ and\n\n$$${alpha}$$\n`;

test("a name the key accepts for its own in one part (2b's `\\mathrm{fan}_{in}` for `d_{in}`) is that name in every part", { skip }, () => {
  assert.equal(grade(muon('\\alpha = \\sqrt{\\mathrm{fan}_{out}}')).get('2.e'), 'correct');
  assert.equal(grade(muon('\\alpha = \\sqrt{\\text{fan}_{\\text{out}}}')).get('2.e'), 'correct');
  assert.equal(grade(muon('\\alpha \\le \\sqrt{fan_{out}}')).get('2.e'), 'correct');
  // Near misses: the other fan stays wrong; the official key's product keeps its half credit.
  assert.equal(grade(muon('\\alpha = \\sqrt{\\mathrm{fan}_{in}}')).get('2.e'), 'incorrect');
  assert.equal(grade(muon('\\alpha = \\sqrt{\\mathrm{fan}_{out}\\,\\mathrm{fan}_{in}}')).get('2.e'), 'partial');
  const fan = [{ from: 'fan', to: 'd', subscripts: ['in', 'out'] }];
  assert.deepEqual(withKeySynonyms('\\sqrt{\\mathrm{fan}_{out}}', fan), ['\\sqrt{d_{out}}']);
  // A name that only begins with the family's (`fancy_{in}`) or another subscript is left alone.
  assert.deepEqual(withKeySynonyms('\\sqrt{fancy_{in}} + fan_{mid}', fan), []);
});

/** Question 7 (b) answered in plain Unicode math. */
const unicodeVariance = (variance: string) =>
  `User: Question 7 (b). x_{i,j}, dy_{i,j} independent, zero mean, variances σₓ² and σ_g². Derive the mean and variance of dw_{h,l} as a function of n, k, σₓ, σ_g. What is the asymptotic growth rate of the standard deviation of dw_{h,l} with respect to n?\n\nAssistant: dw_{h,l} = ∑ᵢ ∑ⱼ dy_{i,j}·x_{i+h−1, j+l−1}.\n\nMean = 0\nVariance = ${variance}\nStd grows as O(n).\n`;

test('Unicode subscript letters in plain-text math (`σₓ`, `dᵢₙ`, `dₒᵤₜ`) are subscripts', { skip }, () => {
  assert.equal(grade(unicodeVariance('(n − k + 1)²·σₓ²·σ_g²')).get('7.b'), 'correct');
  // Near miss: the variance without its square stays wrong (the part is half right).
  assert.equal(grade(unicodeVariance('(n − k + 1)·σₓ²·σ_g²')).get('7.b'), 'partial');
  assert.equal(plainMath('c = 1/√dᵢₙ')[0], 'c = 1/\\sqrt{d_{in}}');
  assert.equal(plainMath('α = √dₒᵤₜ')[1], '\\sqrt{d_{out}}');
});

/** Question 4 (a) answered in labelled bullets, with `biases` as its middle line (none when empty). */
const convBullets = (biases: string) =>
  `User:\n\nQuestion 4 (a). A convolutional layer has filter size K, padding P, stride S and F filters. How many weights and biases are in this convolutional layer? And what is the shape of the output feature that this convolutional layer produces?\n\nAssistant:\n\n* **Weights:** each of the $F$ filters is $K \\times K \\times C$, so there are $K^2 C F$ weights.\n${biases}\n* **Output shape:** $\\left(\\left\\lfloor\\frac{W-K+2P}{S}\\right\\rfloor+1\\right) \\times \\left(\\left\\lfloor\\frac{H-K+2P}{S}\\right\\rfloor+1\\right) \\times F$\n`;

test("an answer left out while the others are labelled is not read from the question's letter said along the way (`each of the $F$ filters`)", { skip }, () => {
  assert.equal(grade(convBullets('')).get('4.a'), 'partial');
  // Near misses: biases given under their name, or named in prose, are read; a wrong one stays wrong.
  assert.equal(grade(convBullets('* **Biases:** one per filter, $F$.')).get('4.a'), 'correct');
  assert.equal(grade(convBullets('* and $F$ biases, one per filter.')).get('4.a'), 'correct');
  assert.equal(grade(convBullets('* **Biases:** $C$')).get('4.a'), 'partial');
});

test('a named answer is left out only when the others are labelled by name, not mentioned in a sentence; **Me:** heads a turn', { skip }, () => {
  const chat = (note: string) =>
    `**Me:** Question 7 (a). Derive the gradient to the weight matrix dw, and the weight after one SGD step (learning rate eta).\n\n**Claude:** ${note}\n\n$$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\,j+l-1}$$\n\nOne SGD step with learning rate $\\eta$:\n\n$$w_{h,l} \\leftarrow w_{h,l} - \\eta\\, dw_{h,l}$$\n`;
  // "The correct gradient is" names the gradient in a sentence: the step after it is still the update.
  assert.equal(grade(chat('The correct gradient is')).get('7.a'), 'correct');
  // Near miss: a wrong step stays wrong.
  assert.equal(grade(chat('The correct gradient is').replace('- \\eta\\, dw_{h,l}$$', '+ \\eta\\, dw_{h,l}$$')).get('7.a'), 'partial');
});
