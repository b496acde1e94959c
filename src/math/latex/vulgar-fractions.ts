import { LOWERED, RAISED } from './unicode-scripts.js';

/**
 * Unicode's fractions: how phones, word processors and chat apps write a fraction with no markup.
 * A vulgar fraction is one character (`½`, `⅓`, `¾`, `⅞`); any other is built with the fraction
 * slash `⁄` between numerals (`1⁄2`, `17⁄32`), or between raised and lowered digits (`¹⁄₁₆`), as
 * fonts compose them. Each is one number, the fraction it writes (`¾·n` is `\frac{3}{4} n`), and
 * written against a whole number it is a mixed number's fraction (`2½` is two and a half, never
 * two halves).
 */

/** The vulgar fractions by their numerator and denominator (`⅟` opens `1⁄n` and is read with the slash). */
export const VULGAR_FRACTIONS: Readonly<Record<string, readonly [string, string]>> = {
  '¼': ['1', '4'],
  '½': ['1', '2'],
  '¾': ['3', '4'],
  '⅐': ['1', '7'],
  '⅑': ['1', '9'],
  '⅒': ['1', '10'],
  '⅓': ['1', '3'],
  '⅔': ['2', '3'],
  '⅕': ['1', '5'],
  '⅖': ['2', '5'],
  '⅗': ['3', '5'],
  '⅘': ['4', '5'],
  '⅙': ['1', '6'],
  '⅚': ['5', '6'],
  '⅛': ['1', '8'],
  '⅜': ['3', '8'],
  '⅝': ['5', '8'],
  '⅞': ['7', '8'],
  '↉': ['0', '3'],
};

/** The fraction slash (not the solidus `/`, nor the division slash `∕`). */
export const FRACTION_SLASH = '⁄';

/**
 * Any character a Unicode fraction is written with, or a raised numeral over a lowered one (`¹/₂`, typed
 * with a plain slash): the cheap test before looking for one.
 */
export const ANY_FRACTION = /[¼½¾⅐-⅟↉⁄]|[¹²³⁰⁴-⁹][/∕][₀-₉]/;

/** A Unicode fraction: its numerator, its denominator, and where it ends. */
export interface FractionAt {
  num: string;
  den: string;
  end: number;
}

/** The run of digits (plain, raised or lowered, as `table` reads them) that starts at `i`. */
function digitsAt(src: string, i: number, table?: Readonly<Record<string, string>>): { digits: string; end: number } {
  let digits = '';
  let k = i;
  for (; k < src.length; k++) {
    const c = src[k]!;
    const plain = table ? table[c] : c;
    if (plain === undefined || plain < '0' || plain > '9' || plain.length !== 1) break;
    digits += plain;
  }
  return { digits, end: k };
}

/**
 * The Unicode fraction that starts at `i`: a vulgar fraction (`½`), numerals either side of a
 * fraction slash (`3⁄8`, `¹⁄₁₆`, `¹/₂`), or `⅟` with its denominator (`⅟₁₆`, `⅟16`); undefined when none
 * starts there (`x⁄y` is a division, which a slash between letters writes).
 */
export function fractionAt(src: string, i: number): FractionAt | undefined {
  const c = src[i]!;
  const vulgar = VULGAR_FRACTIONS[c];
  if (vulgar) return { num: vulgar[0], den: vulgar[1], end: i + 1 };
  if (c === '⅟') {
    const den = LOWERED[src[i + 1] ?? ''] !== undefined ? digitsAt(src, i + 1, LOWERED) : digitsAt(src, i + 1 + (src[i + 1] === FRACTION_SLASH ? 1 : 0));
    return den.digits ? { num: '1', den: den.digits, end: den.end } : undefined;
  }
  const raised = RAISED[c] !== undefined;
  const num = digitsAt(src, i, raised ? RAISED : undefined);
  // (A raised numeral over a lowered one is a fraction whatever slash is between them: `¹/₂`, `¹∕₂`.)
  const slash = src[num.end];
  if (!num.digits || !(slash === FRACTION_SLASH || (raised && (slash === '/' || slash === '∕')))) return undefined;
  const den = digitsAt(src, num.end + 1, raised ? LOWERED : undefined);
  return den.digits ? { num: num.digits, den: den.digits, end: den.end } : undefined;
}
