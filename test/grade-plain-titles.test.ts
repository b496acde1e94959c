import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// A reply's section titles without their markup (a chat page copied as text, a heading pasted as a
// plain line): short capitalised lines standing alone. When the person asked several parts in
// words, a TA reads each section as the part its title names, in the reply's order, as they would
// under `## Titles`; read as one block, the reply's first value was taken for every part.

const DIR = 'plain-titles';

test('sections under plain title lines, in their own order, each go to the part their words name', () => {
  const s = readPs6(DIR, 'page-copy-sections.txt');
  assert.deepEqual(
    s.responses.map((r) => [r.partId, r.alignedBy]),
    [
      ['4.a', 'title'],
      ['4.b', 'title'],
    ],
  );
  assert.match(s.responses[0]!.final.text, /= 8/);
  assert.deepEqual(ps6Verdicts(DIR, 'page-copy-sections.txt'), ['4.a correct', '4.b correct']);
});

test('near miss: two sentences left without their full stops are no titles, and the reply is placed as before', () => {
  const s = readPs6(DIR, 'sentences-without-stops.txt');
  assert.deepEqual(
    s.responses.map((r) => [r.partId, r.alignedBy]),
    [['4.a', 'order']],
  );
});
