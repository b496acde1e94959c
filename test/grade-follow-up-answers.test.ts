import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { unlabelledTurns } from '../src/documents/unlabelled-chat.js';
import { statementIndex } from '../src/documents/pasted-statements.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { answerCandidates } from '../src/check/extract.js';

// Issue 9, blind rounds 10 and 12: the answer a TA grades as final is the one the model gives after
// the person challenges it ("wait, 3 layers of 3x3 should be 7x7", "you forgot the FC biases");
// partcredit kept the first. Each class below is written in the style of the real chat copies,
// with a near miss that must stay as it was.
const skip = devSkip;
const grade = (text: string) => Object.fromEntries(gradeWithStaffKey(text));
const roles = (text: string) => unlabelledTurns(text)?.map((m) => m.role);

const TABLE = [
  '| Layer | Number of Parameters | Dimension of Activations |',
  '|---|---|---|',
  '| Input | 0 | 28 × 28 × 1 |',
  '| CONV3-10 | 3 × 3 × 1 × 10 + 10 = 100 | 28 × 28 × 10 |',
  '| POOL2 | 0 | 14 × 14 × 10 |',
  '| CONV3-10 | 3 × 3 × 10 × 10 + 10 = 910 | 14 × 14 × 10 |',
  '| POOL2 | 0 | 7 × 7 × 10 |',
  '| FLATTEN | 0 | 490 |',
  '| FC-3 | 490 × 3 = 1470 | 3 |',
].join('\n');

// claude.ai copied as text: the initials avatar sits right above the message (its attachments and words), no blank line between.
const CLAUDE = `Claude

HW4 conv layers

Question 4

AK
Screenshot 2025-10-03 at 4.12.09 PM.png
can you do (c)

## Receptive field

Each stride-1 layer with kernel $K$ widens the field by $K-1$ on top of the $K$ the first one sees, so

$$\\text{RF} = K + L(K-1)$$

AK
hmm, two 3x3 layers should see 5x5, not 7x7

You're right, I counted the first layer twice. Only the $L-1$ layers after the first add $K-1$ each:

$$\\text{RF} = K + (L-1)(K-1) = L(K-1) + 1$$

AK
Screenshot 2025-10-03 at 4.20.51 PM.png
(e)

## Part (e)

${TABLE}

AK
you left out the biases of the fully connected layer

Apologies — with one bias per output unit:

| Layer | Number of Parameters | Dimension of Activations |
|---|---|---|
| FC-3 | 490 × 3 + 3 = 1473 | 3 |

The other rows are unchanged.
`;

