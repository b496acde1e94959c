import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Key } from '../model/key.js';
import type { PartVerdict } from '../model/grade.js';
import type { PartResponse } from '../model/submission.js';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/db.js';
import { recordKeyChange } from '../store/accounts.js';
import { agreementByPart, inForce, overrideKey, saveOverride, type ReviewedPart, type ReviewedSubmission } from '../store/overrides.js';
import { groupAnswers } from '../grade/groups.js';
import { acceptInKey, type AcceptAs } from '../documents/key-accept.js';
import { loadKey, formatKeyProblem } from '../documents/key.js';
import { regradeRun } from '../run/grading.js';
import { assignmentOf } from '../documents/assignment.js';
import { loadProblemSet } from '../documents/problem-set-file.js';
import { answerSegments, answerSpans } from '../report/html.js';
import { renderMarkdown, typesetAnswer } from '../report/markdown-math.js';
import { gradebookCsv } from '../report/csv.js';
import { canvasCsv, gradescopeResults, readRoster } from '../report/exports.js';
import { submissionHtml } from '../report/html.js';
import { cellOf, confidenceOf, VERDICTS, type Cell } from './grid.js';
import { RunStates, type RunState } from './run-state.js';

export { CONFIDENCE, type Confidence, confidenceOf, FLAG, VERDICTS } from './grid.js';

/**
 * The review app's operations over the store, independent of HTTP: the server is a thin
 * shell over this class, and tests and scripts can use it directly. A run's newest grading
 * and its overrides are kept in memory (run-state.ts), so a request reads only what changed:
 * the overrides stored since the last it saw, by this process or any other.
 */
export class Review {
  private readonly runs: RunStates;

  constructor(
    readonly store: Store,
    readonly defaultAuthor: string,
  ) {
    this.runs = new RunStates(store);
  }

  /** Every grading run in the store, newest first; with `courses`, only the runs those courses own. */
  async listRuns(courses?: number[]): Promise<{ id: number; createdAt: string; keyPath: string | null; title: string; submissions: number; gradings: number; courseId: number | null }[]> {
    // One query for the list, counts and newest key included: it is the app's most frequent
    // request, and a query per run (and every grading's whole key) made it slower with each run.
    let q = this.store.db
      .selectFrom('runs')
      .selectAll('runs')
      .select((eb) => [
        eb.selectFrom('submissions').select(eb.fn.countAll<number>().as('n')).whereRef('submissions.run_id', '=', 'runs.id').as('submissions'),
        eb.selectFrom('gradings').select(eb.fn.countAll<number>().as('n')).whereRef('gradings.run_id', '=', 'runs.id').as('gradings'),
        eb.selectFrom('gradings').select('gradings.key_json').whereRef('gradings.run_id', '=', 'runs.id').orderBy('gradings.id', 'desc').limit(1).as('key_json'),
      ])
      .orderBy('runs.id', 'desc');
    if (courses) q = q.where('runs.course_id', 'in', courses.length ? courses : [-1]);
    return (await q.execute()).map((r) => {
      const key = r.key_json ? (JSON.parse(r.key_json) as Key) : undefined;
      return {
        id: r.id,
        createdAt: r.created_at,
        keyPath: r.key_path,
        title: key?.title ?? r.key_path ?? `run ${r.id}`,
        submissions: Number(r.submissions ?? 0),
        gradings: Number(r.gradings ?? 0),
        courseId: r.course_id,
      };
    });
  }

  private state(runId: number): Promise<RunState> {
    return this.runs.get(runId);
  }

  /** Grades of a run with the overrides in force (what exports use). */
  async reviewed(runId: number): Promise<ReviewedSubmission[]> {
    return (await this.state(runId)).reviewed;
  }

  /**
   * The grid: a row per submission, a column per part; each cell is
   * `[verdict index, points, category or null, confidence index, flags]`, compact for 1,500 × 30.
   */
  async grid(runId: number): Promise<{
    run: number;
    grading: number;
    title: string;
    verdicts: PartVerdict[];
    confidence: readonly string[];
    parts: { id: string; title?: string; maxPoints: number }[];
    rows: { name: string; total: number; max: number; cells: Cell[] }[];
  }> {
    return JSON.parse(await this.gridJson(runId));
  }

