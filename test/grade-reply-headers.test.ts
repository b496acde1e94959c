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

// A chat copied from a site that heads each reply with the model's name in a bar (Phind:
// `ANSWER | PHIND-405B MODEL`) and the person's turns with nothing: the bar starts a reply.

const DIR = join(ROOT, 'test', 'fixtures', 'reply-headers');
const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));

/** The format read, then each answered part's verdict. */
function read(file: string): string[] {
  const sub = readSubmission(readFileSync(join(DIR, file), 'utf8'), file, key!, problems);
  const g = gradeSubmission(assignmentOf(key!, problems), sub);
  return [sub.format, ...g.parts.filter((p) => p.verdict !== 'missing').map((p) => `${p.id} ${p.verdict}`)];
}

test("a reply headed by the site's bar naming the model (`ANSWER | PHIND-405B MODEL`) is the model's turn", () => {
  assert.deepEqual(read('phind-copy.txt'), ['chat-text', '1.a correct', '1.b incorrect', '4.a correct', '4.b correct']);
});

test('near miss: a write-up whose answers start `Answer | ...` (no model named) stays a write-up', () => {
  assert.equal(read('answer-line-writeup.txt')[0], 'writeup');
});
