import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { modelNamedTurns } from '../src/documents/named-model-turns.js';
import { stampedSenderTurns } from '../src/documents/stamped-senders.js';
import { isLabelledRemark } from '../src/documents/labelled-remarks.js';
import { withoutPartIndex } from '../src/documents/part-index.js';
import { readLineLabel } from '../src/documents/part-ids.js';
import { withoutShownThoughts } from '../src/documents/shown-thoughts.js';

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

test('a checklist of the parts over a write-up (`✔ q4a`, `✘ q4d (later)`) is its index: each part is read where its label comes again with work', { skip: devSkip }, () => {
  const text = [
    'hw4 (my own work, from my phone notes)',
    '',
    '✔ q4a',
    '✔ q4b',
    '✘ q4d (later)',
    '✔ q3c',
    '✘ q3d i',
    '',
    'Q4',
    '',
    'a) weights K²·C·F, biases F',
    'output (⌊(W−K+2P)/S⌋+1) × (⌊(H−K+2P)/S⌋+1) × F',
    '',
    'b) (⌊(W−K)/S⌋+1) × (⌊(H−K)/S⌋+1) × C',
    '',
    'Q3',
    '',
    'c) flip the kernel (true convolution), every entry is −40:',
    '−40 −40 −40',
    '',
  ].join('\n');
  assert.equal(withoutPartIndex(text).split('\n').length, text.split('\n').length);
  const sub = readWithStaffKey(text, 'notes.txt');
  assert.deepEqual(sub.responses.map((r) => r.partId).sort(), ['3.c', '4.a', '4.b']);
  // No part's text holds a line of the index, and each is read where its work is.
  for (const r of sub.responses) assert.ok(!/q[34]d/.test(r.final.text), `${r.partId}: ${r.final.text}`);
  assert.equal(sub.responses.find((r) => r.partId === '3.c')?.final.line, 18);
  assert.equal(gradeWithStaffKey(text, 'notes.txt').get('4.b'), 'correct');
  // Near misses: short answers under their labels, bare letters with no box or bullet, and a list with nothing labelled after it stay as they are.
  for (const t of ['- (a) 4\n- (b) 12\n- (c) 7\n\n(a) because ...\n(b) so ...', '(a)\n(b)\n(c)\n\n(a) 4\n(b) 12', '✔ q4a\n✔ q4b\n✔ q4c\n\nnothing labelled after it'])
    assert.equal(withoutPartIndex(t), t, t);
});

test("a part whose answer is a table typed without its outer bars (`CONV3-10 | 100 | 28×28×10`) keeps its cells, though its rows repeat the question's", { skip: devSkip }, () => {
  const text = [
    'Q4',
    '',
    '(e) filled in:',
    'Input | 0 | 28×28×1',
    'CONV3-10 | 3·3·1·10 + 10 = 100 | 28×28×10',
    'POOL2 | 0 | 14×14×10',
    'CONV3-10 | 3·3·10·10 + 10 = 910 | 14×14×10',
    'POOL2 | 0 | 7×7×10',
    'FLATTEN | 0 | 490',
    'FC-3 | 490·3 + 3 = 1473 | 3',
    '',
  ].join('\n');
  const e = readWithStaffKey(text, 'phone.txt').responses.find((r) => r.partId === '4.e');
  assert.ok(e?.final.text.includes('1473'), e?.final.text);
  // Near miss: the question's own words pasted as a paragraph are still no answer.
  const pasted = [
    'Q4',
    '',
    '(e) Now, we are going to use this network to do inference on a single input. Fill in the missing entries in this table of the size of the activations at each layer, and the number of parameters at each layer.',
    '',
  ].join('\n');
  assert.ok(!readWithStaffKey(pasted, 'phone.txt').responses.some((r) => r.partId === '4.e' && r.final.text.includes('inference')));
});

test("a subpart after a letter with one bracket (`d) ii) stride 2`, `d)(ii)`) is the letter's subpart, not the letter again", () => {
  assert.deepEqual(readLineLabel('d) ii) stride 2, pad 1'), { part: 'd', subpart: 'ii', length: 7, strong: false });
  assert.equal(readLineLabel('d)(i) pad 1')?.subpart, 'i');
  // Near misses: words after the letter that start with a numeral's letters are the answer's.
  for (const l of ['b) i.e. the same', 'a) in the limit', 'c) vi']) assert.equal(readLineLabel(l)?.subpart, undefined, l);
});

test("a reply whose reasoning was copied unfolded under the page's status line (`💭 Reasoning · 9s`) is read from where its parts' letters start over", { skip: devSkip }, () => {
  const text = [
    'User: Q2 (c) what is the largest spectral norm of ΔW so that Δy = c ΔW x has RMS norm at most 1 when x has RMS norm 1? (d) what learning rate α makes α·sign(∇_W L) satisfy it?',
    '',
    'Assistant: 💭 Reasoning · 9s',
    'Part (c): maybe the RMS to RMS norm, sqrt(d_in/d_out) times the spectral norm, so ‖ΔW‖₂ ≤ √(d_out/d_in)? But c is there too.',
    'Part (d): the sign matrix has spectral norm √(d_out d_in) so α = 1/d_in? no, recheck with c.',
    'OK, writing it up.',
    '',
    '(c) With c = 1/√d_in and ‖x‖₂ = √d_in, ‖Δy‖_RMS ≤ ‖ΔW‖₂/√d_out, so',
    '',
    '‖ΔW‖₂ ≤ √d_out',
    '',
    '(d) α·√(d_out·d_in) ≤ √d_out gives',
    '',
    'α = 1/√d_in',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(text, 'think.txt');
  assert.equal(g.get('2.c'), 'correct');
  assert.equal(g.get('2.d'), 'correct');
  // Near misses: with no letters that start over the reply is kept (only the status line goes), and a line of time spent that is a sentence is the answer's.
  assert.equal(withoutShownThoughts('▸ Thoughts (3 s)\nThe answer is 4.').trim(), 'The answer is 4.');
  const heated = 'Heated (10 min).\n(a) 5 K\n(b) 7 K\n(a) again: 5 K';
  assert.equal(withoutShownThoughts(heated), heated);
});
