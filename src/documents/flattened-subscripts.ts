import type { Key } from '../model/key.js';

/**
 * Subscripts a medium wrote on the line, as separate words: handwriting converted to text
 * (`dw h,l = Σ ... dy i,j · x i+h-1, j+l-1`), a chat app's copy of rendered math that lost the
 * script's size. A name the key declares indexed by two or more indices, followed by a space and
 * exactly that many index expressions parted by commas (`h,l`; `i+h-1, j+l-1`), is that name's
 * entry, and is written as one (`dw_{h,l}`). Indices are letters with offsets; a list with a space
 * after its comma must have an offset in each index (`x i, j` may be a name and a list in prose), and
 * a name the key does not declare indexed, or a list of another length, is left as it is.
 */

/** An index: a letter, with offsets of letters or numbers (`i+h-1`). */
const INDEX = '[a-z](?:[+-](?:[a-z]|\\d+))*';

/** The key's indexed names (its parts' too), longest first, by the number of indices each takes. */
function indexedNames(key: Key): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const tables = [key.symbols, ...key.parts.map((p) => p.symbols ?? {})];
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table ?? {})) {
      const n = spec?.indexed;
      if (!n || n < 2 || !/^[A-Za-z]+$/.test(name)) continue;
      const names = out.get(n) ?? [];
      if (!names.includes(name)) names.push(name);
      out.set(n, names);
    }
  }
  for (const names of out.values()) names.sort((a, b) => b.length - a.length);
  return out;
}

/** The pattern of a flattened entry of a name with `n` indices, per key. */
const PATTERNS = new WeakMap<Key, RegExp[]>();

function patterns(key: Key): RegExp[] {
  const known = PATTERNS.get(key);
  if (known) return known;
  const out = [...indexedNames(key)].map(([n, names]) => {
    const list = Array.from({ length: n }, () => `(${INDEX})`).join(',( ?)');
    return new RegExp(`(?<![\\w_\\\\])(${names.join('|')}) ${list}(?![\\w(_])`, 'g');
  });
  PATTERNS.set(key, out);
  return out;
}

/** A text with the flattened entries of the key's indexed names written as entries; as it is when it has none. */
export function flattenedSubscriptsAsScripts(text: string, key?: Key): string {
  if (!key || !text.includes(',')) return text;
  let out = text;
  for (const re of patterns(key)) {
    out = out.replace(re, (m: string, name: string, ...groups: unknown[]) => {
      const parts = groups.slice(0, -2) as (string | undefined)[];
      // Groups alternate index, space after the comma, index, ...
      const indices = parts.filter((_g, i) => i % 2 === 0) as string[];
      const spaced = parts.some((g, i) => i % 2 === 1 && g);
      if (spaced && !indices.every((ix) => /[+-]/.test(ix))) return m;
      return `${name}_{${indices.join(',')}}`;
    });
  }
  return out;
}
