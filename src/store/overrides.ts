import type { Kysely } from 'kysely';
import type { PartGrade, PartVerdict, SubmissionGrade } from '../model/grade.js';
import { sql } from 'kysely';
import { UserError } from '../model/errors.js';
import { latestGradingQuery, storable, type Store, type Tables } from './db.js';
import { agreementReport, type AgreementFigures, type AgreementRow } from '../grade/agreement.js';

/**
 * One override, as stored: append-only, so the rows of a (run, submission, part) are its
 * audit trail and the newest is in force. `verdict` and `points` both null: the override
 * was withdrawn and partcredit's own grade stands again. Keyed by the submission's name and
 * the part id (not by a grade row), so it survives `regrade`, which adds a new grading.
 */
export interface OverrideRow {
  id: number;
  run_id: number;
  submission: string;
  part_id: string;
  verdict: string | null;
  points: number | null;
  comment: string;
  author: string;
  created_at: string;
  /** What was in force just before: the previous override, or partcredit's grade. */
  previous_verdict: string;
  previous_points: number;
  /** partcredit's own grade when the override was made: a regrade that differs is a conflict. */
  auto_verdict: string;
  auto_points: number;
  grading_id: number;
}

// The table's DDL is in migrations.ts, with the others.

/** The class of PostgreSQL advisory locks (two-key form) that serialize one run's override writes; the run id is the other key. */
const OVERRIDE_LOCK = 7_300_015;

type WithOverrides = Kysely<Tables & { overrides: Omit<OverrideRow, 'id'> & { id?: number } }>;

function db(store: Store): WithOverrides {
  return store.db.withTables<{ overrides: Omit<OverrideRow, 'id'> & { id?: number } }>() as unknown as WithOverrides;
}

/** A change staff make to one part's grade. Both `verdict` and `points` absent: withdraw. */
export interface OverrideInput {
  runId: number;
  submission: string;
  partId: string;
  verdict?: PartVerdict;
  points?: number;
  comment: string;
  author: string;
  /**
   * Optimistic versioning: the id of the override the writer saw in force (null: none). When
   * another was stored since, the write is refused with a StaleOverride naming it, so a second
   * reviewer never silently replaces the first's change. Absent: no check (the CLI, group grading).
   */
  base?: number | null;
}

/** A write based on an override that is no longer the newest: `current` is what is stored now. */
export class StaleOverride extends UserError {
  constructor(readonly current: OverrideRow) {
    const value = current.verdict === null && current.points === null ? 'withdrew the override' : `set ${current.verdict ?? ''}${current.points !== null ? ` ${current.points} point(s)` : ''}`.trim();
    super(
      `${current.author} changed this part meanwhile (${current.created_at}: ${value}${current.comment ? `, "${current.comment}"` : ''}); look at it again before overriding`,
      `${current.submission} ${current.part_id}`,
    );
  }
}

/**
 * Every override of a run, oldest first (the audit trail); with `after`, only those stored
 * after the one with that id. Ids of one run's overrides are given out in the order they are
 * committed (saveOverride), so a reader that has seen up to `after` misses none this way.
 */
export async function overridesOf(store: Store, runId: number, after = 0): Promise<OverrideRow[]> {
  const rows = await db(store).selectFrom('overrides').selectAll().where('run_id', '=', runId).where('id', '>', after).orderBy('id').execute();
  return rows as OverrideRow[];
}

/**
 * `overridesOf(store, runId, after)` and the run's newest grading (`Store.latestGrading`) in one
 * query: a server checks both before every request, and on PostgreSQL each round trip, not the
 * work, is most of a request's time under load.
 */
export async function overridesAndGrading(store: Store, runId: number, after: number): Promise<{ gradingId: number | undefined; rows: OverrideRow[] }> {
  const d = db(store);
  const found = await d
    .selectFrom(d.selectNoFrom(latestGradingQuery(store.db, runId).as('newest_grading')).as('latest'))
    .leftJoin('overrides', (j) => j.on('overrides.run_id', '=', runId).on('overrides.id', '>', after))
    .select('latest.newest_grading')
    .selectAll('overrides')
    .orderBy('overrides.id')
    .execute();
  // `newest_grading`: `grading_id` is a column of the override rows themselves. Null: no grading.
  const newest = found[0]?.newest_grading;
  const rows: OverrideRow[] = [];
  for (const r of found) {
    if (r.id === null) continue;
    const { newest_grading: _newest, ...row } = r;
    rows.push(row as OverrideRow);
  }
  return { gradingId: newest === null || newest === undefined ? undefined : Number(newest), rows };
}

