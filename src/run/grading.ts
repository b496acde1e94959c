import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { SubmissionGrade } from '../model/grade.js';
import type { Submission } from '../model/submission.js';
import { readSubmissionFile } from '../documents/submission.js';
import type { PageTranscriber } from '../documents/read-file.js';
import { regionOfAnswer } from '../documents/pdf/document.js';
import { renderRegion } from '../documents/pdf/render.js';
import { gradeSubmission } from '../grade/grade.js';
import { assignmentOf, isAssignment, type Assignment } from '../documents/assignment.js';
import type { Store } from '../store/db.js';
import { judgePart, type JudgeAsk } from '../grade/judge.js';
import { UserError } from '../model/errors.js';

/** One submission's outcome in a run: graded, or the reason it could not be read. */
export interface GradedSubmission {
  path: string;
  submission?: Submission;
  grade?: SubmissionGrade;
  error?: string;
  /** For a PDF: each answered part's page region as a PNG data URL, for reports to show beside the verdict. */
  sourceImages?: Map<string, string>;
}

/** Renders the page region each part's final answer was read from (PDF submissions only). */
export async function sourceImages(submission: Submission, pdf: Uint8Array): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  const regions = submission.source?.kind === 'pdf' ? submission.source.regions : undefined;
  if (!regions?.length) return images;
  for (const r of submission.responses) {
    const where = regionOfAnswer(submission.text, r.final.text, regions);
    if (!where) continue;
    const png = await renderRegion(pdf, where.page, where.box, 1.5);
    images.set(r.partId, `data:image/png;base64,${png.toString('base64')}`);
  }
  return images;
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
  /** A judge for free-text parts; without one they stay needs-review. */
  judge?: JudgeAsk;
  /** Reads PDF pages that have no text layer (`--read-with`). */
  transcriber?: PageTranscriber;
  /** Render the page region of each answer read from a PDF (for HTML reports). */
  renderSources?: boolean;
}

/** Replaces the needs-review grades of text parts that have a rubric with the judge's verdict. */
export async function judgeTextParts(grade: SubmissionGrade, submission: Submission, key: Key, judge: JudgeAsk): Promise<SubmissionGrade> {
  const parts = await Promise.all(
    grade.parts.map(async (p) => {
      const part = key.parts.find((x) => x.id === p.id);
      const spec = part?.answers[0]?.spec;
      const response = submission.responses.find((r) => r.partId === p.id);
      if (p.verdict !== 'needs-review' || spec?.type !== 'text' || !spec.rubric?.length || !response) return p;
      return judgePart(p, spec.rubric, part?.title ?? p.id, response.final.text, judge);
    }),
  );
  const counted = parts.filter((p) => p.graded);
  return { ...grade, parts, total: Math.round(counted.reduce((s, p) => s + p.points, 0) * 1000) / 1000 };
}

/**
 * Grades submission files against a key: reads each, segments it, grades it, and commits it
 * to the store before going on, so an interrupted run keeps what it graded. A file that cannot
 * be read is reported with its path and the rest go on.
 */
export async function gradeFiles(options: GradeRunOptions): Promise<{ results: GradedSubmission[]; runId?: number; gradingId?: number }> {
  const { key, problems, files, store } = options;
  // The run is started with its first graded submission: a batch of files none of which can be
  // read leaves no empty run behind.
  let ids: { runId: number; gradingId: number } | undefined;
  const names = uniqueNames(files);
  const results: GradedSubmission[] = [];
  for (const [i, path] of files.entries()) {
    let result: GradedSubmission;
    try {
      const bytes = await readFile(path);
      const own = options.keyFor?.(path) ?? { key, ...(problems ? { problems } : {}) };
      const submission = await readSubmissionFile(bytes, names[i]!, own.key, own.problems, path, options.transcriber ? { transcriber: options.transcriber } : {});
      let grade = gradeSubmission(assignmentOf(own.key, own.problems), submission);
      if (options.judge) grade = await judgeTextParts(grade, submission, own.key, options.judge);
      if (store) {
        ids ??= await store.startRun(key, options.keyPath, options.problemsPath, options.variantsDir);
        await store.saveGraded(ids.runId, ids.gradingId, submission, grade);
      }
      result = { path, submission, grade };
      if (options.renderSources && submission.source?.kind === 'pdf') result.sourceImages = await sourceImages(submission, bytes);
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

/** A stored submission as the grader takes it: its segmented responses, not its file read again. */
export function storedSubmission(row: { name: string; path: string | null; format: string; text: string; responses: string; warnings: string }): Submission {
  return {
    id: row.name,
    ...(row.path ? { path: row.path } : {}),
    format: row.format as Submission['format'],
    text: row.text,
    responses: JSON.parse(row.responses) as Submission['responses'],
    notes: [],
    warnings: JSON.parse(row.warnings) as string[],
  };
}

/**
 * Grades a stored run again with a (changed) key: the stored responses are graded as they
 * were segmented; no submission is read or segmented again.
 */
export async function regradeRun(
  store: Store,
  runId: number,
  keyOrAssignment: Key | Assignment,
  keyPath?: string,
  keyFor?: (name: string) => Key,
): Promise<{ gradingId: number; grades: SubmissionGrade[] }> {
  // With its problem set (an Assignment), a regrade reads the values the questions state, as the
  // first grading did; a bare key would grade the same responses differently.
  const assignment = isAssignment(keyOrAssignment) ? keyOrAssignment : assignmentOf(keyOrAssignment);
  const key = assignment.key;
  const rows = await store.submissions(runId);
  // Nothing to grade is a mistake to report (a wrong --run, a batch that read no file), not a success.
  if (!rows.length) throw new UserError(`run ${runId} has no submissions to regrade (none of its files could be read)`, `--run ${runId}`);
  const gradingId = await store.startGrading(runId, key, keyPath);
  const grades: SubmissionGrade[] = [];
  for (const row of rows) {
    const submission = storedSubmission(row);
    const grade = gradeSubmission(keyFor?.(row.path ?? row.name) ?? assignment, submission);
    await store.saveGrades(gradingId, row.id, grade.parts);
    grades.push(grade);
  }
  return { gradingId, grades };
}
