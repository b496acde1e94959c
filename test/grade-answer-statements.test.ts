import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradedPartsWithStaffKey, ROOT } from './hw4-dev.js';
import { sentenceCases } from '../src/check/sentence-cases.js';

// Which statement in a part's text is its answer: a part found whole, its answer taken from the wrong
// one of its statements (blind round 35). Each class in documents of other apps' and people's words,
// with near misses that must stay as they were.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'answer-statements');

/** The verdict and the answer read for each of a fixture's parts. */
function graded(file: string, ...parts: string[]): Record<string, [string, string]> {
  const all = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(
    parts.map((id) => {
      const p = all.find((x) => x.id === id)!;
      return [id, [p.verdict, p.answer]];
    }),
  );
}

test('the formula a concluding clause states ("so the runtime is", "hence the total cost is") is the answer, not the steps before it', { skip: devSkip }, () => {
  // On main the last step the sentence costed (`c·d_out·d_in·d_in`) was read, and (a)'s formula with its quote.
  assert.deepEqual(graded('notion-runtime-conclusion.md', '1.a', '1.b'), {
    '1.a': ['correct', '2 c d_out^2 d_in'],
    '1.b': ['correct', '2 c d_out d_in^2'],
  });
  // Near miss: a conclusion that is wrong stays wrong, read as the conclusion it is.
  assert.deepEqual(graded('notion-runtime-wrong-conclusion.md', '1.b'), { '1.b': ['incorrect', '2 c d_out^2 d_in'] });
});

test('cases told sentence by sentence ("For <condition> ..." then the equation on its line) are one piecewise answer', { skip: devSkip }, () => {
  // On main only the last branch (`127 (1/2)^n`) was read.
  assert.deepEqual(graded('email-signal-cases.txt', '3.a'), { '3.a': ['correct', '{ 0 if n < 0; 2 - (1/2)^n if 0 ≤ n ≤ 6; 127 (1/2)^n if n ≥ 7 }'] });
  // Near miss: a wrong branch makes the whole answer wrong, read whole.
  assert.deepEqual(graded('email-signal-cases-wrong-branch.txt', '3.a'), {
    '3.a': ['incorrect', '{ 0 if n < 0; 2 - (1/2)^n if 0 ≤ n ≤ 6; (1/2)^(n - 6) if n ≥ 7 }'],
  });
});

test('sentences of conditions and equations of different functions, or with no equation, state no cases', () => {
  // The question's givens restated: x and h, each under its condition, are not the cases of one function.
  assert.deepEqual(sentenceCases('For n < 0 the input is off, so\nx[n] = 0.\nFor n >= 0 the filter decays:\nh[n] = (1/2)^n.'), []);
  // Conditions in prose with no value of the function.
  assert.deepEqual(sentenceCases('For n < 0 nothing overlaps. For n >= 7 the whole pulse is inside the window.'), []);
  // Two sentences for one function do.
  assert.deepEqual(
    sentenceCases('For n < 0 nothing overlaps, so\ny(n) = 0.\nFor n >= 0 it is\ny(n) = 2 - (1/2)^n.').map((c) => c.text),
    ['\\begin{cases} 0 & n < 0 \\\\ 2 - (1/2)^n & n \\ge  0 \\end{cases}'],
  );
});

test("a Greek letter typed as a character (α) states the key's \\alpha, over a concluded step naming another quantity", { skip: devSkip }, () => {
  // On main the norm's value the sentence concluded with "so" was read as the rate.
  assert.deepEqual(graded('slack-greek-rate.txt', '2.d'), { '2.d': ['correct', 'alpha = sqrt(d_out)/sqrt(d_in d_out)'] });
  // Near miss: a wrong α is still wrong, read as the α it states.
  assert.deepEqual(graded('slack-greek-rate-wrong.txt', '2.d'), { '2.d': ['incorrect', 'alpha = sqrt(d_out) sqrt(d_in d_out)'] });
});

test('a bracketed remark after a plain-text formula, with a formula of its own, is none of the answer', { skip: devSkip }, () => {
  // On main the formula ran on into its remark (`... (m² = (n − k + 1)²`), which could not be read.
  const remark = graded('obsidian-variance-remark.md', '7.b')['7.b']!;
  assert.equal(remark[0], 'correct');
  assert.match(remark[1], /^mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2; /);
  // Near miss: a variance given only as its order stays wrong (the part partial), read as that order.
  const order = graded('obsidian-variance-order-only.md', '7.b')['7.b']!;
  assert.equal(order[0], 'partial');
  assert.match(order[1], /^mean: 0; variance: O\(n\^2\); /);
});

test("statements set side by side in one display are each their own quantity's: the std's O(n) is not the variance", { skip: devSkip }, () => {
  // On main the display's last side (the standard deviation's order) was read as the variance.
  assert.deepEqual(graded('piazza-side-by-side.md', '7.b')['7.b']![0], 'correct');
  assert.match(graded('piazza-side-by-side.md', '7.b')['7.b']![1], /^mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2; /);
  // Near misses: a piece defining a name the statement uses is part of it; orders alone stay partial.
  assert.equal(graded('piazza-side-by-side-where.md', '7.b')['7.b']![0], 'correct');
  assert.equal(graded('piazza-side-by-side-order.md', '7.b')['7.b']![0], 'partial');
});
