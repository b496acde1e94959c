/**
 * A person's note at the end of a line, pointing back at it (`... × C     << ok`, `w + η dw     << sign??
 * descent should be minus`): students who copy a chat into a report mark the model's lines so, as they mark
 * whole lines with `>>` (labelled-remarks.ts). Left on the line, the note is read as part of the answer
 * (an `ok` after a shape makes it words, not a formula).
 *
 * Only a note set apart by a gap, opened by `<<` and made of words counts: `a << b` (much less than) and a
 * stream operator in code (`cout << x;`) are formulas and code, left as they are.
 */
const NOTE = /([^\s<])(?:[ \t]{2,}|\t)<<[ \t]+([^\n]*)$/gm;

/** Words, no formula: a note has a word of two letters and none of a formula's operators, ends in no `;`. */
const WORDS = /^(?=[^\n]*[A-Za-z]{2})[^=+*/^_\\;{}\n]*$/;

/** The text with its margin notes cut off the ends of their lines; as it is (and cheaply) when it has none. */
export function withoutMarginNotes(text: string): string {
  if (!text.includes('<<')) return text;
  return text.replace(NOTE, (whole, last: string, note: string) => (WORDS.test(note.trim()) ? last : whole));
}
