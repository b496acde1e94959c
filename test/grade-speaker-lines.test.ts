import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { speakerLines } from '../src/documents/speaker-lines.js';
import { ps6Verdicts } from './ps6-key.js';

// Chats whose turns are headed as no chat site heads them: a messaging app's export (a stamp,
// then the sender's name: `04/12/2025, 19:02 - Priya:`), an editor's chat under the person's
// login (`rkumar:` then `GitHub Copilot:`), and a terminal session with a local model
// (`>>> prompt` under `ollama run`). Each was read as a write-up with no part found.

const verdicts = (file: string) => ps6Verdicts('speaker-lines', file);
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'speaker-lines', file), 'utf8');

test("a messaging app's export: the stamps are no part of the turns, the person's name heads theirs", () => {
  assert.deepEqual(verdicts('whatsapp-chatgpt.txt'), ['1.a correct', '1.b incorrect', '4.a correct', '4.b correct']);
});

test("an editor's chat under the person's login: the login heads the person's turns, so the model's last answer is its own", () => {
  assert.deepEqual(verdicts('editor-handle.txt'), ['4.a correct', '4.b incorrect']);
});

test("a terminal session with a local model: `>>>` lines are the person's, the reasoning and `/bye` no answer", () => {
  assert.deepEqual(verdicts('ollama-session.txt'), ['1.a correct', '1.b incorrect']);
});

test('every line stays where the file has it', () => {
  for (const file of ['whatsapp-chatgpt.txt', 'editor-handle.txt', 'ollama-session.txt']) {
    const text = fixture(file);
    assert.equal(speakerLines(text).split('\n').length, text.split('\n').length, file);
  }
});

test("near misses: a write-up whose lines start with a name and `Model:`, and a Python session's `>>>`, are read as written", () => {
  assert.equal(speakerLines(fixture('writeup-labels.txt')), fixture('writeup-labels.txt'));
  assert.deepEqual(verdicts('writeup-labels.txt'), ['4.a correct', '4.b correct']);
  assert.equal(speakerLines(fixture('python-repl.txt')), fixture('python-repl.txt'));
  assert.deepEqual(verdicts('python-repl.txt'), ['1.a correct']);
  // Two people's messages with no model among them: the stamps go, no one is made the person.
  const friends = '[10/3/25, 21:40:12] Dani: did you get 4(a)?\n[10/3/25, 21:41:02] Sam: yes, 8\n';
  assert.equal(speakerLines(friends), 'Dani: did you get 4(a)?\nSam: yes, 8\n');
});
