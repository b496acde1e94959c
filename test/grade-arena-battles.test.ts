import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';

// An arena battle copied side by side (the question, `Model A`'s answer, `Model B`'s, the vote
// buttons): the model the person says they grade is graded alone, never parts of both; when they
// name neither, no part is graded as sure.

const DIR = join(ROOT, 'test', 'fixtures', 'arena-battles');
const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));

/** Each answered part's verdict. */
function verdicts(file: string): string[] {
  const sub = readSubmission(readFileSync(join(DIR, file), 'utf8'), file, key!, problems);
  return gradeSubmission(assignmentOf(key!, problems), sub)
    .parts.filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict}`);
}

test('a battle whose person names the model graded (`I voted B is better`): only Model B is graded', () => {
  assert.deepEqual(verdicts('vote-b.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
});

test('a battle naming no model: every part needs review, no part is read from the other column', () => {
  assert.deepEqual(verdicts('unnamed.txt'), ['3.a needs-review', '3.b.i needs-review', '3.b.ii needs-review']);
  const sub = readSubmission(readFileSync(join(DIR, 'unnamed.txt'), 'utf8'), 'unnamed.txt', key!, problems);
  assert.match(sub.warnings.join('\n'), /Model A and Model B/);
});

test('near miss: a write-up that mentions Model A and Model B in its sentences is graded as written', () => {
  assert.deepEqual(verdicts('compared-in-prose.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
});
