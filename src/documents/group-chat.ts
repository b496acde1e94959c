import { asksSomething } from './segment.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';
import { guarded, type NameLine, nameLine, RULE_OR_BLANK } from './speaker-shapes.js';
import { KNOWN_MODEL, KNOWN_USER } from './speaker-names.js';

/**
 * A chat in which people write under their own names beside a model (a group chat with classmates,
 * a channel with a bot, a shared tutoring session): `Ananya Rao` / `ChatGPT` / `Marcus Lee`, `**Lena
 * Fischer** — 21:02` / `**Gemini** — 21:03`. The readers know the model's name, so its turns are found,
 * but no word of theirs names the people: their requests were read into the model's turns. A person
 * knows the people's lines without knowing the names: in the same markup as the model's name line,
 * a short line that is only a name, alone, over a message, and someone whose name recurs asks the
 * model (the model's turn comes right under theirs). Each such line is renamed `User` in its own
 * markup, so the readers after this one read the chat as one labelled in their words; lines stay
 * where they are. Every person is `User`: a classmate's push-back is a follow-up the model answers.
 *
 * A reply's own short lines are no people: a section title inside a reply has the model's turn
 * above it, never right below it, and a one-off title over the next turn counts only in a chat
 * whose people are known already by a recurring name.
 */

/**
 * Cheap test first: two lines that are only a model's name (in markup, perhaps with the app's note
 * after it), which every such chat has and most texts do not.
 */
const MODEL_LINE = new RegExp(
  String.raw`^[ \t]*(?:>[ \t]*)?(?:#{1,6}[ \t]*)?(?:[^\p{L}\p{N}\s]{1,3}[ \t]*)?(?:\*\*|__)?(?:${ASSISTANT_NAMES})${VERSION}(?:[ \t]+(?:said|sent|wrote|asked|answered|replied))?(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?(?:[ \t]+[—–·|][^\n]*)?[ \t]*$`,
  'gimu',
);

/** A line that opens on a model's name: a cheaper test that most write-ups fail before MODEL_LINE's. */
const MODEL_AT_LINE_START = new RegExp(String.raw`^[ \t]*(?:>[ \t]*)?(?:#{1,6}[ \t]*)?(?:[^\p{L}\p{N}\s]{1,3}[ \t]*)?(?:\*\*|__)?(?:${ASSISTANT_NAMES})`, 'imu');

/** Whether the text has two model's name lines (MODEL_LINE), found without reading it all. */
function twoModelLines(text: string): boolean {
  if (!MODEL_AT_LINE_START.test(text)) return false;
  MODEL_LINE.lastIndex = 0;
  return MODEL_LINE.test(text) && MODEL_LINE.test(text);
}

/**
 * A name's last word that is an initial (`Priya S.`, `Tomás O. — 21:04`): the period is the
 * initial's, not a sentence's stop, whatever follows it (a colon, closing bold, the app's note).
 */
const INITIAL_AT_END = /(\p{L}[ \t]+\p{Lu})\.(?=[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*(?:[—–·|][^\n]*)?$)/u;

interface Speaker extends NameLine {
  /** The line as read: with an initial's period dropped. */
  line: string;
  model: boolean;
  user: boolean;
}

/** The line's name when it is only a name, an initial's period allowed at its end. */
function speakerLine(line: string, at: number): Speaker | undefined {
  const read = line.replace(INITIAL_AT_END, '$1');
  const n = nameLine(read, at);
  if (!n) return undefined;
  // (Whether the app's note follows the name, `— 21:02`, is the markup's too: `Ananya's note — ✓` under a bare `ChatGPT` is a remark.)
  const shape = `${n.shape}|${/[—–·|]/.test(read.slice(n.to)) ? 'tail' : ''}`;
  return { ...n, shape, line: read, model: KNOWN_MODEL.test(n.name), user: KNOWN_USER.test(n.name) };
}

/** The text with its people's name lines renamed `User`; unchanged when it is no such chat. */
export function groupChatPeople(text: string): string {
  if (!twoModelLines(text)) return text;
  const lines = text.split('\n');
  const guard = guarded(lines);
  const found: Speaker[] = [];
  lines.forEach((l, i) => {
    if (guard[i] || l.length > 90 || !l.trim()) return;
    // A speaker's line stands alone: a blank line, a rule or the top above it.
    if (i > 0 && !RULE_OR_BLANK.test(lines[i - 1]!)) return;
    const s = speakerLine(l, i);
    if (s) found.push(s);
  });
  // The model's lines set the markup: its turns are headed the same way twice at least.
  const shapes = new Map<string, number>();
  for (const s of found) if (s.model) shapes.set(s.shape, (shapes.get(s.shape) ?? 0) + 1);
  for (const [shape, count] of shapes) {
    if (count < 2) continue;
    const people = peopleOf(
      lines,
      found.filter((s) => s.shape === shape),
    );
    if (!people.length) continue;
    for (const p of people) lines[p.at] = `${p.lead}${p.upper ? 'USER' : 'User'}${p.line.slice(p.to)}`;
    return lines.join('\n');
  }
  return text;
}

/**
 * The people's lines among one markup's name lines: each line over a message (text before the
 * next name line), and a name is a person's when the model's turn comes right under one of its
 * turns; someone of them must recur, and the chat must open with a person and ask the model twice.
 */
function peopleOf(lines: readonly string[], heads: readonly Speaker[]): Speaker[] {
  const said = (k: number) =>
    lines
      .slice(heads[k]!.at + 1, heads[k + 1]?.at ?? lines.length)
      .join('\n')
      .trim();
  // (A title line at the top naming the model heads no turn.)
  const title = lines.findIndex((l) => l.trim());
  const turns = heads.filter((h, k) => said(k) && !(h.model && h.at === title));
  if (turns.length < 4) return [];
  const first = turns[0]!;
  if (first.model) return [];
  const unknown = (s: Speaker) => !s.model && !s.user;
  const count = new Map<string, number>();
  const asks = new Map<string, number>();
  turns.forEach((t, k) => {
    if (!unknown(t)) return;
    count.set(t.name, (count.get(t.name) ?? 0) + 1);
    if (turns[k + 1]?.model) asks.set(t.name, (asks.get(t.name) ?? 0) + 1);
  });
  // Someone known by a name that recurs and asks the model: the chat's people are known by names.
  if (![...asks.keys()].some((n) => count.get(n)! >= 2)) return [];
  const exchanges = turns.filter((t, k) => !t.model && turns[k + 1]?.model).length;
  if (exchanges < 2) return [];
  const person = (n: string) => asks.has(n) || count.get(n)! >= 2;
  // The chat opens with a person who asks: a name the readers know, or one of the people.
  if ((unknown(first) && !person(first.name)) || !asksSomething(said(heads.indexOf(first)))) return [];
  return turns.filter((t) => unknown(t) && person(t.name));
}
