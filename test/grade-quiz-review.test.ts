import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';
import { quizReviewAsWriteup } from '../src/documents/quiz-review.js';

// A learning platform's quiz review copied as text: `Question 1`, `Question 2`, ... are the quiz's slots,
// each with the platform's marks and status, the question's text (naming the homework's part), the
// person's response, and the platform's right answer and feedback. Read as a write-up, the slots were
// taken for the key's questions (or nothing at all was recognised) and the platform's `Correct Answer`
// was graded as the person's (round 32's quiz review: four parts held back, three missing).

const DIR = 'quiz-review';
const text = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const finalOf = (file: string, id: string) =>
  readPs6(DIR, file)
    .responses.find((r) => r.partId === id)
    ?.final.text.trim();

test("a results page's slots are the parts their questions name; the platform's right answer is never the person's", () => {
  // Slot 3 names no part: its text is part 2(a)'s statement. Slot 4 was left unanswered: missing, not the page's `8`.
  assert.deepEqual(ps6Verdicts(DIR, 'canvas-quiz-results.txt'), ['1.a correct', '1.b incorrect', '2.a correct']);
  assert.equal(finalOf('canvas-quiz-results.txt', '1.b'), '1100');
  assert.deepEqual(readPs6(DIR, 'canvas-quiz-results.txt').warnings, []);
});

test("a review's selected answers are the responses; its correct answers and feedback are no one's", () => {
  assert.deepEqual(ps6Verdicts(DIR, 'blackboard-review.txt'), ['3.a correct', '3.b.i incorrect', '3.b.ii correct', '4.b correct']);
  assert.equal(finalOf('blackboard-review.txt', '3.b.i'), '10');
  assert.equal(finalOf('blackboard-review.txt', '3.b.ii'), 'The output is [1, 3, 5, 3], so the largest entry is 5.');
});

test("an attempt's `Answer:` on the line under the question is the response, its points on the slot's line", () => {
  assert.deepEqual(ps6Verdicts(DIR, 'brightspace-attempt.txt'), ['2.a correct', '2.b incorrect']);
  assert.equal(finalOf('brightspace-attempt.txt', '2.b'), '8');
});

test('near miss: a write-up with `Question 1 (2 points)` headings and `The correct answer is:` in its prose stays as it is', () => {
  const writeup = text('writeup-correct-answer-prose.md');
  assert.equal(quizReviewAsWriteup(writeup, []), writeup);
  assert.deepEqual(ps6Verdicts(DIR, 'writeup-correct-answer-prose.md'), ['1.a correct', '1.b correct', '2.a correct', '2.b correct']);
});

test("near miss: a person's notes under `Question N` headings with verdicts of their own, or one marked slot alone, are no quiz page", () => {
  const notes = 'Question 1\nCorrect\nThe model said n m p.\n\nQuestion 2\nIncorrect\nThe correct answer is: 1010\n';
  assert.equal(quizReviewAsWriteup(notes, []), notes);
  const one = 'Question 1\n1 / 1 pts\nHow long is the output?\nYour Answer:\n4\n\nSummary: fine.\n';
  assert.equal(quizReviewAsWriteup(one, []), one);
  // Slots out of order are a document's headings, not a quiz's.
  const unordered = 'Question 2\n0 out of 1 points\nWhat is its norm?\nSelected Answer: 8\n\nQuestion 1\n1 out of 1 points\nBy what factor?\nSelected Answer: 0.25\n';
  assert.equal(quizReviewAsWriteup(unordered, []), unordered);
});
