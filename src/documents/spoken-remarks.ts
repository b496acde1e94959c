/**
 * A speaker's own remarks on the answer they read out: what they expected instead (`I thought it
 * would be W minus K over S`) and their verdict with its correction (`That's wrong, it should be
 * ...`). Written, such a remark stands apart from the answer (a comment, a strike, a margin note);
 * said aloud it is one more sentence in the same paragraph, and read as one it would be taken for
 * the answer, or put the answer read in doubt. Only for speech: a write-up's sentences are its own.
 */

/** Words a speaker opens a sentence with before what they say (`Hmm, but`, `OK so`). */
const OPENERS = String.raw`(?:(?:hmm+|uh+|um+|so|and|but|well|ok|okay|yeah|oh|actually|honestly)\s*,?\s+)*`;
/**
 * A sentence of the speaker's own view beside the answer: what they expected or would have said
 * (`I thought it would be`, `I was expecting`), or a verdict on it followed by a correction
 * (`That's wrong, should be`, `It's not right, it should have been`).
 */
const REMARK = new RegExp(
  String.raw`^${OPENERS}(?:I\s+(?:thought|expected|was\s+expecting|assumed|would\s+have\s+(?:said|guessed|expected)|would've\s+(?:said|guessed|expected)|'d\s+have\s+(?:said|guessed))\b|(?:that's|that\s+is|it's|it\s+is|this\s+is)\s+(?:wrong|not\s+right|incorrect|off)\b[^.?!]*\bshould\b)`,
  'i',
);
/** The cheap test: a paragraph with neither opening says no such remark. */
const REMARK_HINT = /\bI\s+(?:thought|expected|was\s+expecting|assumed|would|'d)\b|\bshould\b/i;

/** A paragraph of speech without the sentences that are the speaker's own remarks on the answer. */
export function withoutSpokenRemarks(paragraph: string): string {
  if (!REMARK_HINT.test(paragraph)) return paragraph;
  // (A sentence ends at its stop, or an ellipsis trailing off.)
  const sentences = paragraph.split(/(?<=[.?!])\s+/);
  const kept = sentences.filter((s) => !REMARK.test(s));
  return kept.length === sentences.length ? paragraph : kept.join(' ');
}
