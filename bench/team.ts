/**
 * A course team on one PostgreSQL store (issue 14): `db copy` of a 1,500-submission store both
 * ways, a queued regrade of 1,500 × 30 parts with 2 worker processes on SQLite and on
 * PostgreSQL, and 20 simulated reviewers against `serve` on PostgreSQL while a regrade job runs.
 * Loopback only, bounded in requests and time. Needs a PostgreSQL URL in PARTCREDIT_BENCH_PG or
 * PARTCREDIT_TEST_PG (`bash .ci/postgres` prints one); skipped with a message otherwise.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { gradeFiles } from '../src/run/grading.js';
import { copyStore } from '../src/store/copy.js';
import { openStore, type Store } from '../src/store/db.js';
import { enqueueRegrade, jobStatus } from '../src/store/jobs.js';
import { overridesOf } from '../src/store/overrides.js';
import { seededRandom } from '../src/math/random.js';
import { generate } from './grade-throughput.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

/** A new database on the cluster of `admin` (dropped at the end). */
async function createDatabase(admin: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pc_bench_${randomBytes(4).toString('hex')}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Runs `partcredit jobs work` in `n` processes at once; resolves with the wall time. */
async function workers(db: string, jobId: number, n: number): Promise<number> {
  const t0 = performance.now();
  const codes = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<number>((resolve) => spawn(process.execPath, [CLI, 'jobs', 'work', String(jobId), '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] }).once('exit', (c) => resolve(c ?? 1))),
    ),
  );
  if (codes.some((c) => c !== 0)) throw new Error(`a worker failed: exit codes ${codes.join(', ')}`);
  return (performance.now() - t0) / 1000;
}

/** A queued regrade of run 1 worked by 2 processes: seconds, and whether every submission was graded. */
async function regradeFigure(store: Store, keyPath: string): Promise<{ seconds: number; done: number; total: number }> {
  const key = loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!;
  const job = await enqueueRegrade(store, 1, key, keyPath);
  const seconds = await workers(store.path, job.jobId, 2);
  const s = (await jobStatus(store, job.jobId))!;
  return { seconds, done: s.done, total: s.total };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** `partcredit serve` as its own process; its URL from its first line. */
async function startServe(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--user', 'bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /open (http:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * 20 reviewers, each: load the grid once, then `rounds` times list the runs, open a part and
 * override it (with the override it saw as base), on parts of its own, while 2 workers regrade.
 */
async function loadTest(db: string, keyPath: string, store: Store, reviewers = 20, rounds = 15, partIds: string[], names: string[]): Promise<string[]> {
  const server = await startServe(db);
  const key = loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!;
  try {
    const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(await (await fetch(server.url)).text())![1]!;
    const job = await enqueueRegrade(store, 1, key, keyPath);
    const regrade = workers(db, job.jobId, 2);
    const latencies: number[] = [];
    const gridTimes: number[] = [];
    let errors = 0;
    const statuses = new Map<number, number>();
    const stored: { submission: string; part: string; comment: string; points: number }[] = [];
    const deadline = Date.now() + 180_000;
    const timed = async (path: string, init?: RequestInit): Promise<Response | undefined> => {
      const t0 = performance.now();
      try {
        const r = await fetch(new URL(path, server.url), init);
        await r.clone().arrayBuffer();
        (path.endsWith('/grid') ? gridTimes : latencies).push(performance.now() - t0);
        if (!r.ok) {
          errors++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
        return r;
      } catch {
        errors++;
        return undefined;
      }
    };
    await Promise.all(
      Array.from({ length: reviewers }, async (_, who) => {
        const rand = seededRandom(100 + who);
        await timed('/api/runs/1/grid');
        for (let i = 0; i < rounds && Date.now() < deadline; i++) {
          // Reviewer `who` takes submissions of its own (who, who + 20, ...): overrides by two reviewers of one part are the optimistic-versioning test's subject, not this one's.
          const submission = names[(who + reviewers * i) % names.length]!;
          const part = partIds[Math.floor(rand() * partIds.length)]!;
          await timed('/api/runs');
          const view = await timed(`/api/runs/1/part?submission=${encodeURIComponent(submission)}&part=${encodeURIComponent(part)}`);
          const shown = view?.ok ? ((await view.json()) as { override?: { id: number }; maxPoints: number }) : undefined;
          const seen = shown?.override?.id ?? null;
          const comment = `reviewer ${who} round ${i}`;
          const points = Math.round(rand() * (shown?.maxPoints ?? 1) * 2) / 2;
          const r = await timed('/api/runs/1/override', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
            body: JSON.stringify({ submission, part, points, comment, author: `ta${who}`, base: seen }),
          });
          if (r?.ok) stored.push({ submission, part, comment, points });
        }
      }),
    );
    const regradeSeconds = await regrade;
    const rows = await overridesOf(store, 1);
    const byComment = new Map(rows.map((r) => [r.comment, r]));
    const lost = stored.filter((s) => {
      const r = byComment.get(s.comment);
      return !r || r.submission !== s.submission || r.part_id !== s.part || r.points !== s.points;
    }).length;
    latencies.sort((a, b) => a - b);
    gridTimes.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    return [
      `20 reviewers on serve (PostgreSQL) during a 2-worker regrade (${regradeSeconds.toFixed(1)} s): ${latencies.length} requests (list runs, open a part, override): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target < 200) ${p99 < 200 ? 'ok' : 'OVER'}`,
      `  errors ${errors}${statuses.size ? ` (${[...statuses].map(([c, n]) => `${n} × ${c}`).join(', ')})` : ''} (target 0) ${errors === 0 ? 'ok' : 'OVER'}; overrides accepted ${stored.length}, in the store with their content ${stored.length - lost}, lost ${lost} (target 0) ${lost === 0 && rows.length === stored.length ? 'ok' : 'OVER'}`,
      `  the grid (${names.length} × ${partIds.length}) loaded once per reviewer: p50 ${percentile(gridTimes, 50).toFixed(0)} ms, max ${gridTimes.at(-1)!.toFixed(0)} ms (not in the p99 above)`,
    ];
  } finally {
    server.stop();
  }
}

export async function runTeamBench(submissions = 1500): Promise<string[]> {
  const admin = process.env.PARTCREDIT_BENCH_PG || process.env.PARTCREDIT_TEST_PG;
  if (!admin) return ['skipped: no PostgreSQL (set PARTCREDIT_BENCH_PG, or start one with: export PARTCREDIT_TEST_PG="$(bash .ci/postgres)")'];
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-team-bench-'));
  const dbs: { drop: () => Promise<void> }[] = [];
  const stores: Store[] = [];
  try {
    const { keyPath, problemsPath, files } = generate(dir, submissions);
    const key = loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!;
    const lite = await openStore(join(dir, 'a.db'));
    stores.push(lite);
    await gradeFiles({ key, problems: parseProblemSet(readFileSync(problemsPath, 'utf8')), files, store: lite, keyPath });
    const parts = key.parts.length;

    const pgDb = await createDatabase(admin);
    dbs.push(pgDb);
    const onPg = await openStore(pgDb.url);
    stores.push(onPg);
    let t0 = performance.now();
    const up = await copyStore(lite, onPg);
    const upSeconds = (performance.now() - t0) / 1000;
    const back = await openStore(join(dir, 'b.db'));
    stores.push(back);
    t0 = performance.now();
    const down = await copyStore(onPg, back);
    const downSeconds = (performance.now() - t0) / 1000;
    const same = JSON.stringify(up) === JSON.stringify(down);
    const rows = up.reduce((n, t) => n + t.rows, 0);
    out.push(
      `db copy of ${submissions} submissions × ${parts} parts (${rows} rows): SQLite → PostgreSQL ${upSeconds.toFixed(1)} s, back ${downSeconds.toFixed(1)} s; every table's count and checksum identical both ways: ${same ? 'ok' : 'DIFFERENT'}`,
    );

    const a = await regradeFigure(lite, keyPath);
    const b = await regradeFigure(onPg, keyPath);
    const ratio = b.seconds / a.seconds;
    out.push(
      `queued regrade of ${submissions} × ${parts} parts, 2 worker processes: SQLite ${a.seconds.toFixed(1)} s (${a.done}/${a.total}), PostgreSQL ${b.seconds.toFixed(1)} s (${b.done}/${b.total}); ratio ${ratio.toFixed(2)} (target ≤ 2) ${ratio <= 2 ? 'ok' : 'OVER'}`,
    );

    const names = (await onPg.submissions(1)).map((s) => s.name);
    out.push(
      ...(await loadTest(
        pgDb.url,
        keyPath,
        onPg,
        20,
        15,
        key.parts.map((p) => p.id),
        names,
      )),
    );
  } finally {
    for (const s of stores) await s.close();
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runTeamBench(Number(process.argv[2] ?? 1500))) console.log(line);
