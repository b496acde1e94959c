import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';

// A part whose label the reader never found (a page numbering its answers as nobody had seen) is
// looked for by its content, as a TA looks for it: only in what the model wrote that no part was
// aligned to, never in the person's turns or remarks, under a sibling's label, in another
// question's reply, or in the problem set's own words. Our own conversations, not a round's.

const part = (text: string, id: string) => gradedPartsWithStaffKey(text, 'chat.md').find((p) => p.id === id)!;

/** A chat with a person's turns under `**Ana:**` and the model's under `**Model:**`. */
const chat = (...turns: [string, string][]) => turns.flatMap(([who, text]) => [`**${who}:**`, '', text, '']).join('\n');

// (Asked in words that name one part: words that fit two parts about equally leave both to a person.)
const ASK_FIELD = 'stacking L conv layers, K x K each, stride 1: how wide is the receptive field of the last output?';
const FIELD_RIGHT = 'Every added stride-1 layer widens the view by $K-1$, starting from $K$, so the last output sees\n\n$$L(K-1)+1$$\n\npixels along each side.';
const ASK_SCALE = 'we init W from N(0,1) for fp8. which constant scalar c in y = c W x brings back the benefits of xavier initialization?';
const SCALE_RIGHT = 'Each output sums $d_{in}$ unit-variance terms, so its variance is $c^2 d_{in}$; Xavier wants 1, so\n\n$$c = \\frac{1}{\\sqrt{d_{in}}}.$$';

test('a part answered in a reply the reader aligned to no part is found by its content, and says so', { skip: devSkip }, () => {
  // (A sibling placed under its label first: a question none of whose parts was placed is left to its reading.)
  const text = chat(
    ['Ana', 'Question 4 (a): how many weights and biases has the conv layer?'],
    ['Model', '**4(a)** $K^2 C F$ weights and $F$ biases.'],
    ['Ana', `[[ block four / piece three ]] ${ASK_FIELD}`],
    ['Model', FIELD_RIGHT],
  );
  const g = part(text, '4.c');
  assert.equal(g.verdict, 'correct');
  assert.match(g.source ?? '', /found by its content, not under its label/);
  assert.match(g.feedback, /found by its content/);
  assert.equal(g.confidence?.alignment, 0.6);
  // Near miss: a wrong receptive field in the same place is no answer found; the part stays missing.
  const wrong = part(text.replace('$$L(K-1)+1$$', '$$L(K-1)$$'), '4.c');
  assert.equal(wrong.verdict, 'missing');
});

test("the answer only in the person's own turn, or in a remark the person marks as theirs, is not found", { skip: devSkip }, () => {
  // The person states the answer while asking; the model's reply never gives it.
  const asked = chat(
    ['Ana', `is the receptive field of L stacked K x K stride-1 layers really $L(K-1)+1$?`],
    ['Model', 'It depends on the stride and on whether the layers are dilated; stacking widens the view.'],
  );
  // (The reader may align the reply to (c) by the question's words; by content it is never found right.)
  assert.notEqual(part(asked, '4.c').verdict, 'correct');
  assert.doesNotMatch(part(asked, '4.c').source ?? '', /found by its content/);
  // The answer only in the person's own marked remark inside the copied reply.
  const remark = chat(['Ana', ASK_FIELD], ['Model', 'It depends on the stride; stacking widens the view.\n\nMy comment: it should have said $L(K-1)+1$.']);
  // (Its words now name the part, so the reader aligns the reply to it; the remark's answer is never the model's.)
  assert.notEqual(part(remark, '4.c').verdict, 'correct');
  assert.doesNotMatch(part(remark, '4.c').source ?? '', /found by its content/);
});

test("the answer only under a sibling's label, or in another question's reply, is that part's, not this one's", { skip: devSkip }, () => {
  // Under (d)'s label (its working restates the stacked field): 4.d's response, never 4.c's.
  const sibling = chat(
    ['Ana', 'Question 4 (d): what about a 2x2 max pool with stride 2 after the layers?'],
    ['Model', `**(d)** Before the pool the field is $L(K-1)+1$; the pool doubles the step of everything after it.`],
  );
  assert.equal(part(sibling, '4.c').verdict, 'missing');
  // In a reply labelled as question 7's: another question's response.
  const other = chat(
    ['Ana', 'Question 7 (a): gradient of the loss with respect to w_{h,l}?'],
    ['Model', `**7(a)** Each weight is shared by every output position, $dw_{h,l} = \\sum_{i,j} dy_{i,j} x_{i+h-1,j+l-1}$ (the window it sees is $L(K-1)+1$ wide once stacked).`],
  );
  assert.equal(part(other, '4.c').verdict, 'missing');
});

test("another part's answer found by content is not taken for a sibling whose key answer has the same right side", { skip: devSkip }, () => {
  const text = chat(
    ['Ana', 'Question 2 (a): why does a Xavier-scale fp8 init lose precision?'],
    ['Model', '**2(a)** Its weights fall into the subnormals.'],
    ['Ana', ASK_SCALE],
    ['Model', SCALE_RIGHT],
  );
  assert.equal(part(text, '2.b').verdict, 'correct');
  // 2(d)'s key is alpha = 1/sqrt(d_in): the c found for (b) is not its answer.
  assert.equal(part(text, '2.d').verdict, 'missing');
});

test("a write-up's copy of the problem statement is the question, not an answer to it", () => {
  const { key } = loadKey(['partcredit: 1', 'parts:', '  1.a:', "    answer: 'n p (1-p)'", '  1.b:', "    answer: 'n p'"].join('\n'), 'binomial.key.yaml');
  const problems = parseProblemSet(['# Homework', '', '## 1. Coin flips', '', '(a) Show that the variance of a Binomial(n, p) count is $n p (1-p)$.', '', '(b) What is its mean?', ''].join('\n'));
  const grade = (text: string) => gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'hw.txt', key!, problems)).parts;
  // The student copies the statement and answers neither part under a label the reader knows.
  const copied = grade('Coin flips, first bit: Show that the variance of a Binomial(n, p) count is $n p (1-p)$.\n\nI ran out of time here.\n');
  assert.equal(copied.find((p) => p.id === '1.a')!.verdict, 'missing');
  // Near miss: the same write-up giving the mean in its own words, under no label, is found.
  const answered = grade('Coin flips, second bit: each flip adds p on average, so the mean is $np$.\n\n1(a) I could not finish this one.\n');
  assert.equal(answered.find((p) => p.id === '1.b')!.verdict, 'correct');
});
