import { parse } from 'csv-parse/sync';
import { isAnswerColumn, isPersonColumn } from './column-headers.js';
import { cellLabel } from './part-ids.js';
import { markdownTable } from './markdown-table.js';
import { declaredDelimiter, type Delimiter, sniffDelimiter } from './sheet-delimiter.js';
import { decimalCommasOfLocale } from './decimal-commas.js';
import { attemptColumns, failedRequest, isBookkeepingColumn, latestAttempts, type PartRow, statusColumn } from './sheet-attempts.js';
import { outputColumnNamed, verdictLedColumns, withoutToolVerdict } from './eval-outputs.js';
import { taskListAsMarkdown } from './task-exports.js';
import { chatRowsAsStamped } from './tabbed-chat.js';
import { highlightRowsAsMarkdown } from './highlight-exports.js';

/**
 * A grading sheet exported from a spreadsheet (Google Sheets, Excel, LibreOffice: CSV or TSV):
 * title rows, a header row, then one row per part, with the model's answer in one column beside
 * the prompt, the model's reasoning, the person's own solution and their verdict. A person reads
 * it by its header: the part column names the part, and the one column that holds the model's
 * answer is what is graded; the others are the person's, and read as answers they would grade the
 * person's solution or verdict. The sheet becomes a Markdown write-up, a part label line over each
 * part's answer cell (its lines, a matrix's rows or a small table's, kept as they are). A sheet with no
 * part column becomes a Markdown table, as the readers know a table from a page.
 */

/** Rows of a CSV or TSV text (a sheet, an rST `csv-table`), every cell trimmed; a malformed file is read as far as it parses. */
export function delimitedRows(text: string, delimiter: string): string[][] {
  return (parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][]).map((r) =>
    r.map((c) => c.replace(/\r\n?/g, '\n').trim()),
  );
}

/**
 * A sheet's cells as its spreadsheet splits them: by the separator Excel's `sep=` line declares, else
 * the one its rows show (`named`, the file name's, breaking a tie), and the separator used.
 */
export function sheetCells(text: string, named: Delimiter): { rows: string[][]; delimiter: Delimiter } {
  const declared = declaredDelimiter(text);
  const delimiter = declared?.delimiter ?? sniffDelimiter(text, named);
  return { rows: delimitedRows(declared?.rest ?? text, delimiter), delimiter };
}

/** The column of part labels: the one with the most cells that are labels (two at least). */
function partColumn(rows: string[][]): number | undefined {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let best: number | undefined;
  let most = 1;
  for (let c = 0; c < width; c++) {
    const n = rows.filter((r) => cellLabel(r[c] ?? '')).length;
    if (n > most) [best, most] = [c, n];
  }
  return best;
}

/**
 * The column of the model's answers, by the header: one that names an answer and is not the
 * person's (`final` preferred: `Model's final answer` over `First answer`); else the first column
 * after the part column the header does not give to the person and whose cells are not a sheet's
 * bookkeeping (an attempt's number, a tick, a time stamp), when there is one; none under a header
 * that leaves no column after the part's (a gradebook's points and dates).
 */
function answerColumn(header: string[] | undefined, part: number, rows: string[][]): number | undefined {
  const width = Math.max(...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, c) => c).filter((c) => c !== part && !isPersonColumn(header?.[c] ?? ''));
  const named = columns.filter((c) => isAnswerColumn(header?.[c] ?? ''));
  const held = columns.filter((c) => !isBookkeepingColumn(rows, c));
  const after = held.find((c) => c > part) ?? columns.find((c) => c > part);
  // (Under a header, columns before the part's are whose rows they are, a gradebook's `Student` and `SID`, never an answer.)
  return named.find((c) => /\bfinal\b/i.test(header![c]!)) ?? named[0] ?? after ?? (header ? undefined : columns[0]);
}

/**
 * A CSV or TSV export as Markdown: a part label line over each part's answer, else the sheet as a
 * table. `named` is the separator the file's name says; the one its rows show wins (a `;` sheet
 * from a decimal-comma locale has its cells' decimal commas read as points). An eval tool's results
 * table has its answers in the column of outputs led by the tool's verdicts (eval-outputs.ts), the
 * one of the model `fileName` names when it has several; the verdicts are left out.
 */
export function sheetAsMarkdown(text: string, named: Delimiter, fileName?: string): string {
  const { rows: parsed, delimiter } = sheetCells(text, named);
  return sheetRowsAsMarkdown(delimiter === ';' ? parsed.map((r) => r.map(decimalCommasOfLocale)) : parsed, fileName);
}

/** A sheet's rows (its cells as text) as Markdown, as `sheetAsMarkdown` reads a file's: rows from a sheet printed to PDF are read so too. */
export function sheetRowsAsMarkdown(cells: string[][], fileName?: string): string {
  const rows = cells.filter((r) => r.some((c) => c));
  // (A task manager's export is a tree of headings and their words, its parts' labels in its titles: task-exports.ts.)
  const part = partColumn(rows);
  const tasks = taskListAsMarkdown(rows, part);
  if (tasks !== undefined) return tasks;
  // (A messenger's history saved as rows names no part in a column of its own: its messages are a chat.
  // Nor does a reading app's export of highlights: its notes name them, or its passages quote the questions.)
  if (part === undefined) return highlightRowsAsMarkdown(rows) ?? chatRowsAsStamped(rows) ?? markdownTable(rows.map((r) => r.map((c) => c.replace(/\n/g, ' ').replace(/\|/g, '\\|'))));
  const first = rows.findIndex((r) => cellLabel(r[part] ?? ''));
  // The header is the row just above the first part's, when it names two columns or more (a title row names one).
  const above = rows[first - 1];
  const header = above && above.filter((c) => c).length >= 2 ? above : undefined;
  const body = rows.slice(first);
  // (An eval's output cells are the model's whatever the header's prompt label says: `[provider] {{question}}`.)
  const outputs = verdictLedColumns(body).filter((c) => c !== part);
  const answer = outputs.length ? outputColumnNamed(outputs, header, fileName) : answerColumn(header, part, body);
  if (answer === undefined) return '';
  const answerOf = (row: readonly string[]) => (outputs.length ? withoutToolVerdict(row[answer] ?? '') : (row[answer] ?? ''));
  const entries: PartRow[] = [];
  let current: PartRow | undefined;
  const status = statusColumn(header, body);
  for (const row of body) {
    const label = cellLabel(row[part] ?? '');
    // (A request that failed was never answered: what its row holds is the provider's error.)
    const cell = failedRequest(row, status, row[answer] ?? '') ? '' : answerOf(row);
    if (label) {
      current = { label, row, answer: [cell] };
      entries.push(current);
    } else if (row[part]) {
      // A row named otherwise (`Totals`, a section's title) ends the part above it.
      current = undefined;
    } else if (current && cell) current.answer.push(cell);
  }
  // Rows counted or stamped as attempts: each part's latest is its answer (several rows of a part otherwise hold one answer's pieces).
  const attempts = attemptColumns(header, body);
  const kept = attempts ? latestAttempts(entries, attempts) : entries;
  return kept.flatMap((e) => [`### ${e.label}`, '', ...e.answer.flatMap((cell, k) => (k === 0 || cell ? [cell, ''] : []))]).join('\n');
}
