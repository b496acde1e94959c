import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated, type Selectable } from 'kysely';
import type { Key } from '../model/key.js';
import { UserError } from '../model/errors.js';
import type { Engine } from './migrations.js';
import { isPostgresUrl, migratePostgres, postgresKysely, redactUrl } from './postgres.js';
import { migrateSqlite } from './sqlite.js';
import type { PartGrade, SubmissionGrade } from '../model/grade.js';
import type { Submission } from '../model/submission.js';

/** The database's tables, as kysely types: what is stored is what these say. */
export interface Tables {
  runs: { id: Generated<number>; created_at: string; key_path: string | null; problems_path: string | null; variants_dir: string | null };
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
  };
}

/** Options of a store. */
export interface StoreOptions {
  /** Told when opening applied schema migrations (a new store, or an upgrade): one line. */
  onMigrate?: (message: string) => void;
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
  private readonly file: Database.Database | undefined;

  constructor(
    readonly path = 'partcredit.db',
    options: StoreOptions = {},
  ) {
    if (isPostgresUrl(path)) {
      this.engine = 'postgres';
      this.file = undefined;
      this.db = postgresKysely<Tables>(path);
      return;
    }
    this.engine = 'sqlite';
    this.file = new Database(path);
    this.file.pragma('journal_mode = WAL');
    this.file.pragma('foreign_keys = ON');
    const told = migrateSqlite(this.file, path);
    if (told) options.onMigrate?.(told);
    this.db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: this.file }) });
  }

  /** Where the store is, for messages: the file, or the URL without its password. */
  get where(): string {
    return redactUrl(this.path);
  }

  /** The SQLite file, for the model-run cache's synchronous hot path (not yet on PostgreSQL). */
  private get raw(): Database.Database {
    if (!this.file) throw new UserError('model runs (partcredit run, compare) keep their request cache in a SQLite store for now: give --db FILE', redactUrl(this.path));
    return this.file;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Starts a run and its first grading with the key as loaded. */
  async startRun(key: Key, keyPath?: string, problemsPath?: string, variantsDir?: string): Promise<{ runId: number; gradingId: number }> {
    const now = new Date().toISOString();
    const run = await this.db.insertInto('runs').values({ created_at: now, key_path: keyPath ?? null, problems_path: problemsPath ?? null, variants_dir: variantsDir ?? null }).returning('id').executeTakeFirstOrThrow();
    const gradingId = await this.startGrading(run.id, key, keyPath);
    return { runId: run.id, gradingId };
  }

  async startGrading(runId: number, key: Key, keyPath?: string): Promise<number> {
    const g = await this.db
      .insertInto('gradings')
      .values({ run_id: runId, created_at: new Date().toISOString(), key_json: JSON.stringify(key), key_path: keyPath ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return g.id;
  }

  /** Saves a submission (its text and segmented responses) and its grades, in one transaction. */
  async saveGraded(runId: number, gradingId: number, submission: Submission, grade: SubmissionGrade): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const s = await tx
        .insertInto('submissions')
        .values({
          run_id: runId,
          name: submission.id,
          path: submission.path ?? null,
          format: submission.format,
          text: submission.text,
          responses: JSON.stringify(submission.responses),
          warnings: JSON.stringify(submission.warnings),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.insertGrades(tx, gradingId, s.id, grade.parts);
      return s.id;
    });
  }

  async saveGrades(gradingId: number, submissionId: number, parts: PartGrade[]): Promise<void> {
    await this.db.transaction().execute((tx) => this.insertGrades(tx, gradingId, submissionId, parts));
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
          answer: p.answer,
          expected: p.expected,
          feedback: p.feedback,
          first_verdict: p.first?.verdict ?? null,
          first_answer: p.first?.answer ?? null,
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

  /** The newest grading of a run. */
  async latestGrading(runId: number): Promise<number | undefined> {
    const g = await this.db.selectFrom('gradings').select('id').where('run_id', '=', runId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return g?.id;
  }

  /** The grades of a grading, as SubmissionGrades in submission order. */
  async gradesOf(gradingId: number): Promise<SubmissionGrade[]> {
    const rows = await this.db
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
      .where('grades.grading_id', '=', gradingId)
      .orderBy('grades.submission_id')
      .orderBy('grades.id')
      .execute();
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

  /** A cached response by request hash, or undefined. Reads the file directly: it is on the hot path. */
  cached(hash: string): Tables['requests'] | undefined {
    return this.raw.prepare('SELECT * FROM requests WHERE hash = ?').get(hash) as Tables['requests'] | undefined;
  }

  /** Commits a response as it arrives (its own transaction: a kill loses nothing that arrived). */
  cache(row: Tables['requests']): void {
    this.raw.prepare('INSERT OR IGNORE INTO requests (hash, model, request, response, input_tokens, output_tokens, ms, created_at) VALUES (@hash, @model, @request, @response, @input_tokens, @output_tokens, @ms, @created_at)').run(row);
  }

  logRequest(row: Tables['run_requests']): void {
    this.raw.prepare('INSERT INTO run_requests (run_id, hash, model, part_id, step, cached) VALUES (@run_id, @hash, @model, @part_id, @step, @cached)').run(row);
  }

  startModelRun(keyPath: string, problemsPath: string | undefined, config: object): number {
    return Number(this.raw.prepare('INSERT INTO model_runs (created_at, key_path, problems_path, config) VALUES (?, ?, ?, ?)').run(new Date().toISOString(), keyPath, problemsPath ?? null, JSON.stringify(config)).lastInsertRowid);
  }

  modelRun(id: number): Tables['model_runs'] | undefined {
    return this.raw.prepare('SELECT * FROM model_runs WHERE id = ?').get(id) as Tables['model_runs'] | undefined;
  }

  /** Saves (or replaces, on resume) one model's outcome on a part. */
  saveResult(row: Tables['model_results']): void {
    this.raw.prepare('INSERT OR REPLACE INTO model_results VALUES (@run_id, @model, @sample, @part_id, @outcome, @hints_used, @verdict, @first_verdict, @answer, @category, @feedback, @messages, @input_tokens, @output_tokens, @ms)').run(row);
  }

  finishModelRun(id: number): void {
    this.raw.prepare('UPDATE model_runs SET finished_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }

  results(runId: number): Tables['model_results'][] {
    return this.raw.prepare('SELECT * FROM model_results WHERE run_id = ? ORDER BY rowid').all(runId) as Tables['model_results'][];
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
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01' || code === '28000') throw new UserError(`cannot open the store: ${(e as Error).message}`, redactUrl(location));
      throw e;
    }
  }
  return store;
}

/** Where the store is: `--db` if given, else `PARTCREDIT_DB`, else `./partcredit.db`. */
export function storeLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.PARTCREDIT_DB || 'partcredit.db');
}
