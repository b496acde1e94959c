import { paragraphRuns } from './paragraph-runs.js';
import { verbatimLines } from './verbatim-lines.js';

/**
 * Formulas drawn in two dimensions with ASCII characters, as a write-up typed in a plain-text editor
 * (or a CAS's pretty-printer) sets them: scripts on the line above or below their base
 * (`dw` over `  h,l`), fractions as a bar of dashes between a numerator and a denominator, tall
 * brackets drawn over three lines (`/ | \`, floors `| | |_`), sums drawn as `===`, `\`, `>`, `/`,
 * `===` with their limits above and below. Each paragraph so drawn is read into one line of linear
 * math (`dw_{h,l} = sum_{i=1}^{m} ...`, `(floor((W - K)/(S)) + 1)`) by where its characters stand:
 * the base line is the one that starts furthest left, each construct on it is read from the columns
 * it spans, and what is left above or below it attaches to the base character it follows. A
 * paragraph with anything the reader cannot place is left as it is.
 */

/** A cell grid: the paragraph's lines, padded to one width. */
type Grid = string[][];

/** A script token may run this long (`i+h-1, j+l-1`); a longer run of characters is prose, not a script. */
const SCRIPT_MAX = 16;

/**
 * The cheap test first: an indented line of a few short tokens, under or over a line that is not blank
 * (a script stands right of its base, so a line of scripts is always indented).
 */
// Both alternatives start at a line's start, and a line's first sign is fixed: unanchored, a 2 MB line
// was tried from each of its signs to its end (quadratic: minutes).
const MAY_HAVE = /(?:^|\n)[ \t]*\S[^\n]*\n {1,40}\S{1,16}(?: +\S{1,16})* *(?:\n|$)|(?:^|\n) {1,40}\S{1,16}(?: +\S{1,16})* *\n *\S/;

/** A line that is a fraction's bar alone, from the line's first sign (`-----`). */
const FRACTION_BAR = /^-{3,}$/;

/** Characters that draw (brackets, bars, sums) rather than write. */
const DRAWING = /^[-=_|/\\>[\]]+$/;

/** Whether a line could be a line of scripts or drawing: a few short tokens, no prose word. */
function scriptLike(line: string): boolean {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  if (!tokens.length) return false;
  // (A word of four letters or more is prose: `sigma`, `ceil` are written on the base line, not as scripts.)
  return tokens.every((t) => t.length <= SCRIPT_MAX && !/[A-Za-z]{4,}/.test(t)) && line.trim().length <= line.length;
}

/**
 * The text with each drawn formula in its paragraphs read as one line (see above), outside code and
 * display math. A paragraph read so keeps its count of lines (blank ones after the formula's), so the
 * lines after it keep the numbers a report points at.
 */
