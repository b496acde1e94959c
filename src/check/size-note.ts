/**
 * `[[-40, -40, -40], [-40, -40, -40], [-40, -40, -40]] (3x3)`, `\begin{bmatrix}...\end{bmatrix}, a 3 × 3
 * matrix`: a matrix written out, then its size in words. The size describes the answer; read into it,
 * `(3x3)` is a product of the letter x glued to every entry. Only after a written-out array (its
 * closing bracket or `\end{...}`), so a shape given as the answer (`3 × 3`) is left as it is.
 */

/** The size after the array: dimensions joined by x, ×, by or *, perhaps bracketed, perhaps with a word for the array. */
const SIZE_NOTE =
  /(\]|\\end\{[a-zA-Z]*matrix\*?\}|\\right[\])])\s*(?:[,;—–-]\s*)?(?:\(\s*)?(?:(?:a|an|i\.e\.|shape|size)\s*[:=]?\s*)?\d+\s*(?:[x×✕*]|by)\s*\d+(?:\s*(?:[x×✕*]|by)\s*\d+)*\s*(?:matrix|array|output|tensor|result)?\s*\)?\s*[.;,]?\s*$/i;

/** The answer without the size noted after its array; empty when it notes none. */
export function withoutSizeNote(text: string): string[] {
  // Cheap before the pattern: a digit, a sign of dimensions and a closing bracket must all be there.
  if (text.length > 2000 || !/\d\s*(?:[x×✕*]|by)\s*\d/i.test(text) || !/\]|\\end\{/.test(text)) return [];
  const m = SIZE_NOTE.exec(text);
  return m ? [text.slice(0, m.index + m[1]!.length).trim()] : [];
}