/** The override in force for each `submission \0 part`, withdrawn ones left out. */
export function inForce(rows: OverrideRow[]): Map<string, OverrideRow> {
  const latest = new Map<string, OverrideRow>();
  for (const r of rows) latest.set(overrideKey(r.submission, r.part_id), r);
  for (const [k, r] of latest) if (r.verdict === null && r.points === null) latest.delete(k);
  return latest;
}

export function overrideKey(submission: string, partId: string): string {
  return `${submission}\u0000${partId}`;
}

/** A part's grade as staff see it: partcredit's, or an override of it with its story. */
export interface ReviewedPart extends PartGrade {
  /** partcredit's own verdict and points in the newest grading. */
  auto: { verdict: PartVerdict; points: number };
  override?: { id: number; author: string; comment: string; at: string };
  /** A regrade now decides differently from the grade the override replaced. */
  conflict?: { was: { verdict: string; points: number }; now: { verdict: PartVerdict; points: number } };
}

export interface ReviewedSubmission extends SubmissionGrade {
  parts: ReviewedPart[];
}

/** Grades with the overrides in force applied: verdict, points and score replaced, totals redone. */
export function applyOverrides(grades: SubmissionGrade[], rows: OverrideRow[]): ReviewedSubmission[] {
  const force = inForce(rows);
  return grades.map((g) => {
    const parts = g.parts.map((p): ReviewedPart => {
      const o = force.get(overrideKey(g.submission, p.id));
      const auto = { verdict: p.verdict, points: p.points };
      if (!o) return { ...p, auto };
      const points = o.points ?? (o.verdict === 'correct' ? p.maxPoints : o.verdict === 'incorrect' || o.verdict === 'missing' ? 0 : p.points);
      const verdict = (o.verdict ?? p.verdict) as PartVerdict;
      const changed = o.auto_verdict !== p.verdict || Math.abs(o.auto_points - p.points) > 1e-9;
      return {
        ...p,
        verdict,
        points,
        score: p.maxPoints ? points / p.maxPoints : 0,
        auto,
        override: { id: o.id, author: o.author, comment: o.comment, at: o.created_at },
        ...(changed ? { conflict: { was: { verdict: o.auto_verdict, points: o.auto_points }, now: auto } } : {}),
      };
    });
    const counted = parts.filter((p) => p.graded);
    return { ...g, parts, total: Math.round(counted.reduce((s, p) => s + p.points, 0) * 1000) / 1000, max: counted.reduce((s, p) => s + p.maxPoints, 0) };
  });
}

/**
 * Stores an override of one part. `current` is the grade in force now (an earlier override
 * or partcredit's), kept as the previous value; `auto` is partcredit's own grade in
 * `gradingId`, against which a later regrade is compared.
 */
