import { isKnownSpeaker, rolesOf, takesTurns } from './speaker-roles.js';

/**
 * Chats an exporter writes with a heading per speaker and every message set inside a container
 * under it: Continue's shared transcript (`#### _User_` / `#### _Assistant_`, each message in `>`
 * blockquotes), a Copilot or Cursor chat pasted as Markdown the same way. The readers know the
 * speakers' lines but not the container: with each turn's lines quoted, the headings go unread and
 * the quoted questions are graded as a write-up's answers. A person knows such a chat by its shape:
 * two heading lines that take turns, each with a quoted body under it, whatever the names say.
 *
 * The container is taken off (one quote mark per line), each speaker's heading is set as the readers
 * know it (`#### User` / `#### Assistant`, the first speaker the person's unless the names say
 * otherwise), and what the person wrote outside the container under a heading (their remarks beside
 * the copied messages) is marked as their remark, `[...](#)`. Lines keep their numbers.
 *
 * A write-up that quotes the problem under each of its headings is no such chat: its headings differ
 * (`## Problem 1`, `## Problem 2`); headings that repeat without taking turns, or one heading without
 * a quote under it, leave the text as it is.
 */

/** A heading line that may name a speaker: Markdown heading or bold, the name perhaps in emphasis. */
const HEAD = /^[ \t]{0,3}(?:(#{1,6})[ \t]+(?:(\*\*|__|\*|_)(?=\S))?|(\*\*|__))([^\s*_#>`|$\\[\]()][^*_#>`|$\\[\]()\n]{0,38}?)(?:\*\*|__|\*|_)?[ \t]*:?[ \t]*(?:\*\*|__|\*|_)?[ \t]*$/;
/** A line inside a blockquote. */
const QUOTED = /^[ \t]{0,3}>/;

interface Head {
  line: number;
  name: string;
  hashes: string;
}

/** The name a heading line gives, when it is one a speaker's line can be. */
function headOf(line: string, at: number): Head | undefined {
  const m = HEAD.exec(line);
  if (!m) return undefined;
  const name = m[4]!.trim();
  // (A name is a few words, no sentence: `## Part (a): the runtime` and `## 2. Results` are sections.)
  if (!name || name.split(/\s+/).length > 4 || /[.?!,;=]|\d[.)]/.test(name)) return undefined;
  return { line: at, name, hashes: m[1] ?? '###' };
}

/** The index of the first non-blank line after `from`, or the lines' length. */
function nextWords(lines: readonly string[], from: number): number {
  let i = from + 1;
  while (i < lines.length && !lines[i]!.trim()) i++;
  return i;
}

/** The text with a chat whose turns are quoted under alternating speaker headings read out of its quotes, or the text as it is. */
export function quotedBodiesOpened(text: string): string {
  // (Most texts hold no quote at all, or no heading: nothing to look at.)
  if (!text.includes('\n>') && !text.startsWith('>')) return text;
  const lines = text.split('\n');
  const heads: Head[] = [];
  const opensQuote = new Map<string, boolean>();
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.charCodeAt(lines[i]!.search(/\S/));
    if (c !== 35 && c !== 42 && c !== 95) continue; // '#', '*', '_'
    const h = headOf(lines[i]!.replace(/\r$/, ''), i);
    if (!h) continue;
    const quoted = QUOTED.test(lines[nextWords(lines, i)] ?? '');
    opensQuote.set(h.name, (opensQuote.get(h.name) ?? true) && quoted);
    heads.push(h);
  }
  // The speakers: names whose every heading opens a quote.
  const speakers = [...opensQuote].filter(([, q]) => q).map(([n]) => n);
  if (speakers.length !== 2) return text;
  const turns = heads.filter((h) => speakers.includes(h.name));
  const roles = rolesOf(turns[0]!.name, turns[0]!.name === speakers[0] ? speakers[1]! : speakers[0]!);
  if (!roles || !takesTurns(turns.map((h) => h.name))) return text;
  const out = lines.slice();
  for (let k = 0; k < turns.length; k++) {
    const h = turns[k]!;
    const end = turns[k + 1]?.line ?? lines.length;
    const cr = lines[h.line]!.endsWith('\r') ? '\r' : '';
    out[h.line] = `${h.hashes} ${isKnownSpeaker(h.name) ? h.name : roles.get(h.name)}${cr}`;
    for (let i = h.line + 1; i < end; i++) {
      const l = lines[i]!;
      if (QUOTED.test(l)) {
        out[i] = l.replace(/^[ \t]{0,3}>[ \t]?/, '');
        continue;
      }
      if (!l.trim()) continue;
      // The person's own lines beside the copied turn: one remark per paragraph, on its first line.
      let j = i;
      while (j + 1 < end && lines[j + 1]!.trim() && !QUOTED.test(lines[j + 1]!)) j++;
      const words = lines
        .slice(i, j + 1)
        .map((x) => x.trim())
        .join(' ')
        .replace(/\[/g, '(')
        .replace(/\]/g, ')');
      out[i] = `[${words}](#)`;
      for (let x = i + 1; x <= j; x++) out[x] = '';
      i = j;
    }
  }
  return out.join('\n');
}
