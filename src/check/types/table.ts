import type { AnswerSpec, AnswerType } from '../../model/answer-spec.js';
import type { CheckResult } from '../../model/verdict.js';
import { normalizeWords } from './choice.js';

/** Checks one cell as an answer of its own; supplied by the dispatcher. */
export type CellChecker = (spec: AnswerSpec, answer: string) => CheckResult;

/** Splits text at a separator that is not inside `{}` / `()` / `[]`. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  // A Markdown row's bars inside a formula (`$|x|$`, `$\|W\|_2$`) are the formula's, not borders.
  let math = false;
  for (let i = 0; i < s.length; i++) {
    if (sep === '|' && s[i] === '$') {
      math = !math;
      // `$$|x|$$`: a display's two signs open (or close) it once.
      if (s[i + 1] === '$') i++;
      continue;
    }
    if (depth === 0 && !math && s.startsWith(sep, i)) {
      out.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
      continue;
    }
    const c = s[i]!;
    if (c === '\\')
      i++; // an escaped character (`\{`, `\&`) never opens, closes or separates
    else if ('{(['.includes(c)) depth++;
    else if ('})]'.includes(c)) depth--;
  }
  out.push(s.slice(start));
  return out;
}

/**
 * The cells of one Markdown table row (`| (b) | $y_2(n) = y(n-5)$ |`), split at pipes outside
 * braces, formulas and escapes (`\|x\|`, `\{x | x > 0\}`, `$|x|$` stay whole): the one cell splitter of every
 * reader of tables, a key's, a response's, and a row that labels a part.
 */
export function rowCells(line: string): string[] {
  return splitTop(line.trim().replace(/^\||\|$/g, ''), '|').map((c) => c.trim());
}

/** Rows of cells from a LaTeX `array`/`tabular`, a Markdown table, or tab-separated lines. */
export function readTable(text: string): string[][] {
  const env = /\\begin\{(array|tabular|matrix|bmatrix)\}(\{[^}]*\})?([\s\S]*?)\\end\{\1\}/.exec(text);
  if (env) {
    return splitTop(env[3]!.replace(/\\hline/g, ''), '\\\\')
      .map((row) => splitTop(row, '&').map((c) => c.trim()))
      .filter((row) => row.some((c) => c !== ''));
  }
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.some((l) => l.startsWith('|'))) {
    return lines.filter((l) => l.startsWith('|') && !/^\|?\s*:?-{2,}/.test(l)).map((l) => rowCells(l).map((c) => c.replace(/^\$+|\$+$/g, '').trim()));
  }
  return lines.map((l) => l.split('\t').map((c) => c.trim()));
}

const isHeader = (row: string[], columns: string[] | undefined) =>
  row.every((c) => !/\d/.test(c)) || (columns?.length ? columns.every((col) => row.some((c) => normalizeWords(c) === normalizeWords(col))) : false);

/**
 * `table`: every cell graded as its own answer (by its column's type, else inferred), rows
 * matched by their label where the answer orders them differently. The score is the share of
 * cells right.
 */
export function checkTable(spec: AnswerSpec, answer: string, checkCell: CellChecker): Pick<CheckResult, 'verdict' | 'score' | 'check' | 'reason'> {
  const columns = spec.columns;
  let want: [string, string[]][];
  if (spec.rows) want = Object.entries(spec.rows);
  else {
    const rows = readTable(spec.value ?? '');
    const body = rows.length && isHeader(rows[0]!, columns) ? rows.slice(1) : rows;
    want = body.map((r) => (columns && r.length === columns.length + 1 ? [r[0]!, r.slice(1)] : ['', r]));
  }
  if (!want.length) return { verdict: 'undecided', score: 0, check: 'none', reason: 'the expected table has no rows' };
  const rows = readTable(answer);
  const body = rows.length && isHeader(rows[0]!, columns) ? rows.slice(1) : rows;
  if (!body.length) return { verdict: 'unparseable', score: 0, check: 'parse', reason: 'no table found in the answer (a Markdown table or a LaTeX array was expected)' };
  const width = want[0]![1].length;
  const labelled = want.some(([label]) => label !== '');
  const got = body.map((r) => (r.length === width + 1 ? { label: r[0]!, cells: r.slice(1) } : { label: '', cells: r.slice(r.length - width) }));
  const used = new Set<number>();
  let right = 0;
  let total = 0;
  const problems: string[] = [];
  want.forEach(([label, cells], i) => {
    let j = labelled ? got.findIndex((g, k) => !used.has(k) && normalizeWords(g.label) === normalizeWords(label)) : -1;
    if (j < 0 && !used.has(i) && i < got.length) j = i;
    if (j >= 0) used.add(j);
    const row = j >= 0 ? got[j]! : undefined;
    cells.forEach((cell, c) => {
      if (cell.trim() === '') return;
      total++;
      const columnName = columns?.[c];
      const type = (columnName && spec.column_types?.[columnName]) as AnswerType | undefined;
      const candidate = row?.cells[c]?.trim() ?? '';
      const where = `${label || `row ${i + 1}`}${columnName ? `, ${columnName}` : `, column ${c + 1}`}`;
      if (!candidate) {
        problems.push(`${where}: no answer`);
        return;
      }
      const r = checkCell({ value: cell, ...(type ? { type } : {}), ...(spec.tolerance ? { tolerance: spec.tolerance } : {}) }, candidate);
      if (r.verdict === 'correct') right++;
      else problems.push(`${where}: ${r.reason}`);
    });
  });
  const score = total ? right / total : 0;
  const verdict = right === total ? 'correct' : right === 0 ? 'incorrect' : 'partial';
  const reason = verdict === 'correct' ? `all ${total} cells right` : `${right} of ${total} cells right; ${problems.slice(0, 4).join('; ')}${problems.length > 4 ? '; ...' : ''}`;
  return { verdict, score, check: 'elementwise', reason };
}
