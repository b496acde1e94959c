import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';

// Blind round 17's classes where the part was found but the wrong value was read or chosen, and
// round 16's leftovers of the same kind. Each fixture is written in words of its own (none is a
// line of the rounds' transcripts), with a near miss asserted beside it that must stay as it was.
const grade = gradeWithStaffKey;
const skip = devSkip;

/** A chat about question 3 whose model redoes (c) after the person points out the kernel was not flipped. */
const redone = (heading: string, redoneEntry: string, aside: string) => `**User:**

Question 3 please, (b) and (c). Convolution means flipping the kernel.

**Assistant:**

**(b)** Delaying the input by five samples delays the output by five:

$$y_2(n) = y(n-5)$$

This is the time-invariance of convolution.

**(c)** Sliding the kernel over each valid window of x gives the same sum everywhere:

$$Y = \\begin{bmatrix} 40 & 40 & 40 \\\\ 40 & 40 & 40 \\\\ 40 & 40 & 40 \\end{bmatrix}$$

**User:**

you never flipped the kernel in (c)

**Assistant:**

Right, I slid it unflipped. Redoing it with the kernel turned by 180 degrees.

${heading}

Each window now sums to the opposite sign:

$$Y = \\begin{bmatrix} ${redoneEntry} & ${redoneEntry} & ${redoneEntry} \\\\ ${redoneEntry} & ${redoneEntry} & ${redoneEntry} \\\\ ${redoneEntry} & ${redoneEntry} & ${redoneEntry} \\end{bmatrix}$$

${aside}
`;

test('a part heading qualified after a comma (`Problem 3(c), second attempt`) heads the redone answer', { skip }, () => {
  const fixed = grade(redone('### Problem 3(c), second attempt', '-40', ''));
  assert.equal(fixed.get('3.c'), 'correct');
  // Near miss: the same heading over a redo that is still the unflipped sum stays a convention slip.
  const still = grade(redone('### Problem 3(c), second attempt', '40', ''));
  assert.equal(still.get('3.c'), 'incorrect');
});

test('a later reply that says an earlier part stands, with no answer of its own, leaves that part as it was', { skip }, () => {
  const kept = grade(redone('#### (c)', '-40', 'Parts (a) and (b) never used the kernel, so what I gave for them holds as written.'));
  assert.equal(kept.get('3.b'), 'correct');
  assert.equal(kept.get('3.c'), 'correct');
  // (a) was never answered in this chat: the remark answers it no more than silence would.
  assert.equal(kept.has('3.a'), false);
  // Near miss: a later reply that does restate (b) with another shift is the answer taken, and it is wrong.
  const changed = grade(redone('#### (c)', '-40', 'Parts (a) and (b) change as well: now $y_2(n) = y(n+5)$, still time-invariance.'));
  assert.notEqual(changed.get('3.b'), 'correct');
});

/** Question 3 (b) answered, then explained again after a follow-up that asks why, with or without the equation restated. */
const explainedAgain = (restated: string) => `**User:**

Question 3 (b): shift the rect by N = 5 and convolve again. Which property shows?

**Assistant:**

**(b)** Every term of the sum moves by five samples, so

$$y_2(n) = y(n-5)$$

and the property is time invariance.

**User:**

why is that called time invariance? explain (b) again

**Assistant:**

**(b)** The filter's rule is the same at every instant, so feeding the rect in five steps later can only produce the same response five steps later: this is what time invariance (shift invariance) means.${restated}
`;

test('a named answer a later reply leaves out is read from the reply that last stated it', { skip }, () => {
  assert.equal(grade(explainedAgain('')).get('3.b'), 'correct');
  // Near miss: a later reply that restates the output with the wrong direction of shift is the one graded.
  assert.notEqual(grade(explainedAgain(' In symbols, $y_2(n) = y(n+5)$.')).get('3.b'), 'correct');
});

/** Question 7 (b) worked term by term, the variance of one product stated on the labelled line, and a summary table at the end. */
const summarised = (tableVariance: string) => `**User:**

Question 7 (b): with x and dy independent, zero mean, variances sigma_x^2 and sigma_g^2, what are the mean and variance of dw_{h,l}, and how fast does its standard deviation grow with n?

**Assistant:**

Call each product $P_{ij} = dy_{i,j}\\,x_{i+h-1,j+l-1}$, so that $dw_{h,l}$ is the sum of $(n-k+1)^2$ of them.

- **Mean:** independence and zero means give $\\mathbb{E}[P_{ij}] = 0$, hence the sum has mean zero too.
- **Variance:** one product has $\\operatorname{Var}(P_{ij}) = \\sigma_x^2\\sigma_g^2$, and distinct products are uncorrelated.

Adding up the uncorrelated terms:

$$\\operatorname{Var}(dw_{h,l}) = (n-k+1)^2\\,\\sigma_x^2\\sigma_g^2$$

| Quantity | Result |
|---|---|
| Mean | $0$ |
| Variance | $${tableVariance}$ |
| Growth | linear, $O(n)$ |
`;

