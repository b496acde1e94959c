import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { promptGlyphTurns } from '../src/documents/prompt-glyphs.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// A terminal agent's or REPL's scrollback: the person's requests typed after the program's prompt,
// a glyph of a few signs repeated at every request (`〉 ps6 problem 3 ... part (a): ...`), the reply
// below it. With the part labels inside the request's sentence, nothing was read as a turn or a part.
// The repeated glyph heads the turns, whatever its signs; shell commands and a list's glyph-led
// questions with nothing longer under them do not.

const DIR = 'terminal-prompts';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');

test("a REPL's repeated prompt glyph (`〉`) heads the person's turns; the program's own commands are none", () => {
  assert.equal(readPs6(DIR, 'repl-angle-prompt.txt').format, 'markdown-chat');
  assert.equal(roles('repl-angle-prompt.txt').replace(/^n+/, ''), 'uauaua');
  assert.deepEqual(ps6Verdicts(DIR, 'repl-angle-prompt.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
  const out = promptGlyphTurns(fixture('repl-angle-prompt.txt'));
  assert.equal(out.split('\n').length, fixture('repl-angle-prompt.txt').split('\n').length);
  assert.doesNotMatch(out, /\.model|\.exit/);
});

test("a script's word prompt (`you>`) heads the turns too, a terse reply shorter than its request", () => {
  assert.equal(roles('script-word-prompt.txt').replace(/^n+/, ''), 'uaua');
  assert.deepEqual(ps6Verdicts(DIR, 'script-word-prompt.txt'), ['1.a correct', '2.a correct']);
});

test('near miss: shell commands at a prompt in a write-up are no requests', () => {
  assert.equal(promptGlyphTurns(fixture('shell-commands-writeup.txt')), fixture('shell-commands-writeup.txt'));
  assert.deepEqual(ps6Verdicts(DIR, 'shell-commands-writeup.txt'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
});

test("near miss: a list of questions led by one glyph, nothing under each, is a write-up's", () => {
  assert.equal(promptGlyphTurns(fixture('glyph-led-questions.txt')), fixture('glyph-led-questions.txt'));
  assert.deepEqual(ps6Verdicts(DIR, 'glyph-led-questions.txt'), ['2.a correct', '2.b correct', '4.b correct']);
});
