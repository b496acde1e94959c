/**
 * Every match of a global pattern in a text, the ones `text.matchAll(pattern)` gives, in order,
 * found with `exec` on the pattern itself. `matchAll` builds a copy of the pattern (a new RegExp)
 * and an iterator at every call: on a part's short text that was three quarters of the time of
 * the candidate finder's scans, which run for every part of every submission. As with `matchAll`,
 * the search starts at the pattern's `lastIndex`, and the pattern is left as it was found.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('allMatches needs a global pattern, as matchAll does');
  const start = pattern.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      out.push(m);
      // An empty match moves on by one character (one code point in a Unicode pattern), as matchAll does.
      if (m[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
    }
  } finally {
    pattern.lastIndex = start;
  }
  return out;
}

/** The index after `at`, stepping over a whole surrogate pair in a Unicode pattern (AdvanceStringIndex). */
function nextIndex(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}
