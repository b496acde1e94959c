import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { flattenedTablesAsRows } from '../src/documents/flattened-tables.js';
import { sheetAsMarkdown } from '../src/documents/spreadsheet.js';

// Blind round 37's answers in rows: a database grid exported as CSV with a row per attempt at a part
// (`Part, Attempt, Prompt, Model_Answer, Student_OK, Tags, Notes, Updated_At`), and a table given as
// an image's alt text on one line (`Capa | parámetros | activaciones. Input | 0 | 28×28×1. ...`).
// A sheet's answer column is found by its field name and by cells that are no bookkeeping (attempt
// numbers, ticks, time stamps); a part's rows counted or stamped as attempts give its latest as the
// answer, and an empty one supersedes none (a part with only empty rows is unanswered); a line of ` | ` cells in
// rows ended by `. ` or `; ` is a table. Each in documents of our own, with near misses read as before.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'gridrows');

const graded = (file: string) => gradedFixtureFile('gridrows', file);

test("a sheet of attempts named by field names (`modelReply`, `revision`, `lastModified`) gives each part's latest revision, whatever the rows' order", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('airtable-revisions.csv'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a script's log with no answer word in its header (`part, try, text, passed, logged_at`) is read from its text column, its last try counting and a skipped part unanswered", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('script-log.csv'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a form's responses stamped with times (no attempt column) give each part's latest response", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('form-responses.csv'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near misses: small numbers in a column named Answer stay the answers; a gradebook (`Student, SID, Part, Points, Graded_At`) gives no answers; a part answered over several rows with no attempt column keeps every row', {
  skip: devSkip,
}, async () => {
  assert.equal(sheetAsMarkdown(readFileSync(join(FIXTURES, 'numeric-answers.csv'), 'utf8'), ','), '### 7(c)\n\n3\n\n### 4(e)\n\n1473\n');
  assert.deepEqual(await graded('gradebook.csv'), {});
  assert.deepEqual(await graded('table-pieces.csv'), { '4.e': 'correct: (table)' });
});

test("a table flattened onto one line (alt text, a screen reader's reading: ` | ` between cells, `; ` or `. ` between rows) is read as the table's rows; bars in prose are not", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('post-alt-text.txt'), {
    '4.c': 'correct: L (K - 1) + 1',
    '4.e': 'correct: (table)',
  });
  assert.deepEqual(await graded('screen-reader-table.md'), { '4.e': 'partial: (table)' });
  // Near misses: bars in prose (`P(A | B)`, `|x|`, a list of names) are no flattened table.
  const text = readFileSync(join(FIXTURES, 'bars-in-prose.md'), 'utf8');
  assert.equal(flattenedTablesAsRows(text), text);
  for (const line of ['P(A | B) = 0.3. Then P(B | A) = 0.2. And P(A | C) = 0.1.', '| Layer | params |. | CONV | 100 |. | POOL | 0 |.', 'a | b. c | d e | f g | h. Then i | j.']) {
    assert.equal(flattenedTablesAsRows(line), line);
  }
  assert.deepEqual(await graded('bars-in-prose.md'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
});
