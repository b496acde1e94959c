import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { gradeSubmission } from '../grade/grade.js';
import { assignmentOf } from '../documents/assignment.js';
import { loadProblemSet } from '../documents/problem-set-file.js';
import type { Key } from '../model/key.js';
import type { Store } from '../store/db.js';
import { jobStatus, workOnJob } from '../store/jobs.js';
import { storedSubmission } from './grading.js';

/**
 * One worker on a queued regrade: grades the job's pending submissions with the key stored in
 * its grading (so every worker, started anywhere, grades with the same key) and the run's
 * problem set, read again as `partcredit regrade` does, until none is left. Without the problem
 * set, values its questions state (`g_1 = ...`) would go unread and a queued regrade with an
 * unchanged key would decide differently from the grading. Returns how many submissions this
 * worker graded.
 */
export async function workRegradeJob(store: Store, jobId: number, batch = 20): Promise<number> {
  const job = await jobStatus(store, jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  const key = JSON.parse(job.keyJson) as Key;
  const run = await store.run(job.runId);
  const problems = run?.problems_path && existsSync(run.problems_path) ? (await loadProblemSet(run.problems_path)).set : undefined;
  const assignment = assignmentOf(key, problems);
  return workOnJob(store, jobId, (row) => gradeSubmission(assignment, storedSubmission(row)).parts, `${hostname()}:${process.pid}`, batch);
}
