import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { trimAnswer } from '../src/check/extract.js';
import { matrixCandidates } from '../src/check/matrix-rows.js';

// The eighth blind round (issue 9): hw4-fa25 answered by models, apps and habits the earlier rounds
// did not cover (Poe, an LM Arena battle, you.com's citation marks, a Jupyter session's In/Out cells,
// answers in table cells and ```latex blocks, \boldsymbol and \mathrm{d}, a student's pasted list of
// final answers, parts in reverse order, a model that hedges and then commits, thousands separators,
// aligned derivations, Claude Code's terminal and a multiple choice), labelled as a TA would against
// the staff key before partcredit graded them. Each class fixed here has a near miss that must stay wrong.
const grade = gradeWithStaffKey;
const skip = devSkip;

// Measured 37/55 before this round's fixes, 47/55 after; two transcripts written after them
// (perplexity-glued, student-tex) 3/8 before their own fixes, 4/8 after, and two more (gemini-tables,
// chatgpt-instances) 1/6 before, 3/6 after, and lechat-french 1/4: 42/73 -> 55/73 in all. Then the
// alignment classes it found: a line that lists the parts asked names the question, a first line
// opening on the model's name is a note, a mark before a label (`⏺ Q4 (b)`), and French speaker
// lines (`Vous :`): 69/73. Then an opening line naming several questions is an overview and Poe's bot
// card is the page's (Poe 1.a/1.b), an arena battle grades the model the student names (LM Arena
// 3.d.i), and you.com's citation marks after the answers are no part of them (4.a): 73/73.
test('the eighth blind round: agreement with the TA stays at its measured floor', { skip }, () =>
  assertRoundFloor('blind round 14', join(ROOT, 'test', 'fixtures', 'blind-round14', 'blind-round14.labels.yaml'), { submissions: 19, parts: 73, floor: 73 }),
);

/** Question 3 (a) answered in a notebook's Markdown cell: one case per line, no LaTeX delimiters. */
const plainCases = (tail: string) =>
  `User: Question 3 (a). h(n) = (1/2)^n u(n). Compute and plot the convolution of x(n) (the length-7 rect) and h(n).\n\nAssistant:\n\nFor n < 0 there is no overlap so y[n] = 0.\nFor 0 <= n <= 6: y[n] = sum_{k=0}^{n} (1/2)^k = 2 - 2^{-n}.\nFor n >= 7 the whole rect overlaps: y[n] = (1/2)^n (2^7 - 1) = ${tail}.\n\nIn [2]: y.round(3)\n`;

test('cases stated one per line in plain text (`For 0 <= n <= 6: y[n] = ... = 2 - 2^{-n}.`) are the piecewise answer', { skip }, () => {
  assert.equal(grade(plainCases('127 * 2^{-n}')).get('3.a'), 'correct');
  // Near miss: a wrong last branch stays wrong.
  assert.equal(grade(plainCases('128 * 2^{-n}')).get('3.a'), 'incorrect');
});

/** Question 3 (a) answered by a reply that doubts, works a branch in a bullet, then commits to a display. */
const commits = (committed: string) =>
  `User: Question 3 (a). h(n) = (1/2)^n u(n). Compute and plot the convolution of x(n) (the length-7 rect) and h(n).\n\nAssistant: I'm not sure whether you want the plot or the values.\n\n- For $n \\ge 7$: hmm, not sure at first — no, the rect has ended, so the sum is $(1/2)^n(1 + 2 + \\dots + 2^6) = (2^7 - 1)\\,2^{-n}$.\n\nI'll commit to this:\n\n$$y(n) = \\begin{cases} 0, & n < 0 \\\\ 2 - 2^{-n}, & 0 \\le n \\le 6 \\\\ ${committed}, & n \\ge 7 \\end{cases}$$\n\nValues: $y(0..6) = 1, 1.5, 1.75$; then $y(7) = 0.9921875$.\n`;

