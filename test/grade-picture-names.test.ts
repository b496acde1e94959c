import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts } from './ps6-key.js';

// Questions sent as screenshots the person named for their part (`ps6_q4b.png`, `q2_a.png`) with a
// word or two: the file name says which part the reply answers, however little its words say.

const verdicts = (file: string) => ps6Verdicts('picture-names', file);

test('a screenshot named for its part (`ps6_q4b.png`) places the reply to it there', () => {
  assert.deepEqual(verdicts('named-screenshots.md'), ['2.a correct', '4.b correct']);
});

test('near miss: screenshots named by their date name no part; a reply that names none by its words stays unplaced', () => {
  assert.deepEqual(verdicts('dated-screenshots.md'), ['2.a correct']);
});
