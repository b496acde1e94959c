import { hostname } from 'node:os';
import { gradeSubmission } from '../grade/grade.js';
import type { Key } from '../model/key.js';
import type { Store } from '../store/db.js';
import { jobStatus, workOnJob } from '../store/jobs.js';
import { storedSubmission } from './grading.js';

/**
 * One worker on a queued regrade: grades the job's pending submissions with the key stored in
 * its grading (so every worker, started anywhere, grades with the same key) until none is left.
 * Returns how many submissions this worker graded.
 */
export async function workRegradeJob(store: Store, jobId: number, batch = 20): Promise<number> {
  const job = await jobStatus(store, jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  const key = JSON.parse(job.keyJson) as Key;
  return workOnJob(store, jobId, (row) => gradeSubmission(key, storedSubmission(row)).parts, `${hostname()}:${process.pid}`, batch);
}
