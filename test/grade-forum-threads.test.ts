import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, answeredFixtureParts } from './hw4-dev.js';

// Blind round 34's homework thread on a forum, in other forums' words: a Discourse topic and a
// Reddit thread where the starter comes back after a helper's hint and answers a part again
// (named in running text over a display, or by a Roman subpart: `and for (ii)`, `$$y_{(i)} = ...$$`).
// Near misses keep their reading: a helper's matrix in a thread whose starter never comes back, and
// a later post whose `(i)` / `(ii)` are a list of prose with no display.

/** Each answered part's verdict and answer as read. */
const graded = (name: string) => answeredFixtureParts('forum-threads', name);

const PADDED = '[-19, -28, -32, -36, -29; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; 49, 68, 72, 76, 59]';

test("a Discourse topic: the starter's later post answers 3(d)(i) and (ii) again by subpart; the TA's display in between is not theirs", { skip: devSkip }, () => {
  assert.deepEqual(graded('discourse-topic.txt'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '3.d.i': ['correct', PADDED],
    '3.d.ii': ['correct', '[-19, -32, -29; -30, -40, -30; 49, 72, 59]'],
  });
});

test("a Reddit thread: the OP's reply naming 4(c) over a display answers it again; a commenter's formula is not the OP's", { skip: devSkip }, () => {
  assert.deepEqual(graded('reddit-thread.txt'), {
    '4.b': ['correct', '((W - K)/S + 1) × ((H - K)/S + 1) × C'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test("near miss: a helper's matrix and a part the starter never answered, in a thread the starter never comes back to", { skip: devSkip }, () => {
  assert.deepEqual(graded('helper-only.txt'), {
    '2.c': ['correct', '‖Delta W‖₂ ≤ sqrt(d_out)'],
    '3.c': ['correct', '[-40, -40, -40; -40, -40, -40; -40, -40, -40]'],
  });
});

test("near miss: a later post's `(i)` / `(ii)` list of prose with no display answers no subpart", { skip: devSkip }, () => {
  assert.deepEqual(graded('prose-list-revisit.txt'), {
    '3.d.i': ['correct', PADDED],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});
