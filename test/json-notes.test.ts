import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile, staffKey } from './hw4-dev.js';
import { readSubmissionFile } from '../src/documents/submission.js';

// JSON that holds no conversation is often a student's own notes as an app saved them: an annotator's
// notes anchored on passages of the problem set (the W3C Web Annotation model, a reading app's
// highlights), or a whiteboard's cards (Excalidraw, tldraw). Their free-text fields are the write-up,
// read in the app's order (a board's by where its cards stand, under their frame's label; annotations
// in the order they were written), a quoted passage naming the part it states, and others' replies
// left out as comments. Each in documents of our own, with near misses that stay wrong.

const graded = (file: string) => gradedFixtureFile('json-notes', file);

test("W3C annotations: each note's anchored passage names its part, its writer's own reply stays in its thread, a classmate's reply (even a right answer) is no answer", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('w3c-annotation-page.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    // Near miss: the +1 dropped; the classmate's reply that gives it is theirs.
    '4.b': 'incorrect: ((W - K)/S) × ((H - K)/S) × C',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("a reading app's highlights: the highlighted `text` is the statement that names the part, the `note` beside it is the answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('reader-highlights.json'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    // Near miss: a wrong answer in the same shape.
    '4.c': 'incorrect: L K',
  });
});

test("an Excalidraw board: frames' names head the cards they hold, a card's bound text is read, a deleted card's is not", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('whiteboard.excalidraw'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    // Near miss: the deleted card held the right answer; the one on the board is wrong.
    '4.c': 'incorrect: L K',
  });
});

test("a tldraw file: notes placed relative to their frame are read under its name, their rich text's runs as one line; pictures and arrows are no text", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('sketchboard.tldr'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    // Near miss: the stride left out.
    '4.b': 'incorrect: (W - K + 1) × (H - K + 1) × C',
  });
});

test("a note app's note saved one to a file (`title`, `textContent`) is the write-up; a note in the bin is none", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('keep-note.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    // Near miss: the factor 2 dropped.
    '1.b': 'partial: c d_out d_in^2',
  });
  assert.deepEqual(await graded('keep-trashed.json'), {});
});

test("a notes app's backup saved as text whose fields hold HTML (`<p>`, `<br>`) is still JSON: its notes are read, each note's own text and title one level down", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('standard-notes-backup.txt'), {
    // Near miss: 1(b)'s runtime given for 1(a).
    '1.a': 'incorrect: 2 c d_out d_in^2',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near miss: a chat whose speakers no rule places holds no notes (no anchor, title or kind of a note): it stays unread, and says so', { skip: devSkip }, async () => {
  const { key, problems } = staffKey();
  const file = 'unknown-speakers.json';
  const sub = await readSubmissionFile(readFileSync(join(ROOT, 'test', 'fixtures', 'json-notes', file)), file, key, problems, file);
  assert.equal(sub.responses.length, 0);
  assert.match(sub.warnings[0] ?? '', /no conversation found/);
});
