/**
 * Questions posted as pictures with no number anywhere, and no problem set to match words
 * against: the replies label parts only. A TA takes the screenshots as pasted in turn; so does
 * partcredit, and says so when the labels do not fit the question taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

const KEY = loadKey(
  `partcredit: 1
parts:
  1.a: { answer: '12' }
  1.b: { answer: '7' }
  1.c: { answer: '3' }
  2.a: { answer: '40' }
  2.b: { answer: '0.5' }
`,
  'k.yaml',
).key!;

const verdicts = (chat: string) =>
  gradeSubmission(KEY, readSubmission(chat, 's', KEY))
    .parts.map((p) => `${p.id} ${p.verdict}`)
    .join(', ');

test("replies to pictures, labelled by part only, answer the key's questions in turn", () => {
  const chat = `## User

[File]: Screenshot 2025-10-02 at 10.14.png

## Assistant

**(a)** The count is $12$.

**(b)** It takes $7$ steps.

**(c)** The rank is $3$.

## User

[File]: Screenshot 2025-10-02 at 10.15.png
solve this

## Assistant

(a) The width is $40$.

(b) The probability is $\\frac{1}{2}$.
`;
  assert.equal(verdicts(chat), '1.a correct, 1.b correct, 1.c correct, 2.a correct, 2.b correct');
  // Near miss: a wrong answer of the second question is wrong, taken as surely as the right ones.
  assert.equal(verdicts(chat.replace('$40$', '$44$')), '1.a correct, 1.b correct, 1.c correct, 2.a incorrect, 2.b correct');
});

test('near miss: a second picture of the same question (its last part) stays in that question', () => {
  const chat = `## User

[File]: q1-top.png

## Assistant

(a) The count is $12$.

(b) It takes $7$ steps.

## User

[File]: q1-bottom.png

## Assistant

(c) The rank is $3$.
`;
  assert.equal(verdicts(chat), '1.a correct, 1.b correct, 1.c correct, 2.a missing, 2.b missing');
});

test("near miss: labels that are not the next question's first parts are a doubt, sent to a person", () => {
  const chat = `## User

[File]: q1.png

## Assistant

(a) The count is $12$.

(b) It takes $7$ steps.

(c) The rank is $3$.

## User

[File]: q2-part-b.png

## Assistant

(b) The probability is $\\frac{1}{2}$.
`;
  const grade = gradeSubmission(KEY, readSubmission(chat, 's', KEY));
  const b = grade.parts.find((p) => p.id === '2.b')!;
  assert.equal(b.verdict, 'needs-review');
  assert.match(b.feedback ?? '', /posted as a picture/);
});
