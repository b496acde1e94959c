import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { isOrgMode, orgAsMarkdown } from '../src/documents/org-mode.js';

// Chats an editor or an agent saves as a file (issue 9, blind round 26: Aider's chat history, an
// Emacs gptel buffer, a Cline task export), in apps and words of our own: the person's prompts as
// headings of one level, an org buffer with a drawer and comment lines, an agent's calls to the
// editor and the editor's answers, a person's marked remarks after the model's last words. Each
// with a near miss that keeps its reading.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'editor-chats', name), 'utf8');
const verdicts = (text: string, name: string) => Object.fromEntries(gradeWithStaffKey(text, name));
const roles = (text: string, name: string) => (readWithStaffKey(text, name).messages ?? []).map((m) => m.role);

test("a chat log whose person's prompts are headings of one level is read as a chat, a part asked inside a long prompt as that part", { skip: devSkip }, () => {
  const text = fixture('prompt-headings.md');
  assert.deepEqual(verdicts(text, 'log.md'), { '2.b': 'correct', '2.c': 'correct' });
  const read = readWithStaffKey(text, 'log.md');
  // The title, the app's `>` lines and the header's `RT:` paragraph are notes, before the chat and inside its replies;
  // the `RT:` remarks the header declares are taken out of the replies before the turns are read (declared-remarks.ts).
  assert.deepEqual(
    read.messages?.map((m) => m.role),
    ['note', 'note', 'note', 'user', 'note', 'assistant', 'user', 'note', 'assistant'],
  );
  assert.ok(read.messages?.every((m) => m.role !== 'assistant' || !/RT:|tokens:/.test(m.text)));
  // The same log copied with its prompts as bold lines (no heading marks kept) reads the same.
  const bold = text.replace(/^## (.*)$/gm, '**$1**');
  assert.notEqual(bold, text);
  assert.deepEqual(verdicts(bold, 'log.md'), { '2.b': 'correct', '2.c': 'correct' });
});

test('near miss: a write-up whose question headings sit above long part headings keeps its reading', { skip: devSkip }, () => {
  const text = [
    '# Question 2',
    '',
    '## (b) What should the constant c be to recover the benefits of standard Xavier initialization when W has N(0,1) entries?',
    '',
    'The variance of each output is $c^2 d_{in}$, so $c = 1/\\sqrt{d_{in}}$.',
    '',
    '## (c) What is the largest spectral norm of the update so that the RMS norm of the output change is at most 1?',
    '',
    '$\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$',
    '',
    '# Question 3',
    '',
    '## (b) Which property of convolution does the shifted input show?',
    '',
    'Time invariance.',
  ].join('\n');
  assert.equal(readWithStaffKey(text, 'hw.md').format, 'writeup');
  assert.equal(verdicts(text, 'hw.md')['2.b'], 'correct');
  // (Nor do its part statements set as bold lines under bold question titles make it a chat.)
  const bold = text.replace(/^#+ (.*)$/gm, '**$1**');
  assert.equal(readWithStaffKey(bold, 'hw.md').format, 'writeup');
});

test("an org buffer's drawer and comment lines are no one's answer; its prompt headings of two stars head the chat's turns", { skip: devSkip }, () => {
  const text = fixture('org-buffer.org');
  assert.ok(isOrgMode(text));
  assert.deepEqual(verdicts(text, 'chat.org'), { '1.a': 'correct', '1.b': 'correct' });
  assert.deepEqual(roles(text, 'chat.org'), ['note', 'user', 'assistant', 'user', 'assistant']);
  // Near misses: a source block's `# comment` is the code's; a Markdown file with a `#+` line and
  // `#` headings but no star heading or drawer is no org file, and its headings stay headings.
  const src = orgAsMarkdown('#+TITLE: x\n** (a) a heading\n#+begin_src python\n# (a) loop\nx = 1\n#+end_src\n# a remark\n');
  assert.equal(src, '#+TITLE: x\n## (a) a heading\n```python\n# (a) loop\nx = 1\n```\n\n');
  const markdown = '#+ not a keyword in Markdown\n\n# Question 1\n\n(a) $2c\\,d_{out}^2 d_{in}$\n';
  assert.equal(isOrgMode(markdown), false);
  assert.equal(verdicts(markdown, 'notes.md')['1.a'], 'correct');
});

test("an agent's call to the editor and the editor's answer are notes; the person's marked remark after the reply is theirs", { skip: devSkip }, () => {
  const text = fixture('agent-export.md');
  assert.deepEqual(verdicts(text, 'task.md'), { '2.b': 'correct' });
  assert.deepEqual(roles(text, 'task.md'), ['user', 'note', 'note', 'assistant', 'note']);
  // Near miss: a reply that is one element no turn answers by name (`<answer>`) is the model's answer.
  const answered = text.replace(/The variance of each output[\s\S]*?\$\$c = \\frac\{1\}\{\\sqrt\{d_\{in\}\}\}\$\$/, '<answer>\nc = 1/sqrt(d_in)\n</answer>');
  assert.notEqual(answered, text);
  assert.deepEqual(verdicts(answered, 'task.md'), { '2.b': 'correct' });
});

test("near miss: a reply's last paragraph led by a lead the person never used, or by a part's label, stays the model's", { skip: devSkip }, () => {
  const chat = (last: string) =>
    [
      '**User:**',
      '',
      'Q2(b): W has N(0,1) entries and y = c W x. What should the constant c be to recover the benefits of standard Xavier initialization?',
      '',
      '**Assistant:**',
      '',
      'Each output sums $d_{in}$ unit-variance terms, so the variance is $c^2 d_{in}$.',
      '',
      last,
    ].join('\n');
  assert.deepEqual(verdicts(chat('Check: $c = 1/\\sqrt{d_{in}}$ gives unit variance.'), 'c.md'), { '2.b': 'correct' });
  assert.deepEqual(verdicts(chat('Q2(b): $c = 1/\\sqrt{d_{in}}$'), 'c.md'), { '2.b': 'correct' });
  assert.deepEqual(roles(chat('Q2(b): $c = 1/\\sqrt{d_{in}}$'), 'c.md'), ['user', 'assistant']);
});
