import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { replyVersions } from '../src/documents/regenerated-replies.js';

// Blind round 16's classes where the part was found but the wrong value was read or chosen: matrices
// typed in a program's notation over several lines (only the last row was read) with Unicode minus
// signs (`−40 −40` read as a subtraction); a signal's name with its index run on (`y2(n)` read as
// `y·2·n`); a plain-text list of cases read as one branch; a regenerated reply's rejected version
// graded; a student's answer marked by an arrow note (`← my answer for (c)`) passed over. Each fixture
// here is written in words of its own, with a near miss that must stay wrong.
const grade = gradeWithStaffKey;
const skip = devSkip;

/** Question 3 (c) of a transcript graded with the staff key: its final verdict, and its first answer's when it differs. */
function gradeSubmissionOf(text: string): { verdict: string; first?: string } {
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  const problems = parseProblemSet(readFileSync(join(DEV, 'hw4-fa25.problems.md'), 'utf8'));
  const part = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 't.txt', key!, problems)).parts.find((p) => p.id === '3.c')!;
  return { verdict: part.verdict, ...(part.first ? { first: part.first.verdict } : {}) };
}

/** Question 3 (c) and (d) in a student's plain-text write-up: MATLAB rows, a Python list over lines. */
const typedMatrices = (valid: string, strided: string) => `Q3 (c)

I flipped the kernel both ways first, k = [1 2 1; 0 0 0; −1 −2 −1], and slid it over x. The rows of x grow by 5, so every valid window gives the same sum.

Y = [${valid};
     ${valid};
     ${valid}]

Q3 (d)

i. One ring of zeros, stride 1 (5 × 5 out):

Yp = [[−19, −28, −32, −36, −29],
      [−30, −40, −40, −40, −30],
      [−30, −40, −40, −40, −30],
      [−30, −40, −40, −40, −30],
      [ 49,  68,  72,  76,  59]]

ii. Same padding, stride 2 (3 × 3 out):

Ys = [−19 −32 −29; −30 −40 −30; ${strided}]
`;

test('a matrix typed over several lines in a program notation, with Unicode minus signs, is read whole', { skip }, () => {
  const right = grade(typedMatrices('−40 −40 −40', '49 72 59'));
  assert.equal(right.get('3.c'), 'correct');
  assert.equal(right.get('3.d.i'), 'correct');
  assert.equal(right.get('3.d.ii'), 'correct');
  // Near misses: the correlation's +40 stays a convention slip (not rescued by the flipped kernel
  // before it), and one entry of the last row swapped stays wrong.
  const wrong = grade(typedMatrices('40 40 40', '49 72 95'));
  assert.equal(wrong.get('3.c'), 'incorrect');
  assert.equal(wrong.get('3.d.ii'), 'incorrect');
});

/** Question 3 (b) typed as plain text, the shifted output's name with its index run on (`y2`). */
const runOnIndex = (output: string) => `Q3 (b)\n\nMoving the input later by five samples moves the output by the same amount,\n\n${output} for every n,\n\nso the system is time invariant.\n`;

test("a numbered signal typed with its index run on (`y2(n)`, `y2[n]`) is the key's y_2, not y·2·n", { skip }, () => {
  assert.equal(grade(runOnIndex('y2(n) = y(n − 5)')).get('3.b'), 'correct');
  assert.equal(grade(runOnIndex('y2[n] = y[n − 5]')).get('3.b'), 'correct');
  // Near misses: the output moved the wrong way, or shifted in value instead of time, is not the key's
  // (the property named alone earns the part's other half).
  assert.equal(grade(runOnIndex('y2(n) = y(n + 5)')).get('3.b'), 'partial');
  assert.equal(grade(runOnIndex('y2[n] = y[n] − 5')).get('3.b'), 'partial');
});

/** Question 3 (a) as a plain-text list, each item headed by its condition and a colon. */
const headedCases = (...items: string[]) => `Q3 (a)\n\nSplit by how much of the rectangle overlaps the decaying exponential:\n\n${items.map((i) => `* ${i}`).join('\n')}\n`;

