import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import type { Submission } from '../src/model/submission.js';

// The small problem set 6 key of test/fixtures/question-headings (questions 1-4, part (b) of 3
// with subparts), which the reading tests grade their own fixtures against.

const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));

/** A fixture of `test/fixtures/<dir>` read against the problem set 6 key. */
export function readPs6(dir: string, file: string): Submission {
  return readSubmission(readFileSync(join(ROOT, 'test', 'fixtures', dir, file), 'utf8'), file, key!, problems);
}

/** Each answered part's verdict (`3.a correct`) of a fixture of `test/fixtures/<dir>` graded against the problem set 6 key. */
export function ps6Verdicts(dir: string, file: string): string[] {
  return gradeSubmission(assignmentOf(key!, problems), readPs6(dir, file))
    .parts.filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict}`);
}
