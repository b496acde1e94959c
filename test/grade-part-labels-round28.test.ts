import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { restartsQuestion } from '../src/documents/restarted-labels.js';

// Blind round 28's part labels read into the wrong question or not at all (issue 9), by class, each
// in documents of our own, not the round's, with near misses that must stay as they were.

const partsOf = (text: string, name = 't.md') => readWithStaffKey(text, name).responses.map((r) => r.partId);

// A study-group bot's log copied as plain text (no turn the reader knows): the person retypes a part
// of the one question named at the top, the bot answers it under the same letter.
const log = (asker = '', replier = '') =>
  [
    'Question 4 (CNN feature shapes), what the study-group bot said',
    '',
    `${asker}(b) a max pooling layer with window K and stride S: what output shape does it give?`,
    '',
    `${replier}Pooling works on each channel by itself, so the depth does not change.`,
    '',
    '(b) The output is $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$,',
    'one window per stride step along each side.',
    '',
    `${asker}(c) L conv layers stacked, filter K, stride 1 each. what is the receptive field of the last output?`,
    '',
    `${replier}(c) Each layer adds K - 1 to the side:`,
    '$$r = 1 + L(K-1)$$',
    '',
  ].join('\n');

/** Question 4's parts answered in turn, each with a line of working, then `after`. */
const question4 = (after: string[]) =>
  [
    'Problem 4',
    '',
    '(a) Each filter is K x K x C:',
    '$K^2 C F$ weights and $F$ biases; output $(\\lfloor (W-K+2P)/S \\rfloor + 1) \\times (\\lfloor (H-K+2P)/S \\rfloor + 1) \\times F$',
    '',
    '(b) Pooling keeps the depth:',
    '$(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$',
    '',
    '(c) Each layer widens it by K - 1:',
    '$1 + L(K-1)$',
    '',
    '(d) it doubles; a quarter of the computation per later layer',
    'since there are 4x fewer positions.',
    '',
    '(e) see the table I attached',
    'with the parameter counts.',
    '',
    '(f) by circular shift invariance:',
    '$g_3 = [0, 0.8, 0]^T$, $g_4 = [0.8, 0, 0]^T$',
    '',
    ...after,
  ].join('\n');

test("a part's letter again under its one question (its statement retyped, then the answer) is that part, not the next question's", { skip: devSkip }, () => {
  // Read as a write-up: no turn is found.
  const plain = readWithStaffKey(log(), 'log.txt');
  assert.equal(plain.format, 'writeup');
  assert.deepEqual(
    plain.responses.map((r) => r.partId),
    ['4.b', '4.c'],
  );
  const g = gradeWithStaffKey(log(), 'log.txt');
  assert.deepEqual([g.get('4.b'), g.get('4.c')], ['correct', 'correct']);
  // The same log with turns the reader knows: the same parts (the chat's reading had no such repeat rule).
  const chat = log('User: ', 'Assistant: ');
  assert.notEqual(readWithStaffKey(chat, 'chat.md').format, 'writeup');
  assert.deepEqual(partsOf(chat, 'chat.md'), ['4.b', '4.c']);
  const h = gradeWithStaffKey(chat, 'chat.md');
  assert.deepEqual([h.get('4.b'), h.get('4.c')], ['correct', 'correct']);
});

test('both parts of a question pasted, then answered in the other order: the letters going back are the pasted parts answered', { skip: devSkip }, () => {
  const pasted = [
    'Problem 1 — pasted into the assistant',
    '',
    '(a) what is the runtime of one Newton-Schulz iteration?',
    '(b) if d_out >> d_in, how can p(W) be computed faster, and in what runtime?',
    '',
    '(b) Multiply in the other order, through the Gram matrix:',
    '$$p(W) = \\tfrac12 W(3I - W^\\top W)$$',
    'which costs $2c\\,d_{out} d_{in}^2$.',
    '',
    '(a) The two products with $WW^\\top$ dominate:',
    '$$2c\\,d_{out}^2 d_{in}$$',
    '',
  ].join('\n');
  assert.deepEqual(partsOf(pasted), ['1.a', '1.b']);
  const g = gradeWithStaffKey(pasted);
  assert.deepEqual([g.get('1.a'), g.get('1.b')], ['correct', 'correct']);
});

