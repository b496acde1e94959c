import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// Blind round 21's reading classes (issue 9), each in a document of our own, not the round's,
// with a near miss that must read as it did before.

test('a part numbered with a dash (`1-A`, `4-C`, `3-D.2` for (d)(ii)) alone on its line opens that part; `4-D tensors` in a sentence opens none', { skip: devSkip }, () => {
  const writeup = [
    'HW 4 - my own answers. Labels: 1-A is Q1 part (a), 3-D.2 is part (d) case ii.',
    '',
    '1-A',
    'Two products dominate, W W^T and then (3I - W W^T) W.',
    'Answer: 2c d_out^2 d_in',
    '',
    '1-B:',
    'Use the Gram matrix W^T W instead.',
    'Answer: 2c d_out d_in^2',
    '',
    '3-D.2 (stride 2, pad 1)',
    String.raw`$$y = \begin{bmatrix} -19 & -32 & -29 \\ -30 & -40 & -30 \\ 49 & 72 & 59 \end{bmatrix}$$`,
    '',
    '4-C   (receptive field)',
    '4-D tensors aside, each stride-1 layer adds K-1 per side.',
    'Answer: L(K-1)+1',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(writeup, 'dashes.txt');
  assert.equal(g.get('1.a'), 'correct');
  assert.equal(g.get('1.b'), 'correct');
  assert.equal(g.get('3.d.ii'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: `4-D tensors ...` opens a sentence; it is no label of question 4's part (d).
  assert.equal(g.get('4.d'), undefined);
});

test('a request that names its question below the file the person attached (`hw4.pdf` / `PDF · 9 pages`) says which question the reply answers', { skip: devSkip }, () => {
  const chat = (request: string) =>
    [
      'Copied from the Claude app, HW4',
      '',
      'homework-4.pdf',
      'PDF · 12 pages',
      '',
      '(question 2 of it is in another chat)',
      request,
      '',
      'Claude',
      '',
      'Working through the CNN question from your file.',
      '',
      '## Part (c): receptive field',
      '',
      'Each stride-1 layer adds K - 1, so after L layers the field is $L(K-1)+1$.',
      '',
      'Copy   Retry',
    ].join('\n');
  const g = gradeWithStaffKey(chat('please answer question 4 from the pdf, all of it'), 'claude-app.txt');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: the question a remark mentions (`question 2 ... is in another chat`) is none the person asked for.
  assert.equal(g.get('2.c'), undefined);
});

test("a header's fields named with a turn's word (`Student: Dana W. Fry`, `Model: GPT-4o (web)`) head no turn: the write-up under them reads as one", { skip: devSkip }, () => {
  const writeup = (student: string) =>
    [
      'Homework 4, written part',
      student,
      'Model: GPT-4o (used only to check my algebra)',
      '',
      '1(a) Two products of the same cost.',
      'Answer: 2c d_out^2 d_in',
      '',
      '4(c) Each stride-1 layer adds K-1.',
      'Answer: L(K-1)+1',
      '',
    ].join('\n');
  const g = gradeWithStaffKey(writeup('Student: Dana W. Fry'), 'dana.txt');
  assert.equal(g.get('1.a'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(readWithStaffKey(writeup('Student: Dana W. Fry'), 'dana.txt').format, 'writeup');
  // Near miss: a turn that says something (`User: what is ...?`) is a turn, a chat's first however near the top.
  const chat = ['Homework 4 chat', 'User: 4(c): what is the receptive field of L stride-1 conv layers with kernel K?', 'Assistant: Each layer adds K - 1, so it is L(K-1)+1.', ''].join('\n');
  const read = readWithStaffKey(chat, 'chat.md');
  assert.deepEqual(
    read.messages?.map((m) => m.role),
    ['user', 'assistant'],
  );
  assert.equal(gradeWithStaffKey(chat, 'chat.md').get('4.c'), 'correct');
});

test("a person's Title-Case first words (`Human: Good Morning`, `User: Solve Part C`) are a turn the model answers, not a header naming them", { skip: devSkip }, () => {
  const chat = (opening: string) =>
    [
      'Saved chat',
      opening,
      'Assistant: Good morning! What would you like to work on?',
      'User: 4(c): what is the receptive field of L stride-1 conv layers with kernel K?',
      'Assistant: Each layer adds K - 1, so the field is L(K-1)+1.',
      '',
    ].join('\n');
  for (const opening of ['Human: Good Morning', 'User: Solve Part C Please']) {
    const read = readWithStaffKey(chat(opening), 'chat.md');
    assert.deepEqual(
      read.messages?.map((m) => m.role),
      ['user', 'assistant', 'user', 'assistant'],
      opening,
    );
    assert.equal(gradeWithStaffKey(chat(opening), 'chat.md').get('4.c'), 'correct', opening);
  }
  // Near miss: a name over the chat's first question (`Student: Dana W. Fry` / `User: ...`) is a header's field still.
  const named = [
    'Saved chat',
    'Student: Dana W. Fry',
    'User: 4(c): what is the receptive field of L stride-1 conv layers with kernel K?',
    'Assistant: Each layer adds K - 1, so the field is L(K-1)+1.',
    '',
  ].join('\n');
  assert.deepEqual(
    readWithStaffKey(named, 'chat.md').messages?.map((m) => m.role),
    ['user', 'assistant'],
  );
});

test("a chat page's header (`ChatGPT 4o` over `Share`) and a turn's name with the page's buttons beside it (`Model      Thoughts ▸`) are no reply", { skip: devSkip }, () => {
  const studio = (model: string) =>
    [
      'Google AI Studio',
      '',
      'Run settings',
      '  Model: Gemini 2.5 Flash',
      '  Temperature: 0.7',
      '',
      'User',
      '',
      'Question 4 (c): what is the receptive field of the last output of L stride-1 conv layers with kernel K?',
      '',
      model,
      '',
      'Each additional layer widens the field by K - 1, so the receptive field is L(K-1)+1.',
      '',
    ].join('\n');
  const read = readWithStaffKey(studio('Model            Thoughts (experimental)  ▸'), 'studio.txt');
  assert.deepEqual(
    read.messages?.map((m) => m.role),
    ['user', 'assistant'],
  );
  assert.equal(gradeWithStaffKey(studio('Model            Thoughts (experimental)  ▸'), 'studio.txt').get('4.c'), 'correct');
  // Near miss: a sentence that opens on the word, spaced or not, heads no turn.
  const sentence = readWithStaffKey(studio('Model    answers were checked by hand.'), 'studio.txt');
  assert.ok(!sentence.messages?.some((m) => m.role === 'assistant' && m.text.startsWith('Each additional')));

  const page = (second: string) =>
    [
      'ChatGPT 4o',
      second,
      '',
      'Here is question 4 (c) of my homework: what is the receptive field of L stride-1 conv layers with kernel K?',
      '',
      'Each layer adds K - 1, so the answer is (c) L(K-1)+1.',
      '',
    ].join('\n');
  assert.notEqual(readWithStaffKey(page('Share'), 'page.txt').format, 'chatgpt-text');
});

test("a report that heads each excerpt with its part (`### Question 4(c)`) over quoted turns: that part, and the words after the quote are the person's", { skip: devSkip }, () => {
  const report = (verdict: string) =>
    [
      '# Evaluating Claude on HW4',
      '',
      '## Excerpts',
      '',
      '### Question 1(a)',
      '',
      '> **Me:** Newton-Schulz step p(W) = (3I - W W^T) W / 2 with W of size d_out x d_in: how long does one step take?',
      '',
      '> **Claude:** Two matrix products of cost $c\\,d_{out}^2 d_{in}$ each: **$2c\\,d_{out}^2 d_{in}$**.',
      '',
      'Correct.',
      '',
      '### Question 4(c)',
      '',
      '> **Claude:** Every stride-1 layer adds $K-1$, so the receptive field is **$L(K-1)$**.',
      '',
      verdict,
      '',
    ].join('\n');
  const g = gradeWithStaffKey(report('Wrong: it forgot the first layer; the answer is $L(K-1)+1$.'), 'report.md');
  assert.equal(g.get('1.a'), 'correct');
  // Near miss: the person's correction under the quote is not the model's answer.
  assert.equal(g.get('4.c'), 'incorrect');
  assert.equal(g.get('4.a'), undefined);
  // Near miss: a reply's own part heading with its short answer under it is the reply's, not a heading between turns.
  const chat = ['**User:** now question 4, part (c)', '', '**Assistant:**', '**Question 4(c): receptive field**', '', 'Answer: L(K-1)+1', '', '**User:** thanks', ''].join('\n');
  assert.equal(gradeWithStaffKey(chat, 'chat.md').get('4.c'), 'correct');
});

test("a chat log's title names the question its turns are about, though it opens on the model's name (`## Qwen on problem 4 — my log`)", { skip: devSkip }, () => {
  const log = (title: string) =>
    [
      title,
      '',
      '*Questions sent as photos; the replies copied from the app.*',
      '',
      '**Me:** [image] part (c) please',
      '',
      '**Qwen:**',
      '',
      'Each stride-1 layer adds K - 1 to the field, so it is $L(K-1)+1$.',
      '',
    ].join('\n');
  const g = gradeWithStaffKey(log('## Qwen (phone app) on problem 4 of HW4 — my log'), 'qwen.md');
  assert.equal(g.get('4.c'), 'correct');
  const read = readWithStaffKey(log('## Qwen (phone app) on problem 4 of HW4 — my log'), 'qwen.md');
  assert.equal(read.messages?.[0]?.role, 'note');
  // Near miss: a title that names two questions says neither.
  assert.equal(gradeWithStaffKey(log('## Qwen (phone app) on problems 2 and 4 of HW4'), 'qwen.md').get('4.c'), undefined);
});

test("an answer's word before a numbered part's label (`**Solution to 1(b).**`) opens that part; `Answer 2c d_out^2 d_in` is an answer, not part 2(c)", { skip: devSkip }, () => {
  const notebook = [
    '## Q1 — Newton-Schulz',
    '',
    '```python',
    'cost = 2 * c * d_out**2 * d_in',
    '```',
    '',
    '**Solution to 1(a).**',
    'Answer 2c d_out^2 d_in',
    '',
    '**Solution to 1(b).** (Gram matrix first)',
    '',
    String.raw`$$2c\,d_{out}\,d_{in}^2$$`,
    '',
  ].join('\n');
  const g = gradeWithStaffKey(notebook, 'notebook.md');
  assert.equal(g.get('1.b'), 'correct');
  // Near miss: an answer that opens on a coefficient and a letter (`2c ...`) names no part; it is 1(a)'s.
  assert.equal(g.get('2.c'), undefined);
  assert.notEqual(g.get('1.a'), undefined);
});

test('a matrix typed in plain text, one row a line inside one pair of brackets, is that matrix; rows of unequal width are none', { skip: devSkip }, () => {
  const writeup = (rows: string[]) =>
    ['Q3 (d)', '', '(ii) stride 2, pad 1: keep every other output of (i).', '', `  Y = [ ${rows[0]}`, ...rows.slice(1, -1).map((r) => `        ${r}`), `        ${rows[rows.length - 1]} ]`, ''].join(
      '\n',
    );
  assert.equal(gradeWithStaffKey(writeup(['-19, -32, -29', '-30, -40, -30', '49, 72, 59']), 'typed.txt').get('3.d.ii'), 'correct');
  // Near miss: a row short of an entry is no matrix, so it is not graded as the right one.
  assert.notEqual(gradeWithStaffKey(writeup(['-19, -32, -29', '-30, -40', '49, 72, 59']), 'typed.txt').get('3.d.ii'), 'correct');
});
