/**
 * The prompts of numerical environments' consoles (MATLAB/Octave `>> ` and `octave:3> `, R's `> ` with
 * `+ ` under a command's further lines, `julia> `, Maxima's `(%i1) `, `sage: `), their comments, and
 * whether a text is such a session at all. A Markdown quote (`> `) or a chat's marked prompt is no
 * console: a session's typed lines are code (an assignment, a call, a comment) nearly all of them, at
 * least two are not comments, and the console printed something under one of them.
 */

/** Cheap test first: a console's prompt at the margin with code typed after it. */
export const MAY_APPLY = /^(?:>>?|octave:\d+>|julia>|\(%i\d+\)|sage:)[ \t]+[\w%#/(]/m;

/** A console's prompt at a line's start: the kinds one session uses one of. */
const PROMPTS: readonly RegExp[] = [/^>>(?!>)(?:[ \t]|$)/, /^octave:\d+>(?:[ \t]|$)/, /^julia>(?:[ \t]|$)/, /^\(%i\d+\)(?:[ \t]|$)/, /^sage:(?:[ \t]|$)/, /^>(?!>)(?:[ \t]|$)/];

/** The first characters of the prompts. */
const PROMPT_FIRST = new Set(['>', 'o', 'j', '(', 's']);

/** A command's further lines: R's `+ `, Sage's `....: `. */
export const CONTINUATION = /^(?:\+|\.\.\.\.:)(?:[ \t]|$)/;

/** A comment typed at the prompt or written on a line of its own: MATLAB's `%`, R's, Julia's and Sage's `#`, Maxima's comment brackets. */
export const COMMENT = /^[ \t]*(?:%+|#+|\/\*)[ \t]?/;

/**
 * A command, not words: an assignment (`x = ...`, `[a, b] = ...`, `y(1:3) = ...`, R's `<-`, `:=`), a
 * call (`conv2(x, h)`, `chat$chat(...)`, `pkg::f(...)`), a keyword of a block, a bare name, or one of
 * the consoles' own commands (`diary off`, `format long`, `clear all`).
 */
const CODE =
  /^(?:\[[\w, ~]+\]\s*=(?!=)|[\w.$]+(?:\([^()]*\)|\[[^\]]*\])?\s*(?:<<?-|:=|=)(?!=)|[\w.$:]+\s*\(|(?:for|if|while|function|end\w*|else|return|library|require|using|import)\b|[\w.$]+[;']?$|(?:diary|format|hold|clc|clear|close|more|pkg|warning|load|save|cd)\b)/;

export interface Typed {
  /** What was typed (without its prompt), and whether it was a comment. */
  text: string;
  comment: boolean;
}

/** The prompt the session uses: the kind most of the text's prompt-like lines open with (three at least), or undefined. */
export function sessionPrompt(lines: readonly string[]): RegExp | undefined {
  const counts = new Array<number>(PROMPTS.length).fill(0);
  for (const line of lines) {
    // (Every prompt opens on one of these characters: most lines are passed over without a pattern.)
    if (!PROMPT_FIRST.has(line[0] ?? '')) continue;
    const k = PROMPTS.findIndex((p) => p.test(line));
    if (k >= 0) counts[k]!++;
  }
  const most = Math.max(...counts);
  return most >= 3 ? PROMPTS[counts.indexOf(most)] : undefined;
}

/** Whether the lines typed at the prompt are a console's: code nearly every one, two at least not comments, and something printed under one. */
export function isSession(typed: readonly Typed[], printed: number): boolean {
  const code = typed.filter((t) => !t.comment && t.text.trim());
  const words = code.filter((t) => !CODE.test(t.text.trim()));
  return code.length >= 2 && words.length * 5 <= code.length && printed > 0;
}
