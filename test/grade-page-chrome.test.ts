import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, readWithStaffKey, ROOT } from './hw4-dev.js';

// A document's chrome and labels that hide its parts, and remarks or comments taken for answers, in
// other sites' and writers' words than the round that showed them: a sharing site's download stamps
// and page marks, capital part letters joined to their number (`Q1.A`), a note's kramdown attribute
// lists, a to-do with no value in it, a course page's comment thread under a submission, a report's
// remark opened by a verdict's emoji, and an article's quoted reply that concedes the writer's objection.

const DIR = join(ROOT, 'test', 'fixtures', 'page-chrome');
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const verdicts = (file: string) => [...gradeWithStaffKey(text(file), file)].map(([id, v]) => `${id} ${v}`);
const answerOf = (file: string, part: string) => readWithStaffKey(text(file), file).responses.find((r) => r.partId === part)?.final.text;

test('a shared-notes download: its stamps and page marks are no text, and `Q1.A` / `Q2.B` label parts; a capital starting a sentence does not', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('shared-notes-download.txt'), ['1.a correct', '1.b correct', '2.b correct']);
  assert.equal(answerOf('shared-notes-download.txt', '2.c'), 'Not attempted.');
  // (Near misses: `Problem 1. A matrix ...` starts a sentence and `## 2D convolution notes` is a heading, no parts.)
  assert.deepEqual(verdicts('capital-near-misses.md'), ['1.a correct', '1.b correct', '2.b correct']);
  assert.equal(answerOf('capital-near-misses.md', '2.d'), undefined);
});

test("a kramdown note's attribute lists are no text, and a to-do with no value under a part is that part skipped", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('jekyll-kramdown-notes.md'), ['2.b correct', '4.c correct']);
  assert.deepEqual(verdicts('todo-with-value.md'), ['2.b correct']);
});

test("a course page's comments under a submission: staff hints are no answers, the writer's `4(c): ...` answers again", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('lms-comments.txt'), ['4.b correct', '4.c correct']);
  // (Near miss: with no correction of the writer's, the answer box's L·K stands, not the staff's `L = 2, K = 3`.)
  assert.deepEqual(verdicts('lms-comments-no-reply.txt'), ['4.b correct', '4.c incorrect']);
  assert.match(answerOf('lms-comments-no-reply.txt', '4.c') ?? '', /receptive field is L·K\./);
  assert.doesNotMatch(answerOf('lms-comments-no-reply.txt', '4.c') ?? '', /count the overlap/);
});

test("a report's remark opened by a verdict's emoji in the writer's voice is no answer; a model's `✅ We get ...` stays one", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('marked-remarks.md'), ['2.g incorrect', '4.c correct']);
  assert.doesNotMatch(answerOf('marked-remarks.md', '2.g') ?? '', /explode/);
  assert.deepEqual(verdicts('model-marks-near-miss.md'), ['2.b correct']);
});

test("an article quoting a model: the quoted reply conceding the writer's objection is the final answer; one that does not concede is not", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('blog-quoted-redo.txt'), ['4.c correct']);
  assert.deepEqual(verdicts('blog-quoted-no-redo.txt'), ['4.c incorrect']);
  assert.equal(readWithStaffKey(text('blog-quoted-no-redo.txt'), 'blog-quoted-no-redo.txt').responses.find((r) => r.partId === '4.c')?.attempts.length, 1);
});
