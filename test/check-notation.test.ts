import { test } from 'node:test';
import { expectVerdict } from './check-helpers.js';
import type { SymbolTable } from '../src/model/symbols.js';

const FAN: SymbolTable = { fan_in: { positive: true }, fan_out: { positive: true }, d_in: { positive: true }, d_out: { positive: true } };

test('notation: upright names with subscripts, unbraced one-letter subscripts', () => {
  expectVerdict('\\frac{1}{\\sqrt{fan_{in}}}', '\\frac{1}{\\sqrt{\\mathrm{fan}_{in}}}', 'correct', FAN);
  expectVerdict('\\frac{1}{\\sqrt{fan_{in}}}', '\\frac{1}{\\sqrt{\\mathrm{fan}_{out}}}', 'incorrect', FAN);
  expectVerdict('\\frac{2}{\\mathrm{fan}_{in}}', '2/\\text{fan}_{in}', 'correct');
  expectVerdict('\\frac{2}{\\mathrm{fan}_{in}}', '2/\\text{fan}_{out}', 'incorrect');
  expectVerdict('4 d_h d_x', '4d_hd_x', 'correct');
  expectVerdict('4 d_h d_x', '4d_hd_h', 'incorrect');
});

test('notation: an unbraced power typed as a number is that whole number (`x^0.5`, `2^10`, `10^-12`)', () => {
  expectVerdict('\\sqrt{d_{out}}', 'd_out^0.5', 'correct', FAN);
  expectVerdict('\\sqrt{d_{out}}', 'd_out^0.25', 'incorrect', FAN);
  expectVerdict('\\frac{1}{\\sqrt{d_{in}}}', 'd_in^-0.5', 'correct', FAN);
  expectVerdict('\\frac{1}{\\sqrt{d_{in}}}', 'd_in^-1.5', 'incorrect', FAN);
  expectVerdict('1024', '2^10', 'correct');
  expectVerdict('1024', '2^11', 'incorrect');
  expectVerdict('10^{-12}', '10^-12', 'correct');
  // A letter after the caret is still one character: `e^2x` is e² times x, `x^2y` is x² times y.
  expectVerdict('x^{2} y', 'x^2y', 'correct');
  expectVerdict('x^{2y}', 'x^2y', 'incorrect');
});

test('notation: norms, with and without sizing commands; the 2-norm', () => {
  expectVerdict('\\|x\\|_2', '\\left\\| x \\right\\|_2', 'correct');
  expectVerdict('\\left\\| W - \\mathbf{1} \\right\\|^2', '\\|W - 1\\|^2', 'correct');
  expectVerdict('\\left\\| W - \\mathbf{1} \\right\\|^2', '\\|W + 1\\|^2', 'incorrect');
  expectVerdict('a\\|x\\| + \\|y\\|', '\\|y\\| + a \\|x\\|', 'correct');
  // What a norm is taken of is a vector: the 1-, 2- and ∞-norms differ, a norm is not its square.
  expectVerdict('\\|x\\|_2', '\\sqrt{x^\\top x}', 'correct');
  expectVerdict('\\|x\\|_1', '\\|x\\|_2', 'incorrect');
  expectVerdict('\\|x\\|_\\infty', '\\|x\\|_1', 'incorrect');
  expectVerdict('\\|x\\|_2^2', '\\|x\\|_2', 'incorrect');
  expectVerdict({ value: '(1, -2, 2)', type: 'vector' }, '(1, -2, 2)', 'correct');
  expectVerdict('5', '\\|(1, -2, 2)\\|_1', 'correct');
  expectVerdict('2', '\\|(1, -2, 2)\\|_\\infty', 'correct');
  expectVerdict('5', '\\|(1, -2, 2)\\|_2', 'incorrect');
  expectVerdict({ value: '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', type: 'relation' }, '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', 'correct', FAN);
  expectVerdict({ value: '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', type: 'relation' }, '\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}', 'incorrect', FAN);
});

test('notation: repeating decimals, thin-space thousands, library shapes', () => {
  expectVerdict('0.\\overline{3}', '\\frac{1}{3}', 'correct');
  expectVerdict('0.\\overline{3}', '0.34', 'incorrect');
  expectVerdict('1.2\\overline{45}', '\\frac{137}{110}', 'correct');
  expectVerdict('1473', '1\\,473', 'correct');
  expectVerdict('1473', '1\\,474', 'incorrect');
  expectVerdict('torch.Size([10, 64, 32, 32])', '(10, 64, 32, 32)', 'correct');
  expectVerdict('torch.Size([10, 64, 32, 32])', '10 \\times 64 \\times 32 \\times 31', 'incorrect');
  expectVerdict('54', '204_5', 'correct');
  expectVerdict('54', '204_6', 'incorrect');
});

test('words: numbers written in words; multi-select choices without options', () => {
  expectVerdict('2', 'two', 'correct');
  expectVerdict('2', 'three', 'incorrect');
  expectVerdict('21', 'twenty-one', 'correct');
  expectVerdict('2', 'The answer is two.', 'correct');
  expectVerdict('A, B, D', 'B, D, A', 'correct');
  expectVerdict('A, B, D', 'ABD', 'correct');
  expectVerdict('A, B, D', 'AB', 'incorrect');
  expectVerdict('\\{2, 0, 0\\}', '\\{0, 2\\}', 'correct');
  expectVerdict('\\{2, 0, 0\\}', '\\{0, 3\\}', 'incorrect');
});

