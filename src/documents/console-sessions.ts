import { modelRequests } from './console-chats.js';
import { COMMENT, CONTINUATION, isSession, MAY_APPLY, sessionPrompt, type Typed } from './console-prompts.js';
import { readLineLabel } from './part-ids.js';

/**
 * A session of a numerical environment's console saved as text (a MATLAB/Octave `diary` at `>> `,
 * R at `> ` with `+ ` under a command's further lines, `julia> `, Maxima's `(%i1) `, `sage: `): the
 * person's own working, read as the write-up it is. Its words are in comments (`>> % Q3(a): ...`,
 * `> # (b) by hand`, and a closing block of `%` lines listing each part's final answer); its
 * commands are code; what the console printed under a command is the result it got, a matrix printed
 * under `name =` written as one nested list so it reads as a matrix. Read as it stands, the comment
 * signs hid every label and the prompts made each line code.
 */

/** The rules a person draws around a comment's words (`---- Q3(a) ----`, `=== (b) ===`). */
const DECORATION = /^[-=*~_#%\s]{3,}|[-=*~_\s]{3,}$|\*\/\s*$/g;

/** An output that prints a matrix under its name: `yc =` alone, the rows below it after a blank line. */
const NAMED_OUTPUT = /^[ \t]*([A-Za-z]\w*)[ \t]*=[ \t]*$/;

/** A printed matrix row: numbers in columns. */
const NUMBER_ROW = /^[ \t]*-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?:[ \t]+-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)*[ \t]*$/i;

/** What a console printed under a name, on one line: a number (`0.2500`), a row as a list (`[1, 3, 5, 3]`), rows as a nested list (`[[-40, -40], [-40, -40]]`). */
function printedValue(rows: readonly string[]): string {
  const cells = rows.map((r) => r.trim().split(/\s+/));
  if (cells.length === 1) return cells[0]!.length === 1 ? cells[0]![0]! : `[${cells[0]!.join(', ')}]`;
  return `[${cells.map((c) => `[${c.join(', ')}]`).join(', ')}]`;
}

/** Whether a comment's words open on a part's label in brackets or with its question (`Q3(a): ...`, `(ii)`, `2(b)`), not a letter talking (`a = 3`). */
function labelsPart(words: string): boolean {
  const label = readLineLabel(words);
  return !!label && !!(label.part || label.subpart) && (!!label.question || words.slice(0, label.length).includes('('));
}

/**
 * A console session saved as text, as a Markdown write-up: comments as the lines of prose they are
 * (a label in one heads what follows), commands in code blocks, printed results as lines, a matrix
 * printed under its name as `name = [[...]]`. Any other text comes back as it is.
 */
export function consoleSessionAsWriteup(text: string): string {
  if (!MAY_APPLY.test(text)) return text;
  const lines = text.split(/\r?\n/);
  const prompt = sessionPrompt(lines);
  if (!prompt) return text;
  const typed: Typed[] = [];
  let printed = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = prompt.exec(lines[i]!);
    if (!m) continue;
    const rest = lines[i]!.slice(m[0].length);
    typed.push({ text: rest, comment: COMMENT.test(rest) });
    const next = lines[i + 1];
    if (next?.trim() && !prompt.test(next) && !CONTINUATION.test(next) && !COMMENT.test(next)) printed++;
  }
  // (A session that asks a model is a chat: its turns are read from it as they stand, by consoleChatTurns.)
  if (!isSession(typed, printed) || modelRequests(lines, prompt).length >= 2) return text;
  const out: string[] = [];
  let fenced = false;
  const fence = (open: boolean) => {
    if (open !== fenced) out.push('```');
    fenced = open;
  };
  const prose = (comment: string, atPrompt: boolean) => {
    fence(false);
    const words = comment.replace(COMMENT, '').replace(DECORATION, '').trim();
    // (A comment at the prompt that opens on a part's label heads the part: its words after the label are its title, no answer.)
    // (A comment line of its own, in a closing block of finals, keeps its indent: a table's rows line up under its first.)
    out.push(atPrompt ? (labelsPart(words) ? `### ${words}` : words) : comment.replace(COMMENT, ''));
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = prompt.exec(line);
    if (m) {
      const rest = line.slice(m[0].length);
      if (COMMENT.test(rest)) prose(rest, true);
      else if (rest.trim()) {
        fence(true);
        out.push(rest);
        for (; i + 1 < lines.length && CONTINUATION.test(lines[i + 1]!); i++) out.push(lines[i + 1]!.replace(CONTINUATION, ''));
      }
      continue;
    }
    if (COMMENT.test(line)) {
      prose(line, false);
      continue;
    }
    fence(false);
    const named = NAMED_OUTPUT.exec(line);
    if (named) {
      // `yd1 =`, a blank line, the rows, a blank line: the matrix the console printed.
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim()) j++;
      const rows: string[] = [];
      for (; j < lines.length && NUMBER_ROW.test(lines[j]!); j++) rows.push(lines[j]!);
      if (rows.length) {
        out.push(`${named[1]} = ${printedValue(rows)}`, '');
        i = j - 1;
        continue;
      }
    }
    out.push(line);
  }
  fence(false);
  return out.join('\n');
}
