import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { withoutRenderedCopies } from '../src/documents/rendered-copies.js';

// Blind round 25's parts partcredit found but graded against the TA (issue 9), by class, each in a
// document of our own, not the round's, with a near miss that must stay as it was.

test('a bound on another quantity written in the asked one (`RMS(Δy) ≤ ... = ‖ΔW‖₂/√d_out`) is working; the bound after it answers', { skip: devSkip }, () => {
  const notes = (bound: string) =>
    [
      'Problem 2',
      '',
      'c) With y = c W x the change of the output is Δy = c ΔW x, and ‖x‖₂ = √d_in.',
      'Hence RMS(Δy) = c‖ΔW x‖₂/√d_out ≤ c·√d_in·‖ΔW‖₂/√d_out = ‖ΔW‖₂/√d_out. Asking for at most 1:',
      '',
      `  ${bound}`,
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(notes('‖ΔW‖₂ ≤ √d_out')).get('2.c'), 'correct');
  // Near miss: the same working before a wrong bound on the asked quantity stays wrong.
  assert.equal(gradeWithStaffKey(notes('‖ΔW‖₂ ≤ √(d_out/d_in)')).get('2.c'), 'incorrect');
});

test('the bound of an expression of the asked quantity (`‖c α U Vᵀ‖₂ ≤ √d_out ⇒`) gives no value of it; the value after it does', { skip: devSkip }, () => {
  const notes = (rate: string) => ['Problem 2', '', 'e) The layer sees the scaled step c ΔW, so the budget is spent on that: ‖c α U Vᵀ‖₂ ≤ √d_out ⇒', '', `  ${rate}`, ''].join('\n');
  // The disputed official rate: the key's convention, half credit.
  assert.equal(gradeWithStaffKey(notes('α = √(d_out d_in)')).get('2.e'), 'partial');
  // Near miss: a bound on the asked quantity itself still gives its value.
  assert.equal(gradeWithStaffKey(notes('α ≤ √d_out')).get('2.e'), 'correct');
});

test('a sum typed with the capital sigma and its index lowered (`Σ_{i=1}^{m}`) is read as the sum it writes', { skip: devSkip }, () => {
  const notes = (gradient: string) => ['Question 7', '', 'Part (a)', '', `gradient: ${gradient}`, '', 'update: w_{h,l} ← w_{h,l} − η dw_{h,l}', ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('dw_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i+h−1, j+l−1}')).get('7.a'), 'correct');
  // Near miss: the flipped (convolution) indices, in the same notation, stay wrong.
  assert.notEqual(gradeWithStaffKey(notes('dw_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i−h+1, j−l+1}')).get('7.a'), 'correct');
});

test('a matrix typed as bare rows of numbers under the line that names it (`y =` then `−40 −40 −40`) is that matrix', { skip: devSkip }, () => {
  const notes = (rows: string[]) =>
    ['Q3', '', 'c) true convolution, so the kernel is flipped first', 'flipped kernel = [[1,2,1],[0,0,0],[-1,-2,-1]]', 'every window gives the same sum, so', 'output:', ...rows, ''].join('\n');
  assert.equal(gradeWithStaffKey(notes(['−40 −40 −40', '−40 −40 −40', '−40 −40 −40'])).get('3.c'), 'correct');
  assert.equal(gradeWithStaffKey(notes(['-40, -40, -40', '-40, -40, -40', '-40, -40, -40'])).get('3.c'), 'correct');
  // Near miss: rows of unequal width are no matrix; the kernel stays what is read, and wrong.
  assert.equal(gradeWithStaffKey(notes(['−40 −40 −40', '−40 −40', '−40 −40 −40'])).get('3.c'), 'incorrect');
});

test('a formula a page dump prints twice, its glyphs run together then its LaTeX (`2cdout2din2 c\\, d_{out}^2 d_{in}`), is read once from its source', { skip: devSkip }, () => {
  const page = (a: string) => ['Problem 1', '', '(a) One iteration needs W Wᵀ and then (3I − W Wᵀ) W, each of cost c d_out² d_in.', '', `   Total per iteration: ${a}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(page('T=2cdout2dinT = 2 c\\, d_{out}^2 d_{in}')).get('1.a'), 'correct');
  assert.equal(gradeWithStaffKey(page('cdout2dinc\\, d_{out}^2 d_{in}')).get('1.a'), 'partial');
  // Near miss: glyphs and a source that say different things are not one formula.
  assert.equal(withoutRenderedCopies('so x=yx = z + 1 here, and WW^\\top'), 'so x=yx = z + 1 here, and WW^\\top');
  assert.equal(withoutRenderedCopies('costs about dout2dind_{out}^2 d_{in} operations'), 'costs about $d_{out}^2 d_{in}$ operations');
  // A text with its formulas between dollars is left as it is.
  assert.equal(withoutRenderedCopies('$2c\\,d_{out}^2 d_{in}$'), '$2c\\,d_{out}^2 d_{in}$');
});

test("the files a report's opening names (`lec03_attention.pdf`) are no formula: its quoted questions are still the person's turns", { skip: devSkip }, () => {
  const chat = [
    '> What is the runtime of one Newton-Schulz iteration p(W) = 1/2 (3I - W W^T) W if an n x m by m x p product costs c n m p?',
    '',
    'Two products, each $c\\,d_{out}^2 d_{in}$: in total $2c\\,d_{out}^2 d_{in}$.',
    '',
    '> And when d_out is much larger than d_in, is there a faster way? Give the updated runtime.',
    '',
    'Use the Gram matrix $W^\\top W$: $p(W) = \\tfrac12 W (3I - W^\\top W)$ costs $2c\\,d_{out} d_{in}^2$.',
  ];
  const opening = (words: string) => ['Model log, HW4 question 1', 'A. Rivera', '', words, '', '-----', ''];
  const read = readWithStaffKey([...opening('Sources I attached: hw4_written.pdf and lec03_attention.pdf. My notes follow each reply.'), ...chat].join('\n'));
  assert.deepEqual(read.messages?.map((m) => m.role).slice(-4), ['user', 'assistant', 'user', 'assistant']);
  // Near miss: an opening that states a formula of its own keeps the text a write-up.
  const answered = readWithStaffKey([...opening('I attached hw4_written.pdf; my own answer for (a) is T = 2c d_out^2 d_in.'), ...chat].join('\n'));
  assert.equal(answered.format, 'writeup');
});

test('a value of another quantity written in a power of the asked one (`Var(y) = c² d_in`) is working; the value of the asked one after it answers, even inline', { skip: devSkip }, () => {
  const notes = (scale: string) =>
    ['Problem 2', '', 'b) each output sums d_in unit-variance terms scaled by c:', 'Var(y_i) = c^2 * d_in', `the lecture's init wants Var(y_i) = 1 -> c^2 d_in = 1 -> ${scale}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('c = 1/sqrt(d_in)')).get('2.b'), 'correct');
  // Near miss: a wrong value of the asked quantity after the same working stays wrong.
  assert.equal(gradeWithStaffKey(notes('c = 1/d_in')).get('2.b'), 'incorrect');
});
