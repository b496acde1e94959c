import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey, roundAgreement } from './hw4-dev.js';
import { unlabelledTurns } from '../src/documents/unlabelled-chat.js';

// Chats copied as text from web apps in which the person's turns carry no label (issue 9, the
// largest class left by the fourth blind round): only a reasoning line, the model's name, an
// initials avatar or the buttons under a reply separate the pasted question from the answer.
// Read as write-ups, the question's own text was graded as the answer. The round in
// test/fixtures/unlabelled-chats was written and labelled before partcredit graded it.
const ROUND = join(ROOT, 'test', 'fixtures', 'unlabelled-chats');
const skip = devSkip;
const grade = (text: string) => Object.fromEntries(gradeWithStaffKey(text));
const roles = (text: string) => unlabelledTurns(text)?.map((m) => m.role);

test('the unlabelled-chats round: agreement with the TA stays at its measured floor', { skip }, async () => {
  const r = await roundAgreement('unlabelled chats', join(ROUND, 'unlabelled-chats.labels.yaml'));
  const o = r.report.overall;
  assert.equal(o.parts, 23);
  // Measured 12/23 (11 confidently wrong) before this class was read.
  assert.ok(o.rightWrong >= 23, `right-vs-wrong ${o.rightWrong}/23`);
  assert.equal(o.confidentlyWrong, 0);
});

const Q1A =
  '(a) First, we will analyze the runtime of a single iteration. Assume that the runtime is dominated by matrix multiplication (which is often true for large d_out, d_in) and that multiplying an n × m matrix by an m × p matrix takes c nmp runtime. What is the runtime of each iteration?';
const Q1B = '(b) Now, consider the case where d_out ≫ d_in. Is there a way to compute p(W) faster? Explain how this can be done and report the updated runtime of each iteration.';
const A1A = 'Two products of cost $c\\,d_{out}^2 d_{in}$ each: $2c\\,d_{out}^2 d_{in}$.';
const A1B = 'Use $W(W^\\top W)$: the runtime is $2c\\,d_{out} d_{in}^2$.';

test('a reasoning line ("Thought for 19 seconds", "Show thinking") ends the pasted question; the site name above it is chrome', { skip }, () => {
  const chat = `DeepSeek\n\nNew chat\n\n${Q1A}\n\nThought for 19 seconds\n\n${A1A}\n\n${Q1B}\n\nThought for 1 minute 4 seconds\n\n${A1B}\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(chat), { '1.a': 'correct', '1.b': 'correct' });
  assert.deepEqual(grade(chat.replaceAll('Thought for', 'Show thinking\n\nThought for')), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: the reply is wrong, and the question's "c nmp" above it is no answer.
  assert.equal(grade(chat.replace('$2c\\,d_{out}^2 d_{in}$.', '$c\\,d_{out}^2 d_{in}$.'))['1.a'], 'partial');
  // Near miss: a sentence that starts with the words is no reasoning line; a write-up stays one.
  assert.equal(roles(`1(a) ${A1A}\n\nThinking completed the argument: both products cost the same.\n`), undefined);
});

test("the model's name alone heads each reply (Le Chat, Copilot, Qwen3-Max); alone at the page's top it is the site's", { skip }, () => {
  const chat = `Le Chat\n\nMistral\n\n${Q1A}\n\nLe Chat\n\n${A1A}\n\n${Q1B}\n\nLe Chat\n\n${A1B}\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(chat), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: a write-up under a title naming the model has no turns.
  assert.equal(roles(`Claude\n\n1(a) ${A1A}\n\n1(b) ${A1B}\n`), undefined);
});

test("the model's name and its status stacked with no blank line (`DeepSeek` / `已深度思考（用时 38 秒）`) are one cue", { skip }, () => {
  const chat = `${Q1A}\n${Q1B}\n\nDeepSeek\n已深度思考（用时 38 秒）\n\n(a) ${A1A}\n\n(b) ${A1B}\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant']);
  assert.deepEqual(grade(chat), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: the model's name over a sentence about it is a write-up's text, no cue.
  assert.equal(roles(`DeepSeek\nDeepSeek is the model these answers come from.\n\n1(a) ${A1A}\n\n1(b) ${A1B}\n`), undefined);
});

test("claude.ai's initials avatar heads the person's turn and nothing heads the reply: the turn is what asks", { skip }, () => {
  const chat = `Claude\n\nHW4\n\nJD\n\n${Q1A}\n\n${A1A}\n\nJD\n\n${Q1B}\n\n${A1B}\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(chat), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: a matrix named by a capital alone on its line, once, in a write-up: no avatar.
  assert.equal(roles('1(a) Let\n\nA\n\nbe the Gram matrix: $2c\\,d_{out}^2 d_{in}$.\n'), undefined);
});

