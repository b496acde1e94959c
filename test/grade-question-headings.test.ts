import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { readLineLabel } from '../src/documents/part-ids.js';

// Write-ups and chats that head questions and subparts their own way: a numbered question title
// after a skipped question, and a subpart written `**3(b) ii**` in a reply.

const DIR = fileURLToPath(new URL('../../test/fixtures/question-headings/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

/** Each answered part's verdict, `id verdict`, in the key's order. */
function verdicts(file: string): string[] {
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(readFileSync(join(DIR, file), 'utf8'), file, key!, problems));
  return g.parts.filter((p) => p.verdict !== 'missing').map((p) => `${p.id} ${p.verdict}`);
}

test("a numbered question title after a skipped question heads that question ('3. Discrete convolution' after question 1)", () => {
  assert.deepEqual(verdicts('skipped-question.txt'), ['1.a correct', '1.b incorrect', '3.a correct', '3.b.i correct', '3.b.ii correct', '4.a correct', '4.b correct']);
});

test("near miss: a numbered step inside an answer ('3. Multiply by the n p entries' before (b)) stays in the answer", () => {
  assert.deepEqual(verdicts('steps-in-answer.txt'), ['1.a correct', '1.b incorrect', '2.a correct', '2.b correct']);
});

test('a subpart after its part in bold (`**3(b) ii**`) labels that subpart', () => {
  assert.deepEqual(verdicts('chat-bold-subparts.md'), ['3.a correct', '3.b.i correct', '3.b.ii correct', '4.a correct']);
  assert.deepEqual(readLineLabel('**(d) ii:** stride 2'), { part: 'd', subpart: 'ii', length: 11, strong: false });
});

test('near miss: a roman-looking word after a part label is no subpart unless bold or a point closes it', () => {
  for (const line of ['(a) x: the input sequence', '1(a) x: the input', '(b) i.e. the same', '3(b) v = 2']) {
    assert.equal(readLineLabel(line)?.subpart, undefined, line);
  }
});
