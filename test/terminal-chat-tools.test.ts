import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { shellChatTurns } from '../src/documents/shell-chats.js';

// Blind round 43's terminal session with charmbracelet mods: a chat held from a shell through a
// command-line tool is a chat, whatever the tool (mods, llm, sgpt, aichat, ollama run) and the shell's
// prompt (`user@host:~/dir$`, zsh's `%`, starship's `❯` under a line of its own, PowerShell's `PS C:\...>`).
// Each call's words (a quoted argument, a heredoc) are the person's turn and name its part, the output up
// to the next prompt is the model's reply (glamour's indented Markdown read back as Markdown), a tool
// started bare holds its own REPL, and shell comments and other commands are no answers. Each in
// documents of our own, with near misses: a follow-up that overturns a right answer, and a comment
// stating the right value under a wrong reply.

const graded = (file: string) => gradedFixtureFile('terminal-chat-tools', file);

test("simonw's llm at a bash prompt: each call's quoted words or heredoc name the part its reply answers; `ls` and comments are no answers", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('llm-cli-bash-claude.txt'), {
    '2.c': 'correct: ‖|Delta W|‖₂ ≤ sqrt(d_out)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("sgpt calls under starship's two-line prompt, then `ollama run` holding its own `>>>` REPL: each reply answers its part, the person's comment none", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('sgpt-starship-ollama-repl.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.e': 'correct: alpha = sqrt(d_out)',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near miss: a `mods -C` follow-up that redoes a part overturns its right answer with a wrong one', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('mods-followup-overturns.txt'), {
    '2.c': 'incorrect: ‖Delta W‖₂ ≤ d_out/sqrt(d_in)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
  });
});

test("near miss: a shell comment stating the right value under the model's wrong reply is the person's remark, not the answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('aichat-powershell-remark.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'incorrect: alpha = 1/d_in',
  });
});

test("`llm chat` started from the shell holds its own `> ` REPL; the shell comment after it, naming a part and a value, is the person's note, not the part's answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('llm-chat-repl-comment.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: ‖|Delta W|‖₂ ≤ sqrt(d_out)',
  });
});

test('a write-up that shows one call of a chat tool, or commands of no chat tool, is no session', () => {
  const one = [
    'I asked the model once:',
    '',
    '$ llm "what is the rank of a sign matrix of a rank-one gradient?"',
    'It is rank one, so its spectral norm is sqrt(d_out d_in).',
    '',
    '(b) c = 1/sqrt(d_in)',
  ].join('\n');
  assert.equal(shellChatTurns(one), undefined);
  const build = ['$ npm run build', 'done in 3s', '$ npm test', 'all 12 tests passed', '$ git push'].join('\n');
  assert.equal(shellChatTurns(build), undefined);
});

test('terminal colours are no part of a turn, and a call with an unclosed quote reads on to its closing line', () => {
  const turns = shellChatTurns(
    [
      '\x1b[32mme@box\x1b[0m:~$ tgpt "part 4(c): receptive field of L stacked',
      '> KxK stride-1 convolutions?"',
      '\x1b[1mL(K-1) + 1\x1b[0m',
      'me@box:~$ tgpt "and part 4(d): what if each layer is followed by 2x2 pooling?"',
      'It grows faster than linearly.',
    ].join('\n'),
  );
  assert.deepEqual(
    turns?.map((m) => [m.role, m.text]),
    [
      ['user', 'part 4(c): receptive field of L stacked\nKxK stride-1 convolutions?'],
      ['assistant', 'L(K-1) + 1'],
      ['user', 'and part 4(d): what if each layer is followed by 2x2 pooling?'],
      ['assistant', 'It grows faster than linearly.'],
    ],
  );
});
