import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flashcardDeckAsMarkdown, isFlashcardDeck } from '../src/documents/flashcard-deck.js';
import { outlineAsMarkdown } from '../src/documents/outline-trees.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { devSkip, gradedPartsWithStaffKey, gradeWithStaffKey, readWithStaffKey, ROOT } from './hw4-dev.js';

// Flashcard decks and outliners' exports, in other apps' words than the round that showed them: a
// deck's text export is one note a line, its fields between separators (named by `#separator:` or,
// in the older export with no header, tabs) and its fields' HTML rendered, its tags and other
// bookkeeping columns no answer; an OPML outline is its nested items with their `_note`s. Near
// misses: a write-up opening with a hashtag line, a tab-separated sheet, an XML file that is not
// OPML, and an outline of the writer's plan, which earns nothing.

const DIR = join(ROOT, 'test', 'fixtures', 'deck-outline-exports');
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const verdicts = (file: string) => [...gradeWithStaffKey(text(file), file)].map(([id, v]) => `${id} ${v}`);
const answerOf = (file: string, part: string) => readWithStaffKey(text(file), file).responses.find((r) => r.partId === part)?.final.text;

test('a deck with `#separator:Semicolon` and `#columns:` headers: each note a question over its answer, quoted fields whole, the tags column left out, MathJax in a labelled value read as its formula', {
  skip: devSkip,
}, () => {
  const file = 'semicolon-deck-q2b-q4abc.txt';
  assert.deepEqual(verdicts(file), ['2.b correct', '4.a correct', '4.b correct', '4.c correct']);
  assert.equal(answerOf(file, '4.b'), '⌊(W − K)/S⌋ + 1 × ⌊(H − K)/S⌋ + 1 × C\nchannels stay C; pooling has no weights');
});

test('an older deck export without headers: tab-separated HTML fields read as the card shows them, its last column of tags no answer', { skip: devSkip }, () => {
  const file = 'headerless-deck-q2c-q3c-q7b.txt';
  assert.deepEqual(verdicts(file), ['2.c incorrect', '3.c correct', '4.c correct', '7.b correct']);
  assert.equal(answerOf(file, '4.c'), 'receptive field, L layers of K×K, stride 1\n\n**L(K−1)+1**');
  assert.match(answerOf(file, '7.b') ?? '', /\ngrowth: linear in n, O\(n\)$/);
});

test('a deck saved as .csv is its notes, not a grading sheet; a sheet saved so stays a sheet', async () => {
  const deck = readFileSync(join(DIR, 'semicolon-deck-q2b-q4abc.txt'));
  assert.equal((await readDocumentFile(deck, 'deck.csv')).text, deck.toString('utf8'));
  const sheet = readFileSync(join(DIR, 'tsv-grading-sheet.txt'));
  assert.match((await readDocumentFile(sheet, 'sheet.tsv')).text ?? '', /^### 3\(c\)\n\nall entries -40 \(3x3\)\n/);
});

test("a deck's header names its bookkeeping columns (guid, note type, tags) and a cloze's answer is what the back shows", () => {
  const deck = '#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:4\nq/Ab3\tCloze\t4(c) the receptive field is {{c1::L(K&minus;1) + 1::formula}}<br>\thw4::cnn\n';
  assert.equal(flashcardDeckAsMarkdown(deck), '### 4(c) the receptive field is L(K−1) + 1\n');
});

test('an OPML outline from another outliner: each item a bullet by its depth, its `_note` the paragraph under it (line breaks as `&#10;`)', { skip: devSkip }, () => {
  const file = 'dynalist-outline-q4abc.opml';
  assert.deepEqual(verdicts(file), ['4.a correct', '4.b incorrect', '4.c correct']);
  assert.equal(answerOf(file, '4.c'), 'receptive field of L layers\n\n    each layer adds K − 1, so RF = L(K − 1) + 1');
});

test('near misses: a hashtag line over a write-up, a tab-separated sheet and an XML file that is not OPML stay as they are; a plan outline earns nothing', { skip: devSkip }, () => {
  assert.equal(flashcardDeckAsMarkdown(text('hashtag-line-writeup.md')), text('hashtag-line-writeup.md'));
  assert.deepEqual(verdicts('hashtag-line-writeup.md'), ['3.c correct', '4.c correct']);
  assert.equal(isFlashcardDeck(text('tsv-grading-sheet.txt')), false);
  assert.equal(flashcardDeckAsMarkdown(text('tsv-grading-sheet.txt')), text('tsv-grading-sheet.txt'));
  assert.equal(outlineAsMarkdown(text('lms-submission.xml')), text('lms-submission.xml'));
  const plan = 'omnioutliner-plan.opml';
  assert.equal(answerOf(plan, '3.a'), 'go over the convolution sum from section, split the cases');
  assert.deepEqual(
    gradedPartsWithStaffKey(text(plan), plan)
      .filter((p) => (p.points ?? 0) > 0)
      .map((p) => p.id),
    [],
  );
});
