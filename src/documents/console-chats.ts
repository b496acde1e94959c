import type { Message } from '../model/submission.js';
import { COMMENT, CONTINUATION, isSession, MAY_APPLY, sessionPrompt, type Typed } from './console-prompts.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat with a model held from a numerical environment's console (R's `chat$chat("Now part (b).")`,
 * a MATLAB `generate(model, "...")`, Julia's `ask("...")`): a call typed at the prompt that passes
 * words and has the console print a reply under it is the person's turn, its words the strings it
 * passes (a variable holding the pasted question is no words of the turn), and what is printed up to
 * the next prompt the model's reply; the person's comments at the prompt are their notes, and the
 * rest of what they typed (loading a package, making the chat object) is no turn.
 *
 * A call that prints back what it was given (`disp("done")`), or a line (`printf("%d", n)`),
 * asks nothing: a reply runs two lines at least and is not the string passed.
 */

/** A call typed at the prompt, perhaps assigned: `chat$chat(`, `r <- ask(`, `[txt, r] = generate(`, `pkg::fn(`. */
const CALL = /^(?:[\w.$[\], ]+?\s*(?:<-|=)\s*)?[\w.$:]+\s*\(/;

/** A string in double or single quotes on the typed lines. */
const STRING = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

/** A request to a model typed at the prompt: its words, and where it and the reply under it stand (0-based lines). */
export interface ConsoleRequest {
  at: number;
  words: string;
  replyAt: number;
  end: number;
}

/** A string literal's text as it reads (`\n` a new line, `\"` a quote). */
const unescaped = (s: string) => s.replace(/\\n/g, '\n').replace(/\\t/g, ' ').replace(/\\(.)/g, '$1');

/** The calls of a session typed at `prompt` that pass words and get a reply printed under them. */
export function modelRequests(lines: readonly string[], prompt: RegExp): ConsoleRequest[] {
  const out: ConsoleRequest[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = prompt.exec(lines[i]!);
    if (!m) continue;
    const typed = [lines[i]!.slice(m[0].length)];
    let j = i + 1;
    for (; j < lines.length && CONTINUATION.test(lines[j]!); j++) typed.push(lines[j]!.replace(CONTINUATION, ''));
    let end = j;
    while (end < lines.length && !prompt.test(lines[end]!)) end++;
    const call = typed.join('\n');
    if (CALL.test(call) && !COMMENT.test(call)) {
      const words = [...call.matchAll(STRING)].map((s) => unescaped(s[1] ?? s[2]!).trim()).filter(Boolean);
      const said = words.join('\n');
      const reply = lines.slice(j, end).filter((l) => l.trim());
      if ((said.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2 && reply.length >= 2 && reply.join('\n').trim() !== said) out.push({ at: i, words: said, replyAt: j, end });
    }
    i = j - 1;
  }
  return out;
}

/** The turns of a chat held from a numerical environment's console, or undefined when the text is none. */
export function consoleChatTurns(text: string): Message[] | undefined {
  if (!MAY_APPLY.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const prompt = sessionPrompt(lines);
  if (!prompt) return undefined;
  const typed: Typed[] = [];
  for (const l of lines) {
    const m = prompt.exec(l);
    if (m) typed.push({ text: l.slice(m[0].length), comment: COMMENT.test(l.slice(m[0].length)) });
  }
  const requests = modelRequests(lines, prompt);
  if (requests.length < 2 || !isSession(typed, requests.length)) return undefined;
  const messages: Message[] = [];
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    const request = requests[next];
    if (request && i === request.at) {
      pushUserTurn(request.words, i + 1, messages);
      pushReply(lines.slice(request.replyAt, request.end).join('\n'), request.replyAt + 1, messages);
      i = request.end - 1;
      next++;
      continue;
    }
    const m = prompt.exec(lines[i]!);
    const rest = m ? lines[i]!.slice(m[0].length) : '';
    // (The person's remark typed at the prompt, `# ok, matches key`: a note beside the chat.)
    if (m && COMMENT.test(rest) && rest.replace(COMMENT, '').trim()) messages.push({ role: 'note', text: rest.replace(COMMENT, '').trim(), line: i + 1 });
  }
  return messages;
}
