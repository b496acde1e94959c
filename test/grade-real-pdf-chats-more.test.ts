/**
 * Classes of failure found by grading more of the students' real chat exports (Qwen on a homework
 * on autoencoders and RNNs, ChatGPT on a GNN homework; floors in grade-real-pdf-chats.test.ts),
 * each with a fixture of our own in the exports' style and a near miss that keeps its verdict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

type Key = NonNullable<ReturnType<typeof loadKey>['key']>;

/** A key of the format's version 1 from its symbols and parts. */
const keyWith = (yaml: string): Key => loadKey(`partcredit: 1\n${yaml}`, 'k.yaml').key!;

/** One key's verdict on a part of a response. */
const verdictsWith = (key: Key) => (text: string, id: string) => gradeSubmission(key, readSubmission(text, 'chat.md', key)).parts.find((p) => p.id === id)!.verdict;

const GNN = keyWith(String.raw`symbols:
  b: { min: 0.01, max: 0.99 }
  c: { min: 0.01, max: 0.99 }
parts:
  2.a:
    answer: '4'
  3.a:
    answer: { type: choice, options: [valid], wrong: [not valid, invalid] }
  3.b:
    answer: '-\frac{1}{2}\left(\log b + \log(1 - c)\right)'
`);

const gnnVerdict = verdictsWith(GNN);

test('a reply answering two questions under "N. Title" headings, each over its lettered parts, answers each question', () => {
  const reply = String.raw`Solutions — problems 2 and 3 only

2. Message Passing Basics
(a) Each node has degree $4$ in the grid, so the answer is $4$.
(b) The receptive field grows by one hop per layer.

3. Graph Neural Networks
Let node $i$ have messages $m_{i,j}$.
(a) Mean aggregation.
- Valid. The mean does not depend on the order of the neighbours.
(b) Training loss over nodes 1 and 2:
$$\boxed{\mathcal{L} = -\frac{1}{2}\left(\log b + \log(1 - c)\right)}$$
`;
  const chat = (prompt: string, body: string) => `**User:**\n${prompt}\n\n**Assistant:**\n${body}`;
  const asked = chat('Solve the non-coding questions of the attached homework, which are #2 and #3.', reply);
  assert.equal(gnnVerdict(asked, '2.a'), 'correct');
  assert.equal(gnnVerdict(asked, '3.a'), 'correct');
  assert.equal(gnnVerdict(asked, '3.b'), 'correct');
  // Near miss: numbered steps of one answer, of which only one heads lettered items, are steps:
  // the reply stays question 2's, and question 3 is not answered.
  const steps = `1. Setup
The grid is regular.

2. Degree Counting
(a) Each node has degree $4$, so the answer is $4$.

3. Chain Rule
Nothing more is needed.
`;
  const one = chat('Solve question 2.', steps);
  assert.equal(gnnVerdict(one, '2.a'), 'correct');
  assert.equal(gnnVerdict(one, '3.a'), 'missing');
});

const PATTERNS = keyWith(`parts:
  3.c:
    answers:
      residual connection: { type: choice, options: ['yes'], wrong: ['no'] }
      batch normalization: { type: choice, options: ['no'], wrong: ['yes'] }
`);

test('several named yes/no answers in one part are each read from the line that names them ("Batch normalization? No.")', () => {
  const verdict = (body: string) => verdictsWith(PATTERNS)(`**3(c)** Design patterns present.\n${body}`, '3.c');
  const right =
    '- Residual connection? Yes. The rule adds the previous state to the update.\n- Batch normalization? No. Nothing normalizes with batch statistics; batch normalization is not present.\n';
  assert.equal(verdict(right), 'correct');
  // Near miss: one of them wrong is half the credit, whichever line says yes first.
  assert.equal(verdict(right.replace('Batch normalization? No.', 'Batch normalization? Yes.')), 'partial');
});

const AUTOENCODER = keyWith(`parts:
  8.a.i:
    answer: '2'
  8.b:
    answer: { type: choice, options: ['yes'], wrong: ['no'] }
  8.c:
    answer: '0'
`);

