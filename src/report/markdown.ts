import type { SubmissionGrade } from '../model/grade.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** A Markdown report of one submission: a row per part. */
export function gradeMarkdown(g: SubmissionGrade): string {
  const rows = g.parts.map(
    (p) =>
      `| ${p.id} | ${p.verdict}${p.category ? ` (${p.category})` : ''} | ${p.points}/${p.maxPoints}${p.graded ? '' : ' (not graded)'} | ${cell(p.answer) || '—'} | ${cell(p.expected)} | ${cell(p.feedback)}${p.first ? ` First answer: ${p.first.verdict}.` : ''} |`,
  );
  return [`## ${g.submission} — ${g.total}/${g.max}`, '', '| part | verdict | points | answer | expected | feedback |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
