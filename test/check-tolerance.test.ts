import { test } from 'node:test';
import { expectVerdict } from './check-helpers.js';

test('tolerance: a rounding of a value with a finite decimal form needs the key to allow it', () => {
  expectVerdict('\\frac{127}{128}', '0.992', 'incorrect', undefined, /rounding to 3 decimal places/);
  expectVerdict('\\frac{127}{128}', '0.9921875', 'correct');
  expectVerdict({ value: '\\frac{127}{128}', tolerance: { abs: 0.001 } }, '0.992', 'correct');
  expectVerdict({ value: '\\frac{127}{128}', sigfigs: 3 }, '0.992', 'correct');
  // A value whose decimals never end can only be written rounded.
  expectVerdict('\\frac{1}{3}', '0.333', 'correct');
  expectVerdict('\\frac{1}{3}', '0.334', 'incorrect');
});

test('tolerance: an exact disproof of two expressions stands, however close their values', () => {
  expectVerdict('x', 'x + 10^{-12}', 'incorrect');
  expectVerdict('x', 'x + 10^{-12} - 10^{-12}', 'correct');
  // On a finite domain every point is tested, and agreement there is equality.
  expectVerdict('N + 2', '7', 'correct', { N: { integer: true, min: 5, max: 5 } });
  expectVerdict('N + 2', '8', 'incorrect', { N: { integer: true, min: 5, max: 5 } });
});

test('tolerance: multipliers written in a key (72.8\\text{M}) within the key tolerance', () => {
  expectVerdict({ value: '72.8\\text{M}', tolerance: { rel: 0.01 } }, '72,855,552', 'correct');
  expectVerdict({ value: '1.7\\text{M}', tolerance: { rel: 0.01 } }, '1.7M', 'correct');
  expectVerdict({ value: '1.7\\text{M}', tolerance: { rel: 0.01 } }, '17,000,000', 'incorrect');
  expectVerdict({ value: '72.8\\text{M}', tolerance: { rel: 0.01 } }, '72.8', 'incorrect');
});

test('tolerance: a unit written as text after a value is not a multiplier', () => {
  expectVerdict('1/3', '$\\frac{1}{3} \\text{meters}$', 'correct');
  expectVerdict('1/3', '$\\frac{1}{4} \\text{meters}$', 'incorrect');
});

test('a right exact form with a wrong decimal after it (\\approx 20.4 for 10.2) is wrong; a decimal rounded from the value is right', () => {
  const tol = { value: '10.2', tolerance: { rel: 0.02 } };
  expectVerdict(tol, 'H = \\frac{(14.14)^2}{19.6} \\approx 10.2 \\text{ m}', 'correct');
  expectVerdict({ value: '40.8', tolerance: { rel: 0.02 } }, 'R = \\frac{400}{9.8} \\approx 41 \\text{ m}', 'correct');
  // Near miss: the decimal stated does not come from the exact form.
  expectVerdict(tol, 'H = \\frac{(14.14)^2}{19.6} \\approx 20.4 \\text{ m}', 'incorrect', undefined, /value it states, 20\.4/);
});
