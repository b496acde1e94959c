import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openStore, Store } from '../src/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/migrations.js';
import { overridesAndGrading, overridesOf, saveOverride } from '../src/store/overrides.js';
import { isUserError } from '../src/model/errors.js';
import type { Key } from '../src/model/key.js';
import type { SubmissionGrade } from '../src/model/grade.js';
import type { Submission } from '../src/model/submission.js';
import { dropTestDatabases, ENGINES, freshPostgres, freshSqlite, PG_SKIP } from './fixtures/pg.js';

after(dropTestDatabases);

const KEY = { title: 'k', parts: [] } as unknown as Key;

function submission(name: string): Submission {
  return { id: name, path: `/tmp/${name}`, format: 'markdown', text: `text of ${name} — ünïcode ∫`, responses: [], warnings: ['w'] } as unknown as Submission;
}

function grade(name: string, points: number[]): SubmissionGrade {
  const parts = points.map((p, i) => ({
    id: `${i + 1}.a`,
    verdict: p ? 'correct' : 'incorrect',
    score: p / 3,
    points: p,
    maxPoints: 3,
    graded: true,
    answer: `x=${p}`,
    expected: 'x=1/3',
    feedback: '',
    ...(i === 0 ? { category: 'arithmetic', first: { verdict: 'incorrect', answer: '0' } } : {}),
    source: 'final answer',
    check: 'numeric',
  }));
  return { submission: name, format: 'markdown', parts, total: Math.round(points.reduce((a, b) => a + b, 0) * 1000) / 1000, max: 3 * points.length } as unknown as SubmissionGrade;
}

for (const engine of ENGINES) {
  test(`${engine.name}: a new store is created by the versioned migrations, with a message; reopening applies nothing`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    const told: string[] = [];
    const store = await openStore(at, { onMigrate: (m) => told.push(m) });
    assert.equal(told.length, 1);
    assert.match(told[0]!, new RegExp(`created the store at schema version ${SCHEMA_VERSION}`));
    assert.doesNotMatch(told[0]!, /:[^/@]*@/, 'no password in the message');
    const versions = await sql<{ version: number }>`select version from schema_migrations order by version`.execute(store.db);
    assert.deepEqual(
      versions.rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
    await store.close();
    const again = await openStore(at, { onMigrate: (m) => told.push(m) });
    await again.close();
    assert.equal(told.length, 1, 'an up-to-date store says nothing');
  });

  test(`${engine.name}: runs, grades (fractions kept exactly), counts and overrides round-trip`, { skip: engine.skip }, async () => {
    const store = await openStore(await engine.fresh());
    try {
      const { runId, gradingId } = await store.startRun(KEY, '/k.yaml');
      const saved = [grade('alice', [1 / 3, 0.1 + 0.2, 3]), grade('bob', [0, 2.5, 1e-9])];
      for (const g of saved) await store.saveGraded(runId, gradingId, submission(g.submission), g);
      assert.equal(await store.latestRun(), runId);
      assert.equal(await store.latestGrading(runId), gradingId);
      const back = await store.gradesOf(gradingId);
      assert.deepEqual(
        back.map((s) => s.parts.map((p) => p.points)),
        saved.map((s) => s.parts.map((p) => p.points)),
      );
      assert.deepEqual(back[0]!.parts[0]!.first, { verdict: 'incorrect', answer: '0' });
      assert.equal(back[0]!.parts[0]!.category, 'arithmetic');
      const subs = await store.submissions(runId);
      assert.deepEqual(
        subs.map((s) => s.text),
        ['text of alice — ünïcode ∫', 'text of bob — ünïcode ∫'],
      );
      const counts = await store.counts();
      assert.deepEqual({ runs: counts.runs, submissions: counts.submissions, grades: counts.grades }, { runs: 1, submissions: 2, grades: 6 });
      assert.equal(typeof counts.grades, 'number', 'counts are numbers on both engines');
      const second = await store.startGrading(runId, KEY);
      assert.ok(second > gradingId);
      const o = await saveOverride(
        store,
        { runId, submission: 'alice', partId: '1.a', verdict: 'correct', points: 3, comment: 'fine', author: 'ta1' },
        { verdict: 'incorrect', points: 1 / 3 },
        { verdict: 'incorrect', points: 1 / 3 },
        gradingId,
      );
      const rows = await overridesOf(store, runId);
      assert.deepEqual(rows, [o]);
    } finally {
      await store.close();
    }
  });
}

