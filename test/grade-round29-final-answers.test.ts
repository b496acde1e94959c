import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { declaredRemarkMark } from '../src/documents/declared-remarks.js';
import { markColumns } from '../src/documents/person-scores.js';
import { isScoreTally } from '../src/documents/tally-lines.js';
import { mathSpansAsText } from '../src/documents/math-spans.js';
import { branchesAfterCases } from '../src/check/piecewise-answer.js';
import { notAnsweredHere } from '../src/grade/refusal.js';

// Blind round 29's found parts whose final answer was read or judged wrong (issue 9), each class in a
// document of our own, not the round's, with a near miss that must read as it did before.

const answerOf = (text: string, part: string, name = 't.md') => gradedPartsWithStaffKey(text, name).find((p) => p.id === part)!;

test("a summary table's column of the person's marks (`½`, `✓`) is no part of the answer, whatever its header", { skip: devSkip }, () => {
  const report = (column: string, half: string) =>
    [
      '# Le Chat (Mistral) on HW4 Q1',
      '',
      '**You:** Newton-Schulz runtime: (a) per iteration, (b) faster when d_out ≫ d_in?',
      '',
      '**Le Chat:** (a) Two products of cost $c\\,d_{out}^2 d_{in}$: $2c\\,d_{out}^2 d_{in}$.',
      '',
      '(b) Use the Gram matrix $W^\\top W$: $c\\,d_{out} d_{in}^2$ per iteration.',
      '',
      '---',
      '',
      `| Q | Le Chat says | ${column} |`,
      '|---|---|---|',
      '| 1a | 2c d_out² d_in | ✓ |',
      `| 1b | c d_out d_in² | ${half} |`,
      '',
    ].join('\n');
  // On main the mark was read into the answer (`c d_out d_in²: 0.5`) and the part could not be graded.
  assert.equal(answerOf(report('Priya', '0.5'), '1.b').verdict, 'partial');
  assert.equal(answerOf(report('Priya', '½'), '1.b').verdict, 'partial');
  assert.equal(answerOf(report('Priya', '½'), '1.a').verdict, 'correct');
  // Near misses: a column of values with no tick or cross is answers (`1/2`, `3/4`), and one row alone is no column.
  assert.deepEqual(
    [
      ...markColumns([
        ['c d_out', '1/2'],
        ['2c', '3/4'],
      ]),
    ],
    [],
  );
  assert.deepEqual([...markColumns([['c d_out', '½']])], []);
  assert.deepEqual(
    [
      ...markColumns([
        ['c d_out', '½'],
        ['2c', '✓'],
      ]),
    ],
    [1],
  );
});

test("a tally of scores after the chat (`Tally — Q4(c) 1/1, Q4(d) 0/1, Q4(e) ✗`) is the person's, not answers", { skip: devSkip }, () => {
  const chat = (tally: string) =>
    [
      'Poe · Claude-3.5-Haiku',
      '',
      'User: Question 4 (c): L stacked K×K convolutions with stride 1. What is the receptive field of the last layer?',
      '',
      "Bot: Each layer adds K − 1 to the first one's K, so the receptive field is 1 + L(K − 1).",
      '',
      tally,
      '',
    ].join('\n');
  // On main the tally's labels were read as answers: 4(c) became `1/1` (no answer found) and 4(d) `0/1`.
  const tallied = chat('Tally — Q4(c) 1/1, Q4(d) 0/1, Q4(e) ✗');
  assert.equal(answerOf(tallied, '4.c', 't.txt').verdict, 'correct');
  assert.equal(answerOf(tallied, '4.d', 't.txt').verdict, 'missing');
  assert.ok(isScoreTally('Scores: Q3 5/5; Q4(e) 11/12 cells; Q4(f) ✗'));
  // Near misses: fractions that answer two parts, with no tick or cross, and a line of answers with a tick after one.
  assert.ok(!isScoreTally('(a) 1/2, (b) 3/4'));
  assert.ok(!isScoreTally('(a) $2c\\,d^2$ ✓, (b) $c\\,d^2$'));
  assert.equal(answerOf(chat('Final: 4(c) $L(K-1)$, 4(d) ✓'), '4.c', 't.txt').verdict, 'incorrect');
});

test('a reply to a request for two parts of one question (`OK, 4(e), 4(f) next`) answers the first in the table above its label for the second', { skip: devSkip }, () => {
  const chat = (request: string) =>
    [
      `User: ${request}`,
      '',
      'Assistant: The table, biases counted:',
      '',
      '| Layer | Params | Output |',
      '|---|---|---|',
      '| CONV3-10 | 3·3·1·10 + 10 = 100 | 28 × 28 × 10 |',
      '| POOL2 | 0 | 14 × 14 × 10 |',
      '| CONV3-10 | 3·3·10·10 + 10 = 910 | 14 × 14 × 10 |',
      '| POOL2 | 0 | 7 × 7 × 10 |',
      '| FLATTEN | 0 | 490 |',
      '| FC-3 | 490·3 + 3 = 1473 | 3 |',
      '',
      '**Q4 (f)** Circular padding makes every layer shift-equivariant and GAP shift-invariant:',
      '',
      '$$g_3 = \\begin{bmatrix} 0 \\\\ 0.8 \\\\ 0 \\end{bmatrix}, \\quad g_4 = \\begin{bmatrix} 0.8 \\\\ 0 \\\\ 0 \\end{bmatrix}$$',
      '',
    ].join('\n');
  const both = chat('OK, 4(e), 4(f) next. Count the biases in the table.');
  assert.equal(answerOf(both, '4.e').verdict, 'correct');
  assert.equal(answerOf(both, '4.f').verdict, 'correct');
  // Near misses: a remark on two parts asks neither, and the table stays unplaced.
  assert.equal(answerOf(chat('OK, 4(e) and 4(f) are fine, now redo the table with the biases.'), '4.e').verdict, 'missing');
  assert.equal(answerOf(chat('OK, 4(c), 4(e), 4(f) were wrong, redo the table.'), '4.e').verdict, 'missing');
});

