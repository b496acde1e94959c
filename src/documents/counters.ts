import { roman } from './tex.js';

/**
 * List counters as documents print them, in Word's number format names (`w:numFmt`); the
 * OpenDocument and web page readers map their own (`a`, `lower-alpha`) onto these.
 */
function letters(n: number): string {
  // Word's lowerLetter goes a..z, then aa..zz, aaa..: the letter repeated, not base 26.
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in one of Word's number formats (`lowerLetter`, `upperRoman`, `decimal` ...). */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}
