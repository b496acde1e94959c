import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Blind round 41's Xiaohongshu note: a post that narrates a model's answers ends in its readers' comments
// (`共 7 条评论`), laid out with each commenter's name over their words and the date under them
// (`11-02 加利福尼亚`, `2025-11-05 · 上海`). What readers say there (`(e) α = √d_out`) is no answer of the
// model's; the post's parts may be headed in Chinese brackets (`【第 2 题 (c)】`). In documents of our own.

const graded = (file: string) => gradedFixtureFile('narrated-posts', file);

test("a Zhihu answer's readers' comments, dated under their words, give no part's answer", { skip: devSkip }, async () => {
  const parts = await graded('zhihu-answer-kimi-q2cde.txt');
  assert.equal(parts['2.c'], 'correct: sqrt(d_out)');
  // A commenter's 1/√d_out is not the model's: its quoted 1/√d_in is what is read.
  assert.match(parts['2.d'] ?? '', /alpha = 1\/sqrt\(d_in\)$/);
});

test("the narrator's own value after the model's held answer is not the model's answer", {
  skip: devSkip,
  todo: 'a narrated post is still read as a write-up: the narrator\'s "反正我觉得 α = √d_out" is taken over the quoted model',
}, async () => {
  const parts = await graded('zhihu-answer-kimi-q2cde.txt');
  assert.equal(parts['2.e'], 'incorrect: alpha = sqrt(d_out d_in)');
});
