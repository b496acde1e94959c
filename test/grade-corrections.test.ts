import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { correctsItself } from '../src/check/retraction.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { agreementRows } from '../src/grade/agreement.js';

// A model that corrects itself in reply to a question that only asked why: the correction is
// the answer it commits to. A reply that only explains leaves the answer as it was.
const DIR = fileURLToPath(new URL('../../test/fixtures/numbering/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));
const part = (text: string, id: string) => gradeSubmission(key!, readSubmission(text, 'chat.md', key!, problems)).parts.find((p) => p.id === id)!;

const chat = (...turns: string[]) => turns.map((t, i) => `${i % 2 ? '**Assistant:**' : '**User:**'} ${t}`).join('\n\n');
const QUESTION = 'Problem 1. A 3x3 conv layer with 10 filters takes a 32 x 32 x 3 input, no padding. (a) What is the output width? (b) How many parameters does it have?';

test('a correction after "why?" is the final answer; the first answer stays as it was', () => {
  const text = chat(
    QUESTION,
    '(a) The width is $32$ since the kernel slides over every pixel.',
    'Why would the width stay 32 without padding?',
    'You are right to push on that, I misread the padding. Corrected answer: the width is $30$.',
  );
  const a = part(text, '1.a');
  assert.equal(a.verdict, 'correct', a.feedback);
  assert.equal(a.first?.verdict, 'incorrect');
});

test('near miss: a reply to "why?" that only explains keeps the answer it explains, wrong as it was', () => {
  const text = chat(
    QUESTION,
    '(a) The width is $32$ since the kernel slides over every pixel.',
    'Why does the width stay the same?',
    'Great question! Each output pixel is one placement of the kernel, and with $30$ placements per row on an unpadded input of 32 we still report the layer width as before.',
  );
  assert.equal(part(text, '1.a').verdict, 'incorrect');
});

test('near miss: a self-correction to another wrong answer is graded as that answer', () => {
  const text = chat(QUESTION, '(a) The width is $30$.', 'Why 30?', 'My mistake: with a 3x3 kernel the width shrinks by 3, so the width is $29$.');
  const a = part(text, '1.a');
  assert.equal(a.verdict, 'incorrect');
  assert.equal(a.first?.verdict, 'correct');
});

test('a correction that states no answer leaves the last answer the model committed to', () => {
  const text = chat(QUESTION, '(a) The width is $30$.', 'Why 30?', 'Good catch on asking: I should have said how the count goes, it counts the positions of the kernel along the row.');
  assert.equal(part(text, '1.a').verdict, 'correct');
});

test('what counts as a model correcting itself', () => {
  assert.ok(correctsItself('Good catch — let us look at x_3 again.'));
  assert.ok(correctsItself("You're absolutely right, the edge is vertical."));
  assert.ok(correctsItself('Here is the derivation.\n\n**Corrected answer:** 30'));
  assert.ok(!correctsItself('Great question! The kernel is flipped because convolution is defined that way.'));
  assert.ok(!correctsItself('The correct answer stays 30, as computed above.'));
});

test('the first answer carries its own confidence, and agreement on first answers reports it', () => {
  const text = chat(
    QUESTION,
    '(a) The width is $32$ since the kernel slides over every pixel.',
    'Why would the width stay 32 without padding?',
    'You are right to push on that, I misread the padding. Corrected answer: the width is $30$.',
  );
  const g = gradeSubmission(key!, readSubmission(text, 'chat.md', key!, problems));
  const a = g.parts.find((p) => p.id === '1.a')!;
  assert.ok(a.first && a.firstConfidence, 'the first answer has a confidence of its own');
  const label = { verdict: 'incorrect' as const, answer: '32' };
  const [row] = agreementRows(g, { name: 'chat', attempt: 'first', parts: new Map([['1.a', label]]) }, () => true);
  assert.equal(row!.ours, 'incorrect');
  assert.equal(row!.confidence, a.firstConfidence!.overall);
});
