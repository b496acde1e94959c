import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, ROOT } from './hw4-dev.js';
import { consoleSessionAsWriteup } from '../src/documents/console-sessions.js';
import { consoleChatTurns } from '../src/documents/console-chats.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Sessions of a numerical environment's console saved as text (a MATLAB/Octave diary at `>> ` or
// `octave:3> `, R at `> ` with `+ ` lines, `julia> `): the person's words are in comments, a label in
// one heads what follows, a closing block of comment lines lists the finals, and a matrix printed under
// its name is the result. A call that passes words to a model and gets a reply printed under it is a
// chat's turn. Read as they stand, the comment signs hid every label.

const DIR = 'console-sessions';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const verdicts = (file: string) => ps6Verdicts(DIR, file);

test('a MATLAB diary: the labels in comments at the prompt head the parts, the printed results answer them', () => {
  assert.deepEqual(verdicts('matlab-diary.txt'), ['2.a correct', '2.b correct', '3.a correct', '3.b.i correct', '3.b.ii correct']);
  const read = readPs6(DIR, 'matlab-diary.txt');
  // (`s =`, a blank line, `0.2500`: one number printed under its name is that number.)
  assert.match(read.responses.find((r) => r.partId === '2.a')!.final.text, /^s = 0\.2500$/m);
});

test("numbered Octave prompts and a closing block of comment lines that lists each part's final answer", () => {
  assert.deepEqual(verdicts('octave-closing-block.txt'), ['3.a correct', '4.a correct', '4.b correct']);
});

test("an R console's calls that pass words to a model are the person's turns and the printed replies the model's; the corrected answer is final", () => {
  const turns = consoleChatTurns(fixture('r-console-chat.txt'));
  assert.deepEqual(
    turns?.map((m) => m.role),
    ['note', 'user', 'assistant', 'note', 'user', 'assistant', 'note', 'user', 'assistant'],
  );
  assert.equal(turns![1]!.text, 'PS6 problem 4: a 2 x 2 max pool with stride 2 is applied to a 16 x 16 map. (a) What is the output side?');
  // (The table `bot$usage()` prints after the last reply is no words of it.)
  assert.doesNotMatch(turns![8]!.text, /input output/);
  assert.deepEqual(verdicts('r-console-chat.txt'), ['4.a correct', '4.b correct']);
  // (The session is a chat: no write-up is made of it.)
  assert.equal(consoleSessionAsWriteup(fixture('r-console-chat.txt')), fixture('r-console-chat.txt'));
});

test("near misses: a script's step comments, a Markdown quote of code-like notes, a session with no labels", () => {
  for (const file of ['script-comments.txt', 'quoted-notes.md']) assert.equal(consoleSessionAsWriteup(fixture(file)), fixture(file), file);
  assert.deepEqual(verdicts('script-comments.txt'), ['2.a correct', '2.b correct']);
  assert.deepEqual(verdicts('quoted-notes.md'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
  // A session that labels no part is read, and warned about: no part is made up from its results.
  assert.notEqual(consoleSessionAsWriteup(fixture('unlabelled-session.txt')), fixture('unlabelled-session.txt'));
  assert.deepEqual(verdicts('unlabelled-session.txt'), []);
  assert.match(readPs6(DIR, 'unlabelled-session.txt').warnings.join('\n'), /no part of the key was recognised/);
});

test('cases written as `value, condition` between semicolons in a closing comment are one cases formula', { skip: devSkip }, () => {
  const text = [
    '>> % ---- 3(a) ----',
    '>> y = conv(ones(1,7), 0.5.^(0:40));',
    '>> y(1:3)',
    'ans =',
    '',
    '   1.0000   1.5000   1.7500',
    '',
    '% final: 3(a) y(n) = 0, n<0;  2 - 2^-n, 0<=n<=6;  127*2^-n, n>=7   (checked, n = -6..12)',
  ].join('\n');
  assert.deepEqual([...gradeWithStaffKey(text, 'diary.txt')], [['3.a', 'correct']]);
});