test("a recap of a question's parts after their answers restates them; the next question begun with no number still is that question", { skip: devSkip }, () => {
  const recap = question4(['Recap:', '(a) $K^2CF$ weights, $F$ biases', '(b) $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$', '(c) $1 + L(K-1)$', '']);
  assert.deepEqual(partsOf(recap), ['4.a', '4.b', '4.c', '4.d', '4.e', '4.f']);
  // Near miss: every part of question 4 answered, then letters that start again with working of their
  // own (question 7's (a) left blank, its number never written): question 7.
  const next = question4([
    '(b) Each term has mean zero, so the mean is 0; the variance adds over the m^2 terms:',
    '$$\\mathrm{Var} = (n-k+1)^2 \\sigma_x^2 \\sigma_g^2$$',
    '',
    '(c) Only the maximum of each window passes the gradient on:',
    'the others get 0.',
    '',
  ]);
  assert.deepEqual(partsOf(next), ['4.a', '4.b', '4.c', '4.d', '4.e', '4.f', '7.b', '7.c']);
});

test('restartsQuestion: a new run needs every cue; any one missing keeps the part', () => {
  const run = { letter: 'b', previous: 'f', lastAnswered: true, statedOnly: false, text: 'working\n$x = 1$', longer: true };
  assert.equal(restartsQuestion(run), true);
  assert.equal(restartsQuestion({ ...run, statedOnly: true }), false);
  assert.equal(restartsQuestion({ ...run, letter: 'f' }), false);
  assert.equal(restartsQuestion({ ...run, lastAnswered: false }), false);
  assert.equal(restartsQuestion({ ...run, text: ' $x = 1$\n\n' }), false);
  // (One line again after one-line answers is the next run's.)
  assert.equal(restartsQuestion({ ...run, text: ' $x = 1$\n\n', longer: false }), true);
  const { previous: _, ...first } = run;
  assert.equal(restartsQuestion(first), false);
});

test("an online assignment's dotted numbers (`Question 4.2`) are the question's lettered parts; a title in the statement's words names one too", { skip: devSkip }, () => {
  const quiz = [
    'Canvas quiz: HW4 written part (attempt 1 of 1)',
    'Score for this attempt: pending review',
    '',
    'Question 4.2    pts 0 / 2',
    'Output shape of the pooling layer',
    'Your answer:',
    '(floor((W - K)/S) + 1) x (floor((H - K)/S) + 1) x C',
    '',
    'Question 4.3    pts 0 / 2',
    'Receptive field',
    'Your answer:',
    '1 + L(K - 1)',
    '',
  ].join('\n');
  assert.deepEqual(partsOf(quiz), ['4.b', '4.c']);
  const g = gradeWithStaffKey(quiz);
  assert.deepEqual([g.get('4.b'), g.get('4.c')], ['correct', 'correct']);
  // With no question word: each title in the words of the part it numbers.
  const titled = [
    'My HW4 answers',
    '',
    '4.2 Output feature shape of the max pooling layer',
    '',
    '$(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$',
    '',
    '4.3 Receptive field size of the last output',
    '',
    '$1 + L(K-1)$',
    '',
  ].join('\n');
  assert.deepEqual(partsOf(titled), ['4.b', '4.c']);
  // A part's subpart numbered a level further: 3.4.2 is 3(d)(ii).
  assert.deepEqual(partsOf(['Q3.3 Evaluate y, no padding', 'all -40', '', 'Q3.4.2 Stride 2, pad 1', '[[-19, -32, -29], [-30, -40, -30], [49, 72, 59]]', ''].join('\n')), ['3.c', '3.d.ii']);
});

test("near misses: a report's numbered sections, a book's exercise numbers and values at a line's start name no part", { skip: devSkip }, () => {
  const report = [
    '# Evaluating a model on HW4',
    '',
    '## 4 Experiments',
    '',
    '4.1 Setup',
    '',
    'We asked each question once, with no hints, at temperature 0.',
    '',
    '4.2 Results',
    '',
    'The output shape it gave was $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$.',
    '',
    '4.3 Discussion',
    '',
    'It found $1 + L(K-1)$ for the receptive field, as in Section 2.2.',
    '',
  ].join('\n');
  assert.deepEqual(partsOf(report), []);
  // Question 7 has four parts: 7.5 and 7.6 are some other numbering, and so is 7.1 beside them.
  assert.deepEqual(partsOf(['Problem 7.1 from the textbook', '$0$', '', 'Problem 7.5', '$1 + L(K-1)$', '', 'Problem 7.6', '$0$', ''].join('\n')), []);
  assert.deepEqual(partsOf(['Question 2', '', '2.2 is the gain I used,', '2.5 the other one.', ''].join('\n')), []);
});