test('what a hedging reply commits to ("I\'ll commit to this:") is its answer, not a branch it worked out before', { skip }, () => {
  assert.equal(grade(commits('127 \\cdot 2^{-n}')).get('3.a'), 'correct');
  // Near miss: a wrong committed answer stays wrong, however right the branch before it.
  assert.equal(grade(commits('2 - 2^{-n}')).get('3.a'), 'partial');
  // "I'll go with" and the formula straight after it commits as well; a plan it goes with does not.
  const goWith = (said: string) =>
    `User: Question 2 (b). What c recovers Xavier?\n\nAssistant: Not sure whether the course means Glorot; the variance is $c^2 d_{in}$. ${said}\n\nFor reference $c = \\sqrt{2/(d_{in}+d_{out})}$ is Glorot's scale.\n`;
  assert.equal(grade(goWith("I'll go with $c = 1/\\sqrt{d_{in}}$.")).get('2.b'), 'correct');
  assert.equal(grade(goWith("I'll go with $c = \\sqrt{2/d_{in}}$.")).get('2.b'), 'incorrect');
});

/** Question 7 (a) with an upright differential. */
const upright = (update: string) =>
  `User: Question 7 (a). Derive dw_{h,l} and the weight after one SGD step with learning rate eta.\n\nAssistant: By the chain rule\n\n$$\\boxed{\\mathrm{d}w_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} \\mathrm{d}y_{i,j}\\, x_{i+h-1,\\,j+l-1}}$$\n\n$$\\boxed{\\mathbf{w}^{\\text{new}}_{h,l} = ${update}}$$\n`;

test('an upright or bold differential (`\\mathrm{d}w_{h,l}`, `d\\mathbf{w}`) is the name dw', { skip }, () => {
  assert.equal(grade(upright('\\mathbf{w}_{h,l} - \\eta\\, \\mathrm{d}w_{h,l}')).get('7.a'), 'correct');
  assert.equal(grade(upright('w_{h,l} - \\eta\\, d\\mathbf{w}_{h,l}')).get('7.a'), 'correct');
  // Near miss: the step the wrong way stays wrong.
  assert.notEqual(grade(upright('\\mathbf{w}_{h,l} + \\eta\\, \\mathrm{d}w_{h,l}')).get('7.a'), 'correct');
});

/** A student's write-up that pastes only a chat's final answers, one line each, some starred as checked. */
const finalList = (a: string, c: string, b7: string) =>
  `HW4\n\nI did this with ChatGPT; here are only its final answers. I checked the ones marked * by hand.\n\nFinal answers:\n1(a) ${a}\n1(b) 2c·d_out·d_in² (use W(3I − WᵀW)/2) *\n2(b) c = 1/√d_in ✓\n3(c) ${c}\n7(b) ${b7}\n`;

test("a pasted list of final answers: a star or tick after an answer, a worded note in brackets, 'all nine entries -40', 'mean 0, variance ...'", { skip }, () => {
  const right = grade(finalList('2c·d_out²·d_in *', 'all nine entries −40 *', 'mean 0, variance (n − k + 1)²σ_x²σ_g², std grows as O(n)'));
  assert.equal(right.get('1.a'), 'correct');
  assert.equal(right.get('1.b'), 'correct');
  assert.equal(right.get('2.b'), 'correct');
  assert.equal(right.get('3.c'), 'correct');
  assert.equal(right.get('7.b'), 'correct');
  // Near misses: the constant dropped, the unflipped value, a 2x2 matrix, m = n - k: each stays wrong.
  const wrong = grade(finalList('2·d_out²·d_in *', 'all nine entries 40 *', 'mean 0, variance (n − k)²σ_x²σ_g², std grows as O(n)'));
  assert.equal(wrong.get('1.a'), 'partial');
  assert.equal(wrong.get('3.c'), 'incorrect');
  assert.equal(wrong.get('7.b'), 'partial');
  assert.notEqual(grade(finalList('2c·d_out²·d_in', 'all four entries −40', 'mean 0')).get('3.c'), 'correct');
  // A bracket of mathematics stays: only one that opens on a word of prose is a note.
  assert.equal(trimAnswer('2c d_out d_in^2 (use W(3I - W^T W)/2)'), '2c d_out d_in^2');
  assert.equal(trimAnswer('c \\cdot (log(n) + 1)'), 'c \\cdot (log(n) + 1)');
  assert.equal(trimAnswer('x^*'), 'x^*');
});

