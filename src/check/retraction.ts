/**
 * The one vocabulary of self-correction: the words with which a writer takes back an answer it
 * stated. Two readings use it: between two stated answers of one response (the later one is
 * what the writer commits to), and at the opening of a reply to a follow-up (the reply is a new
 * attempt, though the follow-up only asked why).
 */

/** A slip the writer admits to: "I made a mistake", "my mistake", "an error in (b)". */
const SLIP = 'mistake|error';
/** Interjections that take back what came before wherever they stand: "Oops", "Correction:". */
const TAKE_BACK = 'oops|correction';

/** Words that take back an answer stated before ("Wait", "Correction:", "I made an error"). */
const RETRACTION = new RegExp(
  String.raw`\b(?:wait|actually|${TAKE_BACK}|corrected|correcting|${SLIP}|revis(?:e|ed|ing)|re-?check(?:ing)?|on second thought|let me redo|that is wrong|this is wrong)\b`,
  'i',
);

/**
 * How a reply opens when it concedes a user's objection: "Good catch", "You're right", "My mistake",
 * "Correction", "Thanks for the correction"; perhaps after a word that only acknowledges ("Good point — you're right"). The
 * acknowledgement alone concedes nothing ("Good question, but no").
 */
const CONCEDES = new RegExp(
  String.raw`^\W*(?:(?:good (?:point|question)|ah|oh|yes|hmm|indeed)\W{1,4})?(?:good catch|thanks? (?:you )?for (?:the |that |this )?(?:correction|clarification|clarifying|pointing (?:that|this|it) out)|you(?:'|’)?re (?:absolutely |completely )?right|you are (?:absolutely |completely )?right|my (?:mistake|bad|apologies)|i apologi[sz]e|sorry\b|${TAKE_BACK.split(
    '|',
  )
    .map((w) => `${w}\\b`)
    .join('|')})`,
  'i',
);
/** "I made an error", "I misread x_3": the writer owns a slip, in a reply's opening. */
const OWNS_SLIP = new RegExp(String.raw`\bI (?:made (?:a|an) (?:${SLIP})|misread|misinterpreted|was wrong)\b`, 'i');
/** "Corrected answer:", "Revised solution": a line that restates the answer as revised. */
const REVISED = /^\W*(?:corrected|revised|updated) (?:answer|result|solution)\b/im;

/** Whether a stretch of text between two stated answers takes the first one back. */
export function retracts(between: string): boolean {
  return RETRACTION.test(between);
}

/**
 * Whether a reply revises the model's answer on its own account ("Good catch — ...", "You're
 * right", "Corrected answer:"): after a follow-up that only asked why, such a reply is still a
 * new attempt, since the model commits to another answer.
 */
export function correctsItself(reply: string): boolean {
  const opening = reply.slice(0, 200);
  return CONCEDES.test(opening) || OWNS_SLIP.test(opening) || REVISED.test(reply);
}
