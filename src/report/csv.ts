import type { SubmissionGrade } from '../model/grade.js';

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or
 * carriage return, as OWASP lists them) gets a leading `'`, which spreadsheets read as "text".
 * Numbers are written as numbers: a negative score is not a formula.
 */
function defused(v: string | number): string {
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV field: defused (see above), quoted when it must be. */
export function field(v: string | number): string {
  const s = defused(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A gradebook: one row per submission, one column per part (points), then total and max. */
export function gradebookCsv(grades: SubmissionGrade[]): string {
  const ids: string[] = [];
  for (const g of grades) for (const p of g.parts) if (!ids.includes(p.id)) ids.push(p.id);
  const header = ['submission', ...ids, 'total', 'max'];
  const rows = grades.map((g) => {
    const byId = new Map(g.parts.map((p) => [p.id, p]));
    return [g.submission, ...ids.map((id) => (byId.has(id) ? byId.get(id)!.points : '')), g.total, g.max];
  });
  return `${[header, ...rows].map((r) => r.map(field).join(',')).join('\n')}\n`;
}
