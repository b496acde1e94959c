/**
 * A question's number said in passing, in the words a person writes before the part labels they
 * type or paste (`I'm doing HW4 Q3 (convolution as an FIR filter) ...`, `stuck on problem 2 again,
 * the one about ...`), rather than as a heading or a request the readers of headings know. Words
 * around the number vary without end, so none are listed: what counts is that the prose names one
 * question and no other. A number said so is only a candidate; the caller confirms it by the
 * words of the parts that follow (a remark may mention a question it is not about: `my friend
 * said question 2 was hard`).
 */

/** `Q3`, `question 3`, `Problem #3`, `prob. 3`, `exercise 3`, `task 3`: not `Q3.1`, `question 30s`, `HW4`. */
const NAMED = /(?:^|[^\p{L}\p{N}_])(?:q|question|problem|prob\.?|exercise|task)\s?#?\s?(\d{1,2})(?![\p{L}\p{N}_]|[.,]\d)/giu;

/**
 * The one question number `prose` names (the text of a turn or a write-up before its first part
 * label), when it names exactly one, however often; undefined when it names none or several.
 */
export function questionNamedInProse(prose: string): string | undefined {
  // (Cheap bail-out: no digit, no number.)
  if (!/\d/.test(prose)) return undefined;
  const numbers = new Set([...prose.matchAll(NAMED)].map((m) => String(Number(m[1]))));
  return numbers.size === 1 ? [...numbers][0] : undefined;
}
