import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// A report that logs a chat with each question the person asked set as a blockquote and the reply
// under it, after an opening of its own in words (issue 9, blind round 22's search-engine log): the
// opening is the person's note, the quotes their turns. In words and layout of our own, with a near
// miss: a write-up whose own answers come first keeps its reading.

const verdicts = (lines: string[]) => Object.fromEntries(gradeWithStaffKey(lines.join('\n'), 'log.md'));

const chat = [
  '> Newton-Schulz iteration p(W) = 1/2 (3I - W W^T) W, W is d_out by d_in. Assume the runtime is dominated by matrix multiplication, an n x m by an m x p matrix costing c n m p: what is the runtime of a single iteration?',
  '',
  'Reply (6 citations)',
  '',
  'Two matrix products per iteration: $W W^\\top$ costs $c\\,d_{out}^2 d_{in}$ and its product with $W$ the same, so $2c\\,d_{out}^2 d_{in}$.',
  '',
  'my check: ok',
  '',
  '* * *',
  '',
  '> And if d_out is much larger than d_in, is there a faster way to compute p(W)? Report the updated runtime.',
  '',
  'Reply (3 citations)',
  '',
  'Use the Gram matrix: $p(W) = \\tfrac12 W (3I - W^\\top W)$, which costs $2c\\,d_{out} d_{in}^2$.',
];

test("a chat logged as quoted questions after the report's own opening in words is read as a chat", { skip: devSkip }, () => {
  const opening = [
    'Homework 4, question 1, put to a search assistant',
    '',
    'Prepared by J. Okafor for the model evaluation assignment. I typed each part of question 1 as its own query',
    'and pasted the replies below as the page showed them, with my own check under each.',
    '',
    '=====',
    '',
  ];
  assert.deepEqual(verdicts([...opening, ...chat]), { '1.a': 'correct', '1.b': 'correct' });
  assert.deepEqual(
    readWithStaffKey([...opening, ...chat].join('\n')).messages?.map((m) => m.role),
    ['note', 'note', 'note', 'user', 'assistant', 'user', 'assistant'],
  );
  // Near miss: a write-up that opens on an answer of its own, a formula, then quotes questions it
  // discusses, keeps its reading as a write-up (its opening is an answer, not the person's note).
  const answered = ['Question 1 (a): the runtime of one iteration is $3c\\,d_{out}^2 d_{in}$.', ''];
  assert.equal(readWithStaffKey([...answered, ...chat].join('\n')).format, 'writeup');
});
