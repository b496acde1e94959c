import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { answerCandidates } from '../src/check/extract.js';
import { codeAssignments } from '../src/check/code-assignments.js';
import { declinedAt } from '../src/grade/refusal.js';

// The seventh blind round (issue 9): hw4-fa25 answered by models and habits the earlier rounds did
// not cover (Qwen and Doubao in Chinese, o1's per-part "Final answer:", Claude's one reply with its
// own part headings, NumPy-only answers, two boxes with "Wait, no", a student's "Ans:" lines,
// Gemini refusing what it cannot see, swapped indices, \approx tables, \text{} units, \cdot and
// \big), labelled as a TA would against the staff key before partcredit graded them. Each class
// fixed here has a near miss that must stay wrong.
const grade = gradeWithStaffKey;
const skip = devSkip;

// Measured 33/55 before this round's fixes, 37/55 after; a thirteenth transcript written after
// them (sonnet-prose-values: values in words) 5/8 before its own fixes, 8/8 after, and a fourteenth
// (gemini-pro-unicode: plain Unicode) 7/10 before, 9/10 after, and a fifteenth (command-a-latex)
// 6/7 before, 7/7 after: 45/80 -> 61/80 in all; then speaker lines (`用户：` / `通义千问 Qwen3-Max`,
// `我:` / `豆包:`, a model's name with its variant, `Llama 4 Maverick`) -> 74/80, and a model's name
// stacked over its status (`DeepSeek` / `已深度思考`) -> 77/80; a write-up's `3. Convolution as FIR
// filter` heading after a skipped question, and `**3(d) ii**` mid-reply -> 79/80; a paragraph that
// opens on the part it turns to (`For (b), ...`, fix15) -> 80/80.
test('the seventh blind round: agreement with the TA stays at its measured floor', { skip }, () =>
  assertRoundFloor('blind round 13', join(ROOT, 'test', 'fixtures', 'blind-round13', 'blind-round13.labels.yaml'), { submissions: 15, parts: 80, floor: 80 }),
);

/** Question 3 (a) answered with cases whose rows are spaced by `\\[2pt]`. */
const spacedCases = (tail: string) =>
  `User: Question 3 (a). h(n) = (1/2)^n u(n). Compute and plot the convolution of x(n) (the length-7 rect) and h(n).\n\nAssistant:\n\n$$y[n] = \\begin{cases} 0, & n < 0 \\\\[2pt] 2 - \\dfrac{1}{2^{n}}, & 0 \\le n \\le 6 \\\\[2pt] ${tail}, & n \\ge 7 \\end{cases}$$\n`;

test("a row break's spacing (`\\\\[2pt]`) is spacing, not a bracket of content in the row after it", { skip }, () => {
  assert.equal(grade(spacedCases('\\dfrac{127}{2^{n}}')).get('3.a'), 'correct');
  // Near miss: a wrong tail stays wrong.
  assert.equal(grade(spacedCases('\\dfrac{128}{2^{n}}')).get('3.a'), 'incorrect');
});

/** Question 1 (b) answered with the speed-up named after the runtime on its line. */
const speedUp = (runtime: string) =>
  `User: Question 1 (b). If d_out >> d_in, is there a faster way to compute p(W)? Report the updated runtime of each iteration.\n\nAssistant: Use the Gram matrix: $p(W) = \\tfrac12 W(3I - W^\\top W)$; $W^\\top W$ costs $c\\,d_{in}^2 d_{out}$ and so does the product with $W$.\n\nRuntime $= ${runtime}$, a $d_{out}/d_{in}$ speed-up.\n`;

