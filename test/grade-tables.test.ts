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

// A table the question half fills in: answers give the blanks as a list, or paste a table
// whose repeated row names (Dense, Dense, Dense) stand for the key's Dense (1), (2), (3).
const DIR = fileURLToPath(new URL('../../test/fixtures/tables/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

function grade(text: string, withProblems = true) {
  const ps = withProblems ? problems : undefined;
  return gradeSubmission(assignmentOf(key!, ps), readSubmission(text, 'w.md', key!, ps)).parts.find((p) => p.id === '1.a')!;
}

const LIST = `1(a) Filling in the blanks:

* **Dense** — Parameters: $784 \\times 128 + 128 = 100480$
* **ReLU** — Output size: $128$
* **Dense** — Output size: $64$
* **Dense** — Parameters: $64 \\times 10 + 10 = 650$
`;

test('the blanks given as a list of rows: only the blanks are graded, repeated names in order', () => {
  const g = grade(LIST);
  assert.equal(g.verdict, 'correct', g.feedback);
  assert.match(g.feedback, /all 4 cells right/);
});

test('near miss: one blank wrong in the list (the last layer bias left out) stays partial', () => {
  const g = grade(LIST.replace('64 \\times 10 + 10 = 650', '64 \\times 10 = 640'));
  assert.equal(g.verdict, 'partial');
  assert.match(g.feedback, /3 of 4 cells right/);
});

const PASTED = ['1(a)', '', 'Layer\tParameters\tOutput size\t', 'Input\t0\t784\t', 'Dense\t100,480\t128\t', '', 'ReLU\t0\t128\t', 'Dense\t8256\t64', 'Dense\t650\t10', ''].join('\n');

test('a table pasted with tabs, a blank line inside and trailing tabs is read by row name', () => {
  assert.equal(grade(PASTED).verdict, 'correct', grade(PASTED).feedback);
});

test('near miss: a cell the question gives, restated wrongly, counts against the answer', () => {
  const g = grade(PASTED.replace('Dense\t100,480\t128', 'Dense\t100,480\t784'));
  assert.equal(g.verdict, 'partial');
  assert.match(g.feedback, /Dense \(1\), output/);
});

test('without the problem set every cell of the key is graded: a list of blanks is partial', () => {
  assert.equal(grade(LIST, false).verdict, 'partial');
  assert.equal(grade(PASTED, false).verdict, 'correct');
});

test('a response that names no row of the table is not given credit for the cells the question fills', () => {
  const g = grade('1(a) Each dense layer has weights and biases; the activations have no parameters.');
  assert.notEqual(g.verdict, 'correct');
  assert.equal(g.score, 0);
});
