import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey, roundAgreement } from './hw4-dev.js';
import { detectFormat, withoutReasoning } from '../src/documents/transcripts.js';
import { readLineLabel } from '../src/documents/part-ids.js';
import { correctsItself } from '../src/check/retraction.js';
import { familyRenamesIn } from '../src/grade/question-statements.js';

// The fourth blind round (issue 9): transcripts of hw4-fa25 written as the real seeds are (chat
// pages copied as text with the site's chrome and the student's annotations, whole questions
// pasted or typed out, screenshots, follow-ups; one OCR'd write-up), labelled as a TA would
// against the staff key before partcredit graded them. Each class they found is fixed below with
// a near miss that must stay wrong (or unread).
const ROUND = join(ROOT, 'test', 'fixtures', 'blind-round10');
const skip = devSkip;
const grade = gradeWithStaffKey;
const verdicts = (text: string) => Object.fromEntries(grade(text));

test('the fourth blind round: agreement with the TA stays at its measured floor', { skip }, async () => {
  const r = await roundAgreement('blind round 10', join(ROUND, 'blind-round10.labels.yaml'));
  const o = r.report.overall;
  assert.equal(r.report.bySubmission.size, 14);
  assert.equal(o.parts, 111);
  // Measured 60/111 before this round's fixes; what is left is listed in the round's report.
  // 98 before chats whose person is not named were read as chats (deepseek-paste, mistral-lechat);
  // 101 before a factor compared by ("cheaper by ...") stopped being read as the answer (o3 1.b);
  // 103 before a general form the key accepts gave way to the value it was specialised to (gemini 2.c);
  // 104 before claude.ai's avatar right above the person's words headed a turn, so the corrected replies were final (claude-final 4.c, 4.e);
  // 106 before named answers were read from `\# \text{bias}`, `\text{output} :` and a label's sentence ending on a colon (student 4.a,
  // mistral 7.b), and typed-out parts confirmed a question chosen over a close rival (llama 4.a-c).
  assert.ok(o.rightWrong >= ROUND_FLOOR, `right-vs-wrong ${o.rightWrong}/111 fell below ${ROUND_FLOOR}`);
});
const ROUND_FLOOR = 111;

const Q1 =
  'Let us consider the Newton-Schulz update for a parameter matrix W, p(W) = 1/2 (3I - WW^T) W.\n(a) Assume that multiplying an n x m matrix by an m x p matrix takes cnmp runtime. What is the runtime of each iteration?\n(b) Now, consider the case where d_out >> d_in. Is there a way to compute p(W) faster? Explain how this can be done and report the updated runtime of each iteration?';

test("a chat page copied as text: the speaker's name alone on its line heads a turn (User / Model, You sent / Meta AI)", { skip }, () => {
  const chat = `Chat prompt\n\nUser\n\n${Q1}\n\nModel\n\n**(a)** Two products, each $c\\,d_{out}^2 d_{in}$: $2c\\,d_{out}^2 d_{in}$.\n\n**(b)** Use $W(W^TW)$: $2c\\,d_{out} d_{in}^2$.\n`;
  assert.equal(detectFormat(chat), 'markdown-chat');
  assert.deepEqual(verdicts(chat), { '1.a': 'correct', '1.b': 'correct' });
  const meta = chat.replace('User\n', 'You sent\n').replace('Model\n', 'Meta AI\n');
  assert.equal(detectFormat(meta), 'markdown-chat');
  assert.deepEqual(verdicts(meta.replace('$2c\\,d_{out}^2 d_{in}$.', '$c\\,d_{out}^2 d_{in}$.')), { '1.a': 'partial', '1.b': 'correct' });
  // Near miss: a write-up with a lone "Model" line (a heading of its own) is no chat.
  assert.equal(detectFormat('1(a) The model\n\nModel\n\nThe runtime is $2c d_{out}^2 d_{in}$.\n'), 'writeup');
});

test('a subpart after the part letter: **(d) ii.**, **Part (d) i. stride 1**; (b) i.e. is none', () => {
  assert.equal(readLineLabel('**(d) ii.**')?.subpart, 'ii');
  assert.equal(readLineLabel('**Part (d) i. stride 1, pad 1**')?.subpart, 'i');
  assert.equal(readLineLabel('(d) i. stride, pad = 1, 1')?.subpart, 'i');
  // Near misses: "i.e." and a roman word run on are no subpart.
  assert.equal(readLineLabel('(b) i.e. the shift property')?.subpart, undefined);
  assert.equal(readLineLabel('Part (b) i.e. shift')?.subpart, undefined);
  assert.equal(readLineLabel('(c) vi')?.subpart, undefined);
});

const CONV =
  'Evaluate y = x * h (2D convolution, y[m,n] = sum_i sum_j x[i,j] h[m-i, n-j]) for x = [[1,2,3,4,5],[6,7,8,9,10],[11,12,13,14,15],[16,17,18,19,20],[21,22,23,24,25]], h = [[-1,-2,-1],[0,0,0],[1,2,1]]\n(c) no padding, stride 1\n(d) zero padding: i. stride, pad = 1, 1  ii. stride, pad = 2, 1';