test('a factor a formula is called after it ("a $d_{out}/d_{in}$ speed-up") comments on the answer before it', { skip }, () => {
  assert.equal(grade(speedUp('2c\\, d_{out}\\, d_{in}^2')).get('1.b'), 'correct');
  // Near miss: the runtime before it is still what is graded, wrong when it is wrong.
  assert.equal(grade(speedUp('2c\\, d_{out}^2\\, d_{in}')).get('1.b'), 'incorrect');
  // A quantity merely larger than another is no factor of comparison: it keeps its place.
  assert.equal(answerCandidates('so the gradient grows: $\\sqrt{d_{out}}$ larger per layer')[0]?.text, '\\sqrt{d_{out}}');
  assert.notEqual(answerCandidates('Runtime $= 2c\\,d_{out} d_{in}^2$, a $d_{out}/d_{in}$ speed-up')[0]?.text, 'd_{out}/d_{in}');
});

/** Question 4 (f) answered by a reply that restates the given g1, g2 and then `ending`. */
const unseen = (ending: string) =>
  `User: Question 4 (f). With circular padding and GAP, g1 = f(x1) = [0.8, 0, 0]^T and g2 = f(x2) = [0, 0.8, 0]^T. Compute g3 and g4 for the images in the screenshot.\n\nAssistant: With circular padding the convolutions are translation-equivariant and GAP is translation-invariant. We know $\\mathbf{g}_1 = [0.8, 0, 0]^T$ and $\\mathbf{g}_2 = [0, 0.8, 0]^T$. ${ending}\n`;

test('a part the response says it cannot see is unanswered, not read from the givens it restates', { skip }, () => {
  assert.equal(
    grade(unseen("However, I can't see $\\mathbf{x}_3$ and $\\mathbf{x}_4$ in your image, so I'd need the figure to determine $\\mathbf{g}_3$ and $\\mathbf{g}_4$.")).get('4.f'),
    'incorrect',
  );
  // Near miss: answering anyway under an assumption is an answer, graded as one.
  assert.equal(
    grade(
      unseen(
        "I can't see the images clearly, but assuming $\\mathbf{x}_3$ is the vertical edge shifted and $\\mathbf{x}_4$ the horizontal one: $\\mathbf{g}_3 = [0, 0.8, 0]^T$, $\\mathbf{g}_4 = [0.8, 0, 0]^T$.",
      ),
    ).get('4.f'),
    'correct',
  );
  assert.ok(declinedAt('I cannot determine the numeric result without the matrix values.') >= 0);
  assert.ok(declinedAt("The screenshot you attached didn't come through, so please paste x and h as text.") >= 0);
  // Working that merely cannot do something ("cannot simplify further", "I can't see why") declines nothing.
  assert.equal(declinedAt("I can't see why the bound would be tighter, so $\\alpha = \\sqrt{d_{out}}$."), -1);
  assert.equal(declinedAt('This cannot be simplified further, so $y = 2 - 2^{-n}$.'), -1);
});

/** Question 2 (g) answered with two boxes for the factor, `between` them. */
const twoBoxes = (first: string, between: string, second: string) =>
  `User: Question 2 (g). Will the intermediate backpropagated gradients explode or vanish? What constants should they be multiplied by to stay stable?\n\nAssistant: $\\|c_a W_a^\\top\\|_2 = \\sqrt{d_{out}} > 1$, so the gradients **explode**. Multiply each backpropagated gradient by\n\n$$\\boxed{${first}}$$\n\n${between}\n\n$$\\boxed{${second}}$$\n`;

test('one of several answers boxed and then taken back ("Wait, no") is the later box', { skip }, () => {
  assert.equal(grade(twoBoxes('\\frac{1}{\\sqrt{d_{out}}}', 'Wait, no — the backward pass goes through $W^\\top$, so the constant is', '\\frac{1}{\\sqrt{d_{in}}}')).get('2.g'), 'partial');
  // Near misses: the right one boxed after the take-back is right; a statement of another quantity boxed later takes nothing back.
  assert.equal(grade(twoBoxes('\\frac{1}{\\sqrt{d_{in}}}', 'Wait, no — measured on the output side it is', '\\frac{1}{\\sqrt{d_{out}}}')).get('2.g'), 'correct');
  assert.equal(grade(twoBoxes('\\frac{1}{\\sqrt{d_{out}}}', 'Actually, for reference, the growth per layer is', '\\|c_a W_a^\\top\\|_2 = \\sqrt{d_{out}}')).get('2.g'), 'correct');
});