test("claude.ai copied as text: the avatar right above the person's words heads their turn, a `Question 4` line above says which question", { skip }, () => {
  assert.deepEqual(roles(CLAUDE), ['note', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  // Near miss: a write-up whose paragraph opens with a matrix's name on its own line, twice: no avatar (no sentence follows).
  assert.equal(roles('1(a)\nW\n= U \\Sigma V^T\n\nso the cost is $2c\\,d_{out}^2 d_{in}$.\n\nW\n$= 2c$\n'), undefined);
});

test('a challenge with no part named, then a corrected reply: the correction is the final answer; the first stays the first', { skip }, () => {
  assert.equal(grade(CLAUDE)['4.c'], 'correct');
  // Near miss: a reply that keeps its answer after the challenge keeps the wrong one.
  const kept = CLAUDE.replace(
    /You're right, I counted[\s\S]*?\$\$\n\nAK\nScreenshot 2025-10-03 at 4.20/,
    'No, the count stands: each of the $L$ layers adds $K-1$ to the $K$ of the input, so\n\n$$\\text{RF} = K + L(K-1)$$\n\nAK\nScreenshot 2025-10-03 at 4.20',
  );
  assert.equal(grade(kept)['4.c'], 'incorrect');
  // Near miss: a later turn that only mentions the part, and a reply about something else, leave the first answer.
  const mentions = CLAUDE.replace('hmm, two 3x3 layers should see 5x5, not 7x7', 'as in (c), what does dilation do to it?').replace(
    /You're right, I counted[\s\S]*?\$\$\n\nAK\nScreenshot 2025-10-03 at 4.20/,
    'A dilation $d$ spaces the taps, so each layer adds $d(K-1)$:\n\n$$\\text{RF}_d = 1 + L\\,d\\,(K-1)$$\n\nAK\nScreenshot 2025-10-03 at 4.20',
  );
  assert.equal(grade(mentions)['4.c'], 'incorrect');
});

test('a table corrected by restating only the rows that change: the earlier table with those rows replaced', { skip }, () => {
  assert.equal(grade(CLAUDE)['4.e'], 'correct');
  // Near miss: a follow-up that only asks why, answered with the same row, leaves the table wrong.
  const why = CLAUDE.replace('you left out the biases of the fully connected layer', 'why does the FC layer have 1470?')
    .replace('Apologies — with one bias per output unit:', 'It maps 490 inputs to 3 outputs:')
    .replace('490 × 3 + 3 = 1473', '490 × 3 = 1470');
  assert.equal(grade(why)['4.e'], 'partial');
});

test("a conclusion's sentence that ends on a colon: the display it introduces, not the counts inline in it", () => {
  const said = (text: string) => answerCandidates(text)[0]?.text;
  assert.equal(said('so only the remaining $L-1$ layers each add $K-1$:\n\n$$\\text{RF} = L(K-1) + 1$$\n\nFor three layers that is $7$.'), '\\text{RF} = L(K-1) + 1');
  // Near miss: a conclusion stated inline, its sentence ended, keeps its formula.
  assert.equal(said('so the receptive field is $L(K-1)+1$. For example:\n\n$$3 + 2 \\cdot 2 = 7$$'), 'L(K-1)+1');
});

const Q1 =
  'Question 1. Newton-Schulz: p(W) = 1/2 (3I - WW^T) W.\n(a) Multiplying an n x m matrix by an m x p matrix takes cnmp runtime. What is the runtime of each iteration?\n(b) Now let d_out >> d_in. Is there a faster way to compute p(W)? Report the updated runtime of each iteration.';

test("an answer-first reply: the answer above the next asked part's label is the first asked part's", { skip }, () => {
  const chat = `**User:** ${Q1}\n\n**Assistant:** **Answer:**\n\n$$2c\\,d_{out}^2 d_{in}$$\n\n**Why.** $WW^\\top$ costs $c\\,d_{out}^2 d_{in}$ and multiplying by $W$ again the same.\n\n**(b) Answer:** compute $W^\\top W$ first: $2c\\,d_{out} d_{in}^2$.\n`;
  assert.deepEqual(grade(chat), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: asked (b) alone, the formula a reply opens with before its `(b)` is no answer to (a).
  const onlyB = chat.replace(Q1, Q1.replace(/\(a\)[^\n]*\n/, '').replace('(b) Now', 'Only (b): now'));
  assert.equal(grade(onlyB)['1.a'], undefined);
});

const NAMED_MID_LINE = `**You:** hw4, please use the course's conventions. 1(b): with d_out >> d_in, is there a faster way to compute p(W) = 1/2 (3I - W W^T) W? runtime per iteration?

**ChatGPT:** Multiply in the other order, $W(W^\\top W)$: two products of $c\\,d_{out} d_{in}^2$ each, so

$$2c\\,d_{out}\\, d_{in}^2$$

**You:** and 4(c), L stacked K×K stride-1 convs, receptive field of the last output?

**ChatGPT:** Each layer after the first adds $K-1$:

$$L(K-1)+1$$
`;

test("a part the person's turn names after words of its own (`please ... 1(b): ...`, `and 4(c), ...`) is the part asked", { skip }, () => {
  assert.deepEqual(grade(NAMED_MID_LINE), { '1.b': 'correct', '4.c': 'correct' });
  // Near miss: a part mentioned mid-line with no colon and its statement after it is a remark, not the part asked.
  // (No verdict: what the content fallback places there goes to a person.)
  assert.ok([undefined, 'needs-review'].includes(grade(NAMED_MID_LINE.replace('1(b): with', '1(b) was marked wrong by my TA, but with'))['1.b']));
});

const SHAPES = `You sent
CNN shapes, input W × H × C.
(a) conv layer: filter size K, padding P, stride S, F filters. Number of weights and biases? Output shape?
(b) max pooling, stride S, filter size K: output shape?
(c) L conv layers, filter K, stride 1: receptive field of the last output?

Meta AI
**(a) Conv layer**

- Number of weights: $K \\times K \\times C \\times F$
- Number of biases: $F$
- Output shape: $\\left(\\left\\lfloor\\frac{W - K + 2P}{S}\\right\\rfloor + 1\\right) \\times \\left(\\left\\lfloor\\frac{H - K + 2P}{S}\\right\\rfloor + 1\\right) \\times F$

**(b) Max pooling layer**

Output shape: $\\left(\\left\\lfloor\\frac{W - K}{S}\\right\\rfloor + 1\\right) \\times \\left(\\left\\lfloor\\frac{H - K}{S}\\right\\rfloor + 1\\right) \\times C$

**(c) Receptive field**

Each layer adds $K - 1$, so after $L$ layers it is $L(K - 1) + 1$.
`;

test("a question typed out whose title matches two questions: its parts, each nearest its own letter's statement, decide", { skip }, () => {
  assert.deepEqual(grade(SHAPES), { '4.a': 'correct', '4.b': 'correct', '4.c': 'correct' });
  // A typed part that reads as another question's: the question the turn's whole text is about decides
  // (two of its three parts are question 4's), and the reply's own letters place its sections.
  const mixed = grade(SHAPES.replace('(b) max pooling, stride S, filter size K: output shape?', '(b) the variance of the gradient?'));
  assert.deepEqual(mixed, { '4.a': 'correct', '4.b': 'correct', '4.c': 'correct' });
  // Near miss: a turn most of whose typed parts are another question's is that question's; the reply's
  // conv-layer sections are no question 4 answers.
  const other = grade(
    SHAPES.replace('CNN shapes, input W × H × C.', 'CNN layers.')
      .replace('(b) max pooling, stride S, filter size K: output shape?', '(b) the mean and variance of the weight gradient for a large image?')
      .replace('(c) L conv layers, filter K, stride 1: receptive field of the last output?', '(c) derive the gradient of the loss with respect to the weights and the SGD update?'),
  );
  assert.ok(!Object.keys(other).some((id) => id.startsWith('4.')), JSON.stringify(other));
});

const WRITTEN = `4(a).

$$\\# \\text{weights} = K^2 C F, \\quad \\# \\text{bias} = F$$

$$\\text{output} : \\left( \\left\\lfloor \\frac{W+2P-K}{S} \\right\\rfloor + 1 \\right) \\times \\left( \\left\\lfloor \\frac{H+2P-K}{S} \\right\\rfloor + 1 \\right) \\times F$$

7(b).

**Mean:** every term has a zero-mean factor, so $\\mathbb{E}[dw_{h,l}] = 0$.

**Variance:** the $m^2$ terms are uncorrelated and each has variance $\\sigma_x^2\\sigma_g^2$:

$$\\operatorname{Var}(dw_{h,l}) = m^2\\sigma_x^2\\sigma_g^2 = (n-k+1)^2\\sigma_x^2\\sigma_g^2$$

**Growth:** the standard deviation $(n-k+1)\\sigma_x\\sigma_g$ grows linearly in $n$.
`;

test("named answers written as a student does: `\\# \\text{bias}` names the biases, `\\text{output} :` states the shape, a label's sentence ending on a colon its display", { skip }, () => {
  assert.deepEqual(grade(WRITTEN), { '4.a': 'correct', '7.b': 'correct' });
  // Near misses: a wrong shape after the label is read and wrong; a variance sentence that ends on its own formula keeps it.
  assert.equal(grade(WRITTEN.replace('W+2P-K', 'W-K'))['4.a'], 'partial');
  assert.equal(grade(WRITTEN.replace('each has variance $\\sigma_x^2\\sigma_g^2$:', 'the variance is $m\\sigma_x^2\\sigma_g^2$.'))['7.b'], 'partial');
});

/** Graded with the staff key alone, as a course that has no problem set in Markdown: the key's part titles are all alignment has. */
function gradeWithoutProblems(text: string): Record<string, string> {
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  const g = gradeSubmission(assignmentOf(key!), readSubmission(text, 't.md', key!));
  return Object.fromEntries(g.parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, p.verdict]));
}

const NO_NUMBERS = `**User:** Homework help please.

(a) A conv layer with filter size K, padding P, stride S and F filters takes a W × H × C input. How many weights and biases does it have, and what is the output shape?

(b) A max pooling layer with filter size K and stride S (no padding). What is the output shape?

**Assistant:**

**(a)** Weights: $K^2 C F$, biases: $F$, output shape $\\left(\\left\\lfloor\\frac{W-K+2P}{S}\\right\\rfloor+1\\right)\\times\\left(\\left\\lfloor\\frac{H-K+2P}{S}\\right\\rfloor+1\\right)\\times F$.

**(b)** $\\left(\\left\\lfloor\\frac{W-K}{S}\\right\\rfloor+1\\right)\\times\\left(\\left\\lfloor\\frac{H-K}{S}\\right\\rfloor+1\\right)\\times C$.

**User:** (a) For y_{i,j} = sum_{h,l} x_{i+h-1,j+l-1} w_{h,l}, derive the gradient to the weight matrix dw, where dw_{h,l} is dL/dw_{h,l}, and the weight after one SGD step with learning rate eta.

**Assistant:** Each weight touches every output, so

$$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,j+l-1}$$

and after one step $w_{h,l} \\leftarrow w_{h,l} - \\eta\\, dw_{h,l}$.
`;

test("without a problem set: a first question with no number is the one its parts' words name; a part retyped by its letter after that letter was answered is the other question's", { skip }, () => {
  assert.deepEqual(gradeWithoutProblems(NO_NUMBERS), { '4.a': 'correct', '4.b': 'correct', '7.a': 'correct' });
  // Near miss: a follow-up led by an answered part's letter that only asks why is no other question's part.
  const why = NO_NUMBERS.slice(0, NO_NUMBERS.indexOf('**User:** (a) For')).concat(
    '**User:** (a) why is the number of biases F and not one per weight? I thought each of the K x K x C weights of a filter gets a bias of its own too\n\n**Assistant:** One bias per filter: it is added once to the weighted sum, so there are $F$ of them.\n',
  );
  assert.deepEqual(gradeWithoutProblems(why), { '4.a': 'correct', '4.b': 'correct' });
});

test("a reply's table with every cell filled is its answer, though it repeats the question's rows; the question's table pasted with blanks is the person's", { skip }, () => {
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  const problems = parseProblemSet(readFileSync(join(DEV, 'hw4-fa25.problems.md'), 'utf8'));
  const index = statementIndex(assignmentOf(key!, problems).outline);
  const blank = TABLE.replace('3 × 3 × 1 × 10 + 10 = 100', ' ').replace('7 × 7 × 10', ' ').replace('490 × 3 = 1470', ' ');
  const chat = (asked: string) => `AK\nScreenshot 2025-10-03 at 4.20.51 PM.png\n(e)\n\n${asked}\n\nFilling in each row:\n\n${TABLE}\n\nAK\nthanks, that helps\n\nYou're welcome.\n`;
  assert.deepEqual(
    unlabelledTurns(chat('fill in the missing entries'), index)?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  // Near miss: the question's own table, pasted with its blank cells under the request, stays in the person's turn.
  const pasted = unlabelledTurns(chat(`Fill in the missing entries in this table of the size of the activations at each layer, and the number of parameters at each layer.\n\n${blank}`), index);
  assert.match(pasted![0]!.text, /\| FC-3 \|\s+\| 3 \|/);
});

const PASTED_ABOVE = `Poe

Newton-Schulz, runtime questions. p(W) = 1/2 (3I - W W^T) W for W of size d_out x d_in.
(a) Multiplying an n x m matrix by an m x p matrix takes c n m p. What is the runtime of each iteration?
(b) Now d_out >> d_in. Is there a faster way to compute p(W)? Report the updated runtime of each iteration.

Sure — here is each part.

(a) Forming $WW^\\top$ costs $c\\,d_{out}^2 d_{in}$ and multiplying the result by $W$ costs the same again, so one iteration takes $2c\\,d_{out}^2 d_{in}$.

(b) Regroup as $p(W) = \\tfrac12 W(3I - W^\\top W)$: the Gram matrix costs $c\\,d_{out} d_{in}^2$ and the product with $W$ the same, so $2c\\,d_{out} d_{in}^2$.
`;

test('without a problem set: a question pasted above its answers with no number, its lettered asks then the same letters answered', { skip }, () => {
  assert.deepEqual(gradeWithoutProblems(PASTED_ABOVE), { '1.a': 'correct', '1.b': 'correct' });
  // Near misses: answers given twice (formulas in the first letters: no question pasted), and letters whose words name no question's parts, stay unplaced as before.
  // (What the content fallback places there goes to a person, never to a verdict: grade-content-placement.test.ts.)
  assert.deepEqual(
    Object.values(
      gradeWithoutProblems(
        '(a) One iteration: $c\\,d_{out}^2 d_{in}$?\n(b) Gram matrix first: $2c\\,d_{out} d_{in}^2$.\n\nChecking again:\n\n(a) Two products, so $2c\\,d_{out}^2 d_{in}$.\n(b) Unchanged.\n',
      ),
    ).filter((v) => v !== 'needs-review'),
    [],
  );
  assert.deepEqual(gradeWithoutProblems('Poe\n\n(a) I think this one is fine.\n(b) Not sure about this one.\n\n(a) Yes.\n(b) No.\n'), {});
});
