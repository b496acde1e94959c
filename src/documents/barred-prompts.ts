import type { Message } from '../model/submission.js';
import { asksSomething } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';
import { toolLinesBlanked } from './tool-lines.js';

/**
 * A chat copied from a terminal app that draws a bar down the left margin before every line of the
 * person's message (`┃ Solve 3(a)-(d) ...`, `▌ now part (c)`) and prints the model's reply after it
 * without one, often indented, with the calls it makes to tools drawn as indented barred blocks
 * (`  ┃ Bash  python3 q3.py` and what the command printed). The bar at the margin, not a speaker's
 * name, tells the turns apart (boxed-prompts.ts reads the apps that frame the prompt, marked-prompts.ts
 * those that mark its first line only). Read as a write-up, the person's later request and the
 * model's revised answers after it were one part's text, and its first answers were the final ones.
 *
 * A bar at both ends of a line is a frame's or a table's side, no message's margin; a write-up's
 * barred lines (a quoted statement) are no chat: each barred block is followed by a reply of its
 * own, the first one asks, and the replies run longer than the prompts.
 */

/** A bar drawn at a line's start: box-drawing verticals, left block eighths, or ASCII's `|`. */
const BAR = /^([┃│║▌▍▎▏|])(?:[ \t]|$)/u;
/** A cheap test over the whole text: a bar at some line's start. */
const ANY_BAR = /^[┃│║▌▍▎▏|](?:[ \t]|$)/mu;
/** An indented barred line: a tool's call or its output inside the reply, the app's and no one's words. */
const INDENTED_BAR = /^[ \t]+[┃│║▌▍▎▏|](?:[ \t]|$)/u;
/** A request's verb at the start of a sentence, or of its second clause, that ASKS does not list (`Solve 3(a)-(d).`, `Fix (c)`, `Read q1.md and answer (a)`). */
const BIDS = /(?:^|[.!:]\s+|\b(?:and|then)\s+)(?:solve|do|answer|redo|fix|check|now)\b/im;

interface Block {
  /** First line (0-based) of the barred block and the line after it. */
  at: number;
  end: number;
  text: string;
}

/** The barred blocks of a text drawn with `bar` at the margin, each its lines without the bar. */
function blocksOf(lines: readonly string[], bar: string): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (BAR.exec(lines[i]!)?.[1] !== bar) continue;
    let j = i;
    while (j < lines.length && BAR.exec(lines[j]!)?.[1] === bar) j++;
    const text = lines
      .slice(i, j)
      .map((l) =>
        l
          .slice(1)
          .replace(/^[ \t]/, '')
          .trimEnd(),
      )
      .join('\n');
    blocks.push({ at: i, end: j, text });
    i = j - 1;
  }
  return blocks;
}

/** A reply's lines with the tools' barred blocks and marked calls blanked (line count kept) and the common indent taken off. */
function replyLines(lines: readonly string[]): string[] {
  const kept = toolLinesBlanked(lines.map((l) => (INDENTED_BAR.test(l) ? '' : l)));
  const indent = Math.min(...kept.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return Number.isFinite(indent) && indent > 0 ? kept.map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)![0].length))) : kept;
}

/** The turns of a terminal chat whose person's messages are barred at the margin, or undefined when the text is not one. */
export function barredPromptTurns(text: string): Message[] | undefined {
  if (!ANY_BAR.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const bar = BAR.exec(lines.find((l) => BAR.test(l)) ?? '')?.[1];
  if (!bar) return undefined;
  // (`| a | b |`, `│ prompt │`: a bar closing the line is a table's or a frame's side.)
  if (lines.some((l) => BAR.exec(l)?.[1] === bar && l.trimEnd().length > 1 && l.trimEnd().endsWith(bar))) return undefined;
  const blocks = blocksOf(lines, bar);
  if (!blocks.length) return undefined;
  const replies = blocks.map((b, k) => replyLines(lines.slice(b.end, blocks[k + 1]?.at ?? lines.length)));
  const said = (xs: readonly string[]) => xs.reduce((n, x) => n + x.replace(/\s+/g, '').length, 0);
  if (replies.some((r) => !r.some((l) => l.trim()))) return undefined;
  if (said(replies.map((r) => r.join('\n'))) <= said(blocks.map((b) => b.text))) return undefined;
  const first = blocks[0]!.text;
  if (!asksSomething(first) && !BIDS.test(first)) return undefined;
  const messages: Message[] = [];
  blocks.forEach((b, k) => {
    pushUserTurn(b.text, b.at + 1, messages);
    pushReply(replies[k]!.join('\n'), b.end + 1, messages);
  });
  return messages.some((m) => m.role === 'assistant') ? messages : undefined;
}
