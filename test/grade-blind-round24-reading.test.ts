import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, readWithStaffKey, ROOT } from './hw4-dev.js';
import { boxedPromptTurns } from '../src/documents/boxed-prompts.js';
import { isLabelledRemark } from '../src/documents/labelled-remarks.js';

// Blind round 24's reading classes (issue 9): parts the reader did not find, each in a document of our
// own, not the round's, with a near miss that must read as it did before.

const TERMINAL = join(ROOT, 'test', 'fixtures', 'terminal-chats');

test("a terminal chat whose prompts are drawn in frames (`┌──┐ │ ❯ prompt │ └──┘`) is a chat: the frames are the person's turns, a tool's frame is no one's, the replies' numbered steps are no questions", {
  skip: devSkip,
}, () => {
  const text = readFileSync(join(TERMINAL, 'framed-prompts.txt'), 'utf8');
  const sub = readWithStaffKey(text, 'framed-prompts.txt');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  // The tool's frame (a listing of the file's questions) is neither a turn nor a line of the reply.
  assert.ok(!sub.messages?.some((m) => m.text.includes('Newton-Schulz')));
  const g = gradeWithStaffKey(text, 'framed-prompts.txt');
  for (const id of ['1.a', '1.b', '2.c', '2.d', '2.e']) assert.equal(g.get(id), 'correct', id);
  assert.equal([...g.keys()].filter((id) => /^[34]\./.test(id)).length, 0);
  // Near miss: a write-up that frames its own summary (no prompt mark in any frame) is no chat and reads as before.
  const writeup = ['Problem 2', '', '(c) $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$', '', '┌──────────────────────┐', '│ Summary: (c) √d_out  │', '└──────────────────────┘', ''].join('\n');
  assert.equal(boxedPromptTurns(writeup), undefined);
  assert.equal(gradeWithStaffKey(writeup, 'framed-summary.txt').get('2.c'), 'correct');
  // Near miss: a framed prompt with nothing under it is no chat either.
  assert.equal(boxedPromptTurns('╭──────────╮\n│ > hello  │\n╰──────────╯\n'), undefined);
});

test("a person's note signed with initials in any bracket (`<<JR>> ...`, `{JR} ...`) is their remark, not the model's words", () => {
  for (const p of ['<<JR>> the constant is off, should be 1/sqrt(d_out).', '{JR} fine', '<JR>: agrees with the key']) assert.equal(isLabelledRemark(p), true, p);
  // Near misses: a model's special tokens and the field's acronyms in angle brackets, and a Roman numeral, are its words.
  for (const p of ['<EOS> ends every sequence.', '<<II>> By induction, ...', '{CNN} layers keep the shape.', '<b> bold']) assert.equal(isLabelledRemark(p), false, p);
});
