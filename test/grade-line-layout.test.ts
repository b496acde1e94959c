import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assignmentOf } from '../src/documents/assignment.js';
import { unwrapHardWrappedLines, wrapWidth } from '../src/documents/hard-wrap.js';
import { loadKey } from '../src/documents/key.js';
import { paragraphsApart } from '../src/documents/paragraph-breaks.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// Layout a TA grades the same (issue 9): lines hard-wrapped at a width (an e-mail client, a terminal,
// `fmt`) and paragraphs with no blank line between them (an app's copy that drops them). The reader
// takes answers from lines and boundaries from blank lines; these passes give it both back.
const DIR = fileURLToPath(new URL('../../test/fixtures/line-layout/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const verdicts = (text: string) => new Map(gradeSubmission(assignmentOf(key!), readSubmission(text, 'w.txt', key!)).parts.map((p) => [p.id, p.verdict]));
const fixture = (name: string) => verdicts(readFileSync(join(DIR, name), 'utf8'));
const ALL = ['1.a', '1.b', '1.c', '2.a', '2.b'];

test('an e-mail wrapped at 72 columns: a label at the end of a line with its value on the next is read whole', () => {
  const v = fixture('mail-wrapped.txt');
  for (const id of ALL) assert.equal(v.get(id), 'correct', id);
});

test('a chat copied with its blank lines dropped: the bot-name lines and the app buttons still part the turns', () => {
  const v = fixture('phone-chat-no-blanks.txt');
  for (const id of ALL) assert.equal(v.get(id), 'correct', id);
});

test('near miss: a terse write-up typed with no blank lines (one answer a line, a list of working) reads as it is', () => {
  const v = fixture('terse-no-blanks.txt');
  for (const id of ALL) assert.equal(v.get(id), 'correct', id);
});

const wrapped = [
  'Here is what I found for the first problem after checking it twice with',
  'the numbers from the sheet, and the second one follows right after it.',
  '- a list item stays a list item even though the line above it is long',
  '(b) a new label starts a new line, whatever the width of the line above',
  '| a | table | row |',
  '```',
  'print("code is never joined to the line above or below it, whatever")',
  '```',
  '$$',
  'E = \\tfrac12 k x^2 = 42',
  '$$',
  'The last paragraph is long enough to be wrapped at the same width as the',
  'first one was, so that the width shows three times in this little text.',
  'Step two => goes on its own line because a derivation step starts there',
];

test('a width the text shows is found, and only the cuts it explains are joined', () => {
  const lines = wrapped;
  assert.equal(wrapWidth(lines), 72);
  const out = unwrapHardWrappedLines(lines.join('\n')).split('\n');
  assert.ok(out.includes('Here is what I found for the first problem after checking it twice with the numbers from the sheet, and the second one follows right after it.'));
  assert.ok(out.includes('The last paragraph is long enough to be wrapped at the same width as the first one was, so that the width shows three times in this little text.'));
  // Near misses: a new item, a new label, a table row, code, display math, a derivation's next step.
  for (const l of lines.slice(2, 11)) assert.ok(out.includes(l), l);
  assert.ok(out.includes('Step two => goes on its own line because a derivation step starts there'));
});

test('near miss: a text whose paragraphs are single long lines shows no width and is left as it is', () => {
  const text = [
    'This paragraph was typed as one long line in a chat box, the way most people type their replies and most chat apps copy them.',
    'so the next line, though it starts in lower case, is a line of its own',
    'And a third line of a length close to the first few lines of the text.',
    'x = 3',
  ].join('\n');
  assert.equal(wrapWidth(text.split('\n')), undefined);
  assert.equal(unwrapHardWrappedLines(text), text);
});

test('blank lines come back between paragraphs, not inside a list, a table, a quote, a frame or code', () => {
  const text = [
    'Intro line of the reply.',
    'Second paragraph.',
    '- item one',
    '- item two',
    '  continued under item two',
    '| a | b |',
    '| 1 | 2 |',
    '> quoted line one',
    '> quoted line two',
    '```',
    'x = 1',
    'y = 2',
    '```',
    'Last line.',
  ].join('\n');
  assert.equal(
    paragraphsApart(text),
    [
      'Intro line of the reply.',
      '',
      'Second paragraph.',
      '',
      '- item one',
      '- item two',
      '  continued under item two',
      '',
      '| a | b |',
      '| 1 | 2 |',
      '',
      '> quoted line one',
      '> quoted line two',
      '',
      '```',
      'x = 1',
      'y = 2',
      '```',
      '',
      'Last line.',
    ].join('\n'),
  );
});

test('near miss: a text that has its blank lines, or too few lines to tell, is left as it is', () => {
  const spaced = 'One.\n\nTwo.\nThree.\n\nFour.\nFive.\n\nSix.\nSeven.\nEight.\n\nNine.';
  assert.equal(paragraphsApart(spaced), spaced);
  const short = 'a) 1\nb) 2\nc) 3';
  assert.equal(paragraphsApart(short), short);
});
