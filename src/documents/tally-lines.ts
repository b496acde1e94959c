import { HAS_TICK_OR_CROSS, isScore, isTickOrCross } from './person-scores.js';

/**
 * A person's tally on one line: marks after labels, or scores between commas (`Scorecard — Q3: 5/5,
 * Q4(e): 11/12 cells, Q4(f): ✓`).
 *
 * A tally of marks (`(a) ✓   (b) ✓   (c) ✓ after my correction   (d) ✗`,
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

/** A question's or part's name in a tally: `Q3`, `Q4(e)`, `4e`, `(b)`, `2(d)(ii)`, `Problem 2`. */
const NAME = String.raw`(?:(?:q|question|problem|part|ex(?:ercise)?)\.?\s*)?(?:\d{1,2}(?:\s*\(\s*[a-h]\s*\)|[a-h]\b)?|\(\s*[a-h]\s*\)|[a-h]\))(?:\s*\(\s*[ivx]{1,4}\s*\))?`;
/** One entry of a tally: a name, perhaps a colon or dash, and its score. */
const ENTRY = new RegExp(String.raw`^(?:and\s+)?${NAME}\s*[:=—–-]?\s*(.+)$`, 'i');
/** The tally's first entry, perhaps after a short title and a colon or dash (`Scorecard — Q3: 5/5`). */
const FIRST_ENTRY = new RegExp(String.raw`^(?:[^,;:\d]{1,30}?(?:\s[—–-]|:)\s*)?${NAME}\s*[:=—–-]?\s*(.+)$`, 'i');

/**
 * Whether a line is a person's tally of scores: two entries or more between commas or semicolons, each a
 * part's name and a score only, one of them a tick or a cross (`(a) 1/2, (b) 3/4` answers two parts).
 */
export function isScoreTally(line: string): boolean {
  const t = line.trim().replace(/\*\*|__/g, '');
  // (Cheap test first: no tick or cross, no tally.)
  if (t.length > 200 || !HAS_TICK_OR_CROSS.test(t)) return false;
  const pieces = t.replace(/[.\s]+$/, '').split(/\s*[,;]\s*/);
  if (pieces.length < 2) return false;
  const scores = pieces.map((p, k) => (k ? ENTRY : FIRST_ENTRY).exec(p)?.[1]?.trim());
  return scores.every((s) => s !== undefined && isScore(s)) && scores.some((s) => isTickOrCross(s!));
}

/** Whether a line is a person's tally: of marks after labels, or of scores between commas. */
export function isTallyLine(line: string): boolean {
  return isTally(line) || isScoreTally(line);
}

/** A tick, a cross or a word of judgement (PAIR's marks and more): a line without one is no tally. */
const mayMark = (text: string) => HAS_TICK_OR_CROSS.test(text) || /correct|wrong|ok/i.test(text);

/** The text with its tally lines blanked; as it is when no line holds a tick, a cross or a word of judgement. */
export function withoutTallyLines(text: string): string {
  // (Every text passes here: the plain searches first, PAIR's pattern only on the lines they leave.)
  if (!mayMark(text)) return text;
  return text
    .split('\n')
    .map((line) => (mayMark(line) && isTallyLine(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}
