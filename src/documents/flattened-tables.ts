import { verbatimLines } from './verbatim-lines.js';

/**
 * A table flattened onto one line, as an image's alt text, a post with no room for tables or a
 * screen reader gives it: cells joined by ` | ` and rows by `. ` or `; ` (`Layer | params | shape.
 * Input | 0 | 28×28×1. CONV3-10 | 100 | 28×28×10.`). A person reads its rows as a table's; read as
 * one line, its cells ran together into one answer. A run of three segments or more with the same
 * number of cells (two at least, none empty, each with its brackets closed, so `P(A | B)` splits
 * nothing) is such a table: each row goes on a line of its own, and words before or after it (a
 * caption) on theirs.
 */

/** Cheap test over the whole text: a line with a bar between cells, a row's end, and another bar after it. */
const ANY_FLATTENED = /\s\|\s[^\n]*?[.;]\s[^\n]*?\s\|\s/;
/** A bar between two cells, with space on both sides (`|x|` inside a cell has none outside). */
const CELL_BAR = /\s+\|\s+/;
/** The ends of rows: `. ` (a sentence's end, never a decimal point) or `; `. */
const ROW_ENDS = [
  { split: /(?<=[^\s.])\.\s+(?=\S)/, mark: '.' },
  { split: /;\s+(?=\S)/, mark: ';' },
] as const;
/** Fewest rows (a header and two rows under it, or three rows) that make a table of a line. */
const MIN_ROWS = 3;

/** Whether every bracket a cell opens it closes, in order. */
function balanced(cell: string): boolean {
  const open: string[] = [];
  for (const ch of cell) {
    if ('([{'.includes(ch)) open.push(ch);
    else if (')]}'.includes(ch) && open.pop() !== { ')': '(', ']': '[', '}': '{' }[ch]) return false;
  }
  return open.length === 0;
}

/** How many cells a segment is a row of; 0 when it is no row (a bar-less sentence, an empty or unclosed cell). */
function cellCount(segment: string): number {
  const cells = segment.trim().replace(/\.$/, '').split(CELL_BAR);
  return cells.length >= 2 && cells.every((c) => c.trim() && balanced(c)) ? cells.length : 0;
}

/** A line's segments as lines when a run of them is a table's rows; undefined when it holds none. */
function flattenedRows(line: string): string[] | undefined {
  if (/^\s*\|/.test(line)) return undefined;
  for (const { split, mark } of ROW_ENDS) {
    const segments = line.trim().split(split);
    if (segments.length < MIN_ROWS) continue;
    const counts = segments.map(cellCount);
    for (let i = 0; i < segments.length; i++) {
      let j = i;
      while (j < segments.length && counts[j] && counts[j] === counts[i]) j++;
      if (j - i >= MIN_ROWS) {
        const rows = segments.slice(i, j).map((s) => s.trim().replace(/\.$/, ''));
        const before = segments.slice(0, i).join(`${mark} `);
        const after = segments.slice(j).join(`${mark} `);
        return [...(before ? [`${before}${mark}`] : []), ...rows, ...(after ? [after] : [])];
      }
      i = Math.max(i, j - 1);
    }
  }
  return undefined;
}

/** The text with each table flattened onto a line written a row a line; as it is when it has none. */
export function flattenedTablesAsRows(text: string): string {
  if (!ANY_FLATTENED.test(text)) return text;
  const lines = text.split('\n');
  const verbatim = verbatimLines(lines);
  let changed = false;
  const out = lines.flatMap((line, k) => {
    const rows = verbatim[k] || !ANY_FLATTENED.test(line) ? undefined : flattenedRows(line);
    if (!rows) return [line];
    changed = true;
    return rows;
  });
  return changed ? out.join('\n') : text;
}
