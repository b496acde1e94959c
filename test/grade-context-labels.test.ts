import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';
import { ruledLabelsApart } from '../src/documents/ruled-labels.js';
import { withoutOutlineTaskMarks } from '../src/documents/task-marks.js';
import { questionOfFileName, questionOfTitleBlock } from '../src/documents/named-question.js';

// Parts labelled by letter alone, their question given by what stands around them: an outline's
// parent item under a task mark (Logseq's `- DONE Question 4`, Obsidian's `- [x] Problem 3`), a
// banner that counts its slide or photo before the label, a title block whose second line names the
// question, a chat's title in a plain-text export, a file's name (`ps6-q4.md`), and a local model's
// tag as its speaker (`**deepseek-r1:14b**`). Every question of the problem set 6 key has an (a) and a
// (b): a letter placed under the wrong question is graded wrong, one placed under none is missing.

const DIR = 'context-labels';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');

test("an outline's question items under a task mark (`- DONE Question 4`, `- [x] Problem 3`) head the letters nested under them", () => {
  assert.deepEqual(ps6Verdicts(DIR, 'logseq-outline.md'), ['2.a correct', '2.b correct', '4.a correct', '4.b correct']);
  assert.deepEqual(ps6Verdicts(DIR, 'obsidian-tasks.md'), ['1.b correct', '3.a correct', '3.b.i correct', '3.b.ii correct']);
});

test('a banner that counts its slide or photo before the label (`---- Slide 1: (a) ----`, `---- Photo 2 — Problem 4 (b) ----`) heads that part', () => {
  assert.deepEqual(ps6Verdicts(DIR, 'photo-banners-numbered.txt'), ['4.a correct', '4.b correct']);
  // The question is named on the title block's second line, the banners carry letters alone.
  assert.deepEqual(ps6Verdicts(DIR, 'slides-banner.txt'), ['2.a correct', '2.b correct']);
});

test("a chat's title in a plain-text export (`PS6 — Question 4, asked to ChatGPT`) places the reply's bare letters", () => {
  assert.deepEqual(ps6Verdicts(DIR, 'chat-title.txt'), ['4.a correct', '4.b correct']);
});

test("a file's name that names one question (`ps6-q4.md`) places letters that nothing in the text places", () => {
  assert.deepEqual(ps6Verdicts(DIR, 'ps6-q4.md'), ['4.a correct', '4.b correct']);
});

test("a local model's tag is its speaker whole (`**deepseek-r1:14b**`), not a name cut at the colon before a label `14b`", () => {
  const reply = readPs6(DIR, 'local-model-tag.md').messages?.find((m) => m.role === 'assistant');
  assert.match(reply?.text ?? '', /^### \(a\)/);
  assert.deepEqual(ps6Verdicts(DIR, 'local-model-tag.md'), ['4.a correct', '4.b correct']);
});

test('near miss: a flat checklist of parts (`- [x] Q2 (a), (b)`, `- [ ] Q4 (b) 16`) with nothing nested is a status list, never answers', () => {
  const text = fixture('flat-checklist.md');
  assert.equal(withoutOutlineTaskMarks(text), text);
  assert.deepEqual(ps6Verdicts(DIR, 'flat-checklist.md'), ['2.a correct', '2.b correct']);
});

test('near miss: a title naming two questions (`PS6 — Q2 and Q4`) places no bare letter under either', () => {
  assert.deepEqual(ps6Verdicts(DIR, 'title-several.md'), []);
  assert.equal(
    questionOfTitleBlock('PS6 — Q2 and Q4, worked together\n\n(a) 0.25', [
      { number: '2', parts: ['2.a'] },
      { number: '4', parts: ['4.a'] },
    ]),
    undefined,
  );
});

test('near miss: file names that name several questions, or none (`q3abc-q4cdf`, `seq2seq`, `faq2`, `hw4`), give no question', () => {
  const outline = ['1', '2', '3', '4'].map((number) => ({ number, parts: [`${number}.a`] }));
  assert.equal(questionOfFileName('subs/hw4-q2.md', outline), '2');
  assert.equal(questionOfFileName('ps6_problem4.txt', outline), '4');
  assert.equal(questionOfFileName('hw4q3.pdf', outline), '3');
  assert.equal(questionOfFileName('student-q3abc-q4cdf.md', outline), undefined);
  assert.equal(questionOfFileName('seq2seq-notes.md', outline), undefined);
  assert.equal(questionOfFileName('faq2.md', outline), undefined);
  assert.equal(questionOfFileName('hw4.md', outline), undefined);
  assert.equal(questionOfFileName('q9.md', outline), undefined);
});

test('near miss: a counted banner with no label (`---- Photo 3: my whiteboard ----`) stays as it is', () => {
  const text = ['-------- Photo 3: my whiteboard --------', 'a sketch', '-------- Photo 4: the lab bench --------', 'another'].join('\n');
  assert.equal(ruledLabelsApart(text), text);
});
