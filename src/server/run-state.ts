import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { EquivalenceCache } from '../grade/groups.js';
import { leafParts } from '../documents/problem-set.js';
import { loadProblemSet } from '../documents/problem-set-file.js';
import { UserError } from '../model/errors.js';
import type { SubmissionGrade } from '../model/grade.js';
import type { Key } from '../model/key.js';
import type { Store } from '../store/db.js';
import { applyOverrides, overridesAndGrading, type OverrideRow, type ReviewedSubmission } from '../store/overrides.js';
import { typesetAnswer } from '../report/markdown-math.js';
import { CONFIDENCE, cellOf, VERDICTS } from './grid.js';

/** Submissions read (and grid rows serialized) per slice: about 3,000 grade rows, a few ms of the event loop each. */
const SLICE = 100;

/**
 * One run as the review app holds it: its newest finished grading, with the overrides in
 * force applied. Overrides other processes store (a second `serve`, the CLI) are read by id
 * after the last one seen, on every use, so every process shows every override; only the
 * changed submissions are recomputed, and only their grid rows serialized again.
 */
export class RunState {
  /** Overrides oldest first (the audit trail), all of them and per submission. */
  readonly overrides: OverrideRow[] = [];
  private readonly bySubmission = new Map<string, OverrideRow[]>();
  /** The newest override id applied. */
  private seen = 0;
  readonly groupCache = new Map<string, EquivalenceCache>();
  /** Each row of the grid as JSON, and the whole grid: kept until an override changes them. */
  private readonly rowJson: (string | undefined)[];
  private gridText: string | undefined;
  /** Counts changes, so a grid serialized while an override arrived is not kept. */
  private changes = 0;
  private reading: Promise<number | undefined> | undefined;
  private queued: Promise<number | undefined> | undefined;
  private readonly typesetCache = new Map<string, string>();
  private problems: { path: string; mtimeMs: number; texts: Promise<Map<string, string>> } | undefined;

  private constructor(
    readonly runId: number,
    readonly gradingId: number,
    readonly key: Key,
    readonly grades: SubmissionGrade[],
    /** `grades` with the overrides in force applied (none yet: `sync` applies them). */
    readonly reviewed: ReviewedSubmission[],
    /** Position in `grades` by submission name (the first, if a name repeats). */
    private readonly index: Map<string, number>,
    /** Submission ids by name: a part view reads its submission by primary key. */
    private readonly ids: Map<string, number>,
    /** Where the run's problem set is, when it has one. */
    private readonly problemsPath: string | undefined,
  ) {
    this.rowJson = new Array<string | undefined>(grades.length);
  }

  /**
   * Reads a grading of a run in slices of submissions, yielding to the event loop between
   * them, so a server reading a 1,500 × 30 run keeps answering the other requests meanwhile.
   * The overrides a `previous` state of the run already read are taken from it (they belong to
   * the run, not to a grading): a regrade's end then reads only the overrides stored since.
   */
  static async load(store: Store, runId: number, gradingId: number, previous?: RunState): Promise<RunState> {
    const g = await store.db.selectFrom('gradings').select('key_json').where('id', '=', gradingId).executeTakeFirstOrThrow();
    const run = await store.run(runId);
    const key = JSON.parse(g.key_json) as Key;
    const subs = await store.db.selectFrom('submissions').select(['id', 'name']).where('run_id', '=', runId).orderBy('id').execute();
    const grades: SubmissionGrade[] = [];
    const reviewed: ReviewedSubmission[] = [];
    for (let i = 0; i < subs.length; i += SLICE) {
      const slice = subs.slice(i, i + SLICE);
      const got = await store.gradesOf(gradingId, { from: slice[0]!.id, to: slice.at(-1)!.id });
      grades.push(...got);
      reviewed.push(...applyOverrides(got, []));
    }
    const index = new Map<string, number>();
    grades.forEach((x, i) => {
      if (!index.has(x.submission)) index.set(x.submission, i);
    });
    const ids = new Map<string, number>();
    for (const s of subs) if (!ids.has(s.name)) ids.set(s.name, s.id);
    const problemsPath = run?.problems_path ?? (run?.key_path && key.problems ? resolve(dirname(run.key_path), key.problems) : undefined);
    const state = new RunState(runId, gradingId, key, grades, reviewed, index, ids, problemsPath);
    if (previous?.runId === runId) state.apply(previous.overrides);
    await state.sync(store);
    return state;
  }

