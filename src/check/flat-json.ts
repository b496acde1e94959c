/**
 * A one-line JSON object whose values are strings (or objects and arrays kept as their text),
 * read without `JSON.parse`. V8's parser internalizes every string value of up to ten
 * characters: it is allocated in the old generation and entered in the string table, which is
 * outside the heap and grows with the distinct strings alive between two full collections. A
 * stream of short distinct answers (`check --jsonl` on numbers) then grew the old generation to
 * its limit and the string table by 4 MB per 100,000 lines; a `slice` of the line is an ordinary
 * young string that dies with its line.
 */

/** The fields of a flat object: string values decoded, object and array values as their JSON text. */
export interface FlatObject {
  strings: Map<string, string>;
  raw: Map<string, string>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The object a line holds when it is `{"key": "string" | {...} | [...], ...}` with keys among
 * `keys`, each once; undefined for anything else (another key or value, a repeated key, any
 * fault of JSON), which the caller reads with `JSON.parse`. Nested values are only delimited
 * here (brackets matched outside strings): the caller parses their text.
 */
export function readFlatObject(line: string, keys: ReadonlySet<string>): FlatObject | undefined {
  const strings = new Map<string, string>();
  const raw = new Map<string, string>();
  let i = skipSpace(line, 0);
  if (line.charCodeAt(i) !== 0x7b) return undefined;
  i = skipSpace(line, i + 1);
  if (line.charCodeAt(i) === 0x7d) return undefined;
  for (;;) {
    if (line.charCodeAt(i) !== QUOTE) return undefined;
    const key = readString(line, i + 1);
    if (!key || !keys.has(key.value) || strings.has(key.value) || raw.has(key.value)) return undefined;
    i = skipSpace(line, key.end);
    if (line.charCodeAt(i) !== 0x3a) return undefined;
    i = skipSpace(line, i + 1);
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      const value = readString(line, i + 1);
      if (!value) return undefined;
      strings.set(key.value, value.value);
      i = value.end;
    } else if (c === 0x7b || c === 0x5b) {
      const end = nestedEnd(line, i);
      if (end < 0) return undefined;
      raw.set(key.value, line.slice(i, end));
      i = end;
    } else return undefined;
    i = skipSpace(line, i);
    const sep = line.charCodeAt(i);
    if (sep === 0x7d) return skipSpace(line, i + 1) === line.length ? { strings, raw } : undefined;
    if (sep !== 0x2c) return undefined;
    i = skipSpace(line, i + 1);
  }
}

/** JSON's whitespace: space, tab, line feed, carriage return. */
function skipSpace(s: string, i: number): number {
  for (let c = s.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = s.charCodeAt(++i));
  return i;
}

/** The string whose text starts at `from` (after its quote), and the index after its closing quote. */
function readString(s: string, from: number): { value: string; end: number } | undefined {
  let i = from;
  let c = s.charCodeAt(i);
  for (; c !== QUOTE && c !== BACKSLASH; c = s.charCodeAt(++i)) if (!(c >= 0x20)) return undefined; // a control character, or the line's end (NaN)
  if (c === QUOTE) return { value: s.slice(from, i), end: i + 1 };
  // Escapes: the pieces between them are sliced, each escape decoded.
  let value = s.slice(from, i);
  for (;;) {
    const e = s[i + 1];
    if (e === 'u') {
      const hex = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += 6;
    } else {
      const decoded = e === undefined ? undefined : ESCAPES[e];
      if (decoded === undefined) return undefined;
      value += decoded;
      i += 2;
    }
    const start = i;
    for (c = s.charCodeAt(i); c !== QUOTE && c !== BACKSLASH; c = s.charCodeAt(++i)) if (!(c >= 0x20)) return undefined;
    value += s.slice(start, i);
    if (c === QUOTE) return { value, end: i + 1 };
  }
}

/** The index after the object or array that opens at `from`, matching brackets outside strings; -1 if it does not close. */
function nestedEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      const str = readString(s, i + 1);
      if (!str) return -1;
      i = str.end - 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}
