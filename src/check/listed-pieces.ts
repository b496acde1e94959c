/** Brackets a listed piece may hold separators inside: `f(a, b)`, `[1, 2]`, `⌊(W - K)/S⌋`. */
const OPEN = '([{⌊⌈';
const CLOSE = ')]}⌋⌉';

/**
 * The pieces a text lists at its top level, between any of `separators` outside brackets, trimmed:
 * `a, f(b, c); d` → a, f(b, c), d with `,;`.
 */
export function topLevelPieces(text: string, separators: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    else if (depth === 0 && separators.includes(c)) {
      pieces.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  pieces.push(text.slice(from).trim());
  return pieces;
}
