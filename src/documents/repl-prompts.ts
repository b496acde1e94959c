import type { Message } from '../model/submission.js';
import { asksSomething } from './segment.js';
import { guarded } from './speaker-shapes.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat with a model in a terminal REPL, copied from the scrollback: the person typed each request
 * after the REPL's prompt, Python's convention that chat REPLs borrow (`>>> ` with `... ` on the lines
 * of a multi-line input, a paste often fenced in `"""`; IPython's `In [3]: ` with `   ...: `), and the
 * model's reply is every line up to the next prompt (a heading its renderer centred on the terminal,
 * `(a) Runtime per iteration` far off the margin, is read as the reply's lines are, trimmed). A local
 * model's command-line chat prompts with a bare `> ` and carries an input on over a line-end `\`, as a shell does;
 * what it logs before the first prompt and the statistics after the last are no turn. Read as a
 * write-up, the person's pasted questions and their follow-ups were taken for answers.
 *
 * A write-up's `>>>` lines are no chat: a Python session's inputs are code and its outputs are short,
 * a mail's third-level quote runs on over several lines, and a person's `>>>` remarks follow one another
 * or end a text. So two requests in words at least, one asking, and no fewer requests than lines of code;
 * every request (but a prompt left waiting at the end) with a reply that is no quote; and the replies
 * together at least half as long as the requests.
 */

/**
 * How a REPL marks what the person typed: its prompt at the margin, and which lines after the
 * prompt's are more of the same input (each returned without its mark), or undefined where the input ends.
 */
interface Dialect {
  /** Cheap test first: a prompt at the margin with something typed after it, anywhere in the text. */
  mayApply: RegExp;
  prompt: RegExp;
  /** The next line as more of the input (`typed` the line before it, as typed), or undefined where the input has ended. */
  further: (typed: string, next: string) => string | undefined;
  /** A typed line without the mark that carried it on (`\` at its end), for dialects that mark the line before. */
  unmarked?: (typed: string) => string;
  /** Whether the prompt is a quote's sign too, so that only a session with a terminal's habits is one (terminalHabits). */
  quoteSign?: true;
}

/** The prompt on a multi-line input's further lines: `... ` (Python, and REPLs that borrow it), `   ...: ` (IPython). */
export const CONTINUATION = /^(?:\.\.\.|[ \t]+\.\.\.:)(?:[ \t]|$)/;

/** Python's prompts and the REPLs that borrow them: `>>> ` with `... ` under a multi-line input, IPython's `In [3]: ` with `   ...: `. */
const PYTHON: Dialect = {
  mayApply: /^(?:>>>|In \[\d+\]:)[ \t]+\S/m,
  prompt: /^(?:>>>|In \[\d+\]:)(?:[ \t]+|$)/,
  further: (_, next) => (CONTINUATION.test(next) ? next.replace(CONTINUATION, '') : undefined),
};

/**
 * A local model's command-line chat prompt, a bare `> `, whose input goes on to
 * the next line when a line ends in `\`, as a shell's does. A Markdown or mail quote has the same
 * `>`, so the session must show a terminal's habits too (TERMINAL_HABITS).
 */
const BACKSLASHED: Dialect = {
  // (A line carried on over a `\`, or a prompt with one word or none typed: `exit`, or left empty.)
  mayApply: /^>[ \t][^\n]*\\[ \t]*$|^>[ \t]*(?:[/.!:]?\w+)?[ \t]*$/m,
  prompt: /^>(?!>)(?:[ \t]+|$)/,
  further: (typed, next) => (/\\[ \t]*$/.test(typed) ? next : undefined),
  unmarked: (typed) => typed.replace(/[ \t]*\\[ \t]*$/, ''),
  quoteSign: true,
};

/** What the person typed to the REPL itself (`/bye`, `.exit`, `!multi`, `%clear`, `exit`, `^C`), no request to the model. */
const COMMAND = /^(?:[/.!%:][\w-]+(?:[ \t].*)?|(?:exit|quit|bye|clear|reset|help)(?:\(\))?|\^[A-Z])$/i;

/** A line of code (a Python session's `n = 3`, `import numpy`, `convolve(x, h)`, `# check`): typed for Python, not asked of a model. */
const CODE = /^(?:#|(?:import|from|def|class|for|while|if|print|return|with|assert|lambda)\b|[\w.[\]]+(?:\s*,\s*[\w.[\]]+)*\s*[-+*/]?=(?!=)|[\w.]+\(.*\)$|[\w.]+$)/;

/** A REPL's string typed over several lines (`"""` opening or closing a paste): no words of the request. */
const TRIPLE_QUOTES = /^[ \t]*"""|"""[ \t]*$/g;

/** A call typed at the prompt, perhaps assigned (`ask(`, `r = model.prompt(`): its strings may hold a request. */
const CALL = /^(?:[\w.]+[ \t]*=[ \t]*)?[\w.]+\(/;

/** A Python string's text: `"""..."""` over lines, or `"..."` / `'...'` on one. */
const STRING = /"""([\s\S]*?)"""|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

interface Exchange {
  /** First line (0-based) of the request, the line its reply starts on, and the line the reply ends before. */
  at: number;
  replyAt: number;
  end: number;
  /** The request's words: what was typed, or the strings a call typed at the prompt passes. */
  request: string;
  /** What was typed: to the REPL itself, Python's code, or words to the model. */
  kind: 'command' | 'code' | 'words';
}

/** What was typed at the prompt, read: code when each of its lines is (a block's body indented under its head), unless it is a call passing words. */
function readTyped(typed: string): Pick<Exchange, 'request' | 'kind'> {
  if (CALL.test(typed)) {
    const words = [...typed.matchAll(STRING)].map((m) => (m[1] ?? m[2] ?? m[3]!).trim()).join('\n');
    if (wordy(words)) return { request: words, kind: 'words' };
  }
  const request = typed.replace(TRIPLE_QUOTES, '').trim();
  if (!request || COMMAND.test(request)) return { request, kind: 'command' };
  return { request, kind: request.split('\n').every((l) => CODE.test(l.trim()) || /^[ \t]/.test(l)) ? 'code' : 'words' };
}

/** Three words or more: a request, not a short follow-up (`why?`) that shows no chat by itself. */
export const wordy = (request: string) => (request.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3;

/** The exchanges the prompts open: each its request (the prompt's line and its continuation lines) and the reply under it. */
function exchangesOf(lines: readonly string[], dialect: Dialect): Exchange[] {
  const guard = guarded(lines);
  const out: Exchange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = guard[i] ? null : dialect.prompt.exec(lines[i]!);
    if (!m) continue;
    const typed = [lines[i]!.slice(m[0].length)];
    let j = i + 1;
    for (let more: string | undefined; j < lines.length && (more = dialect.further(lines[j - 1]!, lines[j]!)) !== undefined; j++) typed.push(more);
    if (out.length) out[out.length - 1]!.end = i;
    const { unmarked } = dialect;
    out.push({ at: i, replyAt: j, end: lines.length, ...readTyped((unmarked ? typed.map(unmarked) : typed).join('\n')) });
    i = j - 1;
  }
  return out;
}

/**
 * Whether a `>` session shows a terminal's habits, which no quote has: the program prints its reply on
 * the line right under the request (a quote, or an agent that marks its own messages with `>` too,
 * leaves a blank line), and an input is carried on over a `\` to a line of no quote, or the session
 * ends at its prompt (left empty, or told to exit).
 */
function terminalHabits(lines: readonly string[], all: readonly Exchange[]): boolean {
  if (all.some((e) => e.kind === 'words' && !lines[e.replyAt]?.trim())) return false;
  const last = all[all.length - 1];
  // (A quote's empty `>` line stands between its quoted lines; a prompt left waiting comes after a reply.)
  const afterReply = (e: Exchange) =>
    !lines
      .slice(0, e.at)
      .findLast((l) => l.trim())
      ?.startsWith('>');
  if (last && last.kind === 'command' && afterReply(last)) return true;
  return all.some((e) => e.replyAt - e.at > 1 && !lines.slice(e.at + 1, e.replyAt).some((l) => l.startsWith('>')));
}

/** The turns of a chat in a terminal REPL, or undefined when the text is not one. */
export function replPromptTurns(text: string): Message[] | undefined {
  for (const dialect of [PYTHON, BACKSLASHED]) {
    if (!dialect.mayApply.test(text)) continue;
    const turns = dialectTurns(text.split(/\r?\n/), dialect);
    if (turns) return turns;
  }
  return undefined;
}

/** The turns of a chat typed at one dialect's prompts, or undefined when the lines are not one. */
function dialectTurns(lines: readonly string[], dialect: Dialect): Message[] | undefined {
  const all = exchangesOf(lines, dialect);
  if (!all.length || (dialect.quoteSign && !terminalHabits(lines, all))) return undefined;
  const reply = (e: Exchange) => lines.slice(e.replyAt, e.end).join('\n').trim();
  const last = all[all.length - 1]!;
  // (The prompt left waiting at the end, nothing or a placeholder in it, is no request.)
  const waiting = (e: Exchange) => e === last && !reply(e);
  const requests = all.filter((e) => e.kind === 'words' && !waiting(e));
  // (Python's own lines outnumbering the requests make it a Python session, not a chat: a chat's code only sets it up.)
  if (requests.length < all.filter((e) => e.kind === 'code').length) return undefined;
  if (requests.filter((e) => wordy(e.request)).length < 2 || !requests.some((e) => asksSomething(e.request))) return undefined;
  // Every request answered, and no answer a quote; the answers together not much shorter than what was asked.
  if (requests.some((e) => !reply(e) || reply(e).startsWith('>'))) return undefined;
  const said = (xs: readonly string[]) => xs.reduce((n, x) => n + x.length, 0);
  if (said(requests.map(reply)) * 2 < said(requests.map((e) => e.request))) return undefined;
  const messages: Message[] = [];
  for (const e of all) {
    if (e.kind !== 'words' || waiting(e)) continue;
    pushUserTurn(e.request, e.at + 1, messages);
    pushReply(lines.slice(e.replyAt, e.end).join('\n'), e.replyAt + 1, messages);
  }
  return messages;
}
