/**
 * Replies written in Chinese or Japanese put labels and punctuation in full-width forms
 * (`（b）`, `答案：`, `Ｑ１`) and number questions `第 2 题`. Folded to the forms every reader of
 * labels and answers knows (`(b)`, `答案:`, `Q1`, `Question 2`); other text is left as written.
 */

/** `第 2 题`, `第2問`, `问题 2`: a question's number in Chinese or Japanese. */
const QUESTION = /第\s*(\d{1,2})\s*[题題問问]|问题\s*(\d{1,2})/g;

/** The text with full-width ASCII forms and the ideographic space made ASCII, and CJK question numbers in words. */
export function foldFullWidth(text: string): string {
  if (!/[\u3000\uff01-\uff5e第问]/.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(QUESTION, (_m, a: string | undefined, b: string | undefined) => `Question ${a ?? b}`);
}
