import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { piecewiseCandidates } from '../src/check/piecewise-answer.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';

// A piecewise answer stated as a sequence of cases, each headed by a lead-in that names its
// condition (`**Case 2: 0 ≤ n ≤ 4.**`, `**For n ≥ 5:**` on a line of its own, `- n < 0 →`): the
// answer is all the cases together, not the last value that happens to follow the last lead-in.
const KEY = `partcredit: 1
title: Pulse through a halving filter
parts:
  2.a:
    title: Convolution of a length-5 pulse with 2^{-n} u(n)
    answer:
      type: piecewise
      value: '\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 4 \\\\ 31 \\cdot 2^{-n} & n \\ge 5 \\end{cases}'
      domain:
        n: { integer: true, min: -4, max: 10 }
`;
const key = loadKey(KEY, 'key.yaml').key!;
const grade = (text: string) => gradeSubmission(key, readSubmission(text, 'w.md', key)).parts[0]!;

const BOLD_CASES = [
  '2(a) Only the samples of the pulse that overlap the filter contribute.',
  '',
  '**Case 1: n < 0.** Nothing overlaps yet, so y[n] = 0.',
  '',
  '**Case 2: 0 ≤ n ≤ 4 (growing overlap).** Summing the geometric series: $$y[n] = \\sum_{k=0}^{n} 2^{-k} = 2 - 2^{-n}.$$',
  '',
  '**Case 3: n ≥ 5 (whole pulse inside).** Every sample contributes: $$y[n] = 2^{-n}\\sum_{k=0}^{4} 2^{k} = 31 \\cdot 2^{-n}.$$',
  '',
  'So y[5] = 31/32 and the tail halves at every step.',
].join('\n');

const FOR_LINES = [
  '2(a) Split by how much of the pulse has entered.',
  '',
  '**For n < 0:**',
  'no sample has arrived, y[n] = 0',
  '',
  '**For 0 ≤ n ≤ 4:**',
  '$$y[n] = 2 - 2^{-n}$$',
  '',
  '**For n ≥ 5:**',
  '$$y[n] = 31 \\cdot 2^{-n}$$',
].join('\n');

const ARROWS = ['2(a) The output, range by range:', '', '- n < 0 → y[n] = 0', '- 0 ≤ n ≤ 4 → y[n] = 2 − 2^{−n}', '- n ≥ 5 → y[n] = 31·2^{−n}'].join('\n');

test('cases under bold `Case k: <condition>.` lead-ins are graded as one function', () => {
  const g = grade(BOLD_CASES);
  assert.equal(g.verdict, 'correct', `${g.answer}: ${g.feedback}`);
});

test('cases under `For <condition>:` lead-ins on lines of their own are graded as one function', () => {
  const g = grade(FOR_LINES);
  assert.equal(g.verdict, 'correct', `${g.answer}: ${g.feedback}`);
});

test('cases in a bulleted list, each condition leading to its value with an arrow, are graded as one function', () => {
  const g = grade(ARROWS);
  assert.equal(g.verdict, 'correct', `${g.answer}: ${g.feedback}`);
});

test('near miss: one case under a lead-in with a wrong value stays wrong', () => {
  assert.notEqual(grade(BOLD_CASES.replace('= 2 - 2^{-n}.$$', '= 2 - 2^{-(n+1)}.$$')).verdict, 'correct');
  assert.notEqual(grade(FOR_LINES.replace('$$y[n] = 2 - 2^{-n}$$', '$$y[n] = 2 - 2^{-(n+1)}$$')).verdict, 'correct');
  assert.notEqual(grade(ARROWS.replace('31·2^{−n}', '32·2^{−n}')).verdict, 'correct');
});

test('near miss: lead-ins that leave a range without a case stay wrong', () => {
  const noTail = BOLD_CASES.split('\n')
    .filter((l) => !l.startsWith('**Case 3'))
    .join('\n');
  assert.notEqual(grade(noTail).verdict, 'correct');
  assert.notEqual(grade(ARROWS.replace('\n- 0 ≤ n ≤ 4 → y[n] = 2 − 2^{−n}', '')).verdict, 'correct');
});

// The same class in documents of our own (test/fixtures/case-lead-ins), graded with the staff key's 3.a:
// lead-ins in bold (`**Case 1: n < 0.**`), plain (`Case n < 0:`), as headings (`### Case n ≥ 7`), as
// `If n < 0:` / `For 0 ≤ n ≤ 6,`, and numbered (`2. 0 ≤ n ≤ 6:`), each case's statement followed by what
// only supports it: sample values in brackets (`(1, 1.5, 1.75, …)`, `(e.g. y(3) = 1.875)`), an `i.e.` list,
// a `Values (n = …):` line, a `Closed form:` restatement. A case's formula ends where its own statement does.

