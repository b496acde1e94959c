import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

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
