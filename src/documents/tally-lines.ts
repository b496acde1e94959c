/**
 * A person's tally of marks on one line (`(a) ✓   (b) ✓   (c) ✓ after my correction   (d) ✗`,
 * `1a ok  1b wrong (forgot c)`): each label is followed by a mark, and no label by anything else. It
 * is the person's marking of answers given elsewhere, never an answer: read as one, its first label's
 * part took the marks (and the labels after it) as its answer. The line is blanked, so the answers it
 * marks are read where they stand. A line whose labels mostly head answers (`(a) 2c d (b) ok`) is
 * kept: one label answered is enough. (A tally written one part a line is verdict-lists.ts's.)
 */

/** A part's label written inline: `(a)`, `a)`, `1a`, `4(c)`, `Q2(b)`. */
const LABEL = String.raw`(?:(?:Q|q)?\d{1,2}\s*\(?[a-h]\)?|\([a-h]\)|[a-h]\))`;
/** A mark of judgement: a tick or a cross, or a judgement's word (never `×`, which is a product's). */
const MARK = '(?:[✓✔✗✘✅❌☑]|correct|incorrect|wrong|ok(?:ay)?)';

/** A label and the mark right after it (a colon or a dash between them at most). */
const PAIR = new RegExp(String.raw`(?<![\p{L}\p{N}])${LABEL}[ \t]*[:=\-–—]?[ \t]*${MARK}(?![\p{L}\p{N}])`, 'giu');
/** Any inline label. */
const ANY_LABEL = new RegExp(String.raw`(?<![\p{L}\p{N}])${LABEL}(?![\p{L}\p{N}])`, 'giu');

/** Words in brackets, longer than a label's letter. */
const ASIDE = /\([^()\n]{3,}\)/g;

/** The fewest marked labels that make a tally: one is a remark on one part, which other readers judge. */
const MIN_MARKED = 2;

/** Whether a line is a tally: two labels or more, each followed by a mark. */
function isTally(line: string): boolean {
  const marked = line.match(PAIR)?.length ?? 0;
  if (marked < MIN_MARKED) return false;
  // (A remark in brackets, `(forgot the c)`, holds no label: its `c)` closes it.)
  return marked === (line.replace(ASIDE, ' ').match(ANY_LABEL)?.length ?? 0);
}

/** The text with its tally lines blanked; as it is (and cheaply) when no label is followed by a mark. */
export function withoutTallyLines(text: string): string {
  PAIR.lastIndex = 0;
  if (!PAIR.test(text)) return text;
  PAIR.lastIndex = 0;
  return text
    .split('\n')
    .map((line) => (isTally(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}
