import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignmentOf } from '../src/documents/assignment.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// A key that declares no symbols for a question whose text says what its matrices are: the
// grader reads `A \in \mathbb{R}^{m \times n}` from the problem set, so products do not commute.
const problems = parseProblemSet(`# Backprop

1. Let $A \\in \\mathbb{R}^{m \\times n}$, $B \\in \\mathbb{R}^{n \\times p}$ and $g \\in \\mathbb{R}^{m}$.

   (a) Write the gradient of $g^\\top A B x$ with respect to $x$.
`);
const { key } = loadKey(
  `partcredit: 1
parts:
  1.a: { answer: 'B^\\top A^\\top g' }
`,
  'key.yaml',
);

const grade = (answer: string) => {
  const submission = readSubmission(`1(a) The gradient is $${answer}$.`, 'sub.md', key!, problems);
  return gradeSubmission(assignmentOf(key!, problems), submission).parts[0]!;
};

test('matrix symbols declared in the question: a transposed product in the right order is correct', () => {
  assert.equal(grade('(AB)^\\top g').verdict, 'correct');
});

test('matrix symbols declared in the question: the product in the wrong order stays wrong', () => {
  assert.equal(grade('A^\\top B^\\top g').verdict, 'incorrect');
});
