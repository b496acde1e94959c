import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { pieceAsked } from '../src/grade/piece-asked.js';

// A follow-up that corrects one piece of a several-piece answer (blind round 36): a part's named
// answers (mean / variance / growth; weights / biases / output shape) take the reply to a follow-up
// that asks about one of them by name as that one's attempt, the others staying as the earlier reply
// gave them; a table corrected by restating one row alone (`| FC-3 | 1473 | 3 |`) is the earlier table
// with that row replaced. Documents of our own, with near misses that must stay as they are.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'piece-follow-ups');

/** A fixture's part: its verdict and what was read. */
function graded(file: string, id: string): { verdict: string; answer: string } | undefined {
  const p = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file).find((x) => x.id === id);
  return p && { verdict: p.verdict, answer: p.answer };
}

test("a reply to a follow-up about one named piece is that piece's final answer; the other pieces stay", { skip: devSkip }, () => {
  // Before, the growth stayed the first reply's labelled O(n^2): partial.
  const growth = graded('claude-growth-of-sd.txt', '7.b')!;
  assert.equal(growth.verdict, 'correct');
  assert.match(growth.answer, /^mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2; growth: .*\\Theta\(n\)/);
  // Before, the biases stayed the labelled 1.
  assert.deepEqual(graded('chatgpt-one-bias-per-filter.md', '4.a'), {
    verdict: 'correct',
    answer: 'weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
  });
});

test("near misses: a reply that keeps the piece, one that gives it no value, one that restates every piece, a write-up's correction", { skip: devSkip }, () => {
  const kept = graded('near-miss-growth-kept.txt', '7.b')!;
  assert.equal(kept.verdict, 'partial');
  assert.match(kept.answer, /growth: .*O\(n\^2\)/);
  // A whole answer restated replaces the whole: its wrong variance is read, not the earlier right one.
  assert.deepEqual(graded('near-miss-restates-all.txt', '7.b'), { verdict: 'partial', answer: 'mean: 0; variance: (n - k)^2 sigma_x^2 sigma_g^2; growth: $O(n)$' });
  // A reply to a follow-up about the biases that gives them no value leaves the earlier one.
  assert.deepEqual(graded('near-miss-bias-reply-no-value.md', '4.a'), {
    verdict: 'partial',
    answer: 'weights: K^2 C F; biases: 1; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
  });
  // A write-up's own correction line is read as it was.
  assert.equal(graded('near-miss-writeup-correction.md', '4.a')?.verdict, 'correct');
});

test('a table corrected by one row restated alone is the earlier table with that row replaced', { skip: devSkip }, () => {
  // Before, the one-row table was no table: FC-3 stayed 1470, partial.
  assert.equal(graded('claude-fc-row-fixed.txt', '4.e')?.verdict, 'correct');
  // Near miss: a one-row table naming no row of the key (a total) changes nothing.
  assert.equal(graded('near-miss-one-row-total.txt', '4.e')?.verdict, 'partial');
});

test('the piece a follow-up asks about: the one named, not set aside, not as a verb', () => {
  const names = ['mean', 'variance', 'growth'];
  assert.deepEqual(pieceAsked('The question asks for the growth of the standard deviation, not the variance. Is O(n^2) right?', names), 'growth');
  assert.deepEqual(pieceAsked('Is the variance right? I get a different one.', names), 'variance');
  // "what do you mean" asks about no mean; a question naming every piece is about the whole answer.
  assert.equal(pieceAsked('What do you mean by that?', names), undefined);
  assert.equal(pieceAsked('Please recheck the mean, the variance and the growth.', names), undefined);
  // Two pieces named: the reply may answer either, so neither is read from it.
  assert.equal(pieceAsked('why F biases and not one per weight?', ['weights', 'biases', 'output_shape']), undefined);
  // Plurals and names written with an underscore.
  assert.deepEqual(pieceAsked('Is the bias count right?', ['weights', 'biases', 'output_shape']), 'biases');
  assert.deepEqual(pieceAsked('check the output shape again', ['weights', 'biases', 'output_shape']), 'output_shape');
});
