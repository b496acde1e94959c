import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';

const SYMBOLS = { c: { positive: true }, x: {}, y: {} };

function verdict(expected: string, answer: string) {
  return checkAnswer({ value: expected }, answer, { symbols: SYMBOLS });
}

test('Pythagorean identities are proved by exact algebra, without the CAS', () => {
  for (const [expected, answer] of [
    ['\\tan^2(c)+5', '\\sec^2(c) + 4'],
    ['\\sin^2 x + \\cos^2 x', '1'],
    ['\\cot^2 x + 1', '\\csc^2 x'],
    ['\\frac{1-\\cos^2 x}{\\sin x}', '\\sin x'],
    ['\\sin^4 x - \\cos^4 x', '\\sin^2 x - \\cos^2 x'],
    ['\\tan x \\cos x', '\\sin x'],
    ['\\sin(x+x)', '\\sin(2x)'],
  ]) {
    const r = verdict(expected!, answer!);
    assert.equal(r.verdict, 'correct', `${expected} vs ${answer}: ${r.reason}`);
    assert.equal(r.check, 'exact', `${expected} vs ${answer}: decided by ${r.check}`);
  }
});

test('near misses of the identities stay wrong, and other identities are not refuted by the exact stage', () => {
  for (const [expected, answer] of [
    ['\\tan^2(c)+5', '\\sec^2(c) + 5'],
    ['\\sin^2 x + \\cos^2 y', '1'],
    ['\\cot^2 x + 1', '\\csc^2 (2x)'],
    ['\\sin^4 x - \\cos^4 x', '\\cos^2 x - \\sin^2 x'],
    ['\\sin x', '\\cos x'],
    ['\\sin^2 x', '\\sin x^2'],
  ]) {
    const r = verdict(expected!, answer!);
    assert.equal(r.verdict, 'incorrect', `${expected} vs ${answer}: ${r.reason}`);
  }
  // Equal by the double-angle identity, which the exact stage does not know: it must say
  // "cannot tell" (left to the points), never "different".
  const r = verdict('\\sin(2x)', '2\\sin x \\cos x');
  assert.equal(r.verdict, 'correct', r.reason);
  assert.notEqual(r.check, 'exact');
});

test('sin^{-1} is the inverse sine, as mathematics writes it; (sin x)^{-1} stays the reciprocal', () => {
  assert.equal(verdict('\\sin^{-1}(x)', '\\arcsin x').verdict, 'correct');
  assert.equal(verdict('\\tan^{-1}(1)', '\\frac{\\pi}{4}').verdict, 'correct');
  assert.equal(verdict('\\cos^{-1} x', '\\arccos(x)').verdict, 'correct');
  // Near misses: the reciprocal is another function, and so is sin² (a power, not an inverse).
  assert.equal(verdict('\\sin^{-1}(x)', '\\frac{1}{\\sin x}').verdict, 'incorrect');
  assert.equal(verdict('(\\sin x)^{-1}', '\\csc x').verdict, 'correct');
  assert.equal(verdict('(\\sin x)^{-1}', '\\arcsin x').verdict, 'incorrect');
  assert.equal(verdict('\\sin^2 x', '\\arcsin(x)^2').verdict, 'incorrect');
  // An inverse the checker cannot evaluate is said so, not read as a reciprocal.
  const r = verdict('\\sec^{-1}(2)', '1');
  assert.equal(r.verdict, 'undecided');
  assert.match(r.reason, /inverse sec/);
});