test("a summary table's row named for an answer states it, over a labelled line about one term of the sum", { skip }, () => {
  assert.equal(grade(summarised('(n-k+1)^2\\sigma_x^2\\sigma_g^2')).get('7.b'), 'correct');
  // Near miss: the table the reply ends on drops the square of the count, and that is the answer graded.
  assert.notEqual(grade(summarised('(n-k+1)\\sigma_x^2\\sigma_g^2')).get('7.b'), 'correct');
});

/** Question 4 (a) in a student's write-up, the output's sides written as the lecture notes do, with no floor. */
const convolutionSizes = (padding: string) => `## Problem 4

**(a)** Each of the $F$ filters spans $K \\times K \\times C$ inputs, so there are $K^2 C F$ weights and $F$ biases. Sliding with stride $S$ over the padded input gives an output of

$$\\left(\\frac{W - K ${padding}}{S} + 1\\right) \\times \\left(\\frac{H - K ${padding}}{S} + 1\\right) \\times F$$
`;

/** A key of one part that asks for a convolution's output side with a floor, and accepts no floor-free form anywhere. */
const strictKey = `partcredit: 1
title: one size
symbols:
  W: { positive: true, integer: true }
  K: { positive: true, integer: true }
  P: { nonnegative: true, integer: true }
  S: { positive: true, integer: true }
parts:
  1.a:
    answer:
      type: expression
      value: '\\left\\lfloor \\frac{W - K + 2P}{S} \\right\\rfloor + 1'
`;

test('a key that accepts a size without its floors in one part accepts its other sizes so too', { skip }, () => {
  assert.equal(grade(convolutionSizes('+ 2P')).get('4.a'), 'correct');
  // Near miss: the floor-free sides with the padding counted once are still wrong.
  assert.notEqual(grade(convolutionSizes('+ P')).get('4.a'), 'correct');
  // Near miss: a key that nowhere accepts a floor-free size keeps its floor; given such an accept in another part, it does not.
  const sideOf = (keyText: string) => {
    const { key } = loadKey(keyText, 'one.key.yaml');
    return gradeSubmission(assignmentOf(key!), readSubmission('**1(a)** The side is $\\frac{W - K + 2P}{S} + 1$.', 's.md', key!)).parts.find((p) => p.id === '1.a')!.verdict;
  };
  assert.equal(sideOf(strictKey), 'incorrect');
  assert.equal(sideOf(`${strictKey}  1.b:\n    answer: '\\left\\lfloor \\frac{W - K}{S} \\right\\rfloor + 1'\n    accept: ['\\frac{W - K}{S} + 1']\n`), 'correct');
});

/** A student's plain-text write-up that checks its algebra in a Python prompt, then states each answer on a line naming the part. */
const checkedInPython = (answerLine: string, printedMatrix: string) => `Problem 2

(b) Each output sums d_in terms of variance c^2, so unit variance needs c^2 d_in = 1. Solving it:

>>> sympy.solve(c**2*d_in - 1, c)
[-1/sqrt(d_in), 1/sqrt(d_in)]

Only the positive root scales the weights without flipping them. ${answerLine}

Problem 3

(c) Flipping the kernel and sliding it over the valid windows:

>>> convolve2d(x, h, mode='valid').tolist()
${printedMatrix}
`;

test('an answer line naming its part (`Ans 2b: ...`) after a printed list is the answer; a printed list with no such line still is', { skip }, () => {
  const flipped = '[[-40, -40, -40], [-40, -40, -40], [-40, -40, -40]]';
  const read = grade(checkedInPython('Ans 2b: c = 1/sqrt(d_in)', flipped));
  assert.equal(read.get('2.b'), 'correct');
  // Near miss: the printed list is the answer where nothing states another after it.
  assert.equal(read.get('3.c'), 'correct');
  assert.equal(grade(checkedInPython('Ans 2b: c = 1/sqrt(d_in)', flipped.replace(/-/g, ''))).get('3.c'), 'incorrect');
  // Near miss: the answer line is taken when it is wrong too, not the list's right root before it.
  assert.equal(grade(checkedInPython('Ans 2b: c = 1/sqrt(d_out)', flipped)).get('2.b'), 'incorrect');
});

test('an answer word in another language before the part it answers (`उत्तर 2(b):`) marks the answer as `Answer 2(b):` does', { skip }, () => {
  const hindi = (line: string) => `प्रश्न 2 (b)\n\nVariance c²·d_in होना चाहिए 1, तो:\n\n>>> solve(c**2*d_in - 1, c)\n[-1/sqrt(d_in), 1/sqrt(d_in)]\n\n${line}\n`;
  assert.equal(grade(hindi('सकारात्मक root लेते हैं। उत्तर 2(b): c = 1/sqrt(d_in)')).get('2.b'), 'correct');
  assert.equal(grade(hindi('सकारात्मक root लेते हैं। उत्तर 2(b): c = sqrt(2/d_in)')).get('2.b'), 'incorrect');
});

