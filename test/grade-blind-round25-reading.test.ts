import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { modelNamedTurns } from '../src/documents/named-model-turns.js';
import { stampedSenderTurns } from '../src/documents/stamped-senders.js';
import { isLabelledRemark } from '../src/documents/labelled-remarks.js';

// Blind round 25's reading classes (issue 9): parts the reader did not find or cut in the wrong place,
// each in a document of our own, not the round's, with a near miss that must read as it did before.

const quotedChat = (opening: string) =>
  [
    'Perplexity Spaces log, HW4 Q2 (c) and (d)',
    '',
    opening,
    '',
    '> Q2 (c): what should the maximum spectral norm of ΔW be so that Δy = c ΔW x has RMS norm at most 1 when x has RMS norm 1?',
    '',
    'Since c = 1/√d_in and ‖x‖₂ = √d_in, ‖Δy‖_RMS ≤ ‖ΔW‖₂/√d_out, so the bound is',
    '',
    '‖ΔW‖₂ ≤ √d_out',
    '',
    '> Next, (d): what learning rate α makes α·sign(∇_W L) satisfy that bound? The sign matrix is rank one.',
    '',
    'A rank-one ±1 matrix has spectral norm √(d_out·d_in), so α·√(d_out·d_in) ≤ √d_out gives',
    '',
    'α = 1/√d_in',
    '',
  ].join('\n');

test("a report's opening that names its source files (`week3_notes.pdf`) holds no formula: the blockquoted prompts after it are still a chat's turns", { skip: devSkip }, () => {
  const text = quotedChat('I attached hw4_problems.pdf and week3_notes.pdf to the space, see https://www.perplexity.ai/spaces/cs182_hw4 for the thread; my handle there is @dana_k.');
  const sub = readWithStaffKey(text, 'spaces.md');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  const g = gradeWithStaffKey(text, 'spaces.md');
  assert.equal(g.get('2.c'), 'correct');
  assert.equal(g.get('2.d'), 'correct');
  // Near miss: an opening that does hold a formula is a write-up's own answer before the quotes, and stays one.
  const writeup = quotedChat('My own answer first, from hw4_problems.pdf: c = 1/sqrt(d_in), so (c) is sqrt(d_out).');
  assert.equal(readWithStaffKey(writeup, 'spaces.md').messages, undefined);
});

test("a page that heads the model's turn with a name the reader has no word for is a chat when the person's header names that model (`Model: Zephyr Orpo 141B`)", { skip: devSkip }, () => {
  const text = [
    'HuggingChat export, CS182 HW4 Q2',
    'Model: Zephyr Orpo 141B   (community endpoint)',
    'Temperature: default',
    '',
    'You',
    '',
    'Q2 (b): with W initialised from N(0,1) and y = c W x, what should c be to recover Xavier initialisation?',
    '(c): what is the largest spectral norm of ΔW so that Δy = c ΔW x has RMS norm at most 1 when x has RMS norm 1?',
    '',
    'Zephyr Orpo 141B',
    '',
    '(b) Var(y_i) = c² d_in, so c = 1/√d_in.',
    '',
    '(c) ‖Δy‖_RMS ≤ c √d_in ‖ΔW‖₂ / √d_out = ‖ΔW‖₂/√d_out, so ‖ΔW‖₂ ≤ √d_out.',
    '',
  ].join('\n');
  const sub = readWithStaffKey(text, 'hf.txt');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant'],
  );
  const g = gradeWithStaffKey(text, 'hf.txt');
  assert.equal(g.get('2.b'), 'correct');
  assert.equal(g.get('2.c'), 'correct');
  // Near miss: a report whose section is titled with the model's name, with no question before it, is no chat.
  const report = ['Evaluation report', 'Model: Zephyr Orpo 141B', '', 'I graded its answers against the key.', '', 'Zephyr Orpo 141B', '', '(b) c = 1/√d_in', ''].join('\n');
  assert.equal(modelNamedTurns(report), report);
  // Near miss: a sentence that names the model is no label.
  const said = ['Model: Zephyr Orpo 141B', '', 'What should c be?', '', 'I asked Zephyr Orpo 141B twice.', ''].join('\n');
  assert.equal(modelNamedTurns(said), said);
});

