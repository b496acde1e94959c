/**
 * Replies written in Chinese or Japanese put labels and punctuation in full-width forms
 * (`（b）`, `答案：`, `Ｑ１`) and number questions `第 2 题`. Folded to the forms every reader of
 * labels and answers knows (`(b)`, `答案:`, `Q1`, `Question 2`); other text is left as written.
 */

/** `第 2 题`, `第2問`, `第二题`, `问题 2`: a question's number in Chinese or Japanese, in digits or in their numerals. */
const QUESTION = /第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[题題問问]|问题\s*(\d{1,2})/g;

const NUMERALS = '一二三四五六七八九';

/** `三` → 3, `十二` → 12, `二十` → 20: a numeral of Chinese and Japanese up to 99, as digits; digits as they are. */
function arabic(numeral: string): string {
  if (/^\d+$/.test(numeral)) return numeral;
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  const digit = (d: string | undefined) => NUMERALS.indexOf(d ?? '') + 1;
  return String((numeral.includes('十') ? (tens ? digit(tens) : 1) * 10 : 0) + (ones ? digit(ones) : 0));
}

/**
 * The text with full-width ASCII forms and the ideographic space made ASCII, and CJK question numbers in words.
 * A full-width colon holds its own space (`Q2(e)：Muon`): folded, it keeps one after it.
 */
export function foldFullWidth(text: string): string {
  if (!/[\u3000\uff01-\uff5e第问]/.test(text)) return text;
  return text
    .replace(/：(?=[^\s：])/g, ': ')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(QUESTION, (_m, a: string | undefined, b: string | undefined) => `Question ${arabic(a ?? b!)}`);
}
