import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { speakerShapes } from '../src/documents/speaker-shapes.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Chats whose who-speaks lines carry names no reader has a word for (a person's name, an app's
// own name for its bot, a word of another language), in a heading, in bold, with a colon or
// after a glyph. A person finds the turns by their shape, their order and what they say; read as
// write-ups, the person's pasted question was graded with the answers, or a corrected answer lost.

const verdicts = (file: string) => ps6Verdicts('speaker-shapes', file);
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'speaker-shapes', file), 'utf8');
const roles = (file: string) => (readPs6('speaker-shapes', file).messages ?? []).map((m) => m.role[0]).join('');

test('headings naming the person and the model, with a time after each: the corrected answer is the final one', () => {
  assert.equal(roles('heading-names.md'), 'uaua');
  assert.deepEqual(verdicts('heading-names.md'), ['4.a correct', '4.b correct']);
});

test("a chat site's page footer over turns headed `Name:` is no page of that site: its turns are read", () => {
  assert.equal(roles('page-footer-names.txt'), 'uaua');
  assert.deepEqual(verdicts('page-footer-names.txt'), ['1.a correct', '1.b incorrect', '4.a correct']);
});

test("a glyph before the names: the person's follow-up is a turn, the model's correction its final answer", () => {
  assert.equal(roles('glyph-names.txt'), 'uaua');
  assert.deepEqual(verdicts('glyph-names.txt'), ['2.a correct', '2.b correct']);
});

test('a single exchange under two bold names at the top is a chat', () => {
  assert.equal(roles('bold-single.md'), 'ua');
  assert.deepEqual(verdicts('bold-single.md'), ['4.a correct', '4.b correct']);
});

test('every line stays where the file has it', () => {
  for (const file of ['heading-names.md', 'page-footer-names.txt', 'glyph-names.txt', 'bold-single.md']) {
    const text = fixture(file);
    assert.notEqual(speakerShapes(text), text, file);
    assert.equal(speakerShapes(text).split('\n').length, text.split('\n').length, file);
  }
});

test("near misses: a write-up's alternating `Work:` / `Answer:` lines and a group's members heading their own parts are read as written", () => {
  for (const file of ['writeup-work-answer.md', 'group-writeup.md']) {
    assert.equal(speakerShapes(fixture(file)), fixture(file), file);
    assert.equal(readPs6('speaker-shapes', file).format, 'writeup', file);
  }
  assert.deepEqual(verdicts('writeup-work-answer.md'), ['4.a correct', '4.b correct']);
  assert.deepEqual(verdicts('group-writeup.md'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
  // Two names the readers know already are theirs to read; a model's known name never heads the person's turns.
  const known = 'User:\nWhat is 2 + 2?\n\nAssistant:\nIt is 4, since adding two and two gives four.\n';
  assert.equal(speakerShapes(known), known);
});
