import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, staffKey } from './hw4-dev.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { restatedPart } from '../src/documents/restatement.js';

// A person who retypes a problem in their own words (its sizes, numbers and symbols, few of its
// words) and gets an unlabelled answer: the answer is that part's, with a verdict when the request
// retypes that part alone, far ahead of any other. Our own documents, in conventions no round used,
// and near misses (chit-chat, another course, words two parts share) that must place nothing.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'content-placement');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const RETYPED = /answers the request before it/;

test('a chat whose request retypes a part (sizes, layer names, no label) has its reply graded as that part', { skip: devSkip }, () => {
  const parts = gradedPartsWithStaffKey(fixture('retyped-chat.txt'), 't.txt');
  const table = parts.find((p) => p.id === '4.e')!;
  assert.equal(table.verdict, 'correct', table.feedback);
  assert.match(table.feedback, RETYPED);
  // The GPU question and the recurrence of another course: numbers in their replies answer nothing.
  assert.deepEqual(
    parts.filter((p) => RETYPED.test(p.feedback) || p.feedback.includes('placed by its content')).map((p) => p.id),
    ['4.e'],
  );
});

test('a write-up that restates each exercise before its answer: placements go to a person, never to a verdict', { skip: devSkip }, () => {
  const parts = gradedPartsWithStaffKey(fixture('retyped-notes.md'), 't.md');
  const table = parts.find((p) => p.id === '4.e')!;
  // A write-up's paragraph may hold an answer as well as the exercise's words (`(b) Gram matrix first:
  // $2c\,d_{out} d_{in}^2$.`): only a person's own turn in a chat is a request and nothing else. The
  // table under the restatement (FC-3 without its biases, one cell wrong) is found and named, not graded.
  assert.equal(table.verdict, 'missing', table.feedback);
  assert.match(table.feedback, /placed by its content/);
  const decided = parts.filter((p) => p.verdict !== 'missing' && p.verdict !== 'needs-review').map((p) => p.id);
  assert.deepEqual(decided, []);
});

test('near misses: chit-chat, another course, and words two parts share name no part clearly', { skip: devSkip }, () => {
  const { key, problems } = staffKey();
  const assignment = assignmentOf(key, problems);
  assert.equal(restatedPart('thanks, that helps a lot! see you tomorrow', assignment), undefined);
  assert.equal(restatedPart('what does T(n) = 2T(n/2) + n solve to, by the master theorem?', assignment), undefined);
  // `receptive field` is in two parts of question 4: either no part, or one far from clear.
  const field = restatedPart('how big is the receptive field after the layers, with filter size K?', assignment);
  assert.ok(!field || field.parts.length > 1 || field.margin < 2, JSON.stringify(field));
  // Retyped with its symbols and sizes, a part stands out.
  const growth = restatedPart('x_ij, dy_ij independent, mean 0, Var(x)=σx², Var(dy)=σg². Mean and variance of dw_hl as a function of n, k, σx, σg? growth of the std with n?', assignment);
  assert.equal(growth?.id, '7.b');
  assert.ok(growth.margin >= 2, String(growth.margin));
});
