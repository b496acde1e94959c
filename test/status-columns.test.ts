import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { alignedRows } from '../src/documents/aligned-rows.js';

// Blind round 38's Hacker News post: a results table set in plain text with its columns aligned by
// spaces (`part   o4-mini final answer   my grade`), a row's answer wrapped onto a second line. Its
// cells are apart as a framed table's are: the column the header gives the person (`Status`, `check`,
// `my grade`) holds their marks (`PASS`, `ok`, `wrong`), on the wrapped line too, and a wrapped line
// that opens on a label of its own (`SGD step:`) is the cell's next item, not words of the formula above.
// In a mailing-list post and a plain-text README of our own, the README's wrong answers kept wrong.

const graded = (file: string) => gradedFixtureFile('status-columns', file);

test("a space-aligned table's status column is the person's mark, on every line of a wrapped row", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('mailing-list-post.txt'), {
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
    '7.a': 'correct: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}',
  });
});

test('near miss: wrong answers in the same table stay wrong with the marks left out', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('readme-near-miss.txt'), {
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    '4.c': 'incorrect: K^L',
    '7.a': 'partial: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} + eta dw_{h,l}',
  });
});

test("a column of the person's marks (`Status`) is left out of each row; their notes and a student's own `My answer` are not marks", () => {
  const rows = (lines: string[]) => [...alignedRows(lines).values()].map((r) => r.text);
  assert.deepEqual(rows(['  Q     Answer given        Status', '  4b    C                   PASS', '  4c    L(K - 1) + 1        FAIL']), ['C', 'L(K - 1) + 1']);
  assert.deepEqual(rows(['  Q     My answer           Units', '  4b    C                   channels', '  4c    L(K - 1) + 1        pixels']), ['C: channels', 'L(K - 1) + 1: pixels']);
});
