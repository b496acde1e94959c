import type { Message } from '../model/submission.js';
import { asksSomething } from './segment.js';
import { guarded } from './speaker-shapes.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat with a model in a terminal REPL, copied from the scrollback: the person typed each request
 * after the REPL's prompt, Python's convention that chat REPLs borrow (`>>> ` with `... ` on the lines
 * of a multi-line input, a paste often fenced in `"""`; IPython's `In [3]: ` with `   ...: `), and the
 * model's reply is every line up to the next prompt (a heading its renderer centred on the terminal,
 * `(a) Runtime per iteration` far off the margin, is read as the reply's lines are, trimmed). Read as a
 * write-up, the person's pasted questions and their follow-ups were taken for answers.
 *
 * A write-up's `>>>` lines are no chat: a Python session's inputs are code and its outputs are short,
 * a mail's third-level quote runs on over several lines, and a person's `>>>` remarks follow one another
 * or end a text. So two requests in words at least, one asking, and no fewer requests than lines of code;
 * every request (but a prompt left waiting at the end) with a reply that is no quote; and the replies
 * together at least half as long as the requests.
 */

/** Cheap test first: a prompt at the margin with something typed after it, anywhere in the text. */
const MAY_APPLY = /^(?:>>>|In \[\d+\]:)[ \t]+\S/m;

/** A REPL's prompt at the margin; what was typed follows it. */
const PROMPT = /^(?:>>>|In \[\d+\]:)(?:[ \t]+|$)/;

/** The prompt on a multi-line input's further lines: `... ` (Python, and REPLs that borrow it), `   ...: ` (IPython). */
export const CONTINUATION = /^(?:\.\.\.|[ \t]+\.\.\.:)(?:[ \t]|$)/;

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
const wordy = (request: string) => (request.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3;

/** The exchanges the prompts open: each its request (the prompt's line and its continuation lines) and the reply under it. */
function exchangesOf(lines: readonly string[]): Exchange[] {
  const guard = guarded(lines);
  const out: Exchange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = guard[i] ? null : PROMPT.exec(lines[i]!);
    if (!m) continue;
    const typed = [lines[i]!.slice(m[0].length)];
    let j = i + 1;
    for (; j < lines.length && CONTINUATION.test(lines[j]!); j++) typed.push(lines[j]!.replace(CONTINUATION, ''));
    if (out.length) out[out.length - 1]!.end = i;
    out.push({ at: i, replyAt: j, end: lines.length, ...readTyped(typed.join('\n')) });
    i = j - 1;
  }
  return out;
}

/** The turns of a chat in a terminal REPL, or undefined when the text is not one. */
export function replPromptTurns(text: string): Message[] | undefined {
  if (!MAY_APPLY.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const all = exchangesOf(lines);
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
