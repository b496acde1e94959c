import { hostname } from 'node:os';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../model/errors.js';
import { lockHolders } from './lock-holders.js';
import { withStatementCache } from './statement-cache.js';
import { Kysely, SqliteDialect, sql, type Generated, type Selectable } from 'kysely';
import type { Key } from '../model/key.js';
import type { Engine } from './migrations.js';
import { isPostgresUrl, migratePostgres, postgresKysely, redactUrl } from './postgres.js';
import { migrateSqlite } from './sqlite.js';
import type { PartGrade, SubmissionGrade } from '../model/grade.js';
import type { Submission } from '../model/submission.js';

/** The database's tables, as kysely types: what is stored is what these say. */
export interface Tables {
  /** `course_id` null: graded without a course; only single-user mode and the CLI see it. */
  runs: { id: Generated<number>; created_at: string; key_path: string | null; problems_path: string | null; variants_dir: string | null; course_id: Generated<number | null> };
  /** Staff accounts (accounts.ts): a course owns runs; a user has a role per course. */
  courses: { id: Generated<number>; name: string; created_at: string };
  users: { id: Generated<number>; name: string; password_hash: string | null; created_at: string };
  memberships: { user_id: number; course_id: number; role: string };
  sessions: { token_hash: string; user_id: number; created_at: string; expires_at: string };
  invites: { token_hash: string; user_id: number; course_id: number; role: string; created_by: string; created_at: string; expires_at: string; used_at: string | null };
  key_changes: { id: Generated<number>; run_id: number; part_id: string; answer: string; as_what: string; author: string; created_at: string; key_path: string };
  submissions: {
    id: Generated<number>;
    run_id: number;
    name: string;
    path: string | null;
    format: string;
    text: string;
    /** The segmented responses (PartResponse[]) as JSON: regrading reads these, not the file. */
    responses: string;
    warnings: string;
  };
  /** One grading of a run with one key; `regrade` adds another. */
  gradings: { id: Generated<number>; run_id: number; created_at: string; key_json: string; key_path: string | null };
  grades: {
    id: Generated<number>;
    grading_id: number;
    submission_id: number;
    part_id: string;
    verdict: string;
    score: number;
    points: number;
    max_points: number;
    graded: number;
    category: string | null;
    answer: string;
    expected: string;
    feedback: string;
    first_verdict: string | null;
    first_answer: string | null;
    source: string | null;
    check_name: string | null;
  };
  /** Queued grading work (jobs.ts): a regrade of a run into `grading_id`, one item per submission. */
  jobs: { id: Generated<number>; kind: string; run_id: number; grading_id: number; created_at: string; finished_at: string | null };
  job_items: { job_id: number; submission_id: number; done: number; worker: string | null; done_at: string | null };
  /** Model runs: the configuration, to resume or compare. */
  model_runs: { id: Generated<number>; created_at: string; key_path: string; problems_path: string | null; config: string; finished_at: string | null };
  /** The content-addressed cache: every model response, committed the moment it arrives. API keys are never part of it. */
  requests: { hash: string; model: string; request: string; response: string; input_tokens: number; output_tokens: number; ms: number; created_at: string };
  /** Which requests a run made, in order (its audit trail and its cost). */
  run_requests: { run_id: number; hash: string; model: string; part_id: string; step: number; cached: number };
  /** One model's outcome on one part in one sample. */
  model_results: {
    run_id: number;
    model: string;
    sample: number;
    part_id: string;
    outcome: string;
    hints_used: number | null;
    verdict: string;
    first_verdict: string;
    answer: string;
    category: string | null;
    feedback: string;
    messages: string;
    input_tokens: number;
    output_tokens: number;
    ms: number;
    /** The first answer, which the key marked wrong when the part was solved after a hint. */
    first_answer: string | null;
    /** Where the part comes in the run's protocol (migration 4): the order `compare` shows parts in. */
    position: number | null;
  };
  /** Wrong passwords (migration 4): kept in the store, so every serve process on it counts the same tries. */
  login_failures: { id: Generated<number>; key: string; at: string };
  /** The process running a model run, so a second `--resume` of it at once is refused. */
  model_run_locks: { run_id: number; pid: number; host: string; started_at: string };
}

/**
 * Text as a store keeps it: a NUL character (which a JSON chat export, a PDF's text layer or a
 * request can carry) becomes U+FFFD, as an undecodable byte would. PostgreSQL's text cannot
 * hold NUL at all, and both engines must hold the same content (db copy compares them).
 */
export function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\ufffd') : text;
}