  /** The submission's grades with the overrides in force, or undefined. */
  submission(name: string): ReviewedSubmission | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.reviewed[i];
  }

  /** partcredit's own grades of a submission in this grading. */
  graded(name: string): SubmissionGrade | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.grades[i];
  }

  submissionId(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** One part's overrides, newest first (withdrawals included). */
  history(submission: string, partId: string): OverrideRow[] {
    return (this.bySubmission.get(submission) ?? []).filter((o) => o.part_id === partId).reverse();
  }

  /**
   * Reads the overrides stored since the last one seen and applies them; resolves with the
   * run's newest grading, read in the same query. Calls are coalesced: one read at a time, and
   * a call made while one runs waits for the next read, which starts after the call (so it
   * sees every override committed before it, and none is applied twice).
   */
  sync(store: Store): Promise<number | undefined> {
    if (this.queued) return this.queued;
    const read = async () => {
      this.queued = undefined;
      const { gradingId, rows } = await overridesAndGrading(store, this.runId, this.seen);
      this.apply(rows);
      return gradingId;
    };
    const before = this.reading;
    const next = before ? before.then(read, read) : read();
    if (before) this.queued = next;
    const tracked = next.finally(() => {
      if (this.reading === tracked) this.reading = undefined;
    });
    tracked.catch(() => {});
    this.reading = tracked;
    return next;
  }

  private apply(rows: OverrideRow[]): void {
    const touched = new Set<string>();
    for (const r of rows) {
      if (r.id <= this.seen) continue;
      this.seen = r.id;
      this.overrides.push(r);
      let mine = this.bySubmission.get(r.submission);
      if (!mine) this.bySubmission.set(r.submission, (mine = []));
      mine.push(r);
      touched.add(r.submission);
    }
    for (const name of touched) {
      const i = this.index.get(name);
      if (i === undefined) continue;
      this.reviewed[i] = applyOverrides([this.grades[i]!], this.bySubmission.get(name)!)[0]!;
      this.rowJson[i] = undefined;
    }
    if (touched.size) {
      this.gridText = undefined;
      this.changes++;
    }
  }

  /** What the grid shows now: changes with every override and every new grading (an HTTP ETag). */
  get version(): string {
    return `${this.gradingId}.${this.seen}`;
  }

  /**
   * The grid as JSON: a row per submission, a column per part; each cell is
   * `[verdict index, points, category or null, confidence index, flags]`. Only rows an override
   * changed are serialized again; a first build yields to the event loop between slices.
   */
  async gridJson(): Promise<string> {
    if (this.gridText !== undefined) return this.gridText;
    const changes = this.changes;
    const parts = this.key.parts.map((p) => ({ id: p.id, ...(p.title ? { title: p.title } : {}), maxPoints: p.points }));
    const head = JSON.stringify({ run: this.runId, grading: this.gradingId, title: this.key.title ?? `run ${this.runId}`, verdicts: VERDICTS, confidence: CONFIDENCE, parts });
    const rows: string[] = [];
    let built = 0;
    for (let i = 0; i < this.reviewed.length; i++) {
      let row = this.rowJson[i];
      if (row === undefined) {
        const g = this.reviewed[i]!;
        const byId = new Map(g.parts.map((p) => [p.id, p]));
        row = JSON.stringify({ name: g.submission, total: g.total, max: g.max, cells: parts.map((part) => cellOf(byId.get(part.id))) });
        this.rowJson[i] = row;
        if (++built % SLICE === 0) await yieldToLoop();
      }
      rows.push(row);
    }
    const text = `${head.slice(0, -1)},"rows":[${rows.join(',')}]}`;
    // An override applied while this was built may have changed a row already taken: not kept then.
    if (changes === this.changes) this.gridText = text;
    return text;
  }

  /** An expected answer typeset (the key's, the same for every submission: typeset once per run). */
  typeset(expected: string): string {
    let html = this.typesetCache.get(expected);
    if (html === undefined) {
      // Bounded: per-student variants give every submission its own expected answers.
      if (this.typesetCache.size >= 2000) this.typesetCache.clear();
      this.typesetCache.set(expected, (html = typesetAnswer(expected)));
    }
    return html;
  }

  /**
   * A part's question, from the run's problem set while it is on disk (read again when the file
   * changes), read as every command reads one: Markdown, notebook, LaTeX source or PDF. A problem
   * set that cannot be read shows no question rather than failing the part's view.
   */
  async question(partId: string): Promise<string | undefined> {
    const path = this.problemsPath;
    if (!path) return undefined;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    if (this.problems?.mtimeMs !== mtimeMs) {
      const texts = loadProblemSet(path).then(
        ({ set }) => new Map(leafParts(set).map((p) => [p.id, p.text])),
        () => new Map<string, string>(),
      );
      this.problems = { path, mtimeMs, texts };
    }
    return (await this.problems.texts).get(partId);
  }
}

