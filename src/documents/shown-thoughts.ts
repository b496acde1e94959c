import { readLineLabel } from './part-ids.js';

/**
 * A reply whose shown reasoning was copied unfolded, with nothing around it but the page's status
 * line at the top (`▸ Thoughts (41 s)`, `Thinking · 12s`): the reasoning goes through the parts
 * (`Part (b): ...`, `Part (c): ...`), then the answer goes through them again from the start
 * (`**(a)** ...`). A person reads the answer, where the parts' letters start over; read whole, the
 * reasoning's tries and second thoughts would be each part's text too.
 */

/** How long the model thought, as a page prints it: `41 s`, `12s`, `1m 20s`, `3 min`. */
const DURATION = String.raw`\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?)(?:\s*\d+\s*(?:s|secs?|seconds?))?`;
/**
 * The status line: up to three glyphs of the fold (`▸`, `💭`), one or two words, then the time in
 * brackets or after a separator, and nothing else (`Heating (10 min).` has a sentence's stop).
 */
const STATUS = new RegExp(String.raw`^[ \t]*(?:[^\p{L}\p{N}\s][ \t]*){0,3}\p{L}+(?:[ \t]+\p{L}+)?[ \t]*(?:\(|·|—|–|-|:|,)[ \t]*${DURATION}[ \t]*\)?[ \t]*(?:[^\p{L}\p{N}\s.][ \t]*){0,3}$`, 'u');

/**
 * A fold's opening line, one or two words and perhaps an ellipsis or colon (`Thinking…`, `💭 Reasoning...`):
 * with a status line closing the fold below it (`Done thinking (4.1s)`), the lines between are the reasoning.
 */
const OPENING = /^[ \t]*(?:[^\p{L}\p{N}\s][ \t]*){0,3}\p{L}+(?:[ \t]+\p{L}+)?[ \t]*(?:…|\.{3}|:)?[ \t]*$/u;

/** The reply with its unfolded reasoning blanked (line breaks kept), or as it is when it has none. */
export function withoutShownThoughts(reply: string): string {
  const lines = reply.split('\n');
  const top = lines.findIndex((l) => l.trim());
  if (top >= 0 && lines[top]!.length <= 40 && OPENING.test(lines[top]!)) {
    // (The fold opened and closed: the answer starts after its closing status line, with words after it.)
    const close = lines.findIndex((l, i) => i > top && l.length <= 60 && STATUS.test(l));
    if (close > top + 1 && lines.slice(close + 1).some((l) => l.trim())) return lines.map((l, i) => (i >= top && i <= close ? '' : l)).join('\n');
  }
  if (top < 0 || !STATUS.test(lines[top]!)) return reply;
  // The parts' letters in order; the answer starts where they start over.
  let previous: string | undefined;
  let seen = 0;
  let restart = -1;
  for (let i = top + 1; i < lines.length; i++) {
    const letter = readLineLabel(lines[i]!)?.part;
    if (!letter) continue;
    if (previous && letter <= previous && seen >= 2) {
      restart = i;
      break;
    }
    previous = letter;
    seen++;
  }
  if (restart < 0) return lines.map((l, i) => (i === top ? '' : l)).join('\n');
  // (The answer goes through two parts at least: a reasoning that comes back to one part is no answer yet.)
  const after = new Set(lines.slice(restart).flatMap((l) => readLineLabel(l)?.part ?? []));
  if (after.size < 2) return lines.map((l, i) => (i === top ? '' : l)).join('\n');
  return lines.map((l, i) => (i >= top && i < restart ? '' : l)).join('\n');
}
