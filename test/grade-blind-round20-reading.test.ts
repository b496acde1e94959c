import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';

// Blind round 20's reading classes (issue 9), each in a write-up of our own, not the round's, with
// a near miss that must read as it did before.

const boxed = (heading: string) => ['-'.repeat(30), heading, '-'.repeat(30), ''];

test("a question's bare number boxed in by rules opens that question though the ones before it were skipped", { skip: devSkip }, () => {
  const writeup = (second: string) =>
    [
      'Homework 4, Priya and Sam',
      '',
      ...boxed('1.'),
      '(a) Two products of the same cost, W W^T and then (3I - W W^T) W.',
      'Answer: 2c d_out^2 d_in',
      '',
      '(b) With the Gram matrix on the small side.',
      'Answer: 2c d_out d_in^2',
      '',
      ...boxed(second),
      '(c) Each stride-1 layer adds K-1 to the field of the one before.',
      'Answer: L(K-1)+1',
      '',
    ].join('\n');
  // Question 4 after question 1, questions 2 and 3 left out: its (c) is 4.c.
  const g = gradeWithStaffKey(writeup('4.'), 'group.txt');
  assert.equal(g.get('1.a'), 'correct');
  assert.equal(g.get('1.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: a number the problem set has no question for opens nothing.
  const none = gradeWithStaffKey(writeup('5.'), 'group.txt');
  assert.equal(none.get('4.c'), undefined);
  assert.equal(none.get('1.a'), 'correct');
});
