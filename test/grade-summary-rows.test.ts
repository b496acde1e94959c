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

// A reply that answers parts under their labels, then ends on a summary table of them: a TA
// grades what the reply ends on, so each part's row is its final answer, the body its first.

const DIR = join(ROOT, 'test', 'fixtures', 'summary-rows');
const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));

/** Each answered part's final and first verdicts, `id final/first`. */
function verdicts(file: string): string[] {
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(readFileSync(join(DIR, file), 'utf8'), file, key!, problems));
  return g.parts.filter((p) => p.verdict !== 'missing').map((p) => `${p.id} ${p.verdict}/${p.first?.verdict ?? p.verdict}`);
}

test("a summary table's row that differs from the part's answer above it is the reply's final answer", () => {
  assert.deepEqual(verdicts('summary-differs.md'), ['1.a correct/correct', '1.b incorrect/correct', '4.a correct/correct']);
});

test('near misses: a summary that agrees with the body, and a reply that is only a table, keep their answers', () => {
  assert.deepEqual(verdicts('summary-agrees.md'), ['1.a correct/correct', '1.b correct/correct', '4.a correct/correct']);
  assert.deepEqual(verdicts('table-only.md'), ['1.a correct/correct', '1.b correct/correct', '4.a correct/correct']);
});
