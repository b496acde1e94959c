import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';
import { readsAsProse } from '../src/check/prose.js';
import { expectVerdict } from './check-helpers.js';
import { symbolTable } from '../src/check/protocol.js';

test('words: a position given as row and column where a pair is expected', () => {
  expectVerdict('(3, 1)', 'row 3, column 1', 'correct');
  expectVerdict('(3, 1)', 'The maximum is at row 3, column 1.', 'correct');
  expectVerdict('(3, 1)', 'column 1, row 3', 'correct');
  expectVerdict('(2, 3)', 'row two, column three', 'correct');
  // Near misses: row and column swapped; two different positions named; a negated one.
  expectVerdict('(3, 1)', 'row 1, column 3', 'incorrect');
  expectVerdict('(3, 1)', 'row 3, column 1 or row 1, column 3', 'incorrect');
  expectVerdict('(3, 1)', 'not row 3, column 1', 'incorrect');
});

test('words: ordinals and counts where a number or a lettered choice is expected', () => {
  expectVerdict('2', 'the second option', 'correct');
  expectVerdict('2', 'the second one', 'correct');
  expectVerdict('2', 'two', 'correct');
  expectVerdict('1', 'first', 'correct');
  expectVerdict('2', 'the third option', 'incorrect');
  expectVerdict('2', 'twelve', 'incorrect');
  expectVerdict('B', 'the second option', 'correct');
  expectVerdict('B', 'option 2', 'correct');
  expectVerdict('B', 'the first option', 'incorrect');
  const choice = { value: 'B', type: 'choice' as const, options: ['B'] };
  expectVerdict(choice, 'I would pick the second option.', 'correct');
  expectVerdict(choice, 'I would pick the third option.', 'incorrect');
  // Two positions, or a negated one, name no single choice.
  expectVerdict(choice, 'the first option or the second option', 'incorrect');
  expectVerdict(choice, 'not the first option', 'incorrect');
});

test('words: a count a sentence states, a key with a label, angle-bracket vectors, the end of a chain', () => {
  expectVerdict('6', 'There are six different primes in the prime factorization of 87*89*91*93.', 'correct');
  expectVerdict('70', 'There are 70 ways to select 4 members from a group of 8.', 'correct');
  // Near misses: a different count; a range is no count (the last number decides).
  expectVerdict('7', 'There are six different primes in the prime factorization of 87*89*91*93.', 'incorrect');
  expectVerdict('3', 'There are three or four.', 'incorrect');
  expectVerdict('Period: 2pi/3', 'The graph is periodic with a smallest period of 2π/3.', 'correct');
  expectVerdict('Period: 2pi/3', 'The graph is periodic with a smallest period of π/3.', 'incorrect');
  expectVerdict('Saddle point: (0,0)', 'The critical point is (0,0).', 'correct');
  expectVerdict('Saddle point: (0,0)', 'The critical point is (0,1).', 'incorrect');
  expectVerdict('<3, -7>', '(3, -7)', 'correct');
  expectVerdict('⟨3, -7⟩', '(3, 7)', 'incorrect');
  expectVerdict('\\mu', 'µ', 'correct');
  expectVerdict('3\\sin(x^2) - 2', 'f◦g◦h = f(g(h(x))) = f(\\sin(x^2)) = 3\\sin(x^2)-2', 'correct');
  expectVerdict('3\\sin(x^2) - 2', 'f◦g◦h = f(g(h(x))) = f(\\sin(x^2)) = 3\\sin(x^2)+2', 'incorrect');
});

test('words: a plain-text answer that leads with words ("stable iff a < 0") reads from where its mathematics starts', () => {
  expectVerdict('a < 0', 'stable iff a < 0', 'correct');
  expectVerdict('a < 0', 'it is stable when a < 0', 'correct');
  // Near misses: the bound the other way; words that are the key's own symbols are mathematics, not prose.
  expectVerdict('a < 0', 'stable iff a > 0', 'incorrect', undefined, /wrong way/);
  expectVerdict('\\frac{2}{\\lambda^2}', 'lambda squared', 'incorrect', symbolTable({ lambda: { positive: true } })!);
});

test('words: plain text writes w for omega where the question names omega and not w', () => {
  const omega = symbolTable({ omega: {} })!;
  expectVerdict('X(j\\omega) = \\frac{1}{2 + j\\omega}', 'X(jw) = 1/(2 + jw)', 'correct', omega);
  // Near misses: the sign slip stays wrong; a question that names w keeps it.
  expectVerdict('X(j\\omega) = \\frac{1}{2 + j\\omega}', 'X(jw) = 1/(2 - jw)', 'incorrect', omega);
  expectVerdict('w + \\omega', 'w + w', 'incorrect', symbolTable({ omega: {}, w: {} })!);
});

test('words: a sentence is no product of letters, but words before a colon label the statement after it', () => {
  assert.equal(readsAsProse('Two d_out×d_in×d_out products (WWᵀ, then (3I − WWᵀ)W): T ≈ 2c·d_out²·d_in'), false);
  expectVerdict('2 c d_{out}^2 d_{in}', 'Each of the two products costs: T ≈ 2c·d_out²·d_in', 'correct');
  expectVerdict('2 c d_{out}^2 d_{in}', 'Each of the two products costs: T ≈ c·d_out²·d_in', 'incorrect');
  assert.equal(readsAsProse('Evaluate y with no padding, stride 1'), true);
  // Near misses: prose after the colon is still prose, never letters multiplied.
  const prose = checkAnswer({ value: 'y' }, 'Answer: evaluate y with no padding');
  assert.equal(prose.verdict, 'unparseable', prose.reason);
  assert.match(prose.reason ?? '', /words, not a formula/);
});
