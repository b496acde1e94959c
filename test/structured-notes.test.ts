import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { noteExportAsText } from '../src/documents/note-exports.js';
import { outlineAsMarkdown } from '../src/documents/outline-trees.js';

// Students' own notes exported from structured note apps: a kanban board's cards (Wekan), a mind
// map's node tree (FreeMind), a journal's entries (Day One's plain text). Each is the person's notes
// in reading order: a card's or a node's title names the part and what is under it holds the answer;
// the app's record of them (ids, colours, dates, stages of the work, an entry's fields) is no text.

const DIR = join(ROOT, 'test', 'fixtures', 'structured-notes');
const graded = (file: string) => gradedFixtureFile('structured-notes', file);

test("a Wekan board: cards list by list in the board's order under lists named for questions, a checklist's items under their card; archived cards and lists, and a classmate's comment, are no answers", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('wekan-board.json'), {
    // (The archived first try, Glorot's fan average, would be the last answer to 2(b) if read.)
    '2.b': 'correct: c = 1/sqrt(d_in)',
    // Near miss: the +1 dropped; the classmate's comment that gives it is theirs.
    '4.b': 'incorrect: ((W - K)/S) × ((H - K)/S) × C',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("a FreeMind map: its nodes a nested list, a node's HTML content and note rendered, a node's attributes under it", { skip: devSkip }, async () => {
  const graded7b = await graded('freemind-map.mm');
  assert.equal(graded7b['7.b']?.split(':')[0], 'correct');
  assert.equal(graded7b['4.f'], 'correct: g3: (0, 0.8, 0); g4: (0.8, 0, 0)');
  // Near miss: the attribute `answer: L(K-1)` drops the +1.
  assert.equal(graded7b['4.c'], 'incorrect: L (K - 1)');
  const md = outlineAsMarkdown(readFileSync(join(DIR, 'freemind-map.mm'), 'utf8'));
  assert.match(md, /^ {4}- part b\n {6}- mean = 0\n {8}variance = \(n-k\+1\)\^2 σ_x\^2 σ_g\^2\n/m);
  assert.doesNotMatch(md, /ID_|CREATED|bezier|full-1/);
});

test("a Freeplane node typed as LaTeX loses Freeplane's `\\latex` switch; an XML file that is no outline stays as it is", () => {
  const map =
    '<map version="freeplane 1.12.1">\n<node TEXT="Q4" ID="ID_1"><node TEXT="(c)" ID="ID_2"><node TEXT="\\latex $K + (L-1)(K-1)$" FORMAT="latexPatternFormat" ID="ID_3"/></node></node>\n</map>\n';
  assert.equal(outlineAsMarkdown(map), '- Q4\n  - (c)\n    - $K + (L-1)(K-1)$\n');
  const other = '<?xml version="1.0"?>\n<mapping><node TEXT="x"/></mapping>\n';
  assert.equal(outlineAsMarkdown(other), other);
});

test("a Day One journal: each entry's record of fields is left out, a later entry's answer revises an earlier one's, results set side by side are read apart", {
  skip: devSkip,
}, async () => {
  const text = readFileSync(join(DIR, 'dayone-journal.txt'), 'utf8');
  const read = noteExportAsText(text);
  assert.doesNotMatch(read, /Date:|Tags:|Weather:|Starred:/);
  assert.match(read, /^Started pset 4 on the train back\./);
  const parts = await graded('dayone-journal.txt');
  assert.equal(parts['4.f'], 'correct: g3: (0, 0.8, 0); g4: (0.8, 0, 0)');
  // Near miss: the square root lost.
  assert.equal(parts['2.c']?.split(':')[0], 'incorrect');
  // A writer's own `Date: 3 Nov` line (a space after the colon, no tab) is no app's record.
  const own = 'Date: 3 November 2025\nTags: dl\n\n4(c) L(K-1)+1\n';
  assert.equal(noteExportAsText(own), own);
});
