import type { Message } from '../model/submission.js';
import { ASKS, HOLDS_MATH, asksForNext, isContinuation, isRecheck, opensOnAskedPart } from './segment.js';
import { PASTED, type StatementIndex } from './pasted-statements.js';
import { pushReply, pushUserTurn } from './transcripts.js';
import { withoutFileNames } from './file-names.js';

/**
 * Chats whose person's turns are set as `>` blockquotes and whose replies carry no mark at all
 * (Le Chat and other pages copied as Markdown, a student's notes app). Read as a write-up, the
 * quoted questions' words would be graded with the answers and no part found. A quote is the
 * person's turn only where it asks (a question mark, a request, a copy of the problem set's text),
 * the chat opens on one (after a title, or a report's opening in words), and two or more such quotes each have a reply under them: a model's own
 * `> **Note:** ...` inside its reply asks nothing and stays the reply's.
 */

/** A block of lines every one of which is quoted. */
const QUOTED = /^\s*>/;

interface Block {
  from: number;
  to: number;
  quoted: boolean;
}

function blocksOf(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.trim()) j++;
    out.push({ from: i, to: j, quoted: lines.slice(i, j + 1).every((l) => QUOTED.test(l)) });
    i = j;
  }
  return out;
}

/** Quoted lines' words without their marks (`> `). */
export function withoutQuoteMarks(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/^\s*>\s?/, '')).join('\n');
}

/** A quote's words without its marks. */
function unquoted(lines: readonly string[], b: Block): string {
  return withoutQuoteMarks(lines.slice(b.from, b.to + 1));
}

/** Whether a person's quoted text asks: a question mark, a request in words, a part it opens on (`7(b): ...`), or a copy of the problem set's text. */
function asks(text: string, index?: StatementIndex): boolean {
  const t = text.trim();
  if (t.includes('?')) return true;
  if (t.split('\n').some((l) => ASKS.test(l.trim()))) return true;
  if (asksForNext(t) || isContinuation(t) || isRecheck(t) || opensOnAskedPart(t) || /^(?:now|next|ok(?:ay)?|also|then|last|finally|please|can you|could you|what about|how about)\b/i.test(t))
    return true;
  return !!index && index.match(t).share >= PASTED;
}

/** A title over the chat (`## Le Chat — hw4`): a heading line, or one short line with no sentence in it. */
function isTitle(lines: readonly string[], b: Block): boolean {
  const t = lines
    .slice(b.from, b.to + 1)
    .join('\n')
    .trim();
  return !t.includes('\n') && (/^#{1,6}\s/.test(t) || (t.length <= 60 && !/[.?!:$]$/.test(t)));
}

/**
 * The messages of a chat whose person's turns are blockquotes, or undefined when the text is not
 * one (a write-up that quotes a line keeps its reading).
 */
export function quotedTurns(text: string, index?: StatementIndex): Message[] | undefined {
  const lines = text.split(/\r?\n/);
  const blocks = blocksOf(lines);
  let first = 0;
  while (first < blocks.length && !blocks[first]!.quoted && isTitle(lines, blocks[first]!)) first++;
  const turn = blocks.map((b) => b.quoted && asks(unquoted(lines, b), index));
  if (!turn[first]) {
    // A report's own opening in words (who asked, which model, how they checked) before the chat's
    // first asking quote: notes. Not a formula or a quote in it: a write-up's answers come before
    // any question it quotes later, and stay answers. (The sources it names, `lec11_cnns.pdf`, hold no formula.)
    const opens = turn.indexOf(true, first);
    if (opens < 0 || blocks.slice(first, opens).some((b) => b.quoted || HOLDS_MATH.test(withoutFileNames(lines.slice(b.from, b.to + 1).join('\n'))))) return undefined;
    first = opens;
  }
  // Each asking quote with a reply under it: the chat has two turns at least.
  const answered = turn.filter((asking, k) => asking && blocks[k + 1] && !blocks[k + 1]!.quoted).length;
  if (answered < 2) return undefined;
  const messages: Message[] = [];
  for (let k = 0; k < first; k++)
    messages.push({
      role: 'note',
      text: lines
        .slice(blocks[k]!.from, blocks[k]!.to + 1)
        .join('\n')
        .trim(),
      line: blocks[k]!.from + 1,
    });
  let k = first;
  while (k < blocks.length) {
    // The person's turn: asking quotes in a row (a request, then the table it pastes).
    const start = k;
    while (k < blocks.length && blocks[k]!.quoted && (turn[k] || k > start)) k++;
    pushUserTurn(
      blocks
        .slice(start, k)
        .map((b) => unquoted(lines, b))
        .join('\n\n'),
      blocks[start]!.from + 1,
      messages,
    );
    // The reply: every block up to the next asking quote, its own quotes included.
    const from = k;
    while (k < blocks.length && !turn[k]) k++;
    if (k > from) pushReply(lines.slice(blocks[from]!.from, blocks[k - 1]!.to + 1).join('\n'), blocks[from]!.from + 1, messages);
  }
  return messages;
}