test('notation: primes written as \\prime', () => {
  expectVerdict("f'(z_1)", 'f^{\\prime}\\left(z_{1}\\right)', 'correct');
  expectVerdict("f''(z_1)", 'f^{\\prime\\prime}(z_1)', 'correct');
  expectVerdict("f'(z_1)", 'f^{\\prime\\prime}(z_1)', 'incorrect');
});

test("notation: a unit's power written outside its text (4.9\\ \\text{m/s}^2) belongs to the unit", () => {
  expectVerdict('4.9', '4.9\\ \\text{m/s}^2', 'correct');
  expectVerdict('9.8', 'a = 9.8 \\text{ m s}^{-2}', 'correct');
  // Near misses: a wrong number with the same unit; Euler's e after a number is no unit.
  expectVerdict('4.9', '8.49\\ \\text{m/s}^2', 'incorrect');
  expectVerdict('2', '2\\mathrm{e}^{2}', 'incorrect');
});

test('notation: square brackets that only group, 3\\left[a+b\\right]^2; a signal indexed x[n] stays indexed', () => {
  expectVerdict('3(a+b)^2', '3\\left[a+b\\right]^2', 'correct');
  expectVerdict('2\\sigma^2 (n+1)', '2\\sigma^2\\left[ n + 1 \\right]', 'correct');
  expectVerdict('(n-k+1)^2 \\sigma_x^2', '\\left[n-k+1\\right]^2 \\sigma_x^2', 'correct');
  expectVerdict('6', '3\\left[2\\right]', 'correct');
  // Near misses: the bracket's content still counts, and a name before a bracket indexes it.
  expectVerdict('3(a+b)^2', '3\\left[a-b\\right]^2', 'incorrect');
  expectVerdict('(n-k+1)^2 \\sigma_x^2', '\\left[n-k\\right]^2 \\sigma_x^2', 'incorrect');
  // (Signals indexed by brackets have no values to test at: undecided, never correct.)
  expectVerdict('h[n] x[n-1]', 'h[n-1] x[n]', 'undecided');
  expectVerdict({ value: '[1, 2]', type: 'vector' }, '[1, 2]', 'correct');
});

test('notation: after a name, a bracket around fractions or sums groups (\\gamma\\left[\\frac{a}{b} - c\\right]); around an index it indexes', () => {
  const symbols = { n: { positive: true, integer: true }, gamma: {}, i: { integer: true, positive: true }, j: { integer: true, positive: true } };
  const gradient = '\\frac{\\partial L}{\\partial x_i} = \\gamma\\left(\\frac{\\partial L}{\\partial y_i} - \\frac{1}{n}\\sum_{j=1}^{n}\\frac{\\partial L}{\\partial y_j}\\right)';
  expectVerdict(
    gradient,
    '\\frac{\\partial L}{\\partial x_{i}}=\\gamma \\left[ \\frac{\\partial L}{\\partial y_{i}}-\\frac{1}{n}\\sum_{j}\\frac{\\partial L}{\\partial y_{j}} \\right]',
    'correct',
    symbols,
  );
  expectVerdict('a(bc+1)', 'a\\left[bc + 1\\right]', 'correct');
  // Near misses: the grouped content still counts; `x[n-1]` is still an entry of a signal.
  expectVerdict(gradient, '\\frac{\\partial L}{\\partial x_{i}}=\\gamma \\left[ \\frac{\\partial L}{\\partial y_{i}}-\\sum_{j}\\frac{\\partial L}{\\partial y_{j}} \\right]', 'incorrect', symbols);
  expectVerdict('a(bc+1)', 'a\\left[bc - 1\\right]', 'incorrect');
  expectVerdict('x(n-1)', 'x[n-1]', 'incorrect');
});

test('notation: the optimum mark on the name the key solves for (\\eta^*, w^\\star) names the same quantity', () => {
  const S: SymbolTable = { sigma_l: { positive: true }, sigma_s: { positive: true } };
  expectVerdict('\\eta = \\frac{1}{\\sigma_l^2 + \\sigma_s^2}', '\\eta^{*}=\\frac{1}{\\sigma_{l}^{2}+\\sigma_{s}^{2}}', 'correct', S);
  expectVerdict('w = 3', 'w^\\star = 3', 'correct');
  // Near misses: a wrong value stays wrong, and a starred name of another quantity is not the key's.
  expectVerdict('\\eta = \\frac{1}{\\sigma_l^2 + \\sigma_s^2}', '\\eta^{\\star}=\\frac{2}{\\sigma_{l}^{2}+\\sigma_{s}^{2}}', 'incorrect', S);
  expectVerdict('\\eta = 2', '\\mu^{*} = 2', 'incorrect');
});

test("notation: AsciiMath's bracketed subscripts (`d_(in)`, `W_(ij)`) are LaTeX's braced ones", () => {
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c = 1/sqrt(d_(in))', 'correct');
  expectVerdict('\\sqrt{d_{in} d_{out}}', 'sqrt(d_(in) d_(out))', 'correct');
  // Near misses: the other dimension stays wrong; a bracket after a one-letter subscript is a factor.
  expectVerdict('c = \\frac{1}{\\sqrt{d_{in}}}', 'c = 1/sqrt(d_(out))', 'incorrect');
  expectVerdict('x_2 (a + b)', 'x_2(a + b)', 'correct');
});
