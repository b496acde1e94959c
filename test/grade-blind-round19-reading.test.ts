import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { readLineLabel } from '../src/documents/part-ids.js';
import { isLabelledRemark } from '../src/documents/labelled-remarks.js';
import { readMessages } from '../src/documents/transcripts.js';
import { speakerLines } from '../src/documents/speaker-lines.js';

// Blind round 19's reading classes (issue 9), each in a conversation of our own, not the round's:
// students copying a chat into a course report mark their own lines and head their own turns in
// ways partcredit did not know. Each class has a near miss that must read as it did before.

const RECEPTIVE = 'Each stride-1 layer adds $K-1$ to the field, and the first covers $K$, so the last output sees $L(K-1)+1$ pixels per side.';
const POOLING = 'No padding, channel by channel: $\\left(\\lfloor\\frac{W-K}{S}\\rfloor+1\\right) \\times \\left(\\lfloor\\frac{H-K}{S}\\rfloor+1\\right) \\times C$.';
const ASK_RECEPTIVE = 'if I stack L conv layers, filter size K and stride 1, how big is the receptive field of the last output?';
const ASK_POOLING = 'and a max pooling layer with stride S and filter size K on a W x H x C input, what shape comes out?';

test("a chat exported with the person's own name as the bold label over their turns (`**Tomás:**` / `**Claude:**`) is a chat; the model's own bold labels stay in its reply", { skip: devSkip }, () => {
  const log = [
    '# Week 5 log with Claude 3.5 Haiku',
    '',
    '**Tomás:**',
    '',
    ASK_RECEPTIVE,
    '',
    '**Claude:**',
    '',
    '**Why:** stacking widens what one output sees.',
    '',
    RECEPTIVE,
    '',
    '**Tomás:**',
    '',
    ASK_POOLING,
    '',
    '**Claude:**',
    '',
    POOLING,
  ].join('\n');
  const g = gradeWithStaffKey(log, 'week5.md');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: the reply's `**Why:**` heads no turn of a person's; it is the model's words.
  const turns = readMessages(speakerLines(log), 'markdown-chat').filter((m) => m.role !== 'note');
  assert.deepEqual(
    turns.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.match(turns[1]!.text, /\*\*Why:\*\*/);
  // Near miss: two different names over the model's turns are no one person's label; the text is left as it was.
  const two = log.replace('**Tomás:**', '**Inés:**');
  assert.equal(speakerLines(two), two);
});

const ASK_RUNTIME = [
  '1. Newton-Schulz Runtime',
  'p(W) = 1/2 (3 I - W W^T) W for W in R^{d_out x d_in}; multiplying n x m by m x p costs c n m p.',
  '(a) What is the runtime of one iteration?',
  '(b) If d_out >> d_in, how can p(W) be computed faster, and what is the runtime then?',
].join('\n');
const RUNTIME =
  '(a) Two products, $WW^T$ and then $(3I - WW^T)W$, each $c\\,d_{out}^2 d_{in}$: in all $2c\\,d_{out}^2 d_{in}$.\n\n(b) Use $p(W) = \\frac12 W(3I - W^TW)$: in all $2c\\,d_{out} d_{in}^2$.';
// A turn that opens on its question's number in a long sentence, the parts pasted under it: the number is all that says question 2.
const ASK_MUP = [
  'Question 2 is the muP one and it is long, so here are only the two parts I want, the setup in short: W in R^{d_out x d_in}, x in R^{d_in}, y = cWx.',
  '(b) which constant c in y = cWx gives Xavier back when W ~ N(0,1)?',
  '(c) and how big may the spectral norm of ΔW be then, so that Δy has RMS norm at most 1?',
].join('\n');
const MUP = '## (b) The constant\n\n$c = 1/\\sqrt{d_{in}}$, since then $\\operatorname{Var}(y_i) = c^2 d_{in} = 1$.\n\n## (c) The bound\n\n$\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$.';

test('a remark its writer marks as theirs (`My notes:`, `(my note: ...)`) is a note: it does not hide the question number the next turn opens with', { skip: devSkip }, () => {
  const chat = (remark: string) => ['New chat', '', 'TK', '', ASK_RUNTIME, '', RUNTIME, '', 'Copy', 'Retry', '', remark, '', '=====', '', ASK_MUP, '', MUP, '', 'Copy', 'Retry'].join('\n');
  for (const remark of ['My notes: right first time; it counted both products of the Newton-Schulz iteration, like the solutions.', '(my note: fine, both runtimes as in the solutions)']) {
    const g = gradeWithStaffKey(chat(remark), 'tk.txt');
    assert.equal(g.get('1.b'), 'correct', remark);
    assert.equal(g.get('2.b'), 'correct', remark);
    assert.equal(g.get('2.c'), 'correct', remark);
  }
  // Near miss: a model's own `Note:` and `**Comment:**` are its words, not a person's remark.
  assert.equal(isLabelledRemark('Note: the floor is needed when S does not divide W - K.'), false);
  assert.equal(isLabelledRemark('**Comment:** the Gram form also saves memory.'), false);
  assert.equal(isLabelledRemark('My comment: (b) matches the key.'), true);
});

const POOLING_WRONG = 'The window fits $(W-K)/S$ times per side, so the output is $\\frac{W-K}{S} \\times \\frac{H-K}{S} \\times C$.';
/** Problem 4 (b) and (c) asked in one turn and answered in one reply, (b) wrongly: where a push-back or a revision starts. */
const ASKED_B_AND_C = ['**User:**', '', 'Problem 4, two of its parts:', `(b) ${ASK_POOLING}`, `(c) ${ASK_RECEPTIVE}`, '', '**Assistant:**', '', `(b) ${POOLING_WRONG}`, '', `(c) ${RECEPTIVE}`, ''];

test("a push-back that names the one answered part it doubts (`double-check (b) please`) gets that part's new attempt, even when the reply recaps the others by letter", { skip: devSkip }, () => {
  const chat = (pushBack: string, revision: string) => [...ASKED_B_AND_C, '**User:**', '', pushBack, '', '**Assistant:**', '', revision].join('\n');
  const fixed = `You are right, I dropped the first position of the window.\n\n${POOLING}\n\nThe rest stands: (c) $L(K-1)+1$.`;
  const g = gradeWithStaffKey(chat("double-check (b) please, I don't think the count of positions works like in (c)", fixed), 'pushback.md');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: a push-back that names no part is about the part answered last, as before; (b) keeps its wrong answer.
  const vague = gradeWithStaffKey(chat('are you sure? check again', `You are right to ask; I checked it again.\n\n${RECEPTIVE}`), 'vague.md');
  assert.equal(vague.get('4.b'), 'incorrect');
  assert.equal(vague.get('4.c'), 'correct');
});

test('one exchange copied from a chat page (a side menu, screenshots sent with "please solve problem 4 ...", one reply, its buttons on one line) is a chat; a write-up with a figure and no buttons stays one', {
  skip: devSkip,
}, () => {
  const page = (buttons: string) =>
    [
      'Workspace',
      'History',
      'Settings',
      '',
      '[File]: cnn_q_b.jpg',
      '[File]: cnn_q_c.jpg',
      '',
      'please solve problem 4 for me, only parts b and c',
      '',
      'Sure. Both parts follow from counting window positions.',
      '',
      `**(b)** ${POOLING}`,
      '',
      `**(c)** ${RECEPTIVE}`,
      '',
      buttons,
      '',
      'my notes: both fine.',
    ].join('\n');
  const g = gradeWithStaffKey(page('Copy    Share    Regenerate'), 'page.txt');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.has('1.b'), false);
  // Near miss: the same text without the reply's buttons (and its pictures) is no chat: it stays a write-up.
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  assert.equal(readSubmission(page('').replace(/^\[File\].*$/gm, ''), 'w.txt', key!).format, 'writeup');
});