/** JSON of a value with `storable` strings (JSON would escape a NUL, but reading it back gives it again). */
export function storableJson(value: unknown): string {
  // A replacer is called for every value (1% of grading a batch); JSON prints a NUL as `\u0000` (and the six
  // characters `\u0000` in a text as `\\u0000`, which this finds too), so only a text that may hold one takes it.
  const json = JSON.stringify(value);
  return json?.includes('\\u0000') ? JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? storable(v) : v)) : json;
}

/** The columns of a model result that a resume replaces (all but its key). */
const RESULT_COLUMNS = [
  'outcome',
  'hints_used',
  'verdict',
  'first_verdict',
  'answer',
  'category',
  'feedback',
  'messages',
  'input_tokens',
  'output_tokens',
  'ms',
  'first_answer',
  'position',
] as const satisfies readonly (keyof Tables['model_results'])[];

/** How a store waits for another process's write: each try blocks this long, then says so. */
const BUSY_STEP_MS = 1000;

/** Options of a store. */
export interface StoreOptions {
  /** How long a write waits for another process that holds the store (default 60 s), then fails naming it. */
  busyWaitMs?: number;
  /** Told (about once every 5 s) while a write waits for another process: for a progress line. */
  onBusy?: (message: string) => void;
  /** Told when opening applied schema migrations (a new store, or an upgrade): one line. */
  onMigrate?: (message: string) => void;
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Whether the process that took a lock still runs (on this host; another host's cannot be told, so it counts as running). */
function holderAlive(lock: { pid: number; host: string }): boolean {
  if (lock.host !== hostname()) return true;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The store: a SQLite file (default `./partcredit.db`) or a PostgreSQL database (a
 * `postgres://` URL; open it with `openStore`, which applies the migrations). Every graded
 * submission is committed in its own transaction as soon as it is graded, so an interrupted
 * batch keeps what it did.
 */
export class Store {
  readonly db: Kysely<Tables>;
  readonly engine: Engine;

  constructor(
    readonly path = 'partcredit.db',
    private readonly options: StoreOptions = {},
  ) {
    if (isPostgresUrl(path)) {
      this.engine = 'postgres';
      this.db = postgresKysely<Tables>(path);
      return;
    }
    this.engine = 'sqlite';
    // Short busy timeouts, retried: a long wait for another process is told, and ends with its name.
    const file = new Database(path, { timeout: BUSY_STEP_MS });
    const told = this.writing(() => {
      file.pragma('journal_mode = WAL');
      file.pragma('foreign_keys = ON');
      return migrateSqlite(file, path);
    });
    if (told) options.onMigrate?.(told);
    this.db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  }

  /** Where the store is, for messages: the file, or the URL without its password. */
  get where(): string {
    return redactUrl(this.path);
  }

  /** Who holds the store, in words: `process 123 (node main.js grade ...)`, or `another process`. */
  private holders(): string {
    const found = this.path === ':memory:' ? [] : lockHolders(this.path);
    return found.length ? found.map((h) => `process ${h.pid}${h.command ? ` (${h.command})` : ''}`).join(', ') : 'another process';
  }

  /** The message after a write waited `waited` ms; a UserError once the wait is over. */
  private busy(waited: number, lastTold: { at: number }): void {
    const limit = this.options.busyWaitMs ?? 60_000;
    if (waited >= limit) {
      throw new UserError(
        `the store is locked: ${this.holders()} is writing to it and did not finish in ${Math.round(waited / 1000)} s; wait for it to finish (or stop it), then try again`,
        this.path,
      );
    }
    if (this.options.onBusy && waited - lastTold.at >= 5000 - BUSY_STEP_MS) {
      lastTold.at = waited;
      this.options.onBusy(`waiting for ${this.path}: ${this.holders()} is writing to it (${Math.round(waited / 1000)} s so far)`);
    }
  }

  /** Runs a write, retried while another process holds the store (SQLite rolled it back). */
  private writing<T>(write: () => T): T {
    const t0 = Date.now();
    const told = { at: -Infinity };
    for (;;) {
      try {
        return write();
      } catch (e) {
        if (!isBusy(e)) throw e;
        this.busy(Date.now() - t0, told);
      }
    }
  }

  /** `writing`, for kysely's asynchronous writes (jobs.ts's batches too: SQLite refuses a second writer at once). */
  async writingAsync<T>(write: () => Promise<T>): Promise<T> {
    const t0 = Date.now();
    const told = { at: -Infinity };
    for (;;) {
      try {
        return await write();
      } catch (e) {
        if (!isBusy(e)) throw e;
        this.busy(Date.now() - t0, told);
      }
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Starts a run and its first grading with the key as loaded. */
  async startRun(key: Key, keyPath?: string, problemsPath?: string, variantsDir?: string): Promise<{ runId: number; gradingId: number }> {
    // Paths absolute, so a regrade from another folder finds the same files.
    const now = new Date().toISOString();
    const abs = (p?: string) => (p ? resolve(p) : null);
    return this.writingAsync(() =>
      this.db.transaction().execute(async (tx) => {
        const run = await tx
          .insertInto('runs')
          .values({ created_at: now, key_path: abs(keyPath), problems_path: abs(problemsPath), variants_dir: abs(variantsDir) })
          .returning('id')
          .executeTakeFirstOrThrow();
        const g = await tx
          .insertInto('gradings')
          .values({ run_id: run.id, created_at: now, key_json: storableJson(key), key_path: abs(keyPath) })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { runId: run.id, gradingId: g.id };
      }),
    );
  }

  async startGrading(runId: number, key: Key, keyPath?: string): Promise<number> {
    const g = await this.writingAsync(() =>
      this.db
        .insertInto('gradings')
        .values({ run_id: runId, created_at: new Date().toISOString(), key_json: storableJson(key), key_path: keyPath ? resolve(keyPath) : null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    return g.id;
  }

  /** Saves a submission (its text and segmented responses) and its grades, in one transaction. */
  async saveGraded(runId: number, gradingId: number, submission: Submission, grade: SubmissionGrade): Promise<number> {
    return this.writingAsync(() =>
      this.db.transaction().execute(async (tx) => {
        const s = await tx
          .insertInto('submissions')
          .values({
            run_id: runId,
            name: storable(submission.id),
            path: submission.path ?? null,
            format: submission.format,
            text: storable(submission.text),
            responses: storableJson(submission.responses),
            warnings: storableJson(submission.warnings),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await this.insertGrades(tx, gradingId, s.id, grade.parts);
        return s.id;
      }),
    );
  }

  async saveGrades(gradingId: number, submissionId: number, parts: PartGrade[]): Promise<void> {
    await this.writingAsync(() => this.db.transaction().execute((tx) => this.insertGrades(tx, gradingId, submissionId, parts)));
  }

  /** Inserts a submission's part grades inside the caller's transaction (jobs.ts batches use it too). */
  async insertGrades(tx: Kysely<Tables>, gradingId: number, submissionId: number, parts: PartGrade[]): Promise<void> {
    if (!parts.length) return;
    await tx
      .insertInto('grades')
      .values(
        parts.map((p) => ({
          grading_id: gradingId,
          submission_id: submissionId,
          part_id: p.id,
          verdict: p.verdict,
          score: p.score,
          points: p.points,
          max_points: p.maxPoints,
          graded: p.graded ? 1 : 0,
          category: p.category ?? null,
          answer: storable(p.answer),
          expected: storable(p.expected),
          feedback: storable(p.feedback),
          first_verdict: p.first?.verdict ?? null,
          first_answer: p.first ? storable(p.first.answer) : null,
          source: p.source ?? null,
          check_name: p.check ?? null,
        })),
      )
      .execute();
  }

  /** The newest run, or undefined when the store is empty. */
  async latestRun(): Promise<number | undefined> {
    const r = await this.db.selectFrom('runs').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r?.id;
  }

  async submissions(runId: number): Promise<Selectable<Tables['submissions']>[]> {
    return this.db.selectFrom('submissions').selectAll().where('run_id', '=', runId).orderBy('id').execute();
  }

  async run(runId: number): Promise<{ id: number; key_path: string | null; problems_path: string | null; variants_dir: string | null } | undefined> {
    return this.db.selectFrom('runs').select(['id', 'key_path', 'problems_path', 'variants_dir']).where('id', '=', runId).executeTakeFirst();
  }

  /** The newest finished grading of a run. */
  async latestGrading(runId: number): Promise<number | undefined> {
    return (await latestGradingQuery(this.db, runId).executeTakeFirst())?.id;
  }

  /**
   * The grades of a grading, as SubmissionGrades in submission order; with `ids`, only those of
   * the submissions whose ids are in that range (the review app reads a big run in slices, so
   * no single read holds the server's event loop).
   */
  async gradesOf(gradingId: number, ids?: { from: number; to: number }): Promise<SubmissionGrade[]> {
    let q = this.db
      .selectFrom('grades')
      .innerJoin('submissions', 'submissions.id', 'grades.submission_id')
      .select([
        'submissions.name as name',
        'submissions.format as format',
        'grades.submission_id as sid',
        'grades.part_id as part_id',
        'grades.verdict as verdict',
        'grades.score as score',
        'grades.points as points',
        'grades.max_points as max_points',
        'grades.graded as graded',
        'grades.category as category',
        'grades.answer as answer',
        'grades.expected as expected',
        'grades.feedback as feedback',
        'grades.first_verdict as first_verdict',
        'grades.first_answer as first_answer',
        'grades.source as source',
        'grades.check_name as check_name',
      ])
      .where('grades.grading_id', '=', gradingId);
    if (ids) q = q.where('grades.submission_id', '>=', ids.from).where('grades.submission_id', '<=', ids.to);
    const rows = await q.orderBy('grades.submission_id').orderBy('grades.id').execute();
    const bySubmission = new Map<number, SubmissionGrade>();
    for (const r of rows) {
      let s = bySubmission.get(r.sid);
      if (!s) bySubmission.set(r.sid, (s = { submission: r.name, format: r.format as SubmissionGrade['format'], parts: [], total: 0, max: 0 }));
      const part: PartGrade = {
        id: r.part_id,
        verdict: r.verdict as PartGrade['verdict'],
        score: r.score,
        points: r.points,
        maxPoints: r.max_points,
        graded: r.graded === 1,
        answer: r.answer,
        expected: r.expected,
        feedback: r.feedback,
        ...(r.category ? { category: r.category as PartGrade['category'] } : {}),
        ...(r.first_verdict ? { first: { verdict: r.first_verdict as PartGrade['verdict'], answer: r.first_answer ?? '' } } : {}),
        ...(r.source ? { source: r.source } : {}),
        ...(r.check_name ? { check: r.check_name } : {}),
      };
      s.parts.push(part);
      if (part.graded) {
        s.total = Math.round((s.total + part.points) * 1000) / 1000;
        s.max += part.maxPoints;
      }
    }
    return [...bySubmission.values()];
  }

  /** A cached response by request hash, or undefined. */
  async cached(hash: string): Promise<Tables['requests'] | undefined> {
    return this.db.selectFrom('requests').selectAll().where('hash', '=', hash).executeTakeFirst();
  }

  /** Commits a response as it arrives (its own transaction: a kill loses nothing that arrived). */
  async cache(row: Tables['requests']): Promise<void> {
    // Two samples or two processes may ask the same request at once: the first answer stays.
    await this.writingAsync(() =>
      this.db
        .insertInto('requests')
        .values({ ...row, request: storable(row.request), response: storable(row.response) })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute(),
    );
  }

  async logRequest(row: Tables['run_requests']): Promise<void> {
    await this.writingAsync(() => this.db.insertInto('run_requests').values(row).execute());
  }

  /**
   * Starts a model run, locked by this process (see `lockModelRun`). Paths are stored absolute,
   * so `--resume` finds the key and the problem set from any folder.
   */
  async startModelRun(keyPath: string, problemsPath: string | undefined, config: object): Promise<number> {
    const now = new Date().toISOString();
    return this.writingAsync(() =>
      this.db.transaction().execute(async (tx) => {
        const run = await tx
          .insertInto('model_runs')
          .values({ created_at: now, key_path: resolve(keyPath), problems_path: problemsPath ? resolve(problemsPath) : null, config: JSON.stringify(config) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('model_run_locks').values({ run_id: run.id, pid: process.pid, host: hostname(), started_at: now }).execute();
        return run.id;
      }),
    );
  }

  /**
   * Takes a model run for this process, so two processes never send its pending requests twice.
   * A lock whose process is gone (killed, crashed) is taken over; a live one is a UserError.
   * Taken with an insert that does nothing on conflict, and a takeover that updates only the
   * lock it saw: of two processes at once, on either engine, exactly one gets the run.
   */
  async lockModelRun(runId: number): Promise<void> {
    const mine = { run_id: runId, pid: process.pid, host: hostname(), started_at: new Date().toISOString() };
    for (let attempt = 0; attempt < 5; attempt++) {
      const took = await this.writingAsync(() =>
        this.db
          .insertInto('model_run_locks')
          .values(mine)
          .onConflict((oc) => oc.column('run_id').doNothing())
          .returning('run_id')
          .executeTakeFirst(),
      );
      if (took) return;
      const held = await this.db.selectFrom('model_run_locks').selectAll().where('run_id', '=', runId).executeTakeFirst();
      if (!held) continue; // given back in between: insert again
      if (holderAlive(held)) {
        const by = held.pid === process.pid && held.host === hostname() ? 'this process' : `process ${held.pid}${held.host === hostname() ? '' : ` on ${held.host}`}`;
        throw new UserError(`model run ${runId} is being run by ${by} (since ${held.started_at}); wait for it to finish or stop it, then resume`, `--resume ${runId}`);
      }
      const r = await this.writingAsync(() =>
        this.db
          .updateTable('model_run_locks')
          .set(mine)
          .where('run_id', '=', runId)
          .where('pid', '=', held.pid)
          .where('host', '=', held.host)
          .where('started_at', '=', held.started_at)
          .executeTakeFirst(),
      );
      if (Number(r.numUpdatedRows) === 1) return;
    }
    throw new UserError(`model run ${runId} is being taken by another process at this moment; try again`, `--resume ${runId}`);
  }

  /** Gives a model run back (only this process's own lock). */
  async unlockModelRun(runId: number): Promise<void> {
    await this.writingAsync(() => this.db.deleteFrom('model_run_locks').where('run_id', '=', runId).where('pid', '=', process.pid).where('host', '=', hostname()).execute());
  }

  async modelRun(id: number): Promise<Selectable<Tables['model_runs']> | undefined> {
    return this.db.selectFrom('model_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Saves (or replaces, on resume) a model's outcomes on parts, in one transaction: a sample's
   * parts are written together once its protocol ends, not a write per part.
   */
  async saveResults(rows: Tables['model_results'][]): Promise<void> {
    if (!rows.length) return;
    await this.writingAsync(() =>
      this.db.transaction().execute(async (tx) => {
        // 100 rows of 17 columns: under both engines' limits on bound parameters.
        for (let i = 0; i < rows.length; i += 100) {
          await tx
            .insertInto('model_results')
            .values(rows.slice(i, i + 100))
            .onConflict((oc) => oc.columns(['run_id', 'model', 'sample', 'part_id']).doUpdateSet((eb) => Object.fromEntries(RESULT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])) as never))
            .execute();
        }
      }),
    );
  }

  async finishModelRun(id: number): Promise<void> {
    await this.writingAsync(() => this.db.updateTable('model_runs').set({ finished_at: new Date().toISOString() }).where('id', '=', id).execute());
  }

  /**
   * A model run's results, parts in the order the run asked them (`position`), then by model
   * and sample: the same on both engines, whichever model answered first.
   */
  async results(runId: number): Promise<Tables['model_results'][]> {
    return this.db.selectFrom('model_results').selectAll().where('run_id', '=', runId).orderBy('position').orderBy('model').orderBy('sample').orderBy('part_id').execute();
  }

  /** How many rows each table holds (for messages and tests). */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of ['runs', 'submissions', 'gradings', 'grades', 'model_runs', 'requests', 'run_requests', 'model_results'] as const) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(this.db);
      out[t] = r.rows[0]!.n;
    }
    return out;
  }
}

/**
 * Opens a store by where it lives: a `postgres://` URL is a PostgreSQL database, anything else
 * a SQLite file. Both have their missing migrations applied before this returns.
 */
export async function openStore(location = 'partcredit.db', options: StoreOptions = {}): Promise<Store> {
  const store = new Store(location, options);
  if (store.engine === 'postgres') {
    try {
      const told = await migratePostgres(store.db as Kysely<unknown>, location);
      if (told) options.onMigrate?.(told);
    } catch (e) {
      await store.close();
      const code = (e as { code?: string }).code;
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01' || code === '28000')
        throw new UserError(`cannot open the store: ${(e as Error).message}`, redactUrl(location));
      throw e;
    }
  }
  return store;
}

/** Where the store is: `--db` if given, else `PARTCREDIT_DB`, else `./partcredit.db`. */
export function storeLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.PARTCREDIT_DB || 'partcredit.db');
}

/**
 * The query of a run's newest grading that readers may see: a grading that a queued job is
 * still filling (jobs.ts) is not a run's grades yet, so readers see the one before until it finishes.
 */
export function latestGradingQuery(db: Kysely<Tables>, runId: number) {
  return db
    .selectFrom('gradings')
    .select('id')
    .where('run_id', '=', runId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('jobs').select('jobs.id').whereRef('jobs.grading_id', '=', 'gradings.id').where('jobs.finished_at', 'is', null))))
    .orderBy('id', 'desc')
    .limit(1);
}
