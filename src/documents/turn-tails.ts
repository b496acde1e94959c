/**
 * What a chat app sets on a turn's name line after the name, copied with it: a separator and a short
 * note of which model or when (`Monica · o4-mini`, `Lena — 21:14`, `Kai | K2`), or the time the
 * message was sent, perhaps after the app's badge for a bot (`Tomás Aguilar  9:02 PM`, `TutorBot  BOT
 * 9:02 PM`, `Sam  Today at 21:40`). The readers that know a name line by its name alone would take
 * the line for a sentence that starts with the name; the tail says nothing: it ends no sentence and
 * holds no formula.
 */

/**
 * A word of such a note, a name's or a number's: it has a capital or a digit (`o4-mini`, `Claude`, `21:14`),
 * or is a short joining word (`at`); no stop or colon that ends a sentence, no formula. (`— asking about
 * the runtime` is words of the turn's, `— Part (a)` a section's.)
 */
const NOTE_WORD = String.raw`(?:(?=[^\s]*[A-Z0-9])(?:[^\s.?!:$\\()]|[.:](?=[^\s.?!:$\\])){1,24}|[a-z]{1,2})`;

/** A separator, then a note of one to four words (`· o4-mini`, `— 21:14`, `| Claude Opus 4.5`, `— Today at 9:02`). */
export const SEPARATED_NOTE = String.raw`[ \t]+[—–·|•][ \t]*${NOTE_WORD}(?:[ \t]+${NOTE_WORD}){0,3}`;

/**
 * The time a message was sent, after a gap, perhaps after a badge in capitals or brackets (`BOT`,
 * `[APP]`) and a day (`Today at`, `Yesterday`, `Thursday`): `  9:02 PM`, `  BOT  9:02 PM`.
 */
export const SENT_AT = String.raw`[ \t]+(?:(?:[A-Z]{2,6}|[(\[][A-Za-z]{2,12}[)\]])[ \t]+)?(?:(?:Today|Yesterday|[A-Z][a-z]{2,5}day)(?:[ \t]+at)?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;

/** Either tail, ending its line. */
export const TURN_TAIL = String.raw`(?:${SEPARATED_NOTE}|${SENT_AT})[ \t]*$`;

const TAIL_ONLY = new RegExp(`^(?:\\*\\*|__)?${TURN_TAIL}`);

/** Whether what follows a speaker's name on its line is only such a tail. */
export function isTurnTail(rest: string): boolean {
  return TAIL_ONLY.test(rest);
}
