/**
 * Declared names whose subscript is a word (`d_out`, `fan_in`), written without their underscore:
 * `dout² din` typed on a phone, OCR'd from handwriting or written in a hurry is `d_out² d_in`.
 */

/** A declared name and the word it makes written together (`dout` for `d_out`). */
export type JoinedName = readonly [written: string, name: string];

/**
 * The declared names that can be written together, longest word first. A one-letter subscript
 * (`h_t` as `ht`) is left out: two letters side by side are as often a product; so is a name whose
 * joined word is itself declared.
 */
export function joinedNames(declared: Iterable<string>): JoinedName[] {
  const names = new Set(declared);
  const out: JoinedName[] = [];
  for (const name of names) {
    const m = /^([A-Za-z]+)_([A-Za-z]{2,})$/.exec(name);
    if (m && !names.has(m[1]! + m[2]!)) out.push([m[1]! + m[2]!, name]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

/**
 * The joined name a word starts with, when the whole word is made of joined names (`dout`,
 * `doutdin`); `dinner` or `doubt` is no name of the key's.
 */
export function joinedPrefix(word: string, joined: readonly JoinedName[]): JoinedName | undefined {
  for (const pair of joined) {
    if (!word.startsWith(pair[0])) continue;
    if (word.length === pair[0].length || joinedPrefix(word.slice(pair[0].length), joined)) return pair;
  }
  return undefined;
}

const WORD = /(?<![\\\w])[A-Za-z]{3,}(?![\w{])/g;

/**
 * A text with every word made of joined names spelled as the names (`2c dout² din` → `2c d_out² d_in`),
 * so that a reader that takes a lowercase word for prose sees the formula whole. The text itself
 * when there is none.
 */
export function spellJoinedNames(text: string, joined: readonly JoinedName[]): string {
  // Most texts hold none of the words: one search per name, not a look at each word.
  if (!joined.some((pair) => text.includes(pair[0]))) return text;
  return text.replace(WORD, (w) => {
    const parts: string[] = [];
    for (let rest = w; rest; ) {
      const pair = joinedPrefix(rest, joined);
      if (!pair) return w;
      parts.push(pair[1]);
      rest = rest.slice(pair[0].length);
    }
    return parts.join(' ');
  });
}
