import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { outlineAsMarkdown } from '../src/documents/outline-trees.js';

// A hierarchical notebook's file (CherryTree's .ctd XML) keeps its headings in its structure: each
// `<node name>` is a page titled in the app's tree, nested to its depth, its text in `<rich_text>`
// runs split wherever the formatting changes (a lowered `in` after `c = 1/√d`), its tables (header
// row stored last) and code boxes after the runs, anchored by offset. Read as the app shows it, each
// page is a heading over its text, a table at its anchor with its header on top. Documents of our own.

const FOLDER = 'outline-notebooks';
const NOTEBOOK = 'course-notebook-q2bdf-q4ce.ctd';

test("a CherryTree notebook's pages are headings over their text: its parts are read, a lowered run an index, a header row stored last on top, a TODO page unanswered", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await gradedFixtureFile(FOLDER, NOTEBOOK), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    // The near miss: the same shape as 2(b)'s answer, the square root missing, stays wrong (and the struck-out first try is no answer).
    '2.d': 'incorrect: alpha ≤ 1/d_in',
    '4.c': 'correct: L (K - 1) + 1',
    '4.e': 'correct: (table)',
  });
});

test("a notebook's table and code box stand at their anchors, after the line they are anchored in; any other XML is left as it is", () => {
  const md = outlineAsMarkdown(readFileSync(join(ROOT, 'test', 'fixtures', FOLDER, NOTEBOOK), 'utf8'));
  assert.match(md, /^### \(e\) layer table$/m);
  assert.match(md, /The table:\n\n\| Layer \| # params \| activation shape \|\n\| --- \| --- \| --- \|\n\| CONV3-10 \|/);
  assert.match(md, /Quick check:\n\n```python3\ndef rf\(L, K\):/);
  assert.match(md, /~~\(I first wrote α ≤ 1, wrong\)~~/);
  const other = '<?xml version="1.0"?>\n<notes><node name="Q1">x</node></notes>\n';
  assert.equal(outlineAsMarkdown(other), other);
  // A broken notebook gives what parses, never an exception.
  assert.doesNotThrow(() => outlineAsMarkdown('<cherrytree><node name="Q1 (a)"><rich_text>2c d_out^2 d_in<table char_offset="x"><row>'));
});

// Tomboy's and Gnote's `.note` XML: the text's first line repeats the title, a line in a large size is
// a heading, list items are bullets, struck text is withdrawn; dates, tags and window sizes are the app's.
test("a Gnote note is read as its title over its text: a heading by its size, its list items' parts answered, a struck answer withdrawn", {
  skip: devSkip,
}, async () => {
  const parts = await gradedFixtureFile(FOLDER, 'gnote-hw4-q1ab-q7b.note');
  // The near miss: 1(a) given 1(b)'s cost, in the same shape, stays wrong.
  assert.equal(parts['1.a'], 'incorrect: 2 c d_out d_in^2');
  assert.equal(parts['1.b'], 'correct: 2 c d_out d_in^2');
  assert.match(parts['7.b'] ?? '', /^correct: mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2/);
  assert.deepEqual(Object.keys(parts).sort(), ['1.a', '1.b', '7.b']);
});
