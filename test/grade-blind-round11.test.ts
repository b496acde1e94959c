import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { codeFormulas } from '../src/check/extract.js';
import { expectVerdict } from './check-helpers.js';
import { isRemark } from '../src/documents/transcripts.js';
import { namedByDefinition } from '../src/grade/question-statements.js';
import { withoutWorkedValue } from '../src/grade/worked-example.js';

// The fifth blind round (issue 9): hw4-fa25 answered in apps and habits the earlier rounds did not
// cover (ChatGPT's canvas and memory lines, o3-pro's reasoning summary, Claude's artifacts,
// Perplexity's sources, a Jupyter notebook, sympy prints, "continue", unprompted corrections,
// summary tables, numeric examples), labelled as a TA would against the staff key before
// partcredit graded them. Each class they found is fixed below with a near miss that must stay
// wrong (or unread).
const grade = gradeWithStaffKey;
const verdicts = (text: string) => Object.fromEntries(grade(text));

// Measured 58/90 before this round's fixes (43/74 for the first thirteen transcripts, 15/16 for the
// last three, written after the first fixes); 70/90 while chats whose person is not named
// (claude-artifact, perplexity, phind, huggingchat, glm, poe) were read as write-ups. The chats11
// branch read them without having seen this round: 86/90; 87/90 once a summary table's row that
// differs from the body (gemini's 4(c)) is the reply's final answer; 89/90 once code comments
// (`# (a) ...`) label nothing and Phind's `ANSWER | PHIND-70B MODEL` bar starts a reply.
test('the fifth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 11', join(ROOT, 'test', 'fixtures', 'blind-round11', 'blind-round11.labels.yaml'), { submissions: 19, parts: 90, floor: 89 }),
);
const skip = devSkip;

const Q1 =
  'p(W) = 1/2 (3I - WW^T) W. (a) Assume that multiplying an n x m matrix by an m x p matrix takes cnmp runtime. What is the runtime of each iteration? (b) Now, consider the case where d_out >> d_in. Is there a way to compute p(W) faster? Report the updated runtime of each iteration.';

test('a question\'s number and title lead a long first line ("2. MuP at the Unit Scale. [pasted ...] please ..."): that question', { skip }, () => {
  const chat = (lead: string) =>
    `You said:\n1. Newton-Schulz Runtime\n${Q1}\n\nChatGPT said:\n**(a)** $2c\\,d_{out}^2 d_{in}$\n\n**(b)** $2c\\,d_{out} d_{in}^2$\n\nYou said:\n${lead} [pasted parts (b) and (d) of the question, see the pdf]. Please put the answers in a canvas.\n\nChatGPT said:\nHw4 Q2\n\n**(b)** $$c = \\frac{1}{\\sqrt{d_{in}}}$$\n\n**(d)** $$\\alpha = \\frac{1}{\\sqrt{d_{in}}}$$\n`;
  assert.deepEqual(verdicts(chat('2. MuP at the Unit Scale.')), { '1.a': 'correct', '1.b': 'correct', '2.b': 'correct', '2.d': 'correct' });
  assert.deepEqual(verdicts(chat('2. MuP at the Unit Scale —')), { '1.a': 'correct', '1.b': 'correct', '2.b': 'correct', '2.d': 'correct' });
  // Near miss: a remark that opens with a number is no question's title; (b) stays question 1's.
  assert.equal(grade(chat('1. The answer to (a) looks right to me.')).get('2.b'), undefined);
});

test('a follow-up that opens on the part it questions ("for (d) the bound from (c) ...") asks that part again', { skip }, () => {
  const chat = (ask: string) =>
    `You said:\nQuestion 2\n\n(c) What should the maximum spectral norm of dW be?\n\n(d) What learning rate alpha satisfies the constraint from (c)?\n\n(e) Muon: what learning rate alpha?\n\nChatGPT said:\n**(c)** $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$\n\n**(d)** $\\alpha = \\frac{1}{\\sqrt{d_{out}}}$\n\n**(e)** $\\alpha = \\sqrt{d_{out}}$\n\nYou said:\n${ask}\n\nChatGPT said:\nYou're right — with the bound from (c), $\\alpha\\sqrt{d_{in}d_{out}} \\le \\sqrt{d_{out}}$, so $\\alpha = \\frac{1}{\\sqrt{d_{in}}}$.\n`;
  const g = grade(chat('for (d) the bound from (c) is sqrt(d_out), not sqrt(d_in)? so alpha should be different'));
  assert.deepEqual([g.get('2.d'), g.get('2.e')], ['correct', 'correct']);
  // Near miss: a follow-up that only compares with a part ("is this like in (c)?") is discussion of the last one.
  assert.equal(grade(chat('the sign matrix one, is that bound like in (c)? so alpha should be different')).get('2.d'), 'incorrect');
});

