import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { replPromptTurns } from '../src/documents/repl-prompts.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Chats with a model in a terminal REPL that borrows Python's prompts (`>>> ` with `... ` under a
// multi-line paste fenced in `"""`, IPython's `In [2]: ` with `   ...: `): the prompts are the
// person's turns and the lines up to the next prompt the model's reply. Read as write-ups, the
// pasted questions and the follow-ups were taken for answers, or no part was found.

const verdicts = (file: string) => ps6Verdicts('repl-prompts', file);
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'repl-prompts', file), 'utf8');

test("a REPL rendering the model's Markdown: centred headings label the parts, and the answer the model caves to is its last", () => {
  assert.deepEqual(verdicts('rendered-chat-repl.txt'), ['3.a correct', '3.b.i correct', '3.b.ii incorrect', '4.a correct', '4.b correct']);
  const s = readPs6('repl-prompts', 'rendered-chat-repl.txt');
  assert.deepEqual(
    s.messages?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant', 'user', 'assistant'],
  );
  assert.match(s.messages![0]!.text, /^PS6 problem 3\. x = \[1, 2, 3\]/);
  assert.equal(s.messages![3]!.text, "You're right, I apologise. Taking the two 3s together, the largest entry is 6.");
});

test('a local model\'s session with a `"""` paste, copied without its command line, the empty prompt\'s placeholder left at the end', () => {
  assert.deepEqual(verdicts('ollama-paste.txt'), ['1.a correct', '1.b incorrect', '2.a correct', '2.b correct']);
  assert.equal(readPs6('repl-prompts', 'ollama-paste.txt').messages?.length, 4);
});

test("under `ollama run`, a multi-line paste's `... ` lines are the person's, not the reply's first lines", () => {
  assert.deepEqual(verdicts('ollama-run-paste.txt'), ['4.a correct', '4.b correct']);
});

test("IPython: a call passing the request as a string is the person's turn, the import before it no turn", () => {
  assert.deepEqual(verdicts('ipython-helper.txt'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
  const asked = readPs6('repl-prompts', 'ipython-helper.txt').messages?.filter((m) => m.role === 'user');
  assert.deepEqual(
    asked?.map((m) => m.text.split('\n')[0]),
    [
      'PS6 problem 4: a 2 x 2 max pool with stride 2 is applied to a 16 x 16 map. (a) What is the output side? (b) How many parameters does the pooling layer have?',
      'PS6 problem 2: a gradient has norm 8 and the clipping threshold is 2.',
    ],
  );
});

test("near misses: a Python shell's checks in a write-up, a mail's `>>>` quotes and a person's `>>>` notes are read as written", () => {
  for (const file of ['python-checks-writeup.txt', 'mail-quotes.txt', 'shell-remarks.txt']) assert.equal(replPromptTurns(fixture(file)), undefined, file);
  assert.deepEqual(verdicts('python-checks-writeup.txt'), ['2.a correct', '2.b correct', '3.a correct', '3.b.i correct', '3.b.ii correct']);
  assert.deepEqual(verdicts('mail-quotes.txt'), ['2.a correct', '2.b correct']);
  assert.deepEqual(verdicts('shell-remarks.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
  // (A Python session typed at `>>>` with its outputs, the `... ` of a block under a `def`.)
  const session = '>>> def runtime(n, m, p):\n...     return n * m * p\n...\n>>> runtime(10, 10, 10)\n1000\n>>> runtime(10, 10, 1) + 1000\n1100\n';
  assert.equal(replPromptTurns(session), undefined);
});
