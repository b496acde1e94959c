/**
 * Equation editors (OneNote, Word's linear format, some chat apps' "copy as text") paste their
 * formulas as Unicode's Mathematical Alphanumeric Symbols: `2𝑐 𝑑_out²`, `𝐖𝐱`, `𝛼 = 1/√𝑑_in`.
 * Their bold, italic, script, fraktur, sans-serif and monospace styles are how a letter is drawn,
 * not which quantity it names, so a reader of mathematics takes them for the plain letter, digit
 * or Greek letter. Double-struck letters and digits are kept: `ℝ`, `𝔼`, `𝟙` name sets and
 * operators, not the letters they are drawn from.
 */

/** The first code point of the block (every character in it starts with the high surrogate U+D835). */
const BLOCK_START = 0x1d400;

/** Latin styles of 52 letters each (A–Z then a–z), in block order; the seventh is double-struck. */
const LATIN_STYLES = 13;
const DOUBLE_STRUCK_LATIN = 6;
const GREEK_START = 0x1d6a8;
const GREEK_STYLE_SIZE = 58;
const GREEK_STYLES = 5;
const DIGIT_START = 0x1d7ce;
const DOUBLE_STRUCK_DIGITS = 1;

/** The 58 characters each Greek style draws, in block order: capitals (ϴ in Σ's gap), ∇, small letters, then ∂ and the variant forms. */
const GREEK_PLAIN = [
  ...Array.from({ length: 25 }, (_, k) => (k === 17 ? 'ϴ' : String.fromCharCode(0x391 + k))),
  '∇',
  ...Array.from({ length: 25 }, (_, k) => String.fromCharCode(0x3b1 + k)),
  '∂',
  'ϵ',
  'ϑ',
  'ϰ',
  'ϕ',
  'ϱ',
  'ϖ',
];

/**
 * Letters of the styled alphabets that Unicode had encoded before the block (its gaps point to
 * them): italic h is the Planck constant sign, the script capitals and small e, g, o are
 * letterlike symbols. Fraktur's ℜ and ℑ (real and imaginary part) and the double-struck ℝ, ℕ, ℤ
 * are left as they are: they mean something of their own.
 */
const LETTERLIKE: Record<string, string> = {
  ℎ: 'h',
  ℬ: 'B',
  ℰ: 'E',
  ℱ: 'F',
  ℋ: 'H',
  ℐ: 'I',
  ℒ: 'L',
  ℳ: 'M',
  ℛ: 'R',
  ℯ: 'e',
  ℊ: 'g',
  ℴ: 'o',
};
const LETTERLIKE_RUN = /[ℎℬℰℱℋℐℒℳℛℯℊℴ]/g;
/** A styled letter of either kind: the block's high surrogate, or a letterlike one. */
const ANY_STYLED = /[\ud835ℎℬℰℱℋℐℒℳℛℯℊℴ]/;

/** The plain character a styled mathematical letter or digit is drawn from, or undefined to keep it as written. */
function plainOf(cp: number): string | undefined {
  const k = cp - BLOCK_START;
  if (k >= 0 && k < LATIN_STYLES * 52) {
    if (Math.floor(k / 52) === DOUBLE_STRUCK_LATIN) return undefined;
    const letter = k % 52;
    return String.fromCharCode(letter < 26 ? 0x41 + letter : 0x61 + letter - 26);
  }
  // Dotless i and j.
  if (cp === 0x1d6a4) return 'i';
  if (cp === 0x1d6a5) return 'j';
  const g = cp - GREEK_START;
  if (g >= 0 && g < GREEK_STYLES * GREEK_STYLE_SIZE) return GREEK_PLAIN[g % GREEK_STYLE_SIZE];
  const d = cp - DIGIT_START;
  if (d >= 0 && d < 50) return Math.floor(d / 10) === DOUBLE_STRUCK_DIGITS ? undefined : String.fromCharCode(0x30 + (d % 10));
  return undefined;
}

/**
 * The text with styled mathematical letters and digits (`𝑐`, `𝐖`, `𝛼`, `𝟐`, `ℎ`) made plain, one
 * code point for one, so positions counted in code points are the same in both. Text without
 * any is returned as it is, after one scan for their marks.
 */
export function foldMathLetters(text: string): string {
  // (One scan decides the texts, nearly all, that have none: this runs on every formula read.)
  if (!ANY_STYLED.test(text)) return text;
  return text.replace(LETTERLIKE_RUN, (c) => LETTERLIKE[c] ?? c).replace(/\ud835[\udc00-\udfff]/g, (pair) => plainOf(pair.codePointAt(0)!) ?? pair);
}
