import type { Message } from '../model/submission.js';

/**
 * A terminal chat app's stamp on each reply: a line it prints under (or over) every reply alike but for
 * its numbers, the model's name and what the reply took (`◇ GLM-4.5-Air  via Z.ai  21s`, `● qwen3:8b`,
 * `[llama3.1] 42 tok/s`). It is the app's, not the model's words: left at a reply's end it was read as the
 * last part's answer, or kept the reply from ending on its own. Such a line opens on a sign (no letter,
 * digit, emphasis or heading mark), names something in letters, holds no `=`, ends (or opens) one reply
 * and stands in another; every line of the same shape is blanked from the replies.
 */

/** A line a stamp may be: a sign first, then a short run with no `=` that names something (a word of two letters; a matrix's row names nothing). */
const STAMP = /^[ \t]*[^\p{L}\p{N}\s*_#>$\\(|`~=+-](?=[^=\n]*\p{L}{2})[^=\n]{2,80}$/u;

/** A stamp's shape: its numbers left out, its spaces folded. */
const shapeOf = (line: string) =>
  line
    .trim()
    .replace(/\d+(?:[.,]\d+)*/g, '#')
    .replace(/\s+/g, ' ');

/** The first and last lines with text of a reply. */
function ends(text: string): string[] {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length ? [...new Set([lines[0]!, lines[lines.length - 1]!])] : [];
}

/** The chat with the stamps its app set on every reply blanked; unchanged when it has none. */
export function withoutReplyStamps(messages: Message[]): Message[] {
  const replies = messages.filter((m) => m.role === 'assistant');
  if (replies.length < 2) return messages;
  // (The last reply's stamp may stand above the app's own last lines, a key bar: a shape ending one reply and found in another will do.)
  const ending = new Set(
    replies.flatMap((r) =>
      ends(r.text)
        .filter((l) => STAMP.test(l))
        .map(shapeOf),
    ),
  );
  if (!ending.size) return messages;
  const counts = new Map<string, number>();
  for (const r of replies) {
    const shapes = new Set(
      r.text
        .split('\n')
        .filter((l) => STAMP.test(l) && ending.has(shapeOf(l)))
        .map(shapeOf),
    );
    for (const shape of shapes) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const stamps = new Set([...counts].filter(([, n]) => n >= 2).map(([shape]) => shape));
  if (!stamps.size) return messages;
  return messages.map((m) => {
    if (m.role !== 'assistant') return m;
    const text = m.text
      .split('\n')
      .map((l) => (STAMP.test(l) && stamps.has(shapeOf(l)) ? '' : l))
      .join('\n')
      .trim();
    return text ? { ...m, text } : m;
  });
}
