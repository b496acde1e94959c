/**
 * Positions and choices written in words: "the second option", "option 3", "row 3, column 1".
 * Read only when the text names exactly one position and does not negate it, so that "not the
 * first option" or "the first is wrong, the second is right" are never read as one answer.
 */

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const CARDINALS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ITEM = '(?:option|choice|answer|alternative|statement|item|one|entry|element)';
const ORDINAL = '(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th))';
const COUNT = '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)';

/** An ordinal or cardinal word or numeral as a number. */
function wordValue(w: string): number | undefined {
  const k = w.toLowerCase();
  if (k in ORDINALS) return ORDINALS[k];
  if (k in CARDINALS) return CARDINALS[k];
  const m = /^(\d+)(?:st|nd|rd|th)?$/.exec(k);
  return m ? Number(m[1]) : undefined;
}

/** The one position a text names ("the second option", "option 2"), if it names exactly one. */
export function positionIn(text: string): number | undefined {
  if (/\b(?:not|isn't|wrong|incorrect|except)\b/i.test(text)) return undefined;
  const found = new Set<number>();
  for (const m of text.matchAll(new RegExp(`\\b${ORDINAL}\\s+${ITEM}\\b`, 'gi'))) found.add(wordValue(m[1]!)!);
  for (const m of text.matchAll(new RegExp(`\\b(?:option|choice|alternative|statement|item)\\s+(?:number\\s+|no\\.?\\s*|#\\s*)?${COUNT}\\b`, 'gi'))) found.add(wordValue(m[1]!)!);
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * "row 3, column 1" (or "column 1, row 3", numbers in words too) as the pair `(3, 1)`. A text that
 * names several positions ("row 3, column 1 or row 1, column 3") hedges: it is read as all of them,
 * `((3, 1), (1, 3))`, which no single position equals. (Read as a formula, such a sentence
 * was a product of letters: see prose.ts.)
 */
export function rowColumnIn(text: string): string | undefined {
  const rc = [...text.matchAll(new RegExp(`\\brow\\s+${COUNT}\\s*(?:,|and)?\\s*(?:in\\s+)?col(?:umn)?\\s+${COUNT}\\b`, 'gi'))].map((m) => [m[1]!, m[2]!]);
  const cr = [...text.matchAll(new RegExp(`\\bcol(?:umn)?\\s+${COUNT}\\s*(?:,|and)?\\s*(?:in\\s+)?row\\s+${COUNT}\\b`, 'gi'))].map((m) => [m[2]!, m[1]!]);
  const all = new Set([...rc, ...cr].map(([r, c]) => `(${wordValue(r!)}, ${wordValue(c!)})`));
  if (!all.size || /\bnot\b/i.test(text)) return undefined;
  return all.size > 1 ? `(${[...all].join(', ')})` : [...all][0];
}

/** The letter of a lettered choice at a position (2 → B). */
export function letterAt(position: number): string | undefined {
  return position >= 1 && position <= 10 ? String.fromCharCode(64 + position) : undefined;
}

/** Whether a text names a row and column ("not row 3, column 1" too): words the checker reads as a position, not prose. */
export function namesRowColumn(text: string): boolean {
  return /\brow\b/i.test(text) && /\bcol(?:umn)?\b/i.test(text) && rowColumnIn(text.replace(/\bnot\b/gi, '')) !== undefined;
}
