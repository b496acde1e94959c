import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// Several named answers stated on one line in words, each `<name> <value>` pair at a top-level comma
// or semicolon (`weights K²·C·F, biases F, output shape ...`), with `=`, `:` or no sign between: each
// name takes the value after it, up to the next pair, as `weights: K²CF; biases: F` would give it.
// Before, no pair named its answer and every answer took the line's last formula. Texts of our own,
// in the staff key's symbols, with near misses that must stay wrong.

const OUT = '(⌊(W − K + 2P)/S⌋ + 1) × (⌊(H − K + 2P)/S⌋ + 1) × F';

/** Part 4.a of a short write-up whose answer is `line`: its verdict and what was read. */
function part4a(line: string): { verdict: string; answer: string } {
  const text = `Homework 4, question 4 (my answers)\n\n(a)\n\n${line}\n`;
  const part = gradedPartsWithStaffKey(text, 'notes.txt').find((p) => p.id === '4.a')!;
  return { verdict: part.verdict, answer: part.answer ?? '' };
}

test('pairs of a name and its value on one line give each answer its own value, with or without a sign', { skip: devSkip }, () => {
  for (const line of [
    `weights K·K·C·F, biases F, output shape ${OUT}`,
    `weights = K²·C·F, biases = F, output shape = ${OUT}`,
    `weights: K·K·C·F; biases: F; output shape: ${OUT}`,
    `The layer has weights K·K·C·F, biases F, and the output shape is ${OUT}.`,
  ]) {
    const got = part4a(line);
    assert.equal(got.verdict, 'correct', line);
    assert.match(got.answer, /^weights: K[ ^]*K?[ ^2]*C F; biases: F; output_shape: /, line);
  }
});

test('a fixed-width table row wrapped onto the next line reads each name from its own pair', { skip: devSkip }, () => {
  const row = `  Part   answer                                                    grade\n  4a     weights K·K·C·F, biases F,\n         output shape ${OUT}        fine`;
  const got = part4a(row);
  assert.equal(got.verdict, 'correct');
  assert.match(got.answer, /^weights: K K C F; biases: F; output_shape: /);
});

test('near misses: a wrong value stays wrong for its own name only, and values under the wrong names stay wrong', { skip: devSkip }, () => {
  // The biases counted per input channel: the weights and the shape keep their credit.
  const oneWrong = part4a(`weights K·K·C·F, biases C·F, output shape ${OUT}`);
  assert.equal(oneWrong.verdict, 'partial');
  assert.match(oneWrong.answer, /^weights: K K C F; biases: C F; /);
  // The weights' and the biases' values swapped: both names hold the other's value.
  const swapped = part4a(`biases K·K·C·F, weights F, output shape ${OUT}`);
  assert.equal(swapped.verdict, 'partial');
  assert.match(swapped.answer, /^weights: F; biases: K K C F; /);
  // Padding counted once: the output shape alone is wrong.
  const shape = part4a('weights K·K·C·F, biases F, output shape ((W − K + P)/S + 1) × ((H − K + P)/S + 1) × F');
  assert.equal(shape.verdict, 'partial');
  assert.match(shape.answer, /^weights: K K C F; biases: F; output_shape: \(\(W - K \+ P\)/);
});
