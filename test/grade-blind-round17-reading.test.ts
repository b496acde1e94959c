import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';

/** The staff key's 4.b (a pooling layer's output shape) as these fixtures' replies write it. */
const POOLED = '$\\left(\\frac{W-K}{S}+1\\right) \\times \\left(\\frac{H-K}{S}+1\\right) \\times C$';

// Blind round 17's reading classes (issue 9), each in words and apps of our own, not the round's:
// chats whose turns, or the question a turn asks, partcredit did not find. Each class has a near
// miss that must read as it did before.

test("a model's name on the line right above its reply heads the reply; a sentence that only starts with a model's name does not", { skip: devSkip }, () => {
  const chat = [
    'DeepSeek Chat',
    '',
    "stack L conv layers, each with filter size K and stride 1. what's the receptive field of the last output?",
    '',
    'DeepSeek-V3',
    'Each stride-1 layer widens the view by $K-1$ pixels, starting from $K$ for the first one:',
    '',
    '$$RF = L(K-1) + 1$$',
    '',
    'a max pooling layer, stride S and filter size K, on a W x H x C input: what output shape does it produce?',
    '',
    'DeepSeek-V3',
    `Pooling acts per channel with no padding, so the shape is ${POOLED}.`,
    '',
  ].join('\n');
  const g = gradeWithStaffKey(chat, 'deepseek.txt');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: a write-up whose paragraph opens on a model's name, its sentence wrapped after it.
  const writeup = ['4(c) The receptive field of the last output is $L(K-1)+1$.', '', 'Gemini', 'agreed with this when I asked it to check my count.', '', `4(b) ${POOLED}`, ''].join('\n');
  const w = gradeWithStaffKey(writeup, 'writeup.md');
  assert.equal(w.get('4.c'), 'correct');
  assert.equal(w.get('4.b'), 'correct');
});

test('a question asked in words alone goes to the part its own words name; words two parts share leave it to a person', { skip: devSkip }, () => {
  // The pooling part and the conv layer's part both speak of stride, filter size and the output
  // feature's shape; `max pooling` names one of them, and nothing in the turn names the other.
  const chat = (asked: string, answer: string) => ['**You:**', '', asked, '', '**Assistant:**', '', answer, ''].join('\n');
  const pooled = chat(
    'Suppose a max pooling layer slides a K x K window with step S over a W x H x C feature map. Which output feature shape comes out?',
    `No padding and no weights, channel by channel: ${POOLED}.`,
  );
  const g = gradeWithStaffKey(pooled);
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.a'), undefined);
  // Near miss: a turn that names no layer fits both parts about equally; placed by order it is the
  // first part by guess, so a person decides.
  const vague = chat('with stride S and filter size K, what output feature shape does the layer produce?', `The shape is ${POOLED}.`);
  const v = gradeWithStaffKey(vague);
  assert.equal(v.get('4.a'), 'needs-review');
  assert.equal(v.get('4.b'), undefined);
});

test("a chat whose person's turns are `>` blockquotes, its replies unmarked, is read turn by turn; a quote inside a reply, or a write-up's quoted line, is no turn", { skip: devSkip }, () => {
  const chat = [
    '# notes app export: cnn questions',
    '',
    "> if I stack L conv layers, K x K filters and stride 1 everywhere, what's the receptive field of the last output?",
    '',
    'The first layer sees $K$ pixels and each further stride-1 layer adds $K-1$, so',
    '',
    '$$RF = L(K-1) + 1.$$',
    '',
    '> **Note:** with dilation $d$ each layer adds $d(K-1)$ instead, so this grows faster.',
    '',
    'For $L = 2$, $K = 3$ this gives $5$.',
    '',
    '> then a max pooling layer with stride S and a K x K window on a W x H x C input. output feature shape?',
    '',
    `Pooling keeps the channels and has no padding: ${POOLED}.`,
    '',
  ].join('\n');
  const g = gradeWithStaffKey(chat, 'notes.md');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: a write-up that quotes a source under its answer stays a write-up, its labels read as before.
  const writeup = ['4(c) $L(K-1)+1$', '', '> Each stride-1 layer adds K-1 pixels of context to what the last output sees.', '', `4(b) ${POOLED}`, ''].join('\n');
  const w = gradeWithStaffKey(writeup, 'writeup.md');
  assert.equal(w.get('4.c'), 'correct');
  assert.equal(w.get('4.b'), 'correct');
});

