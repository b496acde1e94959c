import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Several named answers in a write-up in another language (`Gewichte: … / Bias: … / Ausgabe: …`,
// `Sesgos: F … / Pesos: …`, `权重 K²CF，偏置 F，输出 …`): each name takes the value written after it, as
// the key's English names would, in any order; a spaced dash and then prose in any language ends
// the formula before it. Write-ups of our own, with near misses that must stay wrong: biases given as
// the output's size, and a pooling shape with the filters' count for its channels.

const graded = (file: string) => gradedFixtureFile('named-values-languages', file);
const OUT = '(⌊(W + 2 P - K)/S⌋ + 1) × (⌊(H + 2 P - K)/S⌋ + 1) × F';
const POOL = '(⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1)';

test('a German blog post: labels in German give each answer its value; a dash then German prose ends the pooling shape', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('german-blog.md'), {
    '4.a': `correct: weights: K^2 C F; biases: F; output_shape: ${OUT}`,
    '4.b': `correct: ${POOL} × C`,
  });
});

test('a Chinese note: pairs on one line separated by full-width commas; a double dash then Chinese prose ends the shape', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('zhihu-note.md'), {
    '4.a': `correct: weights: K^2 C F; biases: F; output_shape: ${OUT}`,
    '4.b': `correct: ${POOL} × C`,
  });
});

test('near misses: Spanish labels in another order read right, but a pooling shape with F channels stays wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('spanish-apuntes.txt'), {
    '4.a': 'correct: weights: K K C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
    '4.b': `incorrect: ${POOL} × F`,
  });
});

test('near miss: Ukrainian biases given as the output size stay wrong (the part partial)', { skip: devSkip }, async () => {
  const got = await graded('ukrainian-dou-post.txt');
  assert.equal(got['4.a'], `partial: weights: K^2 C F; biases: ${OUT}; output_shape: ${OUT}`);
  assert.equal(got['4.b'], `correct: ${POOL} × C`);
});
