import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { withoutMarginNotes } from '../src/documents/margin-notes.js';

// Blind rounds 18, 20 and 21's leftover classes (issue 9), each in a document of our own, not the
// rounds', with a near miss that must grade as it did before.

test('a table typed in plain text with bars only between its cells (a word processor paste) is read as the table it is; a wrong cell in it still costs', { skip: devSkip }, () => {
  const writeup = (secondConv: string) =>
    [
      'Homework 4, typed answers',
      '',
      'Q4 (e)',
      'layer      |  params                  |  output size',
      '-----------+--------------------------+-------------',
      'Input      |  0                       |  28 x 28 x 1',
      'CONV3-10   |  (3*3*1)*10 + 10 = 100   |  28 x 28 x 10',
      'POOL2      |  0                       |  14 x 14 x 10',
      `CONV3-10   |  (3*3*10)*10 + 10 = 910  |  ${secondConv}`,
      'POOL2      |  0                       |  7 x 7 x 10',
      'FLATTEN    |  0                       |  490',
      'FC-3       |  490*3 + 3 = 1473        |  3',
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(writeup('14 x 14 x 10'), 'typed.txt').get('4.e'), 'correct');
  // Near miss: the same table with the second convolution taken unpadded is not right.
  assert.notEqual(gradeWithStaffKey(writeup('12 x 12 x 10'), 'typed.txt').get('4.e'), 'correct');
});

test('a note a person left at the end of a line of the chat, set apart and opened by `<<`, is no part of the answer on that line; `<<` in a formula stays', { skip: devSkip }, () => {
  const report = (shapeLine: string) =>
    [
      'My log of the chat, with my checks in the margin.',
      '',
      'User: Problem 4 (b): the output of a K x K max-pooling layer with stride S on a W x H x C input?',
      '',
      'Assistant: Pooling works on each channel alone, so the depth stays C.',
      '',
      shapeLine,
      '',
    ].join('\n');
  const shape = 'Output: (⌊(W − K)/S⌋ + 1) × (⌊(H − K)/S⌋ + 1) × C';
  assert.equal(gradeWithStaffKey(report(shape), 'log.txt').get('4.b'), 'correct');
  assert.equal(gradeWithStaffKey(report(`${shape}        << right, matches my notes`), 'log.txt').get('4.b'), 'correct');
  assert.equal(gradeWithStaffKey(report(`${shape}\t<< checked`), 'log.txt').get('4.b'), 'correct');
  // Near miss: a wrong depth with a note after it stays wrong; the note does not hide it.
  assert.notEqual(gradeWithStaffKey(report(`${shape.replace(/C$/, 'F')}    << looks fine?`), 'log.txt').get('4.b'), 'correct');
});

test('margin notes: only a gap, then `<<`, then words is cut; much-less-than and a stream operator stay', () => {
  assert.equal(withoutMarginNotes('y = 2x + 1     << ok\nnext'), 'y = 2x + 1\nnext');
  assert.equal(withoutMarginNotes('eps << 1 so we drop it'), 'eps << 1 so we drop it');
  assert.equal(withoutMarginNotes('lr   << d_in^{-1}'), 'lr   << d_in^{-1}');
  assert.equal(withoutMarginNotes('    std::cout  << "loss " << loss;'), '    std::cout  << "loss " << loss;');
});

test('a branch of a piecewise answer worked to its simplest form in place (`A = B` inside the case) is graded by its last side; a wrong last side stays wrong', { skip: devSkip }, () => {
  const writeup = (tail: string) =>
    [
      'Problem 3',
      '',
      '(a) Summing the geometric series over the samples the rect lets through:',
      '',
      String.raw`$$y[n] = \begin{cases} 0 & \text{if } n < 0 \\ 2 - (1/2)^{n} & \text{if } 0 \le n \le 6 \\ 2^{-n}\,(128 - 1) = ${tail} & \text{if } n \ge 7 \end{cases}$$`,
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(writeup(String.raw`\frac{127}{2^{n}}`), 'series.md').get('3.a'), 'correct');
  // Near miss: the simplified side halves the value; the branch is wrong though its first side is right.
  assert.notEqual(gradeWithStaffKey(writeup(String.raw`\frac{127}{2^{n+1}}`), 'series.md').get('3.a'), 'correct');
});

test("a Chinese student's review mark (`点评：`, `评:`) after a reply is the person's remark, not the reply's answer; the model's own `注：` note is still its reply", { skip: devSkip }, () => {
  const chat = (after: string) =>
    [
      'User: Question 2 (b): with W drawn from N(0,1) and y = c W x, what constant c recovers Xavier initialization?',
      '',
      'Assistant: Each output sums d_in products of unit variance, so Var(y_i) = c² d_in, and asking for unit variance fixes c.',
      '',
      after,
      '',
    ].join('\n');
  const reviewed = chat('c = 1/√d_in\n\n点评：对。I had first written c = 1/√d_out on paper.');
  assert.equal(gradeWithStaffKey(reviewed, 'review.txt').get('2.b'), 'correct');
  assert.equal(gradeWithStaffKey(reviewed.replace('点评：', '评: '), 'review.txt').get('2.b'), 'correct');
  // Near miss: a note the model writes itself (`注：`) stays in its reply; the person's review does not.
  const noted = readWithStaffKey(chat('c = 1/√d_in\n\n注：d_out 不需要改动 (d_out needs no change).'), 'note.txt');
  assert.match(noted.responses.find((r) => r.partId === '2.b')?.final?.text ?? '', /d_out needs no change/);
  const review = readWithStaffKey(reviewed, 'review.txt');
  assert.doesNotMatch(review.responses.find((r) => r.partId === '2.b')?.final?.text ?? '', /on paper/);
});
