import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { readsAsProse } from '../src/check/prose.js';
import { splitInlineLabels } from '../src/documents/inline-labels.js';
import { checkAnswer } from '../src/check/check.js';

// Blind round 20's reading classes, second pass (issue 9): each in a document of our own, not the
// round's, with a near miss that must read as it did before.

test("an exporter's speaker headings with an icon, a time or a model id head the turns, and a room's second model is set aside", { skip: devSkip }, () => {
  const room = (second: string) =>
    [
      '# Chat export',
      '',
      '## 🙋 You (Mar 3, 09:14)',
      '',
      'Q4 (c): with L stacked K x K convolutions of stride 1, what is the receptive field of one output pixel?',
      '',
      '## ✨ anthropic/claude-3.5-sonnet (Mar 3, 09:14) · 233 tokens',
      '',
      'Each layer widens the field by K - 1, starting from a single pixel.',
      '',
      '**Receptive field: $L(K-1)+1$**',
      '',
      `## ✨ ${second} (Mar 3, 09:14) · 187 tokens`,
      '',
      'Each layer multiplies the field by K.',
      '',
      '**Receptive field: $K^L$**',
      '',
      '## 🙋 You (Mar 3, 09:16)',
      '',
      'are you sure about that?',
      '',
      `## ✨ ${second} (Mar 3, 09:16) · 54 tokens`,
      '',
      'Yes: the receptive field is $K^L$.',
      '',
    ].join('\n');
  // Two models side by side: the first one's answer is graded, the second's set aside (read as
  // later turns of the same chat, it would stand as the final answer).
  const two = room('google/gemini-2.0-flash-001');
  assert.equal(gradeWithStaffKey(two, 'room.md').get('4.c'), 'correct');
  assert.ok(readWithStaffKey(two, 'room.md').warnings.some((w) => /google\/gemini-2\.0-flash-001's left out/.test(w)));
  // Near miss: one model's headings are each a turn of its chat, read in order: its last word stands, and nothing is set aside.
  const one = room('anthropic/claude-3.5-sonnet');
  assert.equal(gradeWithStaffKey(one, 'room.md').get('4.c'), 'incorrect');
  assert.ok(!readWithStaffKey(one, 'room.md').warnings.some((w) => /left out/.test(w)));
});

test("a data export's speaker headings with a time after the name (`#### User — 3/2/2025, 9:14 AM`) head the turns", { skip: devSkip }, () => {
  const exported = (stamp: string) =>
    [
      '# Conversation',
      '',
      `#### User${stamp}`,
      '',
      '1(a) Newton-Schulz with p(W) = (3I - W W^T) W / 2, W of size d_out x d_in, an n x m times m x p product costing c n m p: what is the runtime of each iteration?',
      '',
      `#### Assistant${stamp}`,
      '',
      'Forming W W^T costs c d_out^2 d_in and multiplying by W costs the same again.',
      '',
      'Runtime: $2c\\,d_{out}^2 d_{in}$',
      '',
    ].join('\n');
  const stamped = exported(' — 3/2/2025, 9:14 AM');
  assert.equal(readWithStaffKey(stamped, 'claude.md').format, 'markdown-chat');
  assert.equal(gradeWithStaffKey(stamped, 'claude.md').get('1.a'), 'correct');
  // Near miss: words after the name are no time (`#### User — Part (a)` names a section), and the heading is left as it was.
  const worded = exported(' — asking about the runtime');
  assert.equal(readWithStaffKey(worded, 'claude.md').format, 'writeup');
});

test("an API script's log (`----- request [4c] -----` / `----- completion (model, tokens) -----`) is a chat, the part asked named in the banner", { skip: devSkip }, () => {
  const log = (open: string, close: string) =>
    [
      '$ node run-hw.mjs --model gpt-4.1 --parts 4c 4b',
      '',
      `${open} request [4c] ${close}`,
      'You are solving a homework part. A stack of L convolutions, each K x K with stride 1: how many input pixels does one output pixel see along one axis?',
      '',
      `${open} completion (gpt-4.1, 311 tokens) ${close}`,
      'Each layer adds K - 1 to the field.',
      'Answer: L(K-1)+1',
      '',
      `${open} request [4b] ${close}`,
      'Same network. A single layer with F filters over C channels and kernel K: how many weights and biases?',
      '',
      `${open} completion (gpt-4.1, 280 tokens) ${close}`,
      'Answer: weights K^2 C F, biases F',
      '',
    ].join('\n');
  const g = gradeWithStaffKey(log('-----', '-----'), 'log.txt');
  assert.equal(g.get('4.c'), 'correct');
  // Near miss: banners ruled on one side only are a write-up's headings, and no chat is read from them.
  assert.notEqual(readWithStaffKey(log('-----', ''), 'log.txt').format, 'chat-text');
});

test('a speaker label with an aside in brackets before its colon (`Me (pasting question 4):`) heads a turn', { skip: devSkip }, () => {
  const chat = (label: string) =>
    [
      'Q4 feature shapes, asked of Gemini, pasted from the Docs export',
      '',
      `${label} For L successive conv layers, each with filter size K and stride 1, what is the receptive field of the last output? (c)`,
      '',
      'Gemini:',
      '',
      'Each layer adds K - 1 pixels to the field.',
      '',
      'Receptive field: L(K - 1) + 1',
      '',
      'Me: thanks, and the pooling layer in (b)?',
      '',
      'Gemini:',
      '',
      'Pooling does not change the receptive field formula above.',
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(chat('Me (pasting question 4):'), 'docs.txt').get('4.c'), 'correct');
  // Near miss: a sentence in brackets with no colon after it is the turn's words, not a label, and the first turn stays unheaded.
  assert.equal(gradeWithStaffKey(chat('Me (pasting question 4)'), 'docs.txt').get('4.c'), undefined);
});

test('prose is never read as a product of single letters, in whatever answer it stands', { skip: devSkip }, () => {
  // A reply that restates the question in place of an answer: words, no formula, graded as no answer read.
  const reply = (said: string) => ['User: 4(c) L stacked K x K convolutions of stride 1: the receptive field?', '', `Assistant: ${said}`, ''].join('\n');
  const part = gradedPartsWithStaffKey(reply('Compute the receptive field with stride one.'), 'chat.md').find((p) => p.id === '4.c')!;
  assert.equal(part.verdict, 'incorrect');
  assert.doesNotMatch(part.answer, /\b\w \w \w \w\b/);
  assert.doesNotMatch(part.feedback, /symbol the question does not define/);
  assert.equal(readsAsProse('Compute the receptive field with stride one.'), true);
  assert.equal(readsAsProse('Evaluate y with no padding, stride 1'), true);
  // Near misses: a formula with function names, Greek letters spelled out, a declared multi-letter symbol, one word of units.
  assert.equal(readsAsProse('sqrt(d_out) / sqrt(d_in)'), false);
  assert.equal(readsAsProse('alpha = sigma / sqrt(n)'), false);
  assert.equal(readsAsProse('lr * grad', ['lr', 'grad']), false);
  assert.equal(readsAsProse('2c d_out^2 d_in flops'), false);
  assert.equal(readsAsProse('2c\\,d_{out}^2 d_{in} \\text{ multiply-adds per iteration}'), false);
  assert.equal(gradeWithStaffKey(reply('Receptive field: L(K-1)+1'), 'chat.md').get('4.c'), 'correct');
});

test('struck-through text (`~~old~~ new`, `\\sout{old}`) is a withdrawn answer, never read', { skip: devSkip }, () => {
  const writeup = (c: string) => ['# HW4, corrected for the regrade', '', '## Problem 4', '', `**4(c)** ${c}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(writeup('Receptive field: ~~$K^L$~~ $L(K-1)+1$'), 'regrade.md').get('4.c'), 'correct');
  assert.equal(gradeWithStaffKey(writeup('Receptive field: \\sout{$K^L$} $L(K-1)+1$'), 'regrade.md').get('4.c'), 'correct');
  // The right answer withdrawn for a wrong one is the wrong one's grade.
  assert.equal(gradeWithStaffKey(writeup('Receptive field: ~~$L(K-1)+1$~~ $K^L$'), 'regrade.md').get('4.c'), 'incorrect');
  // Near miss: single tildes (about, `\\sim`) strike nothing out.
  assert.equal(gradeWithStaffKey(writeup('Receptive field ~ linear in L: $L(K-1)+1$, i.e. ~ L K for large K'), 'regrade.md').get('4.c'), 'correct');
  // The struck answer beside its replacement on a result's line, a remark with formulas of its own
  // under it: read, the struck one stood as the line's answer (the lines above pass without the reader).
  const corrected = (old: string, now: string) =>
    [
      '# HW4, regrade copy',
      '',
      '## Question 1',
      '',
      '**(a)** Each of the two products costs $c\\,d_{out}^2 d_{in}$.',
      '',
      `Total per step: ~~$${old}$~~ $${now}$`,
      '',
      '*Fixed: I had counted the $W W^\\top$ product alone, not the $d_{out}\\times d_{out}$ result times $W$.*',
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(corrected('c\\,d_{out}^2 d_{in}', '2c\\,d_{out}^2 d_{in}'), 'regrade.md').get('1.a'), 'correct');
  assert.notEqual(gradeWithStaffKey(corrected('2c\\,d_{out}^2 d_{in}', 'c\\,d_{out}^2 d_{in}'), 'regrade.md').get('1.a'), 'correct');
});

test("a shape's factors said `by` in plain text (`K by K by C`) are a product, each factor a formula", { skip: devSkip }, () => {
  const writeup = (shape: string) => ['Problem 4', '', '(a) One filter per output channel, each K x K over C channels.', 'weights = K^2 C F', 'biases = F', `output size = ${shape}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(writeup('⌊(W − K + 2P)/S⌋ + 1 by ⌊(H − K + 2P)/S⌋ + 1 by F'), 'shapes.txt').get('4.a'), 'correct');
  assert.equal(gradeWithStaffKey(writeup('floor((W - K + 2P)/S) + 1 by floor((H - K + 2P)/S) + 1 by F'), 'shapes.txt').get('4.a'), 'correct');
  // Near miss: a wrong factor said `by` is still wrong (no padding), and words said `by` give no shape.
  assert.notEqual(gradeWithStaffKey(writeup('floor((W - K)/S) + 1 by floor((H - K)/S) + 1 by F'), 'shapes.txt').get('4.a'), 'correct');
  assert.notEqual(gradeWithStaffKey(writeup('the input width by the input height by the filter count'), 'shapes.txt').get('4.a'), 'correct');
  // Under a label's colon, beside the other entries' labels, spaced wide: the line is offered whole
  // (plainByShapes), where the label's reader took its first factor alone.
  const entries = (out: string) => ['Problem 4', '', '(a)', 'Weights: K*K*C*F (F filters, each K x K x C)', 'Biases: F', `Output: ${out}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(entries('floor((W - K + 2P)/S) + 1  by  floor((H - K + 2P)/S) + 1  by  F'), 'shapes.txt').get('4.a'), 'correct');
  assert.notEqual(gradeWithStaffKey(entries('floor((W - K)/S) + 1  by  floor((H - K)/S) + 1  by  F'), 'shapes.txt').get('4.a'), 'correct');
});

test('a follow-up that owns a part as an answer already given (`your own (c) says ...`) asks only the part it names otherwise', { skip: devSkip }, () => {
  const chat = (followUp: string, redone: string) =>
    [
      'User: Question 4 (b) and (c): a max pooling layer of stride S and size K over W x H x C, its output shape? And L stacked K x K stride-1 convolutions, their receptive field?',
      '',
      'Assistant: (b) Output: ((W - K)/S) x ((H - K)/S) x C',
      '',
      '(c) Receptive field: L(K-1)+1',
      '',
      `User: ${followUp}`,
      '',
      `Assistant: ${redone}`,
      '',
    ].join('\n');
  // The part owned is the last one answered: read as a request for it, the redone (b) was graded as (c).
  const b = gradeWithStaffKey(chat('you dropped the +1 in (b). your own (c) adds one the same way, so redo (b)', 'Output: (floor((W - K)/S) + 1) x (floor((H - K)/S) + 1) x C'), 'chat.md');
  assert.equal(b.get('4.b'), 'correct');
  assert.equal(b.get('4.c'), 'correct');
  // Near miss: a follow-up that asks both parts again names no one part, and its reply is not read as (b)'s alone.
  const both = gradeWithStaffKey(chat('you dropped the +1 in (b), and redo (c) as well', 'Output: (floor((W - K)/S) + 1) x (floor((H - K)/S) + 1) x C'), 'chat.md');
  assert.equal(both.get('4.b'), 'incorrect');
});

test('an option worded with its alternative in brackets (`shift (time) invariance`) names the option', { skip: devSkip }, () => {
  assert.equal(checkAnswer({ type: 'choice', options: ['time invariance', 'shift invariance'] }, 'convolution has shift (time) invariance').verdict, 'correct');
  assert.equal(checkAnswer({ type: 'choice', options: ['time invariance'] }, 'what we see is time (translation) invariance').verdict, 'correct');
  // Near miss: a negation in brackets is no wording of the option, and a bracket elsewhere adds none.
  assert.equal(checkAnswer({ type: 'choice', options: ['time invariance'] }, 'time (not) invariance').verdict, 'incorrect');
  assert.equal(checkAnswer({ type: 'choice', options: ['time invariance'] }, 'linearity (superposition) only').verdict, 'incorrect');
});

test("a summary line's next subpart after a comma (`- 3(d)(i) as above; (ii) $...$`) is that subpart's, not the first's", { skip: devSkip }, () => {
  const chat = (summary: string) =>
    [
      'User: 3(d) x = [[1,2,3,4,5],[6,7,8,9,10],[11,12,13,14,15],[16,17,18,19,20],[21,22,23,24,25]], h = [[-1,-2,-1],[0,0,0],[1,2,1]] with equation (4): (i) stride 1, pad 1 and (ii) stride 2, pad 1?',
      '',
      'Assistant: (d)(i) $$\\begin{bmatrix} -19 & -28 & -32 & -36 & -29 \\\\ -30 & -40 & -40 & -40 & -30 \\\\ -30 & -40 & -40 & -40 & -30 \\\\ -30 & -40 & -40 & -40 & -30 \\\\ 49 & 68 & 72 & 76 & 59 \\end{bmatrix}$$',
      '',
      '(d)(ii) $$\\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}$$',
      '',
      'User: thanks, recap please',
      '',
      `Assistant: ${summary}`,
      '',
    ].join('\n');
  const g = gradeWithStaffKey(chat('- 3(d)(i) as computed above; (ii) $\\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}$'), 'chat.md');
  assert.equal(g.get('3.d.i'), 'correct');
  assert.equal(g.get('3.d.ii'), 'correct');
  // Near miss: a numeral after a comma before words is a reference, not the next subpart's answer; the line stays (i)'s.
  const words = gradeWithStaffKey(chat('- 3(d)(i) the same as before, (ii) sampled from it at stride 2'), 'chat.md');
  assert.equal(words.get('3.d.i'), 'correct');
  // A summary that starts at a later subpart is cut the same way; before words it is not.
  assert.equal(splitInlineLabels('- (d)(ii) the one above; (iii) $x = 2$'), '- (d)(ii) the one above\n(iii) $x = 2$');
  assert.equal(splitInlineLabels('- (d)(ii) the one above; (iii) the same again'), '- (d)(ii) the one above; (iii) the same again');
});
