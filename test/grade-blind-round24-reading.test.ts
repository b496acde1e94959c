import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, readWithStaffKey, ROOT } from './hw4-dev.js';
import { alternatingRoleTurns } from '../src/documents/alternating-roles.js';
import { boxedPromptTurns } from '../src/documents/boxed-prompts.js';
import { isLabelledRemark } from '../src/documents/labelled-remarks.js';
import { speakerLines } from '../src/documents/speaker-lines.js';
import { withoutReasoning } from '../src/documents/transcripts.js';

// Blind round 24's reading classes (issue 9): parts the reader did not find, each in a document of our
// own, not the round's, with a near miss that must read as it did before.

const TERMINAL = join(ROOT, 'test', 'fixtures', 'terminal-chats');

test("a terminal chat whose prompts are drawn in frames (`┌──┐ │ ❯ prompt │ └──┘`) is a chat: the frames are the person's turns, a tool's frame is no one's, the replies' numbered steps are no questions", {
  skip: devSkip,
}, () => {
  const text = readFileSync(join(TERMINAL, 'framed-prompts.txt'), 'utf8');
  const sub = readWithStaffKey(text, 'framed-prompts.txt');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  // The tool's frame (a listing of the file's questions) is neither a turn nor a line of the reply.
  assert.ok(!sub.messages?.some((m) => m.text.includes('Newton-Schulz')));
  const g = gradeWithStaffKey(text, 'framed-prompts.txt');
  for (const id of ['1.a', '1.b', '2.c', '2.d', '2.e']) assert.equal(g.get(id), 'correct', id);
  assert.equal([...g.keys()].filter((id) => /^[34]\./.test(id)).length, 0);
  // Near miss: a write-up that frames its own summary (no prompt mark in any frame) is no chat and reads as before.
  const writeup = ['Problem 2', '', '(c) $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$', '', '┌──────────────────────┐', '│ Summary: (c) √d_out  │', '└──────────────────────┘', ''].join('\n');
  assert.equal(boxedPromptTurns(writeup), undefined);
  assert.equal(gradeWithStaffKey(writeup, 'framed-summary.txt').get('2.c'), 'correct');
  // Near miss: a framed prompt with nothing under it is no chat either.
  assert.equal(boxedPromptTurns('╭──────────╮\n│ > hello  │\n╰──────────╯\n'), undefined);
});

test("a person's note signed with initials in any bracket (`<<JR>> ...`, `{JR} ...`) is their remark, not the model's words", () => {
  for (const p of ['<<JR>> the constant is off, should be 1/sqrt(d_out).', '{JR} fine', '<JR>: agrees with the key']) assert.equal(isLabelledRemark(p), true, p);
  // Near misses: a model's special tokens and the field's acronyms in angle brackets, and a Roman numeral, are its words.
  for (const p of ['<EOS> ends every sequence.', '<<II>> By induction, ...', '{CNN} layers keep the shape.', '<b> bold']) assert.equal(isLabelledRemark(p), false, p);
});

test("a folded reasoning's status line with the page's decoration (`> Thought for 14s ▸`, `💭 Thought for 3s`, `Reasoned for 8s ▾` at a reply's top) is no line of the answer", () => {
  for (const line of ['> Thought for 14s ▸', '💭 Thought for 3s', '**Thought for 31 seconds**', '▾ Reasoned for 8s', 'Pondered for 2 min ›'])
    assert.equal(withoutReasoning(`${line}\n\nThe variance is $(n-k+1)^2\\sigma_x^2\\sigma_g^2$.`).trim(), 'The variance is $(n-k+1)^2\\sigma_x^2\\sigma_g^2$.', line);
  // Near misses: a sentence of time spent (a full stop, words after the time) and the same lower in a reply are the answer's words.
  for (const reply of ['Heated for 10 min.\nThe rod is 5 K warmer.', 'Heated for 10 min, the rod is 5 K warmer.', 'The rod is warmer.\nHeated for 10 min ›'])
    assert.equal(withoutReasoning(reply), reply, reply);
});