test('after "continue", the text before the new reply\'s first label ends the part the cut reply was in', { skip }, () => {
  const chat = (lead: string) =>
    `User:\n\n4. Feature Dimensions of Convolutional Neural Network.\n(a) How many weights and biases are in this convolutional layer?\n(c) L successive convolutional layers, filter size K, stride 1. What is the receptive field size of the last output?\n\nAssistant:\n\n### (a) Convolutional Layer\n\nWeights $K^2 C F$, biases $F$.\n\n### (c) Receptive Field\n\nThe first layer sees a $K \\times K$ patch. Each further stride-1 layer adds\n\nUser:\n\ncontinue\n\nAssistant:\n\n${lead}\n\n### (e) Table\n\nsee above\n`;
  assert.equal(grade(chat('$K - 1$ pixels, so after $L$ layers the receptive field is $$K + (L-1)(K-1)$$')).get('4.c'), 'correct');
  assert.equal(grade(chat('$K - 1$ pixels, so after $L$ layers the receptive field is $$K + L(K-1)$$')).get('4.c'), 'incorrect');
});

test('an expression a program printed, set as inline code, is the value the sentence gives ("the runtime is `2*c*d_in*d_out**2`")', { skip }, () => {
  const chat = (a: string, mean: string) =>
    `User:\n\nQuestion 1. ${Q1}\n\nAssistant:\n\nOutput:\n\n\`\`\`\n${a}\n\`\`\`\n\n**(a)** The runtime of each iteration is \`${a}\`, i.e. two $d_{out}\\times d_{in}\\times d_{out}$ products.\n\nUser:\n\nQuestion 7 (b). Derive the mean and variance of dw_{h,l} as a function of n, k, sigma_x, sigma_g, and the growth rate of its standard deviation.\n\nAssistant:\n\n**(b)** The mean is \`${mean}\`, the variance is \`sigma_g**2*sigma_x**2*(-k + n + 1)**2\`, and the standard deviation grows as $O(n)$.\n`;
  const g = grade(chat('2*c*d_in*d_out**2', '0'));
  assert.deepEqual([g.get('1.a'), g.get('7.b')], ['correct', 'correct']);
  // Near misses: a wrong printed expression stays wrong; so does a wrong mean.
  const w = grade(chat('2*c*d_in**2*d_out', '1'));
  assert.deepEqual([w.get('1.a'), w.get('7.b')], ['incorrect', 'partial']);
  // Code that is not an expression (a call, a name) is no formula.
  assert.deepEqual(
    codeFormulas('we call `np.pad(x, 1)` and `T_a`, the runtime is `2*c*d_in*d_out**2`').map((f) => f.text),
    ['2*c*d_in*d_out**2'],
  );
});

test("a numeric example beside the general formula: the formula is graded, the example's number only when no formula is given", { skip }, () => {
  const chat = (d: string, e: string) =>
    `User:\n\nProblem 2 (d) SignSGD: what learning rate alpha satisfies the constraint from (c)? (e) Muon: what learning rate alpha?\n\nAssistant:\n\nTake $d_{in} = 1024$ and $d_{out} = 4096$.\n\n**(d)** The sign matrix has spectral norm $2048$. We need $2048\\,\\alpha \\le 64$, so $\\alpha \\le 1/32$. In general\n\n$$${d}$$\n\n**(e)** The constraint from (c) gives\n\n$$${e}$$\n`;
  const g = grade(chat('\\alpha = \\frac{1}{\\sqrt{d_{in}}} \\approx 0.031', '\\alpha = \\sqrt{d_{out}} = 64'));
  assert.deepEqual([g.get('2.d'), g.get('2.e')], ['correct', 'correct']);
  // Near misses: a wrong general formula stays wrong whatever number follows it; the number alone is wrong.
  const w = grade(chat('\\alpha = \\frac{1}{\\sqrt{d_{out}}} \\approx 0.016', '\\alpha = \\sqrt{d_{in}} = 64'));
  assert.deepEqual([w.get('2.d'), w.get('2.e')], ['incorrect', 'incorrect']);
  assert.equal(grade(chat('\\alpha = 0.031', '\\alpha = 64')).get('2.e'), 'incorrect');
  assert.equal(withoutWorkedValue(['\\alpha', '\\sqrt{d_{out}}', '64'], new Set(['alpha', 'dout'])), '\\alpha = \\sqrt{d_{out}}');
  assert.equal(withoutWorkedValue(['x', '3', '64'], new Set(['alpha', 'dout'])), undefined);
});

