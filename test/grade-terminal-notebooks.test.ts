import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, ROOT, readWithStaffKey } from './hw4-dev.js';
import { barredPromptTurns } from '../src/documents/barred-prompts.js';
import { withoutHeaderFields } from '../src/documents/header-fields.js';
import { expectVerdict } from './check-helpers.js';
import { withoutPaneGutter } from '../src/documents/pane-gutter.js';
import { drawnMathAsText } from '../src/documents/drawn-math.js';

// Transcripts from terminals and computing notebooks, as they print them: a terminal agent's scrollback
// whose person's messages are drawn behind a bar at the margin (its tool calls as indented barred blocks),
// under a header naming the model as a router does (`openai/gpt-4.1-mini`) and the student in columns;
// a notebook's two columns of a cases formula; a computer-algebra system's nested braces for a matrix.

const DIR = 'terminal-notebooks';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const verdicts = (file: string) => Object.fromEntries(gradeWithStaffKey(fixture(file), file));

test("a terminal agent's barred messages are the person's turns: the revised answer after the second is final", { skip: devSkip }, () => {
  const read = readWithStaffKey(fixture('barred-agent-chat.txt'), 'barred-agent-chat.txt');
  assert.equal((read.messages ?? []).map((m) => m.role[0]).join(''), 'uaua');
  assert.deepEqual(verdicts('barred-agent-chat.txt'), { '1.a': 'correct', '1.b': 'partial' });
  // The tools' barred blocks are the app's, no words of the reply.
  assert.doesNotMatch(read.messages![1]!.text, /count\.py|\*\*2/);
});

test('a header names the model by its router id and the student with columns after the name: no turns', () => {
  const text = 'session log\nmodel: meta-llama/llama-3.1-70b-instruct\nstudent: Dana W. Fry      section 104\n\nUser: hi\n';
  assert.equal(withoutHeaderFields(text), 'session log\n\n\n\nUser: hi\n');
  // (A person's request in Title Case after the label is said in the chat, columns or not.)
  const asked = 'session log\nStudent: Please Solve Part A      now\nAssistant: Sure.\n';
  assert.equal(withoutHeaderFields(asked), asked);
});

test("near miss: a write-up's barred remark asks nothing and is no turn", { skip: devSkip }, () => {
  assert.equal(barredPromptTurns(fixture('barred-remark-writeup.txt')), undefined);
  assert.deepEqual(verdicts('barred-remark-writeup.txt'), { '1.a': 'correct', '1.b': 'correct' });
});

test("near miss: a table's rows in a code block are barred at both ends, no person's messages", { skip: devSkip }, () => {
  assert.equal(barredPromptTurns(fixture('table-in-code-writeup.md')), undefined);
  assert.deepEqual(verdicts('table-in-code-writeup.md'), { '1.a': 'correct', '1.b': 'correct' });
});

test("a notebook's cases in two columns, value then condition, and its nested braces as a matrix", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('column-cases-notebook.txt'), { '3.a': 'correct', '3.c': 'correct', '3.d.ii': 'incorrect' });
});

test('nested braces are a matrix only where one is expected, and only with rows of one length', () => {
  const m = String.raw`\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`;
  expectVerdict(m, 'A = {{1, 2}, {3, 4}}', 'correct');
  expectVerdict(m, '{{1, 2}, {4, 3}}', 'incorrect');
  expectVerdict(m, '{{1, 2}, {3}}', 'incorrect');
  // (A set of values answers no scalar part.)
  expectVerdict('6', '{1, 2, 3}', 'incorrect');
});

test("a pane's border down every line is taken off: the chat behind it is read", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('pane-border-chat.txt'), { '2.b': 'correct', '2.c': 'correct' });
  assert.equal(withoutPaneGutter('┃ a\n┃\n┃   b ┃\n┃ c ┃'), 'a\n\n  b ┃\nc ┃');
  assert.equal(withoutPaneGutter('│ a │\n│ b │\n│ c │'), 'a\nb\nc');
});

test("near miss: bars on some lines only (a person's messages) are no pane's border", () => {
  const chat = fixture('barred-agent-chat.txt').split('\n').slice(6).join('\n');
  assert.match(chat, /^▌ Here is problem 1/);
  assert.equal(withoutPaneGutter(chat), chat);
});

test("a worksheet's output drawn under the input typed at its prompt: powers on the line above, a fraction alone", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('cas-worksheet.txt'), { '1.a': 'correct', '1.b': 'correct' });
  assert.equal(drawnMathAsText('> T_a/T_b;\n      d_out\n      -----\n      d_in'), '> T_a/T_b;\n      (d_out)/(d_in)\n\n');
  // (A quote of the person's in a chat is typed, not drawn: it and the lines under it stay.)
  const quoted = '> is it 1/sqrt(d_in)?\n  yes, c = 1/sqrt(d_in)\n  and 2 more';
  assert.equal(drawnMathAsText(quoted), quoted);
});