test("an answer engine's thread (each query a `#` title, its sources listed, then `Answer`) is read turn by turn; a write-up's own `Answer` headings are not", { skip: devSkip }, () => {
  const thread = [
    '# L successive conv layers, filter size K and stride 1 each: the receptive field size of the last output',
    '',
    '### Sources:',
    '- Receptive fields explained - theaisummer.com',
    '- Conv arithmetic notes - github.io',
    '',
    '### Answer',
    '',
    "Every stride-1 layer adds $K-1$ input pixels to the first layer's $K$ [1]:",
    '',
    '$$RF = L(K-1) + 1$$',
    '',
    '# max pooling layer, filter size K, stride S, on W x H x C input: output feature shape',
    '',
    '### Sources:',
    '- Pooling layers - d2l.ai',
    '',
    '### Answer',
    '',
    `Each channel is pooled on its own, no padding [1]: ${POOLED}.`,
    '',
  ].join('\n');
  const g = gradeWithStaffKey(thread, 'thread.md');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: a write-up that heads each answer `**Answer**` under its question, no sources listed.
  const writeup = [
    '4(c) What is the receptive field size of the last output?',
    '',
    '**Answer**',
    '',
    '$L(K-1)+1$',
    '',
    '4(b) What is the output feature shape of the pooling layer?',
    '',
    '**Answer**',
    '',
    `${POOLED}`,
    '',
  ].join('\n');
  const w = gradeWithStaffKey(writeup, 'writeup.md');
  assert.equal(w.get('4.c'), 'correct');
  assert.equal(w.get('4.b'), 'correct');
});

test("a turn whose sentences each ask one part in words alone asks those parts, and the reply's sections go to them; two sentences about one part ask that part only", { skip: devSkip }, () => {
  const chat = (asked: string) =>
    [
      '**User:**',
      '',
      asked,
      '',
      '**Assistant:**',
      '',
      '### Stacked layers',
      '',
      'Each stride-1 layer adds $K-1$ pixels to the receptive field: $L(K-1)+1$.',
      '',
      '### Max pooling',
      '',
      `Per channel, no padding: ${POOLED}.`,
      '',
    ].join('\n');
  const g = gradeWithStaffKey(
    chat(
      'how big is the receptive field of the last output after L successive conv layers with filter size K and stride 1? then: a max pooling layer with stride S and filter size K, what output feature shape does it produce?',
    ),
  );
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: both sentences ask about the receptive field; the pooling section answers nothing asked.
  const one = gradeWithStaffKey(
    chat('how big is the receptive field of the last output after L successive conv layers with filter size K? then: same receptive field question with stride 1 for every layer.'),
  );
  assert.equal(one.get('4.b'), undefined);
});

test('in a chat that gave numbers, a later turn pasting several parts in words asks them; a sentence whose words fit its part and a rival is settled by the sentence that asks the rival; a why-question about answered parts is discussion', {
  skip: devSkip,
}, () => {
  const turns = (...t: string[]) => t.map((x, i) => `${i % 2 ? '**Assistant:**' : '**User:**'}\n\n${x}\n`).join('\n');
  const asked = [
    'Question 3 (b): x shifted by N = 5, what is y_2(n) = h(n) * x_2(n), and which property shows?',
    'Shifting the input shifts the output: $y_2(n) = y(n-5)$, time invariance.',
    'One more thing. A conv layer with F filters of filter size K, padding P and stride S on a W x H x C input feature: how many weights and biases are in it? and a max pool with stride S and filter size K: output shape? and the receptive field size of the last output of L stacked conv layers, filter size K, stride 1?',
    [
      '**Conv layer.** $K^2 C F$ weights and $F$ biases; output $\\left(\\frac{W-K+2P}{S}+1\\right) \\times \\left(\\frac{H-K+2P}{S}+1\\right) \\times F$.',
      '',
      `**Max pool.** ${POOLED}, per channel.`,
      '',
      '**Receptive field.** Each stride-1 layer adds $K-1$: $L(K-1)+1$.',
    ].join('\n'),
  ];
  const g = gradeWithStaffKey(turns(...asked));
  assert.ok(g.has('4.a'));
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: asking why, about the parts just answered, is discussion; the reply's aside is no new answer.
  const why = gradeWithStaffKey(
    turns(
      ...asked,
      'why does the max pool output shape take the floor, and why does the receptive field of the stacked conv layers grow by K-1 per layer?',
      '**Max pool.** The window must fit inside the input.\n\n**Receptive field.** Each layer sees $K$ positions of the one before, sharing $K-1$ with its neighbour, so it would be $LK$ without the overlap.',
    ),
  );
  assert.equal(why.get('4.c'), 'correct');
});

