import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore } from '../src/store/db.js';
import { CLI, ROOT, runCliAsync } from './fixtures/cli.js';
import { PART_RULES } from './fixtures/demo-model.js';
import { startLlmServer, TEST_KEY } from './fixtures/llm-server.js';
import { dropTestDatabases, ENGINES } from './fixtures/pg.js';
import { spawn } from 'node:child_process';

const KEY = join(ROOT, 'examples', 'demo', 'key.yaml');
const ENV = { OPENAI_API_KEY: TEST_KEY, PARTCREDIT_API_KEY: TEST_KEY };
const server = await startLlmServer({ rules: PART_RULES });
after(async () => {
  await server.close();
  await dropTestDatabases();
});

// `run` and `compare` on each engine, through the CLI as a user runs them: a loopback provider stub, the store named by --db or PARTCREDIT_DB.
for (const engine of ENGINES) {
  test(`${engine.name}: partcredit run stores into the store, compare reads it back; resume, locks and a missing run`, { skip: engine.skip }, async () => {
    const db = await engine.fresh();
    const cwd = mkdtempSync(join(tmpdir(), 'partcredit-run-engine-'));
    const models = ['m1', 'm2'].map((m) => `openai-compatible:${m}@${server.url}/v1`);
    const sentBefore = server.log.length;
    const run = await runCliAsync(['run', '--key', KEY, '--model', ...models, '--mode', 'part', '--db', db], cwd, ENV);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /created the store at schema version/, 'a new store says it applied the migrations');
    assert.match(run.stderr, /saved as model run 1 in /);
    assert.ok(!run.stderr.includes(TEST_KEY), 'no API key in the output');
    const sent = server.log.length - sentBefore;

    // The rows are in the store the run named, with the parts in the key's order.
    const store = await openStore(db);
    try {
      const results = await store.results(1);
      assert.equal(results.length, 14);
      assert.deepEqual([...new Set(results.map((r) => r.part_id))], ['1.a', '1.b', '2.a', '3.a', '3.b', '4.a', '4.b']);
      const byPart = (model: string, part: string) => results.find((r) => r.model === model && r.part_id === part)!;
      assert.equal(byPart(models[0]!, '1.a').outcome, 'one-shot');
      assert.deepEqual([byPart(models[0]!, '1.b').outcome, byPart(models[0]!, '1.b').hints_used], ['hint', 1]);
      // The near miss: the cross-correlation the stub gives for 2(a) stays wrong after every hint.
      assert.equal(byPart(models[1]!, '2.a').outcome, 'not-solved');
      assert.equal((await store.counts()).requests, sent, 'every request sent is cached, once');
      assert.ok((await store.modelRun(1))?.finished_at, 'the run is finished');
      assert.equal(await store.db.selectFrom('model_run_locks').select('run_id').executeTakeFirst(), undefined, 'the lock is given back');
    } finally {
      await store.close();
    }

    // compare, with the store from PARTCREDIT_DB this time.
    const compare = await runCliAsync(['compare', '1', '--format', 'json'], cwd, { PARTCREDIT_DB: db });
    assert.equal(compare.code, 0, compare.stderr);
    const c = JSON.parse(compare.stdout) as { models: string[]; cells: Record<string, Record<string, { outcome: string }>> };
    assert.deepEqual(c.models, models);
    assert.equal(c.cells[models[0]!]!['2.a']!.outcome, 'not-solved');
    assert.equal(c.cells[models[1]!]!['3.a']!.outcome, 'one-shot');
    const table = await runCliAsync(['compare', '1', '--db', db], cwd);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /Disputed key parts/);

    // A resume of the finished run asks nothing again: every request comes from the store's cache.
    const before = server.log.length;
    const resumed = await runCliAsync(['run', '--resume', '1', '--db', db], cwd, ENV);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(server.log.length, before, 'a resumed run sent a request the store had');

    // A second resume while a live process holds the run is refused in one line.
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const s = await openStore(db);
      try {
        await s.db
          .insertInto('model_run_locks')
          .values({ run_id: 1, pid: holder.pid!, host: (await import('node:os')).hostname(), started_at: new Date().toISOString() })
          .execute();
      } finally {
        await s.close();
      }
      const refused = await runCliAsync(['run', '--resume', '1', '--db', db], cwd, ENV);
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(refused.stderr, new RegExp(`model run 1 is being run by process ${holder.pid}`));
      assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((r) => holder.on('exit', r));
    // Its process gone, the lock is taken over.
    const takeover = await runCliAsync(['run', '--resume', '1', '--db', db], cwd, ENV);
    assert.equal(takeover.code, 0, takeover.stderr);

    const missing = await runCliAsync(['compare', '7', '--db', db], cwd);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /has no model run 7/);
    assert.ok(!missing.stderr.includes('    at '), 'no stack trace');
  });
}

for (const engine of ENGINES) {
  test(`${engine.name}: kill -9 of a run mid-way, then --resume: no completed request is sent again, none is lost`, { skip: engine.skip }, async () => {
    const db = await engine.fresh();
    const cwd = mkdtempSync(join(tmpdir(), 'partcredit-run-engine-'));
    const slow = await startLlmServer({ rules: PART_RULES, latencyMs: 250 });
    try {
      const child = spawn(process.execPath, [CLI, 'run', '--key', KEY, '--model', `openai:slow@${slow.url}/v1`, '--mode', 'part', '--concurrency', '1', '--db', db], {
        env: { ...process.env, ...ENV },
        stdio: 'ignore',
      });
      // Wait until a few responses are committed (read through a store of our own), then kill without warning.
      let done: string[] = [];
      for (let i = 0; i < 300 && done.length < 3; i++) {
        await new Promise((r) => setTimeout(r, 50));
        // Not our store to create: a SQLite file appears when the run makes it.
        if (engine.name === 'sqlite' && !existsSync(db)) continue;
        try {
          const s = await openStore(db);
          try {
            done = (await s.db.selectFrom('requests').select('request').execute()).map((r) => JSON.stringify((JSON.parse(r.request) as { messages: unknown }).messages));
          } finally {
            await s.close();
          }
        } catch {
          /* the run has not created the store yet */
        }
      }
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on('exit', r));
      assert.ok(done.length >= 3 && done.length < 9, `killed after ${done.length} of 9 requests`);
      // The dead process's lock is taken over by the resume.
      const resumed = await runCliAsync(['run', '--resume', '1', '--db', db], cwd, ENV);
      assert.equal(resumed.code, 0, resumed.stderr);
      const store = await openStore(db);
      try {
        assert.equal((await store.results(1)).length, 7);
        assert.equal((await store.counts()).requests, 9);
      } finally {
        await store.close();
      }
      for (const messages of done) assert.equal(slow.log.filter((l) => l.messages === messages).length, 1, 'a completed request was sent again');
    } finally {
      await slow.close();
    }
  });
}

test('compare on a SQLite file that is not there is one line, not a new empty store', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'partcredit-run-engine-'));
  const r = await runCliAsync(['compare', '1', '--db', join(cwd, 'nothing.db')], cwd);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no store at .*nothing\.db/);
  assert.ok(CLI);
});
