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

// Questions sent as screenshots the person named for their part (`ps6_q4b.png`, `q2_a.png`) with a
// word or two: the file name says which part the reply answers, however little its words say.

const DIR = join(ROOT, 'test', 'fixtures', 'picture-names');
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

test('a screenshot named for its part (`ps6_q4b.png`) places the reply to it there', () => {
  assert.deepEqual(verdicts('named-screenshots.md'), ['2.a correct', '4.b correct']);
});

test('near miss: screenshots named by their date name no part; a reply that names none by its words stays unplaced', () => {
  assert.deepEqual(verdicts('dated-screenshots.md'), ['2.a correct']);
});
