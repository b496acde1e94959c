import { test } from 'node:test';
import { expectVerdict } from './check-helpers.js';

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
