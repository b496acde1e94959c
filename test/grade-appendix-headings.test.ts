import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts } from './ps6-key.js';
import { isQuestionNote } from '../src/documents/transcripts.js';

// A report whose appendix heads each pasted chat with its section and the task it holds (`B Task
// 3`, `Appendix B: Problem 3 — ...`), the questions sent as screenshots: the heading says which
// question the turns under it answer, not the order of the chats.

const verdicts = (file: string) => ps6Verdicts('appendix-headings', file);

const TASKS_1_3_4 = ['1.a correct', '1.b incorrect', '3.a incorrect', '3.b.i incorrect', '3.b.ii correct', '4.a correct', '4.b correct'];

test('appendix headings (`B Task 3`, `Appendix B: Problem 3 — ...`) over pasted chats name the question of the turns under them', () => {
  assert.deepEqual(verdicts('report-tasks.txt'), TASKS_1_3_4);
  assert.deepEqual(verdicts('report-appendix-problems.txt'), TASKS_1_3_4);
});

test('near miss: a sentence that opens like one (`B Task 3 was skipped: ...`) names nothing; the next chat is placed by its words', () => {
  assert.deepEqual(verdicts('report-sentences.txt'), ['1.a correct', '1.b incorrect', '2.a correct', '2.b correct']);
  assert.equal(isQuestionNote('B Task 3 was the hardest.'), false);
  assert.equal(isQuestionNote('a Problem 3'), false);
  assert.equal(isQuestionNote('Appendix B: Problem 3 — Discrete Convolution'), true);
});
