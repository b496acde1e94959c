import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { endsAskingLearner } from '../src/documents/tutor-questions.js';
import { wordLinearMathAsText } from '../src/documents/word-linear-math.js';
import { isLabelledRemark } from '../src/documents/labelled-remarks.js';
import { extractAnswer } from '../src/check/extract.js';

// Blind round 23's parts partcredit found but graded against the TA (issue 9), by class, each in a
// document of our own, not the round's, with a near miss that must stay as it was.

test("a tutor's question back (study mode): the reply after the person's answer or `just tell me` is the part's answer going on", { skip: devSkip }, () => {
  const tutored = [
    "**User:** 2(b) Which forward scalar c reproduces Xavier's variance?",
    '',
    "**Assistant:** Let's derive it together. Each output is $y_i = c\\sum_j W_{ij} x_j$ with unit-variance weights and inputs. Adding up the variances of the $d_{in}$ terms, what do you get for $\\mathrm{Var}(y_i)$?",
    '',
    '**User:** c^2 d_in? just give me c',
    '',
    '**Assistant:** Yes. Setting $c^2 d_{in} = 1$ gives $c = \\frac{1}{\\sqrt{d_{in}}}$.',
    '',
  ].join('\n');
  assert.equal(gradeWithStaffKey(tutored).get('2.b'), 'correct');
  // Near miss: a reply that answers in full and then offers more (`Would you like to see why ...?`):
  // the explanation asked for after it is discussion, and its `sqrt(d_in)` is no new answer.
  const offered = [
    "**User:** 2(b) Which forward scalar c reproduces Xavier's variance?",
    '',
    '**Assistant:** Each output is $y_i = c\\sum_j W_{ij} x_j$, so $\\mathrm{Var}(y_i) = c^2 d_{in}$ and $c = \\frac{1}{\\sqrt{d_{in}}}$. Would you like to see why the variances add?',
    '',
    '**User:** yes please',
    '',
    '**Assistant:** The terms are independent, so the spread of the sum grows like $\\sqrt{d_{in}}$.',
    '',
  ].join('\n');
  assert.equal(gradeWithStaffKey(offered).get('2.b'), 'correct');
  assert.equal(endsAskingLearner('So how many filters are there in total? 🙂'), true);
  for (const reply of ['Want me to explain why (W W^T) W = W (W^T W)?', 'Does that make sense?', 'The answer is 4.']) assert.equal(endsAskingLearner(reply), false, reply);
});