/** Question 7 (a) and (b) answered only in NumPy. */
const numpy = (window: string, variance: string, update: string) =>
  `User: Question 7 (a). Derive the gradient dw and the weight after one SGD step (learning rate eta).\n\nAssistant: (a) In 0-indexed NumPy:\n\n\`\`\`python\ndef conv_weight_grad(x, dy):\n    m = dy.shape[0]\n    k = x.shape[0] - m + 1\n    dw = np.zeros((k, k))\n    for h in range(k):\n        for l in range(k):\n            dw[h, l] = ${window}\n    return dw\n\`\`\`\n\nThe SGD update is \`${update}\`.\n\nUser: Question 7 (b). Mean and variance of dw_{h,l} as a function of n, k, sigma_x, sigma_g? Growth of its std with n?\n\nAssistant: (b)\n\n\`\`\`python\nmean_dw = 0\nvar_dw = ${variance}\nstd_dw = np.sqrt(var_dw)   # grows like O(n)\n\`\`\`\n`;

test('answers stated only in code: arithmetic assignments, a window sum in slicing, the whole-matrix update', { skip }, () => {
  const right = grade(numpy('(dy * x[h:h+m, l:l+m]).sum()', '(n - k + 1)**2 * sigma_x**2 * sigma_g**2', 'w_new = w - eta * dw'));
  assert.equal(right.get('7.a'), 'correct');
  assert.equal(right.get('7.b'), 'correct');
  // Near misses: the window taken transposed, the step the wrong way, m = n - k: each stays wrong.
  const wrong = grade(numpy('(dy * x[l:l+m, h:h+m]).sum()', '(n - k)**2 * sigma_x**2 * sigma_g**2', 'w_new = w + eta * dw'));
  assert.equal(wrong.get('7.a'), 'incorrect');
  assert.equal(wrong.get('7.b'), 'partial');
  assert.equal(grade(numpy('np.sum(x[h:h+m, l:l+m] * dy)', '(n - k + 1)**2 * sigma_x**2 * sigma_g**2', 'w_new = w + eta * dw')).get('7.a'), 'partial');
  // Code that computes (calls, attributes) states no formula.
  assert.deepEqual(
    codeAssignments('```python\ndw = np.zeros((k, k))\nm = dy.shape[0]\nr = 1 + L * (K - 1)\n```').map((f) => f.text),
    ['r = 1 + L * (K - 1)'],
  );
});

/** Question 3 (c) answered in words. */
const inWords = (value: string) =>
  `User: Question 3 (c). x is 5x5 with entries 1..25, h = [[-1,-2,-1],[0,0,0],[1,2,1]]. Evaluate y = x * h (true 2D convolution), no padding, stride 1.\n\nAssistant: Flipping $h$ gives $[[1,2,1],[0,0,0],[-1,-2,-1]]$; in every window of $x$ the top row minus the bottom row is $-10$ per column, weighted $4$, so all nine entries of the $3\\times3$ output are $${value}$.\n`;

test('a constant matrix said in words ("all nine entries of the $3\\times3$ output are $-40$") is that matrix', { skip }, () => {
  assert.equal(grade(inWords('-40')).get('3.c'), 'correct');
  // Near misses: the unflipped (correlation) value stays wrong, and a value with exceptions is no constant matrix.
  assert.equal(grade(inWords('40')).get('3.c'), 'incorrect');
  assert.notEqual(grade(inWords('-40$ except the corners, which are $0')).get('3.c'), 'correct');
});

