import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { openStore, type Store } from '../src/store/db.js';
import { copyStore, summarize } from '../src/store/copy.js';
import { saveOverride } from '../src/store/overrides.js';
import { isUserError } from '../src/model/errors.js';
import { dropTestDatabases, freshPostgres, freshSqlite, PG_SKIP } from './fixtures/pg.js';

after(dropTestDatabases);

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

/** The demo graded into a store at `at`, with an override and a second grading. */
async function gradedStore(at: string): Promise<Store> {
  const keyPath = join(DEMO, 'key.yaml');
  const { key } = loadKey(readFileSync(keyPath, 'utf8'), keyPath);
  const store = await openStore(at);
  const files = ['alice.md', 'bob.md', 'carol.txt', 'chat-transcript.md'].map((f) => join(DEMO, 'submissions', f));
  const { runId } = await gradeFiles({ key: key!, files, store, keyPath });
  await saveOverride(
    store,
    { runId: runId!, submission: 'bob.md', partId: '1.b', verdict: 'correct', points: 2, comment: 'méthode juste', author: 'ta1' },
    { verdict: 'partial', points: 1 },
    { verdict: 'partial', points: 1 },
    1,
  );
  return store;
}

test('sqlite → sqlite: every table copied with the same counts and checksums; a new row after the copy gets a new id', async () => {
  const from = await gradedStore(freshSqlite());
  const to = await openStore(freshSqlite());
  try {
    const copied = await copyStore(from, to);
    assert.deepEqual(await summarize(to), copied);
    assert.ok(copied.find((t) => t.table === 'grades')!.rows > 20);
    const { runId } = await to.startRun({ title: 't', parts: [] } as never);
    assert.equal(runId, 2);
  } finally {
    await from.close();
    await to.close();
  }
});

test('a changed value (one grade point, one character of feedback) changes its table checksum and no other', async () => {
  const store = await gradedStore(freshSqlite());
  try {
    const before = await summarize(store);
    await sql`update grades set points = points + 0.000001 where id = 3`.execute(store.db);
    const after1 = await summarize(store);
    assert.deepEqual(
      after1.filter((t, i) => t.checksum !== before[i]!.checksum).map((t) => t.table),
      ['grades'],
    );
    await sql`update grades set points = points - 0.000001 where id = 3`.execute(store.db);
    await sql`update overrides set comment = 'methode juste'`.execute(store.db);
    const after2 = await summarize(store);
    assert.deepEqual(
      after2.filter((t, i) => t.checksum !== before[i]!.checksum).map((t) => t.table),
      ['overrides'],
    );
  } finally {
    await store.close();
  }
});

test('a target that holds rows is refused with a message, nothing written', async () => {
  const from = await gradedStore(freshSqlite());
  const to = await gradedStore(freshSqlite());
  try {
    const before = await summarize(to);
    await assert.rejects(copyStore(from, to), (e: Error) => isUserError(e) && /not empty/.test(e.message));
    assert.deepEqual(await summarize(to), before);
  } finally {
    await from.close();
    await to.close();
  }
});

test('sqlite → postgres → sqlite: identical checksums at every hop; ids and sequences carried over', { skip: PG_SKIP }, async () => {
  const a = await gradedStore(freshSqlite());
  const pgUrl = await freshPostgres();
  const b = await openStore(pgUrl);
  const c = await openStore(freshSqlite());
  try {
    const first = await copyStore(a, b);
    const second = await copyStore(b, c);
    assert.deepEqual(second, first);
    assert.deepEqual(await summarize(c), await summarize(a));
    // The sequence moved past the copied ids: the next run on PostgreSQL is number 2, not a clash with 1.
    const { runId, gradingId } = await b.startRun({ title: 't', parts: [] } as never);
    assert.deepEqual([runId, gradingId], [2, 2]);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});

test('partcredit db copy: prints each table with its checksum; a missing source is one line, exit 2', { skip: PG_SKIP }, async () => {
  const src = freshSqlite();
  await (await gradedStore(src)).close();
  const url = await freshPostgres();
  const run = promisify(execFile);
  const out = await run(process.execPath, [CLI, 'db', 'copy', '--from', src, '--to', url]);
  assert.match(out.stdout, /^grades\t\d+\t[0-9a-f]{64}$/m);
  assert.match(out.stderr, /every table's count and checksum match/);
  const back = freshSqlite();
  const out2 = await run(process.execPath, [CLI, 'db', 'copy', '--from', url, '--to', back]);
  assert.equal(out2.stdout, out.stdout);
  await assert.rejects(
    run(process.execPath, [CLI, 'db', 'copy', '--from', '/nonexistent/x.db', '--to', back]),
    (e: { code: number; stderr: string }) => e.code === 2 && /^partcredit: no store at \/nonexistent\/x\.db/.test(e.stderr) && e.stderr.trim().split('\n').length === 1,
  );
});
