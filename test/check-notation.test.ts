import { test } from 'node:test';
import { expectVerdict } from './check-helpers.js';
import type { SymbolTable } from '../src/model/symbols.js';

const FAN: SymbolTable = { fan_in: { positive: true }, fan_out: { positive: true }, d_in: { positive: true }, d_out: { positive: true } };

test('notation: upright names with subscripts, unbraced one-letter subscripts', () => {
  expectVerdict('\\frac{1}{\\sqrt{fan_{in}}}', '\\frac{1}{\\sqrt{\\mathrm{fan}_{in}}}', 'correct', FAN);
  expectVerdict('\\frac{1}{\\sqrt{fan_{in}}}', '\\frac{1}{\\sqrt{\\mathrm{fan}_{out}}}', 'incorrect', FAN);
  expectVerdict('4 d_h d_x', '4d_hd_x', 'correct');
  expectVerdict('4 d_h d_x', '4d_hd_h', 'incorrect');
});

test('notation: norms, with and without sizing commands; the 2-norm', () => {
  expectVerdict('\\|x\\|_2', '\\left\\| x \\right\\|_2', 'correct');
  expectVerdict('\\left\\| W - \\mathbf{1} \\right\\|^2', '\\|W - 1\\|^2', 'correct');
  expectVerdict('\\left\\| W - \\mathbf{1} \\right\\|^2', '\\|W + 1\\|^2', 'incorrect');
  expectVerdict('a\\|x\\| + \\|y\\|', '\\|y\\| + a \\|x\\|', 'correct');
  expectVerdict({ value: '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', type: 'relation' }, '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', 'correct', FAN);
  expectVerdict({ value: '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', type: 'relation' }, '\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}', 'incorrect', FAN);
});
