import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainEquations, pieces, trimAnswer } from '../src/check/extract.js';
import { checkAnswer } from '../src/check/check.js';
import { checkFactorials, LIMITS, LimitError } from '../src/math/limits.js';
import { splitAtLabels } from '../src/documents/segment.js';

// Each function below returns early, before its patterns run, on text the patterns cannot change.
// These are the texts at the edge of each shortcut: the ones it must still hand to the patterns.
// (The expected values are what the functions gave before the shortcuts.)

test('trimAnswer: delimiters, end punctuation and spacing at the ends are still taken off', () => {
  assert.equal(trimAnswer('$x = 3$.'), 'x = 3');
  assert.equal(trimAnswer('x = 3 \\, '), 'x = 3');
  assert.equal(trimAnswer('y \\qquad'), 'y');
  assert.equal(trimAnswer('\\[ a + b \\]'), 'a + b');
  assert.equal(trimAnswer('\\(c\\)'), 'c');
  assert.equal(trimAnswer('n = 5;'), 'n = 5');
  // Near misses: spacing inside the answer and a factorial's mark stay.
  assert.equal(trimAnswer('a\\,b'), 'a\\,b');
  assert.equal(trimAnswer('3!'), '3!');
});

test('chainEquations: a chain needs two signs =, and only those before ≈ count', () => {
  assert.deepEqual(chainEquations('a = b = c'), ['a = b', 'a = c']);
  assert.deepEqual(chainEquations('a = b = c \\approx 2 = 3'), ['a = b', 'a = c']);
  // Near misses: one sign = is an equation, not a chain.
  assert.deepEqual(chainEquations('a = b'), []);
  assert.deepEqual(chainEquations('x \\le y = z'), []);
});

test('pieces: formulas side by side are parted at \\quad and at a worded "and"; one formula is no pieces', () => {
  assert.deepEqual(pieces('a = 1 \\qquad b = 2'), ['a = 1', 'b = 2']);
  assert.deepEqual(pieces('a = 1 \\text{ and } b = 2'), ['a = 1', 'b = 2']);
  // Near misses: a comma parts nothing here, and a trailing \quad leaves one piece.
  assert.deepEqual(pieces('a = 1, b = 2'), []);
  assert.deepEqual(pieces('a = 1 \\quad'), []);
});

test('checkFactorials: a factorial past the limit is refused; text with no ! is not', () => {
  assert.throws(() => checkFactorials(`${LIMITS.factorial + 1}!`), LimitError);
  assert.doesNotThrow(() => checkFactorials('5! + 3'));
  assert.doesNotThrow(() => checkFactorials(`${LIMITS.factorial + 1}^2`));
});

test('a bound is the same bound when its ratios agree, whichever test decides first', () => {
  const spec = { type: 'relation' as const, value: '\\alpha \\le \\frac{3}{\\sqrt{d}}' };
  const options = { symbols: { d: { positive: true }, alpha: {} } };
  assert.equal(checkAnswer(spec, '\\alpha \\le \\frac{6}{2\\sqrt{d}}', options).verdict, 'correct');
  assert.equal(checkAnswer(spec, '2\\alpha \\le \\frac{6}{\\sqrt{d}}', options).verdict, 'correct');
  // Near misses: another bound, and the same bound pointing the other way.
  assert.equal(checkAnswer(spec, '\\alpha \\le \\frac{3}{d}', options).verdict, 'incorrect');
  const wrongWay = checkAnswer(spec, '\\alpha \\ge \\frac{3}{\\sqrt{d}}', options);
  assert.equal(wrongWay.verdict, 'incorrect');
  assert.match(wrongWay.reason, /points the wrong way/);
});

test('comments in code label parts only when no line outside the code labels them', () => {
  const code = ['Answers below.', '```python', '# (a) output shape', 'def a(): return 1', '# (b) pooling', 'def b(): return 2', '```'].join('\n');
  assert.deepEqual(
    splitAtLabels(code).map((s) => s.label?.part),
    [undefined, 'a', 'b'],
  );
  // Near miss: a line outside the code labels (a), so the comments are code.
  assert.deepEqual(
    splitAtLabels(`(a) first\n${code}`).map((s) => s.label?.part),
    ['a'],
  );
});
