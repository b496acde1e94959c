import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answeredFixtureParts, devSkip, readWithStaffKey, ROOT } from './hw4-dev.js';
import { replPromptTurns } from '../src/documents/repl-prompts.js';
import { withoutReplyStamps } from '../src/documents/reply-stamps.js';

// Chats held in a terminal and copied from its scrollback: the person's turns typed at a prompt (a bare
// `> ` whose input goes on over a line-end `\`, or that the person leaves with `exit`; a bar down the
// margin), the model's reply under it, and the program's own lines among them: the calls to tools with
// their output, a stamp with the model's name and time under every reply, its log and statistics.
// Read as write-ups, the prompts' words and the statistics were taken for answers, or no part was found.
// And a reply that states a part's answer and then the ratio of two answers, or a definition of a name
// it uses: the answer asked for is the value, not the comparison or the definition.

const DIR = 'terminal-sessions';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const parts = (file: string) => answeredFixtureParts(DIR, file);

test('a `> ` prompt carried on over `\\`, log lines above and statistics below: the requests are turns, the statistics no answer', { skip: devSkip }, () => {
  assert.deepEqual(parts('local-cli-continued.txt'), {
    '4.a': ['correct', 'weights: K K C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
  const asked = readWithStaffKey(fixture('local-cli-continued.txt'), 'local-cli-continued.txt').messages?.filter((m) => m.role === 'user');
  assert.deepEqual(
    asked?.map((m) => m.text.split('\n')[0]),
    ['Problem 4, CNN feature dimensions. Input is W x H x C.', '(c) Now stack L conv layers, each K x K with stride 1. What is the receptive field'],
  );
  // Near misses: a write-up's quoted output, a quote carried on over `\\` onto a quoted line, a quoted question, a mail's quotes.
  assert.equal(replPromptTurns(fixture('writeup-quotes-and-shell.md')), undefined);
  assert.equal(replPromptTurns(readFileSync(join(ROOT, 'test', 'fixtures', 'repl-prompts', 'mail-quotes.txt'), 'utf8')), undefined);
  assert.deepEqual(parts('writeup-quotes-and-shell.md'), {
    '1.a': ['correct', '2 c d_out^2 d_in'],
    '1.b': ['correct', '2 c d_out d_in^2'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test('a `> ` prompt the person leaves with `exit`: each one-line request is a turn, and its part is sure', { skip: devSkip }, () => {
  assert.deepEqual(parts('chat-command-exit.txt'), { '2.b': ['correct', 'c = 1/sqrt(d_in)'], '4.c': ['correct', 'L (K - 1) + 1'] });
});

test("a barred terminal agent: a request that asks in its second clause, tool calls with their output, and the model's stamp under each reply", { skip: devSkip }, () => {
  assert.deepEqual(parts('barred-agent-stamps.txt'), {
    '1.a': ['correct', '2 c d_out^2 d_in'],
    '1.b': ['correct', '2 c d_out d_in^2'],
    '7.b': ['correct', 'mean: 0; variance: (n - k + 1)^2 sigma_x^2 sigma_g^2; growth: so the standard deviation grows linearly in n: O(n).'],
  });
  const replies = readWithStaffKey(fixture('barred-agent-stamps.txt'), 'barred-agent-stamps.txt').messages?.filter((m) => m.role === 'assistant');
  assert.equal(replies?.length, 2);
  for (const r of replies!) assert.doesNotMatch(r.text, /qwen3-coder-30b|ModuleNotFoundError|38 lines/);
});

test("a stamp is a line of the app's that ends one reply and stands in another; a matrix's rows or a model's closing sentence are none", () => {
  const reply = (text: string) => ({ role: 'assistant' as const, text, line: 1 });
  const stamped = withoutReplyStamps([reply('T = 2c\n\n● llama3.1:8b  12 tok/s'), reply('y = 0\n\n● llama3.1:8b  15 tok/s\n ctrl+c quit')]);
  assert.deepEqual(
    stamped.map((m) => m.text),
    ['T = 2c', 'y = 0\n\n\n ctrl+c quit'],
  );
  const rows = [reply('y = [[1, 2],\n     [3, 4]]'), reply('z = [[5, 6],\n     [3, 4]]'), reply('Let me know if you need anything else!'), reply('Let me know if you need anything else!')];
  assert.deepEqual(withoutReplyStamps(rows), rows);
});

test("a plain-text reply's ratio of its answers after the runtime asked for is no answer; a ratio before the runtime stays a step", { skip: devSkip }, () => {
  assert.deepEqual(parts('ratio-after-runtime.txt'), { '1.a': ['correct', '2 c d_out^2 d_in'], '1.b': ['correct', '2 c d_out d_in^2'] });
  assert.deepEqual(parts('ratio-worded.txt'), { '1.a': ['correct', '2 c d_out^2 d_in'], '1.b': ['correct', '2 c d_out d_in^2'] });
  assert.deepEqual(parts('ratio-before-runtime.txt'), { '1.a': ['correct', '2 c d_out^2 d_in'], '1.b': ['correct', '2 c d_out d_in^2'] });
});

test('a definition set after a formula by a comma and a wide gap, of a name it uses, is no part of its value', { skip: devSkip }, () => {
  assert.deepEqual(parts('side-definition.txt'), {
    '7.a': ['correct', 'gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}'],
  });
});