  /**
   * The grid as JSON text, and its version (an ETag): only the rows overrides changed are
   * serialized again. `newer`: a newer grading is being read, and this grid is the previous one's.
   */
  async gridJson(runId: number): Promise<string> {
    return (await this.gridWithVersion(runId)).json;
  }

  /** `gridJson` with what an HTTP cache needs: the version, and whether a newer grading is on its way. */
  async gridWithVersion(runId: number): Promise<{ json: string; version: string; newer: boolean }> {
    const s = await this.state(runId);
    return { json: await s.gridJson(), version: s.version, newer: this.runs.newerLoading(runId) };
  }

  /** One part of one submission: the text with the answer marked, the question, the verdict's evidence and its history. */
  async partView(runId: number, submission: string, partId: string): Promise<object> {
    const s = await this.state(runId);
    const g = s.submission(submission);
    const p = g?.parts.find((x) => x.id === partId);
    const id = s.submissionId(submission);
    if (!g || !p || id === undefined) throw new UserError(`run ${runId} has no part ${partId} of ${submission}`);
    const row = await this.store.db.selectFrom('submissions').select(['text', 'responses', 'format', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
    const responses = JSON.parse(row.responses) as PartResponse[];
    const response = responses.find((r) => r.partId === partId);
    const keyPart = s.key.parts.find((x) => x.id === partId);
    const question = await s.question(partId);
    const history = s.history(submission, partId);
    return {
      submission,
      part: partId,
      /** The newest override of this part (a withdrawal too), or null: sent back as an override's `base`, so a change made meanwhile is not overwritten unseen. */
      version: history[0]?.id ?? null,
      /** The part's grid cell and the submission's total as they are now (another reviewer may have changed them). */
      cell: cellOf(p),
      total: g.total,
      title: keyPart?.title ?? '',
      question: question ? renderMarkdown(question) : '',
      /** The submission's text as Markdown segments, the answer's marked: the UI typesets them (report/segments.ts), so the server does not for every view. */
      segments: answerSegments({ name: submission, text: row.text, responses }, partId),
      /** The answer's spot on the PDF page can be shown (GET .../answer.png). */
      image: !!row.path && /\.pdf$/i.test(row.path) && existsSync(row.path),
      verdict: p.verdict,
      points: p.points,
      maxPoints: p.maxPoints,
      category: p.category ?? null,
      confidence: confidenceOf(p),
      check: p.check ?? null,
      source: p.source ?? null,
      feedback: p.feedback,
      answer: p.answer,
      answerHtml: typesetAnswer(p.answer),
      expected: p.expected,
      expectedHtml: s.typeset(p.expected),
      first: p.first ? { verdict: p.first.verdict, answer: p.first.answer, html: typesetAnswer(p.first.answer), text: response?.first.text ?? '' } : null,
      finalText: response?.final.text ?? '',
      auto: p.auto,
      override: p.override ?? null,
      conflict: p.conflict ?? null,
      history: history.map((o) => ({
        id: o.id,
        author: o.author,
        at: o.created_at,
        verdict: o.verdict,
        points: o.points,
        comment: o.comment,
        previous: { verdict: o.previous_verdict, points: o.previous_points },
      })),
    };
  }

  /**
   * The spot on the page a part's answer was read from, as a PNG, when the submission was a
   * PDF still on disk: its text is rebuilt the same way, and the lines of the answer give the
   * page and the box. Undefined otherwise.
   */
  async answerImage(runId: number, submission: string, partId: string): Promise<Buffer | undefined> {
    const row = await this.store.db.selectFrom('submissions').select(['path', 'text', 'responses']).where('run_id', '=', runId).where('name', '=', submission).executeTakeFirst();
    if (!row?.path || !/\.pdf$/i.test(row.path) || !existsSync(row.path)) return undefined;
    const span = answerSpans({ name: submission, text: row.text, responses: JSON.parse(row.responses) as PartResponse[] }).get(partId);
    if (!span) return undefined;
    // pdf.js and the canvas load only when a PDF's page is asked for.
    const { readPdfDocument } = await import('../documents/pdf/document.js');
    const { renderRegion } = await import('../documents/pdf/render.js');
    const bytes = new Uint8Array(readFileSync(row.path));
    const doc = await readPdfDocument(bytes, row.path);
    const lines = doc.regions.filter((r) => r.line >= span.start && r.line <= span.end);
    const page = lines[0]?.page;
    if (page === undefined) return undefined;
    const boxes = lines.filter((r) => r.page === page).map((r) => r.box);
    const margin = 12;
    const box = {
      x0: Math.min(...boxes.map((b) => b[0])) - margin,
      y0: Math.min(...boxes.map((b) => b[1])) - margin,
      x1: Math.max(...boxes.map((b) => b[2])) + margin,
      y1: Math.max(...boxes.map((b) => b[3])) + margin,
    };
    return renderRegion(bytes, page, box as Parameters<typeof renderRegion>[2]);
  }

  /**
   * Overrides one part's grade (or withdraws the override when neither verdict nor points is
   * given). Points default from the verdict: all for correct, none for incorrect.
   */
  async override(
    runId: number,
    input: { submission: string; partId: string; verdict?: PartVerdict; points?: number; comment: string; author?: string; base?: number | null },
  ): Promise<{ cell: Cell; total: number; version: number }> {
    const s = await this.state(runId);
    const g = s.submission(input.submission);
    const p = g?.parts.find((x) => x.id === input.partId);
    if (!g || !p) throw new UserError(`run ${runId} has no part ${input.partId} of ${input.submission}`);
    if (input.verdict !== undefined && !VERDICTS.includes(input.verdict)) throw new UserError(`unknown verdict ${input.verdict}`);
    if (input.points !== undefined && (!Number.isFinite(input.points) || input.points < 0 || input.points > p.maxPoints)) throw new UserError(`points must be between 0 and ${p.maxPoints}`);
    const row = await saveOverride(
      this.store,
      {
        runId,
        submission: input.submission,
        partId: input.partId,
        ...(input.verdict ? { verdict: input.verdict } : {}),
        ...(input.points !== undefined ? { points: input.points } : {}),
        comment: input.comment,
        author: input.author || this.defaultAuthor,
        ...(input.base !== undefined ? { base: input.base } : {}),
      },
      { verdict: p.verdict, points: p.points },
      p.auto,
      s.gradingId,
    );
    // Reads this override back with any another process stored meanwhile, in the order they were committed.
    await s.sync(this.store);
    const updated = s.submission(input.submission)!;
    return { cell: cellOf(updated.parts.find((x) => x.id === input.partId)), total: updated.total, version: row.id };
  }

  /** The answers to one part, grouped by equivalence with the part's checker, largest group first. */
  async groups(
    runId: number,
    partId: string,
  ): Promise<{ part: string; groups: { representative: string; html: string; forms: string[]; submissions: string[]; verdicts: object; overridden: number }[] }> {
    const s = await this.state(runId);
    const keyPart = s.key.parts.find((p) => p.id === partId);
    if (!keyPart) throw new UserError(`the key has no part ${partId}`);
    const inputs = s.grades.map((g) => {
      const p = g.parts.find((x) => x.id === partId);
      return { submission: g.submission, answer: p?.verdict === 'missing' ? '' : (p?.answer ?? ''), verdict: p?.verdict ?? 'missing' };
    });
    let cache = s.groupCache.get(partId);
    if (!cache) s.groupCache.set(partId, (cache = new Map()));
    const force = inForce(s.overrides);
    const groups = groupAnswers(s.key, keyPart, inputs, cache);
    return {
      part: partId,
      groups: groups.map((g) => ({
        ...g,
        html: g.representative ? typesetAnswer(g.representative) : '<em>no answer</em>',
        overridden: g.submissions.filter((n) => force.has(overrideKey(n, partId))).length,
      })),
    };
  }

  /** Grades every submission of a group at once: one override each, with the same comment. */
  async gradeGroup(runId: number, partId: string, submissions: string[], change: { verdict?: PartVerdict; points?: number; comment: string; author?: string }): Promise<number> {
    for (const submission of submissions) await this.override(runId, { submission, partId, ...change });
    return submissions.length;
  }

  /**
   * Writes an answer into the run's key file (`accept`, `partial` or `conventions`, with a
   * comment saying who and when) and regrades the run with it. Overrides stay; one that the
   * new grading contradicts shows as a conflict.
   */
  async acceptInKey(runId: number, partId: string, answer: string, how: AcceptAs, author?: string): Promise<{ gradingId: number; keyPath: string; changed: number }> {
    const run = await this.store.run(runId);
    if (!run?.key_path) throw new UserError(`run ${runId} has no key file on record`);
    if (run.variants_dir) throw new UserError(`run ${runId} was graded with per-student variants: add the answer to the key template by hand`);
    if (!existsSync(run.key_path)) throw new UserError(`the key file ${run.key_path} is no longer there`);
    const before = readFileSync(run.key_path, 'utf8');
    const note = `${how.as === 'accept' ? 'accepted' : how.as === 'partial' ? 'partial credit' : 'convention'} in review by ${author || this.defaultAuthor} on ${new Date().toISOString().slice(0, 10)}`;
    const after = acceptInKey(before, partId, answer, how, note, run.key_path);
    const { key, problems } = loadKey(after, run.key_path);
    const errors = problems.filter((p) => p.severity === 'error');
    if (!key || errors.length) throw new UserError(`the key would not load with that answer: ${errors.map(formatKeyProblem).join('; ')}`);
    writeFileSync(run.key_path, after);
    await recordKeyChange(this.store, { runId, partId, answer, as: how.as, author: author || this.defaultAuthor, keyPath: run.key_path });
    const old = await this.state(runId);
    const problemSet = run.problems_path && existsSync(run.problems_path) ? (await loadProblemSet(run.problems_path)).set : undefined;
    const { gradingId, grades } = await regradeRun(this.store, runId, assignmentOf(key, problemSet), run.key_path);
    this.runs.forget(runId);
    let changed = 0;
    for (const g of grades) {
      const was = old.graded(g.submission);
      for (const p of g.parts) if (was?.parts.find((x) => x.id === p.id)?.verdict !== p.verdict) changed++;
    }
    return { gradingId, keyPath: run.key_path, changed };
  }

  /** Per part, how often staff overrode partcredit. */
  async agreement(runId: number): Promise<ReturnType<typeof agreementByPart>> {
    return agreementByPart(await this.reviewed(runId));
  }

  /** The gradebook CSV with overrides applied. */
  async gradebook(runId: number): Promise<string> {
    return gradebookCsv(await this.reviewed(runId));
  }

  /** A Canvas CSV from a roster, with overrides applied. */
  async canvas(runId: number, rosterText: string, assignment?: string): Promise<ReturnType<typeof canvasCsv>> {
    const s = await this.state(runId);
    return canvasCsv(s.reviewed, readRoster(rosterText), assignment ?? s.key.title ?? `run ${runId}`);
  }

  /** Gradescope-style results for every submission, by name. */
  async gradescope(runId: number, release: boolean): Promise<Record<string, object>> {
    const s = await this.state(runId);
    return Object.fromEntries(s.reviewed.map((g) => [g.submission, gradescopeResults(g, { hideKey: !release, comments: comments(g.parts) })]));
  }

  /** A student's own page; the key stays hidden until staff release it. */
  async studentPage(runId: number, submission: string, release: boolean): Promise<string> {
    const s = await this.state(runId);
    const g = s.submission(submission);
    const id = s.submissionId(submission);
    if (!g || id === undefined) throw new UserError(`run ${runId} has no submission ${submission}`);
    const row = await this.store.db.selectFrom('submissions').select(['text', 'responses']).where('id', '=', id).executeTakeFirstOrThrow();
    return submissionHtml({ name: submission, text: row.text, responses: JSON.parse(row.responses) as PartResponse[] }, g, { hideKey: !release, comments: comments(g.parts) });
  }
}

/** Staff comments of the overrides in force, by part id. */
function comments(parts: ReviewedPart[]): Map<string, string> {
  return new Map(parts.filter((p) => p.override?.comment).map((p) => [p.id, p.override!.comment]));
}
