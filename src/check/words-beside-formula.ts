import { GREEK_NAME, isProseWord } from './prose.js';
import { topLevelPieces } from './listed-pieces.js';

/**
 * A short answer line that gives a part's answers side by side, a word and a formula (`explode,
 * × 1/√d_out` for "what happens, and by what do you multiply?", `vanish; 1/sqrt(d_in)`): the word
 * answers another question beside it. Read as mathematics, it was a product of its letters
 * (e·x·p·l·o·d·e) listed with the formula, an answer that invents symbols. A word is never a factor:
 * the formula alone is the reading. A formula that opens on a multiplication sign (`× 1/√d_out`,
 * `·2`), with nothing before it to multiply, names the factor it multiplies by.
 */

/** Short words of prose (`blow up`, `go to zero`), no symbol beside a longer word. */
const SHORT_WORDS = new Set('up on in to of by at is it no or as so an be do go'.split(' '));

/**
 * Whether an item is words alone: words of prose that no declared symbol or Greek letter spells, at
 * least one of them three letters or more (`blow up`, `vanish`).
 */
function wordsOnly(item: string, names: ReadonlySet<string>): boolean {
  const words = item.split(/\s+/).filter(Boolean);
  const prose = (w: string) => isProseWord(w) && !GREEK_NAME.test(w) && !names.has(w);
  return words.length > 0 && words.length <= 4 && words.some(prose) && words.every((w) => prose(w) || SHORT_WORDS.has(w));
}

/** A multiplication sign opening a formula, with the space after it. */
const OPENING_PRODUCT = /^(?:[×·*∗⋅]|\\times\b|\\cdot\b)\s*(?=[\w(\\√])/;

/** The formula of a line that lists words beside one formula, and a factor written `× f` as `f`; none when there is no such reading. */
export function formulaBesideWords(text: string, names: ReadonlySet<string>): string[] {
  const t = text.trim();
  // (Cheap tests first: a list needs a comma or semicolon and a word; a factor its opening sign.)
  const listed = t.length <= 200 && /[,;]/.test(t) && /\p{L}\p{Ll}{2}/u.test(t);
  if (!listed && !OPENING_PRODUCT.test(t)) return [];
  const items = listed ? topLevelPieces(t, ',;') : [t];
  const formulas = items.filter((item) => item && !wordsOnly(item, names));
  if (formulas.length !== 1) return [];
  const factor = formulas[0]!.replace(OPENING_PRODUCT, '');
  return factor !== t ? [factor] : [];
}
