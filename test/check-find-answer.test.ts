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

test("one finder: a labelled line's statement goes on over the lines its paragraph wraps onto, and stops at the next label or item", () => {
  // A list item written over two lines (Markdown's continuation, and how a PDF's page wraps it).
  const wrapped = '- **Variance:** the terms are uncorrelated with variance $\\sigma^2$ each,\n  so $\\operatorname{Var}(w) = m^2 \\sigma^2$.\n- **Mean:** $0$';
  const variance = candidatesFor(wrapped, { name: 'variance', siblings: ['mean'] });
  assert.match(variance.candidates[0]!.text, /so \$\\operatorname\{Var\}\(w\) = m\^2 \\sigma\^2/);
  // Near misses: the next item (and a blank line) end the statement; the sibling's value never joins it.
  assert.equal(candidatesFor(wrapped, { name: 'mean', siblings: ['variance'] }).candidates[0]!.text, '0');
  const apart = candidatesFor('Variance: $\\sigma^2$\n\nSo the mean is $5$.', { name: 'variance', siblings: ['mean'] });
  assert.equal(apart.candidates[0]!.text, '\\sigma^2');
  // A statement that leads on ("each, so") is ended by the display after it; one that is finished is not.
  const display = (lead: string) => candidatesFor(`**Variance:** ${lead}\n\n$$\\operatorname{Var}(w) = m^2 \\sigma^2$$\n\n**Mean:** $0$`, { name: 'variance', siblings: ['mean'] });
  assert.match(display('the terms add up, so').candidates[0]!.text, /so \$\$\\operatorname\{Var\}\(w\) = m\^2/);
  assert.equal(display('$\\sigma^2$ per term.').candidates[0]!.text, '\\sigma^2$ per term');
});
