import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { eqnAsLatex, roffAsMarkdown } from '../src/documents/roff.js';

// A groff -ms source with its formulas in eqn: requests are structure (`.NH` a numbered heading whose
// numbers groff makes, `.SH`, `.IP (c)`, `.LP`), eqn a formula language like StarMath (`over`, `sub`,
// `sup`, `sqrt`, `from ... to`, `DELTA`, `roman`), with `define` naming pieces and `delim` making
// inline formulas. A heading that is a question's title names that question. Documents of our own,
// with a near miss whose formulas differ from the key.

const graded = (file: string) => gradedFixtureFile('roff-eqn', file);

test('eqn reads as LaTeX: definitions written in as eqn writes them, Greek capitals, fonts and spaces dropped', () => {
  const defined = new Map([
    ['din', '{d sub in}'],
    ['sq', 'sup 2'],
  ]);
  assert.equal(eqnAsLatex('alpha = 1 over sqrt din', defined), '\\alpha = \\frac{1}{\\sqrt{d_{in}}}');
  assert.equal(eqnAsLatex('|| DELTA W || sub 2 <= sqrt {d sub out}'), '\\| \\Delta W \\|_{2} \\le \\sqrt{d_{out}}');
  assert.equal(eqnAsLatex('roman Var ( x ) = sigma sq ~ n', defined), 'Var(x) = \\sigma^{2} n');
  assert.equal(eqnAsLatex('sum from {i=1} to m x sub i'), '\\sum_{i = 1}^{m} x_{i}');
});

test('a text with a dot at some lines’ starts and no troff requests stays as it is', () => {
  const text = 'Notes\n.5 of the time it works\n.PP is a word here\n';
  assert.equal(roffAsMarkdown(text), text);
});

test('a groff -ms write-up: .NH titles name the questions, .NH 2 headings the parts, eqn displays and @...@ spans the answers', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('ms-numbered-sections-q4-q7.ms'), {
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    '4.c': 'correct: 1 + L (K - 1)',
    '7.b': 'correct: mean: 0; variance: (n - k + 1)^2 sigma_x^2 sigma_g^2; growth: and the standard deviation grows linearly in n.',
  });
});

test('near miss: eqn formulas that differ from the key stay wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('near-miss-ms-q4.ms'), {
    '4.b': 'incorrect: (W/S) × (H/S) × C',
    '4.c': 'incorrect: K^L',
  });
});