const CORRECT = '{ 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 127 · 2^(-n) if n ≥ 7 }';
const graded = (file: string) => gradedFixtureFile('case-lead-ins', file);

test('bold `Case k: <condition>.` lead-ins whose values are followed by bracketed samples and a values line', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('bold-cases-sample-brackets.md'), { '3.a': `correct: ${CORRECT}` });
});

test('plain `Case n < 0:` lead-ins on lines of their own, then a `Closed form:` restatement and a values list', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('plain-case-closed-form.txt'), { '3.a': `correct: ${CORRECT}` });
  // The lead-ins alone, without the restatement, state the same cases.
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'case-lead-ins', 'plain-case-closed-form.txt'), 'utf8');
  assert.deepEqual(
    piecewiseCandidates(text.slice(0, text.indexOf('Closed form:'))).map((c) => c.text),
    ['\\begin{cases} 0 & n < 0 \\\\ 2 - 2^(-n) & 0 \\le  n \\le  6 \\\\ 127 * 2^(-n) & n \\ge  7 \\end{cases}'],
  );
});

test('Markdown headings `### Case n ≥ 7`, a case stating its value and then listing samples with `i.e.`', { skip: devSkip }, async () => {
  const parts = await graded('heading-cases-values.md');
  assert.equal(parts['3.a'], `correct: ${CORRECT}`);
});

test('`If n < 0:` and `For 0 ≤ n ≤ 6,` lead-ins in a mail', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('if-for-leadins.txt'), { '3.a': 'correct: { 0 if n < 0; 2 - (1/2)^n if 0 ≤ n ≤ 6; 127 (1/2)^n if n ≥ 7 }' });
});

test('numbered lead-ins (`2. 0 ≤ n ≤ 6:`) with an example value in brackets after each', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('numbered-leadins.md'), { '3.a': `correct: ${CORRECT}` });
});

test('near miss: a wrong tail under plain lead-ins, restated in the closed form, stays wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('near-miss-wrong-tail.txt'), { '3.a': 'incorrect: { 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 2^(7 - n) if n ≥ 7 }' });
});

test('near miss: a wrong middle branch among numbered lead-ins stays wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('near-miss-wrong-middle.md'), { '3.a': 'incorrect: { 0 if n < 0; 2 - 2^(-(n + 1)) if 0 ≤ n ≤ 6; 127 · 2^(-n) if n ≥ 7 }' });
});

test('near miss: an off-by-one boundary (`0 ≤ n ≤ 7`, `n ≥ 8`) stays wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('near-miss-off-by-one.txt'), { '3.a': 'incorrect: { 0 if n < 0; 2 - (1/2)^n if 0 ≤ n ≤ 7; 127 (1/2)^n if n ≥ 8 }' });
});

test('near miss: lead-ins that leave the tail to words and samples stay wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('near-miss-missing-tail.md'), { '3.a': 'incorrect: { 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6 }' });
});

test("a case's formula ends where its statement ends: remarks, approximations and sample lists after it are not part of it", () => {
  const formula = (text: string) => piecewiseCandidates(text).map((c) => c.text);
  const cases = (middle: string, tail: string) => formula(`**Case 1: n < 0.** y(n) = 0.\n\n**Case 2: 0 ≤ n ≤ 6.** y(n) = ${middle}\n\n**Case 3: n ≥ 7.** y(n) = ${tail}`);
  const WANTED = ['\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le  n \\le  6 \\\\ 127/2^n & n \\ge  7 \\end{cases}'];
  assert.deepEqual(cases('2 - 2^{-n}   (1, 1.5, 1.75, …)', '127/2^n (0.99 at n = 7)'), WANTED);
  assert.deepEqual(cases('2 - 2^{-n} (e.g. y(3) = 1.875).', '127/2^n ≈ 0.99 at n = 7.'), WANTED);
  assert.deepEqual(cases('2 - 2^{-n}, i.e. y(n) = 1, 1.5, 1.75', '127/2^n. At n = 7 that is 0.99'), WANTED);
  // Near misses: a case stated only as samples states no formula; a bracketed factor is part of the value.
  assert.deepEqual(cases('1, 1.5, 1.75, 1.875', '127/2^n'), []);
  assert.deepEqual(formula('**Case 1: n < 0.** y(n) = 0.\n**Case 2: n ≥ 0.** y(n) = 2 (1 - 2^{-(n+1)}) (1, 1.5, …)'), ['\\begin{cases} 0 & n < 0 \\\\ 2 (1 - 2^{-(n+1)}) & n \\ge  0 \\end{cases}']);
});
