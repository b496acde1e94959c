import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile, readWithStaffKey } from './hw4-dev.js';

// Blind round 40's copies of chat apps' pages and paste sites, in other apps' and writers' words: a
// page whose avatars are icons copied by their names (`account_circle` / `support_agent`) with its
// buttons' icons under each reply, a Space whose turns are named and whose replies open on a step's
// badge (`Calling Retriever`), each ending on its message box and its maker's footer with the person's
// notes pasted under it; a snippet site that shows the text again under `Raw text`; and plain-text
// notes whose remarks stand in a column after a wide gap or after an arrow. Near misses in the same
// shapes stay wrong.

const graded = (file: string) => gradedFixtureFile('app-pages', file);
const text = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'app-pages', file), 'utf8');
const response = (file: string, part: string) => readWithStaffKey(text(file), file).responses.find((r) => r.partId === part);

test("a page's avatars copied as their icons' names head its turns; the person's notes under its footer are no answers", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('mesop-tutor-icon-avatars.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    // (Near miss: a wrong shape in the same page stays wrong.)
    '4.b': 'incorrect: ((W/S) × H/S) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
  const notes = readWithStaffKey(text('mesop-tutor-icon-avatars.txt'), 'mesop-tutor-icon-avatars.txt').notes.map((n) => n.text);
  assert.ok(notes.some((n) => n.includes('4c: I first had L*K')));
  for (const part of ['2.b', '4.c']) assert.doesNotMatch(response('mesop-tutor-icon-avatars.txt', part)!.final.text, /content_copy|thumb_up|Powered by|TA said|ask again/);
});

test("a Space's footer ends its chat, and a step's badge over each reply is the app's", { skip: devSkip }, async () => {
  const verdicts = await graded('gradio-space-named-turns.txt');
  assert.equal(verdicts['4.c'], 'correct: 1 + L (K - 1)');
  assert.match(verdicts['3.b'] ?? '', /^correct: /);
  const final = response('gradio-space-named-turns.txt', '4.c')!.final.text;
  assert.doesNotMatch(final, /Calling Retriever|Built with Gradio|I'd have said/);
  assert.equal(response('gradio-space-named-turns.txt', '4.c')!.attempts.length, 1);
});

test("a snippet site's raw copy of the text is read once", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('snippet-site-raw-copy.txt'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
  const final = response('snippet-site-raw-copy.txt', '4.b')!.final.text;
  assert.equal(final.match(/floor\(\(W - K\)\/S\)/g)?.length, 1);
});

test('words in a column after a wide gap, or after an arrow, are a remark on the formula, no factors of it', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('plain-notes-column-remarks.txt'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
  // (Near misses: wrong answers with the same remarks stay wrong.)
  assert.deepEqual(await graded('plain-notes-column-near-miss.txt'), {
    '1.b': 'partial: c d_out d_in^2',
    '4.b': 'incorrect: ⌊W/S⌋ × ⌊H/S⌋ × C',
    '4.c': 'incorrect: L K',
  });
});
