import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

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
