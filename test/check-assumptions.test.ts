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

test('assumptions: an equation with the same solution for the solved-for symbol, under its assumptions', () => {
  const S = { c: { positive: true }, d_in: { positive: true } };
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c^2 d_{in} = 1', 'correct', S);
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', '\\frac{1}{c^2} = d_{in}', 'correct', S);
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c^2 d_{in} = 2', 'incorrect', S);
  // Without c > 0 the equation also has c = -1/√d_in.
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c^2 d_{in} = 1', 'incorrect', { d_in: { positive: true } }, /also holds/);
});

test('assumptions: a bare right side answers for the quantity the left side names', () => {
  expectVerdict('J(V) = \\frac{1}{2}V^2', '\\frac{1}{2}V^2', 'correct');
  expectVerdict('J(V) = \\frac{1}{2}V^2', '\\frac{1}{3}V^2', 'incorrect');
});

test('assumptions: positive constants are absorbed in an order of growth; integer sizes grow', () => {
  const S = { c: { positive: true }, d: { positive: true, integer: true }, n: { positive: true, integer: true }, m: { positive: true, integer: true } };
  expectVerdict('\\Theta(d^2 n)', '\\Theta(2c\\, d^2 n)', 'correct', S);
  expectVerdict('\\Theta(d^2 n)', '\\Theta(2c\\, d n)', 'incorrect', S);
  expectVerdict('\\Theta(d^2 n)', '\\Theta(d^2 n m)', 'incorrect', S);
  // Every symbol of either side grows in turn, the ones only one side names too.
  expectVerdict('\\Theta(n k)', '\\Theta(3 k n)', 'correct');
  expectVerdict('\\Theta(n k)', '\\Theta(n)', 'incorrect');
  expectVerdict('\\Theta(n + k)', '\\Theta(n)', 'incorrect');
  expectVerdict('O(\\log n)', 'O(1)', 'incorrect');
  expectVerdict('O(1)', 'O(\\log n)', 'incorrect');
});
