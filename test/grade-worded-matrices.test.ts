import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// A matrix said in words (blind round 31): `40 in every entry, a 3x3 matrix of 40s`, `a 3×3 matrix with
// every entry equal to −40`. Unread, a final answer so given left the part to an earlier reply's matrix
// (a model that gave up a right answer was graded on it). Read as the constant matrix of the size the
// sentence states; a sentence with an exception, or with no value, states no matrix.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'worded-matrices');

function part(file: string, id: string): { verdict: string; answer: string } | undefined {
  const p = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file).find((x) => x.id === id);
  return p && { verdict: p.verdict, answer: p.answer };
}

test('a constant matrix in words, with its size in the sentence, is read as that matrix: right when its value is', { skip: devSkip }, () => {
  assert.deepEqual(part('slack-thread-words.md', '3.c'), { verdict: 'correct', answer: '[-40, -40, -40; -40, -40, -40; -40, -40, -40]' });
});

test('the same words with the wrong value are wrong (the correlation +40), not unread', { skip: devSkip }, () => {
  assert.deepEqual(part('notebook-words-wrong.md', '3.c'), { verdict: 'incorrect', answer: '[40, 40, 40; 40, 40, 40; 40, 40, 40]' });
});

test('near misses: a size with no value, and a value with an exception, state no matrix', { skip: devSkip }, () => {
  for (const file of ['near-miss-words.md', 'near-miss-exception.md']) {
    const got = part(file, '3.c');
    assert.notEqual(got?.verdict, 'correct', `${file}: ${JSON.stringify(got)}`);
    assert.doesNotMatch(got?.answer ?? '', /^\[-?40, -?40, -?40; -?40/, file);
  }
});