test('a chat that a heading puts on one question, then pastes its statement with no number, is on that question even when the opening words match another title as well', { skip: devSkip }, () => {
  const q7 = [
    '**User:**',
    '',
    'A single-channel convolution layer: input image X is n by n, kernel w is k by k, output Y is m by m, stride 1, no padding, no bias, so',
    'y_{i,j} = sum over h, l from 1 to k of x_{i+h-1, j+l-1} w_{h,l}. The loss gradient with respect to the output is dY, entries dy_{i,j}.',
    '',
    '(a) Find dw_{h,l} = dL/dw_{h,l}, and the weight after one SGD step with rate eta on a single image.',
    '',
    '**Assistant:**',
    '',
    'Each weight touches every output once, so',
    '',
    '$$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\,j+l-1}$$',
    '',
    'and one step gives $w_{h,l} - \\eta\\, dw_{h,l}$.',
    '',
  ];
  const q4 = [
    '**User:**',
    '',
    'Feature dimensions of a convolutional network. A conv layer takes an input of width W, height H and C channels, and has F filters, each of spatial size K x K, applied with zero padding P on every side and stride S in both directions; the filters span the full input depth.',
    '',
    '(a) How many weights and biases does it have, and what is the shape of its output?',
    '',
    '**Assistant:**',
    '',
    'Weights $K^2 C F$, biases $F$, output $(\\lfloor (W-K+2P)/S \\rfloor + 1) \\times (\\lfloor (H-K+2P)/S \\rfloor + 1) \\times F$.',
    '',
  ];
  const grades = (lines: string[]) => Object.fromEntries(gradeWithStaffKey(lines.join('\n'), 'pasted.md'));
  assert.deepEqual(grades(['# Question 7, one part at a time', '', ...q7]), { '7.a': 'correct' });
  // Both orders: a paste after another question's answers is the question its whole text is about.
  assert.deepEqual(grades(['# Question 7, then 4', '', ...q7, ...q4]), { '4.a': 'correct', '7.a': 'correct' });
  assert.deepEqual(grades(['# Question 4, then 7', '', ...q4, ...q7]), { '4.a': 'correct', '7.a': 'correct' });
});

test('a chat whose turns the person headed with labels of their own (`Input #1` / `Output #1`) is read by their alternation: the first label asks, the second answers', { skip: devSkip }, () => {
  const chat = [
    'Testing a model on HW4 question 1. I typed the labels myself when copying.',
    '',
    '**Input #1**',
    'Question 1, Newton-Schulz: W is d_out x d_in and one iteration computes p(W) = 1/2 (3I - W W^T) W. Multiplying n x m by m x p costs c n m p.',
    '(a) What is the runtime of one iteration?',
    '(b) When d_out >> d_in, how can it be computed faster, and what is the runtime then?',
    '',
    '**Output #1**',
    'Here are both parts.',
    '',
    '**Part (a)** Two products, each c d_out^2 d_in, so one iteration takes $2c\\, d_{out}^2 d_{in}$.',
    '',
    '**Part (b)** By associativity, $(W W^T) W = W (W^T W)$; with the Gram matrix first the total is $2c\\, d_{out} d_{in}^2$.',
    '',
    '**Input #2**',
    'Is the runtime in (a) right? Why is the identity term free?',
    '',
    '**Output #2**',
    'Yes: adding 3I and halving are elementwise, O(d_out^2) work that the cost model leaves out, so (a) stays $2c\\, d_{out}^2 d_{in}$.',
    '',
  ].join('\n');
  const sub = readWithStaffKey(chat, 'labelled-turns.md');
  assert.deepEqual(
    sub.messages?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(chat, 'labelled-turns.md')), { '1.a': 'correct', '1.b': 'correct' });
  // Near misses: a write-up whose own sections alternate (`Setup` / `Check`) answers, it asks nothing, and
  // a question's word with its answer's (`Problem 1` / `Solution`) is the write-up's numbering: neither is a chat.
  const sections = [
    'Problem 1',
    '',
    'Setup',
    '(a) Two products of c d_out^2 d_in each.',
    '',
    'Check',
    'Both are (d_out x d_in)(d_in x d_out) shaped; total $2c\\, d_{out}^2 d_{in}$.',
    '',
    'Setup',
    '(b) Use the Gram matrix W^T W.',
    '',
    'Check',
    'Total $2c\\, d_{out} d_{in}^2$.',
    '',
  ];
  assert.equal(alternatingRoleTurns(sections.join('\n')), undefined);
  assert.equal(readWithStaffKey(sections.join('\n'), 'sections.md').format, 'writeup');
  const numbered = [
    'Problem 1',
    'What is the runtime of one iteration?',
    '',
    'Solution',
    '(a) $2c\\, d_{out}^2 d_{in}$, two products each c d_out^2 d_in.',
    '',
    'Problem 2',
    'What is c?',
    '',
    'Solution',
    '(b) $c = 1/\\sqrt{d_{in}}$ so that the variance is one.',
    '',
  ];
  assert.equal(alternatingRoleTurns(numbered.join('\n')), undefined);
});