test('postgres: workers opening a new database at once apply each migration exactly once', { skip: PG_SKIP }, async () => {
  const url = await freshPostgres();
  const told: string[] = [];
  const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(url, { onMigrate: (m) => told.push(m) })));
  try {
    assert.equal(told.length, 1);
    const r = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(stores[0]!.db);
    assert.equal(r.rows[0]!.n, MIGRATIONS.length);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('postgres: a server that is not there is one line naming the store, without its password', { skip: PG_SKIP }, async () => {
  await assert.rejects(
    openStore('postgres://someone:secret@127.0.0.1:1/nothing'),
    (e: Error) => isUserError(e) && /cannot open the store/.test(e.message) && !e.message.includes('secret') && !e.message.includes('\n'),
  );
});

test('sqlite: a store from before versioned migrations keeps its rows, gains the missing column and a version', async () => {
  const file = freshSqlite();
  const old = new Database(file);
  old.exec(`CREATE TABLE runs (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, key_path TEXT, problems_path TEXT)`);
  old.exec(`INSERT INTO runs (created_at, key_path) VALUES ('2026-01-01', '/old.yaml')`);
  old.close();
  const told: string[] = [];
  const store = new Store(file, { onMigrate: (m) => told.push(m) });
  try {
    assert.equal(told.length, 1);
    assert.match(told[0]!, /recorded the store's schema as versioned/);
    assert.deepEqual(await store.run(1), { id: 1, key_path: '/old.yaml', problems_path: null, variants_dir: null });
    const { runId } = await store.startRun(KEY);
    assert.equal(runId, 2);
  } finally {
    await store.close();
  }
});

test('sqlite: a store at schema version 3 is upgraded to the newest with one line; its model results keep the order they were stored in', async () => {
  const file = freshSqlite();
  await (await openStore(file)).close();
  // Back to version 3 as a released build left it: no position column, no login_failures, results in rowid order only.
  const old = new Database(file);
  old.exec('ALTER TABLE model_results DROP COLUMN position; DROP TABLE login_failures; DELETE FROM schema_migrations WHERE version >= 4');
  old.exec(`INSERT INTO model_runs (created_at, key_path, config) VALUES ('2026-01-01', '/k.yaml', '{}')`);
  const insert = old.prepare(
    `INSERT INTO model_results (run_id, model, sample, part_id, outcome, verdict, first_verdict, answer, feedback, messages, input_tokens, output_tokens, ms) VALUES (1, ?, 0, ?, 'one-shot', 'correct', 'correct', '1', '', '[]', 1, 1, 1)`,
  );
  // Parts as the run asked them (10.a after 9.b, which name order would swap), for two models.
  for (const part of ['9.b', '10.a']) for (const model of ['m2', 'm1']) insert.run(model, part);
  old.close();
  const told: string[] = [];
  const store = await openStore(file, { onMigrate: (m) => told.push(m) });
  try {
    assert.equal(told.length, 1);
    assert.match(told[0]!, new RegExp(`upgraded the store from schema version 3 to ${SCHEMA_VERSION} \\(applied migration 4 \\(model results keep the order`));
    assert.deepEqual(
      (await store.results(1)).map((r) => `${r.part_id} ${r.model}`),
      ['9.b m2', '9.b m1', '10.a m2', '10.a m1'],
    );
  } finally {
    await store.close();
  }
});

test('postgres: a store at schema version 4 is upgraded to 5, and an override is then stored with its version check in one statement', { skip: PG_SKIP }, async () => {
  const at = await freshPostgres();
  await (await openStore(at)).close();
  const old = await openStore(at);
  await sql`drop function partcredit_save_override`.execute(old.db);
  await sql`delete from schema_migrations where version >= 5`.execute(old.db);
  await old.close();
  const told: string[] = [];
  const store = await openStore(at, { onMigrate: (m) => told.push(m) });
  try {
    assert.match(told[0]!, /upgraded the store from schema version 4 to \d+ \(applied migration 5 \(PostgreSQL: an override is stored in one statement/);
    const { runId, gradingId } = await store.startRun(KEY);
    const input = { runId, submission: 'a.md', partId: '1.a', points: 2, comment: 'first', author: 'ta1' };
    const first = await saveOverride(store, { ...input, base: null }, { verdict: 'incorrect', points: 0 }, { verdict: 'incorrect', points: 0 }, gradingId);
    // Near miss: a second writer that saw no override is refused, naming the first's change.
    await assert.rejects(
      saveOverride(store, { ...input, comment: 'second', base: null }, { verdict: 'incorrect', points: 0 }, { verdict: 'incorrect', points: 0 }, gradingId),
      /ta1 changed this part meanwhile/,
    );
    await saveOverride(store, { ...input, comment: 'third', base: first.id }, { verdict: 'partial', points: 2 }, { verdict: 'incorrect', points: 0 }, gradingId);
    assert.deepEqual(
      (await overridesOf(store, runId)).map((r) => r.comment),
      ['first', 'third'],
    );
  } finally {
    await store.close();
  }
});

for (const engine of ENGINES) {
  test(`${engine.name}: a run's new overrides and its newest grading come in one read; a run without a grading has none`, { skip: engine.skip }, async () => {
    const store = await openStore(await engine.fresh());
    try {
      const { runId, gradingId } = await store.startRun(KEY);
      assert.deepEqual(await overridesAndGrading(store, runId, 0), { gradingId, rows: [] });
      const input = { runId, submission: 'a.md', partId: '1.a', points: 1, comment: 'c', author: 'ta1' };
      const was = { verdict: 'incorrect', points: 0 };
      const first = await saveOverride(store, input, was, was, gradingId);
      const second = await saveOverride(store, { ...input, comment: 'd' }, was, was, gradingId);
      const all = await overridesAndGrading(store, runId, 0);
      assert.equal(all.gradingId, gradingId);
      assert.deepEqual(
        all.rows.map((r) => [r.id, r.comment, r.grading_id]),
        [
          [first.id, 'c', gradingId],
          [second.id, 'd', gradingId],
        ],
      );
      assert.deepEqual(
        (await overridesAndGrading(store, runId, first.id)).rows.map((r) => r.id),
        [second.id],
      );
      assert.deepEqual(await overridesAndGrading(store, runId + 99, 0), { gradingId: undefined, rows: [] });
    } finally {
      await store.close();
    }
  });
}
