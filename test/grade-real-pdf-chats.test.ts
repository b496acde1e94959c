/**
 * Real chat exports graded end to end, PDF to verdict: two of the course's students' exports in
 * ../shared/corpus/dev/pdf-chats (Gemini 2.5 Pro and GPT-OSS-120B on a CNN homework), graded with
 * our own key for that homework (test/fixtures/real-pdf-chats/cnn-hw5.key.yaml) and labelled from
 * the PDFs' pages before partcredit graded them. Real models' answers in real exporters' layouts,
 * where the questions are pictures the person only mentions ("solve the attached problem"). Each
 * class fixed here has a fixture of its own and a near miss beside the measurement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { measureAgreement } from '../src/cli/agreement.js';
import { percent } from '../src/grade/agreement.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

const CHATS = join(ROOT, '..', 'shared', 'corpus', 'dev', 'pdf-chats');
const skip = existsSync(join(CHATS, 'thread_275-gemini2.5Pro-chat_2025-11-11.pdf')) ? false : '../shared/corpus/dev/pdf-chats is absent';
const FIXTURES = join(ROOT, 'test', 'fixtures', 'real-pdf-chats');

// Measured 5/16 before this round's fixes (Gemini's replies to pictures were all lost but one),
// 14/16 after; then 16/16 once the heading of the next prompt that GPT-OSS's report prints at the
// end of each reply ("... = 108 Q3 (b) — Depthwise Separable ...") opens that prompt (3.a, 3.b).
test('real PDF chat exports graded with a key for their homework: agreement with the TA stays at its floor', { skip, timeout: 120_000 }, async () => {
  const r = await measureAgreement({ labels: join(FIXTURES, 'real-pdf-chats.labels.yaml') });
  const o = r.report.overall;
  console.log(
    `real PDF chats: right-vs-wrong ${percent(o.rightWrong, o.parts)}, exact ${percent(o.exact, o.parts)}, confidently wrong ${percent(o.confidentlyWrong, o.parts)}, needs-review ${o.needsReview}`,
  );
  assert.equal(o.parts, 16);
  assert.ok(o.rightWrong >= 16, `right-vs-wrong ${o.rightWrong}/${o.parts} fell below 16`);
  assert.equal(r.report.bySubmission.get('gemini-2.5-pro')?.rightWrong, 8);
});

// ChatGPT on an attention homework (thread_422), keyed and labelled in the same way: 6/11 before
// this round's fixes, 11/11 after: 6(b)(i) read from the correction that replaces the kernel; 4(a)-(e),
// which ask "What is A?" ... "What is E?", read from the reply's table rows named A-E (whose
// einsum cells the PDF wrapped at their arrows), not from the restated options.
/** A real export of another homework, graded with its key and labels: agreement with the TA stays at its floor. */
function floor(what: string, pdf: string, labels: string, parts: number, least: number, more?: (r: Awaited<ReturnType<typeof measureAgreement>>) => void): void {
  const absent = existsSync(join(CHATS, pdf)) ? false : skip || `../shared/corpus/dev/pdf-chats/${pdf} is absent`;
  test(`${what}: agreement with the TA stays at its floor`, { skip: absent, timeout: 120_000 }, async () => {
    const r = await measureAgreement({ labels: join(FIXTURES, labels) });
    const o = r.report.overall;
    console.log(`${what}: right-vs-wrong ${percent(o.rightWrong, o.parts)}, confidently wrong ${percent(o.confidentlyWrong, o.parts)}`);
    assert.equal(o.parts, parts);
    assert.ok(o.rightWrong >= least, `right-vs-wrong ${o.rightWrong}/${o.parts} fell below ${least}`);
    more?.(r);
  });
}

floor('a real ChatGPT export of an attention homework', 'thread_422-ChatGPT_-_hw9.pdf', 'attention-hw9.labels.yaml', 11, 11, (r) => assert.equal(r.report.byPart.get('6.b.i')?.rightWrong, 1));

// Claude on an optimization homework (thread_245): every question a picture or a typed follow-up
// with no number, each reply answering one part without labelling it. 1/6 at first: the pictures'
// replies went to no part, and the person's follow-ups were read as the student's notes set beside
// them. 5/6, then 6/6 once the communication table's "Size of each message" header was read as
// the size column (not the messages column its last word names).
floor('a real Claude export of an optimization homework, questions as pictures', 'thread_245-Claude-CS282-specialParticipationA-HW2.pdf', 'optimizers-hw2.labels.yaml', 6, 6);

// Qwen on a homework on autoencoders, a blog series and RNNs (thread_368), one part asked at a time
// ("Start with question 3.b.i.", "solve 8b"): 4/8 at first; 8/8 after the prompt's dotted part id,
// the lettered cases inside one part's reply, matrix equations and token sequences were read.
floor('a real Qwen export of an autoencoder and RNN homework, one part asked at a time', 'thread_368-Qwen_Chat.pdf', 'autoencoders-hw7.labels.yaml', 8, 8);

