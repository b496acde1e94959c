import { test } from 'node:test';
import { expectVerdict } from './check-helpers.js';

const relu = (cond: string) => `\\begin{cases} 1 & ${cond} \\\\ 0 & \\text{otherwise} \\end{cases}`;

test('piecewise: breakpoints are tested exactly', () => {
  expectVerdict({ value: relu('x > 0'), type: 'piecewise' }, relu('0 < x'), 'correct');
  // Near miss: the same cases except at the breakpoint itself.
  expectVerdict({ value: relu('x > 0'), type: 'piecewise' }, relu('x \\ge 0'), 'incorrect', undefined, /at x = 0/);
  expectVerdict({ value: relu('x > a'), type: 'piecewise' }, relu('x \\ge a'), 'incorrect');
});

test('piecewise: a missing branch is not equal at every point', () => {
  const key = '\\begin{cases} x & x > 0 \\\\ -x & x \\le 0 \\end{cases}';
  expectVerdict({ value: key, type: 'piecewise' }, '\\begin{cases} -x & x \\le 0 \\\\ x & x > 0 \\end{cases}', 'correct');
  expectVerdict({ value: key, type: 'piecewise' }, '\\begin{cases} x & x > 0 \\end{cases}', 'incorrect');
});
