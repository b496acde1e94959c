/** The bracket each opening one is closed by. */
const CLOSES: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * The index of the bracket that closes the one at `open` (a round, square or curly one), counting the
 * same kind nested inside it; -1 when it is never closed or `open` holds no bracket. With `escapes`, a
 * character after a backslash is no bracket (TeX's `\{`).
 */
export function closingBracket(text: string, open: number, escapes = false): number {
  const o = text[open]!;
  const c = CLOSES[o];
  if (!c) return -1;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (escapes && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === o) depth++;
    else if (text[i] === c && --depth === 0) return i;
  }
  return -1;
}