// ChatGPT on a GNN homework (thread_262), questions 2 and 3 answered in one reply under "2. Graph
// Dynamics ..." and "3. Graph Neural Networks" headings: 0/6 at first (every part went to question 2), 6/6 now.
floor('a real ChatGPT export of a GNN homework, two questions in one reply', 'thread_262-chatgpt.pdf', 'gnn-hw6.labels.yaml', 6, 6);

// GPT-5 thinking's write-up of a review homework (thread_477), sections numbered before the problems
// they solve ("1. Problem 2: Vector Calculus Review"): 1/11 at first (every answer a problem too
// early), 11/11 after the section numbers and the side conditions ("(w \ne 0)") were read.
floor('a real GPT-5 write-up of a review homework, its sections numbered', 'thread_477-hw0_noncoding_zimu_gpt5-think.pdf', 'foundations-hw0.labels.yaml', 11, 11);

// Kimi K2's write-up of a gradient descent homework (thread_364): 7/8 at first, the part letter of
// "(f ) Many parallel problems" set apart from its bracket; 8/8 now.
floor('a real Kimi K2 write-up of a gradient descent homework', 'thread_364-EECS_182_Special_Participations_KimiK2_HW1.pdf', 'gradient-descent-hw1.labels.yaml', 8, 8);

const GRADIENT = loadKey(
  String.raw`partcredit: 1
symbols:
  n: { positive: true, integer: true }
  i: { positive: true, integer: true }
  j: { positive: true, integer: true }
  gamma: {}
parts:
  2.b:
    answer: '\frac{\partial L}{\partial x_i} = \gamma\left(\frac{\partial L}{\partial y_i} - \frac{1}{n}\sum_{j=1}^{n}\frac{\partial L}{\partial y_j}\right)'
  3.a:
    answer: '\begin{bmatrix} -1 & 3 & -2 \\ 3 & -3 & 1 \\ 0 & 3 & 1 \end{bmatrix}'
`,
  'k.yaml',
).key!;

/** One key's verdict on a part of a written response. */
const verdictsWith = (key: typeof GRADIENT) => (text: string, id: string) => gradeSubmission(key, readSubmission(text, 'w.md', key)).parts.find((p) => p.id === id)!.verdict;
const verdictOf = verdictsWith(GRADIENT);

const DERIVATION = String.raw`**2(b)** The loss $L$ depends on all $y_{j}$, and each $y_{j}$ depends on $\beta$ and on every $x_i$ through $\mu$.
$$\frac{\partial L}{\partial x_{i}} = \sum_{j=1}^{n} \frac{\partial L}{\partial y_{j}} \frac{\partial y_{j}}{\partial x_{i}}$$
The derivative $\frac{\partial x_j}{\partial x_i}$ is $1$ if $j = i$ and $0$ if $j \ne i$, so $\frac{\partial y_j}{\partial x_i} = \gamma(\delta_{ij} - \frac{1}{n})$.
Assembling the sum:
$$\frac{\partial L}{\partial x_{i}} = \gamma \left( \frac{\partial L}{\partial y_{i}}-\frac{1}{n}\sum_{j=1}^{n}\frac{\partial L}{\partial y_{j}} \right)$$
`;

test('what a quantity depends on ("$L$ depends on all $y_j$") beside cases ("1 if j = i") is mathematics, not a hedge', () => {
  assert.equal(verdictOf(DERIVATION, '2.b'), 'correct');
  // Near miss: a response that leaves the convention open still offers alternatives, and gets no credit.
  const open = String.raw`**2(b)** It depends on the convention: if the mean is held fixed, $$\frac{\partial L}{\partial x_i} = \gamma\frac{\partial L}{\partial y_i}$$ or, if it is not, $$\frac{\partial L}{\partial x_{i}} = \gamma \left( \frac{\partial L}{\partial y_{i}}-\frac{1}{n}\sum_{j=1}^{n}\frac{\partial L}{\partial y_{j}} \right)$$`;
  assert.equal(verdictOf(open, '2.b'), 'incorrect');
});

const PAINTED = String.raw`**3(a)** Each input entry scales the filter and is painted onto the output.
1. Multiply the filter by $-1$. Output so far: $\begin{bmatrix} -1 & 1 & 0 \\ 0 & -1 & 0 \\ 0 & 0 & 0 \end{bmatrix}$
2. Add $2F$ one step to the right. Output so far: $\begin{bmatrix} -1 & 3 & -2 \\ 0 & -1 & 2 \\ 0 & 0 & 0 \end{bmatrix}$
3. Add $3F$ and $F$ below, which completes the sum.

The final output of the transpose convolution is:

$$\begin{bmatrix} -1 & 3 & -2 \\ 3 & -3 & 1 \\ 0 & 3 & 1 \end{bmatrix}$$
`;

