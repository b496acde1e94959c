import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { asksForNext, isContinuation } from '../src/documents/segment.js';
import { detectFormat, parseMarkdownChat } from '../src/documents/transcripts.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/numbering/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));
const grade = (text: string) => gradeSubmission(key!, readSubmission(text, 'chat.md', key!, problems));

test('follow-ups: "continue" extends the attempt, "solve the next part" answers the next part, "check again" makes a new attempt', () => {
  assert.ok(isContinuation('please continue it thoroughly'));
  assert.ok(!isContinuation('please check (a) again'));
  assert.ok(asksForNext('solve this next part!'));
  assert.ok(!asksForNext('why is the width 30? I would like a longer explanation of how the padding enters the formula and what stride does to it, please'));
});

test('a reply cut short and continued: the continuation is the same attempt, its answer the first answer', () => {
  const text = [
    '**User:** Problem 1. A layer takes a 32 x 32 x 3 input. (a) What is the output width? (b) How many parameters does it have?',
    '**Assistant:** (a) Restating: what is the output width of the layer',
    '**User:** please continue',
    '**Assistant:** (a) The width is $30$.\n\n(b) There are $280$ parameters.',
  ].join('\n\n');
  const g = grade(text);
  const a = g.parts.find((p) => p.id === '1.a')!;
  assert.equal(a.verdict, 'correct');
  assert.equal(a.first, undefined, 'no separate first attempt: the continuation finished it');
  // Near miss: "check again" after a wrong answer is a new attempt, and the first answer stays wrong.
  const again = grade(text.replace('(a) Restating: what is the output width of the layer', '(a) The width is $28$.').replace('please continue', 'please check (a) again'));
  assert.equal(again.parts.find((p) => p.id === '1.a')!.first?.verdict, 'incorrect');
});

test('an unlabeled reply after "solve this next part" answers the part after the last one answered', () => {
  const text = [
    '**User:** Problem 1. A layer takes a 32 x 32 x 3 input. (a) What is the output width? (b) How many parameters does it have?',
    '**Assistant:** For (a) only: the width is $30$.',
    '**User:** solve this next part!',
    '**Assistant:** Counting weights and biases gives $280$.',
  ].join('\n\n');
  const g = grade(text);
  assert.equal(g.parts.find((p) => p.id === '1.b')!.verdict, 'correct');
  // Near miss: a question about the answer is discussion, not the next part.
  const why = grade(text.replace('solve this next part!', 'why is that?'));
  assert.equal(why.parts.find((p) => p.id === '1.b')!.verdict, 'missing');
});

