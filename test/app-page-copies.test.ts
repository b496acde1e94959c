import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { nameLine } from '../src/documents/speaker-shapes.js';
import { answerCandidates } from '../src/check/extract.js';

// Blind round 41's app page copies, whose turns or sub-answers were misread: an agent pane heads the
// person's turns with their login (`tkowalski7`, digits in it) and the model's with the app's agent
// name, and the answers are in the console output printed under the agent's run step; one message asks
// a question's parts in words and the reply numbers its sections `Part 1` / `Part 2` in the order asked;
// a total under its own label (`**Total cost of one iteration:**`) is written as an equation chain of the
// steps' products, whose end is the value. Each in documents of our own, with near misses graded wrong.

const graded = (file: string) => gradedFixtureFile('app-page-copies', file);

test("an agent pane whose person's turns are headed by a login (`tkowalski7`) and the model's by the agent's name is a chat: its console output answers, the question's own lines never do", {
  skip: devSkip,
}, async () => {
  const parts = await graded('windsurf-cascade-pane-q3cd.txt');
  assert.deepEqual(parts, {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '3.d.i': 'correct: [-19, -28, -32, -36, -29; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; 49, 68, 72, 76, 59]',
    // Near miss: the console's printout with one entry wrong (58 for 59) stays wrong.
    '3.d.ii': 'incorrect: [-19, -32, -29; -30, -40, -30; 49, 72, 58]',
  });
});

test('a login alone on its line is a name (letters first, digits or `_` after); a variable or a code name is not', () => {
  assert.equal(nameLine('jmorales22', 0)?.name, 'jmorales22');
  assert.equal(nameLine('ana_k', 0)?.name, 'ana_k');
  for (const line of ['x1', 'd_out', 'W_1', '(c) output with no padding, stride 1']) assert.equal(nameLine(line, 0), undefined, line);
});

test("one message asking a question's parts in words, answered as `Part 1 — ...` / `Part 2 — ...`: each section is the part asked in that place", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('wolfram-notebook-assistant-q1ab.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'correct: 2 c d_out d_in^2',
    '4.c': 'correct: 1 + L (K - 1)',
  });
  // Near miss: the same page whose second section costs the Gram matrix d_in^3 stays wrong on (b) alone.
  assert.deepEqual(await graded('wolfram-notebook-assistant-near-miss-q1ab.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'incorrect: c d_in^3 + c d_out d_in^2',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("a total under its own label, written as a chain of the steps' products, is the chain's end; a chain ending on a wrong total stays wrong", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('langchain-message-store-q1ab.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'incorrect: c d_in^3 + c d_out d_in^2',
  });
});

test("a plain reply's result label alone on its line marks the formula under it over the steps' own products, a step's `so … costs` among them", () => {
  const reply =
    'Step 1\nx is n × m, so this product costs c · d_in · d_out.\n\nStep 2\nthat one costs c · d_out · d_in.\n\n**Total cost:**\nc · d_in · d_out + c · d_out · d_in = 2c · d_in · d_out\n\nThat is all.';
  assert.match(answerCandidates(reply)[0]!.text, /= +2c · d_in · d_out$/);
  // (A label of a setup, `Given:`, marks nothing.)
  assert.notEqual(answerCandidates('Here.\n\nGiven:\nx = 3\n\nso y costs 2 · x.')[0]!.text, 'x = 3');
});
