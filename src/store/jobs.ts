import type { Kysely, Selectable } from 'kysely';
import type { PartGrade } from '../model/grade.js';
import type { Key } from '../model/key.js';
import { storableJson, type Store, type Tables } from './db.js';

/**
 * Grading as queued jobs in the store. A job is a regrade of a run into a new grading, one item
 * per submission. Workers (any number of processes) take items in batches with
 * `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL, grade them, and write the grades and the
 * item's `done` mark in the batch's one transaction: a worker killed mid-batch commits nothing
 * of it, its locks go with its connection, and another worker (or the same command run again)
 * takes those items. No graded part is lost and none is stored twice.
 */

/** Queues a regrade of every submission of `runId` with `key`: a new grading and a job over it. */
export async function enqueueRegrade(store: Store, runId: number, key: Key, keyPath?: string): Promise<{ jobId: number; gradingId: number; items: number }> {
  return store.db.transaction().execute(async (tx) => {
    const g = await tx
      .insertInto('gradings')
      .values({ run_id: runId, created_at: new Date().toISOString(), key_json: storableJson(key), key_path: keyPath ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const job = await tx
      .insertInto('jobs')
      .values({ kind: 'regrade', run_id: runId, grading_id: g.id, created_at: new Date().toISOString(), finished_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const subs = await tx.selectFrom('submissions').select('id').where('run_id', '=', runId).orderBy('id').execute();
    for (let i = 0; i < subs.length; i += 500) {
      await tx
        .insertInto('job_items')
        .values(subs.slice(i, i + 500).map((s) => ({ job_id: job.id, submission_id: s.id, done: 0, worker: null, done_at: null })))
        .execute();
    }
    return { jobId: job.id, gradingId: g.id, items: subs.length };
  });
}

/** A job and how far it is. */
export interface JobStatus {
  id: number;
  kind: string;
  runId: number;
  gradingId: number;
  total: number;
  done: number;
  finished: boolean;
  keyJson: string;
}

export async function jobStatus(store: Store, jobId: number): Promise<JobStatus | undefined> {
  const job = await store.db
    .selectFrom('jobs')
    .innerJoin('gradings', 'gradings.id', 'jobs.grading_id')
    .select(['jobs.id as id', 'jobs.kind as kind', 'jobs.run_id as run_id', 'jobs.grading_id as grading_id', 'jobs.finished_at as finished_at', 'gradings.key_json as key_json'])
    .where('jobs.id', '=', jobId)
    .executeTakeFirst();
  if (!job) return undefined;
  const counts = await store.db
    .selectFrom('job_items')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('done').as('done')])
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return {
    id: job.id,
    kind: job.kind,
    runId: job.run_id,
    gradingId: job.grading_id,
    total: Number(counts.total),
    done: Number(counts.done ?? 0),
    finished: job.finished_at !== null,
    keyJson: job.key_json,
  };
}

/** Grades one stored submission (the caller's grading: a key, variants). */
export type GradeStored = (row: Selectable<Tables['submissions']>) => PartGrade[];

/**
 * Works on a job until no item is left to take: batches of `batch` submissions, each graded and
 * committed with its done marks in one transaction. Returns how many items this worker did.
 * When nothing is pending any more, marks the job finished.
 */
export async function workOnJob(store: Store, jobId: number, grade: GradeStored, worker: string, batch = 20): Promise<number> {
  const status = await jobStatus(store, jobId);
  if (!status) throw new Error(`no job ${jobId}`);
  let did = 0;
  for (;;) {
    const { taken, done } = await store.writingAsync(() => store.db.transaction().execute(async (tx) => takeAndGrade(tx, store, jobId, status.gradingId, grade, worker, batch)));
    if (taken === 0) break;
    did += done;
  }
  const left = await store.db.selectFrom('job_items').select('submission_id').where('job_id', '=', jobId).where('done', '=', 0).limit(1).executeTakeFirst();
  if (!left) await store.db.updateTable('jobs').set({ finished_at: new Date().toISOString() }).where('id', '=', jobId).where('finished_at', 'is', null).execute();
  return did;
}

/** One batch: take pending items nobody holds, grade them, write grades and marks. `taken` 0: nothing left. */
async function takeAndGrade(tx: Kysely<Tables>, store: Store, jobId: number, gradingId: number, grade: GradeStored, worker: string, batch: number): Promise<{ taken: number; done: number }> {
  let q = tx.selectFrom('job_items').select('submission_id').where('job_id', '=', jobId).where('done', '=', 0).orderBy('submission_id').limit(batch);
  // SQLite has no row locks (one writer at a time): the `done = 0` guard below keeps a second worker from storing an item twice.
  if (store.engine === 'postgres') q = q.forUpdate().skipLocked();
  const ids = (await q.execute()).map((r) => r.submission_id);
  if (!ids.length) return { taken: 0, done: 0 };
  const rows = await tx.selectFrom('submissions').selectAll().where('id', 'in', ids).orderBy('id').execute();
  let done = 0;
  for (const row of rows) {
    const mark = await tx
      .updateTable('job_items')
      .set({ done: 1, worker, done_at: new Date().toISOString() })
      .where('job_id', '=', jobId)
      .where('submission_id', '=', row.id)
      .where('done', '=', 0)
      .executeTakeFirst();
    if (Number(mark.numUpdatedRows) !== 1) continue;
    await store.insertGrades(tx, gradingId, row.id, grade(row));
    done++;
  }
  return { taken: ids.length, done };
}
