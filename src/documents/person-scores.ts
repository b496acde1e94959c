/**
 * What a person writes when they score a model's parts beside its answers: a column of marks in a
 * summary table (`| 1(b) | c d_out d_in² | ½ |`) and a tally line after the chat (`Scorecard — Q3: 5/5,
 * Q4(e): 11/12 cells, Q4(f): ✓`). Read as the model's, a score is graded as the part's answer. Both are
 * told by what they hold, not by a header's or a lead's words (`me`, `Scorecard`, `Tally`, none): scores
 * only, and at least one tick or cross, which no answer is.
 */

/** A tick or a cross: what only a person's scoring puts where an answer could stand. */
const TICK_OR_CROSS = /^[✓✔✗✘❌☑✅❎☒×]\uFE0F?$/u;

/**
 * A score: a tick or cross, a fraction of credit (`½`, `1/2`, `0.5`), points (`2 pts`), credit in a word
 * (`half`), perhaps with what it counts (`11/12 cells`, `3/4 marks`).
 */
const SCORE =
  /^(?:[✓✔✗✘❌☑✅❎☒×]\uFE0F?|[½¼¾⅓⅔]|\d{1,2}(?:\.\d+)?\s*\/\s*\d{1,2}(?:\s+[a-z]{2,10})?|\d?\.\d+|[01]|half|partial|full|none|[+-]?\d{1,2}(?:\.\d)?\s*(?:pts?|points?|marks?))(?:\s*(?:pts?|points?|marks?|credit))?$/iu;

const isScore = (cell: string) => SCORE.test(cell.replace(/\*\*|__/g, '').trim());
const isTickOrCross = (cell: string) => TICK_OR_CROSS.test(cell.replace(/\*\*|__/g, '').trim());

/** The columns of a table's rows (cells after each row's label cell) that hold the person's scores. */
export function markColumns(rows: readonly (readonly string[])[]): Set<number> {
  const out = new Set<number>();
  if (rows.length < 2) return out;
  const width = Math.max(...rows.map((r) => r.length));
  for (let k = 0; k < width; k++) {
    const cells = rows.map((r) => (r[k] ?? '').trim()).filter(Boolean);
    if (cells.length >= 2 && cells.every(isScore) && cells.some(isTickOrCross)) out.add(k);
  }
  return out;
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
  if (t.length > 200 || !/[✓✔✗✘❌☑✅❎☒×]/u.test(t)) return false;
  const pieces = t.replace(/[.\s]+$/, '').split(/\s*[,;]\s*/);
  if (pieces.length < 2) return false;
  const scores = pieces.map((p, k) => (k ? ENTRY : FIRST_ENTRY).exec(p)?.[1]?.trim());
  return scores.every((s) => s !== undefined && isScore(s)) && scores.some((s) => isTickOrCross(s!));
}
