import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { readLineLabel } from '../src/documents/part-ids.js';

// Round 40's Simplenote export: a notes app's JSON keeps its notes in a collection named for them
// (`activeNotes`, `memos`, `notes`), each note's text field the write-up, its title the first line
// when the app keeps no title field; a collection named for the bin (`trashedNotes`, `trash`) holds
// drafts the writer threw away, never answers. A title files its question under the homework
// (`HW4 Q3 — conv as FIR`, `PS4 — Q4 CNN dims`). Documents of our own, each with a near miss.

const graded = (file: string) => gradedFixtureFile('notes-collections', file);

test('a heading that files its question under the homework names the question; the homework alone names none', () => {
  assert.equal(readLineLabel('## HW4 Q3 — conv as FIR')?.question, '3');
  assert.equal(readLineLabel('## PS4 — Q4 CNN dims')?.question, '4');
  assert.equal(readLineLabel('## HW4'), undefined);
  assert.equal(readLineLabel('HW4 Q3 was hard'), undefined);
});

test("a memo app's untitled notes under `memos`: each note's first line its title, the parts under it answered (a wrong one stays wrong)", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('memos-export.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    '4.c': 'incorrect: L K - 1',
  });
});

test("notes kept beside the app's trash: the trashed draft's answers (a part answered only there, a wrong first try) are never read", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('notes-with-trash.json'), {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
  });
});