test("a page copy's emoji-led section titles (`⏱️ Cost of one step`) split a reply to two questions asked in words between the parts they name; a turn asking one question keeps its whole reply", {
  skip: devSkip,
}, () => {
  const chat = (asked: string) =>
    [
      'You said',
      '',
      asked,
      '',
      'Copilot said',
      '',
      'Sure, step by step.',
      '',
      '⏱️ Cost of one step',
      '',
      'Forming $W W^\\top$ and then multiplying by $W$ are two products of $c\\,d_{out}^2 d_{in}$ each: $2c\\,d_{out}^2 d_{in}$ per iteration.',
      '',
      '🚀 A cheaper route for tall W',
      '',
      'Rewrite $p(W) = \\tfrac12 W(3I - W^\\top W)$ with the Gram matrix $W^\\top W$: two products of $c\\,d_{out} d_{in}^2$, so $2c\\,d_{out} d_{in}^2$ per iteration.',
      '',
    ].join('\n');
  const g = gradeWithStaffKey(
    chat(
      'Newton-Schulz step p(W) = 1/2 (3I - W W^T) W for a d_out x d_in matrix W; an n x m times m x p matmul costs c n m p. What is the runtime of each iteration? And when d_out >> d_in, how can p(W) be computed faster, and what runtime of each iteration does that give?',
    ),
    'copilot.txt',
  );
  assert.equal(g.get('1.a'), 'correct');
  assert.equal(g.get('1.b'), 'correct');
  // Near miss: one question asked; the reply's second section is its own aside, no answer to another part.
  const one = gradeWithStaffKey(chat('when d_out >> d_in, is there a way to compute the Newton-Schulz p(W) faster with the Gram matrix? report the updated runtime of each iteration'), 'copilot.txt');
  assert.equal(one.get('1.a'), undefined);
  assert.equal(one.get('1.b'), 'correct');
});

test("a person's next question led by words that move on (`Next part:`, `last one, different question.`) is theirs, formulas and all; a reply's `One more thing:` is not", { skip: devSkip }, () => {
  const chat = (between: string) =>
    [
      'DeepSeek',
      '',
      'L successive conv layers, filter size K, stride 1 for each: what is the receptive field size of the last output?',
      '',
      'Thought for 6 seconds',
      '',
      "Each layer adds $K-1$ to the first layer's $K$, so the receptive field is $L(K-1)+1$.",
      '',
      between,
      '',
      'Thought for 4 seconds',
      '',
      `Per channel, no padding: ${POOLED}.`,
      '',
    ].join('\n');
  const g = gradeWithStaffKey(chat('Next part: max pooling layer with stride = S and filter size = K on a W x H x C input feature; the output feature shape'), 'deepseek.txt');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  // Near miss: the reply's own last paragraph, followed by a second reply with no question between:
  // no verdict (what the content fallback places there goes to a person: grade-content-placement).
  const aside = gradeWithStaffKey(chat('One more thing: with stride 1 = S and no padding the layers keep the size W x H.'), 'deepseek.txt');
  assert.ok([undefined, 'needs-review'].includes(aside.get('4.b')), aside.get('4.b'));
});

test('a chat that gives no numbers stays read by its words after the person pastes one part word for word: the next question in words is placed', { skip: devSkip }, () => {
  const turns = (...t: string[]) => t.map((x, i) => `${i % 2 ? '**Assistant:**' : '**User:**'}\n\n${x}\n`).join('\n');
  const chat = turns(
    'L successive conv layers, filter size K, stride 1 each: what is the receptive field size of the last output?',
    'Each layer adds $K-1$: $L(K-1)+1$.',
    'A max pooling layer has 2 architectural hyperparameters: the stride step size ($S$) and the "filter size" ($K$). **What is the output feature shape that this pooling layer produces?**',
    `Per channel, no padding: ${POOLED}.`,
    'different topic: W ~ N(0,1) in fp8 and y = c W x. which constant scalar c recovers the benefits of Xavier initialization?',
    'Xavier wants variance $1/d_{in}$, so $c = 1/\\sqrt{d_{in}}$.',
  );
  const g = gradeWithStaffKey(chat);
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('2.b'), 'correct');
  // In a chat that numbers its questions, the same words after the paste retype a part of a question
  // none of whose parts is answered yet: the chat moves on to it, as a TA reads it (round 28's LibreChat
  // export; grade-round28-final-answers.test.ts, where a follow-up on the current question stays discussion).
  const numbered = gradeWithStaffKey(chat.replace('L successive conv layers', 'Question 4 (c): L successive conv layers'));
  assert.equal(numbered.get('4.c'), 'correct');
  assert.equal(numbered.get('2.b'), 'correct');
});
