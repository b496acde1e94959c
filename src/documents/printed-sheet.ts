/**
 * A spreadsheet printed to PDF (File → Download → PDF, Print → Save as PDF): a grid of cells,
 * which the PDF reader gives back as one Markdown table from the first line to the last. Read as
 * a table on a page, a task manager's rows or an eval tool's results are no write-up (no part
 * label opens a line), so no part is found; read as the sheet's rows, they are what the CSV is
 * read as (spreadsheet.ts). A row taller than what is left of a page goes on at the top of the
 * next, above that page's first border, where the reader keeps its lines out of the table: they
 * are the row's rest.
 */
import { sheetRowsAsMarkdown } from './spreadsheet.js';

const ROW = /^\|.*\|$/;
const RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;

/** A Markdown table row's cells: split at its `|`s, not at one escaped (`\|`) or inside a formula (`$|x|$`), which are the cell's own. */
function rowCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let math = false;
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i]!;
    if (c === '\\' && line[i + 1] === '|') {
      // (In a formula `\|` is LaTeX's norm bar, kept as written.)
      cell += math ? '\\|' : '|';
      i++;
    } else if (c === '$') {
      math = !math;
      cell += c;
    } else if (c === '|' && !math) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * The rows of a sheet a PDF prints, when its text is one table of three columns or more from its
 * first line to its last (each page's rule under its first row left out, a header the pages repeat
 * read once); undefined for any other text, a page of prose with a table in it among them.
 */
export function printedSheetRows(text: string): string[][] | undefined {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length < 3 || !ROW.test(lines[0]!)) return undefined;
  const rows: string[][] = [];
  let rest: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (RULE.test(line)) continue;
    if (!ROW.test(line)) {
      rest.push(line);
      continue;
    }
    const cells = rowCells(line);
    if (cells.length < 3 || (rows.length && cells.length !== rows[0]!.length)) return undefined;
    if (rest.length) {
      // Lines outside the grid are a row's rest only at a page's top: just above the row the page's rule stands under.
      if (!RULE.test(lines[i + 1]?.trim() ?? '') || !rows.length) return undefined;
      runOn(rows[rows.length - 1]!, rest);
      rest = [];
    }
    // A header row repeated at a page's top (a frozen row, printed on every page) is the header once.
    if (rows.length && cells.every((c, j) => c === rows[0]![j])) continue;
    rows.push(cells);
  }
  // (Lines after the last row are no row's rest that a page can tell from a note under a table: the text is a page's.)
  return rest.length || rows.length < 3 ? undefined : rows;
}

/** A row's rest on the next page, run on in the cell that overflowed: the row's longest, the one that made it taller than the page. */
function runOn(row: string[], rest: string[]): void {
  const k = row.reduce((at, c, j) => (c.length > row[at]!.length ? j : at), 0);
  row[k] = [row[k], ...rest].filter(Boolean).join('\n');
}

/** A PDF's text read as the sheet it prints (see the module's doc), else undefined; `path` names the file, as a sheet's name can name its model. */
export function printedSheetText(text: string, path: string): string | undefined {
  const rows = printedSheetRows(text);
  if (!rows) return undefined;
  const markdown = sheetRowsAsMarkdown(rows, path);
  // A sheet with no column of answers is read as the page it printed.
  return markdown.trim() ? markdown : undefined;
}