test('"Output so far:" marks a step on the way; "The final output ... is:" marks the answer', () => {
  assert.equal(verdictOf(PAINTED, '3.a'), 'correct');
  // Near miss: a final output with a wrong entry is wrong, whatever the steps before it were.
  assert.equal(verdictOf(PAINTED.replace('3 & -3 & 1 \\\\ 0 & 3 & 1 \\end{bmatrix}$$', '3 & -4 & 1 \\\\ 0 & 3 & 1 \\end{bmatrix}$$'), '3.a'), 'incorrect');
});

const KERNEL = loadKey(
  `partcredit: 1
parts:
  6.b.i:
    symbols: { q: { matrix: [D, 1] }, k: { matrix: [D, 1] }, D: { positive: true, integer: true } }
    answer: 'sim(q, k) = (q^T k + 1)^2'
`,
  'k.yaml',
).key!;

const kernelVerdict = (text: string) => verdictsWith(KERNEL)(text, '6.b.i');

test('"Replace $A$ with $B$" in a correction takes A back: B is the answer', () => {
  const summary = String.raw`**6(b)(i)** Summary of required modifications: Replace $\text{sim}(q,k) = (q^{T} k)^{2}$ with $\boxed{(q^{T} k + 1)^{2}}$, since the standard degree-2 polynomial kernel includes the bias term.`;
  assert.equal(kernelVerdict(summary), 'correct');
  // Near miss: the same correction the wrong way round still answers with what it puts in.
  const backwards = String.raw`**6(b)(i)** Summary of required modifications: Replace $\text{sim}(q,k) = (q^{T} k + 1)^{2}$ with $\boxed{(q^{T} k)^{2}}$, the homogeneous kernel.`;
  assert.equal(kernelVerdict(backwards), 'incorrect');
});

const SHAPES = loadKey(
  `partcredit: 1
parts:
  4.a:
    answer: { type: choice, options: ['[h, d, q]'], wrong: ['[d, q]', '[h, q]'] }
  4.b:
    answer: { type: choice, options: ['[d, k]'], wrong: ['[h, d, k]', '[h, k]'] }
  4.d:
    answer: { type: choice, options: ['bd,dk->bk'], wrong: ['bd,hdk->bhk', 'bd,dk->bhk'] }
`,
  'k.yaml',
).key!;

const shapeVerdict = verdictsWith(SHAPES);

test('a quoted multiple-choice question lays out its options behind empty marks (○): listing them is no answer', () => {
  // The export broke the question after its first option, which happens to be the right one.
  const quoted = `**4(b)** What is B? ○ [h, d, k] ○ [d, k] ○ [h, k]\n\n**4(d)** What is D? ○ torch.einsum("bd,dk->bk", x,W_k)\n○ torch.einsum("bd,hdk->bhk", x,W_k) ○ torch.einsum("bd,dk->bhk", x,W_k)\n`;
  assert.notEqual(shapeVerdict(quoted, '4.d'), 'correct');
  assert.notEqual(shapeVerdict(quoted, '4.b'), 'correct');
  // Near miss: the same question answered after it keeps its verdict.
  const answered = `**4(b)** What is B? ○ [h, d, k] ○ [d, k] ○ [h, k]\n\nB is [d, k]: the key projection is shared by all heads.\n\n**4(d)** What is D? ○ torch.einsum("bd,dk->bk", x,W_k)\n○ torch.einsum("bd,hdk->bhk", x,W_k) ○ torch.einsum("bd,dk->bhk", x,W_k)\n\nD is torch.einsum("bd,dk->bk", x, W_k).\n`;
  assert.equal(shapeVerdict(answered, '4.b'), 'correct');
  assert.equal(shapeVerdict(answered, '4.d'), 'correct');
});

test('parts that ask "What is A?", "What is B?" are answered by the rows a reply keys by those names', () => {
  const asked = '**4(a)** What is A? ○ [h, d, q] ○ [d, q] ○ [h, q]\n\n**4(b)** What is B? ○ [h, d, k] ○ [d, k] ○ [h, k]\n\n';
  const chat = (reply: string) => `## User\n\nsolve 4\n\n## Assistant\n\n${asked}${reply}`;
  const table = '| item | answer | why |\n| --- | --- | --- |\n| A | [h, d, q] | queries stay per head |\n| B | [d, k] | one key projection for all heads |\n';
  assert.equal(shapeVerdict(chat(table), '4.a'), 'correct');
  assert.equal(shapeVerdict(chat(table), '4.b'), 'correct');
  // Near misses: a wrong row stays wrong; a row named A alone (one item keyed) answers nothing.
  assert.equal(shapeVerdict(chat(table.replace('| B | [d, k] |', '| B | [h, d, k] |')), '4.b'), 'incorrect');
  assert.notEqual(shapeVerdict(chat('| A | [h, d, q] | queries stay per head |\n'), '4.a'), 'correct');
});
