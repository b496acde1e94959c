import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// Blind round 34's Mastodon thread reports a model's answers in plain text: the model's words quoted
// after the writer's restatement of the question (`cost ... = c·n·m·p. Magistral: "... each
// c·d_out²·d_in → 2c·d_out²·d_in per iteration."`, `it just wrote "O(d_out·d_in²) per iteration"`,
// `x₂(n) = x(n − 5): "y₂(n) = y(n − 5); ..."`). The restated given was read as the answer. Three
// readings of plain formulas: an arrow between formulas says what the working gives; a formula that
// opens a quotation introduced by a verb of saying or a colon is stated; a colon after an equation or
// a lone number closes it. Here in a report's words; near misses: an arrow to a bare name (a map),
// a quotation of prose before the answer, and `Q2:` before a formula (a name's colon).

const FIXTURES = join(ROOT, 'test', 'fixtures', 'quoted-answers');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

test('the value after an arrow, the formula a report quotes, and the value after a given and its colon are the answers', { skip: devSkip }, () => {
  assert.deepEqual(graded('report-quotes.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'partial: O(d_out d_in^2)',
    '3.b': 'correct: output: y_{2} n = y [n - 5]; property: given x₂(n) = x(n − 5): y₂(n) = y(n − 5), by time invariance.',
  });
});

test('near miss: an arrow to a bare name, a quotation of prose, and a name before its colon leave the stated answers', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-quotes.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.e': 'correct: sqrt(d_out)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});
