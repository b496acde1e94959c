import { labelCell, type LineLabel } from './part-ids.js';
import { JUDGEMENT_WORDS } from './verdict-lists.js';
import { isAnswerColumn, isVerdictColumn } from './column-headers.js';

/**
 * A table set in plain text with its columns aligned by spaces, as `pdftotext -layout`, a slide
 * deck saved as text or a Word report saved as text lay one out (`1a     2c·d_out²·d_in     ✔`,
 * `  4(c)      L(K − 1) + 1      ✓`): no `|` marks its cells, only the gaps between them. When two
 * or more lines in a row open on a part's label in the same column and their next cell starts in
 * one column too, it is a table of parts (a report's summary of its answers), and each line is that
 * part's row, as a `| 4(c) | ... |` row is. Its first cell may be a bare `1a`, which alone on a line
 * of prose would be no label. The table ends where a line leaves its columns: what follows (a score,
 * the report's next section) is no row's.
 *
 * Its cells are apart, as a framed table's are: a column its header names for the person's marks
 * (`my grade`, `Status`, `check`) holds their verdicts (`ok`, `x`, `PASS`) wherever in the row they
 * stand, on a wrapped line too; read with the answer, `... × F       ok` was a product with `o k`.
 */

/** One aligned row: the label its first cell names, and its other cells, a person's marks of judgement left out. */
export interface AlignedRow {
  label: LineLabel;
  text: string;
  /** Where its second cell starts: a line indented that far or more under it goes on with its cells. */
  column: number;
  /**
   * A line wrapped under the row as the row's text goes on with it: its cells in the person's columns and
   * its marks left out, after a space, or on a line of its own when it opens on a label (`SGD:  w ← ...`).
   */
  wrapped(line: string): string;
}

/** One cell of a line and the column it starts in. */
interface Cell {
  text: string;
  at: number;
}

/** The cells of a line from `from` on: runs of text apart by gaps of three spaces or more, or tabs (two spaces may stand within one, `...;  w − η dw`). */
function cellsOf(line: string, from: number): Cell[] {
  return [...line.slice(from).matchAll(/\S(?:(?! {3,}|\t).)*/g)].map((m) => ({ text: m[0].trim(), at: from + m.index! }));
}

/** A wrapped line that opens on a label of its own (`SGD:`, `update:`): a new item of the cell, not the words of the line above going on. */
const OWN_LABEL = /^\p{L}[\p{L}\p{N} _-]{0,24}:\s/u;

/** A line's first cell, a gap of two spaces or more (or a tab), and the rest: the cheap test every line is put to. */
const FIRST_CELL = /^(\s*)(\S(?:\S| (?! ))*?)(?: {2,}|\t+)(?=\S)/;

/** A cell that is only a person's marks of judgement (`✔`, `✓ ✓`, `✗`, `½`), or a word of one (`correct`, `wrong`). */
const MARKS_ONLY = new RegExp(`^(?:(?:[✓✔✗✘❌☑✅❎☒½]\\uFE0F?\\s*)+|(?:${JUDGEMENT_WORDS})[.!]?)$`, 'iu');

/** The label a table's first cell names, when the whole cell is one (`1a`, `3d(ii)`, `4(c)`, as a sheet's part column writes them). */
function labelOf(cell: string): LineLabel | undefined {
  const read = labelCell(cell)?.label;
  return read?.part ? { ...read, length: cell.length } : undefined;
}

/** A line read as a row of a table of parts, before its neighbours are seen. */
function rowOf(line: string): Candidate | undefined {
  if (line.length > 400 || line.includes('|')) return undefined;
  const m = FIRST_CELL.exec(line);
  if (!m || m[2]!.length > 12) return undefined;
  const label = labelOf(m[2]!);
  if (!label) return undefined;
  const cells = cellsOf(line, m[0].length);
  const kept = cells.filter((c) => !MARKS_ONLY.test(c.text));
  return kept.length ? { label, text: '', cells, column: m[0].length, indent: m[1]!.length, judged: kept.length < cells.length, wrapped: () => '' } : undefined;
}

