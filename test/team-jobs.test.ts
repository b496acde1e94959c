import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { workRegradeJob } from '../src/run/regrade-jobs.js';
import { openStore, type Store } from '../src/store/db.js';
import { enqueueRegrade, jobStatus } from '../src/store/jobs.js';
import { dropTestDatabases, ENGINES, freshPostgres, PG_SKIP } from './fixtures/pg.js';

after(dropTestDatabases);

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const keyPath = join(DEMO, 'key.yaml');
const key = () => loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!;

/** `n` submissions (the demo's, copied under new names) graded into the store at `at`. */
async function graded(at: string, n: number): Promise<{ store: Store; gradingId: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-jobs-'));
  const sources = ['alice.md', 'bob.md', 'carol.txt'].map((f) => readFileSync(join(DEMO, 'submissions', f), 'utf8'));
  const files = Array.from({ length: n }, (_, i) => {
    const f = join(dir, `s${String(i).padStart(4, '0')}.md`);
    writeFileSync(f, sources[i % sources.length]!);
    return f;
  });
  const store = await openStore(at);
  await gradeFiles({ key: key(), files, store, keyPath });
  return { store, gradingId: (await store.latestGrading(1))! };
}

/** The grades of a grading as comparable text, per submission. */
async function gradesText(store: Store, gradingId: number): Promise<string[]> {
  return (await store.gradesOf(gradingId)).map((s) => `${s.submission} ${s.parts.map((p) => `${p.id}:${p.verdict}:${p.points}`).join(' ')}`);
}

for (const engine of ENGINES) {
  test(`${engine.name}: a queued regrade grades every submission once, exactly as the first grading`, { skip: engine.skip }, async () => {
    const { store, gradingId } = await graded(await engine.fresh(), 12);
    try {
      const job = await enqueueRegrade(store, 1, key(), keyPath);
      assert.equal(job.items, 12);
      assert.equal(await workRegradeJob(store, job.jobId, 5), 12);
      assert.equal(await workRegradeJob(store, job.jobId, 5), 0, 'nothing is taken twice');
      assert.deepEqual(await gradesText(store, job.gradingId), await gradesText(store, gradingId));
      const s = (await jobStatus(store, job.jobId))!;
      assert.deepEqual([s.done, s.total, s.finished], [12, 12, true]);
    } finally {
      await store.close();
    }
  });
}

test('postgres: kill -9 of a worker mid-job loses no graded part; two workers finish it, nothing stored twice', { skip: PG_SKIP }, async () => {
  const url = await freshPostgres();
  const { store, gradingId } = await graded(url, 150);
  try {
    const job = await enqueueRegrade(store, 1, key(), keyPath);
    const worker = spawn(process.execPath, [CLI, 'jobs', 'work', String(job.jobId), '--db', url, '--batch', '2'], { stdio: 'ignore' });
    // Kill it once it has committed some batches and before it is done.
    let done = 0;
    for (let i = 0; i < 600 && done < 10; i++) {
      await sleep(50);
      done = (await jobStatus(store, job.jobId))!.done;
    }
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
    const atKill = (await jobStatus(store, job.jobId))!;
    assert.ok(atKill.done >= 10 && atKill.done < atKill.total, `killed mid-job (${atKill.done}/${atKill.total})`);
    // Every submission marked done has all its parts stored: nothing half-written.
    const partial = await store.db
      .selectFrom('grades')
      .select('submission_id')
      .where('grading_id', '=', job.gradingId)
      .groupBy('submission_id')
      .having((eb) => eb.fn.countAll(), '!=', 7)
      .execute();
    assert.deepEqual(partial, []);
    const two = [0, 1].map(() => spawn(process.execPath, [CLI, 'jobs', 'work', String(job.jobId), '--db', url, '--batch', '3'], { stdio: 'ignore' }));
    const codes = await Promise.all(two.map((w) => new Promise((r) => w.once('exit', r))));
    assert.deepEqual(codes, [0, 0]);
    const end = (await jobStatus(store, job.jobId))!;
    assert.deepEqual([end.done, end.total, end.finished], [150, 150, true]);
    assert.deepEqual(await gradesText(store, job.gradingId), await gradesText(store, gradingId));
  } finally {
    await store.close();
  }
});
