import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// Agent, editor and sidebar chats (blind round 32: a terminal agent whose prompt is a bare `>`, an
// editor sidebar whose person's turns are quotes naming the part, an agent's labelled list of a
// part's answers), in other apps' and people's words, each with a near miss that keeps its reading.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'agents', name), 'utf8');
const verdicts = (name: string) => Object.fromEntries(gradeWithStaffKey(fixture(name), name));

test("a part's answers listed under their labels: each is read on its own line, a count before its noun as the count", { skip: devSkip }, () => {
  // (`- Biases: a single offset per kernel → F biases` gave the output shape of the line under it to the weights and biases.)
  assert.deepEqual(verdicts('counted-fields.md'), { '4.a': 'correct' });
  const [part] = readAndGrade('counted-fields.md');
  assert.match(part!, /^weights: K\^2 C F; biases: F; output_shape: /);
  // Near miss: a wrong count under its label stays wrong, not replaced by a right one elsewhere.
  assert.deepEqual(verdicts('counted-fields-wrong-bias.md'), { '4.a': 'partial' });
  assert.match(readAndGrade('counted-fields-wrong-bias.md')[0]!, /biases: C;/);
});

test('near miss: several labels on one line, and a value before a later label on its line, keep their readings', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('one-line-fields.md'), { '3.b': 'correct', '4.a': 'correct' });
});

test("an editor sidebar's quoted prompts that open on the part they ask are the person's turns, with or without a verb", { skip: devSkip }, () => {
  const read = readWithStaffKey(fixture('quoted-part-prompts.md'), 'quoted-part-prompts.md');
  assert.equal(read.format, 'chat-text');
  assert.deepEqual(
    read.messages?.filter((m) => m.role === 'user').map((m) => m.text.slice(0, 5)),
    ['Pleas', '2(c):', 'and w'],
  );
  assert.deepEqual(verdicts('quoted-part-prompts.md'), { '2.b': 'correct', '2.c': 'correct', '2.e': 'correct' });
  // Near miss: a write-up's quoted remarks on parts (`> 2(b) was marked wrong ...`) ask nothing; it stays a write-up.
  assert.equal(readWithStaffKey(fixture('quoted-part-remarks.md'), 'r.md').format, 'writeup');
  assert.deepEqual(verdicts('quoted-part-remarks.md'), { '2.b': 'correct', '2.c': 'correct' });
});

test("a terminal agent whose prompt is a bare `>` over indented output is a chat; `Answer (b):` and `For (c):` head the reply's parts", { skip: devSkip }, () => {
  const read = readWithStaffKey(fixture('indented-terminal.txt'), 'indented-terminal.txt');
  assert.deepEqual(
    read.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.deepEqual(verdicts('indented-terminal.txt'), { '2.b': 'correct', '2.c': 'correct', '2.e': 'correct' });
  // Near miss: a write-up quoting each question with its answers at the margin is no terminal.
  const notes = readWithStaffKey(fixture('quoted-questions-writeup.md'), 'q.md');
  assert.ok(notes.messages?.every((m) => !m.text.startsWith('Assistant:')) ?? true);
  assert.deepEqual(verdicts('quoted-questions-writeup.md'), { '2.b': 'correct', '2.c': 'correct' });
});

/** Each answered part's answer as read, of a fixture. */
function readAndGrade(name: string): string[] {
  return gradedPartsWithStaffKey(fixture(name), name)
    .filter((p) => p.verdict !== 'missing')
    .map((p) => p.answer ?? '');
}
