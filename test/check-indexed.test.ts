import { test } from 'node:test';
import { CONV_GRADIENT_SYMBOLS, expectVerdict } from './check-helpers.js';

test('indexed families: a family found inside a sum is indexed everywhere; a reordered product is equal', () => {
  expectVerdict('$F_n = \\sum_{k=0}^{n-1} F_k F_{n-k-1}$', '$F_n = \\sum_{k=0}^{n-1} F_{n-k-1} F_k$', 'correct');
  // Near miss: shifted indices and bounds.
  expectVerdict('$F_n = \\sum_{k=0}^{n-1} F_k F_{n-k-1}$', '$F_n = \\sum_{k=0}^{n-2} F_k F_{n-k-2}$', 'incorrect');
  expectVerdict('\\sum_{k=1}^{n} a_k', '\\sum_{k=1}^{n} a_{k+1}', 'incorrect');
  expectVerdict('\\sum_{k=1}^{n} a_k', '\\sum_{j=1}^{n} a_j', 'correct');
});

const CNN = CONV_GRADIENT_SYMBOLS;

test('indexed families: a declared family with symbolic bounds, its sums reordered', () => {
  const key = 'dw_{h,l} = \\sum_{i=1}^{m} \\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\, j+l-1}';
  expectVerdict(key, key, 'correct', CNN);
  expectVerdict(key, 'dw_{h,l} = \\sum_{j=1}^{m} \\sum_{i=1}^{m} x_{i+h-1,j+l-1}\\, dy_{i,j}', 'correct', CNN);
  expectVerdict(key, 'dw_{h,l} = \\sum_{i=1}^{m} \\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h,\\, j+l-1}', 'incorrect', CNN);
  expectVerdict(key, 'dw_{h,l} = \\sum_{i=1}^{m} \\sum_{j=1}^{m} dy_{i,j}\\, x_{j+l-1,\\, i+h-1}', 'incorrect', CNN);
  expectVerdict('w_{h,l} - \\eta\\, dw_{h,l}', 'w_{h,l} - \\eta dw_{h,l}', 'correct', CNN);
  expectVerdict('w_{h,l} - \\eta\\, dw_{h,l}', 'w_{h,l} + \\eta dw_{h,l}', 'incorrect', CNN);
  // A family the question does not have is not made up.
  expectVerdict(key, 'dw_{h,l} = \\sum_{i=1}^{m} \\sum_{j=1}^{m} dz_{i,j}\\, x_{i+h-1,\\, j+l-1}', 'incorrect', CNN, /does not define/);
});

test('a sum written without bounds (\\sum_{i,j}, \\sum_i \\sum_j) runs over the range every sum of the key runs over', () => {
  const KEY = 'dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,j+l-1}';
  expectVerdict(KEY, 'dw_{h,l} = \\sum_{i,j} dy_{i,j}\\, x_{i+h-1,j+l-1}', 'correct', CNN);
  expectVerdict(KEY, 'dw_{h,l} = \\sum_{i}\\sum_{j} dy_{i,j}\\, x_{i+h-1,j+l-1}', 'correct', CNN);
  // Near misses: the body still counts, and a key summing from 0 (or over two ranges) fixes no one range.
  expectVerdict(KEY, 'dw_{h,l} = \\sum_{i,j} dy_{i,j}\\, x_{i+h,j+l}', 'incorrect', CNN);
  expectVerdict(KEY, 'dw_{h,l} = \\sum_{i,j} dy_{i,j}\\, x_{j+h-1,i+l-1}', 'incorrect', CNN);
  expectVerdict('\\sum_{i=0}^{m} x_i', '\\sum_i x_i', 'incorrect', CNN);
  expectVerdict('m \\sigma^2', '\\sum_i \\sigma^2', 'incorrect');
});
