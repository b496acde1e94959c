import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { checkAnswer } from '../src/check/check.js';

// Grading a found answer as a TA does (blind round 32): a bound that states a partial or
// convention answer earns what its equation earns where the key takes the right bound by its
// boundary; a sum with its range typed as the lower limit (`Σ_{i=1..m}`, `∑_{i=1…m}`,
// `\sum_{i,j=1}^{m}`) is the sum over that range; an entry indexed as code indexes an array
// (`w[h][l]`, `x[i+h-1, j+l-1]`) is the entry; and a field's value is never another field's
// equation. Documents of our own, with near misses that must stay as they are.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'bounds-sums-fields');

/** Each answered part of a fixture: its verdict and what was read, by part id. */
function graded(file: string): Map<string, { verdict: string; answer: string }> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return new Map(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, { verdict: p.verdict, answer: p.answer }]));
}

test("a bound stating the key's convention answer (`α ≤ √(d_in d_out)`) earns the convention's credit, as its equation does", { skip: devSkip }, () => {
  // Before, the bound was checked against the right bound only: incorrect.
  assert.deepEqual(graded('obsidian-vault-bound.md').get('2.e'), { verdict: 'partial', answer: 'alpha ≤ sqrt(d_out d_in)' });
  assert.deepEqual(graded('zulip-thread-bound.txt').get('2.e'), { verdict: 'partial', answer: 'alpha ≤ sqrt(d_in d_out)' });
  // Near misses: a bound the other way earns nothing, and the right bound stays right.
  assert.deepEqual(graded('near-miss-bound-direction.md').get('2.e'), { verdict: 'incorrect', answer: 'alpha ≥ sqrt(d_in d_out)' });
  assert.deepEqual(graded('near-miss-bound-right.md').get('2.e'), { verdict: 'correct', answer: 'alpha ≤ sqrt(d_out)' });
});

test('a sum whose range is typed as its lower limit (`∑_{i=1…m}`, `\\sum_{i,j=1}^{m}`) is the sum over that range', { skip: devSkip }, () => {
  // Before, the range could not be read and the gradient was no answer: partial for the update alone.
  const gradient = 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}';
  assert.deepEqual(graded('logseq-journal-sums.md').get('7.a'), { verdict: 'correct', answer: gradient });
  assert.deepEqual(graded('typora-shared-limits.md').get('7.a'), { verdict: 'correct', answer: gradient });
  // The range's ends are read as numbers (`1..10` is 1 to 10, not 1 and .10), with or without commas around the dots.
  for (const written of ['\\sum_{k=1..10} k', 'Σ_{k=1,…,10} k', '∑_{k = 1, \\ldots, 10} k']) assert.equal(checkAnswer({ value: '55' }, written).verdict, 'correct', written);
  assert.equal(checkAnswer({ value: '55' }, '\\sum_{k=1..9} k').verdict, 'incorrect');
  // Near misses: a range read as its sum keeps an index shift or a short range wrong.
  assert.deepEqual(graded('near-miss-shifted-sum.md').get('7.a'), {
    verdict: 'partial',
    answer: 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h,j + l})); update: w_{h,l} - eta dw_{h,l}',
  });
  assert.deepEqual(graded('near-miss-short-range.md').get('7.a'), {
    verdict: 'partial',
    answer: 'gradient: dw_{h,l} = sum(i=1..m - 1, sum(j=1..m - 1, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}',
  });
});

test("entries indexed as arrays (`w[h][l]`, `x[i+h-1, j+l-1]`) are read as entries, and each field takes its own equation, never its neighbour's", { skip: devSkip }, () => {
  // Before, `w[h, l]` was w times a pair, and the gradient field took the update's equation.
  assert.deepEqual(graded('hn-comment-array-indices-right.txt').get('7.a'), {
    verdict: 'correct',
    answer: 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}',
  });
  // Near miss: 0-based indices in a 1-based problem keep the gradient wrong; the step alone is right.
  assert.deepEqual(graded('hn-comment-array-indices.txt').get('7.a'), {
    verdict: 'partial',
    answer: 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h,j + l})); update: w_{h,l} - eta dw_{h,l}',
  });
});