test("a first turn that carries a report's preamble (eight lines of setup) asks for the question its last paragraph requests, however far down", { skip: devSkip }, () => {
  const preamble = Array.from({ length: 8 }, (_, i) => `Setup note ${i + 1}: browser session, default settings, nothing else changed.`);
  const chat = (request: string) =>
    [
      '**User:**',
      '',
      ...preamble,
      '',
      request,
      '',
      '**Assistant:**',
      '',
      '(c) The bound on the update is $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$.',
      '',
      '(d) The sign matrix has norm $\\sqrt{d_{in} d_{out}}$, so $\\alpha = 1/\\sqrt{d_{in}}$.',
      '',
    ].join('\n');
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(chat('Solve question 2 from the attached PDF, whichever parts you can.'), 'preamble.md')), { '2.c': 'correct', '2.d': 'correct' });
  // Near miss: a last paragraph that mentions a question without asking for it requests nothing.
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(chat('My friend thinks question 1 is the hard one; the PDF is attached.'), 'preamble.md')), {});
});

test("role lines drawn into rules (`──── Kevin ────` / `──── Tutor ────`) head a chat whatever their words; a write-up's ruled sections stay a write-up", { skip: devSkip }, () => {
  const rule = (w: string) => `──────────── ${w} ────────────`;
  const chat = (a: string, b: string) =>
    [
      'Exported conversation',
      '',
      rule(a),
      'Question 2 (c): what is the largest spectral norm of the update so that RMS(Δy) stays at most 1?',
      '',
      rule(b),
      'With c = 1/√d_in the bound is RMS(Δy) ≤ ‖ΔW‖/√d_out, so the largest norm is',
      '',
      '‖ΔW‖₂ = √d_out',
      '',
      rule(a),
      'And (d), the SignSGD learning rate?',
      '',
      rule(b),
      'The sign matrix is rank one with norm √(d_in d_out), so',
      '',
      'α = 1/√d_in',
      '',
    ].join('\n');
  for (const [a, b] of [
    ['Kevin', 'Tutor'],
    ['You', 'Assistant'],
  ]) {
    assert.equal(readWithStaffKey(chat(a!, b!), 'ruled.txt').format, 'chat-text', a);
    assert.deepEqual(Object.fromEntries(gradeWithStaffKey(chat(a!, b!), 'ruled.txt')), { '2.c': 'correct', '2.d': 'correct' }, a);
  }
  // Near miss: a write-up's own ruled sections, which ask nothing, are no turns.
  const writeup = [
    'Problem 2',
    '',
    rule('Work'),
    '(c) RMS(Δy) ≤ ‖ΔW‖/√d_out gives ‖ΔW‖₂ ≤ √d_out.',
    '',
    rule('Check'),
    'Both sides have the units of RMS.',
    '',
    rule('Work'),
    '(d) α = 1/√d_in.',
    '',
    rule('Check'),
    'Rank one, so the norm is √(d_in d_out).',
    '',
  ].join('\n');
  assert.equal(alternatingRoleTurns(writeup), undefined);
});

test("a messaging app's chat with a bot it has no name for (`[date, time] StudyBuddy:`) is a chat: of its two senders, the one who writes first and asks is the person", { skip: devSkip }, () => {
  const chat = (bot: string, third = '') =>
    [
      '[05/12/2025, 10:02:11] Noor: question 2 (c): what is the largest spectral norm of ΔW so that RMS(Δy) ≤ 1?',
      `[05/12/2025, 10:02:40] ${bot}: With c = 1/√d_in the bound is RMS(Δy) ≤ ‖ΔW‖/√d_out, so the largest spectral norm is ‖ΔW‖₂ = √d_out.`,
      ...(third ? [`[05/12/2025, 10:03:15] ${third}: same as what I got`] : []),
      '[05/12/2025, 10:05:02] Noor: and (d), the SignSGD learning rate?',
      `[05/12/2025, 10:05:30] ${bot}: The sign matrix is rank one with norm √(d_in d_out), so α = 1/√d_in.`,
    ].join('\n');
  for (const bot of ['StudyBuddy', 'Course Helper']) assert.deepEqual(Object.fromEntries(gradeWithStaffKey(chat(bot), 'messages.txt')), { '2.c': 'correct', '2.d': 'correct' }, bot);
  // Near misses: a group of three senders is no chat with one model, and no one is named for a turn in it.
  assert.ok(!/^(?:User|Assistant):/m.test(speakerLines(chat('StudyBuddy', 'Sam'))));
});