test('a table cell that names the axes after its shape ("28 × 28 × 10 (H × W × C)") is that shape', { skip }, () => {
  const table = (conv1: string) =>
    `User:\n\nProblem 4 (e): fill in the number of parameters and the dimension of activations for every layer of the table.\n\nCopilot:\n\n| Layer | Parameters | Activations |\n|---|---|---|\n| Input | 0 | 28 × 28 × 1 |\n| CONV3-10 | 3·3·1·10 + 10 = **100** params | ${conv1} |\n| POOL2 | 0 (no params) | 14 × 14 × 10 |\n| CONV3-10 | 3·3·10·10 + 10 = **910** params | 14 × 14 × 10 |\n| POOL2 | 0 (no params) | 7 × 7 × 10 |\n| FLATTEN | 0 | 490 values |\n| FC-3 | 490·3 + 3 = **1,473** params | 3 |\n`;
  assert.equal(grade(table('28 × 28 × 10 (H × W × C)')).get('4.e'), 'correct');
  // Near misses: a wrong shape with the same gloss stays wrong, and so does a shape short of an axis.
  assert.equal(grade(table('28 × 28 × 1 (H × W × C)')).get('4.e'), 'partial');
  assert.equal(grade(table('28 × 28 (H × W)')).get('4.e'), 'partial');
});

test('a shape written without brackets around its sides ("⌊(W-K)/S⌋ + 1 × ⌊(H-K)/S⌋ + 1 × C") is read side by side', { skip }, () => {
  const chat = (open: string, close: string) =>
    `User:\n\n4. Feature Dimensions of Convolutional Neural Network.\n(b) A max pooling layer has 2 architectural hyperparameters: the stride step size (S) and the "filter size" (K). What is the output feature shape that this pooling layer produces?\n\nAssistant:\n\n### (b) Max Pooling Layer\n\n$$\\left${open} \\frac{W - K}{S} \\right${close} + 1 \\times \\left${open} \\frac{H - K}{S} \\right${close} + 1 \\times C$$\n`;
  assert.equal(grade(chat('\\lfloor', '\\rfloor')).get('4.b'), 'correct');
  // Near miss: the same layout with ceilings is read the same way and stays wrong.
  assert.equal(grade(chat('\\lceil', '\\rceil')).get('4.b'), 'incorrect');
});

test("a sum's bounds written as sympy and people do: `\\sum_{\\substack{1 \\le i \\le m\\\\1 \\le j \\le m}}`, `\\sum_{\\substack{i=1\\\\j=1}}^{m}`, `\\sum_{1 \\le i \\le m}`", () => {
  const cnn = { x: { indexed: 2 }, dy: { indexed: 2 }, w: { indexed: 2 }, eta: { positive: true } } as const;
  const key = 'w_{h,l} - \\eta \\sum_{i=1}^{m} \\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\, j+l-1}';
  expectVerdict(key, '- \\eta \\sum_{\\substack{1 \\leq i \\leq m\\\\1 \\leq j \\leq m}} {dy}_{i,j} {x}_{h + i - 1,j + l - 1} + {w}_{h,l}', 'correct', cnn);
  expectVerdict(key, 'w_{h,l} - \\eta \\sum_{\\substack{i=1\\\\j=1}}^{m} dy_{i,j}\\, x_{i+h-1,j+l-1}', 'correct', cnn);
  expectVerdict(key, 'w_{h,l} - \\eta \\sum_{1 \\le i \\le m} \\sum_{1 \\le j \\le m} dy_{i,j}\\, x_{i+h-1,j+l-1}', 'correct', cnn);
  // Near misses: bounds that start at 0, or a shifted index, are another sum.
  expectVerdict(key, 'w_{h,l} - \\eta \\sum_{\\substack{0 \\leq i \\leq m\\\\1 \\leq j \\leq m}} dy_{i,j}\\, x_{i+h-1,j+l-1}', 'incorrect', cnn);
  expectVerdict(key, 'w_{h,l} - \\eta \\sum_{1 \\le i \\le m} \\sum_{1 \\le j \\le m} dy_{i,j}\\, x_{i+h,j+l}', 'incorrect', cnn);
});

