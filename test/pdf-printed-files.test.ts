/**
 * Files printed as they are, in words of their own: an app's JSON export opened in an editor and
 * printed as a page of text (round 39's board and drawing exports) is read as the file, however the
 * page wrapped its long strings. Near miss: prose between braces stays a page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { textPage } from './fixtures/pdf/chat-export.js';
import { CHROMIUM } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

// A study planner's export: each task's notes are one long string, wider than the page, which
// wraps them; a wrap before ` - ` reads as a list's item, so the page's reading left it a line.
const planner = {
  title: 'Signals homework, my half',
  owner: { name: 'T. Varga', handle: 'tvarga' },
  tasks: [
    {
      name: 'Problem 3(b) shifted input',
      notes: 'Delaying the input by N delays the whole output by N as well, so y2(n) = y(n - N); the sum does not care where the box starts. That is shift invariance of an LTI system, nothing more.',
      done: true,
    },
    {
      name: 'Problem 3(a) tail',
      notes:
        'for n >= 7 the whole box is inside: y(n) = (1/2)^n (1 + 2 + 4 + 8 + 16 + 32 + 64) = (1/2)^n (2^7 - 1), i.e. y(7) = 127/128 - then y(8) = 127/256 - then y(9) = 127/512 - halving each step',
      done: true,
    },
    {
      name: 'Problem 4(b) pooling shape',
      notes:
        'windows of K with step S over W: (W - K)/S + 1 per side - rounded down - and the depth - C - stays as it was, since - as with any pooling - every channel is pooled on its own - no weights at all',
      done: false,
    },
  ],
};
// Near miss: a page of notes that opens on a brace and closes on one, but is prose, not JSON.
const braced = [
  '{ my own notes, not for hand-in }',
  '',
  'Problem 4(b): the window of K slides with step S over W, which gives floor((W - K)/S) + 1 positions along each side, and since every channel is pooled on its own the depth stays C.',
  '',
  '{ end of notes }',
].join('\n');

const printed = printedBeforeTests(
  [
    { name: 'planner', job: textPage(JSON.stringify(planner, null, 2)) },
    { name: 'braced', job: textPage(braced) },
  ],
  !!noChromium,
);

test('a JSON export printed as a page of text is read as the file, its strings the page wrapped whole', { skip: noChromium }, () => {
  const text = printed.texts.get('planner')!;
  // The page wrapped the notes: read as it prints, no JSON reader could take it.
  assert.deepEqual(JSON.parse(text), planner);
});

test('near miss: prose between braces printed as a page stays the page, not taken for JSON', { skip: noChromium }, async () => {
  const text = printed.texts.get('braced')!;
  assert.throws(() => JSON.parse(text));
  assert.match(text, /^\{ my own notes, not for hand-in \}/);
  assert.match(text, /Problem 4\(b\): the window of K slides with step S over W/);
  // Read again from the bytes: the same page.
  assert.equal((await readDocumentFile(printed.pdfs.get('braced')!, 'braced.pdf')).text, text);
});
