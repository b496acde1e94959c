/**
 * Some write-ups number their questions in upper-case Roman numerals (`III. Convolution`, then
 * `III.(b)` over each part), as schools in many countries teach. The readers of labels know
 * questions by Arabic numbers, so those numerals are turned into them where they stand as a
 * question's number. Lower-case numerals are subparts (`(ii)`) and are never touched.
 */
import { roman } from './tex.js';

/** I … XX, upper case: a question number; longer numerals are no question's. */
const NUMERAL = '(?:XX|X?(?:IX|IV|V?I{1,3}|V)|X)';

/**
 * The convention's own mark, without which no numeral is turned: a numeral run straight into a part's
 * letter at a line's start (`IV.(c)`, `II(b)`, `VII.a)`). A report's sections `I. Introduction` /
 * `II. Method` carry none, and stay sections.
 */
const NUMERAL_BEFORE_PART = new RegExp(`^[ \\t>#*]*${NUMERAL}\\.?(?:\\([a-h]\\)|\\.[a-h][.)])`, 'm');

/** A numeral opening a line (after Markdown's marks) and closed by a point or parenthesis: a question's number. */
const NUMERAL_AT_LINE_START = new RegExp(`^([ \\t>#*]*)(${NUMERAL})(?=[.)](?:\\s|\\(|[a-h][.)]|$)|\\()`, 'gm');

/** A numeral after a question's word: `Question IV`, `Problem VII:`. */
const NUMERAL_AFTER_WORD = new RegExp(`\\b(Question|Problem|Exercise|Q)(\\s*)(${NUMERAL})(?![A-Za-z])`, 'g');

const VALUE = new Map(Array.from({ length: 20 }, (_, i) => [roman(i + 1).toUpperCase(), String(i + 1)]));

/** `text` with the question numbers of a write-up numbered in upper-case Roman numerals made Arabic. */
export function arabicQuestionNumbers(text: string): string {
  // Cheap refusal first: most documents have no numeral run into a part's letter.
  if (!/^[ \t>#*]*[IVX]{1,4}\.?[(.][a-h]/m.test(text) || !NUMERAL_BEFORE_PART.test(text)) return text;
  const arabic = (n: string) => VALUE.get(n) ?? n;
  return text.replace(NUMERAL_AT_LINE_START, (_, lead: string, n: string) => lead + arabic(n)).replace(NUMERAL_AFTER_WORD, (_, word: string, gap: string, n: string) => word + gap + arabic(n));
}
