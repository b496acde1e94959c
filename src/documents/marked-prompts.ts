import type { Message } from '../model/submission.js';
import { ASKS } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat copied from a terminal app's scrollback that prints what the person typed after a prompt
 * mark at the left margin, unframed (`› Do Question 1 ...`, `❯ now part (c)`), its wrapped lines
 * indented under the prompt's first word, and the model's reply under it up to the next mark. The
 * mark, not a speaker's name, tells the turns apart (boxed-prompts.ts reads the apps that frame the
 * prompt instead). Read as a write-up, the prompts' question numbers are no question's heading, and a
 * later question's part letters were taken for the first question's.
 *
 * A write-up's arrows are no prompts: a chat has two marked lines or more, each followed by a reply of
 * its own (a person's list of `» remarks` or a page's related questions are lines in a row), the
 * first asks, and the replies run longer than the prompts.
 *
 * A bare `>` is Markdown's quote, except where every reply under it opens a message of the program's
 * with the glyph agents set before their messages (Claude Code's `⏺`, Copilot CLI's ` ●`, Gemini
 * CLI's `✦`): then `> ` is the agent's prompt, its wrapped lines indented under the request's text.
 */

/** A prompt mark a terminal app prints at the margin (not `>>>`: a REPL's, read elsewhere; `>` only where replies carry GLYPHED_REPLY). */
const MARKED = /^([›❯➜]|>(?!>))[ \t]+(?=\S)/u;

/** A mark no write-up sets at a line's start, a prompt wherever it stands. */
const UNQUOTED_MARK = /^[›❯➜][ \t]/mu;

/**
 * An agent's message glyph at (or one or two spaces off) the margin: `⏺ I'll read the file`,
 * ` ● Problem 3 results`. (`•` and `◆` are a write-up's bullets too, so they tell no `>` from a quote.)
 */
const GLYPHED_REPLY = /^[ \t]{0,2}[⏺●✦][ \t]+\S/mu;

/** The glyph the app sets at the margin before each of its messages (`•`, `⏺`, `✦`): no word of the reply. */
const MESSAGE_GLYPH = /^[•⏺✦●◆][ \t]+(?=\S)/u;

/** GLYPHED_REPLY's glyph, taken off a `>` prompt's reply with the line's indentation kept. */
const GLYPHED_MESSAGE = /^([ \t]{0,2})[⏺●✦][ \t]+(?=\S)/u;

/** A command to the app (`/status`, `/model gpt-5`), no request to the model: it and what it prints are the app's. */
const COMMAND = /^\/[\w-]+(?:[ \t]+\S+)?[ \t]*$/;

interface Prompt {
  /** First line (0-based) of the prompt, first line after it, and the line the reply ends before. */
  at: number;
  end: number;
  next: number;
  text: string;
}

/** The prompts of a text marked with `mark`: each its marked line and the indented lines under it. */
function promptsOf(lines: readonly string[], mark: string): Prompt[] {
  const out: Prompt[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKED.exec(lines[i]!);
    if (!m || m[1] !== mark) continue;
    const width = m[0].length;
    // (Under a `>` prompt the program's own lines may be indented too, one space off; the request's wrapped lines stand under its text.)
    const wrapped = mark === '>' ? new RegExp(`^[ \\t]{${width}}`) : /^[ \t]/;
    const body = [lines[i]!.slice(width)];
    let j = i + 1;
    // (What a command prints under it, indented as a prompt's lines are, is its output.)
    if (COMMAND.test(body[0]!)) {
      out.push({ at: i, end: j, next: lines.length, text: body[0]!.trim() });
      continue;
    }
    // Wrapped and pasted lines sit under the first word; blank lines between them stay the prompt's
    // while the indented lines go on. The first line back at the margin is the reply's.
    for (let k = j; k < lines.length; k++) {
      const l = lines[k]!;
      if (!l.trim()) continue;
      if (!wrapped.test(l) || MARKED.test(l)) break;
      for (; j <= k; j++) body.push(lines[j]!.slice(Math.min(width, /^[ \t]*/.exec(lines[j]!)![0].length)));
    }
    out.push({ at: i, end: j, next: lines.length, text: body.join('\n').trimEnd() });
    i = j - 1;
  }
  out.forEach((p, k) => (p.next = out[k + 1]?.at ?? lines.length));
  return out;
}

/** The turns of a terminal chat whose prompts are marked at the margin, or undefined when the text is not one. */
export function markedPromptTurns(text: string): Message[] | undefined {
  const unquoted = UNQUOTED_MARK.test(text);
  if (!unquoted && !(/^> \S/m.test(text) && GLYPHED_REPLY.test(text))) return undefined;
  const lines = text.split(/\r?\n/);
  const mark = unquoted ? MARKED.exec(lines.find((l) => MARKED.test(l) && !l.startsWith('>')) ?? '')?.[1] : '>';
  if (!mark) return undefined;
  const prompts = promptsOf(lines, mark);
  if (prompts.length < 2) return undefined;
  const replies = prompts.map((p) => lines.slice(p.end, p.next).join('\n'));
  // (A quote's `>` is a prompt only where each reply under it holds an agent's glyphed message.)
  if (mark === '>' && replies.some((r, k) => !COMMAND.test(prompts[k]!.text) && !GLYPHED_REPLY.test(r))) return undefined;
  const asked = prompts.filter((p) => !COMMAND.test(p.text));
  // Each request answered, the first one asking, and more said by the model than by the person.
  if (!asked.length || prompts.some((p, k) => !COMMAND.test(p.text) && !replies[k]!.trim())) return undefined;
  const asks = (said: string) => said.includes('?') || said.split(/\n|(?<=[.!])\s+/).some((s) => ASKS.test(s.trim()) || /^(?:do|solve|answer|now)\b/i.test(s.trim()));
  // (Under `>`, the glyphed replies show the chat already: one request asking anywhere will do.)
  if (mark === '>' ? !asked.some((p) => asks(p.text)) : !asks(asked[0]!.text)) return undefined;
  const said = (xs: readonly string[]) => xs.reduce((n, x) => n + x.trim().length, 0);
  if (said(replies.filter((_, k) => !COMMAND.test(prompts[k]!.text))) <= said(asked.map((p) => p.text))) return undefined;
  const messages: Message[] = [];
  for (const p of prompts) {
    if (COMMAND.test(p.text)) continue;
    pushUserTurn(p.text, p.at + 1, messages);
    // (The app marks each of its messages at the margin; the model's own lines are indented under them.)
    const reply = lines.slice(p.end, p.next).map((l) => (mark === '>' ? l.replace(GLYPHED_MESSAGE, '$1') : l.replace(MESSAGE_GLYPH, '')));
    pushReply(reply.join('\n'), p.end + 1, messages);
  }
  return messages.some((m) => m.role === 'assistant') ? messages : undefined;
}
