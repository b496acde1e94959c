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

/** One line with each glued glyph-and-source pair replaced by `$source$`. */
function lineOnce(line: string): string {
  let out = '';
  let start = 0;
  let runStart = 0;
  for (let j = 1; j < line.length; j++) {
    if (/\s/.test(line[j - 1]!)) {
      runStart = j;
      continue;
    }
    // The source starts with what its glyphs start with: a letter, a digit, a bracket or a command.
    if (j === runStart || !/[A-Za-z0-9(\\[]/.test(line[j]!)) continue;
    // Rendered glyphs carry no mark of a source: `d_{in}\, d_{in}` in a LaTeX line is two factors.
    if (SOURCE_MARK.test(line.slice(runStart, j))) continue;
    const glyphs = spelled(line.slice(runStart, j));
    if (glyphs.length < 2 || (spelled(line[j]!) !== glyphs[0] && line[j] !== '\\')) continue;
    const end = sourceEnd(line, j, glyphs);
    if (end < 0) continue;
    out += `${line.slice(start, runStart)}$${line.slice(j, end)}$`;
    start = end;
    j = end;
    runStart = end;
  }
  return out + line.slice(start);
}

/** A text with every formula printed as glyphs then source read once, from its source; other texts as they are. */
export function withoutRenderedTwice(text: string): string {
  // Only a text with LaTeX outside any `$` has pairs to find.
  if (!/[\\_^]/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => (line.includes('$') ? line : lineOnce(line)))
    .join('\n');
}
