/**
 * Tutoring chats (ChatGPT's study mode, Khanmigo, a model told to teach): the model answers a part
 * with a question back ("How many numbers does one filter need?"), the person answers it or asks
 * for the result ("K^2 C F? just tell me"), and only a later reply states the part's answer. Those
 * later replies are the same part's answer going on, not a discussion to set aside.
 */

/** The last sentence of a reply, its closing emoji and markup taken off. */
function lastSentence(reply: string): string {
  const text = reply
    .trim()
    .replace(/(?:[\s*_)]|\p{Extended_Pictographic}|\uFE0F)+$/u, '')
    .trim();
  const sentences = text.split(/(?<=[.!?:])\s+|\n\s*\n/);
  return sentences[sentences.length - 1] ?? '';
}

/**
 * A question that offers more (`Want me to explain why?`, `Would you like a plot?`, `Shall I do (b)?`)
 * or checks it was followed (`Does that make sense?`): the reply's answer is complete without the person's turn.
 */
const OFFER_OR_CHECK =
  /^(?:want|would you like|shall|should we|do you want|need|interested|any (?:other )?questions)\b|\b(?:make sense|is (?:that|this|everything|it) clear|(?:does|did) (?:that|this|it) help|helpful|follow)\b/i;
/** The tutor speaking of itself (`Shall I ...?`, `Want me to ...?`); a capital `I` only, since a lower-case `i` there is an index (`which values of i contribute?`). */
const SELF = /\b(?:I|I'?ll|I'?d)\b|\b(?:[Mm]e|[Mm]y)\b/;

/** Whether a reply ends by asking the person to work a step of the part themselves. */
export function endsAskingLearner(reply: string): boolean {
  const last = lastSentence(reply);
  return last.endsWith('?') && !OFFER_OR_CHECK.test(last) && !SELF.test(last);
}

/** A person's turn short enough to be an answer to a tutor's question or a request for the result, not a new question. */
export const LEARNER_REPLY_MAX = 300;
