import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';
import { numberedPromptsAsTurns } from '../src/documents/numbered-prompts.js';
import { speakerShapes } from '../src/documents/speaker-shapes.js';
import { markedPromptTurns } from '../src/documents/marked-prompts.js';
import { declaredRemarkMark } from '../src/documents/declared-remarks.js';
import { withoutStatusLines } from '../src/documents/status-lines.js';

// Chats copied as plain text from chat pages, consoles, workplace apps and terminals, where the person
// asks about parts and the model answers them, but the turns are told apart by something no reader
// had a word for: a counter in the person's label (`Your message 1/2:`), a rule drawn in box-drawing
// lines over a name line, an app's badge between a sender and the time, a prompt mark at the margin of
// a terminal. Read as write-ups, no part was found; the person's remarks, marked as the preamble
// declares, and the console's status lines under each reply were read as answers.

const DIR = 'chat-copies';
const verdicts = (file: string) => ps6Verdicts(DIR, file);
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');

test("a page's counted prompt labels (`Your message 1/2:`) head the person's turns; the reply's topic headings name the parts asked in words", () => {
  assert.equal(roles('counted-prompts.txt'), 'uaua');
  assert.deepEqual(verdicts('counted-prompts.txt'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
  // (The model's variant before the colon is the speaker's name, not the reply's first words.)
  assert.doesNotMatch(readPs6(DIR, 'counted-prompts.txt').messages![1]!.text, /^Coder Plus/);
});

test("a console's turns between rules drawn in box-drawing lines, its status line under each reply no answer", () => {
  assert.equal(roles('ruled-console.txt'), 'uaua');
  assert.deepEqual(verdicts('ruled-console.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct', '4.a correct', '4.b correct']);
});

test("a workplace thread whose bot's header carries the app's badge (`tutorbot  APP  10:02 AM`): the person's requests name the parts", () => {
  assert.equal(roles('badged-senders.txt'), 'nuauau');
  assert.deepEqual(verdicts('badged-senders.txt'), ['1.a correct', '2.a correct']);
});

test("a terminal scrollback with prompts marked at the margin (`❯ ...`): each prompt a turn, the app's command and its output none", () => {
  assert.equal(roles('terminal-marks.txt'), 'uaua');
  assert.deepEqual(verdicts('terminal-marks.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct', '4.a correct', '4.b correct']);
});

test("the remark mark a preamble declares (`Lines beginning with NB: are my own notes`) makes the person's lines notes, never the reply's", () => {
  const sub = readPs6(DIR, 'declared-notes.md');
  const replies = (sub.messages ?? []).filter((m) => m.role === 'assistant');
  assert.equal(replies.length, 2);
  // (What a remark says is taken out; its mark stays alone on its line, where it stood.)
  for (const r of replies) assert.doesNotMatch(r.text, /NB:[ \t]*\S/);
  assert.deepEqual(verdicts('declared-notes.md'), ['1.a correct', '2.a correct']);
  assert.deepEqual(declaredRemarkMark('%% = my comments (Priya S.)\n')?.mark, '%%');
  assert.deepEqual(declaredRemarkMark('My review comments are the lines starting with REVIEW:.\n')?.mark, 'REVIEW:');
  assert.deepEqual(declaredRemarkMark('Copied from the page. My comments\nstart with "⟶ my take:".\n')?.mark, '⟶ my take:');
});

test('every line stays where the file has it', () => {
  for (const file of ['counted-prompts.txt', 'ruled-console.txt']) {
    const text = fixture(file);
    for (const pass of [numberedPromptsAsTurns, speakerShapes, withoutStatusLines]) assert.equal(pass(text).split('\n').length, text.split('\n').length, file);
  }
  assert.notEqual(numberedPromptsAsTurns(fixture('counted-prompts.txt')), fixture('counted-prompts.txt'));
  assert.notEqual(speakerShapes(fixture('ruled-console.txt')), fixture('ruled-console.txt'));
});

test("near misses: a write-up's counted questions, its rules, one writer's badged drafts, an asked-for answer mark, a page's related questions", () => {
  // `Question 2 of 4:` is the write-up's question, not a prompt; rules over numbered titles are no turns.
  assert.equal(numberedPromptsAsTurns(fixture('near-counted-questions.md')), fixture('near-counted-questions.md'));
  assert.equal(readPs6(DIR, 'near-counted-questions.md').format, 'writeup');
  assert.deepEqual(verdicts('near-counted-questions.md'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
  assert.equal(speakerShapes(fixture('near-ruled-writeup.txt')), fixture('near-ruled-writeup.txt'));
  assert.deepEqual(verdicts('near-ruled-writeup.txt'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
  // One sender with the app's badges is a log of drafts, no chat.
  assert.equal(readPs6(DIR, 'near-badged-drafts.txt').format, 'writeup');
  assert.deepEqual(verdicts('near-badged-drafts.txt'), ['1.a correct', '2.a correct', '2.b correct']);
  // The mark the person asked the model to use is the model's; only the one declared for their notes is theirs.
  assert.deepEqual(declaredRemarkMark(fixture('near-asked-marker.md'))?.mark, '~ me:');
  assert.match(readPs6(DIR, 'near-asked-marker.md').messages!.find((m) => m.role === 'assistant')!.text, /Result: 0\.25/);
  assert.deepEqual(verdicts('near-asked-marker.md'), ['2.a correct']);
  // Arrows in a row with no reply between them are a page's related questions, not prompts.
  assert.equal(markedPromptTurns(fixture('near-related-arrows.md')), undefined);
  assert.deepEqual(verdicts('near-related-arrows.md'), ['4.a correct']);
  // A writer's own line of values, once or twice, is no status line; only one that recurs with three cells or more is.
  const pair = 'Weights: 27   Biases: 3\n\nand for the second layer\n\nWeights: 90   Biases: 10\n';
  assert.equal(withoutStatusLines(pair), pair);
  const once = '(e) Params: 100   Output: 28   Depth: 10\n';
  assert.equal(withoutStatusLines(once), once);
});
