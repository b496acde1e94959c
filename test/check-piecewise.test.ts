import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectVerdict } from './check-helpers.js';
import { piecewiseCandidates } from '../src/check/piecewise-answer.js';

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

test('piecewise: a function of a real variable is not zero where an answer gives no branch', () => {
  const step = { value: '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}', type: 'piecewise' as const };
  expectVerdict(step, '\\begin{cases} 0 & x \\le 0 \\\\ 1 & x > 0 \\end{cases}', 'correct');
  // Near misses: the zero branch left out, and the zero branch missing its breakpoint.
  expectVerdict(step, '\\begin{cases} 1 & x > 0 \\end{cases}', 'incorrect');
  expectVerdict(step, '\\begin{cases} 1 & x > 0 \\\\ 0 & x < 0 \\end{cases}', 'incorrect', undefined, /at x = 0/);
});

test('piecewise: a plain-text list whose items open on their condition and a colon states the cases', () => {
  const cases = piecewiseCandidates('- t < 1: the ramp has not started, f(t) = 0\n- t >= 1: f(t) = 3·(t − 1) = 3t − 3\n').map((c) => c.text);
  assert.equal(cases.length, 1);
  expectVerdict({ value: '\\begin{cases} 0 & t < 1 \\\\ 3(t - 1) & t \\ge 1 \\end{cases}', type: 'piecewise' }, cases[0]!, 'correct');
  // Near misses: a list of labels that are no conditions, and an item whose value is compared again, state no cases.
  assert.deepEqual(piecewiseCandidates('- step 1: f(t) = 0\n- step 2: f(t) = 3t\n'), []);
  assert.deepEqual(piecewiseCandidates('- t < 1: f(t) = 0\n- t >= 1: f(t) = 3t − 3 > 0\n'), []);
});

test('piecewise: values listed in a sentence, each with its condition in brackets after it, state the cases', () => {
  const cases = piecewiseCandidates('Hence $f(t) = 0$ ($t < 1$), $3t - 3$ ($t \\ge 1$).').map((c) => c.text);
  assert.equal(cases.length, 1);
  expectVerdict({ value: '\\begin{cases} 0 & t < 1 \\\\ 3(t - 1) & t \\ge 1 \\end{cases}', type: 'piecewise' }, cases[0]!, 'correct');
  // Near misses: a bracket that is no condition, and one formula with its bracket, state no cases.
  assert.deepEqual(piecewiseCandidates('The factors are $3$ ($t$), $4$ ($s$).'), []);
  assert.deepEqual(piecewiseCandidates('So $f(t) = 3t - 3$ ($t \\ge 1$).'), []);
});
