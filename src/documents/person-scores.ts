/**
 * What a person writes when they score a model's parts beside its answers: a column of marks in a
 * summary table (`| 1(b) | c d_out d_in² | ½ |`), and the scores a tally line holds (tally-lines.ts).
 * Read as the model's, a score is graded as the part's answer. Both are told by what they hold, not by
 * a header's or a lead's words (`me`, `Scorecard`, `Tally`, none): scores only, and at least one tick
 * or cross, which no answer is.
 */

/** The ticks and crosses a person scores with (`×` too, in a column of marks or a tally of scores). */
const SIGNS = '✓✔✗✘❌☑✅❎☒×';
/** A tick or a cross anywhere in a text: the cheap test before looking for a person's scores in it. */
export const HAS_TICK_OR_CROSS = new RegExp(`[${SIGNS}]`, 'u');
/** A tick or a cross: what only a person's scoring puts where an answer could stand. */
const TICK_OR_CROSS = new RegExp(`^[${SIGNS}]\\uFE0F?$`, 'u');

/**
 * A score: a tick or cross, a fraction of credit (`½`, `1/2`, `0.5`), points (`2 pts`), credit in a word
 * (`half`), perhaps with what it counts (`11/12 cells`, `3/4 marks`).
 */
const SCORE = new RegExp(
  String.raw`^(?:[${SIGNS}]\uFE0F?|[½¼¾⅓⅔]|\d{1,2}(?:\.\d+)?\s*\/\s*\d{1,2}(?:\s+[a-z]{2,10})?|\d?\.\d+|[01]|half|partial|full|none|[+-]?\d{1,2}(?:\.\d)?\s*(?:pts?|points?|marks?))(?:\s*(?:pts?|points?|marks?|credit))?$`,
  'iu',
);

/** Whether a cell or an entry is a score only (`½`, `11/12 cells`, `✓`). */
export const isScore = (cell: string) => SCORE.test(cell.replace(/\*\*|__/g, '').trim());
/** Whether a cell or an entry is a tick or a cross. */
export const isTickOrCross = (cell: string) => TICK_OR_CROSS.test(cell.replace(/\*\*|__/g, '').trim());

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
