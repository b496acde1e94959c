import { asksSomething } from './segment.js';

/**
 * A terminal agent's scrollback whose prompt is a bare `>` at the line's start and whose every
 * other line is the program's, indented under it (Open Interpreter, a Gemini or Claude terminal
 * session copied with its margin): the person's request is the `>` line and the indented lines
 * right under it (the terminal wrapped it), the reply everything indented after the blank line
 * that follows, up to the next line at the margin. The request is renamed `User:`, the reply's
 * first line `Assistant:`; lines stay where they are. A person's notes written at the margin
 * between exchanges end the reply before them.
 *
 * A Markdown quote is no such prompt: its text around it stands at the margin, so the chat is read
 * only where most lines after the first prompt are indented, two prompts or more ask in words, and
 * each has a reply under it.
 */

/** Cheap test first: a line opening on `> ` and an indented line, anywhere in the text. */
const MAY_APPLY = /^> \S[^\n]*\n(?:[ \t]*\n)*[ \t]{2,}\S/m;

/** A prompt at the margin: `>` once, a space, the request in words. */
const PROMPT = /^> (?!>)(\S.*)$/;
const INDENTED = /^[ \t]{2,}\S/;

/** A request in words: three words or more (`%save_message q3.json`, `y`, `exit` are commands to the program). */
const inWords = (said: string) => (said.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3 && !/^[/%:!.]/.test(said);

/** The text with such a scrollback's turns headed `User:` / `Assistant:`; unchanged when it is none. */
export function indentedPromptTurns(text: string): string {
  if (!MAY_APPLY.test(text)) return text;
  const lines = text.split('\n');
  const prompts = lines.flatMap((l, i) => (PROMPT.test(l) ? [i] : []));
  if (prompts.length < 2) return text;
  // The program's lines are indented: after the first prompt, lines at the margin are few (prompts, a person's notes).
  const after = lines.slice(prompts[0]).filter((l) => l.trim());
  const indented = after.filter((l) => INDENTED.test(l)).length;
  if (indented < after.length * 0.75) return text;
  const turns: { request: number; asks: boolean; reply?: number }[] = [];
  for (const i of prompts) {
    const said = PROMPT.exec(lines[i]!)![1]!;
    if (!inWords(said)) continue;
    let j = i + 1;
    let request = said;
    for (; j < lines.length && INDENTED.test(lines[j]!); j++) request += ` ${lines[j]!.trim()}`;
    // The reply: indented lines after the request, up to the next line at the margin.
    let reply: number | undefined;
    for (; j < lines.length && (!lines[j]!.trim() || INDENTED.test(lines[j]!)); j++) if (lines[j]!.trim()) reply ??= j;
    turns.push({ request: i, asks: asksSomething(request), ...(reply !== undefined ? { reply } : {}) });
  }
  const asked = turns.filter((t) => t.asks && t.reply !== undefined);
  if (asked.length < 2) return text;
  for (const { request, reply } of turns) {
    lines[request] = `User: ${PROMPT.exec(lines[request]!)![1]}`;
    if (reply !== undefined) lines[reply] = `Assistant: ${lines[reply]!.trim()}`;
  }
  return lines.join('\n');
}
