import type { PartGrade, SubmissionGrade } from '../model/grade.js';
import { printable } from './printable.js';

const MARK: Record<PartGrade['verdict'], string> = {
  correct: '✓',
  partial: '½',
  incorrect: '✗',
  missing: '·',
  unparseable: '?',
  undecided: '?',
  'needs-review': '…',
};

function cut(s: string, n: number): string {
  const one = printable(s).replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** A readable table of one submission's grades for the terminal (a submission's control characters dropped). */
export function gradeTable(g: SubmissionGrade, width = process.stdout.columns || 120): string {
  const lines = [`${g.submission}  ${g.total}/${g.max}${g.format ? `  (${g.format})` : ''}`];
  const idW = Math.max(4, ...g.parts.map((p) => p.id.length));
  const answerW = Math.max(16, Math.min(40, Math.floor((width - idW - 30) / 2)));
  const feedbackW = Math.max(20, width - idW - answerW - 26);
  for (const p of g.parts) {
    const pts = `${p.points}/${p.maxPoints}${p.graded ? '' : '*'}`;
    const first = p.first ? `[first answer: ${p.first.verdict}] ` : '';
    lines.push(`  ${MARK[p.verdict]} ${p.id.padEnd(idW)} ${p.verdict.padEnd(12)} ${pts.padStart(7)}  ${cut(p.answer, answerW).padEnd(answerW)}  ${cut(first + p.feedback, feedbackW)}`);
  }
  for (const w of g.warnings ?? []) lines.push(`  warning: ${w}`);
  if (g.parts.some((p) => !p.graded)) lines.push('  * not counted in the total');
  return printable(lines.join('\n'));
}

/** One line per submission: name, total, and counts of each verdict. */
export function summaryTable(grades: SubmissionGrade[]): string {
  // Names without their control characters before padding, so the columns line up.
  const names = grades.map((g) => printable(g.submission));
  const nameW = Math.max(10, ...names.map((n) => n.length));
  return grades
    .map((g, i) => {
      const counts = new Map<string, number>();
      for (const p of g.parts) counts.set(p.verdict, (counts.get(p.verdict) ?? 0) + 1);
      return `${names[i]!.padEnd(nameW)}  ${`${g.total}/${g.max}`.padStart(9)}  ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}`;
    })
    .join('\n');
}
