import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { printedArrays } from '../src/check/printed-output.js';

// Values written out in a program's notation (blind round 42's playground reply and jabber bot). A code
// block that only sets names to arrays of numbers (`y = [[-40, -40, -40], ...]` in a `python` fence)
// computes nothing: it states its values as a table would, so its array is a candidate answer, where a
// program's arrays are the input it computes from. A matrix printed one bracketed row a line under `y =`
// or `ans =` (MATLAB's, Octave's and a terminal's way) is the one matrix its rows make, not three vectors.
// Near misses: the same shapes holding the cross-correlation's values stay wrong, and a program's input
// arrays are never read as its answer.

const DIR = 'program-values';
const graded = (file: string) => gradedFixtureFile(DIR, file);

test('a matrix printed one bracketed row a line under `ans =` is that matrix', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('octave-terminal-rows-q3cd.md'), {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
  });
});

test('a `python` block that only sets a name to an array of numbers states that array (the flipped kernel above is no answer)', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('python-literal-block-q3c.md'), { '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]' });
});

test('near miss: the same shapes with the cross-correlation values stay wrong', { skip: devSkip }, async () => {
  const parts = await graded('near-miss-program-values-q3c.md');
  assert.match(parts['3.c']!, /^incorrect: \[40, 40, 40; 40, 40, 40; 40, 40, 40\]$/);
  assert.match(parts['3.d.ii']!, /^incorrect: \[19, 32, 29; 30, 40, 30; -49, -72, -59\]$/);
});

test("a program's arrays are its input, not values it states; rows in brackets need a name or `=` above them", () => {
  const program = '```python\nimport numpy as np\nh = np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]])\ny = conv(x, h)\n```\n';
  assert.deepEqual(printedArrays(program), []);
  const listed = 'Two runs, one a line.\n\n[ 1 2 3 ]\n[ 4 5 6 ]\n';
  assert.deepEqual(
    printedArrays(listed).map((a) => a.text),
    ['(1, 2, 3)', '(4, 5, 6)'],
  );
  // Two named vectors on consecutive lines (`g3 = [...]` over `g4 = [...]`) are two answers, not a matrix's rows.
  assert.deepEqual(
    printedArrays('    g3 = [0, 0.8, 0]\n    g4 = [0.8, 0, 0]\n').map((a) => a.text),
    ['(0, 0.8, 0)', '(0.8, 0, 0)'],
  );
  assert.deepEqual(
    printedArrays('y =\n[ 1 2 3 ]\n[ 4 5 6 ]\n').map((a) => a.text),
    ['\\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{bmatrix}'],
  );
});
