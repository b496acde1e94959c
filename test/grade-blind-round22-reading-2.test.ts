import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedPartsWithStaffKey, gradeWithStaffKey } from './hw4-dev.js';
import { notebookScriptAsMarkdown } from '../src/documents/notebook-script.js';
import { checkAnswer } from '../src/check/check.js';
import { tokenize } from '../src/math/latex/tokenize.js';
import { splitInlineLabels } from '../src/documents/inline-labels.js';

// Blind round 22's reading classes left after its first pass (issue 9), each in a document of our
// own, not the round's, with a near miss that must read as it did before.

test('a notebook downloaded as a Python script (text cells as `"""` strings, outputs pasted as `#>`) is read as the notebook: its printed matrices are answers', { skip: devSkip }, () => {
  const script = [
    '#!/usr/bin/env python',
    '# coding: utf-8',
    '',
    '# In[1]:',
    '',
    '',
    'import numpy as np',
    'from scipy.signal import correlate2d, convolve2d',
    '',
    '"""### Problem 3 (c)',
    'Eq. (4) flips the kernel; no padding, stride 1."""',
    '',
    'img = np.arange(1, 26).reshape(5, 5)',
    'k = np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]])',
    "print(convolve2d(img, k, mode='valid'))",
    '',
    '#> [[-40 -40 -40]',
    '#>  [-40 -40 -40]',
    '#>  [-40 -40 -40]]',
    '',
    '"""### Problem 3 (d) (ii)',
    'Stride 2 on the zero-padded result, every other entry."""',
    '',
    "print(correlate2d(img, k, mode='same')[::2, ::2])",
    '',
    '#> [[ 19  32  29]',
    '#>  [ 30  40  30]',
    '#>  [-49 -72 -59]]',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(script, 'hw4.txt');
  assert.equal(g.get('3.c'), 'correct');
  // The printed correlation (kernel not flipped) is read too, and is wrong.
  assert.equal(g.get('3.d.ii'), 'incorrect');
  // Near miss: a Python script no notebook made (no `.ipynb` header, no `# In[n]:` prompts) keeps its
  // docstrings and comments as they are.
  const plain = ['"""Helpers for problem 3."""', 'import numpy as np', '', 'def conv(x, k):', '    """Flip k and slide it."""', '    return x', '', '#> not an output', ''].join('\n');
  assert.equal(notebookScriptAsMarkdown(plain), plain);
});

test('LaTeX typed without its backslashes in plain text: `sum_{i=1}^{m}` is a sum and `<-` an assignment, so `w <- w - eta dw` is the update', () => {
  const check = (expected: string, answer: string) => checkAnswer({ value: expected }, answer).verdict;
  assert.equal(check('\\sum_{k=1}^{n} k^2', 'sum_{k=1}^{n} k^2'), 'correct');
  assert.equal(check('\\sum_{k=1}^{n} k^2', 'sum_{k=1}^{n} k^3'), 'incorrect');
  assert.equal(check('\\theta_t - \\lambda\\, g_t', 'theta_{t+1} <- theta_t - lambda * g_t'), 'correct');
  assert.equal(check('\\theta_t - \\lambda\\, g_t', 'theta_{t+1} <- theta_t + lambda * g_t'), 'incorrect');
  // Near misses: a minus sign run into `<` (`x <-1`) is still less than minus one, and a quantity
  // named `sum` with no index lowered onto it is still a name.
  assert.equal(check('x < -1', 'x <-1'), 'correct');
  assert.equal(check('x < -1', 'x > -1'), 'incorrect');
  assert.deepEqual(
    tokenize('sum = a + b').map((t) => t.t),
    ['word', 'op', 'word', 'op', 'word'],
  );
});

test('an indented line that answers two parts one after the other (`  (a) ...;   (b) ...`) gives each part its own answer', { skip: devSkip }, () => {
  const g = gradeWithStaffKey(['Question 1, both parts together:', '', '  (a) 2c d_out^2 d_in;   (b) 2c d_out d_in^2', ''].join('\n'), 'indented.txt');
  assert.equal(g.get('1.a'), 'correct');
  assert.equal(g.get('1.b'), 'correct');
  // Near misses: an indented line naming a part in passing, or two parts out of order, stays one line.
  for (const line of ['  (a) the cost of (b), doubled', '  (c) sqrt(d_out);  (b) 1/d_in']) assert.equal(splitInlineLabels(line), line);
});

test("a note in place of an answer (`didn't get to this one`, `worked on paper, see the attached scan`) leaves the part missing, not wrong", { skip: devSkip }, () => {
  const writeup = ['Problem 4', '', "(a) I didn't get to this one.", '', '(b) Worked by hand on paper, see the attached scan.', '', '(c) Skipped the derivation; the field is L(K-1)+1.', ''].join(
    '\n',
  );
  const parts = new Map(gradedPartsWithStaffKey(writeup, 'notes.txt').map((p) => [p.id, p.verdict]));
  assert.equal(parts.get('4.a'), 'missing');
  assert.equal(parts.get('4.b'), 'missing');
  // Near miss: a note with an answer after it is an answer.
  assert.equal(parts.get('4.c'), 'correct');
});