test("a messaging app's log whose messages are headed by a sender and a time (`Ana Ruiz, [3/12/2025 9:41 AM]`, or the name over `Yesterday 9:42 PM`) is a chat whatever the names, the report's own opening kept out of the first question", {
  skip: devSkip,
}, () => {
  const question = [
    'Q4 (a) and (b): a conv layer with K×K filters, padding P, stride S and F filters on a W×H×C input. How many weights and biases, and what is the output shape?',
    '(b) What is the output shape of a max-pool layer with filter K and stride S?',
  ];
  const reply = [
    'Each filter spans the whole depth of the input, so it holds K·K·C weights, and there is one bias per filter.',
    '',
    '(a) Weights: K²·C·F',
    'Biases: F',
    'Output shape: (⌊(W−K+2P)/S⌋+1) × (⌊(H−K+2P)/S⌋+1) × F',
    '',
    'Pooling works on each channel alone and has nothing to learn, with no padding here:',
    '',
    '(b) (⌊(W−K)/S⌋+1) × (⌊(H−K)/S⌋+1) × C.',
  ];
  const sameLine = ['HW4 log with our Discord tutor bot. Covered: Q2 (b), Q4 (a)(b).', '', 'Ana Ruiz, [3/12/2025 9:41 AM]', ...question, '', 'tutor-bot, [3/12/2025 9:41 AM]', ...reply, ''].join('\n');
  const nextLine = ['HW4 log. Covered: Q2 (b), Q4 (a)(b).', '', 'Ana Ruiz', 'Yesterday 9:41 PM', ...question, '', 'Course Helper', 'Yesterday 9:42 PM', ...reply, ''].join('\n');
  for (const text of [sameLine, nextLine]) {
    const sub = readWithStaffKey(text, 'log.txt');
    assert.deepEqual(
      sub.messages?.map((m) => m.role),
      ['note', 'user', 'assistant'],
    );
    const g = gradeWithStaffKey(text, 'log.txt');
    assert.equal(g.get('4.a'), 'correct');
    assert.equal(g.get('4.b'), 'correct');
  }
  // Near miss: one author's dated entries are a write-up's sections, not two senders taking turns.
  const diary = ['Ana Ruiz, [3/12/2025 9:41 AM]', 'What is the output shape? (a) (W−K+2P)/S + 1 per side', '', 'Ana Ruiz, [3/12/2025 10:05 AM]', '(b) (W−K)/S + 1 per side', ''].join('\n');
  assert.equal(stampedSenderTurns(diary), undefined);
  // Near miss: two people whose first sender asks nothing (a write-up quoting two dated emails) is no chat.
  const mails = ['Ana Ruiz, [3/12/2025 9:41 AM]', 'I attach my answers.', '', 'Prof. Lee, [3/12/2025 10:05 AM]', 'Thanks, the answers look complete and they are graded now.', ''].join('\n');
  assert.equal(stampedSenderTurns(mails), undefined);
});

test("a person's part-by-part check under the chat (`a) right`, `(b) ✗ ...`) is their remark, not the model's answers", () => {
  for (const p of ['How I marked it:\na) right\nb) ✗ forgot the bias\nc) I made it agree with me, so no', '(a) ✓\n(b) wrong, the depth is F', '──────\n4a: correct\n4b: OK'])
    assert.equal(isLabelledRemark(p), true, p);
  // Near misses: a reply's own answers, and one judged line among them, are the model's words.
  for (const p of ['(a) K²CF weights\n(b) C', '(a) correct: the output is 28×28×10\n(b) 14×14×10', '(a) True\n(b) False']) assert.equal(isLabelledRemark(p), false, p);
});

test('a turn that names its part said rather than typed (`Right, thanks, ... Part c, and ...`) asks that part, however long the turn', { skip: devSkip }, () => {
  const text = [
    'User: Okay, question four about CNNs. Part a, how many weights and biases does a conv layer with F filters of size K on a C-channel input have, and what is the output shape?',
    '',
    'Assistant: Weights: K²·C·F',
    'Biases: F',
    'Output shape: (⌊(W−K+2P)/S⌋+1) × (⌊(H−K+2P)/S⌋+1) × F',
    '',
    'User: Right, thanks, that matches my notes from section. Part c, and please keep to the same notation as you did before?',
    '',
    'Assistant: Each layer after the first adds K − 1, so the receptive field is L(K − 1) + 1.',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(text, 'dictated.txt');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.has('4.b'), false);
  // Near miss: a letter the turn points back to (`the same as part a,`) asks nothing: the pooling layer it asks about is (b).
  const back = text
    .replace(
      'Right, thanks, that matches my notes from section. Part c, and please keep to the same notation as you did before?',
      'The same as part a, but for a max pooling layer with filter size K and stride S. What is the output shape?',
    )
    .replace('Each layer after the first adds K − 1, so the receptive field is L(K − 1) + 1.', 'Pooling has no padding and keeps the depth: (⌊(W−K)/S⌋+1) × (⌊(H−K)/S⌋+1) × C');
  const g2 = gradeWithStaffKey(back, 'dictated.txt');
  assert.equal(g2.get('4.b'), 'correct');
  assert.equal(g2.get('4.a'), 'correct');
});