export function drawnMathAsText(text: string): string {
  // (A line that opens on a space first, which MAY_HAVE needs: most texts have none, and its pattern is tried from each of their characters.)
  if ((!text.startsWith(' ') && !text.includes('\n ')) || !MAY_HAVE.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (const p of paragraphRuns(lines, 0, lines.length, verbatimLines(lines))) {
    const para = lines.slice(p.from, p.to + 1);
    const read = readParagraph(para);
    if (read === para) continue;
    para.forEach((_, k) => {
      lines[p.from + k] = read[k] ?? '';
    });
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

/**
 * A line typed after a computer-algebra system's or a REPL's prompt (Maple's `> `, Maxima's `(%i1)`,
 * `In[1]:=`, `>>> `, `sage: `, `julia> `): typed on one line, never drawn.
 */
const TYPED_INPUT = /^(?:>{1,3} |\(%i\d+\)|In\[\d+\]:=|sage: |julia> )/;

/** A paragraph's lines, each drawn formula in it read as one line; as they are when it has none or one cannot be read. */
function readParagraph(para: string[]): string[] {
  // (A worksheet prints its output drawn under the input typed at its prompt: the output is read on its own.)
  if (para.length > 2 && TYPED_INPUT.test(para[0]!)) return [para[0]!, ...readParagraph(para.slice(1))];
  if (para.length < 2 || para.length > 16) return para;
  // A Markdown table, a tab-indented block: no drawing of this kind.
  if (para.some((l) => /^\s*\|/.test(l) || l.includes('\t'))) return para;
  const like = para.map(scriptLike);
  if (!like.some(Boolean)) return para;
  const width = Math.max(...para.map((l) => l.length));
  const grid: Grid = para.map((l) => [...l.padEnd(width)]);
  // (Code points, not UTF-16 units: a line with a wide letter keeps its columns.)
  if (grid.some((row) => row.length !== width)) return para;
  // The base lines start furthest left (a script follows its base, a drawing stands right of where the formula
  // starts); lines of prose are base lines wherever they start.
  const start = para.map((l) => l.search(/\S/));
  const left = Math.min(...start);
  // (A fraction alone, its numerator and denominator as wide as its bar: the bar is the base line.)
  const bars = para.map((_, r) => r).filter((r) => start[r] === left && FRACTION_BAR.test(para[r]!.trim()));
  const bases = para.map((_, r) => r).filter((r) => (start[r] === left && (!bars.length || bars.includes(r))) || !like[r]);
  if (bases.length === para.length) return para;
  // Each base line with the lines of scripts and drawing around it, cut where both sides read.
  const bands: [number, number][] = [];
  let from = 0;
  for (let k = 0; k < bases.length; k++) {
    const next = bases[k + 1];
    if (next === undefined) {
      bands.push([from, para.length]);
      break;
    }
    let cut: number | undefined;
    for (let s = bases[k]! + 1; s <= next && cut === undefined; s++) if (readRows(grid, from, s) !== undefined && readRows(grid, s, next + 1) !== undefined) cut = s;
    if (cut === undefined) return para;
    bands.push([from, cut]);
    from = cut;
  }
  const out: string[] = [];
  for (const [r0, r1] of bands) {
    const read = r1 - r0 === 1 ? para[r0]! : readRows(grid, r0, r1);
    if (read === undefined) return para;
    out.push(r1 - r0 === 1 ? read : (/^\s*/.exec(para[bases.find((r) => r >= r0 && r < r1)!]!)?.[0] ?? '') + withGreekLetters(read));
  }
  return out;
}

/** Greek letters by the names ASCII spells them with. */
const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
};
const GREEK_NAME = new RegExp(String.raw`(?<![\p{L}\\])(${Object.keys(GREEK).join('|')})(?![\p{L}])`, 'gu');

/** A drawn formula's Greek names as its letters: ASCII cannot draw `η`, so it spells it (`w - eta * dw`). */
function withGreekLetters(read: string): string {
  return read.replace(GREEK_NAME, (name) => GREEK[name]!);
}

/** Rows [r0, r1) of the grid read as one line, or undefined. */
function readRows(grid: Grid, r0: number, r1: number): string | undefined {
  const rows = grid.slice(r0, r1);
  return readBox(
    rows,
    rows.map((row) => row.map(() => false)),
    0,
    rows.length,
    0,
    rows[0]?.length ?? 0,
  );
}

/** A piece of a base line as read: its column and its text, scripts appended. */
interface Piece {
  col: number;
  text: string;
  sub?: string;
  sup?: string;
}

const blank = (ch: string | undefined) => ch === undefined || ch === ' ';

/** Whether rows [r0, r1) hold anything in columns [c0, c1) not read yet. */
function holds(grid: Grid, used: boolean[][], r0: number, r1: number, c0: number, c1: number): boolean {
  for (let r = Math.max(0, r0); r < Math.min(grid.length, r1); r++) for (let c = c0; c < c1; c++) if (!blank(grid[r]![c]) && !used[r]![c]) return true;
  return false;
}

/**
 * The linear text of the cells in rows [r0, r1) and columns [c0, c1) not read yet; undefined when
 * something in them cannot be placed.
 */
function readBox(grid: Grid, used: boolean[][], r0: number, r1: number, c0: number, c1: number): string | undefined {
  const rows: number[] = [];
  for (let r = r0; r < r1; r++) if (holds(grid, used, r, r + 1, c0, c1)) rows.push(r);
  if (!rows.length) return '';
  const first = (r: number) => grid[r]!.findIndex((ch, c) => c >= c0 && c < c1 && !blank(ch) && !used[r]![c]);
  const count = (r: number) => grid[r]!.filter((ch, c) => c >= c0 && c < c1 && !blank(ch) && !used[r]![c]).length;
  // The base line starts furthest left (a script follows its base); of two, the fuller.
  const barred = (r: number) => FRACTION_BAR.test(grid[r]!.slice(first(r), c1).join('').trimEnd());
  const b = rows.reduce((best, r) => (first(r) < first(best) || (first(r) === first(best) && (barred(r) !== barred(best) ? barred(r) : count(r) > count(best))) ? r : best));
  // (Two lines that start in one column are two lines, a table's rows, not a base and its script; but a
  // fraction's bar is the base of the numerator and the denominator that start where it does.)
  const bar = FRACTION_BAR.test(grid[b]!.slice(first(b), c1).join('').trimEnd());
  if (rows.some((r) => r !== b && first(r) === first(b) && !(bar && Math.abs(r - b) === 1))) return undefined;
  const pieces: Piece[] = [];
  const push = (col: number, text: string) => pieces.push({ col, text });
  const row = grid[b]!;
  for (let c = c0; c < c1; c++) {
    if (used[b]![c]) continue;
    const ch = row[c]!;
    if (ch === ' ') {
      if (pieces.length && pieces[pieces.length - 1]!.text !== ' ') push(c, ' ');
      continue;
    }
    // A sum: `\` over `>` over `/`, between two runs of `=`, its limits beyond them.
    const sum = ch === '>' ? drawnSum(grid, b, c) : undefined;
    if (sum) {
      const [s, e] = sum;
      for (let r = b - 2; r <= b + 2; r++) for (let k = s; k < e; k++) used[r]![k] = true;
      // Limits may run wider than the sign (`i = 1` under `====`): up to the next sum's sign, or as far again, each way.
      const nextSign = grid[b - 2]!.indexOf('=', e);
      const reach = Math.min(nextSign < 0 ? c1 : nextSign, e + (e - s), c1);
      const back = Math.max(c0, s - (e - s));
      const upper = readBox(grid, used, r0, b - 2, back, reach);
      const lower = readBox(grid, used, b + 3, r1, back, reach);
      if (upper === undefined || lower === undefined) return undefined;
      push(c, `sum_{${lower}}^{${upper}} `);
      c = e - 1;
      continue;
    }
    // A fraction: a bar of dashes with something over it and under it, each read in the bar's columns.
    if (ch === '-' && row[c + 1] === '-' && row[c + 2] === '-') {
      const [, e] = runAround(row, c, '-');
      // (A numerator or denominator typed a few columns off its bar, over or under blanks of the base line, is still its.)
      const over = barSide(grid, used, b, b - 1, c, e);
      const under = barSide(grid, used, b, b + 1, c, e);
      if (over && under) {
        for (let k = c; k < e; k++) used[b]![k] = true;
        const num = readBox(grid, used, r0, b, over[0]!, over[1]!);
        const den = readBox(grid, used, b + 1, r1, under[0]!, under[1]!);
        if (num === undefined || den === undefined || !num || !den) return undefined;
        push(c, `(${num})/(${den})`);
        c = e - 1;
        continue;
      }
      // (A bar with nothing over it or under it is no fraction this reader can read.)
      if (over || under) return undefined;
    }
    // A tall bracket drawn over three lines.
    const tall = tallBracket(grid, b, c);
    if (tall) {
      used[b - 1]![c] = used[b]![c] = used[b + 1]![c] = true;
      if (tall.under !== undefined) used[b + 1]![tall.under] = true;
      push(c, tall.text);
      continue;
    }
    used[b]![c] = true;
    push(c, ch);
  }
  // What is left above or below the base line: scripts of the base character before them.
  for (const r of rows) {
    if (r === b) continue;
    const tokens = scriptTokens(grid, used, r, c0, c1);
    if (!tokens.length) continue;
    if (Math.abs(r - b) !== 1) return undefined;
    for (const t of tokens) {
      // (A relation is no script: `= 5` under a line goes on its sentence, and a sum's limits are read with the sum.)
      if (t.text.replace(/ /g, '').length > SCRIPT_MAX || DRAWING.test(t.text) || /[=<>]/.test(t.text) || !balanced(t.text)) return undefined;
      const base = baseOf(pieces, row, t.from, r < b);
      if (!base) return undefined;
      // (One script of each kind: a second over or under the same base is a drawing this reader does not know.)
      if (r < b ? base.sup !== undefined : base.sub !== undefined) return undefined;
      if (r < b) base.sup = t.text;
      else base.sub = t.text;
      for (let k = t.from; k < t.to; k++) used[r]![k] = true;
    }
  }
  // Subscript first, as LaTeX and the readers after this one write an indexed power (`σ_{x}^{2}`).
  return pieces
    .map((p) => p.text + (p.sub !== undefined ? `_{${p.sub}}` : '') + (p.sup !== undefined ? `^{${p.sup}}` : ''))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The columns of a sum drawn around the `>` at column `c` of base line `b`: a `\\` over it and a `/`
 * under it (in its column or the one before), between runs of `=` two lines over and under.
 */
function drawnSum(grid: Grid, b: number, c: number): [number, number] | undefined {
  const near = (r: number, ch: string) => [c, c - 1].find((k) => grid[r]?.[k] === ch);
  const top = near(b - 2, '=');
  if (near(b - 1, '\\') === undefined || near(b + 1, '/') === undefined || top === undefined || near(b + 2, '=') === undefined) return undefined;
  return runAround(grid[b - 2]!, top, '=');
}

/**
 * The columns a bar's numerator (row `r` over base line `b`) or denominator (under it) spans: the
 * bar's [c, e) widened to the whole tokens of that row that reach into it; or, when none does, the
 * one token near it, within the bar's length, over blanks of the base line and written, not drawn
 * (a numerator typed a few columns off its bar is still its). Undefined when there is neither.
 */
function barSide(grid: Grid, used: boolean[][], b: number, r: number, c: number, e: number): [number, number] | undefined {
  if (!grid[r]) return undefined;
  const tokens = scriptTokens(grid, used, r, 0, grid[r]!.length);
  // (Words one space apart, not a bracket drawn a space beside them: `| H - F |`.)
  const into = scriptTokens(grid, used, r, 0, grid[r]!.length, false).filter((t) => t.from < e && t.to > c && !DRAWING.test(t.text));
  if (into.length) return [Math.min(c, ...into.map((t) => t.from)), Math.max(e, ...into.map((t) => t.to))];
  const reach = e - c;
  const near = tokens.filter((t) => t.to > c - reach && t.from < e + reach && /[\p{L}\p{N}]/u.test(t.text) && !DRAWING.test(t.text) && grid[b]!.slice(t.from, t.to).every(blank));
  return near.length === 1 ? [near[0]!.from, near[0]!.to] : undefined;
}

/** Whether a text's brackets close as they open (`ceil(i/2)`, not `[ dy` or `0 ]`). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

/** The run of `ch` in `row` around column `c`: [start, end). */
function runAround(row: string[], c: number, ch: string): [number, number] {
  let s = c;
  let e = c;
  while (s > 0 && row[s - 1] === ch) s--;
  while (e < row.length && row[e] === ch) e++;
  return [s, e];
}

/** A bracket drawn over the lines around column `c` of base line `b`: `/ | \` opens, `\ | /` closes, `| | |_` opens a floor, `| | _|` closes one. */
function tallBracket(grid: Grid, b: number, c: number): { text: string; under?: number } | undefined {
  const up = grid[b - 1]?.[c];
  const mid = grid[b]![c];
  const down = grid[b + 1]?.[c];
  if (mid !== '|' || up === undefined || down === undefined) return undefined;
  if (up === '/' && down === '\\') return { text: '(' };
  if (up === '\\' && down === '/') return { text: ')' };
  if (up === '|' && down === '|') {
    if (grid[b + 1]![c + 1] === '_') return { text: 'floor(', under: c + 1 };
    if (grid[b + 1]![c - 1] === '_') return { text: ')', under: c - 1 };
  }
  return undefined;
}

/** The tokens of row `r` in columns [c0, c1) not read yet, those one space apart joined (`i+h-1, j+l-1`, `i + 1`, `d L`). */
function scriptTokens(grid: Grid, used: boolean[][], r: number, c0: number, c1: number, joined = true): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = [];
  let c = c0;
  while (c < c1) {
    if (blank(grid[r]![c]) || used[r]![c]) {
      c++;
      continue;
    }
    const from = c;
    while (c < c1 && ((!blank(grid[r]![c]) && !used[r]![c]) || (joined && blank(grid[r]![c]) && !blank(grid[r]![c + 1]) && !used[r]![c + 1] && c + 1 < c1))) c++;
    out.push({ from, to: c, text: grid[r]!.slice(from, c).join('') });
  }
  return out;
}

/** The base piece a script starting at column `col` belongs to: the base character just before it, or (a power, `over` it) the one it stands over. */
function baseOf(pieces: Piece[], row: string[], col: number, over: boolean): Piece | undefined {
  // (A power typed a column late stands over the base's next character: `E[dy ]` with its `2` over `]`.
  // Under a character, a line is a wrapped line's rest, `- n >= 7: ... 127 \cdot` over `  2^{-n}`, not its index.)
  if (!blank(row[col]) && !over) return undefined;
  const at = blank(row[col]) ? col - 1 : col;
  // (The character a script follows ends its word: under `Answer` or `item`, a line is no script of a letter in it.)
  if (!blank(row[at]) && !blank(row[at + 1]) && !/[)\]]/.test(row[at + 1]!)) return undefined;
  const base = pieces.filter((p) => p.col <= at && p.text !== ' ').at(-1);
  // (Scripts are a name's, a number's or a bracket's: over `=` or `+`, a line is no script of it.)
  if (!base || !/^[\p{L}\p{N})\]]/u.test(base.text)) return undefined;
  // Written right after it, or over it: a script two columns away belongs to nothing.
  return at - base.col <= 1 || !blank(row[col]) ? base : undefined;
}
