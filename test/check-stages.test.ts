import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';
import { prepareExpected } from '../src/check/prepare-expected.js';
import { WorkBudget } from '../src/math/evaluate.js';

test('stages: each result names the stage that decided', () => {
  assert.equal(checkAnswer({ value: '\\frac{1}{' }, '1').stage, 'prepare');
  assert.equal(checkAnswer({ value: '5' }, 'bad \u0001 bytes').stage, 'extract');
  assert.equal(checkAnswer({ value: 'x^2' }, '\\frac{1}{').stage, 'read');
  assert.equal(checkAnswer({ value: 'x^2' }, 'y^2').stage, 'normalise');
  assert.equal(checkAnswer({ value: 'x^2' }, 'x \\cdot x').stage, 'compare');
});

test('prepareExpected: a key answer is compiled once, with its type and every symbol it uses', () => {
  const p = prepareExpected({ value: 'c = \\frac{1}{\\sqrt{d_{in}}}' }, { c: { positive: true } });
  assert.equal(p.kind, 'value');
  if (p.kind !== 'value') return;
  assert.equal(p.type, 'equation');
  // d_in is defined by the key's own answer although only c was declared.
  assert.ok(p.names.has('d_in') && p.names.has('c'));
  assert.deepEqual(p.symbols.c, { positive: true });
  const problem = prepareExpected({ value: '' });
  assert.equal(problem.kind, 'problem');
});

test('work budget: it travels with the check, and a nested or repeated check shares it', () => {
  const sum = '\\sum_{k=1}^{400} k';
  assert.equal(checkAnswer({ value: '80200' }, sum).verdict, 'correct');
  const budget = new WorkBudget(1200);
  assert.equal(checkAnswer({ value: '80200' }, sum, { budget }).verdict, 'correct');
  assert.ok(budget.remaining < 1200, 'the check spent from the budget it was given');
  // The same budget, partly spent: the second check runs out.
  const second = checkAnswer({ value: '80200' }, sum, { budget });
  assert.equal(second.verdict, 'undecided');
  assert.match(second.reason, /terms in all/);
});

test('extracted candidates: a formula grading already found is checked without a second search, to the same result', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { answerCandidates } = await import('../src/check/extract.js');
  const dir = new URL('../../examples/demo/submissions/', import.meta.url);
  const specs = [{ value: '28 \\times 28 \\times 16' }, { value: 'c = \\frac{1}{\\sqrt{d_{in}}}' }, { value: '1216' }];
  let compared = 0;
  for (const file of readdirSync(dir)) {
    for (const c of answerCandidates(readFileSync(new URL(file, dir), 'utf8'))) {
      if (c.how !== 'boxed' && c.how !== 'display' && c.how !== 'inline') continue;
      for (const spec of specs) {
        const searched = checkAnswer(spec, c.text);
        const given = checkAnswer(spec, c.text, { extracted: true });
        assert.deepEqual([given.verdict, given.answer, given.reason], [searched.verdict, searched.answer, searched.reason], c.text);
        compared++;
      }
    }
  }
  assert.ok(compared > 30, `only ${compared} candidates compared`);
  // A candidate with prose or delimiters left in it is still searched.
  assert.equal(checkAnswer({ value: '5' }, 'so the answer is $5$', { extracted: true }).verdict, 'correct');
  assert.equal(checkAnswer({ value: '5' }, '\\therefore x = 5', { extracted: true }).verdict, 'correct');
});

test("a key answer's verdicts are reused for the same candidate: the same result, as a copy; a shared budget is asked afresh", () => {
  const spec = { value: 'c = \\frac{1}{\\sqrt{d_{in}}}' };
  const symbols = { c: { positive: true }, d_in: { positive: true } };
  const first = checkAnswer(spec, 'c = d_{in}^{-1/2}', { symbols });
  const again = checkAnswer(spec, 'c = d_{in}^{-1/2}', { symbols });
  assert.equal(first.verdict, 'correct');
  assert.deepEqual({ ...again, ms: 0 }, { ...first, ms: 0 });
  // What a caller does to its result never reaches the next caller's.
  first.verdict = 'incorrect';
  first.reason = 'changed by a caller';
  assert.equal(checkAnswer(spec, 'c = d_{in}^{-1/2}', { symbols }).verdict, 'correct');
  // Near misses: another candidate, and a check with a shared budget, are checked, not reused.
  assert.equal(checkAnswer(spec, 'c = d_{in}^{-1}', { symbols }).verdict, 'incorrect');
  const sum = '\\sum_{k=1}^{400} k';
  const total = { value: '80200' };
  assert.equal(checkAnswer(total, sum).verdict, 'correct');
  assert.equal(checkAnswer(total, sum, { budget: new WorkBudget(10) }).verdict, 'undecided');
  assert.equal(checkAnswer(total, sum).verdict, 'correct');
});
