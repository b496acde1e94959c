import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// What a write-up says its answer is (blind round 31's Maple worksheet: `Answer (b): 2 c d_out d_in^2 per
// iteration, faster by the factor d_out/d_in.` under a printed ratio). A label that says so (`Answer (b):`,
// `Final answer (d):`) marks the text after it as the answer, not more working; the formula a plain-text
// answer line opens on, before its words about it, is what it states; and an answer the writer reports as
// someone else's (`My partner thinks the answer is ...`, `According to the sheet the answer is ...`) is
// none of theirs. Near misses: `Solution (b):` heads working, a wrong answer under `Answer (d):` stays wrong.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'answer-labels');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

test("a label that says it gives the answer marks its line's formula over the working's last display", { skip: devSkip }, () => {
  assert.deepEqual(graded('lab-notebook.txt'), { '2.b': 'correct: c = 1/sqrt(d_in)', '2.d': 'correct: alpha = 1/sqrt(d_in)' });
});

test("an answer reported as someone else's is not the writer's", { skip: devSkip }, () => {
  assert.deepEqual(graded('reported-answers.txt'), {
    '2.c': 'correct: ‖|Delta W|‖₂ ≤ sqrt(d_out)',
    '2.e': 'correct: sqrt(d_out)',
    // Near miss: `they all add the same amount, so the answer is ...` reports nobody's answer.
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near misses: `Solution (b):` over working marks nothing; a wrong value under `Answer (d):` stays wrong', { skip: devSkip }, () => {
  const got = graded('near-miss-solution.txt');
  assert.match(got['2.b']!, /^incorrect/);
  assert.equal(got['2.d'], 'incorrect: alpha = 1/d_in');
});

test('a factor the answer is compared by (`smaller than (a) by a factor \\(d_{out}/d_{in}\\)`) is no answer, in `\\(...\\)` math too', { skip: devSkip }, () => {
  assert.deepEqual(graded('comparison-factors.md'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'correct: 2 c d_out d_in^2',
    '4.c': 'correct: L (K - 1) + 1',
  });
});