test("a note marked `>>` under a reply is the person's: the part it names does not take the reply from the part asked", { skip: devSkip }, () => {
  const chat = [
    'User',
    `Problem 4 (b): ${ASK_POOLING}`,
    '',
    'Assistant',
    POOLING_WRONG,
    '',
    'User',
    `(c) ${ASK_RECEPTIVE}`,
    '',
    'Assistant',
    RECEPTIVE,
    '',
    '>> (b) is off to me: the window has one more position than that. will ask about it later',
  ].join('\n');
  const g = gradeWithStaffKey(chat, 'chevrons.txt');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'incorrect');
  // Near miss: a terminal's `>>>` prompt and a reply's own one-level quote are no person's note.
  assert.equal(isLabelledRemark('>>> what shape comes out of the pooling layer?'), false);
  assert.equal(isLabelledRemark('> (b) the pooling shape, restated'), false);
});

test("a report's log of a chat (each prompt quoted, the reply under the model's name in bold) is a chat, and its closing table of verdicts is the person's, not the model's final answers", {
  skip: devSkip,
}, () => {
  const report = [
    '# Report: Mistral on the CNN question',
    '',
    '#### Exchange 1',
    '',
    `> Problem 4 (b): ${ASK_POOLING}`,
    '',
    '**Mistral:**',
    '',
    POOLING,
    '',
    '#### Exchange 2',
    '',
    `> (c) ${ASK_RECEPTIVE}`,
    '',
    '**Mistral:**',
    '',
    RECEPTIVE,
    '',
    '## What I found',
    '',
    '| Part | What it said | Correct? |',
    '|---|---|---|',
    '| 4(b) | floor shape over C channels | yes |',
    '| 4(c) | one plus L times K minus one | yes |',
  ].join('\n');
  const g = gradeWithStaffKey(report, 'report.md');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: a reply's own summary table, with no column that grades, is the reply's.
  assert.equal(isLabelledRemark('| Part | Answer |\n|---|---|\n| (b) | $C$ channels |'), false);
  // Near miss: a write-up that quotes the question once and names the model once is left as it is.
  const once = ['> Problem 4 (b): what shape comes out?', '', '**Mistral:**', '', POOLING, '', 'My own answer agrees.'].join('\n');
  assert.equal(speakerLines(once), once);
});

test('a revision that heads each part it redoes with a word (`**Revised (b)**`, `Corrected (c):`) labels those parts', { skip: devSkip }, () => {
  const chat = [
    ...ASKED_B_AND_C,
    '**User:**',
    '',
    'please redo both, the window positions look off by one',
    '',
    '**Assistant:**',
    '',
    'Recounting the positions, the first one was missing.',
    '',
    '**Revised (b)**',
    '',
    POOLING,
    '',
    'Corrected (c): unchanged, $L(K-1)+1$.',
  ].join('\n');
  const g = gradeWithStaffKey(chat, 'revised.md');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: a revision's word before no part's letter labels nothing.
  assert.equal(readLineLabel('Corrected values are below (see the table).'), undefined);
  assert.equal(readLineLabel('**Revised (b)**')?.part, 'b');
});