test("a person's `Question N` lines between the turns of a Markdown chat, questions posed as screenshots: each turn answers the question and part it should", () => {
  const text = readFileSync(join(DIR, 'annotated-markdown-chat.md'), 'utf8');
  const verdicts = (t: string) => Object.fromEntries(grade(t).parts.map((p) => [p.id, p.verdict]));
  assert.deepEqual(verdicts(text), { '1.a': 'correct', '1.b': 'correct', '2.a': 'correct', '2.b': 'correct' });
  // The same chat with ChatGPT's page roles, which was read this way before.
  assert.deepEqual(verdicts(text.replace(/^## User\n\n/gm, 'user ').replace(/^## Assistant\n\n/gm, 'ChatGPT ')), verdicts(text));
  // Near misses: a model's own `Problem 2` heading over its answer stays in its reply; a wrong count stays wrong.
  const replies = parseMarkdownChat(text.replace('Each step multiplies', 'Problem 2\n\nEach step multiplies'));
  assert.match(replies[replies.length - 1]!.text, /^Problem 2\n\nEach step multiplies[\s\S]*\$12\$ steps/);
  assert.deepEqual(
    parseMarkdownChat(text)
      .filter((m) => m.role === 'note')
      .map((m) => m.text),
    ['Question 1', 'Convolution layer sizes', 'It one-shotted both parts of question 1.', 'Question 2', 'Training schedule'],
  );
  assert.equal(verdicts(text.replace('after $12$ steps', 'after $13$ steps'))['2.b'], 'incorrect');
});

test('a transcript that starts with a Markdown link or a [File] line is no JSON; a JSON list of messages still is', () => {
  assert.equal(detectFormat('[Uploading the whole question as an image](#)\n\nuser [File]: Screenshot.png\n\nChatGPT The width is $30$.\n'), 'chatgpt-text');
  assert.equal(detectFormat('[File]: Screenshot.png\n\n**User:** width?\n\n**Assistant:** $30$\n'), 'markdown-chat');
  assert.equal(detectFormat('[{"role": "user", "content": "width?"}, {"role": "assistant", "content": "30"}]'), 'json-messages');
  // Near miss: a .json file that is broken JSON is still read as JSON, and says so.
  assert.equal(detectFormat('[{"role": "user"', 'chat.json'), 'json-messages');
});

test("speaker lines: a model's name with its variant alone on its line (`Llama 4 Maverick`), and Chinese pages' `用户：` / `我:` / `豆包:` / `通义千问`, head turns", () => {
  const roles = (t: string) =>
    parseMarkdownChat(t)
      .map((m) => `${m.role}: ${m.text.split('\n')[0]}`)
      .join(' | ');
  assert.equal(roles('User\n1a: the runtime?\n\nLlama 4 Maverick\n**1a.** $2c\\,d_{out}^2 d_{in}$\n'), 'user: 1a: the runtime? | assistant: **1a.** $2c\\,d_{out}^2 d_{in}$');
  assert.equal(roles('用户:\n第1题 (a) 运行时间?\n\n通义千问 Qwen3-Max\n\n(a) $2c\\,d_{out}^2 d_{in}$\n'), 'user: 第1题 (a) 运行时间? | assistant: (a) $2c\\,d_{out}^2 d_{in}$');
  assert.equal(roles('我: 第4题 (a)\n\n豆包:\n(a) $K^2 C F$\n'), 'user: 第4题 (a) | assistant: (a) $K^2 C F$');
  // Near misses: a sentence that opens on a model's name is the reply's text, and so is a name followed by lower-case words.
  assert.equal(roles('User\nWhich model?\n\nClaude\nLlama 4 Maverick is the larger one.\nGemini said so too\n'), 'user: Which model? | assistant: Llama 4 Maverick is the larger one.');
  assert.equal(detectFormat('Llama 4 Maverick is a model.\n\nIt answers questions.\n'), 'writeup');
});

test("a student's note read into the person's question paragraph (a PDF sets it beside the message) is split off; the question stays the person's", () => {
  const turns = (t: string) =>
    parseMarkdownChat(t)
      .map((m) => `${m.role}: ${m.text.split('\n')[0]}`)
      .join(' | ');
  const chat =
    '**User:**\n- As you mentioned, the solution lies in span(a). Can you think of a simpler solution?\nIt’s able to one-shot the problem in an over-complicated way.\n\n**Assistant:**\nProject onto $a$: $\\theta = a / \\|a\\|^2$.\n';
  assert.equal(
    turns(chat),
    'note: It’s able to one-shot the problem in an over-complicated way. | user: - As you mentioned, the solution lies in span(a). Can you think of a simpler solution? | assistant: Project onto $a$: $\\theta = a / \\|a\\|^2$.',
  );
  // Near misses: a note that asks nothing stays a note whole, and so does a note that ends on a question of its own.
  assert.equal(
    turns(chat.replace(' Can you think of a simpler solution?', ' It is in span(a).')),
    'note: - As you mentioned, the solution lies in span(a). It is in span(a). | user:  | assistant: Project onto $a$: $\\theta = a / \\|a\\|^2$.',
  );
  assert.equal(
    turns('**User:**\nsolve (b)\n\n**Assistant:**\n$\\theta = 1$\n\nKimi failed here, why did it\nnot use the hint?\n'),
    'user: solve (b) | note: Kimi failed here, why did it | assistant: $\\theta = 1$',
  );
});