test("the buttons under a reply (Copy / Share / Retry) end it; Edit under the person's message ends theirs", { skip }, () => {
  const chat = `Copilot\n\n${Q1A}\n\nCopilot\n\n${A1A}\n\nCopy\nShare\n\n${Q1B}\n\nCopilot\n\n${A1B}\n\nCopy\nShare\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(chat), { '1.a': 'correct', '1.b': 'correct' });
  // claude.ai: an avatar, Edit under the message, Copy / Retry under the reply, the site's closing line.
  const claude = `S\n\n${Q1A}\n\nEdit\n\n${A1A}\n\nCopy\nRetry\n\nS\n\n${Q1B}\n\nEdit\n\n${A1B}\n\nCopy\nRetry\n\nClaude can make mistakes. Please double-check responses.\n`;
  assert.deepEqual(roles(claude)?.slice(0, 4), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(claude), { '1.a': 'correct', '1.b': 'correct' });
  // `You said` / `Copilot said` with no colon.
  assert.deepEqual(grade(`You said\n\n${Q1A}\n\nCopilot said\n\n${A1A}\n\nYou said\n\n${Q1B}\n\nCopilot said\n\n${A1B}\n`), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: a write-up that notes an edit once has no turns.
  assert.equal(roles(`1(a) ${A1A}\n\nEdited\n\n1(b) ${A1B}\n`), undefined);
});

test('without the problem set, a marked reply ends where the next question opens or the blocks that ask begin', () => {
  const chat = `${Q1A}\n\nThought for 9s\n\n${A1A}\n\n3. Understanding Convolution\n\n(b) Now shift x(n) by N = 5. Compute y_2(n). Which property do you find?\n\nThought for 12s\n\n$y_2[n] = y[n-5]$\n`;
  const turns = unlabelledTurns(chat)!;
  assert.deepEqual(
    turns.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.match(turns[2]!.text, /^3\. Understanding Convolution/);
  assert.doesNotMatch(turns[1]!.text, /Understanding/);
  // Near miss: a reply that ends on its own numbered steps keeps them.
  const steps = `${Q1A}\n\nThought for 9s\n\n${A1A}\n\n1. Form the Gram matrix\n\n2. Multiply by W\n\n${Q1B}\n\nThought for 9s\n\n${A1B}\n`;
  assert.match(unlabelledTurns(steps)![1]!.text, /2\. Multiply by W/);
  // Two replies with no question found between them: read as one, and said so.
  const doubts: string[] = [];
  assert.equal(unlabelledTurns(`${Q1A}\n\nThought for 9s\n\n${A1A}\n\nThought for 9s\n\n${A1B}\n`, undefined, doubts)?.length, 3);
  assert.match(doubts[0]!, /^line 7: a reply follows another with no question found/);
  // With no cue at all, text stays a write-up (its labels decide).
  assert.equal(unlabelledTurns(`${Q1A}\n\n${A1A}\n\n${Q1B}\n\n${A1B}\n`), undefined);
});

test('a write-up that quotes the question before answering: the quoted statement is never the answer', { skip }, () => {
  const quoted = `Homework 4\n\n${Q1A}\n\n${A1A.replace('$2c', '$c')}\n\n${Q1B}\n\n${A1B}\n`;
  assert.deepEqual(grade(quoted), { '1.a': 'partial', '1.b': 'correct' });
  // Near misses: an answer after the question's own words on their line is kept, and answers that restate the question's words are graded.
  assert.deepEqual(grade(`1${Q1A} $2c\\,d_{out}^2 d_{in}$\n`), { '1.a': 'correct' });
  const restated = readFileSync(join(ROUND, 'student-restates.md'), 'utf8');
  assert.deepEqual(grade(restated), { '1.a': 'correct', '1.b': 'partial', '3.b': 'correct' });
});

test("a copy of one part's statement asks that part, after another question's replies; a short remark on a part is discussion", { skip }, () => {
  const q7a =
    '(a) Derive the gradient to the weight matrix dw ∈ R^{k×k}, where dw_{h,l} denotes ∂L/∂w_{h,l}. Also, derive the weight after one SGD step (learning rate η) with a batch of a single image.';
  const a7a = '$$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\,j+l-1}$$ and $w_{h,l} - \\eta\\, dw_{h,l}$.';
  const chat = `JD\n\n${Q1A}\n\n${A1A}\n\nJD\n\n${q7a}\n\n${a7a}\n`;
  assert.deepEqual(grade(chat), { '1.a': 'correct', '7.a': 'correct' });
  // Near miss: "(a) is wrong ..." about the part just answered is no new question; 1.a keeps its first answer.
  const remark = `JD\n\n${Q1A}\n\n${A1A}\n\nJD\n\n(a) is wrong? I think it is only one product.\n\nYou are right to ask: it is still $2c\\,d_{out}^2 d_{in}$.\n`;
  assert.deepEqual(grade(remark), { '1.a': 'correct' });
});

const C3 =
  '(c) The 2D matrices x and h are given below: $x = \\begin{bmatrix} 1 & 2 & 3 & 4 & 5 \\\\ 6 & 7 & 8 & 9 & 10 \\\\ 11 & 12 & 13 & 14 & 15 \\\\ 16 & 17 & 18 & 19 & 20 \\\\ 21 & 22 & 23 & 24 & 25 \\end{bmatrix}, h = \\begin{bmatrix} -1 & -2 & -1 \\\\ 0 & 0 & 0 \\\\ 1 & 2 & 1 \\end{bmatrix}$. Evaluate y. Assume that there is no padding and the stride is 1.';
const M = (v: number) => `$$y = \\begin{bmatrix} ${v} & ${v} & ${v} \\\\ ${v} & ${v} & ${v} \\\\ ${v} & ${v} & ${v} \\end{bmatrix}$$`;
const D2 = '$$y = \\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}$$';

test('a short request typed between two marked replies is the person\'s ("now do (d) ii: ..."), and names its subpart', { skip }, () => {
  const chat = `${C3}\n\nThought for 42s\n\n${M(-40)}\n\nnow do (d) ii: stride 2, pad 1\n\nThought for 20s\n\n${D2}\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(chat), { '3.c': 'correct', '3.d.ii': 'correct' });
  // Near miss: a reply's own closing sentence is no request; with no question found the next reply is more of this one, and said so.
  const doubts: string[] = [];
  assert.deepEqual(
    unlabelledTurns(`${C3}\n\nThought for 42s\n\n${M(-40)}\n\nThe kernel is flipped before sliding.\n\nThought for 20s\n\n${D2}\n`, undefined, doubts)?.map((m) => m.role),
    ['user', 'assistant', 'assistant'],
  );
  assert.equal(doubts.length, 1);
});

test('only the buttons under each reply, no other cue: the first paste is the blocks that ask before them', { skip }, () => {
  const chat = `${C3}\n\n${M(40)}\n\nCopy\nRetry\n\nare you sure? equation (4) flips the kernel\n\n${M(-40)}\n\nCopy\nRetry\n`;
  assert.deepEqual(roles(chat), ['user', 'assistant', 'user', 'assistant']);
  assert.deepEqual(grade(chat), { '3.c': 'correct' });
  // Near miss: a time under a message says nothing of whose it is; one alone makes no chat.
  assert.equal(roles(`3(c) ${M(-40)}\n\n10:42 AM\n\n3(d) ${D2}\n`), undefined);
});

test('a page copied without its blank lines, an avatar among its last lines, is read without error (it crashed the whole batch)', { skip }, () => {
  const text = readFileSync(join(ROUND, 'qwen-avatar-s.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .join('\n');
  assert.doesNotThrow(() => gradeWithStaffKey(text, 'qwen-avatar-s.txt'));
});