/** A row before its run is known to be a table's: where its cells stand, and whether it ends on a person's marks. */
interface Candidate extends AlignedRow {
  cells: Cell[];
  indent: number;
  judged: boolean;
}

/** A rule under a table's header (`------    ------`, `=====`). */
const RULE = /^[\s=_-]+$/;

/**
 * Whether the line above a run is its header: a first cell where the labels stand that is no label
 * (`Part`, `Q`), and a second cell starting in the column the rows' cells start in.
 */
function headsRun(line: string | undefined, row: Candidate): boolean {
  const m = line === undefined ? undefined : FIRST_CELL.exec(line);
  return !!m && m[1]!.length === row.indent && m[0].length === row.column && !labelOf(m[2]!);
}

/**
 * Where the header's columns start and which hold the person's marks (`my grade`, `status`), by the
 * header's cells after the label's; none do when it names no other column (a lone `Grade` column).
 */
function columnsOf(header: string, column: number): { starts: number[]; person: boolean[] } {
  const cells = cellsOf(header, column);
  const person = cells.map((c) => isVerdictColumn(c.text) && !isAnswerColumn(c.text));
  return { starts: cells.map((c) => c.at), person: person.every(Boolean) ? person.map(() => false) : person };
}

/** Gaps are set by eye: a cell may start a little before its header's column. */
const SLACK = 2;

/** A reader of a table's cells: which of a line's cells are the answer's, joined as the row's text. */
function answerCells(columns: { starts: number[]; person: boolean[] } | undefined) {
  return (cells: readonly Cell[]) =>
    cells
      .filter((c) => {
        if (MARKS_ONLY.test(c.text)) return false;
        if (!columns) return true;
        const k = columns.starts.findLastIndex((start) => start <= c.at + SLACK);
        return !columns.person[k];
      })
      .map((c) => c.text)
      .join(': ');
}

/**
 * The rows of the space-aligned tables of parts among `lines`, by index: runs of two or more lines
 * whose labels stand in one column and whose next cells start in one column (lines indented to
 * that column between them go on with the row above). A run is a table when a header stands over
 * it in its columns, or when its rows follow one another and each ends on a person's marks
 * (`✔`): answers set out under labels in a column of their own, with working under them, are none.
 */
export function alignedRows(lines: readonly string[]): Map<number, AlignedRow> {
  const out = new Map<number, AlignedRow>();
  let run: { at: number; row: Candidate }[] = [];
  let wrapped = false;
  const flush = () => {
    const first = run[0];
    if (run.length >= 2) {
      let above = first!.at - 1;
      while (above >= 0 && RULE.test(lines[above]!) && lines[above]!.trim()) above--;
      const headed = headsRun(lines[above], first!.row);
      if (headed || (!wrapped && run.every((r) => r.row.judged))) {
        const read = answerCells(headed ? columnsOf(lines[above]!, first!.row.column) : undefined);
        const wrapped = (line: string) => {
          const text = read(cellsOf(line, /^\s*/.exec(line)![0].length));
          if (!text) return '';
          return OWN_LABEL.test(text) ? `\n${text}` : ` ${text}`;
        };
        for (const { at, row } of run) {
          const text = read(row.cells);
          if (text) out.set(at, { label: row.label, text, column: row.column, wrapped });
        }
      }
    }
    run = [];
    wrapped = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const row = line.includes('  ') || line.includes('\t') ? rowOf(line) : undefined;
    const last = run[run.length - 1]?.row;
    if (row && (!last || (row.indent === last.indent && row.column === last.column))) {
      run.push({ at: i, row });
      continue;
    }
    // A cell wrapped onto the next line stands under the row's cells.
    if (last && !row && continuesRow(line, last.column)) {
      wrapped = true;
      continue;
    }
    flush();
    if (row) run.push({ at: i, row });
  }
  flush();
  return out;
}

/** Whether a line goes on with a row's cells: indented to where they start, or further. */
export function continuesRow(line: string, column: number): boolean {
  const indent = /^\s*/.exec(line)![0].length;
  return indent < line.length && indent >= column;
}
