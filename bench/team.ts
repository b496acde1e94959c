/**
 * A course team on one PostgreSQL store (issue 14): `db copy` of a 1,500-submission store both
 * ways, a queued regrade of 1,500 × 30 parts with 2 worker processes on SQLite and on
 * PostgreSQL, and 20 simulated reviewers against `serve` on PostgreSQL: back to back (a stress
 * test) without and with a regrade job running, then pausing to read while a regrade job runs. Loopback only, bounded in requests and time. Needs a PostgreSQL URL in
 * PARTCREDIT_BENCH_PG or PARTCREDIT_TEST_PG (`bash .ci/postgres` prints one); skipped with a
 * message otherwise.
 *
 *   node dist/bench/team.js [SUBMISSIONS] [--only load]
 *
 * PARTCREDIT_BENCH_BASELINE_CLI=/other/build/dist/src/cli/main.js runs the reviewers' test
 * against that build's `serve` too, on the same database in the same run, and prints the ratio
 * (before/after figures taken in the same state of a loaded machine). PARTCREDIT_BENCH_PROFILE=DIR
 * writes a CPU profile of each `serve` into DIR.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
/** Each phase of reviewers stops here at the latest. */
const PHASE_LIMIT_MS = 180_000;
const REVIEWERS = 20;

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
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** `partcredit serve` (of `cli`) as its own process; its URL from its first line. */
async function startServe(cli: string, db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const profile = process.env.PARTCREDIT_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PARTCREDIT_BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, cli, 'serve', '--db', db, '--port', '0', '--user', 'bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /open (http:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

interface Phase {
  db: string;
  store: Store;
  keyPath: string;
  partIds: string[];
  names: string[];
  /** The `serve` to test (this build's, or a baseline's). */
  cli: string;
  /** Runs a 2-worker regrade job while the reviewers work. */
  regrade: boolean;
  /** Each reviewer's actions; with a regrade, the reviewers also keep going until it finishes. */
  rounds: number;
  /** What this phase's overrides say in their comment, to count them apart from other phases'. */
  tag: string;
  /** A pause before each action, drawn from [0, 2 × pace] ms (a reviewer reads before clicking); 0: back to back. */
  pace: number;
}

/**
 * 20 reviewers, each: load the grid, then per round list the runs, open a part and override it
 * (with the override it saw as base), on submissions of its own, either back to back (a stress
 * test) or pausing about `pace` ms before each action (still far denser than people, who read a
 * part for many seconds). Returns the printed lines and the p99.
 */
async function reviewers(phase: Phase): Promise<{ lines: string[]; p99: number; errors: number; lost: number }> {
  const server = await startServe(phase.cli, phase.db);
  const key = loadKey(readFileSync(phase.keyPath, 'utf8'), phase.keyPath).key!;
  const loadBefore = load();
  try {
    const page = await (await fetch(server.url)).text();
    const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(page)?.[1];
    if (!csrf) throw new Error('serve gave no CSRF token: is the UI built (npm run build)?');
    let regradeDone = !phase.regrade;
    let regradeSeconds = 0;
    const regrade = phase.regrade
      ? enqueueRegrade(phase.store, 1, key, phase.keyPath)
          .then((job) => workers(phase.db, job.jobId, 2))
          .then((s) => {
            regradeSeconds = s;
            regradeDone = true;
          })
      : Promise.resolve();
    const byKind = new Map<string, number[]>();
    const statuses = new Map<number, number>();
    let errors = 0;
    const stored: { submission: string; part: string; comment: string; points: number }[] = [];
    const t0 = performance.now();
    const deadline = Date.now() + PHASE_LIMIT_MS;
    const failures = new Map<string, number>();
    const timed = async (kind: string, path: string, init?: RequestInit, rand?: () => number): Promise<Response | undefined> => {
      if (phase.pace && rand) await new Promise((r) => setTimeout(r, rand() * 2 * phase.pace));
      const start = performance.now();
      try {
        const r = await fetch(new URL(path, server.url), init);
        const body = await r.arrayBuffer();
        let list = byKind.get(kind);
        if (!list) byKind.set(kind, (list = []));
        list.push(performance.now() - start);
        if (!r.ok) {
          errors++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
        return new Response(body, { status: r.status, headers: r.headers });
      } catch (e) {
        errors++;
        const why = String((e as { cause?: { code?: string; message?: string } }).cause?.code ?? (e as Error).message);
        failures.set(why, (failures.get(why) ?? 0) + 1);
        return undefined;
      }
    };
    await Promise.all(
      Array.from({ length: REVIEWERS }, async (_, who) => {
        const rand = seededRandom(100 + who);
        await timed('grid', '/api/runs/1/grid');
        for (let i = 0; (i < phase.rounds || !regradeDone) && Date.now() < deadline; i++) {
          // Reviewer `who` takes submissions of its own (who, who + 20, ...): overrides by two reviewers of one part are the optimistic-versioning test's subject, not this one's.
          const submission = phase.names[(who + REVIEWERS * i) % phase.names.length]!;
          const part = phase.partIds[Math.floor(rand() * phase.partIds.length)]!;
          await timed('list runs', '/api/runs', undefined, rand);
          const view = await timed('open a part', `/api/runs/1/part?submission=${encodeURIComponent(submission)}&part=${encodeURIComponent(part)}`, undefined, rand);
          const shown = view?.ok ? ((await view.json()) as { version?: number | null; history: { id: number }[]; maxPoints: number }) : undefined;
          // `version` since this change; the newest history entry is the same thing on a baseline build.
          const seen = shown ? (shown.version !== undefined ? shown.version : (shown.history[0]?.id ?? null)) : null;
          const comment = `${phase.tag} reviewer ${who} round ${i}`;
          const points = Math.round(rand() * (shown?.maxPoints ?? 1) * 2) / 2;
          const r = await timed(
            'override',
            '/api/runs/1/override',
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
              body: JSON.stringify({ submission, part, points, comment, author: `ta${who}`, base: seen }),
            },
            rand,
          );
          if (r?.ok) stored.push({ submission, part, comment, points });
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    await regrade;
    const rows = (await overridesOf(phase.store, 1)).filter((r) => r.comment.startsWith(`${phase.tag} `));
    const byComment = new Map(rows.map((r) => [r.comment, r]));
    const lost = stored.filter((s) => {
      const r = byComment.get(s.comment);
      return !r || r.submission !== s.submission || r.part_id !== s.part || r.points !== s.points;
    }).length;
    const all = [...byKind].filter(([k]) => k !== 'grid').flatMap(([, v]) => v);
    all.sort((a, b) => a - b);
    for (const v of byKind.values()) v.sort((a, b) => a - b);
    const p99 = percentile(all, 99);
    const fmt = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
    const kinds = [...byKind]
      .filter(([k]) => k !== 'grid')
      .map(([k, v]) => `${k} p50 ${fmt(percentile(v, 50))} / p99 ${fmt(percentile(v, 99))}`)
      .join('; ');
    const grid = byKind.get('grid') ?? [];
    const what = `${phase.pace ? `pausing 0–${(phase.pace * 2) / 1000} s before each action` : 'back to back'}, ${phase.regrade ? `during a 2-worker regrade (${regradeSeconds.toFixed(1)} s)` : 'no regrade'}`;
    return {
      p99,
      errors,
      lost: lost + Math.abs(rows.length - stored.length),
      lines: [
        `${REVIEWERS} reviewers ${what}: ${all.length} requests in ${seconds.toFixed(1)} s (${(all.length / seconds).toFixed(0)}/s): p50 ${fmt(percentile(all, 50))} ms, p99 ${fmt(p99)} ms, max ${fmt(all.at(-1) ?? Number.NaN)} ms (target p99 < 200) ${p99 < 200 ? 'ok' : 'OVER'}; load average ${loadBefore} → ${load()}`,
        `  by request (ms): ${kinds}`,
        `  errors ${errors}${statuses.size || failures.size ? ` (${[...statuses, ...failures].map(([c, n]) => `${n} × ${c}`).join(', ')})` : ''} (target 0) ${errors === 0 ? 'ok' : 'OVER'}; overrides accepted ${stored.length}, stored ${rows.length}, with their content ${stored.length - lost}, lost ${lost} (target 0) ${lost === 0 && rows.length === stored.length ? 'ok' : 'OVER'}`,
        `  the grid (${phase.names.length} × ${phase.partIds.length}) loaded once per reviewer at the start: p50 ${fmt(percentile(grid, 50))} ms, max ${fmt(grid.at(-1) ?? Number.NaN)} ms (not in the p99 above)`,
      ],
    };
  } finally {
    await server.stop();
  }
}

/** Runs the bench, telling each line as it is measured; resolves with all of them. */
export async function runTeamBench(submissions = 1500, emit: (line: string) => void = () => {}, only?: 'load'): Promise<string[]> {
  const out: string[] = [];
  const tell = (line: string) => {
    out.push(line);
    emit(line);
  };
  const admin = process.env.PARTCREDIT_BENCH_PG || process.env.PARTCREDIT_TEST_PG;
  if (!admin) {
    tell('skipped: no PostgreSQL (set PARTCREDIT_BENCH_PG, or start one with: export PARTCREDIT_TEST_PG="$(bash .ci/postgres)")');
    return out;
  }
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-team-bench-'));
  const dbs: { drop: () => Promise<void> }[] = [];
  const stores: Store[] = [];
  try {
    tell(`load average at the start ${load()} (the machine's other work counts in every figure)`);
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
    if (only !== 'load') {
      const back = await openStore(join(dir, 'b.db'));
      stores.push(back);
      t0 = performance.now();
      const down = await copyStore(onPg, back);
      const downSeconds = (performance.now() - t0) / 1000;
      const same = JSON.stringify(up) === JSON.stringify(down);
      const rows = up.reduce((n, t) => n + t.rows, 0);
      tell(
        `db copy of ${submissions} submissions × ${parts} parts (${rows} rows): SQLite → PostgreSQL ${upSeconds.toFixed(1)} s, back ${downSeconds.toFixed(1)} s; every table's count and checksum identical both ways: ${same ? 'ok' : 'DIFFERENT'}`,
      );
      for (const t of up.filter((x) => x.rows)) tell(`  ${t.table}: ${t.rows} rows, sha256 ${t.checksum.slice(0, 16)}…`);

      const a = await regradeFigure(lite, keyPath);
      const b = await regradeFigure(onPg, keyPath);
      const ratio = b.seconds / a.seconds;
      tell(
        `queued regrade of ${submissions} × ${parts} parts, 2 worker processes: SQLite ${a.seconds.toFixed(1)} s (${a.done}/${a.total}), PostgreSQL ${b.seconds.toFixed(1)} s (${b.done}/${b.total}); ratio ${ratio.toFixed(2)} (target ≤ 2) ${ratio <= 2 ? 'ok' : 'OVER'}; load average ${load()}`,
      );
    }

    const names = (await onPg.submissions(1)).map((s) => s.name);
    const base = { db: pgDb.url, store: onPg, keyPath, partIds: key.parts.map((p) => p.id), names };
    // With a baseline build, each phase runs with both builds back to back, so both see the machine in the same state.
    const builds = [{ label: 'this build', cli: CLI }, ...(process.env.PARTCREDIT_BENCH_BASELINE_CLI ? [{ label: 'baseline', cli: process.env.PARTCREDIT_BENCH_BASELINE_CLI }] : [])];
    // Back to back without and with a regrade (stress), then the target: reviewers who pause to read (0–2 s, 1 s on average) during a regrade.
    const phases = [
      { name: 'back to back', regrade: false, pace: 0 },
      { name: 'back to back, regrade', regrade: true, pace: 0 },
      { name: 'pausing, regrade', regrade: true, pace: 1000 },
    ];
    const p99 = new Map<string, number>();
    // A short pass of each build first, not reported: whichever ran first met a cold database
    // (the submissions' pages not yet in PostgreSQL's buffers) and measured that, not the build.
    for (const b of builds) await reviewers({ ...base, cli: b.cli, regrade: false, pace: 0, rounds: 3, tag: `warm-up-${randomBytes(3).toString('hex')}` });
    for (const [i, ph] of phases.entries()) {
      // Which build goes first alternates, so neither always meets the other's leftovers.
      for (const b of i % 2 ? [...builds].reverse() : builds) {
        const r = await reviewers({ ...base, cli: b.cli, regrade: ph.regrade, pace: ph.pace, rounds: 15, tag: `${b.label.replace(' ', '-')}-${randomBytes(3).toString('hex')}` });
        for (const l of r.lines) tell(builds.length > 1 ? `[${b.label}] ${l}` : l);
        p99.set(`${b.label}: ${ph.name}`, r.p99);
      }
    }
    if (builds.length > 1) {
      const ratios = phases.map((ph) => `${ph.name} ${(p99.get(`baseline: ${ph.name}`)! / p99.get(`this build: ${ph.name}`)!).toFixed(1)}×`);
      tell(`p99 of the baseline build / this build, same database, phases interleaved (order alternating, after a warm-up pass of each): ${ratios.join('; ')}`);
    }
  } finally {
    for (const s of stores) await s.close();
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'load') throw new Error(`--only: ${only} is not a part of this bench (load)`);
  await runTeamBench(Number(args.find((a) => /^\d+$/.test(a)) ?? 1500), (line) => console.log(line), only);
}
