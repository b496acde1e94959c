import type { Message } from '../model/submission.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat copied from a terminal app that draws the person's prompt in a frame of box-drawing
 * characters (`╭───╮` / `│ > prompt │` / `╰───╯`) and prints the model's reply under it unframed.
 * The frame, not a speaker's name, tells the turns apart: a framed block whose first line opens on a
 * prompt mark (`>`, `❯`, `›`, `»`) is the person's turn; the unframed text after it, up to the next
 * such frame, is the model's. Any other frame between them is the app's (a welcome banner, a tool's
 * call and its output) and is no one's words. Read as a write-up, the prompts' part letters and the
 * replies' numbered steps were taken for the answers' labels.
 */

/**
 * A frame's top, side and bottom in the line styles terminals draw (rounded, square, heavy, double,
 * ASCII); a top or bottom may carry a title in its rule (`┌ Read hw.md ────┐`).
 */
const TOP = /^\s*[╭┌┏╔+][─━═-]*[^\n]{0,80}?[─━═-]{3,}[╮┐┓╗+]\s*$/;
const SIDE = /^\s*[│┃║|]/;
const BOTTOM = /^\s*[╰└┗╚+][─━═-]*[^\n]{0,80}?[─━═-]{3,}[╯┘┛╝+]\s*$/;
/** The prompt mark a terminal app sets before what the person typed. */
const PROMPT_MARK = /^[>❯›»][ \t]+(?=\S)/;
/** A symbol the app sets before each of the model's messages (`✦`, `●`, `⏺`): no word of the reply. */
const REPLY_GLYPH = /^(\s*)\p{So}\uFE0F?[ \t]+(?=\S)/u;

interface Frame {
  start: number;
  end: number;
  /** The framed lines without their sides, dedented. */
  lines: string[];
}

/**
 * A bottom rule at the end of a framed line. A frame wider than a printed page's column wraps, and
 * reading the print back runs the wrapped bottom into the line above it: the frame's last words, or
 * the stray right side that wrapped with it (`│ ╰────╯`).
 */
const BOTTOM_AT_END = /[ \t]+[╰└┗╚][─━═-]*[^\n]{0,80}?[─━═-]{3,}[╯┘┛╝]\s*$/;

/**
 * The frames of a text, each from its top to its bottom line; a frame left open is none. Blank lines
 * inside a frame are kept (a print's paragraph breaks fall inside the long ones).
 */
function framesOf(lines: readonly string[]): Frame[] {
  const frames: Frame[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!TOP.test(lines[i]!)) continue;
    const inside: string[] = [];
    let j = i + 1;
    let closed = false;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (BOTTOM.test(l)) closed = true;
      else if (SIDE.test(l) && BOTTOM_AT_END.test(l)) {
        inside.push(l.replace(BOTTOM_AT_END, ''));
        closed = true;
      } else if (SIDE.test(l) || !l.trim()) {
        inside.push(l);
        continue;
      }
      break;
    }
    if (!closed) continue;
    const inner = inside.map((l) =>
      l
        .replace(SIDE, '')
        .replace(/[ \t]*[│┃║|][ \t]*$/, '')
        .replace(/[ \t]+$/, ''),
    );
    const indent = Math.min(...inner.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
    frames.push({ start: i, end: j, lines: inner.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)) });
    i = j;
  }
  return frames;
}

/** The person's words in a framed prompt, without the mark; undefined when the frame holds no prompt. */
function promptOf(frame: Frame): string | undefined {
  const first = frame.lines.findIndex((l) => l.trim());
  if (first < 0) return undefined;
  const mark = PROMPT_MARK.exec(frame.lines[first]!);
  if (!mark) return undefined;
  // Lines the terminal wrapped sit under the prompt's first word, indented by the mark's width.
  const rest = frame.lines.slice(first + 1).map((l) => l.replace(new RegExp(`^[ \\t]{0,${mark[0].length}}`), ''));
  return [frame.lines[first]!.slice(mark[0].length), ...rest].join('\n');
}

/** The turns of a terminal chat whose prompts are framed, or undefined when the text is not one. */
export function boxedPromptTurns(text: string): Message[] | undefined {
  if (!text.includes('│') && !text.includes('|') && !text.includes('┃') && !text.includes('║')) return undefined;
  const lines = text.split(/\r?\n/);
  const frames = framesOf(lines);
  const prompts = frames.map(promptOf);
  const first = prompts.findIndex((p) => p !== undefined);
  if (first < 0) return undefined;
  const messages: Message[] = [];
  let reply: string[] = [];
  let replyLine = 0;
  const flush = () => {
    if (reply.some((l) => l.trim())) pushReply(reply.join('\n'), replyLine, messages);
    reply = [];
  };
  let next = frames[first]!.start;
  for (let k = first; k <= frames.length; k++) {
    const frame = frames[k];
    // The unframed lines before this frame: the model's words (its glyph before each message dropped).
    const stop = frame?.start ?? lines.length;
    if (k > first) {
      let opens = true;
      for (let i = next; i < stop; i++) {
        const l = lines[i]!;
        if (!reply.length) replyLine = i + 1;
        reply.push(opens && l.trim() ? l.replace(REPLY_GLYPH, '$1') : l);
        if (l.trim()) opens = false;
      }
    }
    if (!frame) break;
    const prompt = prompts[k];
    if (prompt !== undefined) {
      flush();
      pushUserTurn(prompt, frame.start + 1, messages);
    } else reply.push(...frame.lines.map(() => ''));
    next = frame.end + 1;
  }
  flush();
  return messages.some((m) => m.role === 'assistant') ? messages : undefined;
}