test('a plain-text list of cases, each headed by its condition (`n < 0: ... y(n) = 0`), is the whole piecewise answer, not one branch', { skip }, () => {
  const before = 'n < 0: nothing overlaps, so y(n) = 0';
  const during = '0 <= n <= 6: partial overlap, y(n) = 1 + 1/2 + ... + (1/2)^n = 2 − 2^(−n)';
  assert.equal(grade(headedCases(before, during, 'n >= 7: full overlap, y(n) = 2^(−n) (2^7 − 1) = 127·2^(−n)')).get('3.a'), 'correct');
  // Near misses: a wrong last branch stays wrong; the key's half-right form (no end to the rectangle) stays half right.
  assert.equal(grade(headedCases(before, during, 'n >= 7: full overlap, y(n) = 2^(−n) · 2^7 = 128·2^(−n)')).get('3.a'), 'incorrect');
  assert.equal(grade(headedCases(before, 'n >= 0: the geometric sum, y(n) = 2 − 2^(−n)')).get('3.a'), 'partial');
});

const flipped = '[[−40, −40, −40], [−40, −40, −40], [−40, −40, −40]]';
const unflipped = '[[40, 40, 40], [40, 40, 40], [40, 40, 40]]';

/** ChatGPT's page copied with both versions of a regenerated reply, each under its pager (`< 1/2 >`). */
const regeneratedPage = (firstShown: string, lastShown: string) => `You said:
Q3 (c): x is the 5x5 matrix 1..25 row by row, h = [[-1,-2,-1],[0,0,0],[1,2,1]]. Evaluate y = x * h (true convolution), no padding, stride 1.

ChatGPT said:

< 1/2 >

(c) Sliding the kernel over the image, every window gives the same value, so
y = ${firstShown}

< 2/2 >

(c) Working it through window by window, every window gives the same value:
y = ${lastShown}
`;

/** A Markdown chat whose reply shows its pager under each version (`‹ 1/2 ›`). */
const regeneratedMarkdown = (
  firstShown: string,
  lastShown: string,
) => `**User:** Q3 (c): x holds 1..25 row by row (5 × 5), h = [[-1,-2,-1],[0,0,0],[1,2,1]]. Evaluate the convolution y, no padding, stride 1.

**Assistant:** (c) Each 3 × 3 patch gives the same sum:

y = ${firstShown}

‹ 1/2 ›

(c) Patch by patch once more; every patch gives the same sum:

y = ${lastShown}

‹ 2/2 ›
`;

test('a reply copied with the versions it was regenerated as: the last shown is the final answer, the first the first answer', { skip }, () => {
  for (const copy of [regeneratedPage, regeneratedMarkdown]) {
    const kept = gradeSubmissionOf(copy(unflipped, flipped));
    assert.deepEqual([kept.verdict, kept.first], ['correct', 'incorrect'], copy.name);
    // Near miss: the version shown last is the one kept, even when it is the wrong one.
    const rejected = gradeSubmissionOf(copy(flipped, unflipped));
    assert.deepEqual([rejected.verdict, rejected.first], ['incorrect', 'correct'], copy.name);
  }
  // A reply that shows one pager (the version kept, copied alone) is one reply; so is one with fractions on lines of their own.
  assert.equal(replyVersions('< 2/2 >\n\n(c) y = 0').length, 1);
  assert.equal(replyVersions('(a) p =\n\n1/2\n\n(b) q =\n\n2/2\n').length, 1);
});

/** Question 2 (d) in a student's write-up: their answer marked by an arrow note, another's answer mentioned after it. */
const pointedAnswer = (mine: string, theirs: string) => `Q2 (d)

The sign matrix is rank one with ±1 entries, so its spectral norm is √(d_in·d_out); the bound from (c) then gives

α = ${mine}      <-- my final answer

(The assistant I checked with wrote α = ${theirs} instead, because it forgot that the norm grows with d_out too.)
`;

