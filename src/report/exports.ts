import { parse } from 'csv-parse/sync';
import type { PartGrade, SubmissionGrade } from '../model/grade.js';
import { UserError } from '../model/errors.js';
import { field } from './csv.js';

/** One student of a Canvas roster (the columns of Canvas's gradebook export). */
export interface RosterStudent {
  student: string;
  id: string;
  sisUserId: string;
  sisLoginId: string;
  section: string;
}

/**
 * Reads a roster CSV (Canvas's gradebook export, or any file with a `Student` and an `ID`
 * column) with a real CSV parser: `"Lee, Dana",1001` is one name and one id. Canvas's
 * "Points Possible" row is skipped.
 */
export function readRoster(text: string, file = 'roster'): RosterStudent[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  } catch (e) {
    throw new UserError(`not a CSV file: ${(e as Error).message}`, file);
  }
  const first = rows[0];
  if (!first || !('Student' in first) || !('ID' in first)) throw new UserError('a roster needs a header row with Student and ID columns (as Canvas exports it)', `${file}:1`);
  return rows
    .filter((r) => !/^points possible$/i.test((r.Student ?? '').trim()))
    .map((r) => ({ student: r.Student ?? '', id: r.ID ?? '', sisUserId: r['SIS User ID'] ?? '', sisLoginId: r['SIS Login ID'] ?? '', section: r.Section ?? '' }));
}

const simple = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
/** A submission's name without its folder and extension: `alice.md` → `alice`. */
const stem = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '');

/** The roster student a submission belongs to: by id, SIS ids, login, or name (`Lee, Dana` = `dana_lee`). */
export function matchStudent(roster: RosterStudent[], submission: string): RosterStudent | undefined {
  const s = simple(stem(submission));
  if (!s) return undefined;
  const byName = (st: RosterStudent) => {
    const [last, first] = st.student.split(',').map((x) => x.trim());
    return [simple(st.student), ...(first && last ? [simple(`${first} ${last}`)] : [])];
  };
  return (
    roster.find((st) => [st.id, st.sisUserId, st.sisLoginId].some((x) => x && simple(x) === s)) ??
    roster.find((st) => byName(st).includes(s)) ??
    roster.find((st) => st.sisLoginId && simple(st.sisLoginId.replace(/@.*/, '')) === s)
  );
}

/**
 * A CSV Canvas imports into its gradebook: the roster's five columns, one column for the
 * assignment (its points possible in the second row), a row per student of the roster.
 * Students with no submission get an empty cell (not a zero); submissions that match no
 * student are returned so the caller can say so.
 */
export function canvasCsv(grades: SubmissionGrade[], roster: RosterStudent[], assignment: string): { csv: string; unmatched: string[]; missing: string[] } {
  const bySubmission = new Map<RosterStudent, SubmissionGrade>();
  const unmatched: string[] = [];
  for (const g of grades) {
    const st = matchStudent(roster, g.submission);
    if (st) bySubmission.set(st, g);
    else unmatched.push(g.submission);
  }
  const possible = grades[0]?.max ?? 0;
  const rows: (string | number)[][] = [
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', assignment],
    ['    Points Possible', '', '', '', '', possible],
    ...roster.map((st) => [st.student, st.id, st.sisUserId, st.sisLoginId, st.section, bySubmission.get(st)?.total ?? '']),
  ];
  const missing = roster.filter((st) => !bySubmission.has(st)).map((st) => st.student);
  return { csv: `${rows.map((r) => r.map(field).join(',')).join('\n')}\n`, unmatched, missing };
}

/**
 * Gradescope's autograder `results.json` for one submission: a test per part with its score
 * and what the student may see. With `hideKey`, a test's output names the verdict only (the
 * check's reason quotes the expected answer).
 */
export function gradescopeResults(grade: SubmissionGrade, options: { hideKey?: boolean; comments?: Map<string, string> } = {}): object {
  const status = (p: PartGrade) => (p.verdict === 'correct' ? 'passed' : 'failed');
  return {
    score: grade.total,
    visibility: 'after_published',
    tests: grade.parts
      .filter((p) => p.graded)
      .map((p) => {
        const comment = options.comments?.get(p.id);
        const output = [
          options.hideKey ? p.verdict : `${p.verdict}: ${p.feedback}`,
          ...(options.hideKey || !p.answer ? [] : [`answer: ${p.answer}`, `expected: ${p.expected}`]),
          ...(comment ? [`staff: ${comment}`] : []),
        ].join('\n');
        return { name: `Part ${p.id}`, number: p.id, score: p.points, max_score: p.maxPoints, status: status(p), output, visibility: 'visible' };
      }),
  };
}