/** Question 4 (a) and (b) with labels run together on a line and shapes said "by". */
const labelsOnALine = (weights: string, depth: string) =>
  `User: Question 4 (a). Conv layer, filter size K, padding P, stride S, F filters on a W x H x C input: number of weights and biases, and the output shape?\n\nAssistant: Weights: $F$ filters of $K \\times K \\times C$, i.e. $${weights}$; biases: $F$. Output: $\\lfloor (W - K + 2P)/S \\rfloor + 1$ by $\\lfloor (H - K + 2P)/S \\rfloor + 1$ by $F$.\n\nUser: Question 4 (b). Max pooling with filter size K and stride S: output shape?\n\nAssistant: Output: $\\lfloor (W-K)/S \\rfloor + 1$ by $\\lfloor (H-K)/S \\rfloor + 1$ by $${depth}$ — pooling acts per channel.\n`;

test('a label\'s value ends at the next label on its line and is what "i.e." restates; a shape\'s factors may be said "by"', { skip }, () => {
  const right = grade(labelsOnALine('K^2 C F', 'C'));
  assert.equal(right.get('4.a'), 'correct');
  assert.equal(right.get('4.b'), 'correct');
  // Near misses: a wrong restatement and a wrong depth stay wrong.
  const wrong = grade(labelsOnALine('K^2 F', 'F'));
  assert.equal(wrong.get('4.a'), 'partial');
  assert.equal(wrong.get('4.b'), 'incorrect');
});

/** Question 4 (e) and (f) in plain Unicode: a table of dims joined by a middle dot, and `g₃`, `g₄` on one line. */
const unicodeTable = (activation: string, g: string) =>
  `User: Question 4 (e). Fill in the table of parameters and activations for CONV3-10, POOL2, CONV3-10, POOL2, FLATTEN, FC-3 on a 28x28x1 input.\n\nModel:\n\n| Layer | # Parameters | Activations |\n|---|---|---|\n| CONV3-10 | 100 | ${activation} |\n| POOL2 | 0 | 14·14·10 |\n| CONV3-10 | 910 | 14·14·10 |\n| POOL2 | 0 | 7·7·10 |\n| FLATTEN | 0 | 490 |\n| FC-3 | 1473 | 3 |\n\nUser: Question 4 (f). Circular padding and GAP: g3 and g4?\n\nModel: ${g}\n`;

test('dimensions joined by a middle dot (`28·28·10`) are a shape; `g₃` names g3', { skip }, () => {
  const right = grade(unicodeTable('28·28·10', 'g₃ = (0, 0.8, 0)ᵀ, g₄ = (0.8, 0, 0)ᵀ'));
  assert.equal(right.get('4.e'), 'correct');
  assert.equal(right.get('4.f'), 'correct');
  // Near misses: the product alone is no shape, a wrong dimension is wrong, and g3 and g4 swapped stay wrong.
  assert.equal(grade(unicodeTable('7840', '')).get('4.e'), 'partial');
  const wrong = grade(unicodeTable('28·28·20', 'g₃ = (0.8, 0, 0)ᵀ, g₄ = (0, 0.8, 0)ᵀ'));
  assert.equal(wrong.get('4.e'), 'partial');
  assert.equal(wrong.get('4.f'), 'incorrect');
});

/** Question 2 (c) with a worked instance in brackets at the end of its display. */
const withInstance = (bound: string) =>
  `User: Question 2 (c). What should the maximum spectral norm of dW be such that dy = c dW x has RMS norm at most 1 (x has RMS norm 1)?\n\nAssistant: $\\|\\Delta y\\|_2 \\le \\|\\Delta W\\|_2$ and the RMS constraint is $\\|\\Delta y\\|_2 \\le \\sqrt{d_{out}}$, hence\n\n$$${bound} \\quad (\\approx 32 \\text{ for } d_{out} = 1024).$$\n`;

test('a worked instance in brackets ending a formula ("\\quad (\\approx 32 for d_out = 1024)") is a remark on the answer', { skip }, () => {
  assert.equal(grade(withInstance('\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}')).get('2.c'), 'correct');
  // Near miss: the wrong bound before the same remark stays wrong.
  assert.equal(grade(withInstance('\\|\\Delta W\\|_2 \\le \\sqrt{d_{in}}')).get('2.c'), 'incorrect');
});