/**
 * The runs a server has open. A run's state is read once per grading; when a newer grading
 * appears (a regrade finished), it is read in the background while the previous one is still
 * shown, so requests during the read do not wait for it.
 */
export class RunStates {
  private readonly runs = new Map<number, RunState>();
  private readonly loading = new Map<number, { gradingId: number; promise: Promise<RunState> }>();

  constructor(private readonly store: Store) {}

  /** The run's state, with every override stored so far applied. */
  async get(runId: number): Promise<RunState> {
    const known = this.runs.get(runId);
    // A run already read learns of new overrides and of a newer grading in one coalesced query
    // (RunState.sync): under 20 reviewers at once, most requests share a read with others.
    const gradingId = known ? await known.sync(this.store) : await this.store.latestGrading(runId);
    if (gradingId === undefined) throw new UserError(`the store has no run ${runId}`);
    if (known && known.gradingId === gradingId) return known;
    const load = this.load(runId, gradingId);
    // A newer grading is read in the background; until then the previous one is shown (synced above).
    if (known && known.gradingId < gradingId) return known;
    const s = await load;
    // The load may have started (and synced) before this request came.
    await s.sync(this.store);
    return s;
  }

  /** Whether a newer grading of the run is being read (the grid shown is the previous one's). */
  newerLoading(runId: number): boolean {
    const l = this.loading.get(runId);
    return !!l && l.gradingId !== this.runs.get(runId)?.gradingId;
  }

  /** Drops a run, so the next use reads it again (after this server regraded it itself). */
  forget(runId: number): void {
    this.runs.delete(runId);
  }

  private load(runId: number, gradingId: number): Promise<RunState> {
    const pending = this.loading.get(runId);
    if (pending?.gradingId === gradingId) return pending.promise;
    const promise = RunState.load(this.store, runId, gradingId, this.runs.get(runId)).then(
      (s) => {
        if (this.loading.get(runId)?.promise === promise) this.loading.delete(runId);
        const current = this.runs.get(runId);
        if (!current || current.gradingId <= gradingId) this.runs.set(runId, s);
        return s;
      },
      (e: unknown) => {
        if (this.loading.get(runId)?.promise === promise) this.loading.delete(runId);
        throw e;
      },
    );
    // Nobody may be waiting for a background read: its failure is seen by the next request, which reads again.
    promise.catch(() => {});
    this.loading.set(runId, { gradingId, promise });
    return promise;
  }
}