const M3 = '\\begin{bmatrix} -40 & -40 & -40 \\\\ -40 & -40 & -40 \\\\ -40 & -40 & -40 \\end{bmatrix}';
const D2 = '\\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}';

test('a question typed out short, with no number, after another question: its part statements and words place it', { skip }, () => {
  const chat = `**User:** ${Q1}\n\n**Assistant:** (a) $2c\\,d_{out}^2 d_{in}$\n\n(b) $2c\\,d_{out} d_{in}^2$\n\n**User:** ${CONV}\n\n**Assistant:** **Part (c)**\n\n$$y = ${M3}$$\n\n**Part (d) ii. stride 2, pad 1**\n\n$$y = ${D2}$$\n`;
  assert.deepEqual(verdicts(chat), { '1.a': 'correct', '1.b': 'correct', '3.c': 'correct', '3.d.ii': 'correct' });
  // Near miss: a short follow-up naming one part of the question under way is discussion of it.
  const follow = `**User:** ${Q1}\n\n**Assistant:** (a) $2c\\,d_{out}^2 d_{in}$\n\n(b) $2c\\,d_{out} d_{in}^2$\n\n**User:** (b) why is this faster than before, can you explain the idea?\n\n**Assistant:** Because $d_{out} d_{in}^2 < d_{out}^2 d_{in}$ when $d_{out} > d_{in}$, the cost falls to $c\\,d_{out} d_{in}^2$ per product.\n`;
  assert.equal(grade(follow).get('1.b'), 'correct');
});

test('a part the person types out led by its letter asks that part; "Thanks for the correction" concedes after a "Thinking completed" line', { skip }, () => {
  const chat = `User: Q7 (a) conv layer, derive dw and the SGD step with learning rate eta.\n\nQwen3-Max\n\n$$dw_{h,l} = \\sum_{i=1}^{m}\\sum_{j=1}^{m} dy_{i,j}\\, x_{i+h-1,j+l-1}$$ and $w_{h,l} - \\eta\\, dw_{h,l}$.\n\nUser: (b) x_ij and dy_ij independent, mean 0, variances sigma_x^2 and sigma_g^2. mean and variance of dw_hl as a function of n, k, sigma_x, sigma_g? asymptotic growth of the std wrt n?\n\nQwen3-Max\n\nThinking completed · 4,433 tokens\n\nMean $0$; $$\\text{Var}(dw_{h,l}) = (n-k+1)\\sigma_x^2\\sigma_g^2$$ so the std grows as $O(\\sqrt{n})$.\n\nUser: there are m^2 terms, not m\n\nQwen3-Max\n\nThinking completed · 1,402 tokens\n\nThanks for the correction. Mean $0$; $$\\text{Var}(dw_{h,l}) = (n-k+1)^2\\sigma_x^2\\sigma_g^2$$ and the std grows linearly, $O(n)$.\n`;
  assert.deepEqual(verdicts(chat), { '7.a': 'correct', '7.b': 'correct' });
  // Near miss: without the concession the follow-up's reply is discussion; the first answer stands.
  assert.notEqual(grade(chat.replace('Thanks for the correction.', 'Let me explain.')).get('7.b'), 'correct');
  assert.ok(correctsItself('Thanks for the correction. With circular padding ...'));
  assert.ok(!correctsItself('Thanks for the question. With circular padding ...'));
  assert.equal(withoutReasoning('Thinking completed · 2,114 tokens\n\n**(a)** x').trim(), '**(a)** x');
  // Near miss: a sentence that starts with the words is kept.
  const sentence = 'Thinking completed the argument: since every term has mean zero, the sum does too, and we are done.';
  assert.equal(withoutReasoning(sentence), sentence);
});

test("n_out / n_in for the question's d_out / d_in: read as the key's family when two subscripts are written", { skip }, () => {
  const chat = (a: string) => `**User:** ${Q1}\n\n**Assistant:** With $W\\in\\mathbb R^{n_{\\text{out}}\\times n_{\\text{in}}}$.\n\n(a) $T = ${a}$\n`;
  assert.equal(grade(chat('2c\\,n_{\\text{out}}^2 n_{\\text{in}}')).get('1.a'), 'correct');
  // Near miss: the renamed formula is still checked, and a wrong one stays wrong.
  assert.equal(grade(chat('2c\\,n_{\\text{out}} n_{\\text{in}}^2')).get('1.a'), 'incorrect');
  // Near misses: a lone subscript, or a family the key has under that letter, is no rename.
  const key = new Set(['d_out', 'd_in', 'c']);
  assert.deepEqual([...familyRenamesIn('$c = 1/\\sqrt{n_{in}}$', key)], []);
  assert.deepEqual([...familyRenamesIn('$n_{out}$ and $n_{in}$', new Set(['d_out', 'd_in', 'n_in']))], []);
  assert.deepEqual(
    [...familyRenamesIn('$n_{out}$ and $n_{in}$', key)],
    [
      ['n_{out}', 'd_{out}'],
      ['n_{in}', 'd_{in}'],
    ],
  );
});

