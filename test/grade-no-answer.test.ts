import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

const KEY = `partcredit: 1
title: Padding
parts:
  1.a:
    answer: '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'
`;
const key = loadKey(KEY, 'key.yaml').key!;
const grade = (text: string) => gradeSubmission(key, readSubmission(text, 'w.md', key)).parts[0]!;

test('a short reply in prose that describes the method and gives no matrix is incorrect (incomplete), not unparseable', () => {
  const g = grade('1(a) Pad the input with zeros and slide the kernel with a step size of 1.');
  assert.equal(g.verdict, 'incorrect');
  assert.equal(g.category, 'incomplete');
});

test('near miss: one short formula that cannot be read stays unparseable', () => {
  assert.equal(grade('1(a) $\\begin{bmatrix} 1 & 2 \\\\ 3 &$').verdict, 'unparseable');
});

test('a notebook with no cells is named as having no text, not called an empty file; a notebook with the answer is read', async () => {
  const { readSubmissionFile } = await import('../src/documents/submission.js');
  const bytes = (cells: unknown[]) => new TextEncoder().encode(JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }));
  const blank = await readSubmissionFile(bytes([]), 'nb', key, undefined, 'hw/nb.ipynb');
  assert.match(blank.warnings.join('\n'), /hw\/nb\.ipynb: no text was read from it .*every part is graded missing/);
  // Near miss: the same notebook with a markdown cell that answers 1.a has no warning.
  const answered = await readSubmissionFile(bytes([{ cell_type: 'markdown', metadata: {}, source: ['1.a) $\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$'] }]), 'nb', key, undefined, 'hw/nb.ipynb');
  assert.deepEqual(answered.warnings, []);
  assert.equal(gradeSubmission(key, answered).parts[0]!.verdict, 'correct');
});
