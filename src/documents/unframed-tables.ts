import { readLineLabel } from './part-ids.js';
import { verbatimLines } from './verbatim-lines.js';

/**
 * A table typed with `|` between its cells and none at the line's ends, as GitHub's Markdown allows
 * and as people type one into a forum post, a mail or a chat box: `Part | Model's answer | mark` over
 * `2e | sqrt(d_out) | ✓`. Every reader of tables knows a row by its leading `|`; without it a row's
 * label cell was read as a part's label and the rest of the row, bars and marks, as its answer
 * (`2 e |sqrt(d_out)|`). A run of lines is such a table when its first line names its columns in
 * words (or a separator row, `--- | ---`, stands under it) and two lines or more after it have as
 * many cells: those lines get the outer bars a framed table has.
 */

/** A bar between two cells, with space on both sides (`|x|` and `‖x‖` inside a cell have none outside). */
const CELL_BAR = /\s+\|\s+/;
/** Cheap test over the whole text: a line that does not open on a bar and has a bar between cells. */
const ANY_UNFRAMED = /^[ \t]*[^|\s][^\n]*?\s\|\s/m;
/** A separator row under a header, framed or not (`--- | :---:`). */
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
/** Fewest rows under the header that make a table (one row is as likely a sentence with a bar in it). */
const MIN_ROWS = 2;

/** A line's cells when it has a bar between cells and none at its start; undefined otherwise. */
function unframedCells(line: string): string[] | undefined {
  if (/^\s*\|/.test(line) || !CELL_BAR.test(line)) return undefined;
  const cells = line
    .trim()
    .replace(/\s*\|$/, '')
    .split(CELL_BAR);
  return cells.length >= 2 ? cells : undefined;
}

/** A row of column names: each cell a few words, no number or formula (`Part | Reka's answer | mark`). */
const namesColumns = (cells: readonly string[]) => cells.every((c) => c.length > 0 && c.length <= 40 && !/[\d=$\\^_]/.test(c));

/** The text with each unframed table's lines framed as Markdown's rows; as it is when it has none. */
export function unframedTablesFramed(text: string): string {
  if (!ANY_UNFRAMED.test(text)) return text;
  const lines = text.split('\n');
  const verbatim = verbatimLines(lines);
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const header = verbatim[i] ? undefined : unframedCells(lines[i]!);
    if (!header) continue;
    const separated = SEPARATOR.test(lines[i + 1] ?? '');
    // (`e)  Layer | # params | activations`: a part's label over the table it answers with stays the label.)
    if ((!separated && !namesColumns(header)) || readLineLabel(lines[i]!)) continue;
    let end = separated ? i + 2 : i + 1;
    while (end < lines.length && !verbatim[end] && unframedCells(lines[end]!)?.length === header.length) end++;
    if (end - (separated ? i + 2 : i + 1) < MIN_ROWS) continue;
    for (let k = i; k < end; k++) {
      if (!SEPARATOR.test(lines[k]!)) lines[k] = `| ${lines[k]!.trim().replace(/\s*\|$/, '')} |`;
    }
    changed = true;
    i = end - 1;
  }
  return changed ? lines.join('\n') : text;
}
