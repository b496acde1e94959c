/**
 * A text whose paragraphs are not apart by blank lines (copied from an app that drops them, a phone's
 * notes, an e-mail client, a PDF-to-text tool): the readers after this pass take paragraph, turn and
 * part boundaries, and where an answer ends, from blank lines, so such a text read as one block runs
 * a turn into the next and an answer into its explanation.
 *
 * A text with (next to) no blank line between its many lines gets them back where the lines' own
 * structure shows a boundary: each line of such a text is a paragraph (a line break inside a paragraph
 * is the exception an exporter makes for a list, a table, a quote or code), so a blank line goes
 * between two lines unless they are items of one list, rows of one table, lines of one quote, a line
 * and the lines indented under it, or code and display math. A text that has its blank lines is left
 * as it is.
 */
import { tableRow, verbatimBlocks } from './verbatim-lines.js';

/** Fewer than one blank line in this many lines of text: its blank lines were dropped, not written. */
const DROPPED = 25;

/** A text needs this many lines before its lack of blank lines says anything. */
const MIN_LINES = 8;

const ITEM = /^\s*(?:[-*•+]|\d{1,3}[.)])\s/;
const QUOTE = /^\s*>/;
// A box drawn with line characters (a terminal app's panel): its rows are one picture.
const FRAME = /^\s*[\u2500-\u257f]/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].replace(/\t/g, '    ').length;
}

/**
 * Whether line `i` belongs to the block of the line before it: items of one list, rows of one table,
 * lines of one quote or frame, a list item's continuation (indented under the item), or a plain
 * line's hanging continuation (every line under it at one depth, none an item). Lines indented under
 * a line at several depths, or with items among them, are a body of their own (a terminal app
 * indents its whole reply), whose paragraphs are apart.
 */
function oneBlock(lines: readonly string[], i: number, bodies: Map<number, boolean>): boolean {
  const a = lines[i - 1]!;
  const b = lines[i]!;
  if (tableRow(a) && tableRow(b) && QUOTE.test(a) === QUOTE.test(b)) return true;
  if (QUOTE.test(a) && QUOTE.test(b)) return true;
  if (FRAME.test(a) && FRAME.test(b)) return true;
  if (ITEM.test(b) && ITEM.test(a)) return true;
  const depth = indentOf(b);
  if (depth === 0) return false;
  // The nearest line above that is less indented: an item whose words this line hangs under, or not.
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j]!;
    if (!l.trim()) return false;
    if (indentOf(l) >= depth) continue;
    if (ITEM.test(l)) return true;
    let hanging = bodies.get(j);
    if (hanging === undefined) {
      hanging = true;
      for (let k = j + 1; k < lines.length && lines[k]!.trim() && indentOf(lines[k]!) > indentOf(l); k++) {
        if (indentOf(lines[k]!) !== depth || ITEM.test(lines[k]!)) hanging = false;
      }
      bodies.set(j, hanging);
    }
    return hanging;
  }
  return false;
}

/** Whether a text's blank lines were dropped: it has many lines of text and (next to) no blank line among them, code and display math aside. */
export function blankLinesDropped(lines: readonly string[], verbatim: readonly boolean[]): boolean {
  let filled = 0;
  let blank = 0;
  const first = lines.findIndex((l) => l.trim());
  let last = lines.length - 1;
  while (last > first && !lines[last]!.trim()) last--;
  for (let i = Math.max(first, 0); i <= last && first >= 0; i++) {
    if (verbatim[i]) continue;
    if (lines[i]!.trim()) filled++;
    else blank++;
  }
  return filled >= MIN_LINES && blank * DROPPED < filled;
}

/** The text with blank lines between its paragraphs when it has (next to) none; as it is otherwise. */
export function paragraphsApart(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const blocks = verbatimBlocks(lines);
  const verbatim = blocks.map((b) => b > 0);
  if (!blankLinesDropped(lines, verbatim)) return text;
  const out: string[] = [];
  const bodies = new Map<number, boolean>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = i > 0 ? lines[i - 1]! : undefined;
    if (prev?.trim() && line.trim()) {
      // Code and display math stay whole; a block of them is a paragraph of its own.
      const sameBlock = verbatim[i] && blocks[i - 1] === blocks[i];
      const apart = verbatim[i - 1] || verbatim[i] ? !sameBlock : !oneBlock(lines, i, bodies);
      if (apart) out.push('');
    }
    out.push(line);
  }
  return out.join('\n');
}
