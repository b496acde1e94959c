/**
 * What staff accounts cost: a password hash (scrypt, on purpose slow), a login, and the session
 * and role checks on every API request — measured against the same requests in single-user mode
 * in the same run (rounds alternate, so the machine's load weighs on both alike).
 * `node dist/bench/accounts.js` (SQLite; PostgreSQL too when PARTCREDIT_TEST_PG is set).
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { hashPassword, verifyPassword } from '../src/server/passwords.js';
import { startServer } from '../src/server/serve.js';
import { assignRuns, createUser, ensureCourse, setMembership } from '../src/store/accounts.js';
import { openStore } from '../src/store/db.js';

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));
const PASSWORD = 'correct horse battery';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** The demo graded into a new store at `at`, its run given to a course. */
async function demoInto(at: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-bench-accounts-'));
  cpSync(DEMO, dir, { recursive: true });
  const keyPath = join(dir, 'key.yaml');
  const store = await openStore(at);
  try {
    const key = loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!;
    const files = ['alice.md', 'bob.md', 'carol.txt', 'chat-transcript.md'].map((f) => join(dir, 'submissions', f));
    const { runId } = await gradeFiles({ key, files, store, keyPath });
    await assignRuns(store, (await ensureCourse(store, 'bench')).id, [runId!]);
  } finally {
    await store.close();
  }
}

/** `clients` at once, each making `each` grid requests in turn: every request's time in ms. */
async function load(url: string, cookie: string, clients: number, each: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++) {
        const t0 = performance.now();
        const r = await fetch(new URL('/api/runs/1/grid', url), { headers: cookie ? { cookie } : {} });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`grid: HTTP ${r.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times;
}

async function login(url: string): Promise<string> {
  const page = await (await fetch(new URL('/login', url))).text();
  const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(page)![1]!;
  const r = await fetch(new URL('/api/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
    body: JSON.stringify({ name: 'bench', password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login: HTTP ${r.status}`);
  return /^([^;]+)/.exec(r.headers.get('set-cookie')!)![1]!;
}

async function engineFigures(name: string, at: string, clients: number, each: number): Promise<string[]> {
  await demoInto(at);
  const single: number[] = [];
  const accounts: number[] = [];
  const hash = await hashPassword(PASSWORD);
  for (let round = 0; round < 3; round++) {
    // Single-user mode first: the store has no user yet in round 0; later rounds take the user out again.
    const s = await openStore(at);
    await s.db.deleteFrom('memberships').execute();
    await s.db.deleteFrom('sessions').execute();
    await s.db.deleteFrom('users').execute();
    await s.close();
    let server = await startServer({ db: at, port: 0 });
    await load(server.url, '', 2, 5);
    single.push(...(await load(server.url, '', clients, each)));
    await server.close();
    const t = await openStore(at);
    const id = await createUser(t, 'bench', hash);
    await setMembership(t, id, (await ensureCourse(t, 'bench')).id, 'ta');
    await t.close();
    server = await startServer({ db: at, port: 0 });
    const cookie = await login(server.url);
    await load(server.url, cookie, 2, 5);
    accounts.push(...(await load(server.url, cookie, clients, each)));
    await server.close();
  }
  const p = (xs: number[], q: number) => quantile(xs, q).toFixed(1);
  return [
    `${name}: GET grid (4 submissions × 7 parts), ${clients} clients × ${each} requests × 3 rounds each mode:`,
    `  single-user  p50 ${p(single, 0.5)} ms  p99 ${p(single, 0.99)} ms`,
    `  accounts     p50 ${p(accounts, 0.5)} ms  p99 ${p(accounts, 0.99)} ms   (session + role checks: p50 ×${(quantile(accounts, 0.5) / quantile(single, 0.5)).toFixed(2)} of single-user)`,
  ];
}

export async function runAccountsBench(): Promise<string[]> {
  const out: string[] = [];
  const hashes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await hashPassword(PASSWORD);
    hashes.push(performance.now() - t0);
  }
  const stored = await hashPassword(PASSWORD);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 20 }, () => verifyPassword(PASSWORD, stored)));
  const twenty = performance.now() - t0;
  out.push(`scrypt (N=2^15, r=8, 32 MiB): one hash, median of 5: ${quantile(hashes, 0.5).toFixed(0)} ms; 20 logins checked at once: ${twenty.toFixed(0)} ms (libuv's pool of 4 threads)`);
  out.push(...(await engineFigures('sqlite', join(mkdtempSync(join(tmpdir(), 'partcredit-bench-accounts-')), 'store.db'), 20, 25)));
  const pgUrl = process.env.PARTCREDIT_TEST_PG;
  if (pgUrl) {
    const name = `pc_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    try {
      out.push(...(await engineFigures('postgres', url.toString(), 20, 25)));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else out.push('postgres: PARTCREDIT_TEST_PG is not set (bash .ci/postgres starts a cluster): not measured');
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`machine load at start: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} (1-minute average; 2 cores)`);
  for (const line of await runAccountsBench()) console.log(line);
}
