import { test } from 'node:test';
import { expectVerdict } from './check-helpers.js';

test('assumptions: log(ab) = log a + log b only for positive a, b', () => {
  expectVerdict('\\log(ab)', '\\log a + \\log b', 'incorrect');
  expectVerdict('\\log(ab)', '\\log a + \\log b', 'correct', { a: { positive: true }, b: { positive: true } });
  expectVerdict('\\log(ab)', '\\log a - \\log b', 'incorrect', { a: { positive: true }, b: { positive: true } });
  // A fractional power with an odd denominator is real for a negative base.
  expectVerdict('\\frac{1}{3\\sqrt[3]{x}^2}', '\\frac{1}{3x^{2/3}}', 'correct');
});

test('assumptions: a bound on an absolute value is the interval(s) it allows', () => {
  const S = { b: { positive: true }, alpha: {}, z: {} };
  expectVerdict('|\\alpha| \\le b', '-b \\le \\alpha \\le b', 'correct', S);
  expectVerdict('|\\alpha| \\le b', '-b < \\alpha < b', 'incorrect', S);
  expectVerdict('|\\alpha| \\le b', '\\alpha \\le b', 'incorrect', S);
  expectVerdict('1\\leq|z|\\leq \\frac{3}{2}', 'z \\in \\left[-\\frac{3}{2}, -1\\right] \\cup \\left[1, \\frac{3}{2}\\right]', 'correct', S);
  expectVerdict('1\\leq|z|\\leq \\frac{3}{2}', 'z \\in \\left[-\\frac{3}{2}, 1\\right] \\cup \\left[1, \\frac{3}{2}\\right]', 'incorrect', S);
});