test('a formula the writer points at as their answer (`<-- my final answer`, `← answer for (c)`) is the answer, not one mentioned after it', { skip }, () => {
  assert.equal(grade(pointedAnswer('1/√d_in', '1/√d_out')).get('2.d'), 'correct');
  // Near miss: the answer pointed at is wrong, however right the one mentioned after it.
  assert.equal(grade(pointedAnswer('1/√d_out', '1/√d_in')).get('2.d'), 'incorrect');
});

/** Question 3 (a) in one sentence: each value with its condition in brackets after it. */
const bracketedConditions = (middle: string) =>
  `Q3 (a)\n\nSumming the overlap of the rectangle with the decaying exponential window by window, the output is $0$ ($n < 0$), $${middle}$ ($0 \\le n \\le 6$) and $127 \\cdot 2^{-n}$ ($n \\ge 7$); the plot rises to just under 2 and then halves each step.\n`;

test('cases listed in one sentence as values, each with its condition in brackets after it, are the whole piecewise answer', { skip }, () => {
  assert.equal(grade(bracketedConditions('2 - 2^{-n}')).get('3.a'), 'correct');
  // Near miss: one branch off by a step stays wrong.
  assert.equal(grade(bracketedConditions('2 - 2^{-(n+1)}')).get('3.a'), 'incorrect');
});

/** Question 1 (b) worked in steps, the result set in bold mid-way and the old runtime compared after it. */
const boldMidway = (runtime: string) => String.raw`Q1 (b)

Step one. Associativity lets us form the small Gram matrix instead, $(WW^\top)W = W(W^\top W)$, where $W^\top W$ is $d_{in}\times d_{in}$ and costs $c\,d_{in}^2 d_{out}$.

Step two. **Together the two products take $${runtime}$.** The $\tfrac12$ and the $3I$ are cheap element-wise work.

Step three. Against the $2c\,d_{out}^2 d_{in}$ of part (a) this saves a factor $d_{out}/d_{in}$; with $d_{in} = 128$ the Gram matrix is only $128 \times 128$.
`;

test('a statement set in bold that ends on its formula is the answer, though working and comparisons follow it', { skip }, () => {
  assert.equal(grade(boldMidway(String.raw`2c\,d_{out} d_{in}^2`)).get('1.b'), 'correct');
  // Near miss: a bold statement of one product's cost stays the key's half credit, not rescued by the working around it.
  assert.equal(grade(boldMidway(String.raw`c\,d_{out} d_{in}^2`)).get('1.b'), 'partial');
});

/** Question 1 (a) counted in a SymPy session: the input, then what it printed, with powers as `**`. */
const sympySession = (typed: string, printed: string) =>
  `Q1 (a)\n\nOnly the Gram product is a real matmul here, so I counted that one with SymPy:\n\n>>> gram = ${typed}\n>>> gram\n${printed}\n\nThat is my runtime per iteration.\n`;

test("a program's power (`d_out**2`) between operands is a power, not two bold marks", { skip }, () => {
  // One product counted: the key's half credit, read as c·d_in·d_out² (it was read as c·d_in·d_out·2).
  assert.equal(grade(sympySession('c*d_out**2*d_in', 'c*d_in*d_out**2')).get('1.a'), 'partial');
  // Near miss: the other dimension squared stays wrong.
  assert.equal(grade(sympySession('c*d_in**2*d_out', 'c*d_in**2*d_out')).get('1.a'), 'incorrect');
});

/** Question 2 (b) typed in AsciiMath, as a course forum's editor takes it. */
const asciiMath = (c: string) => `Q2 (b)\n\nEach output sums d_(in) terms of variance c^2, so Var(y_(i)) = c^2 d_(in) and unit variance needs\n\n\`c = ${c}\`\n`;

test("AsciiMath's bracketed subscripts (`d_(in)`) are read as the names they subscript", { skip }, () => {
  assert.equal(grade(asciiMath('1/sqrt(d_(in))')).get('2.b'), 'correct');
  // Near miss: the fan-out in its place stays wrong.
  assert.equal(grade(asciiMath('1/sqrt(d_(out))')).get('2.b'), 'incorrect');
});
