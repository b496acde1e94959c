/**
 * Blind rounds 12-15 printed as chat exports and pages, graded from the PDF beside their text: the
 * second half of pdf-blind-rounds.test.ts (whose header tells how these rounds were first measured
 * and which classes were fixed), in a file of its own so that each stays within the runner's five
 * minutes when its prints are made cold on loaded cores.
 */
import { test } from 'node:test';
import { printedRounds } from './fixtures/pdf/heldout-pdfs.js';

const ROUNDS = ['blind-round12', 'blind-round13', 'blind-round14', 'blind-round15'];
// Every round printed in every layout and as pages, ahead of the tests (see printedRounds).
const { skip, printedRound } = printedRounds(ROUNDS);

test('blind round 12 printed as chat exports and pages grades as its text does', { skip }, async () => {
  await printedRound(['blind-round12'], 205);
});

test('blind round 13 printed as chat exports and pages grades as its text does', { skip }, async () => {
  await printedRound(['blind-round13'], 320);
});

test('blind round 14 printed as chat exports and pages grades as its text does', { skip }, async () => {
  // (A line the writer ended within a word of the column's edge, `... = 2 - 2^{-n}.` / `For n >= 7 ...`,
  // reads as a wrapped line on the page; its cases, told sentence by sentence, are read as one answer all the same.)
  await printedRound(['blind-round14'], 200);
});

test('blind round 15 printed as chat exports and pages grades as its text does', { skip }, async () => {
  // Its Copilot and Ollama chats, once printed as pages of text (and listed here for code typed in a
  // page's prose font and a line ended at the edge), print as chat exports since the print harness
  // takes its turns from the reader, which reads them as labelled chats.
  await printedRound(['blind-round15'], 120);
});
