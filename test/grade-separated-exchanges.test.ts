import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { withoutTallyLines } from '../src/documents/tally-lines.js';

// Chats copied with no speaker's name at all, their exchanges set apart by rule lines (blind round 29:
// a search engine's answer mode with follow-ups), and a person's tally of marks on one line read as an
// answer. In an app and words of our own: an answer engine's log under `=====` rules, a page line over
// each request, `>>` notes, the model caving to a wrong push-back. Each with a near miss.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'separated-exchanges', name), 'utf8');
const verdicts = (text: string, name: string) => Object.fromEntries(gradeWithStaffKey(text, name));
const roles = (text: string, name: string) => (readWithStaffKey(text, name).messages ?? []).map((m) => m.role);

test('a chat whose exchanges are set apart by rules, each a short request then a long reply, is read as a chat: the reply after a push-back is the final answer', { skip: devSkip }, () => {
  const text = fixture('answer-engine-log.txt');
  // 4(c): L(K-1)+1 first, then `L·K` after the person's wrong push-back; the summary's ticks are no answer.
  assert.deepEqual(verdicts(text, 'log.txt'), { '1.a': 'correct', '1.b': 'correct', '4.c': 'incorrect' });
  const read = roles(text, 'log.txt');
  assert.equal(read.filter((r) => r === 'user').length, 4);
  assert.equal(read.filter((r) => r === 'assistant').length, 4);
  // The header above the first rule and the summary below the last are notes.
  assert.equal(read[0], 'note');
  assert.equal(read[read.length - 1], 'note');
  // Drawn in another symbol, with no page line over the requests, it reads the same.
  const plain = text.replace(/^=+$/gm, '-'.repeat(24)).replace(/^(?:Answer mode.*|Keep asking ↴)\n\n/gm, '');
  assert.notEqual(plain, text);
  assert.deepEqual(verdicts(plain, 'log.txt'), { '1.a': 'correct', '1.b': 'correct', '4.c': 'incorrect' });
  // So does Markdown's spaced rule.
  assert.deepEqual(verdicts(text.replace(/^=+$/gm, '* * *'), 'log.txt'), { '1.a': 'correct', '1.b': 'correct', '4.c': 'incorrect' });
});

const sections = (rule: string, label: (k: number) => string) =>
  [
    'HW4 — my answers to Q1 and Q4',
    '',
    rule,
    '',
    `${label(0)}What is the runtime of one Newton-Schulz iteration?`,
    '',
    'Two products: W W^T costs c d_out^2 d_in, and multiplying (3I - W W^T) by W costs the same.',
    '',
    'Lower-order terms (the subtraction from 3I, the factor 1/2) are dropped since the products dominate for large sizes.',
    '',
    'So the runtime is $2c\\, d_{out}^2 d_{in}$.',
    '',
    rule,
    '',
    `${label(1)}Is there a faster way when d_out >> d_in?`,
    '',
    'Use the Gram matrix: p(W) = 1/2 W (3I - W^T W). Both products cost c d_out d_in^2.',
    '',
    'This is cheaper by a factor d_out/d_in, since the d_in x d_in Gram matrix is small when d_out >> d_in.',
    '',
    'Runtime $2c\\, d_{out} d_{in}^2$.',
    '',
    rule,
    '',
    `${label(2)}What is the receptive field of the last output after L layers?`,
    '',
    'Each layer adds K - 1, starting from K.',
    '',
    'The first layer sees K pixels per side, and each further stride-1 layer widens this by K - 1.',
    '',
    'Receptive field $L(K-1) + 1$.',
  ].join('\n');

test("near miss: a write-up's sections under rules, opening on their part labels, stay a write-up read by its labels", { skip: devSkip }, () => {
  const text = sections('-----', (k) => ['1(a) ', '1(b) ', '4(c) '][k]!);
  assert.equal(readWithStaffKey(text, 'hw.md').format, 'writeup');
  assert.deepEqual(verdicts(text, 'hw.md'), { '1.a': 'correct', '1.b': 'correct', '4.c': 'correct' });
  // (Nor do sections whose labels stand on short lines of their own over the working.)
  const over = sections('-----', (k) => `${['Q1\n\n(a)', '(b)', 'Q4\n\n(c)'][k]!}\n\n`);
  assert.equal(readWithStaffKey(over, 'hw.md').format, 'writeup');
});

test('near miss: rules right under a line are headings’ underlines, not separators between exchanges', { skip: devSkip }, () => {
  const text = sections('-----', () => '').replace(/\n\n-----\n\n/g, '\n=====\n\n');
  assert.equal(readWithStaffKey(text, 'hw.md').format, 'writeup');
});

test("a tally of marks on one line is the person's marking, not the answer of its first label's part", { skip: devSkip }, () => {
  const text = [
    '# Q1',
    '',
    '(a) The runtime is $2c\\, d_{out}^2 d_{in}$.',
    '',
    '(b) With the Gram matrix: $2c\\, d_{out} d_{in}^2$.',
    '',
    '# Q4',
    '',
    '(c) $L(K-1) + 1$',
    '',
    "Checked against the model's version:",
    '(a) ✓   (b) ✓ after a second look   (c) ✗',
  ].join('\n');
  assert.deepEqual(verdicts(text, 'hw.md'), { '1.a': 'correct', '1.b': 'correct', '4.c': 'correct' });
  assert.equal(withoutTallyLines('1a ok  1b wrong (forgot the c)\n').trim(), '');
  // Near misses: a label that heads an answer keeps its line; one marked label is a remark for other readers.
  for (const kept of ['(a) $2c d_{out}^2 d_{in}$   (b) ✓', '(b) ✓ after a second look', '(a) 2 × 3 = 6   (b) 3 × 4']) assert.equal(withoutTallyLines(kept), kept);
});
