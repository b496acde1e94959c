import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { namedByDefinition } from '../src/grade/question-statements.js';

// A part with several named answers (7.a: the gradient dw_{h,l} and the weight after one SGD step).
// Two facts of how people write them: a value belongs to the answer whose role it plays — a formula
// with the learning rate is the writer's update, never their gradient, whatever line it stands on —
// and the gradient the question calls dw_{h,l} (defined as ∂L/∂w_{h,l}) is the same quantity written
// in Leibniz's notation any way (`dL/dw_{hl}`, `∂L/∂w_{h,l}` with a slash, `\frac{dL}{dw_{h,l}}`).
// Near misses: a flipped (convolution) or shifted index, and the derivative by another variable, stay wrong.

const graded = async (file: string) => (await gradedFixtureFile('named-answer-roles', file))['7.a'];

test('the loss derivative written with a slash or a d-fraction is the dw_{h,l} the question names', { skip: devSkip }, async () => {
  const right = 'correct: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}';
  assert.equal(await graded('leibniz-slash-chat.md'), right);
  assert.equal(await graded('plain-notes.txt'), right);
  assert.equal(await graded('dfrac-writeup.md'), right);
});

test('an update whose sign was flipped after pushback (written out in full) is the update; the gradient stays the one stated before', { skip: devSkip }, async () => {
  assert.equal(
    await graded('caved-sign-chat.md'),
    'partial: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} + eta sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1}))',
  );
  // Near miss: the gradient stated before was itself wrong (a shifted index), so both are.
  assert.equal(
    await graded('near-miss-caved-shifted.md'),
    'incorrect: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h,j + l})); update: w_{h,l} + eta sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h,j + l}))',
  );
});

test('near misses: a flipped or shifted index, or the derivative by y, is not the key’s', { skip: devSkip }, async () => {
  assert.match(
    (await graded('near-miss-flipped.md')) ?? '',
    /^partial: gradient: dw_\{h,l\} = sum\(i=1\.\.m, sum\(j=1\.\.m, dy_\{i,j\} x_\{i - h \+ 1,j - l \+ 1\}\)\); update: w_\{h,l\} - eta dw_\{h,l\}$/,
  );
  assert.match((await graded('near-miss-shifted.md')) ?? '', /^incorrect: /);
});

test('a derivative is renamed only when it is the one the question names: same function, same variable, same indices', () => {
  const given = [{ left: 'dw_{h,l}', right: String.raw`\frac{\partial \mathcal{L}}{\partial w_{h,l}}` }];
  assert.deepEqual(namedByDefinition('w_{h,l} - eta * dL/dw_{h,l}', given), ['w_{h,l} - eta * dw_{h,l} ']);
  assert.deepEqual(namedByDefinition(String.raw`w_{h,l} - \eta \frac{dL}{dw_{h,l}}`, given), [String.raw`w_{h,l} - \eta dw_{h,l} `]);
  assert.deepEqual(namedByDefinition('w_{h,l} - eta * dL/dw_{i,j}', given), []);
  assert.deepEqual(namedByDefinition('w_{h,l} - eta * dL/dy_{h,l}', given), []);
  assert.deepEqual(namedByDefinition('w_{h,l} - eta * dE/dw_{h,l}', given), []);
  // `and L/d...` in prose: a `d` inside a word is no derivative sign.
  assert.deepEqual(namedByDefinition('band L/dw_{h,l}', given), []);
});