test('a remark the student adds after a reply, opening on a part ("4(b) wrongly uses F ...") or comparing with the key, is no answer', { skip }, () => {
  const chat = (remark: string) =>
    `You said:\nHW4 problem 4 (b): a max pooling layer with stride S and filter size K on a W x H x C input. What is the output feature shape?\n\nChatGPT said:\n**(b)** $$\\left(\\left\\lfloor \\tfrac{W-K}{S}\\right\\rfloor+1\\right)\\times\\left(\\left\\lfloor \\tfrac{H-K}{S}\\right\\rfloor+1\\right)\\times F$$\n\nYou said:\nproblem 7 (b). Mean and variance of dw_{h,l} as a function of n, k, sigma_x, sigma_g; growth of its standard deviation in n.\n\nChatGPT said:\n$$\\boxed{\\mathbb{E}[dw_{h,l}]=0},\\quad \\boxed{\\operatorname{Var}(dw_{h,l})=(n-k+1)^2\\sigma_x^2\\sigma_g^2},\\quad \\boxed{\\operatorname{std}=\\Theta(n)}$$\n\n${remark}\n`;
  assert.deepEqual(verdicts(chat('4(b) wrongly uses F for the pooling output depth (the input has C channels).')), { '4.b': 'incorrect', '7.b': 'correct' });
  assert.deepEqual(verdicts(chat('Everything else matches the key.')), { '4.b': 'incorrect', '7.b': 'correct' });
  // Near miss: a person's follow-up that says a part is wrong is a question to the model, not a remark.
  const follow = `You said:\nQuestion 2 (e) Muon: what learning rate alpha?\n\nChatGPT said:\n**(e)** $\\alpha = \\sqrt{d_{in}}$\n\nYou said:\n(e) is wrong, it should use the bound from (c)\n\nChatGPT said:\nYou're right: $\\alpha = \\sqrt{d_{out}}$.\n`;
  assert.equal(grade(follow).get('2.e'), 'correct');
  assert.ok(!isRemark('(e) is wrong, it should use the bound from (c)'));
});

/** Question 7(a) answered with the gradient and then `update` as the SGD step. */
const sgdStep = (update: string) =>
  `User:\n\nQuestion 7 (a). Derive the gradient to the weight matrix dw, and the weight after one SGD step (learning rate eta) with a batch of a single image.\n\nAssistant:\n\n**(a)** $$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,\\,j+l-1}$$\n\nAfter one SGD step:\n\n$$${update}$$\n`;

test("an update rule with its steps marked (`w_{h,l}^{(1)} = w_{h,l}^{(0)} - \\eta\\, dw_{h,l}`, `w^{\\text{new}}`) is the key's update", { skip }, () => {
  assert.equal(grade(sgdStep('w_{h,l}^{(1)} = w_{h,l}^{(0)} - \\eta\\, dw_{h,l}')).get('7.a'), 'correct');
  assert.equal(grade(sgdStep('w_{h,l}^{(t+1)} = w_{h,l}^{(t)} - \\eta\\, dw_{h,l}')).get('7.a'), 'correct');
  assert.equal(grade(sgdStep('w_{h,l}^{\\text{new}} = w_{h,l} - \\eta\\, dw_{h,l}')).get('7.a'), 'correct');
  // Near misses: a step the wrong way stays wrong, and a superscript without parentheses is a power.
  assert.equal(grade(sgdStep('w_{h,l}^{(1)} = w_{h,l}^{(0)} + \\eta\\, dw_{h,l}')).get('7.a'), 'partial');
  assert.equal(grade(sgdStep('w_{h,l}^{2} - \\eta\\, dw_{h,l}')).get('7.a'), 'partial');
});

test('a derivative written as the question defines its name (`\\frac{\\partial \\mathcal L}{\\partial w_{h,l}}` for `dw_{h,l}`) is that name', { skip }, () => {
  assert.equal(grade(sgdStep('w_{h,l} \\leftarrow w_{h,l} - \\eta \\frac{\\partial \\mathcal L}{\\partial w_{h,l}}')).get('7.a'), 'correct');
  assert.equal(grade(sgdStep('w_{h,l} - \\eta\\,\\dfrac{\\partial L}{\\partial w_{h,l}}')).get('7.a'), 'correct');
  // Near misses: another entry's derivative, or a step the wrong way, stays wrong.
  assert.equal(grade(sgdStep('w_{h,l} - \\eta \\frac{\\partial \\mathcal{L}}{\\partial w_{i,j}}')).get('7.a'), 'partial');
  assert.equal(grade(sgdStep('w_{h,l} + \\eta \\frac{\\partial \\mathcal{L}}{\\partial w_{h,l}}')).get('7.a'), 'partial');
  const given = [{ left: 'dw_{h,l}', right: '\\frac{\\partial \\mathcal{L}}{\\partial w_{h,l}}' }];
  assert.deepEqual(namedByDefinition('w - \\eta \\frac{\\partial \\mathcal{L}}{\\partial w_{h,l}}', given), ['w - \\eta dw_{h,l} ']);
  assert.deepEqual(namedByDefinition('\\frac{\\partial y}{\\partial w_{h,l}}', given), []);
});
