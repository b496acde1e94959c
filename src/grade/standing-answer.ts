import type { Attempt, PartResponse } from '../model/submission.js';

// A reply that redoes some parts often says in passing that the others stand ("(a) and (b) were
// already right, so they are unchanged"). Read as an attempt at those parts it holds no answer of
// theirs, and a TA reads their earlier answers as still the ones committed to.

/** Words saying an answer given before is kept as it was. */
const STANDS =
  /\b(?:unchanged|unaffected|(?:still\s+)?(?:holds?|stands?)(?:\s+as\s+(?:written|given|is|before|stated))?|remains?\s+(?:the\s+same|as\s+(?:is|before|written|given)|valid|correct)|as\s+before|still\s+(?:correct|right|valid|applies|apply|good)|no\s+change)\b/i;

/** A formula that states an answer: an equation or relation in math, a display, a box. */
const STATES_VALUE = /\$\$|\\\[|\\boxed|\$[^$\n]*[=<>≤≥][^$\n]*\$|\\(?:le|ge|leq|geq)\b/;

/** The first sentence of a text (up to its first full stop, question mark or blank line). */
function firstSentence(text: string): string {
  return /^[\s\S]*?(?:[.!?](?=\s|$)|\n\s*\n|$)/.exec(text.trim())![0];
}

/** Whether an attempt only says the answer given before stands, stating none of its own. */
export function saysAnswerStands(a: Attempt): boolean {
  return STANDS.test(firstSentence(a.text)) && !STATES_VALUE.test(a.text);
}

/**
 * A response without the later attempts that only say an earlier answer stands: that earlier answer
 * stays the final one. A block naming several parts that only says theirs stand, with no answer
 * before it, answers none of them here (undefined): they are missing, not wrong.
 */
export function withoutStandingRemarks(response: PartResponse): PartResponse | undefined {
  const attempts = response.attempts.filter((a, i) => (i === 0 && !a.sharedWith?.length) || !saysAnswerStands(a));
  if (attempts.length === response.attempts.length) return response;
  if (!attempts.length) return undefined;
  return { ...response, attempts, first: attempts.includes(response.first) ? response.first : attempts[0]!, final: attempts[attempts.length - 1]! };
}