/** Question 4 (a) in a plain-text write-up: `number of ... =` lines, and a shape whose names are defined after "with". */
const plainWriteup = (biases: string, depth: string) =>
  `4 (a)\nEach filter is K x K x C, and there are F filters, so\nnumber of weights = K^2 * C * F = K²CF\nnumber of biases = ${biases} (one per filter)\noutput shape: W_out x H_out x ${depth} with W_out = floor((W − K + 2P)/S) + 1, H_out = floor((H − K + 2P)/S) + 1\n\n4 (c)\nreceptive field = K + (L − 1)(K − 1)\n`;

test("'number of biases = F' names an answer, and a shape's own names defined after 'with' are read into it", { skip }, () => {
  assert.equal(grade(plainWriteup('F', 'F')).get('4.a'), 'correct');
  // Near misses: a wrong bias count, and the input's depth for the output's, stay wrong.
  assert.equal(grade(plainWriteup('K F', 'F')).get('4.a'), 'partial');
  assert.equal(grade(plainWriteup('F', 'C')).get('4.a'), 'partial');
});

/** Question 1 (a) in a student's LaTeX source: an align* whose last row is numbered. */
const numbered = (last: string) =>
  `\\section*{Problem 1}\n\\subsection*{(a)}\nTwo products, each $c\\,d_\\text{out}^2 d_\\text{in}$:\n\\begin{align*}\nT &= c\\,d_\\text{out}\\,d_\\text{in}\\,d_\\text{out} + c\\,d_\\text{out}\\,d_\\text{out}\\,d_\\text{in} \\\\\n  &= ${last}. \\tag{1}\n\\end{align*}\n`;

test("a display's number (`\\tag{1}`, `\\label{...}`) is no part of its answer", { skip }, () => {
  assert.equal(grade(numbered('2c\\,d_\\text{out}^2\\,d_\\text{in}')).get('1.a'), 'correct');
  // Near miss: a wrong last row stays wrong, and the one product before it is not taken instead.
  assert.notEqual(grade(numbered('2c\\,d_\\text{out}\\,d_\\text{in}^2')).get('1.a'), 'correct');
  assert.equal(trimAnswer('x + 1 \\label{eq:one}'), 'x + 1');
});

/** Question 3 (c) answered with the matrix as a Markdown table, and 3 (d) ii row by row. */
const asTable = (entry: string, last: string) =>
  `User: Question 3 (c). Evaluate y = x * h (true 2D convolution), no padding, stride 1.\n\nAssistant: Flipping $h$ gives $\\begin{bmatrix} 1 & 2 & 1 \\\\ 0 & 0 & 0 \\\\ -1 & -2 & -1 \\end{bmatrix}$. Over the nine positions of $x$:\n\n| | col 1 | col 2 | col 3 |\n|---|---|---|---|\n| row 1 | ${entry} | ${entry} | ${entry} |\n| row 2 | ${entry} | ${entry} | ${entry} |\n| row 3 | ${entry} | ${entry} | ${entry} |\n\nEvery window gives the same value.\n\nUser: Question 3 (d) ii. Stride 2, zero padding 1.\n\nAssistant: A 3×3 output:\n\n- Row 1: −19, −32, −29\n- Row 2: −30, −40, −30\n- Row 3: 49, 72, ${last}\n`;

test('a matrix stated as a Markdown table of numbers (headers aside) or row by row (`- Row 1: −19, −32, −29`) is that matrix', { skip }, () => {
  const right = grade(asTable('-40', '59'));
  assert.equal(right.get('3.c'), 'correct');
  assert.equal(right.get('3.d.ii'), 'correct');
  // Near misses: the unflipped table and a wrong entry stay wrong.
  const wrong = grade(asTable('40', '49'));
  assert.equal(wrong.get('3.c'), 'incorrect');
  assert.equal(wrong.get('3.d.ii'), 'incorrect');
  // A table with words among its entries, and rows that skip a number or differ in length, state no matrix.
  assert.deepEqual(matrixCandidates('| layer | params |\n|---|---|\n| conv | 100 |\n| pool | none |'), []);
  assert.deepEqual(matrixCandidates('Row 1: 1, 2\nRow 3: 3, 4'), []);
  assert.deepEqual(matrixCandidates('Row 1: 1, 2\nRow 2: 3'), []);
});

