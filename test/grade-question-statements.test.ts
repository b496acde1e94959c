import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assignmentOf } from '../src/documents/assignment.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// A response that restates the question's givens before answering, and one that names the
// question's sigma_e its own s (stating Var(e) = s^2, as a TA would accept).
const DIR = fileURLToPath(new URL('../../test/fixtures/statements/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));
const grade = (text: string) => gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems)).parts[0]!;

test("a response's own name for a quantity the question names is read as the question's symbol", () => {
  const g = grade('1(a) Write $\\mathrm{Var}[e] = s^2$ for the noise.\n\nEach term has variance $\\sigma_a^2 s^2$ and there are $m^2$ of them, so $\\mathrm{Var}(S) = m^2 \\sigma_a^2 s^2$.');
  assert.equal(g.verdict, 'correct', g.feedback);
  assert.match(g.feedback, /s as the question's \\sigma_e/);
});

test('near miss: a name the response never ties to the question stays an undeclared symbol', () => {
  assert.notEqual(grade('1(a) Each term has variance $\\sigma_a^2 s^2$, so $\\mathrm{Var}(S) = m^2 \\sigma_a^2 s^2$.').verdict, 'correct');
});

test('near miss: the renamed answer is still checked (m instead of m^2 stays wrong)', () => {
  assert.equal(grade('1(a) Write $\\mathrm{Var}[e] = s^2$. Then $\\mathrm{Var}(S) = m \\sigma_a^2 s^2$.').verdict, 'incorrect');
});

test('a given the response restates is not taken for its answer', () => {
  const g = grade(
    '1(a) Recall $\\text{Var}(a) = \\sigma_a^2$ and $\\text{Var}(e) = \\sigma_e^2$; summing $m^2$ independent products gives $$\\text{Var}(S) = m^2 \\sigma_a^2 \\sigma_e^2.$$\n\nwhere, as given, $$\\text{Var}(e) = \\sigma_e^2.$$',
  );
  assert.equal(g.verdict, 'correct', g.feedback);
});

test('named answers given as values the question states: "g_4 = g_1" is g1\'s value; a refusal that mentions g_1 and g_2 states nothing', () => {
  const { key: k } = loadKey(
    `partcredit: 1
parts:
  2.a:
    answers:
      g3: { type: vector, value: '(0, 0.8, 0)', orientation: any }
      g4: { type: vector, value: '(0.8, 0, 0)', orientation: any }
`,
    'k.yaml',
  );
  const set = parseProblemSet(
    '## Question 2\n\nA horizontal edge gives $\\mathbf{g}_1 = [0.8, 0, 0]^T$ and a vertical edge $\\mathbf{g}_2 = [0, 0.8, 0]^T$.\n\n(a) What are $\\mathbf{g}_3$ and $\\mathbf{g}_4$ for the same edges moved?\n',
  );
  const verdict = (text: string) => gradeSubmission(assignmentOf(k!, set), readSubmission(text, 'w.md', k!, set)).parts[0]!.verdict;
  assert.equal(verdict('2(a) By equivariance, $\\mathbf{g}_3 = \\mathbf{g}_2$ and $\\mathbf{g}_4 = \\mathbf{g}_1$.'), 'correct');
  // A one-character index in braces (as a PDF's formulas are read back) names the same given.
  assert.equal(verdict('2(a) By equivariance, $\\mathbf{g}_{3} = \\mathbf{g}_{2}$ and $\\mathbf{g}_{4} = \\mathbf{g}_{1}$.'), 'correct');
  assert.notEqual(verdict('2(a) $\\mathbf{g}_{3} = \\mathbf{g}_{1}$ and $\\mathbf{g}_{4} = \\mathbf{g}_{2}$.'), 'correct');
  // Near miss: naming the givens in a refusal (even after "so") answers neither g3 nor g4.
  assert.equal(verdict('2(a) This cannot be determined: the weights are unknown, so knowing $\\mathbf{g}_1$ and $\\mathbf{g}_2$ tells us nothing about other images.'), 'incorrect');
  // Near miss: the givens swapped stay wrong.
  assert.notEqual(verdict('2(a) $\\mathbf{g}_3 = \\mathbf{g}_1$ and $\\mathbf{g}_4 = \\mathbf{g}_2$.'), 'correct');
});
