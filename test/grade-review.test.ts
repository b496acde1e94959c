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
import type { PartGrade } from '../src/model/grade.js';
import { agreementRows, reviewFigures } from '../src/grade/agreement.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/final-answer/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

function part(text: string, id: string): PartGrade {
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems));
  return g.parts.find((p) => p.id === id)!;
}

test('two final answers with different verdicts: needs-review, both listed, no points', () => {
  const p = part('1b) **Answer:** $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$.\n\nWith the RMS norm the same argument gives\n\n$$\\boxed{\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}}$$', '1.b');
  assert.equal(p.verdict, 'needs-review');
  assert.equal(p.points, 0);
  assert.ok(p.confidence!.extraction < 0.5);
  const listed = p.candidates!.map((c) => `${c.verdict} ${c.answer}`).join(' | ');
  assert.match(listed, /correct .*d_\{out\}/);
  assert.match(listed, /incorrect .*d_(?:in|\{in\})/);
});

test('two boxed answers, one right one wrong, with no correction between them: needs-review', () => {
  const p = part('1b) Case one: $\\boxed{\\sqrt{d_{in}}}$. Case two: $\\boxed{\\sqrt{d_{out}}}$.', '1.b');
  assert.equal(p.verdict, 'needs-review');
  assert.equal(p.candidates!.length, 2);
});

test('near miss: a wrong bound in the working before the final answer is not a rival', () => {
  const p = part('1b) A first bound is\n\n$$\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}$$\n\nbut that uses the wrong norm. **Final Answer:** $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$', '1.b');
  assert.equal(p.verdict, 'correct');
  // And the wrong final answer after right working stays wrong, decided.
  const q = part('1b) A first bound is\n\n$$\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$$\n\nbut that uses the wrong norm. **Final Answer:** $\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}$', '1.b');
  assert.equal(q.verdict, 'incorrect');
});

test('near miss: an answer the writer takes back ("Wait", "I made an error") leaves the later one', () => {
  const p = part('1b) Answer: $\\sqrt{d_{in}}$.\n\nWait, I made an error in the norm. Final answer: $\\boxed{\\sqrt{d_{out}}}$', '1.b');
  assert.equal(p.verdict, 'correct');
  const q = part('1b) Answer: $\\sqrt{d_{out}}$.\n\nWait, I made an error in the norm. Final answer: $\\boxed{\\sqrt{d_{in}}}$', '1.b');
  assert.equal(q.verdict, 'incorrect');
});

test('near miss: a final statement of another quantity (the c of part a) is not a rival', () => {
  const p = part('1b) With **Answer:** $c = \\frac{1}{d_{in}}$ from the setup, $$\\boxed{\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}}$$', '1.b');
  assert.equal(p.verdict, 'correct');
});

test('agreement counts what review cost and caught: right answers sent to a person, reversed verdicts held back', () => {
  const text = '1b) **Answer:** $\\sqrt{d_{out}}$.\n\nOn reflection the norm of the update is\n\n$$\\boxed{\\sqrt{d_{in}}}$$\n\n1c) $\\alpha \\le \\sqrt{d_{out}}$';
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems));
  assert.equal(g.parts.find((p) => p.id === '1.b')!.verdict, 'needs-review');
  // The person reads the boxed answer as final (wrong): the held-back verdict agrees, nothing caught.
  const wrong = agreementRows(g, { name: 'w', attempt: 'final', parts: new Map([['1.b', { verdict: 'incorrect' as const, answer: '\\sqrt{d_{in}}' }]]) }, () => true);
  assert.equal(wrong[0]!.held, 'incorrect');
  assert.deepEqual(reviewFigures(wrong), { parts: 1, review: 1, rightSent: 0, caught: 0 });
  // The person reads the stated answer (right): review cost a right answer and held back a wrong verdict.
  const right = agreementRows(g, { name: 'w', attempt: 'final', parts: new Map([['1.b', { verdict: 'correct' as const, answer: '\\sqrt{d_{out}}' }]]) }, () => true);
  assert.deepEqual(reviewFigures(right), { parts: 1, review: 1, rightSent: 1, caught: 1 });
});

test('a question aligned by its text while another question matches nearly as well: needs-review, saying which', () => {
  // "Problem 6" is no question of the key; its words fit question 3 (convolution, output) as well as 4 (output, length).
  const text = '## Problem 6: output length of the convolution\n\n(a) The output has $2L + 1$ samples.\n';
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems));
  const p = g.parts.find((x) => x.id === '3.a' || x.id === '4.a')!;
  const answered = g.parts.filter((x) => x.verdict !== 'missing');
  assert.equal(answered.length, 1);
  assert.equal(answered[0]!.verdict, 'needs-review');
  assert.ok(p.confidence!.alignment < 0.5);
  assert.match(answered[0]!.feedback, /question 3 .*question 4|question 4 .*question 3/);
});

test('near miss: a heading whose text fits one question clearly is aligned and graded', () => {
  const text = '## Problem 6: output length for an input\n\n(a) The output has $2L + 1$ samples.\n';
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems));
  assert.equal(g.parts.find((x) => x.id === '4.a')!.verdict, 'correct');
});

test('a boxed answer taken back ("Wait, I made an error") before a later final answer: the later one is graded', () => {
  const text = (first: string, last: string) => `1b) So $\\boxed{${first}}$.\n\nWait, I made an error in the norm. **Final answer:** $${last}$`;
  assert.equal(part(text('\\sqrt{d_{in}}', '\\sqrt{d_{out}}'), '1.b').verdict, 'correct');
  // Near miss: a right box taken back for a wrong final answer is wrong.
  assert.equal(part(text('\\sqrt{d_{out}}', '\\sqrt{d_{in}}'), '1.b').verdict, 'incorrect');
});
