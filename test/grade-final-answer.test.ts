import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/final-answer/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

function verdict(text: string, id: string): string {
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems));
  return g.parts.find((p) => p.id === id)!.verdict;
}

test('a general bound in a parameter the question fixes in another part is specialised with that value', () => {
  assert.equal(verdict('1b) The bound is $$\\|\\Delta W\\|_2 \\le \\frac{1}{c}\\sqrt{\\frac{d_{out}}{d_{in}}}$$', '1.b'), 'correct');
  // Near miss: the general form itself is wrong, so its specialisation is wrong too.
  assert.equal(verdict('1b) The bound is $$\\|\\Delta W\\|_2 \\le \\frac{1}{c}\\sqrt{\\frac{d_{in}}{d_{out}}}$$', '1.b'), 'incorrect');
});

test('a general bound followed by the specialisation it states: the specialisation is graded', () => {
  const text = '1c) In general $$\\alpha \\le \\frac{1}{|c|}\\sqrt{\\frac{d_{out}}{d_{in}}}.$$ Examples: for the usual choice, $\\alpha_{\\max} = \\sqrt{d_{out}}$.';
  assert.equal(verdict(text, '1.c'), 'correct');
  assert.equal(
    verdict(text.replace('\\alpha_{\\max} = \\sqrt{d_{out}}', '\\alpha_{\\max} = \\sqrt{d_{in}}').replace('\\frac{1}{|c|}\\sqrt{\\frac{d_{out}}{d_{in}}}', '\\frac{1}{|c|}\\sqrt{d_{in}}'), '1.c'),
    'incorrect',
  );
});

test('a bound gives its value when the key asks for a value', () => {
  assert.equal(verdict('1b) Requiring RMS at most 1 gives $$\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$$', '1.b'), 'correct');
  assert.equal(verdict('1b) Requiring RMS at most 1 gives $$\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}$$', '1.b'), 'incorrect');
});

test('a bound the key accepts is not passed over for a bare symbol later in the working', () => {
  const text = '1c) Since the update is $\\Delta W = \\alpha U V^T$:\n\n$$\\alpha \\leq \\sqrt{d_{out}}$$\n\nso $\\|\\Delta W\\|_2 = \\alpha$ holds.';
  assert.equal(verdict(text, '1.c'), 'correct');
  assert.equal(verdict(text.replace('\\alpha \\leq \\sqrt{d_{out}}', '\\alpha \\leq d_{out}'), '1.c'), 'incorrect');
});

test('a corrected answer: the last one the writer commits to is graded', () => {
  const corrected = '1a) First I get $c = 1/d_{in}$. That is wrong: the variance is $c^2 d_{in}$, so the final answer is $c = 1/\\sqrt{d_{in}}$.';
  assert.equal(verdict(corrected, '1.a'), 'correct');
  const reversed = '1a) First I get $c = 1/\\sqrt{d_{in}}$. That is wrong: the variance is $c^2 d_{in}^2$, so the final answer is $c = 1/d_{in}$.';
  assert.equal(verdict(reversed, '1.a'), 'incorrect');
});

test('named answers are found by name, never taken from a sibling, and read with values the problem set states', () => {
  assert.equal(verdict('2a) By translation invariance $g_3 = g_2 = [0, 0.8, 0]^T$ and $\\mathbf{g}_4 = g_1$.', '2.a'), 'correct');
  // Near miss: g4 is said to be g2; the problem set's g2 is not g4.
  assert.equal(verdict('2a) By translation invariance $g_3 = [0, 0.8, 0]^T$ and $g_4 = g_2$.', '2.a'), 'partial');
});

test('answers on lines labelled with their names, and a shape given dimension by dimension', () => {
  const text = '3a) Parameters:\n- Weights: $K^2 \\times C \\times F$\n- Biases: F\n- Total: $K^2CF + F$\n\nOutput shape:\n- Width: $W - K + 1$\n- Height: $H - K + 1$\n- Channels: F\n';
  assert.equal(verdict(text, '3.a'), 'correct');
  assert.equal(verdict(text.replace('- Channels: F', '- Channels: F (one per filter)'), '3.a'), 'correct');
  // Near misses: the total is not the weights; a dimension wrong is a wrong shape.
  assert.equal(verdict(text.replace('- Weights: $K^2 \\times C \\times F$\n', ''), '3.a'), 'partial');
  assert.equal(verdict(text.replace('- Height: $H - K + 1$', '- Height: $H - K$'), '3.a'), 'partial');
});

test('braces a page copy escaped inside subscripts are read as braces', () => {
  assert.equal(verdict('1b) So $$\\|\\Delta W\\|_2 \\le \\sqrt{d_{\\{out\\}}}$$', '1.b'), 'correct');
  assert.equal(verdict('1b) So $$\\|\\Delta W\\|_2 \\le \\sqrt{d_{\\{in\\}}}$$', '1.b'), 'incorrect');
});

test('an answer in a quantity the key pins to one value is read with that value', () => {
  assert.equal(verdict('4a) The output has $2L + 1$ samples.', '4.a'), 'correct');
  assert.equal(verdict('4a) The output has $2L - 1$ samples.', '4.a'), 'incorrect');
});

test("a part's own answer is never a given of that part: a wrong c stays wrong", () => {
  assert.equal(verdict('1a) The Glorot choice $$c = \\sqrt{\\frac{2}{d_{in} + d_{out}}}$$', '1.a'), 'incorrect');
  assert.equal(verdict('1a) Unit variance needs $$c = \\frac{1}{\\sqrt{d_{in}}}$$', '1.a'), 'correct');
});