/** A write-up whose sections carry letters of their own (`### (A) Question 4(c)`), each worked in numbered steps. */
const lettered = (field: string) => `## My answers

### (A) Question 4(c)

i. A stride-1 layer with a K-wide kernel lets each output see K - 1 more inputs than the layer below does.

ii. Starting from a single pixel and adding K - 1 per layer: **the receptive field after L layers is $${field}$.** With K = 3 and L = 5, say, that is $11$ pixels.

iii. This grows only linearly in depth, which is why dilation or pooling is used to see more.

### (B) Question 4(b)

i. Pooling has no weights and acts on each channel alone, so the output is $\\left(\\frac{W-K}{S}+1\\right)\\times\\left(\\frac{H-K}{S}+1\\right)\\times C$.
`;

test("a section's own letter before a question's label (`### (A) Question 4(c)`) is no part (a); the answer stated mid-derivation is taken, not an example's number", { skip }, () => {
  const read = grade(lettered('L(K-1) + 1'));
  assert.equal(read.get('4.c'), 'correct');
  assert.equal(read.get('4.b'), 'correct');
  assert.equal(read.has('4.a'), false);
  // Near miss: a wrong field stated in the same place stays wrong (the example's 11 is not taken instead).
  assert.equal(grade(lettered('LK + 1')).get('4.c'), 'incorrect');
});

/** A Mathematica notebook saved as text: its words in comments, its answers in output cells, `d_in` written `dIn`. */
const notebook = (root: string) => `(* ::Title:: *)
(* Homework 4 check, question 2. dIn and dOut are d_in and d_out. *)

(* ::Subsection:: *)
(* Problem 2 (b): the scalar c giving unit output variance *)

In[7]:= Solve[c^2 dIn == 1 && c > 0, c] (* positive root only *)
Out[7]= {{c -> ${root}}}

(* ::Subsection:: *)
(* Problem 2 (c): largest spectral norm of the update *)

In[8]:= Solve[c s Sqrt[dIn]/Sqrt[dOut] == 1 /. c -> 1/Sqrt[dIn], s]
Out[8]= {{s -> Sqrt[dOut]}}
`;

test("a Mathematica notebook saved as text: comments label its parts, output cells are its answers, run-together names are the key's", { skip }, () => {
  const read = grade(notebook('1/Sqrt[dIn]'));
  assert.equal(read.get('2.b'), 'correct');
  assert.equal(read.get('2.c'), 'correct');
  // Near miss: the He scaling in the output cell stays a convention slip, not rescued by the input cell.
  assert.equal(grade(notebook('Sqrt[2/dIn]')).get('2.b'), 'incorrect');
  // Outside a notebook too, a key's name typed without its underscore is that name, as a TA reads it
  // (src/math/latex/joined-names.ts); near miss: the other dimension's name stays wrong.
  assert.equal(grade('Problem 2 (b): c = 1/sqrt(din)\n').get('2.b'), 'correct');
  assert.notEqual(grade('Problem 2 (b): c = 1/sqrt(dout)\n').get('2.b'), 'correct');
});

/** Question 1 (b) worked in numbered steps, one saying what its product comes out as, then a boxed cost. */
const steps = (stepSays: string) => `**User:**

Question 1 (b): with d_out much larger than d_in, how can p(W) be computed faster, and what does one iteration cost then?

**Assistant:**

Regroup the product as $p(W) = \\tfrac12 W(3I - W^\\top W)$ and count the work:

1. Multiply $W^\\top W$: ${stepSays}
2. Multiply $W$ by $(3I - W^\\top W)$: another $c\\,d_{out} d_{in}^2$.

$$\\boxed{2c\\,d_{out}\\,d_{in}^2}$$
`;

test('a step\'s "the result is ..." is working, no rival to the boxed answer after it; an answer stated as such still is', { skip }, () => {
  assert.equal(grade(steps('the result is a $d_{in} \\times d_{in}$ matrix, for $c\\,d_{out} d_{in}^2$.')).get('1.b'), 'correct');
  // Near miss: a step that states its own final answer, which the box contradicts, is still a conflict for a person.
  assert.equal(grade(steps('the final answer is $c\\,d_{in}^3$.')).get('1.b'), 'needs-review');
  // And a wrong result a step describes is still what the step says: with no box after it, it is graded.
  assert.equal(grade(steps('the result is $c\\,d_{in}^3$.').replace(/\$\$\\boxed[^\n]*\n/, '')).get('1.b'), 'incorrect');
});