test("Word's linear equation format (`∑_(i=1)^m▒〖...〗`, cases as `{■(...@...)┤`, matrices as `[■(...)]`) is read as the mathematics it writes", { skip: devSkip }, () => {
  const saved = (piecewise: string, matrix: string, variance: string) =>
    [
      'HW 4 – my answers (typed in Word)',
      '',
      'Question 3',
      '',
      '(a)',
      'Summing the seven shifted copies of h:',
      `y(n)=${piecewise}`,
      '',
      '(c)',
      matrix,
      '',
      'Question 7',
      '',
      '(b)',
      'E[dw_(h,l) ]=∑_(i,j)▒〖E[dy_(i,j) ]E[x_(i+h-1,j+l-1) ]〗=0',
      `Var(dw_(h,l) )=∑_(i=1)^m▒∑_(j=1)^m▒〖σ_x^2 σ_g^2 〗=${variance}`,
      'so the spread grows linearly in n.',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(saved('{■(0&n<0@2-2^(-n)&0≤n≤6@2^(-n) (2^7-1)&n≥7)┤', '[■(-40&-40&-40@-40&-40&-40@-40&-40&-40)]', '(n-k+1)^2 σ_x^2 σ_g^2'), 'word.txt');
  assert.deepEqual([right.get('3.a'), right.get('3.c'), right.get('7.b')], ['correct', 'correct', 'correct']);
  // Near misses: the same format with the mistakes TAs see (a rect that never ends, one entry's sign, a
  // variance that lost its square, beside a right mean and growth) stays as wrong as it is.
  const wrong = gradeWithStaffKey(saved('{■(0&n<0@2-2^(-n)&n≥0)┤', '[■(-40&-40&-40@-40&-40&-40@-40&-40&40)]', '(n-k+1) σ_x^2 σ_g^2'), 'word.txt');
  assert.deepEqual([wrong.get('3.a'), wrong.get('3.c'), wrong.get('7.b')], ['partial', 'incorrect', 'partial']);
  // A text with none of the format's marks is left as it is, brackets after scripts and all.
  const plain = 'Var(x_(i)) = 1 and y^(2) is the second output.';
  assert.equal(wordLinearMathAsText(plain), plain);
});

test('a name defined in brackets after an answer (`(m = n-k+1)`, `(L = 1 gives K, check)`) is a remark on it, none of its value', { skip: devSkip }, () => {
  const writeup = (c: string) =>
    [
      'Problem 4',
      '',
      `(c) ${c}`,
      '',
      'Problem 7',
      '',
      '(a) Gradient: dw_{h,l} = ∑_{i=1}^{m} ∑_{j=1}^{m} dy_{i,j} x_{i+h-1,j+l-1}   (m = n-k+1)',
      'SGD update: w_{h,l} ← w_{h,l} - η dw_{h,l}',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(writeup('L(K-1)+1   (L = 1 gives K, check)'), 'defs.txt');
  assert.deepEqual([right.get('4.c'), right.get('7.a')], ['correct', 'correct']);
  // Near misses: a wrong field with its check stays wrong, and a bracket of the formula's own (no `=`) stays a factor.
  assert.equal(gradeWithStaffKey(writeup('L(K-1)   (L = 1 gives K-1)'), 'defs.txt').get('4.c'), 'incorrect');
  assert.equal(gradeWithStaffKey(writeup('L (K-1) (K+1)'), 'defs.txt').get('4.c'), 'incorrect');
});

test('a paragraph wrapped by hand: the factor a continued line compares by (`... $2c d_out d_in^2$` / `for every iteration, cheaper by $d_out/d_in$`) is no answer', { skip: devSkip }, () => {
  const reply = (cost: string) =>
    `### Question 1\n\n**(b)** Use associativity and form the Gram matrix first: the total cost is $${cost}$\nfor every iteration, which makes it cheaper by $d_{out}/d_{in}$.\n`;
  assert.equal(gradeWithStaffKey(reply('2c\\, d_{out} d_{in}^2')).get('1.b'), 'correct');
  // Near misses: a one-product cost above the comparison stays the half-credit answer it is, and a
  // continued line that states the answer itself (no comparison) is read as before.
  assert.equal(gradeWithStaffKey(reply('c\\, d_{out} d_{in}^2')).get('1.b'), 'partial');
  assert.equal(gradeWithStaffKey('### Question 1\n\n**(b)** Use associativity and form $G = W^\\top W$ first\nand the total is $2c\\, d_{out} d_{in}^2$ per iteration.\n').get('1.b'), 'correct');
});

test("a person's note signed with their initials in brackets (`(TR) wrong, ...`, `> **[WL]** ...`) is their remark, not the model's answer", { skip: devSkip }, () => {
  const chat = (last: string) =>
    [
      '**User:** 2(d) SignSGD: what learning rate keeps the update within the bound of (c)?',
      '',
      '**Assistant:** The sign matrix has rank one and entries $\\pm 1$, so its spectral norm is $\\sqrt{d_{out} d_{in}}$. Requiring $\\alpha\\sqrt{d_{out} d_{in}} \\le \\sqrt{d_{out}}$ gives',
      '',
      '$$\\alpha = \\frac{1}{\\sqrt{d_{out}}}$$',
      '',
      last,
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(chat('(TR) wrong, the final answer is $\\alpha = 1/\\sqrt{d_{in}}$.')).get('2.d'), 'incorrect');
  // Near misses: the model's own closing line is its answer, and brackets a model opens a paragraph with
  // (Roman numerals, citation numbers, one letter) are no initials.
  assert.equal(gradeWithStaffKey(chat('So the final answer is $\\alpha = 1/\\sqrt{d_{in}}$.')).get('2.d'), 'correct');
  assert.equal(isLabelledRemark('> **[WL]** (b) is the Glorot version.'), true);
  for (const p of ['(II) By induction on the layers, ...', '[1] Glorot and Bengio, 2010.', '(b) The output is 3.', '[CLS] token attends to every position.', '(MLP) Two layers of width 4d.'])
    assert.equal(isLabelledRemark(p), false, p);
});

test('a line that names its formula in words before a colon (`Width seen after L conv-1 layers with kernel K:  L(K-1) + 1`) answers with the formula, not the words divided by it', {
  skip: devSkip,
}, () => {
  const line = (formula: string) => `Problem 4\n\n(c)\nWidth seen after L conv-1 layers with kernel K:  ${formula}\n`;
  assert.equal(gradeWithStaffKey(line('L(K-1) + 1'), 'named.txt').get('4.c'), 'correct');
  // Near misses: a wrong formula so named stays wrong, and words with no formula after the colon stay as they are.
  assert.equal(gradeWithStaffKey(line('L(K-1)'), 'named.txt').get('4.c'), 'incorrect');
  assert.equal(extractAnswer('Total cost: see above').text, 'Total cost: see above');
});

test('a bound and the value that meets it, of one name, on one line (`alpha <= sqrt(d_out),   alpha = sqrt(d_out)`) is that value, not a list of two answers', { skip: devSkip }, () => {
  const line = (value: string) => `Problem 2\n\n(e)\nEvery singular value of U V^T is one, hence ||dW||_2 = alpha and (from (c)) we need\n    alpha <= sqrt(d_out),   alpha = ${value}\n`;
  assert.equal(gradeWithStaffKey(line('sqrt(d_out)'), 'bound.txt').get('2.e'), 'correct');
  // Near miss: a value that is not the bound's stays two statements, and wrong.
  assert.equal(gradeWithStaffKey(line('sqrt(d_in)'), 'bound.txt').get('2.e'), 'incorrect');
  assert.equal(extractAnswer('x ≤ 3, y = 3').text, 'x ≤ 3, y = 3');
});

test('cases typed as aligned plain lines, each value before its condition (`y(n) = 2 − 2⁻ⁿ    when 0 ≤ n ≤ 6`), are one piecewise answer', { skip: devSkip }, () => {
  const lines = (cases: string[]) => ['Problem 3', '', '(a)', 'Putting the ranges together:', ...cases.map((c) => `   ${c}`), ''].join('\n');
  const right = lines(['y(n) = 0                  when n < 0', 'y(n) = 2 − 2⁻ⁿ            when 0 ≤ n ≤ 6', 'y(n) = 127 · 2⁻ⁿ          when n ≥ 7']);
  assert.equal(gradeWithStaffKey(right, 'cases.txt').get('3.a'), 'correct');
  // Near miss: a rect that never ends (two cases, the second for every n ≥ 0) stays the half-credit answer it is.
  const neverEnds = lines(['y(n) = 0                  when n < 0', 'y(n) = 2 − 2⁻ⁿ            when n ≥ 0']);
  assert.equal(gradeWithStaffKey(neverEnds, 'cases.txt').get('3.a'), 'partial');
});
