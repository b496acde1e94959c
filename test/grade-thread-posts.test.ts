import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { withoutThreadFurniture } from '../src/documents/thread-posts.js';

// Blind round 34's Mastodon thread: each post opens on its count (`🧵 1/7`, `2/7 Q1(a), ...`) among the
// page's furniture (name over handle, `Oct 12, 2025, 18:02 · Web · 🌐`, `4 boosts · 11 favorites`), and a
// reply at the end works out another value. The count hid every label; the furniture and replies were
// read as the part above them. Here in other sites' words: Bluesky (`1/`, `Reposted by ...`, `9 likes`),
// X (`(2/4)`, `Name @handle · Oct 14`, `3 replies  5 reposts  41 likes  2.1K views`), a LinkedIn post
// continued in its author's comment (`(1/2)` / `(2/2)`, `👍❤️ 42`, `Like · Comment · Repost · Send`) and
// Threads with a reply under the post it answers. Near misses: a dated log and fractions at lines' starts,
// and a post that names Q1(a) only to say someone else did it.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'thread-posts');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

test("a thread's post counts before `Q2(b)` are no part of the label (Bluesky's `2/`)", { skip: devSkip }, () => {
  assert.deepEqual(graded('bluesky-thread-q2.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: sqrt(d_out)',
    '2.d': 'correct: 1/sqrt(d_in)',
    '2.e': 'correct: sqrt(d_out)',
  });
});

test("X's `(2/4)` before a label; the name, handle and time on one line, and the footer's counts, are the page's", { skip: devSkip }, () => {
  assert.deepEqual(graded('x-thread-q4.txt'), {
    '4.a': 'correct: weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a post continued in its author's comment (`(2/2) Q4(f) ...`) among reactions and buttons", { skip: devSkip }, () => {
  assert.deepEqual(graded('linkedin-post-q4.txt'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
    '4.f': 'correct: g3: (0, 0.8, 0); g4: (0.8, 0, 0)',
  });
});

test("a reply under a post (`@kai.moreno ... = 1/sqrt(d_in)`) is another person's, not the post's answer", { skip: devSkip }, () => {
  assert.deepEqual(graded('threads-app-replies.txt'), {
    '2.d': 'incorrect: 1/sqrt(d_out)',
    '2.e': 'correct: sqrt(d_out)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near miss: a post that names Q1(a) only to say someone else did it leaves Q1(a) missing', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-skipped-mention.txt'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
  });
});

test('near miss: dates and fractions at lines’ starts count no posts; the text stays as written', { skip: devSkip }, () => {
  const log = readFileSync(join(FIXTURES, 'near-miss-dated-log.txt'), 'utf8');
  assert.equal(withoutThreadFurniture(log), log);
  assert.deepEqual(graded('near-miss-dated-log.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'correct: 1/sqrt(d_in)',
  });
  // A list of fractions, one rising count each, is an answer's working, not a thread: no post is counted in it.
  const working = '(b) the share of the cost in the Gram matrix:\n1/2 of it in WᵀW\n2/3 of what is left in W(3I − WᵀW)\n';
  assert.equal(withoutThreadFurniture(working), working);
});