test('a letter written for one subscript in one part is read by the family the response writes over the whole question', { skip }, () => {
  const q2 = (b: string, c: string) =>
    `**User:** Question 2\n\n(b) What should the constant scalar c be to recover the benefits of standard Xavier initialization?\n\n(c) What should the maximum spectral norm of dW be?\n\n**Assistant:**\n\n**(b)** $c = ${b}$\n\n**(c)** $\\|\\Delta W\\|_2 \\le ${c}$\n`;
  assert.deepEqual(verdicts(q2('1/\\sqrt{n_{\\text{in}}}', '\\sqrt{n_{\\text{out}}}')), { '2.b': 'correct', '2.c': 'correct' });
  // Near miss: a lone n_in, with no other subscript of the family anywhere in the question, is not d_in.
  assert.equal(grade(q2('1/\\sqrt{n_{\\text{in}}}', '\\sqrt{d_{\\text{out}}}')).get('2.b'), 'incorrect');
});

test('a reply to a question posted as a picture that works the first part before its first label, (b): that text answers (a)', { skip }, () => {
  const chat = (lead: string) => `Question 3\n\nuser [File]: file-abc-Screenshot 2025-10-04 at 2.41.17 PM.png\n\nChatGPT ${lead}\n\n(b) $y_2[n]=y[n-5]$ — **time invariance**.\n`;
  const worked = '$y[n]=\\sum_{i=0}^{6}(1/2)^{n-i}u[n-i]$, so $$y[n] = \\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 6 \\\\ 127 \\cdot 2^{-n} & n \\ge 7 \\end{cases}$$';
  assert.deepEqual(verdicts(chat(worked)), { '3.a': 'correct', '3.b': 'correct' });
  // Near miss: an opening with no formula answers nothing.
  assert.equal(grade(chat('Here is what I found for both parts.')).get('3.a'), undefined);
});

test('a general form the key accepts, then "this is ..." with the response\'s own c: the value it commits to is graded', { skip }, () => {
  const general = '**2(c)** We need $\\|\\Delta y\\|_{RMS} \\le 1$, so\n\n$$\\|\\Delta W\\|_2 \\le \\frac{\\sqrt{d_{out}}}{c\\sqrt{d_{in}}}.$$\n\n';
  const wrongC = `${general}With the $c$ from (b) this is $\\sqrt{\\frac{d_{out}(d_{in}+d_{out})}{2 d_{in}}}$.\n`;
  assert.equal(grade(wrongC).get('2.c'), 'incorrect');
  assert.equal(grade(`${general}With $c = 1/\\sqrt{d_{in}}$ from (b), this becomes $\\sqrt{d_{out}}$.\n`).get('2.c'), 'correct');
  // Near misses: the general form alone, or followed by a formula that only names its parameter, stands.
  assert.equal(grade(general).get('2.c'), 'correct');
  assert.equal(grade(`${general}Here $c$ is the scale of part (b) and $d_{in}$ the input width.\n`).get('2.c'), 'correct');
});

test("a person's turn that opens on the part it asks, 4(c) or 4c, with no verb or full stop: the reply answers that part", { skip }, () => {
  const reply = '\n\n**Assistant:**\n\n## Part (c): Receptive field\n\n$$\\text{RF} = K + (L-1)(K-1) = L(K-1) + 1$$\n';
  for (const ask of ['4(c) receptive field after L stacked KxK stride-1 convolutions?', '4(c)', 'Now 4(c) please', '4c receptive field?', '4 (c) receptive field']) {
    assert.deepEqual(verdicts(`**User:** ${ask}${reply}`), { '4.c': 'correct' }, ask);
  }
  // Near misses: a product (`2c d_{out}`) opening a line names no part, and a remark on a part
  // ("4(c) is wrong") is a follow-up on it, whose corrected reply is the part's last answer.
  // (What the content fallback places there goes to a person, never to a verdict: grade-content-placement.test.ts.)
  assert.deepEqual(
    Object.values(verdicts(`**User:** 2c d_{out}^2 d_{in} for the runtime, right?${reply}`)).filter((v) => v !== 'needs-review'),
    [],
  );
  const first = '**User:** 4(c) receptive field after L stacked layers?\n\n**Assistant:** After $L$ layers: $$\\text{RF} = K + L(K-1)$$\n';
  assert.deepEqual(verdicts(`${first}\n**User:** 4(c) is wrong, three 3x3 layers give 7x7${reply}`), { '4.c': 'correct' });
  assert.deepEqual(verdicts(first), { '4.c': 'incorrect' });
});
