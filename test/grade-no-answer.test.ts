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
