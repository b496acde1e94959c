import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CheckPool } from '../src/check/pool.js';
import { checkAnswer } from '../src/check/check.js';
import { HOSTILE_ANSWERS } from './fixtures/hostile.js';

// Real worker threads with the CAS loaded, as `partcredit check` runs them.
const pool = new CheckPool({ threads: 2 });
after(() => pool.close());
// The workers boot (load the CAS) before any case is timed: the cases bound the checks, not the boot.
before(async () => {
  await Promise.all([0, 1].map(() => pool.check({ spec: { value: 'x + 1' }, answer: '1 + x', symbols: { x: {} } })));
});

/** One stub worker (test/fixtures/stub-worker.ts) with a 100 ms limit and no inline checks: the limits tested whatever the machine's speed. */
const stubPool = () => new CheckPool({ threads: 1, timeoutMs: 100, inline: false, workerUrl: new URL('./fixtures/stub-worker.js', import.meta.url) });

for (const [name, answer] of HOSTILE_ANSWERS) {
  test(`hostile input answered within its limit: ${name}`, async () => {
    const t0 = performance.now();
    const r = await pool.check({ spec: { value: '5' }, answer });
    const wall = performance.now() - t0;
    // The check's own time is bounded by the limit (1.5 s); the wall time may include a
    // replaced worker's boot on a loaded machine, so it only has to show nothing hangs.
    assert.ok((r.ms ?? 0) < 2500, `${name} took ${r.ms} ms`);
    assert.ok(wall < 60_000, `${name} waited ${wall.toFixed(0)} ms`);
    assert.ok(['unparseable', 'undecided'].includes(r.verdict), `${name}: ${r.verdict} — ${r.reason}`);
    assert.ok(r.reason.length > 0);
  });
}

test('a check past the time limit is stopped, and the pool goes on', async () => {
  // A worker that hangs on `hang` (test/fixtures/stub-worker.ts): the limit is tested on its
  // own, whatever the machine's speed. Every check goes to a worker here (no inline checks).
  const strict = stubPool();
  const slow = strict.check({ spec: { value: 'n' }, answer: 'hang' });
  const fine = pool.check({ spec: { value: '2 c d' }, answer: '2 d c' });
  const [a, b] = await Promise.all([slow, fine]);
  assert.equal(a.verdict, 'undecided');
  assert.match(a.reason, /longer than 100 ms/);
  assert.equal(b.verdict, 'correct');
  // The terminated worker was replaced: the strict pool still answers.
  const after = await strict.check({ spec: { value: '1473' }, answer: '1,473' });
  assert.equal(after.verdict, 'correct');
  await strict.close();
});

test('a check whose worker waits unscheduled is not stopped for the wait, up to eight times its limit', async (t) => {
  // On a loaded machine a worker can wait past the limit without running; it was answered
  // "undecided", so the same input got another verdict from one run to the next. The stub's
  // `sleep N` waits without using the CPU, as a thread the machine does not schedule.
  if (!existsSync('/proc/thread-self')) return t.skip('threads CPU times are read from Linux /proc');
  const strict = stubPool();
  try {
    const waited = await strict.check({ spec: { value: 'n' }, answer: 'sleep 400' });
    assert.equal(waited.verdict, 'correct', waited.reason);
    // Past eight times the limit a worker is stopped all the same: a stuck thread cannot hold the queue.
    const stuck = await strict.check({ spec: { value: 'n' }, answer: 'sleep 5000' });
    assert.equal(stuck.verdict, 'undecided');
    assert.match(stuck.reason, /longer than 100 ms/);
    assert.ok((stuck.ms ?? 0) < 4000, `stopped after ${stuck.ms} ms`);
    // A check that works past its limit is stopped as before (the first test's case, on this pool).
    const hung = await strict.check({ spec: { value: 'n' }, answer: 'hang' });
    assert.equal(hung.verdict, 'undecided');
  } finally {
    await strict.close();
  }
});

test('loading the CAS does not count against a check time limit; the check after it still does', async () => {
  // On a loaded machine the CAS can take seconds to load: a symbolic check that waited for it
  // was once answered "took longer than 1500 ms" without being tried.
  const strict = stubPool();
  try {
    const loaded = await strict.check({ spec: { value: 'n' }, answer: 'cas' });
    assert.equal(loaded.verdict, 'correct', loaded.reason);
    const hung = await strict.check({ spec: { value: 'n' }, answer: 'cas-hang' });
    assert.equal(hung.verdict, 'undecided');
    assert.match(hung.reason, /longer than 100 ms/);
  } finally {
    await strict.close();
  }
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
