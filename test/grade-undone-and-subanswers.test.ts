import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// Blind round 33's notebook kept as a script: `TODO (b) — shift by N = 5, haven't written it up yet.` is
// the writer's to-do, not an answer (the question's own N = 5 was graded), and `**Answer (i)**` /
// `**Answer (ii)**` head subparts as `**Answer (b)**` heads a part. Near misses: a to-do beside an answer
// (`TODO check the rank-1 argument again. alpha = 1/sqrt(d_in)`) still answers.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'undone-and-subanswers');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer.slice(0, 40)}`]));
}

test("a part whose one line is the writer's to-do saying it is not done is missing; `Answer (ii):` heads subpart (ii)", { skip: devSkip }, () => {
  assert.deepEqual(graded('typora-q3d-answers.md'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '3.d.i': 'correct: [-19, -28, -32, -36, -29; -30, -40, -40,',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 5',
  });
});

test('near miss: a to-do beside an answer, or a note that a write-up is not done yet, leaves the answer graded', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-todo-with-answer.txt'), {
    '2.c': 'correct: sqrt(d_out)',
    '2.d': 'correct: 1/sqrt(d_in)',
    '2.e': 'correct: alpha = sqrt(d_out)',
  });
});
