/**
 * Formulas a text dump of a rendered page prints twice, glued together: first the rendered glyphs
 * run together, then the LaTeX source they were rendered from (`O(dout2din)O(d_{out}^2 d_{in})`, as
 * `lynx -dump` and screen readers' copies of KaTeX/MathJax pages give them). Read as it stands, the
 * pair is a product of the formula with itself. Each pair becomes its source, set as inline math.
 */

/** What a formula says once notation is set aside: no spaces, commands, braces or scripts' marks, no glyph a command draws. */
function spelled(s: string): string {
  return s
    .replace(/\\(begin|end)\{([a-zA-Z]?)matrix\}/g, (_m, side: string, kind: string) => (BRACKETS[kind] ?? ['', ''])[side === 'begin' ? 0 : 1]!)
    .replace(/\\[A-Za-z]+|\\[^A-Za-z]/g, '')
    .replace(/[−–]/g, '-')
    .replace(/[\s{}_^&]|[^\x21-\x7e]/g, '');
}

/** The brackets a matrix environment is drawn with. */
const BRACKETS: Record<string, [string, string]> = { b: ['[', ']'], p: ['(', ')'], v: ['|', '|'], B: ['{', '}'] };

/** A command or environment name still being read (`\fr` of `\frac`, `\begin{bmat`): it spells nothing yet. */
const UNFINISHED = /\\[A-Za-z]*$|\\(?:begin|end)\{[A-Za-z*]*$/;

/** Marks only a LaTeX source has: a command, a script, a group. */
const SOURCE_MARK = /[\\_^{]/;
/** Where a formula may end: a space, the end of the line or a sentence's punctuation. */
const ENDS = /[\s.,;:!?]/;

/** The end of the source that starts at `from` and spells `glyphs`, or -1. */
function sourceEnd(line: string, from: number, glyphs: string): number {
  let depth = 0;
  let marked = false;
  for (let k = from; k < line.length; k++) {
    const ch = line[k]!;
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    if (depth < 0) return -1;
    // Glyph runs have no spaces, a source spaces its operators (`n = 5` after `n=5`): a mark of it too.
    if (SOURCE_MARK.test(ch) || /\s/.test(ch)) marked = true;
    const sofar = spelled(line.slice(from, k + 1));
    if (!glyphs.startsWith(sofar) && !UNFINISHED.test(line.slice(from, k + 1))) return -1;
    if (sofar === glyphs && marked && depth === 0 && (k + 1 === line.length || ENDS.test(line[k + 1]!))) return k + 1;
  }
  return -1;
}

/** The first character `spelled` keeps of a run of glyphs (scanned: this runs for every word of a line with LaTeX). */
function firstSpelled(text: string): string | undefined {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x21 || code > 0x7e || '{}_^&\\'.includes(ch)) continue;
    return ch === '−' ? '-' : ch;
  }
  return undefined;
}

/** One line with each glued glyph-and-source pair replaced by `$source$`. */
function lineOnce(line: string): string {
  let out = '';
  let start = 0;
  for (const run of line.matchAll(/\S+/g)) {
    const runStart = run.index!;
    if (runStart < start) continue;
    const text = run[0];
    // The glyphs spell first what the source starts with; rendered glyphs carry no mark of a source
    // (`d_{in}\, d_{in}` in a LaTeX line is two factors), so the source starts at the run's first mark or before.
    const first = firstSpelled(text);
    const mark = text.search(SOURCE_MARK);
    if (!first) continue;
    for (let i = 1; i <= (mark < 0 ? text.length - 1 : mark); i++) {
      const ch = text[i]!;
      if (ch !== first && ch !== '\\') continue;
      const glyphs = spelled(text.slice(0, i));
      if (glyphs.length < 2) continue;
      const end = sourceEnd(line, runStart + i, glyphs);
      if (end < 0) continue;
      out += `${line.slice(start, runStart)}$${line.slice(runStart + i, end)}$`;
      start = end;
      break;
    }
  }
  return out + line.slice(start);
}

/** A text with every formula printed as glyphs then source read once, from its source; other texts as they are. */
export function withoutRenderedTwice(text: string): string {
  // Only a text with LaTeX outside any `$` has pairs to find.
  if (!/[\\_^]/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => (line.includes('$') || !SOURCE_MARK.test(line) ? line : lineOnce(line)))
    .join('\n');
}
