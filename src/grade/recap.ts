import { topLevelPieces } from '../check/listed-pieces.js';

/**
 * A recap after the answers (a scoreboard's row, a "final answers" list's item) often shortens
 * the answer given in full above it: one side of a shape for all three (`⌊(W - K)/S⌋ + 1, C` for
 * `(⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C`), the right side without its name. Such a recap
 * says nothing the answer above does not, so grading it would grade the writer's shorthand; a
 * recap that says something else (a corrected value) is the last answer committed to, and counts.
 */

/**
 * Where a whole element of a printed answer may begin or end: a bracket, a comma, a side of an
 * equation or relation, a factor of a shape written with ×. Not a sum's `+` or a product's space:
 * `2 c d_out^2 d_in + c d_out d_in^2` cut to its first term is another answer, and so is
 * `c d_out^2 d_in` taken out of `2 c d_out^2 d_in`.
 */
const OPENS = /(?:^|[([{,=×≤≥<>]\s*)$/;
const CLOSES = /^(?:\s*[)\]},=×≤≥<>]|$)/;

/** Whether `piece` stands in `whole` as a whole element of it (see OPENS), not as part of a term or a product. */
function standsIn(piece: string, whole: string): boolean {
  for (let at = whole.indexOf(piece); at >= 0; at = whole.indexOf(piece, at + 1)) {
    if (OPENS.test(whole.slice(0, at)) && CLOSES.test(whole.slice(at + piece.length))) return true;
  }
  return false;
}

/**
 * Whether a one-line recap's answer (as the checker printed it) only shortens the answer above
 * it: every piece it lists is a whole element of that answer, and it is shorter. Both are printed
 * by the same printer, so notation (`\tfrac`, `\left(`) is set aside already.
 */
export function shortens(recap: string, above: string): boolean {
  if (!recap || recap.length >= above.length) return false;
  return topLevelPieces(recap, ',')
    .filter(Boolean)
    .every((piece) => standsIn(piece, above));
}