test("in the reply to the one part asked, lettered cases that go back ((a), (b) under 'Problem 8(b)') are that part's, not earlier parts again", () => {
  const verdict = verdictsWith(AUTOENCODER);
  const first = '**User:**\nmove to problem 8 a\n\n**Assistant:**\n**Problem 8(a): Implementation**\n\n**(i) How many linear layers do you need?**\n\nAnswer: 2\n\n';
  const later = (body: string) => `${first}**User:**\nsolve 8b\n\n**Assistant:**\n**Problem 8(b): Inductive bias**\n\n${body}`;
  const cases =
    '**(a) Without regularization ($\\lambda = 0$):**\n\n- Any factorization is optimal, so $0$ preference for orthonormal columns.\n\n**(b) With regularization:**\n\n- The penalty is least when every singular value is $1$.\n\nFinal answer: Yes.\n';
  assert.equal(verdict(later(cases), '8.a.i'), 'correct');
  assert.equal(verdict(later(cases), '8.b'), 'correct');
  // Near miss: a letter that goes on past the part asked is the next part, answered in the same reply.
  const onward = `${cases}\n**(c)** The bias term of the decoder is $0$.\n`;
  assert.equal(verdict(later(onward), '8.c'), 'correct');
});

const SUBPARTS = keyWith(`parts:
  3.b.i:
    answer: '2'
  3.b.ii:
    answer: '5'
`);

test('a prompt that asks for a part by its dotted id in its words ("Start with question 3.b.i.") asks that part', () => {
  const verdict = verdictsWith(SUBPARTS);
  const chat = (prompt: string) => `**User:**\nhw7.pdf 661.7 KB\n\n${prompt}\n\n**Assistant:**\nGreat! Let's tackle it:\n(i) Compute the number of stationary points.\n\nThere are $2$ of them.\n`;
  assert.equal(verdict(chat('Attached is my homework; I will ask one question at a time. Start with question 3.b.i. Write out your solution.'), '3.b.i'), 'correct');
  // Near miss: a number with a letter that names no question ("equation 3.b") asks nothing.
  assert.equal(verdict(chat('Attached is my homework; I will ask one question at a time. Start from equation 3.b. Write out your solution.'), '3.b.i'), 'missing');
});

const TOKENS = keyWith(`parts:
  7.b:
    answer: { type: choice, options: ['<sos>, I, see, a, dog'], wrong: ['<sos>, I, saw, a, dog', 'I, see, a, dog, <eos>'] }
`);

test('a sequence of tokens is read from the math that boxes it (w_{1}= <\\text{sos}>, w_{2}= I, ...), over the outputs worked out before it', () => {
  const verdict = (boxed: string) =>
    verdictsWith(TOKENS)(
      String.raw`**Problem 7(b): Decoder inputs during training**

With teacher forcing the targets are
$$\text{Target} (\text{output}) = [I, \text{see}, a, \text{dog}, <\text{eos}>]$$
so the inputs are the targets shifted right.

✅ Final Answer:
$$\boxed{${boxed}}$$
`,
      '7.b',
    );
  assert.equal(verdict(String.raw`w_{1}= <\text{sos}>,w_{2}= I,w_{3}= \text{see},w_{4}= a,w_{5}= \text{dog}`), 'correct');
  // Near miss: the sampled words boxed instead of the ground truth.
  assert.equal(verdict(String.raw`w_{1}= <\text{sos}>,w_{2}= I,w_{3}= \text{saw},w_{4}= a,w_{5}= \text{dog}`), 'incorrect');
});

const REVIEW = keyWith(String.raw`parts:
  2.a:
    symbols: { w: { nonzero: true } }
    answer: '-\frac{b}{w}'
  3.a:
    answer: '7'
`);

test('a write-up that numbers its sections before the problems they solve ("1. Problem 2: ...") answers those problems', () => {
  const verdict = verdictsWith(REVIEW);
  const writeup = 'Solutions to Problems 2–3\n\n1. Problem 2: A ReLU Elbow\n\n(a) The elbow is $e = -\\frac{b}{w}$.\n\n2. Problem 3: Counting\n\n(a) There are $7$ of them.\n';
  assert.equal(verdict(writeup, '2.a'), 'correct');
  assert.equal(verdict(writeup, '3.a'), 'correct');
  // Near miss: a numbered step that only mentions a problem in its sentence opens none.
  const step = 'Solutions to Problems 2–3\n\nProblem 2: A ReLU Elbow\n\n(a) The elbow is $e = -\\frac{b}{w}$.\n1. In problem 3 the count is different.\n';
  assert.equal(verdict(step, '2.a'), 'correct');
  assert.equal(verdict(step, '3.a'), 'missing');
});

