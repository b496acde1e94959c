import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flashcardDeckAsMarkdown, isFlashcardDeck } from '../src/documents/flashcard-deck.js';
import { notAnsweredHere } from '../src/grade/refusal.js';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// A study app's set exported as text (Quizlet, Knowt, Brainscape): one card a line, `term<TAB>definition`,
// no HTML and no header, perhaps under a title the writer kept. A student's homework cards name their part
// in the term, often after the homework's name (`Homework 4, Q4(c) ...`); the set's other cards are the
// course's terms and answer nothing. A card that says it was skipped or left to do (`skipped for now ...`,
// `TODO: recount ...`) is unanswered. Near misses: wrong answers in the same shape stay wrong (a glossary
// card right after one, holding the right formula, does not rescue it), and a sheet with a header row or
// a log whose first column repeats is no set.

test("a study set's cards filed under a homework's parts are its answers; its glossary cards are none; skipped and to-do cards are unanswered", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await gradedFixtureFile('study-set-exports', 'knowt-set-q1a-q4abcd.txt'), {
    '4.a': 'correct: weights: K K C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
    '4.b': 'incorrect: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × F',
    '4.c': 'incorrect: L K',
  });
});

test("a set's title stays over its cards, each term a heading without the homework's name; a term naming no part is left out when others name one", () => {
  const set = 'My set: PS4\n\nHW4 4(c) receptive field\tL(K − 1) + 1\nstride\tstep of the window\nHW4 4(b) pooling shape\tkeeps C channels\n';
  assert.equal(flashcardDeckAsMarkdown(set), 'My set: PS4\n\n### 4(c) receptive field\n\nL(K − 1) + 1\n\n### 4(b) pooling shape\n\nkeeps C channels\n');
  // (A set of terms only, no part named: every card is kept.)
  const terms = 'stride\tstep of the window\npadding\tzeros around the input\npooling\tmax over a window\n';
  assert.equal(flashcardDeckAsMarkdown(terms), '### stride\n\nstep of the window\n\n### padding\n\nzeros around the input\n\n### pooling\n\nmax over a window\n');
});

test('near misses: a two-column sheet under a header row, a log whose first column repeats, and a write-up with a few tabs are no set', () => {
  const sheet = 'Part\tAnswer\n4(b)\t(W-K)/S+1\n4(c)\tL(K-1)+1\n4(d)\tdoubles\n';
  assert.equal(isFlashcardDeck(sheet), false);
  assert.equal(flashcardDeckAsMarkdown(sheet), sheet);
  const log = 'User\twhat is 4(c)?\nBot\tL(K-1)+1\nUser\tand 4(b)?\nBot\t(W-K)/S+1\n';
  assert.equal(flashcardDeckAsMarkdown(log), log);
  const writeup = '## 4(c)\n\nRF\tL(K-1)+1\n\nbecause each layer adds K-1\n';
  assert.equal(flashcardDeckAsMarkdown(writeup), writeup);
});

test("a card's note in place of an answer: a to-do typed in lower case under the card's term, a skip whose reason names the question's `rank 1`; a value after them still answers", () => {
  assert.equal(notAnsweredHere('Muon step size\n\ntodo — see lecture 9 slides'), 'todo — see lecture 9 slides');
  assert.equal(notAnsweredHere("(skipped — didn't see why the sign matrix is rank 1)"), "skipped — didn't see why the sign matrix is rank 1");
  assert.equal(notAnsweredHere('Muon step size\n\ntodo — alpha = sqrt(d_out)'), undefined);
  assert.equal(notAnsweredHere('(skipped the working — answer 40)'), undefined);
  assert.equal(notAnsweredHere('todo list is long'), undefined);
  // (A number after a word that numbers nothing of a course is a guess, and a guess answers.)
  assert.equal(notAnsweredHere("didn't finish, roughly 1470"), undefined);
  assert.equal(notAnsweredHere('skipped, about 40'), undefined);
  assert.equal(notAnsweredHere('todo — around 40'), undefined);
  assert.equal(notAnsweredHere('skipped, see section 3'), 'skipped, see section 3');
});
