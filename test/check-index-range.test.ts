import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { withoutIndexRange } from '../src/check/extract.js';

// A formula with the range of its free indices written after it (`dw_{h,l} = ..., h, l = 1..k`) says
// where it holds; a TA grades the formula. Read whole, the range made it unreadable and the part
// lost its credit.

test('the range of a formula’s free indices after it is no part of the answer', { skip: devSkip }, () => {
  const writeup = (line: string) => {
    // (Written in LaTeX, the step is too: a reply with dollars has its formulas between them.)
    const step = line.includes('$') ? '$w_{h,l} - \\eta\\, dw_{h,l}$' : 'w_{h,l} - η dw_{h,l}';
    return ['Question 7', '', '(a)', 'By the chain rule, summing over every output the weight touches:', '', line, '', `and one SGD step gives ${step}.`, ''].join('\n');
  };
  const graded = (line: string) => gradeWithStaffKey(writeup(line)).get('7.a');
  assert.equal(graded('dw_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i+h-1, j+l-1}  for 1 ≤ h, l ≤ k'), 'correct');
  assert.equal(graded('$$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\, j+l-1}, \\quad h, l \\in \\{1, \\dots, k\\}$$'), 'correct');
  // Near miss: with the range taken off, a wrong formula is still wrong.
  assert.notEqual(graded('dw_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i+h, j+l}  for 1 ≤ h, l ≤ k'), 'correct');
});

test('only a range after single letters is taken off: values listed after a formula stay', () => {
  assert.equal(withoutIndexRange('dw_{h,l} = Σ dy_{i,j} x_{i+h-1, j+l-1},   h, l = 1..k,'), 'dw_{h,l} = Σ dy_{i,j} x_{i+h-1, j+l-1}');
  assert.equal(withoutIndexRange('y_n = 2^n, n = 0, \\dots, 5'), 'y_n = 2^n');
  assert.equal(withoutIndexRange('x = 1, y = 2'), 'x = 1, y = 2');
  assert.equal(withoutIndexRange('y[n] = 0, n < 0'), 'y[n] = 0, n < 0');
  assert.equal(withoutIndexRange('h, l = 1..k'), 'h, l = 1..k');
});
