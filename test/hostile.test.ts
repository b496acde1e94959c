import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CheckPool } from '../src/check/pool.js';
import { checkAnswer } from '../src/check/check.js';
import { HOSTILE_ANSWERS } from './fixtures/hostile.js';

// Real worker threads with the CAS loaded, as `partcredit check` runs them.
const pool = new CheckPool({ threads: 2 });
after(() => pool.close());


for (const [name, answer] of HOSTILE_ANSWERS) {
  test(`hostile input answered within 2 s: ${name}`, async () => {
    const t0 = performance.now();
    const r = await pool.check({ spec: { value: '5' }, answer });
    const ms = performance.now() - t0;
    assert.ok(ms < 2500, `${name} took ${ms.toFixed(0)} ms`);
    assert.ok(['unparseable', 'undecided'].includes(r.verdict), `${name}: ${r.verdict} — ${r.reason}`);
    assert.ok(r.reason.length > 0);
  });
}

test('a check past the time limit is stopped, and the pool goes on', async () => {
  // A pool with a short limit, and a check that takes longer than it: the worker is terminated.
  const strict = new CheckPool({ threads: 1, timeoutMs: 30 });
  // Two million terms of nested sums (inside the work budget) take far longer than 30 ms.
  const slow = strict.check({ spec: { value: 'n' }, answer: '\\sum_{k=1}^{10000} \\sum_{j=1}^{199} \\frac{k j}{n}' });
  const fine = pool.check({ spec: { value: '2 c d' }, answer: '2 d c' });
  const [a, b] = await Promise.all([slow, fine]);
  assert.equal(a.verdict, 'undecided');
  assert.match(a.reason, /longer than 30 ms/);
  assert.equal(b.verdict, 'correct');
  // The terminated worker was replaced: the strict pool still answers.
  const after = await strict.check({ spec: { value: '1473' }, answer: '1,473' });
  assert.equal(after.verdict, 'correct');
  await strict.close();
});

test('a hostile expected answer is a key problem, not a crash', () => {
  const r = checkAnswer({ value: '\\frac{1}{' }, '1');
  assert.equal(r.verdict, 'undecided');
  assert.match(r.reason, /expected answer could not be read/);
});

test('the same inputs give the same verdicts and reasons', () => {
  const a = checkAnswer({ value: '2 c d_{out}^2 d_{in}' }, '2 c d_{out} d_{in}^2');
  const b = checkAnswer({ value: '2 c d_{out}^2 d_{in}' }, '2 c d_{out} d_{in}^2');
  assert.equal(a.reason, b.reason);
  assert.equal(a.verdict, 'incorrect');
});
