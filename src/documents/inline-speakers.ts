import { asksSomething } from './segment.js';
import { KNOWN_MODEL, KNOWN_USER } from './speaker-names.js';
import { guarded, RULE_OR_BLANK, STRUCTURE } from './speaker-shapes.js';

/**
 * Chats whose turns open on a label in bold that shares its line with the turn's first words, the
 * person's label in words no reader has: a notebook's AI blocks copied as Markdown (`**✨ AI prompt:**
 * x is the 5x5 matrix ...` / `> **AI:** convolve2d flips h ...`), a log a person kept (`**Asked:** ...` /
 * `**Tutor:** ...`). A person reads the turns off the labels' shape and order, not their words: two
 * labels, each opening paragraphs two times or more, take turns, the first asks, and what follows the
 * second outruns what the first says. Each label is renamed `User` / `Assistant` in its own markup
 * (a name the readers know is kept), so the transcript reader reads the chat as one labelled in its
 * words. Lines stay where they are.
 *
 * A write-up's own labels are not speakers: a label that names a question, a part or what follows it
 * (`**Answer:**`, `**Proof:**`, `**Step 2:**`) heads no person's turn, and sections that alternate
 * ask nothing.
 */

/** A paragraph's first line opening on a bold label and its colon, the turn's words after it (`**✨ AI prompt:** x is ...`, `> **AI:** ...`, `**Bot**: ...`). */
const LABEL = /^(?<lead>[ \t]*(?:>[ \t]*)?)(?<open>\*\*|__)(?<label>[^*_:\n]{1,40}?)(?:[ \t]*:[ \t]*\k<open>|\k<open>[ \t]*:)[ \t]+\S/u;

/** The label's words without the glyphs that decorate them (`✨ AI prompt` → `ai prompt`); undefined when they are no name. */
function nameOf(label: string): string | undefined {
  const words = label.replace(/^[^\p{L}]+|[^\p{L}\p{N})]+$/gu, '').trim();
  if (!/^\p{L}[\p{L}\p{N}'’.-]*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,2}(?:[ \t]+\([^()]{1,30}\))?$/u.test(words)) return undefined;
  if (STRUCTURE.test(words) || STRUCTURE.test(words.split(/[ \t]/)[0]!)) return undefined;
  return words.toLowerCase();
}

interface Head {
  at: number;
  name: string;
  /** Where the label (with its bold and colon) ends in the line, and what precedes it. */
  lead: string;
  end: number;
}

/** The text with a chat's inline labels renamed `User` / `Assistant`; unchanged when it is no such chat. */
export function inlineSpeakers(text: string): string {
  // (Cheap for most texts: a bold label closed by a colon.)
  if (!/:\*\*|\*\*:|:__|__:/.test(text)) return text;
  const lines = text.split('\n');
  const guard = guarded(lines);
  const heads: Head[] = [];
  lines.forEach((l, i) => {
    if (guard[i] || l.length < 8) return;
    const m = LABEL.exec(l);
    if (!m?.groups) return;
    // A turn opens a paragraph: a blank line, a rule or the top above it (a list's bold items do not).
    const above = i === 0 ? '' : lines[i - 1]!.replace(/^[ \t]*>/, '');
    if (!RULE_OR_BLANK.test(above)) return;
    const name = nameOf(m.groups.label!);
    if (name) heads.push({ at: i, name, lead: m.groups.lead!, end: m[0].length - 1 });
  });
  const pair = alternating(lines, heads);
  if (!pair) return text;
  const [asker, answerer] = pair;
  for (const h of heads) {
    if (h.name !== asker && h.name !== answerer) continue;
    const known = h.name === asker ? KNOWN_USER.test(h.name) : KNOWN_MODEL.test(h.name);
    if (known) continue;
    const l = lines[h.at]!;
    lines[h.at] = `${h.lead}**${h.name === asker ? 'User' : 'Assistant'}:**${l.slice(h.end)}`;
  }
  return lines.join('\n');
}

/**
 * The person's and the model's labels: two names, each heading two turns or more, that take turns
 * from the first of them on; the person's turns ask (the first, or most of them), the person is no
 * model the readers know, and what follows the model's labels outruns the person's labelled
 * paragraphs. Undefined when no two labels are such, or both are names the readers know already.
 */
function alternating(lines: readonly string[], heads: readonly Head[]): [string, string] | undefined {
  const counts = new Map<string, number>();
  for (const h of heads) counts.set(h.name, (counts.get(h.name) ?? 0) + 1);
  const often = [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
  for (const asker of often)
    for (const answerer of often) {
      if (asker === answerer || KNOWN_MODEL.test(asker) || KNOWN_USER.test(answerer)) continue;
      if (KNOWN_USER.test(asker) && KNOWN_MODEL.test(answerer)) return undefined;
      const seq = heads.filter((h) => h.name === asker || h.name === answerer);
      if (!seq.every((h, k) => h.name === (k % 2 ? answerer : asker))) continue;
      // The person's words are the paragraph their label opens; the model's run on to the person's next label.
      const paragraph = (h: Head) => {
        let j = h.at;
        while (j + 1 < lines.length && lines[j + 1]!.trim() && !RULE_OR_BLANK.test(lines[j + 1]!)) j++;
        return lines.slice(h.at, j + 1).join('\n');
      };
      const asked = seq.filter((h) => h.name === asker).map(paragraph);
      if (!asksSomething(asked[0]!) && asked.filter(asksSomething).length * 2 < asked.length) continue;
      const replies = seq.filter((h) => h.name === answerer).map((h, k) => lines.slice(h.at, seq[2 * k + 2]?.at ?? lines.length).join('\n'));
      const size = (xs: readonly string[]) => xs.reduce((n, x) => n + x.trim().length, 0);
      if (size(replies) <= size(asked)) continue;
      return [asker, answerer];
    }
  return undefined;
}
