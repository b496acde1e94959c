import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { detectFormat } from '../src/documents/transcripts.js';
import { appMarkedTurns } from '../src/documents/app-turn-marks.js';

// Blind round 18's reading classes (issue 9), each in a conversation of our own, not the round's:
// chat apps whose turn marks partcredit did not know, so whole submissions were read as write-ups
// and no part found. Each class has a near miss that must read as it did before.

const RECEPTIVE = 'Each stride-1 layer adds $K-1$ to the field, and the first covers $K$, so the last output sees $L(K-1)+1$ pixels per side.';
const POOLING = 'No padding, channel by channel: $\\left(\\lfloor\\frac{W-K}{S}\\rfloor+1\\right) \\times \\left(\\lfloor\\frac{H-K}{S}\\rfloor+1\\right) \\times C$.';
const ASK_RECEPTIVE = 'if I stack L conv layers, filter size K and stride 1, how big is the receptive field of the last output?';
const ASK_POOLING = 'and a max pooling layer with stride S and filter size K on a W x H x C input, what shape comes out?';

test("a ChatGPT shared page copied as Markdown (log-in banner, `You said:` / `ChatGPT said:` headings) is a chat; ChatGPT's plain page text still reads as its own", { skip: devSkip }, () => {
  const page = [
    'ChatGPT',
    '',
    'Sign up',
    '',
    'This is a copy of a conversation between ChatGPT & Anonymous.',
    '',
    '#### You said:',
    '',
    ASK_RECEPTIVE,
    '',
    '##### ChatGPT said:',
    '',
    RECEPTIVE,
    '',
    '#### You said:',
    '',
    ASK_POOLING,
    '',
    '##### ChatGPT said:',
    '',
    POOLING,
    '',
    'Terms of use',
  ].join('\n');
  assert.equal(detectFormat(page, 'shared.md'), 'markdown-chat');
  const g = gradeWithStaffKey(page, 'shared.md');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: the same chat as page text, its turns bare names on their lines, reads as before.
  const plain = ['You said:', ASK_RECEPTIVE, '', 'ChatGPT said:', RECEPTIVE, '', 'You said:', ASK_POOLING, '', 'ChatGPT said:', POOLING].join('\n');
  assert.equal(detectFormat(plain, 'plain.txt'), 'chatgpt-text');
});

test("Chatbox's `▶ USER:` / `▶ ASSISTANT:` turns are a chat and its `Thinking:` paragraph is not the answer; a write-up with arrow bullets stays a write-up", { skip: devSkip }, () => {
  const chat = [
    'Exported from Chatbox on 2026/01/12 09:30',
    'Model: qwen3-235b',
    '',
    '▶ USER:',
    '',
    ASK_RECEPTIVE,
    '',
    '▶ ASSISTANT:',
    '',
    'Thinking:',
    'Maybe it is L*K? No, overlaps. Check L=2, K=3: 5.',
    '',
    RECEPTIVE,
    '',
    '▶ USER:',
    '',
    ASK_POOLING,
    '',
    '▶ ASSISTANT:',
    '',
    POOLING,
  ].join('\n');
  const turns = appMarkedTurns(chat);
  assert.deepEqual(
    turns?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.ok(!turns?.[1]?.text.includes('L*K'), 'the reasoning paragraph is left out');
  const g = gradeWithStaffKey(chat, 'chatbox.txt');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: a student's notes whose arrows mark steps, not speakers.
  const notes = ['▶ Problem 4', '', '4(c) $L(K-1)+1$', '', '▶ ASSISTANT: none used', ''].join('\n');
  assert.equal(appMarkedTurns(notes), undefined);
  assert.equal(gradeWithStaffKey(notes, 'notes.md').get('4.c'), 'correct');
});

test("GitHub Copilot's `**someone** asked:` / `**Copilot** answered:` and Phind's `**Question:**` / `**Answer | model**` are chats; a write-up's bold `**Question:**` / `**Answer:**` labels are not", {
  skip: devSkip,
}, () => {
  const copilot = [
    '## Copilot Chat',
    '',
    '**mira-k** asked:',
    '',
    `> ${ASK_RECEPTIVE}`,
    '',
    '**Copilot** answered:',
    '',
    RECEPTIVE,
    '',
    '**mira-k** asked:',
    '',
    `> ${ASK_POOLING}`,
    '',
    '**Copilot** answered:',
    '',
    POOLING,
  ].join('\n');
  const c = gradeWithStaffKey(copilot, 'copilot.md');
  assert.equal(c.get('4.c'), 'correct');
  assert.equal(c.get('4.b'), 'correct');
  const phind = [
    `**Question:** ${ASK_RECEPTIVE}`,
    '',
    '**Answer | Phind-405B Model**',
    '',
    RECEPTIVE,
    '',
    '**Sources**',
    '- cs231n notes',
    '',
    `**Follow-up:** ${ASK_POOLING}`,
    '',
    '**Answer | Phind-405B Model**',
    '',
    POOLING,
  ].join('\n');
  const p = gradeWithStaffKey(phind, 'phind.md');
  assert.equal(p.get('4.c'), 'correct');
  assert.equal(p.get('4.b'), 'correct');
  // Near miss: a write-up that labels each item with bold words of the same kind.
  const writeup = ['**Question:** the receptive field of L stacked layers', '', '4(c) **Answer:** $L(K-1)+1$', ''].join('\n');
  assert.equal(appMarkedTurns(writeup), undefined);
  assert.equal(gradeWithStaffKey(writeup, 'writeup.md').get('4.c'), 'correct');
});
