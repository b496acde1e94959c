import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { piecewiseCandidates } from '../src/check/piecewise-answer.js';

// Structured answers written the ways people write them: a piecewise answer as cases outside
// `\begin{cases}` (value then condition in brackets between semicolons, bullets with sample values
// after them, `\( \)` formulas under "When n < 0"), and a table answer quoted (`> |`), with DokuWiki's
// `^` header, box-drawn, with layers named as code names them (`conv1`), or listed in row order
// on one line. Graded with the staff key of the development homework (3.a piecewise, 4.e table).

const DIR = join(ROOT, 'test', 'fixtures', 'structured-answers');

/** Each answered part of a fixture: `id verdict answer`. */
function graded(file: string): string[] {
  return gradedPartsWithStaffKey(readFileSync(join(DIR, file), 'utf8'), file)
    .filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict} ${p.answer}`);
}

/** The feedback of one part of a fixture. */
function feedback(file: string, id: string): string {
  return gradedPartsWithStaffKey(readFileSync(join(DIR, file), 'utf8'), file).find((p) => p.id === id)?.feedback ?? '';
}

const KEY_CASES = '{ 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 127 · 2^(-n) if n ≥ 7 }';

test('piecewise: bullets with sample values after each value, and a summary of values with bracketed conditions and "otherwise"', { skip: devSkip }, () => {
  assert.deepEqual(graded('piecewise-semicolon-summary.md'), [`3.a correct ${KEY_CASES}`]);
});

test('piecewise: one case per bullet, its condition in words and its value in a \\( \\) formula', { skip: devSkip }, () => {
  assert.deepEqual(graded('piecewise-parenthesis-delimiters.md'), [`3.a correct ${KEY_CASES}`]);
});

test('near miss: the same cases with a wrong last branch are read whole and stay wrong', { skip: devSkip }, () => {
  assert.deepEqual(graded('piecewise-wrong-branch.md'), ['3.a incorrect { 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 255 · 2^(-n) if n ≥ 7 }']);
});

test('a bracket of sample values after a case is a remark; near misses: examples of values, a remark with semicolons, a bracketed factor', () => {
  assert.deepEqual(piecewiseCandidates('Values: n = 0: 1, n = 1: 1.5, n = 2: 1.75'), []);
  assert.deepEqual(piecewiseCandidates('I checked n < 0 by hand; the rest I trust; plotted up to n = 12'), []);
  assert.deepEqual(
    piecewiseCandidates('- n < 0: y[n] = 0\n- 0 ≤ n ≤ 6: y[n] = 2 (1 - 2^{-(n+1)})   (1, 1.5, …)\n- n ≥ 7: y[n] = 127/2^n (0.99 at n = 7)').map((c) => c.text),
    ['\\begin{cases} 0 & n < 0 \\\\ 2 (1 - 2^{-(n+1)}) & 0 \\le  n \\le  6 \\\\ 127/2^n & n \\ge  7 \\end{cases}'],
  );
});

test('table: a Markdown table quoted in a mail, rows numbered `#1`, cells with their working and value', { skip: devSkip }, () => {
  assert.deepEqual(graded('table-quoted-reply.txt'), ['4.e correct (table)']);
});

test('table: DokuWiki header cells (`^ Layer ^ Activations ^ Params ^`) name the columns, in their own order', { skip: devSkip }, () => {
  assert.deepEqual(graded('table-dokuwiki-header.txt'), ['4.e correct (table)']);
});

test('table: a box-drawn table with layers named as code names them (`conv1`, `pool2`, `fc`) and `(= working)` after values', { skip: devSkip }, () => {
  assert.deepEqual(graded('table-box-drawn.txt'), ['4.e correct (table)']);
});

test('near miss: the same box-drawn table with one wrong cell is partial, naming the cell', { skip: devSkip }, () => {
  assert.deepEqual(graded('table-one-wrong-cell.txt'), ['4.e partial (table)']);
  assert.match(feedback('table-one-wrong-cell.txt', '4.e'), /^5 of 6 cells right; CONV3-10 \(2\), parameters: 900 is not 910/);
});

test("table: one line listing each row's cells in the key's row order", { skip: devSkip }, () => {
  assert.deepEqual(graded('table-row-order-line.md'), ['4.e correct (table)']);
});

test('near miss: a line listing fewer rows than the key is no table; the feedback says none was found', { skip: devSkip }, () => {
  assert.deepEqual(graded('table-row-order-short.md'), ['4.e incorrect (table)']);
  assert.match(feedback('table-row-order-short.md', '4.e'), /^no table, list or line of the response names the key's rows \(CONV3-10 \(1\), POOL2 \(1\), CONV3-10 \(2\), \.\.\.\)/);
});