/** Question 2 (g) and 7 (b) answered with an option's words inflected and a growth said as a proportion. */
const inflected = (behaviour: string, growth: string) =>
  `User: Question 2 (g). Will intermediate backpropagated gradients explode or vanish? What constants stabilise them?\n\nAssistant: The backward factor per layer is $\\|c_a W_a^\\top\\|_2 = \\sqrt{d_{out}} > 1$, so the norm ${behaviour} geometrically with depth. Rescale each intermediate gradient by $1/\\sqrt{d_{out}}$.\n\nUser: Question 7 (b). Mean and variance of dw_{h,l}? Growth of its std with n?\n\nAssistant: The $(n-k+1)^2$ terms are uncorrelated with variance $\\sigma_x^2\\sigma_g^2$ each.\n\n- Mean: $0$\n- Variance: $(n-k+1)^2\\sigma_x^2\\sigma_g^2$\n- Std: $(n-k+1)\\sigma_x\\sigma_g \\propto ${growth}$, so it scales with the image side.\n`;

test('an option named with its words inflected ("blows up" for "blow up") or a growth as a proportion (`\\propto n` for O(n))', { skip }, () => {
  const right = grade(inflected('blows up', 'n'));
  assert.equal(right.get('2.g'), 'correct');
  assert.equal(right.get('7.b'), 'correct');
  // Near misses: another growth as a proportion, and words that name no option, stay short of full credit.
  const wrong = grade(inflected('settles down', 'n^2'));
  assert.equal(wrong.get('2.g'), 'partial');
  assert.equal(wrong.get('7.b'), 'partial');
});

/** Question 1 (b) and 4 (f) answered in French: a factor of comparison after the runtime, decimal commas. */
const french = (runtime: string, g3: string) =>
  `User: Question 1 (b). Si d_out >> d_in, peut-on calculer p(W) plus vite ? Donner le nouveau coût.\n\nAssistant: Oui : on ne forme que la matrice de Gram. Les deux produits coûtent chacun $c\\, d_{out} d_{in}^2$, donc le coût total vaut $${runtime}$ (un gain d'un facteur $d_{out}/d_{in}$).\n\nUser: Question 4 (f). Padding circulaire et GAP : calculer g3 et g4.\n\nAssistant: Les convolutions sont équivariantes et le GAP invariant. Donc :\n\n- $\\mathbf{g}_3 = ${g3}^\\top$\n- $\\mathbf{g}_4 = (0{,}8 \\,;\\, 0 \\,;\\, 0)^\\top$\n`;

test('a reply in French: the factor after "un gain d\'un facteur" comments on the answer; `0{,}8` and `(0 ; 0,8 ; 0)` hold decimal commas', { skip }, () => {
  const right = grade(french('2c\\, d_{out} d_{in}^2', '(0 \\,;\\, 0{,}8 \\,;\\, 0)'));
  assert.equal(right.get('1.b'), 'correct');
  assert.equal(right.get('4.f'), 'correct');
  assert.equal(grade(french('2c\\, d_{out} d_{in}^2', '(0 ; 0,8 ; 0)')).get('4.f'), 'correct');
  // Near misses: a wrong runtime and the swapped vectors stay wrong; a comma with a space after it separates.
  const wrong = grade(french('2c\\, d_{out}^2 d_{in}', '(0{,}8 \\,;\\, 0 \\,;\\, 0)'));
  assert.equal(wrong.get('1.b'), 'incorrect');
  assert.notEqual(wrong.get('4.f'), 'correct');
  assert.notEqual(grade(french('2c\\, d_{out} d_{in}^2', '(0 ; 0, 8 ; 0)')).get('4.f'), 'correct');
});
