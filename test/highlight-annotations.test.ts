import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Highlights and annotation threads exported by reading apps. A highlight of a chat is the model's words and
// its note the reader's remark, naming the part (a verdict or the key's value in it is no answer); a highlight
// of the problem set names the part by quoting it and its note is the answer. A thread anchored to a question
// is answered by the model's words pasted into it, else by its last post that states an answer. Documents of
// our own in other apps' words, with near misses that stay wrong.

const graded = (file: string) => gradedFixtureFile('highlight-annotations', file);

test("Kindle's My Clippings: each highlighted question's note is its answer, a note filed before its highlight too; another book's clippings are no part's", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('kindle-my-clippings-q2-q4.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("a Hypothesis CSV of highlights on a shared chat: the notes name the parts, and a note's 'correct!! key: sqrt(d_out)' under a wrong highlight leaves it wrong", { skip: devSkip }, async () => {
  const parts = await graded('hypothesis-csv-claude-chat-q2.csv');
  assert.equal(parts['2.b'], 'correct: c = 1/sqrt(d_in)');
  assert.equal(parts['2.d'], 'correct: alpha = 1/sqrt(d_in)');
  assert.match(parts['2.c'] ?? '', /^incorrect: /);
  assert.deepEqual(Object.keys(parts).sort(), ['2.b', '2.c', '2.d']);
});

test("a Hypothesis thread with a model's answers pasted: the model's words answer the quoted question, a peer's reply quoting the key does not", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('hypothesis-thread-gemini-q1.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'incorrect: 2 c d_out^2 d_in',
  });
});

test('a comment thread among people: the last post stating an answer settles it, agreements and questions do not; a right answer corrected into a wrong one is wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('docs-comment-thread-study-group-q4.txt'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'incorrect: L K',
  });
});
