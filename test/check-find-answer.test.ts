import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatesFor, foundIn, statesName } from '../src/check/find-answer.js';

test("one finder orders a response for a named answer: its labelled lines first, a sibling's statement never", () => {
  const text = 'The shifted outputs are\n\n$$g_3 = (0, 0.8, 0)$$\n\nand\n\n$$g_4 = (0.8, 0, 0)$$\n\n- Weights: $K^2 C F$\n- Biases: $F$';
  const g4 = candidatesFor(text, { name: 'g4', siblings: ['g3'] });
  assert.equal(g4.named, true);
  assert.ok(statesName(g4.candidates[0]!.text, 'g4'), g4.candidates[0]!.text);
  assert.ok(!g4.candidates.some((c) => statesName(c.text, 'g3')));
  const weights = candidatesFor(text, { name: 'weights', siblings: ['biases'] });
  assert.equal(weights.candidates[0]!.text, 'K^2 C F');
  // Near miss: a name the response never states or labels is not "named"; the order is the finder's.
  const other = candidatesFor(text, { name: 'output_shape', siblings: ['weights', 'biases'] });
  assert.equal(other.named, false);
});

test('one finder: the shape dimension lines give, and the cases a piecewise answer lists, come first when the key asks for them', () => {
  const shape = candidatesFor('- Width: $W - K + 1$\n- Height: $H - K + 1$\n- Channels: $F$', { shape: true });
  assert.equal(shape.candidates[0]!.text, '(W - K + 1) \\times (H - K + 1) \\times (F)');
  const cases = candidatesFor('- $n < 0$: $y[n] = 0$\n- $n \\ge 0$: $y[n] = 2^{-n}$', { cases: true });
  assert.match(cases.candidates[0]!.text, /\\begin\{cases\}/);
});

test('one finder: a response is searched once, whatever asks for it', () => {
  const text = 'Answer: $\\boxed{42}$';
  assert.equal(foundIn(text), foundIn(text));
  assert.equal(candidatesFor(text, {}).candidates[0]!.text, '42');
});
