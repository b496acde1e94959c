import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Notes made by highlighting the problem set's PDF (Zotero's, Hypothesis', Readwise's, Apple Books'
// exports) name no part: each comment answers the question sentence quoted before it. A quotation
// that copies one part's statement heads that part; its citation links (a page, a location, an
// app's link) are no answer. Documents of our own, with near misses that stay wrong.

const graded = (file: string) => gradedFixtureFile('quoted-statements', file);

test('a Hypothesis export: each quoted question with its link names the part, the comment under it is the answer, a TODO is unanswered', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('hypothesis-export-q2.md'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: sqrt(d_out)',
  });
});

test("a Readwise export: unquoted highlights known by their location links, the question's own setup naming no part", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('readwise-export-q4.md'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("an Apple Books excerpt: a quoted paragraph of the question, then the reader's note", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('book-excerpts-q7.txt'), {
    '7.a': 'correct: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}',
  });
});

test('near misses: a quoted question answered wrongly stays wrong; a write-up that labels its parts keeps its labels, its quotes naming nothing', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('near-miss-highlights.md'), {
    '2.d': 'incorrect: alpha = 1/sqrt(d_in d_out)',
    '4.c': 'incorrect: L K',
  });
  assert.deepEqual(await graded('labelled-writeup-quoting.md'), {
    '4.b': 'incorrect: ((W/S) × H/S) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
});
