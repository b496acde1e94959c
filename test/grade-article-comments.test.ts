import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, answeredFixtureParts } from './hw4-dev.js';

// Blog and article pages (dev.to, Habr, Qiita, Zenn, Medium) end in a comment section: a heading that
// names it (`Top comments (2)`, `Комментарии 2`, `Discussion`) over commenters' headers (a name or handle
// and a date). What readers write there is theirs, not the article's answer, even when it opens on a
// part's label: a right value under the author's wrong answer must leave it wrong, a wrong one under the
// author's right answer must leave it right. Near miss: a write-up's own `Discussion` section, with no
// commenter's header under it, is the writer's, and its answer is read.

/** Each answered part's verdict and answer as read. */
const graded = (name: string) => answeredFixtureParts('article-comments', name);

test("a dev.to article in Spanish: a reader's right `2(d): α = 1/√d_in` does not replace the author's wrong answer", { skip: devSkip }, () => {
  const parts = graded('devto-es-llama-q2bcd.md');
  assert.equal(parts['2.b']?.[0], 'correct');
  assert.equal(parts['2.c']?.[0], 'correct');
  assert.equal(parts['2.d']?.[0], 'incorrect');
  assert.doesNotMatch(parts['2.d']?.[1] ?? '', /1\/sqrt\(d_in\)/);
});

test("a Zenn article: a reader's `2(e): α = √(d_out d_in)` is not the author's; the author's reply badged 著者 has no answer", { skip: devSkip }, () => {
  assert.deepEqual(graded('zenn-ja-claude-q2ce.md'), {
    '2.c': ['correct', '‖Delta W‖₂ ≤ sqrt(d_out)'],
    '2.e': ['correct', 'alpha = sqrt(d_out)'],
  });
});

test("near miss: a Habr article in Russian: a reader's wrong `4(c): L·K` does not replace the author's right L(K−1)+1", { skip: devSkip }, () => {
  const parts = graded('habr-ru-gigachat-q4bc.md');
  assert.equal(parts['4.b']?.[0], 'correct');
  assert.deepEqual(parts['4.c'], ['correct', 'L (K - 1) + 1']);
});

test("near miss: a write-up's own `Discussion`, one dated line and no count or buttons, is the writer's: its wrong 4(c) stays read, and wrong", { skip: devSkip }, () => {
  const parts = graded('writeup-discussion-q4bc.md');
  assert.equal(parts['4.b']?.[0], 'correct');
  assert.deepEqual(parts['4.c'], ['incorrect', 'L K']);
});