test("lines the header says are the writer's (`Lines that begin with » are my marking`) are taken out, whatever it calls them", { skip: devSkip }, () => {
  const header = (declaration: string) =>
    [
      'HuggingChat (Llama 3.3 70B), HW4 Q7(b). Copied from the share page.',
      declaration,
      '',
      'Me:',
      '7(b) Derive the mean and variance of dw_{h,l} (m = n − k + 1) and the growth rate of its standard deviation in n.',
      '',
      'HuggingChat:',
      'Every product has a zero-mean factor, so the mean of dw_{h,l} is 0.',
      '',
      'The m² products are uncorrelated, so Var(dw_{h,l}) = (n − k + 1)² σ_x² σ_g².',
      '',
      'For a fixed kernel that is quadratic in the image size, so the standard deviation grows as O(n²).',
      '',
      "» mean and variance agree with mine. growth: O(n) is what I get for the std, it gave the variance's rate.",
      '',
    ].join('\n');
  // On main the person's `growth: O(n)` was read as the model's growth, and 7(b) graded right.
  assert.equal(answerOf(header('Lines that begin with » are my marking.'), '7.b', 't.txt').verdict, 'partial');
  assert.equal(declaredRemarkMark('Lines starting with ⚑ are mine.')?.mark, '⚑');
  // Near misses: lines said to be the chat's own turns are no remarks.
  assert.equal(declaredRemarkMark('Lines starting with > are my prompts, the rest is the reply.'), undefined);
  assert.equal(declaredRemarkMark('Lines that begin with Q: are my questions.'), undefined);
});

test("a tagged formula holding its closing tag's first sign (`[tex]y[n] = ...[/tex]`, `<math>n < 0</math>`) is read whole", { skip: devSkip }, () => {
  const post = [
    'Re: HW4 problem 3 — my attempt (forum post)',
    '',
    '3(a) Summing the geometric series over the overlap:',
    '',
    '[tex]y[n] = \\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}[/tex]',
    '',
    '3(b) [tex]y_2[n] = y[n-5][/tex], by time invariance.',
    '',
  ].join('\n');
  assert.equal(answerOf(post, '3.a', 't.txt').verdict, 'correct');
  assert.equal(mathSpansAsText('<math>n < 0</math> and <math>y[n] = 0</math>'), '$n < 0$ and $y[n] = 0$');
  // Near misses: a `<` between two spans stays text, and an unclosed tag over a blank line is left alone.
  assert.equal(mathSpansAsText('<math>a</math> < <math>b</math>'), '$a$ < $b$');
  assert.equal(mathSpansAsText('<math>n < 0\n\nlater </math>'), '<math>n < 0\n\nlater </math>');
});

test('a value said to hold under a condition (`$2-2^{-n}$ for $n \\ge 0$`) is one case, not the answer, after a cases formula', { skip: devSkip }, () => {
  const writeup = (recap: string) =>
    [
      '## 3(a)',
      '',
      'Only $0 \\le i \\le \\min(n, 6)$ overlap:',
      '',
      '$y[n] = \\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}$',
      '',
      recap,
      '',
    ].join('\n');
  // On main the recap's one case was graded as the whole answer.
  assert.equal(answerOf(writeup('Recap: it rises as $2 - 2^{-n}$ for $n \\le 6$.'), '3.a').verdict, 'correct');
  // Near miss: a later value with no condition is still the last word.
  const bare = branchesAfterCases('$y = \\begin{cases} 1 & n<0 \\\\ 0 & n \\ge 0 \\end{cases}$ so $2-2^{-n}$.', [
    { text: '2-2^{-n}', how: 'inline', at: 50 },
    { text: 'y = \\begin{cases} 1 & n<0 \\\\ 0 & n \\ge 0 \\end{cases}', how: 'inline', at: 1 },
  ]);
  assert.equal(bare[0]!.text, '2-2^{-n}');
});

test('cases typed as `condition : value` lines, with no equation, are one piecewise answer', { skip: devSkip }, () => {
  const note = (lines: string[]) => ['Keep note — hw4 q3', '', 'Q3', 'a) y[n] = sum over the overlap of (1/2)^(n−i)', ...lines, '', 'b) y₂[n] = y[n−5], time invariance', ''].join('\n');
  assert.equal(answerOf(note(['n < 0 : 0', '0 ≤ n ≤ 6 : 2 − 2⁻ⁿ', 'n ≥ 7 : 127·2⁻ⁿ']), '3.a', 't.txt').verdict, 'correct');
  // Near miss: condition lines that head words state no case.
  assert.equal(answerOf(note(['n < 0 : nothing yet', '0 ≤ n ≤ 6 : growing', 'n ≥ 7 : decaying']), '3.a', 't.txt').verdict, 'incorrect');
});

test('a note that a part was left undone may name things with digits in their words (`the 2D lecture`, `HW5`)', () => {
  assert.equal(notAnsweredHere('not attempted, see my HW5 notes'), 'not attempted, see my HW5 notes');
  assert.equal(notAnsweredHere('TODO: skipped until the 2D conv recitation'), 'skipped until the 2D conv recitation');
  // Near misses: a value or a size after the note answers.
  assert.equal(notAnsweredHere('skipped the working, got 40'), undefined);
  assert.equal(notAnsweredHere('skipped, 3x3 of -40'), undefined);
});
