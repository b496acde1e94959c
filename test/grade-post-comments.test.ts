import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, answeredFixtureParts } from './hw4-dev.js';

// Posts (blogs, articles, link aggregators' stories) end in their readers' comment section: a heading
// that names it, often with a count (`댓글 2`, `全部评论 3`, `Responses (3)`, `Top comments (2)`,
// `Комментарии 2`, `Discussion`), over comments headed by a name or handle and a date. What readers
// write there is theirs, not the post's answer, even under a part's label: a right value under the
// author's wrong answer must leave it wrong, a wrong one under a right answer must leave it right. The
// author's own comments (badged `(作者)`, `著者`, or under the name the post's byline shows) stay. Korean
// posts number parts `2-(c)`, the dash before the bracketed letter. Near miss: a write-up's own
// `Discussion`, with no commenter's header under it, is the writer's, and its answer is read.

/** Each answered part's verdict and answer as read. */
const graded = (name: string) => answeredFixtureParts('post-comments', name);

test("a Tistory post in Korean: its `2-(c)` labels are parts; a reader's right `2-(d) 는 α = 1/√d_in` leaves the model's wrong answer wrong", { skip: devSkip }, () => {
  assert.deepEqual(graded('tistory-ko-exaone-q2cd-q4c.txt'), {
    '2.c': ['correct', '‖Delta W‖₂ ≤ sqrt(d_out)'],
    '2.d': ['incorrect', 'alpha = 1/d_in'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test("a Juejin post in Chinese: a reader's right 2(c) and wrong `4(c) ... $LK$` under 全部评论 are theirs; the author's (作者) reply is kept", { skip: devSkip }, () => {
  assert.deepEqual(graded('juejin-zh-qwen-q2bc-q4c.md'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '2.c': ['incorrect', '‖Delta W‖₂ ≤ sqrt(d_in)'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test("a Medium story: the Responses under it (a name, a blank line, a date) are readers'; the right 2(d) of one leaves the wrong answer wrong, the wrong 2(b) of another leaves the right one right", {
  skip: devSkip,
}, () => {
  assert.deepEqual(graded('medium-en-mistral-q2bd.md'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '2.d': ['incorrect', 'alpha = 1/(d_in sqrt(d_out))'],
  });
});

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