test('a side condition in brackets after a formula ("(w \\ne 0)") is where it holds, not a factor', () => {
  const verdict = (formula: string) => verdictsWith(REVIEW)(`**Problem 2**\n\n(a) The elbow is where $wx + b = 0$:\n$$e = ${formula}$$\n`, '2.a');
  assert.equal(verdict(String.raw`-\frac{b}{w} (w \ne 0)`), 'correct');
  assert.equal(verdict(String.raw`-\frac{b}{w}\ (\text{for } w > 0)`), 'correct');
  // Near miss: a bracket of mathematics after it multiplies.
  assert.equal(verdict(String.raw`-\frac{b}{w} (w + 1)`), 'incorrect');
});

const RATES = keyWith(`parts:
  1.e:
    answer: '2'
  1.f:
    answer: '3'
`);

test('a part letter a PDF set apart from its bracket ("(f ) Many parallel problems") labels that part', () => {
  const verdict = verdictsWith(RATES);
  const writeup = (f: string) => `Question 1\n\n(e) Optimal learning rate\n\nThe rate is $2$.\n\n${f}\n\nThe count is $3$.\n`;
  assert.equal(verdict(writeup('(f ) Many parallel problems'), '1.f'), 'correct');
  assert.equal(verdict(writeup('(f ) Many parallel problems'), '1.e'), 'correct');
  // Near miss: the same letter inside a sentence refers to the part; it labels nothing.
  assert.equal(verdict(writeup('The next part, see (f ) below, is done the same way.'), '1.f'), 'missing');
});

const MESSAGES = keyWith(`symbols:
  n: { positive: true, integer: true }
  p: { positive: true }
parts:
  3:
    answer:
      type: table
      columns: [messages, size]
      column_types: { messages: expression, size: expression }
      rows:
        Parameter Server: ['2n', 'p']
        Ring All-Reduce: ['2n(n-1)', '\\frac{p}{n}']
`);

test('a header cell is the column its first word names ("Size of each message" is the size, though it says message)', () => {
  const verdict = (ring: string) =>
    verdictsWith(MESSAGES)(`**Problem 3**\n\n|  | Number of Messages Sent | Size of each message |\n| --- | --- | --- |\n| Parameter Server | 2n | p |\n| Ring All-Reduce | ${ring} |\n`, '3');
  assert.equal(verdict('n(2(n-1)) | p/n'), 'correct');
  // Near miss: a whole message where the ring sends a chunk is wrong in that cell.
  assert.notEqual(verdict('n(2(n-1)) | p'), 'correct');
});

const CONV = keyWith(`parts:
  3.a:
    answer: '108'
  3.b:
    answer: '39'
`);

test("a prompt's heading an export leaves at the end of the reply before ('= 108 Q3 (b) — Depthwise ...') heads the next prompt", () => {
  const verdict = verdictsWith(CONV);
  const chat = (glued: string) =>
    `**User:**\nBN vs LN?\n\n**Assistant:**\nBatchNorm per channel.\n\nQ3 (a) — Parameter Count (Full Convolution)\n\n**User:**\n3-channel input, $3\\times 3$ kernel, 4 output channels (ignore biases).\n\n**Assistant:**\n#params $= 4 \\times 3 \\times 3 \\times 3 = 108$${glued}\n\n**User:**\nCompute total parameters (depthwise + pointwise).\n\n**Assistant:**\nDepthwise = 27; Pointwise = 12; Total = 39.\n`;
  const glued = chat(' Q3 (b) — Depthwise Separable Convolution Parameters');
  assert.equal(verdict(glued, '3.a'), 'correct');
  assert.equal(verdict(glued, '3.b'), 'correct');
  // Near miss: a reply that ends by naming the part it answered, in a sentence, keeps it.
  const named = chat('. This is the answer to Q3 (a).');
  assert.equal(verdict(named, '3.a'), 'correct');
});
