import type { Message } from '../model/submission.js';
import { ASKS } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * Chats copied from a messaging or workplace app, where each message is headed by its sender's
 * name and the time it was sent, and no word says who is the model: `Dana Reyes, [05.12.2025 21:02]`
 * (Telegram's "Copy Selected as Text"), or the name on one line and `Thursday 10:47 PM` under it
 * (Teams, Slack). A person reads the turns off those header lines whatever the names are: two
 * senders alternate, the one who opens and asks is the person, the one who writes long answers is
 * the model. Read as a write-up, the pasted question's parts would be graded as answers; read with
 * the person's name unknown, a report's own opening over the chat would be taken for the first question.
 */

/** A time of day as apps print it: `21:02`, `10:47 PM`, `9:05am`, `21:02:13`. */
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
/** A date before or after it: `05.12.2025`, `12/5/25`, `2025-12-05`, `Dec 5`, `5 Dec 2025`, `Thursday`, `Yesterday`. */
const DAY = String.raw`(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?|[A-Z][a-z]{2,8}day|Today|Yesterday)`;
/** A stamp: a time with perhaps a day, in brackets or not (`[05.12.2025 21:02]`, `Thursday 10:47 PM`, `Yesterday at 9:05`). */
const STAMP = String.raw`\[?(?:${DAY},?[ \t]+(?:at[ \t]+)?)?${TIME}(?:,?[ \t]+${DAY})?\]?`;
/** A stamp alone on its line (under the sender's name). */
const STAMP_LINE = new RegExp(String.raw`^[ \t]*${STAMP}[ \t]*$`);
/** A sender's name: one to four words or a login, no sentence (`Dana Reyes`, `cs182 study bot`, `@lee_j`, `Copilot`). */
const NAME = String.raw`@?[\p{L}][\p{L}\p{N}._'’-]{0,30}(?:[ \t][\p{L}\p{N}][\p{L}\p{N}._'’-]{0,30}){0,3}`;
/**
 * The app's badge between a sender and the stamp: a short tag in capitals or brackets set apart from the
 * name (`ask-ai  BOT  9:41 PM`, `cs182-helper [APP] 10:02`), or a field or two in the commas that part the
 * name from the stamp (`Gemini, App, 9:12 PM`, `Tutor, Bot, Yesterday 21:40`), naming the kind of sender, not who.
 */
const BADGE = String.raw`(?:[ \t]{2,}\p{Lu}{2,5}|[ \t]+[([]\p{L}{2,12}[)\]]|(?:,[ \t]*\p{Lu}[\p{L}\p{N}._-]{1,15}){1,2}(?=,))`;
/** A sender and the stamp on one line: `Dana Reyes, [05.12.2025 21:02]`, `Dana Reyes — 21:02`, `ask-ai  BOT  9:41 PM`. */
const SENDER_STAMPED = new RegExp(String.raw`^[ \t]*(${NAME})(?:${BADGE})?(?:,|[ \t]+[—–-])?[ \t]+${STAMP}[ \t]*$`, 'u');
/** A sender's name alone on its line (its stamp on the next). */
const SENDER_ALONE = new RegExp(String.raw`^[ \t]*(${NAME})[ \t]*$`, 'u');

interface Header {
  /** The header's first line (0-based) and the first line of the message under it. */
  at: number;
  body: number;
  name: string;
}

/** Every message's header: a sender with a stamp on the same line, or a name alone with a stamp alone under it. */
function headersOf(lines: readonly string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 80 || !/\d[:.]\d\d/.test(line + (lines[i + 1] ?? ''))) continue;
    const same = SENDER_STAMPED.exec(line);
    if (same) {
      out.push({ at: i, body: i + 1, name: same[1]!.trim() });
      continue;
    }
    const alone = SENDER_ALONE.exec(line);
    if (alone && STAMP_LINE.test(lines[i + 1] ?? '') && !STAMP_LINE.test(line)) {
      out.push({ at: i, body: i + 2, name: alone[1]!.trim() });
      i++;
    }
  }
  return out;
}

/**
 * The turns of a chat whose messages are headed by a sender and a stamp, or undefined when the
 * text is not one: at least two headers of exactly two senders that take turns, the first of them
 * asking, the other writing more.
 */
export function stampedSenderTurns(text: string): Message[] | undefined {
  if (!/\d[:.]\d\d/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const headers = headersOf(lines);
  if (headers.length < 2) return undefined;
  const names = [...new Set(headers.map((h) => h.name))];
  if (names.length !== 2) return undefined;
  // Two senders that take turns: a message log, not a write-up's two dated entries.
  if (!headers.some((h, k) => k > 0 && h.name !== headers[k - 1]!.name)) return undefined;
  const bodies = headers.map((h, k) => lines.slice(h.body, headers[k + 1]?.at ?? lines.length).join('\n'));
  const said = (name: string) => bodies.filter((_, k) => headers[k]!.name === name);
  const person = names[0]!;
  const model = names[1]!;
  if (!said(person).some((b) => b.includes('?') || b.split('\n').some((l) => ASKS.test(l.trim())))) return undefined;
  const size = (name: string) => said(name).reduce((n, b) => n + b.trim().length, 0);
  if (size(model) <= size(person)) return undefined;
  const messages: Message[] = [];
  const opening = lines.slice(0, headers[0]!.at).join('\n').trim();
  if (opening) messages.push({ role: 'note', text: opening, line: 1 });
  headers.forEach((h, k) => {
    if (h.name === person) pushUserTurn(bodies[k]!, h.at + 1, messages);
    else pushReply(bodies[k]!, h.at + 1, messages);
  });
  return messages;
}
