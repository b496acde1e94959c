import { isTurnTail } from './turn-tails.js';

/**
 * The fields a writer sets over a chat they copy to say who speaks in it: `Assistant: Monica browser
 * extension (Chrome sidebar)`, `Bot: TutorBot (course bot, backend gpt-5-mini)`. Their labels are the
 * words turns are headed with, so read as turns they would make the header the chat's first reply and
 * its other lines (`Stream: #hw-ai-eval`) the person's question. What tells them from a turn is that
 * the value opens on the name that heads the messages below (`TutorBot  BOT  9:02 PM`): a field about
 * the sender, not something the sender said.
 */

/** How many lines from the top the header may reach. */
const HEAD_LINES = 15;

/** A field, `Label: value`: a label of one to three words, then what it says. */
const FIELD = /^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?\p{L}[\p{L}\p{N}]*(?:[ \t]\p{L}[\p{L}\p{N}]*){0,2}(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(\S.*)$/u;

/** The name a field's value opens on: its first word (`TutorBot` of `TutorBot (course bot)`). */
const FIRST_NAME = /^@?[\p{L}][\p{L}\p{N}._-]{1,30}/u;

/**
 * The text with each field of its header that names a sender heading messages below blanked (lines kept,
 * so locations still point into the file); the text itself when there is none.
 */
export function withoutSenderFields(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0, seen = 0; i < lines.length && seen < HEAD_LINES; i++) {
    if (!lines[i]!.trim()) continue;
    seen++;
    const value = FIELD.exec(lines[i]!)?.[1];
    const name = value && FIRST_NAME.exec(value)?.[0].replace(/^@/, '');
    if (!name) continue;
    const heads = (l: string) => {
      const t = l.trimStart();
      return t.startsWith(name) && isTurnTail(t.slice(name.length));
    };
    if (lines.some((l, j) => j > i && heads(l))) {
      lines[i] = '';
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/**
 * Whether a line is the writer's field saying who speaks, its value opening on one of the speakers'
 * names (lower-cased) as the turns are headed: `Assistant: Monica browser extension (Chrome sidebar)`
 * over `Monica · o4-mini` turns. Its label is a turn's word the readers know (`Assistant:`, `Bot:`),
 * and read as a turn it would take the header for the chat's first reply.
 */
export function namesSender(line: string, names: readonly string[]): boolean {
  const value = FIELD.exec(line)?.[1]?.toLowerCase();
  return !!value && names.some((n) => value.startsWith(n) && !/[\p{L}\p{N}]/u.test(value.charAt(n.length)));
}
