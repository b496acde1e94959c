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

/** Each part's verdict on a chat, graded with `key`. */
const verdictsWith = (key: typeof KEY) => (chat: string) =>
  gradeSubmission(key, readSubmission(chat, 's', key))
    .parts.map((p) => `${p.id} ${p.verdict}`)
    .join(', ');
const verdicts = verdictsWith(KEY);

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

test("photos a phone posts (`IMG_2041.HEIC`) are pictures as screenshots are: the replies answer the key's questions in turn", () => {
  const chat = (second: string) => `## User

[File]: IMG_2041.HEIC

## Assistant

**(a)** The count is $12$.

**(b)** It takes $7$ steps.

**(c)** The rank is $3$.

## User

[File]: ${second}

## Assistant

(a) The width is $40$.

(b) The probability is $\\frac{1}{2}$.
`;
  assert.equal(verdicts(chat('IMG_2042.heic')), '1.a correct, 1.b correct, 1.c correct, 2.a correct, 2.b correct');
  // Near miss: a file that is no picture or PDF (a notebook) is no upload of the question.
  assert.notEqual(verdicts(chat('hw4.ipynb')), '1.a correct, 1.b correct, 1.c correct, 2.a correct, 2.b correct');
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

// Chat exports often drop the picture's own mark: the person's words say a picture was sent.
const TITLED = loadKey(
  `partcredit: 1
parts:
  1.a: { title: Recovering a length-3 filter from a 1D convolution, answer: { type: vector, value: '(2, -1, 3)' } }
  1.b: { title: Output length of a strided convolution, answer: '3' }
  2.a: { title: Parameters of a traditional convolution layer, answer: '108' }
  2.b: { title: Parameters of the depthwise separable convolution layer, answer: '39' }
`,
  'k.yaml',
).key!;

const titled = verdictsWith(TITLED);

const SAID_NOT_SHOWN = `## User

I want you to solve some problems on convolutions. Can you solve the attached problem?

## Assistant

**(a) Finding the filter**
Setting up the three dot products gives the filter $[2, -1, 3]$.

**(b) Output length**
With stride 2 the output has $3$ entries.

## User

Let's move on to the next question, on depthwise separable convolutions. Please solve the attached problem.

## Assistant

**(a) Traditional convolution layer**
Each of the 4 filters is $3 \\times 3 \\times 3$, so the layer has $108$ learnable parameters.

**(b) Depthwise separable convolution layer**
Depthwise $27$ plus pointwise $12$: the layer has $39$ learnable parameters in all.
`;

test('a picture the person only mentions ("solve the attached problem"): the replies answer the questions in turn', () => {
  assert.equal(titled(SAID_NOT_SHOWN), '1.a correct, 1.b correct, 2.a correct, 2.b correct');
  // Near miss: a wrong count in the second picture's reply is wrong, as surely as the right ones are right.
  assert.equal(titled(SAID_NOT_SHOWN.replace('$39$', '$27$')), '1.a correct, 1.b correct, 2.a correct, 2.b incorrect');
});

test('near miss: a question typed out beside a mention of an attachment is a typed question, not a picture', () => {
  const chat = `## User

Question 2 (see the attached figure for the layer): (a) Count the parameters of a traditional $3 \\times 3$ convolution layer from 3 channels to 4.

## Assistant

**(a)** The layer has $108$ learnable parameters.
`;
  assert.equal(titled(chat), '1.a missing, 1.b missing, 2.a correct, 2.b missing');
});

/** A chat whose replies to pictures label nothing: each answers the next part, in the key's order. */
const UNLABELLED = `## User

[File]: q1.png
Please solve the problem attached

## Assistant

Counting the cells row by row gives $12$.

## User

[File]: q1-next.png

## Assistant

The walk takes $7$ steps.

## User

[File]: q1-last.png

## Assistant

The rank is $3$.

## User

[File]: q2.png
Please solve the problem attached

## Assistant

The width works out to $40$.
`;

test('unlabelled replies to pictures: the chat\'s first picture is the key\'s first question, and one sent with "solve the problem attached" after its last part is the next', () => {
  assert.equal(verdicts(UNLABELLED), '1.a correct, 1.b correct, 1.c correct, 2.a correct, 2.b missing');
  // Near miss: a bare picture after the question's last part is more of that part's answer (a second screenshot of it).
  assert.equal(verdicts(UNLABELLED.replace('[File]: q2.png\nPlease solve the problem attached', '[File]: q1-more.png')), '1.a correct, 1.b correct, 1.c incorrect, 2.a missing, 2.b missing');
});
