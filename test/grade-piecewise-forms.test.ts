import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// Piecewise answers stated case by case in prose, or only as the code that computes them: the
// whole function is graded, not the one branch that happens to be a formula of its own.
const KEY = `partcredit: 1
title: Running sums
parts:
  1.a:
    title: Running sum of a length-4 pulse
    answer:
      type: piecewise
      value: '\\begin{cases} 0 & k < 0 \\\\ k + 1 & 0 \\le k \\le 3 \\\\ 4 & k \\ge 4 \\end{cases}'
      domain:
        k: { integer: true, min: -4, max: 10 }
`;
const key = loadKey(KEY, 'key.yaml').key!;
const grade = (text: string) => gradeSubmission(key, readSubmission(text, 'w.md', key)).parts[0]!;

const PROSE = [
  '1(a) The running sum adds the pulse samples seen so far.',
  '',
  'When $k < 0$ nothing has arrived yet, so $y[k] = 0$.',
  'For $0 \\le k \\le 3$ the sum is $y[k] = \\sum_{j=0}^{k} 1 = k + 1$.',
  'For $k \\ge 4$ the whole pulse is in: $y[k] = 4$.',
].join('\n');

test('cases stated one per line, condition before or after the value, are graded as one function', () => {
  const g = grade(PROSE);
  assert.equal(g.verdict, 'correct', g.feedback);
});

test('near miss: the case list with its last case wrong stays wrong', () => {
  assert.equal(grade(PROSE.replace('$y[k] = 4$', '$y[k] = k + 1$')).verdict, 'incorrect');
});

const CODE = ['1(a) Here is the function:', '', '```python', 'def y(k):', '    if k < 0:', '        return 0', '    elif k <= 3:', '        return k + 1', '    else:', '        return 4', '```'].join(
  '\n',
);

test('an answer given only as code (if / elif / else with returns) is graded as the function it computes', () => {
  const g = grade(CODE);
  assert.equal(g.verdict, 'correct', g.feedback);
});

test('near miss: code with an off-by-one branch is wrong', () => {
  assert.equal(grade(CODE.replace('elif k <= 3', 'elif k <= 4')).verdict, 'incorrect');
});

test('a cases formula the response writes is its answer, not a case list in its working', () => {
  const text = `${PROSE.replace('$y[k] = 4$', '$y[k] = 5$')}\n\nSo $$y[k] = \\begin{cases} 0 & k < 0 \\\\ k + 1 & 0 \\le k \\le 3 \\\\ 4 & k \\ge 4 \\end{cases}$$`;
  assert.equal(grade(text).verdict, 'correct');
});

test('a key that writes cases without declaring piecewise reads case lists the same way', () => {
  const untyped = loadKey(KEY.replace('      type: piecewise\n', ''), 'key.yaml').key!;
  const g = (text: string) => gradeSubmission(untyped, readSubmission(text, 'w.md', untyped)).parts[0]!.verdict;
  assert.equal(g(PROSE), 'correct');
  assert.equal(g(PROSE.replace('$y[k] = 4$', '$y[k] = k + 1$')), 'incorrect');
});
