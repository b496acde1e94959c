/**
 * `[[-40, -40, -40], [-40, -40, -40], [-40, -40, -40]] (3x3)`, `\begin{bmatrix}...\end{bmatrix}, a 3 × 3
 * matrix`: a matrix written out, then its size in words. The size describes the answer; read into it,
 * `(3x3)` is a product of the letter x glued to every entry. Only after a written-out array (its
 * closing bracket or `\end{...}`), so a shape given as the answer (`3 × 3`) is left as it is.
 * The size may head the array instead, as a label before a colon (`pad 1 → 3×3: [[-19, ...]]`): read
 * into it, the colon made a ratio of the size and the matrix.
 */

/** The size after the array: dimensions joined by x, ×, by or *, perhaps bracketed, perhaps with a word for the array. */
const SIZE_NOTE =
  /(\]|\\end\{[a-zA-Z]*matrix\*?\}|\\right[\])])\s*(?:[,;—–-]\s*)?(?:\(\s*)?(?:(?:a|an|i\.e\.|shape|size)\s*[:=]?\s*)?\d+\s*(?:[x×✕*]|by)\s*\d+(?:\s*(?:[x×✕*]|by)\s*\d+)*\s*(?:matrix|array|output|tensor|result)?\s*\)?\s*[.;,]?\s*$/i;

/** The size before the array, as its label: dimensions, perhaps a word for the array, then a colon, the array opening right after. */
const SIZE_LABEL = /(?<![\w.])\d+\s*(?:[x×✕*]|by)\s*\d+(?:\s*(?:[x×✕*]|by)\s*\d+)*\s*(?:matrix|array|output|tensor|result)?\s*:\s*(?=\[|\\begin\{[a-zA-Z]*matrix|\\left[[(])/i;

/** The answer without the size noted after its array, or heading it; empty when it notes none. */
export function withoutSizeNote(text: string): string[] {
  // Cheap before the pattern: a digit, a sign of dimensions and a closing bracket must all be there.
  if (text.length > 2000 || !/\d\s*(?:[x×✕*]|by)\s*\d/i.test(text) || !/\]|\\end\{/.test(text)) return [];
  const label = SIZE_LABEL.exec(text);
  const array = label ? text.slice(label.index + label[0].length) : text;
  const m = SIZE_NOTE.exec(array);
  if (m) return [array.slice(0, m.index + m[1]!.length).trim()];
  return label ? [array.trim()] : [];
}
