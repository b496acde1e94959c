/**
 * Outliners and note apps open a to-do item with its state (`- [x] Q3 — ...` in Obsidian, GitHub or
 * Notion, `- {{[[DONE]]}} Q3 ...` in Roam, `- DONE Q3 ...` in Logseq, `* TODO Q3` in Org), and people
 * keep a homework as such an outline: each question an item with its parts nested under it. The mark
 * is the item's state, no word of its heading; before it, no reader sees the heading's label.
 *
 * Only an item with items nested under it loses its mark: a flat checklist (`- [x] Q1` / `- [ ] Q2
 * (a), (f) → in the PDF`) is a status list of parts answered elsewhere, and stays as it is, unread.
 */

/** A task's state as outliners write it, after the item's bullet (or an Org heading's stars). */
const MARK = String.raw`(?:\[[ xX]\]|\{\{\s*(?:\[\[)?(?:TODO|DONE)(?:\]\])?\s*\}\}|(?:TODO|DONE|LATER|NOW|DOING|WAITING|CANCELL?ED)(?=[ \t]))`;
/** An item's line: its indentation and bullet, the task's mark, then the item's text. */
const MARKED_ITEM = new RegExp(String.raw`^([ \t]*(?:[-*+•][ \t]+|#{1,6}[ \t]+))${MARK}[ \t]+(?=\S)`);
/** The cheap test first: a mark after a bullet anywhere. */
const ANY_MARKED_ITEM = new RegExp(String.raw`^[ \t]*(?:[-*+•]|#{1,6})[ \t]+${MARK}[ \t]+\S`, 'm');

/** A line's indentation, a tab counted as four spaces. */
function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4;
    else break;
  }
  return n;
}

/** A Markdown heading's level (`## ...` → 2), 0 for any other line. */
const headingLevel = (line: string) => /^[ \t]*(#{1,6})[ \t]/.exec(line)?.[1]?.length ?? 0;

/**
 * Whether the item on `lines[at]` has something nested under it: the next line with words is indented
 * deeper than the item's bullet, or, under a heading (an Org entry read as Markdown), is no heading of
 * its level or above.
 */
function hasNested(lines: readonly string[], at: number): boolean {
  let next = at + 1;
  while (next < lines.length && !lines[next]!.trim()) next++;
  if (next >= lines.length) return false;
  const level = headingLevel(lines[at]!);
  if (level) {
    const below = headingLevel(lines[next]!);
    return below === 0 || below > level;
  }
  return indentOf(lines[next]!) > indentOf(lines[at]!);
}

/** The text with the task mark of each outline item that has items nested under it taken out. */
export function withoutOutlineTaskMarks(text: string): string {
  if (!ANY_MARKED_ITEM.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const m = MARKED_ITEM.exec(lines[i]!);
    if (!m || !hasNested(lines, i)) continue;
    lines[i] = m[1]! + lines[i]!.slice(m[0].length);
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}