export async function saveOverride(
  store: Store,
  input: OverrideInput,
  current: { verdict: string; points: number },
  auto: { verdict: string; points: number },
  gradingId: number,
): Promise<OverrideRow> {
  const row = {
    run_id: input.runId,
    submission: storable(input.submission),
    part_id: storable(input.partId),
    verdict: input.verdict ?? null,
    points: input.points ?? null,
    comment: storable(input.comment),
    author: storable(input.author),
    created_at: new Date().toISOString(),
    previous_verdict: current.verdict,
    previous_points: current.points,
    auto_verdict: auto.verdict,
    auto_points: auto.points,
    grading_id: gradingId,
  };
  const latestOfPart = (q: WithOverrides) =>
    q.selectFrom('overrides').where('run_id', '=', input.runId).where('submission', '=', row.submission).where('part_id', '=', row.part_id).orderBy('id', 'desc').limit(1);
  // Read on the connection of the caller's transaction, if any: SQLite has only that one.
  const stale = async (q: WithOverrides): Promise<never> => {
    const latest = await latestOfPart(q).selectAll().executeTakeFirst();
    if (!latest) throw new UserError(`override ${input.base} is not one of this part's`, `${input.submission} ${input.partId}`);
    throw new StaleOverride(latest as OverrideRow);
  };
  if (store.engine === 'postgres') {
    // One writer per run at a time, until commit: ids are then committed in order, which is what lets
    // a server read only the overrides after the last it saw (overridesOf's `after`) and miss none
    // written by another process. The lock, the version check and the insert are one statement
    // (migration 5): holding the lock across round trips made every reviewer's override wait for
    // the others' trips through a busy server's event loop.
    const r = row;
    const { rows } = await sql<{ inserted_id: number | null; latest_id: number | null }>`select * from partcredit_save_override(
      ${OVERRIDE_LOCK}, ${r.run_id}, ${r.submission}, ${r.part_id}, ${r.verdict}, ${r.points}, ${r.comment}, ${r.author}, ${r.created_at},
      ${r.previous_verdict}, ${r.previous_points}, ${r.auto_verdict}, ${r.auto_points}, ${r.grading_id}, ${input.base !== undefined}, ${input.base ?? null})`.execute(db(store));
    const id = rows[0]?.inserted_id;
    if (id === null || id === undefined) return stale(db(store));
    return { id, ...row };
  }
  // SQLite: one writer at a time in any case, so a transaction suffices.
  return store.writingAsync(() =>
    db(store)
      .transaction()
      .execute(async (tx) => {
        if (input.base === undefined) {
          const r = await tx.insertInto('overrides').values(row).returning('id').executeTakeFirstOrThrow();
          return { id: r.id!, ...row };
        }
        const columns = Object.keys(row) as (keyof typeof row)[];
        const base = input.base;
        const inserted = await tx
          .insertInto('overrides')
          .columns(columns)
          .expression(tx.selectNoFrom((eb) => columns.map((c) => eb.val(row[c]).as(c))).where((eb) => eb(latestOfPart(tx).select('id'), 'is not distinct from', base)))
          .returning('id')
          .executeTakeFirst();
        if (inserted) return { id: inserted.id!, ...row };
        return stale(tx);
      }),
  );
}

/** How often staff agreed with partcredit on one part, in `partcredit agreement`'s figures (counts). */
export interface PartAgreement extends AgreementFigures {
  partId: string;
  /** Parts staff overrode with another verdict or other points. */
  overridden: number;
}

const DECIDED = new Set(['correct', 'partial', 'incorrect', 'missing']);

/**
 * Agreement per part between partcredit and staff, computed by `partcredit agreement`'s own
 * code: staff's verdict is the override where there is one and partcredit's otherwise (a part
 * left as it was counts as agreed); parts nobody decided (needs-review, undecided, not
 * overridden) are left out.
 */
export function agreementByPart(reviewed: ReviewedSubmission[]): PartAgreement[] {
  const rows: AgreementRow[] = [];
  const overridden = new Map<string, number>();
  for (const s of reviewed) {
    for (const p of s.parts) {
      if (p.override && (p.verdict !== p.auto.verdict || Math.abs(p.points - p.auto.points) > 1e-9)) overridden.set(p.id, (overridden.get(p.id) ?? 0) + 1);
      if (!DECIDED.has(p.verdict)) continue;
      rows.push({ submission: s.submission, part: p.id, ours: p.auto.verdict, theirs: p.verdict as AgreementRow['theirs'], oursAnswer: p.answer, theirsAnswer: p.answer });
    }
  }
  const report = agreementReport(rows);
  const ids = [...new Set(reviewed.flatMap((s) => s.parts.map((p) => p.id)))];
  const none: AgreementFigures = { parts: 0, exact: 0, rightWrong: 0, confidentlyWrong: 0, needsReview: 0 };
  return ids.map((partId) => ({ partId, ...(report.byPart.get(partId) ?? none), overridden: overridden.get(partId) ?? 0 }));
}
