/**
 * Note apps and Markdown editors (Bear, Obsidian, GitHub, Notion) let a writer keep a checklist of
 * how far the homework has got: `- [x] Q1` / `- [x] Q2 a–c` / `- [ ] Q2 d`. Each item only names a
 * question or part and ticks it or not; none answers anything. Left in the text, the list was read
 * as the last part's answer (`[ ] Q2 d` graded as 2.d's formula), or its names as labels. A run of
 * two such items or more is blanked (places kept); a single open to-do under a part (`- [ ] d) ask
 * in section`) is the part's own note and stays, and so does an item with a value in it.
 */

/** A check-box item: its bullet, its box (ticked or not), then its words. */
const CHECK_ITEM = /^[ \t]*(?:[-*+•][ \t]+)?(?:\[[ xX]\]|[☐☑☒])[ \t]+(\S.*)$/;
/** The cheap test first: a check box after a bullet anywhere. */
const ANY_CHECK_ITEM = /^[ \t]*(?:[-*+•][ \t]+)?(?:\[[ xX]\]|[☐☑☒])[ \t]+\S/m;

/** A part's letter, bare or in brackets, and perhaps a range or list of them (`a–c`, `(a), (b)`). */
const LETTERS = String.raw`\(?[a-h]\)?(?:[ \t]*(?:[-–—,&/]|and|to)[ \t]*\(?[a-h]\)?)*`;
/**
 * A question's or part's name opening an item: `Q1`, `Problem 2(b)`, `Q2 a–c`, `3d`, `(c)`; what
 * follows it is a space, a mark or the end, never a letter of a word.
 */
const PART_NAME = new RegExp(
  String.raw`^(?:\*\*)?(?:(?:(?:q|question|problem|exercise|task|part)\.?[ \t]*)?\d{1,2}(?:[ \t]*[.(]?[ \t]*${LETTERS})?|\(?[a-h]\)(?:[ \t]*${LETTERS})?)(?:\*\*)?(?![\p{L}\p{N}])`,
  'iu',
);

/** Words with no value in them: no relation, formula mark or number alone (`done`, `→ in the PDF`, `(ask Jamie)`). */
function valueFree(words: string): boolean {
  return words.length <= 80 && !/[=<>≤≥^_\\$√∑{}]/.test(words) && !/\d/.test(words.replace(/\b(?:\d+\p{L}+|\p{L}+\d+)[\p{L}\d]*\b/gu, ''));
}

/** Whether a line is a progress item: a check box, a part's name, then value-free words at most. */
function isProgressItem(line: string): boolean {
  const words = CHECK_ITEM.exec(line)?.[1];
  if (!words) return false;
  const name = PART_NAME.exec(words);
  return !!name && valueFree(words.slice(name[0].length));
}

/** The text with each run of two progress items or more blanked; as it is when it has none. */
export function withoutProgressChecklists(text: string): string {
  if (!ANY_CHECK_ITEM.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && isProgressItem(lines[end]!)) end++;
    if (end - i >= 2) {
      for (let k = i; k < end; k++) lines[k] = ' '.repeat(lines[k]!.length);
      changed = true;
    }
    i = Math.max(end, i + 1);
  }
  return changed ? lines.join('\n') : text;
}
