import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { SubmissionGrade } from '../model/grade.js';
import type { Submission } from '../model/submission.js';
import { readSubmission } from '../documents/submission.js';
import { gradeSubmission } from '../grade/grade.js';
import type { Store } from '../store/db.js';

/** One submission's outcome in a run: graded, or the reason it could not be read. */
export interface GradedSubmission {
  path: string;
  submission?: Submission;
  grade?: SubmissionGrade;
  error?: string;
}

export interface GradeRunOptions {
  key: Key;
  problems?: ProblemSet;
  files: string[];
  store?: Store;
  keyPath?: string;
  problemsPath?: string;
  /** Called after each submission, for progress displays. */
  onProgress?: (done: number, total: number, last: GradedSubmission) => void;
  /** Per-student variants: the key (and problem set) for one file; the run's key when undefined. */
  keyFor?: (path: string) => { key: Key; problems?: ProblemSet };
  variantsDir?: string;
}

/**
 * Grades submission files against a key: reads each, segments it, grades it, and commits it
 * to the store before going on, so an interrupted run keeps what it graded. A file that cannot
 * be read is reported with its path and the rest go on.
 */
export async function gradeFiles(options: GradeRunOptions): Promise<{ results: GradedSubmission[]; runId?: number; gradingId?: number }> {
  const { key, problems, files, store } = options;
  const ids = store ? await store.startRun(key, options.keyPath, options.problemsPath, options.variantsDir) : undefined;
  const names = uniqueNames(files);
  const results: GradedSubmission[] = [];
  for (const [i, path] of files.entries()) {
    let result: GradedSubmission;
    try {
      const text = await readFile(path, 'utf8');
      const own = options.keyFor?.(path) ?? { key, ...(problems ? { problems } : {}) };
      const submission = readSubmission(text, names[i]!, own.key, own.problems, path);
      const grade = gradeSubmission(own.key, submission);
      if (store && ids) await store.saveGraded(ids.runId, ids.gradingId, submission, grade);
      result = { path, submission, grade };
    } catch (e) {
      result = { path, error: `${path}: ${e instanceof Error ? e.message : String(e)}` };
    }
    results.push(result);
    options.onProgress?.(i + 1, files.length, result);
  }
  return { results, ...(ids ? ids : {}) };
}

/** File names for reports, made unique when two paths share a base name. */
function uniqueNames(files: string[]): string[] {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(basename(f), (counts.get(basename(f)) ?? 0) + 1);
  return files.map((f) => ((counts.get(basename(f)) ?? 0) > 1 ? f : basename(f)));
}

/**
 * Grades a stored run again with a (changed) key: the stored responses are graded as they
 * were segmented; no submission is read or segmented again.
 */
export async function regradeRun(store: Store, runId: number, key: Key, keyPath?: string, keyFor?: (name: string) => Key): Promise<{ gradingId: number; grades: SubmissionGrade[] }> {
  const gradingId = await store.startGrading(runId, key, keyPath);
  const grades: SubmissionGrade[] = [];
  for (const row of await store.submissions(runId)) {
    const submission: Submission = {
      id: row.name,
      ...(row.path ? { path: row.path } : {}),
      format: row.format as Submission['format'],
      text: row.text,
      responses: JSON.parse(row.responses) as Submission['responses'],
      notes: [],
      warnings: JSON.parse(row.warnings) as string[],
    };
    const grade = gradeSubmission(keyFor?.(row.path ?? row.name) ?? key, submission);
    await store.saveGrades(gradingId, (row as unknown as { id: number }).id, grade.parts);
    grades.push(grade);
  }
  return { gradingId, grades };
}
