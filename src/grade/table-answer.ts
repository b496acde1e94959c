import type { AnswerSpec } from '../model/answer-spec.js';
import { readTable } from '../check/types/table.js';
import { normalizeWords } from '../check/types/choice.js';
import { lastSide } from '../check/extract.js';

/**
 * Reading a `table` answer as a TA does. Responses rarely restate a whole table: they give the
 * "missing entries" as a list (`- POOL2: Number of parameters: 0, Dimension of activations:
 * 7 × 7 × 10`), a table copied from a page with tabs, or a table whose repeated row names
 * (`CONV3-10` twice) stand for the key's `CONV3-10 (1)` and `CONV3-10 (2)`. This module puts
 * what a response states into the key's rows and columns, and leaves out of the grade the cells
 * the question itself filled in, unless the response restates one wrongly.
 */

interface KeyRow {
  label: string;
  base: string;
  occurrence: number;
}

/** A cell read from a response, by key row and column. */
type Cells = Map<number, Map<number, string>>;

/** `CONV3-10 (2)` → `conv310`, 2: a row's name and which of its repeats it is. */
function rowName(label: string): { base: string; occurrence?: number } {
  const clean = label.replace(/\*+/g, '').trim();
  const m = /^(.*?)\s*(?:\((\d+)\)|#(\d+))\s*$/.exec(clean);
  const base = (m ? m[1]! : clean).toLowerCase().replace(/[^a-z0-9]/g, '');
  const n = m ? Number(m[2] ?? m[3]) : undefined;
  return n ? { base, occurrence: n } : { base };
}

/** The words a column's label is recognised by: `parameters` → `param`; the problem set's header too. */
function columnStems(name: string): string[] {
  const words = normalizeWords(name.replace(/_/g, ' '))
    .split(' ')
    .filter((w) => w.length >= 4);
  const own = words.filter((w) => !/^(?:number|size|dimension|dimensions|count|total|value|values)$/.test(w));
  // A column named by such a word alone (`size`) is still recognised by it.
  return (own.length ? own : words).map((w) => w.slice(0, 5));
}

/**
 * Which of the key's columns a label (a header cell, `Number of parameters:`) names: the one its
 * earliest word names (`Size of each message` is the size column, not the messages column).
 */
function columnOf(label: string, stems: string[][]): number {
  const words = normalizeWords(label).split(' ');
  let best = -1;
  let at = words.length;
  stems.forEach((s, c) => {
    const i = words.findIndex((w) => s.some((stem) => w.startsWith(stem)));
    if (i >= 0 && i < at) [best, at] = [c, i];
  });
  return best;
}

/** A cell as a response writes it, without math delimiters, bold, remarks, or the working before its value. */
function cleanCell(cell: string): string {
  let c = cell
    .replace(/\*+/g, '')
    .replace(/\$/g, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  // `0 (already shown)`, `6.5 × 6.5 × 10 (This should be rounded ...)`: a remark after the value.
  c = c.replace(/\s*\((?:[^()]*[a-z]{3,}[^()]*)\)\s*[.,;]?\s*$/i, '').trim();
  c = c.replace(/^\((?:already|given)[^)]*\)\s*/i, '').replace(/[.,;:]\s*$/, '');
  // `100 (= 3·3·1·10 + 10)`: the working in a bracket after the value shows how it was found.
  c = c.replace(/\s*\(\s*=[^()]*\)\s*$/, '');
  // `28 × 28 × 10 (H × W × C)`: the axes' names after a shape say how it is laid out, they are no factor of it.
  c = c.replace(/\s*\((?:[HWCDN]\s*(?:×|\\times|[x,])\s*){1,3}[HWCDN]\)\s*$/i, '');
  return c.includes('=') ? lastSide(c).trim() : c;
}

/** The key's rows with their names and repeat numbers (`POOL2 (2)` is the second POOL2). */
function keyRows(spec: AnswerSpec): KeyRow[] {
  const seen = new Map<string, number>();
  return Object.keys(spec.rows ?? {}).map((label) => {
    const r = rowName(label);
    const occurrence = r.occurrence ?? (seen.get(r.base) ?? 0) + 1;
    seen.set(r.base, occurrence);
    return { label, base: r.base, occurrence };
  });
}

/** The key row a response's row name stands for, given how often that name came before. */
function rowIndex(rows: KeyRow[], label: string, counts: Map<string, number>): number {
  const r = rowName(label);
  if (!r.base) return -1;
  if (!rows.some((k) => k.base === r.base)) return numberedKindRow(rows, r.base, counts);
  const occurrence = r.occurrence ?? (counts.get(r.base) ?? 0) + 1;
  counts.set(r.base, occurrence);
  return rows.findIndex((k) => k.base === r.base && k.occurrence === occurrence);
}

/**
 * `conv1`, `pool2`, `fc`: a row named as code names layers, by its kind and which one of that kind it
 * is, stands for the one key row whose name begins with that kind (`CONV3-10 (1)`, `POOL2 (2)`, `FC-3`).
 * A kind that begins no key row's name, or several different ones, names none.
 */
function numberedKindRow(rows: KeyRow[], base: string, counts: Map<string, number>): number {
  const m = /^([a-z]{2,})(\d?)$/.exec(base);
  const bases = m ? new Set(rows.filter((k) => k.base.startsWith(m[1]!)).map((k) => k.base)) : new Set<string>();
  if (!m || bases.size !== 1) return -1;
  const [own] = bases as Set<string>;
  const occurrence = m[2] ? Number(m[2]) : (counts.get(own!) ?? 0) + 1;
  counts.set(own!, occurrence);
  return rows.findIndex((k) => k.base === own && k.occurrence === occurrence);
}

/** Rows of a table's text, with empty cells at the end dropped (a page copy's trailing tabs). */
function tableRows(block: string): string[][] {
  return readTable(block)
    .map((r) => {
      const cells = [...r];
      while (cells.length && !cells[cells.length - 1]!.trim()) cells.pop();
      return cells;
    })
    .filter((r) => r.length);
}

/**
 * `CONV3-10 | 3 x 3 x 1 x 10 + 10 | 28 x 28 x 10`: a row typed in plain text (a word processor's or a
 * plain-text write-up's table) with bars between its cells and none at its ends. A bar between spaces
 * separates cells; `||x||_2` and `|a|` never have one.
 */
const INNER_BARS = /^[^|]*\S\s+\|\s+\S/;

/** `-----+-----`, `------|------`: the rule under such a table's header. */
const BAR_RULE = /^\s*[-=]{2,}[-=+|:\s]*$/;

/** Where a line may be a table row that is not written as Markdown's: a quote marker, a DokuWiki header cell, a box-drawing bar, a grid's corner. */
const OTHER_ROW_SIGNS = /[>^│┃║─━═]|^\s*\+/;

/** `+------+-----+`: the rule of a grid table as SQL shells, Python's tabulate and plain-text reports print it. */
const GRID_RULE = /^\s*\+[-=:]+(?:\+[-=:]+)*\+\s*$/;

/** `│ CONV3-10 │ 100 │`: the bars a box-drawn table (a terminal's, a plain-text report's) separates its cells with. */
const BOX_BARS = /[│┃║]/g;

/** `├────┼────┤`, `╞════╪════╡`: a box-drawn table's rule between rows. */
const BOX_RULE = /^\s*[─━═┼┬┴├┤┌┐└┘╭╮╰╯╞╡╪╤╧╟╢╫+|:-]*[─━═][─━═┼┬┴├┤┌┐└┘╭╮╰╯╞╡╪╤╧╟╢╫+|:\s-]*$/;

/**
 * A table row as Markdown writes it, from the other ways people write one: quoted (`> | FC-3 | 1473 |`,
 * a reply or a model's output quoted in a wiki, a mail or a forum post), DokuWiki's header cells
 * (`^ Layer ^ Parameters ^`), or box-drawn (`│ FC-3 │ 1473 │`, its rules read as Markdown's `|---|`).
 */
function asMarkdownRow(line: string): string {
  if (!OTHER_ROW_SIGNS.test(line)) return line;
  let row = line.replace(/^\s*(?:>\s?)+(?=\s*[|^│┃║├╞┌╭└╰])/, '');
  if (GRID_RULE.test(row)) return '|---|';
  if (BOX_RULE.test(row) && /[─━═]/.test(row)) return /[|│┃║├╞┌╭└╰┼]/.test(row) ? '|---|' : '';
  row = row.replace(BOX_BARS, '|');
  // A DokuWiki cell's `^` stands between spaces or at the row's ends; a power's (`2^{-n}`) never does.
  if (/^\s*\^/.test(row)) row = row.replace(/(^|\s)\^(?=\s|$)/g, '$1|');
  return row;
}

/** Tables in a response, with where they end: Markdown, LaTeX `array`/`tabular`, tab-separated lines, lines with bars between cells. */
function tableBlocks(text: string): { rows: string[][]; end: number }[] {
  const out: { rows: string[][]; end: number }[] = [];
  for (const m of text.matchAll(/\\begin\{(array|tabular)\}[\s\S]*?\\end\{\1\}/g)) out.push({ rows: tableRows(m[0]), end: m.index + m[0].length });
  const lines = text.split('\n');
  let offset = 0;
  let block: string[] = [];
  let kind: 'pipe' | 'tab' | 'bars' | undefined;
  let end = 0;
  const flush = () => {
    // One bar-ended row alone is a table too (`| FC-3 | 1473 | 3 |`, a correction restating one row):
    // it names a key row or is left out, and never counts as a whole table (see `found`).
    if (block.length >= 2 || (kind === 'pipe' && block.length === 1)) out.push({ rows: tableRows(block.join('\n')), end });
    block = [];
    kind = undefined;
  };
  lines.forEach((written, i) => {
    const line = asMarkdownRow(written);
    const k = line.trim().startsWith('|') ? 'pipe' : line.includes('\t') ? 'tab' : INNER_BARS.test(line) || (kind === 'bars' && BAR_RULE.test(line)) ? 'bars' : undefined;
    // Bars between cells read as a Markdown row (a rule under the header is left out as Markdown's is).
    const row = k === 'bars' ? (BAR_RULE.test(line) ? '' : `| ${line.trim()} |`) : line;
    // A blank line inside a copied table (between its pages or sections) does not end it.
    const blankInside = !line.trim() && kind === 'tab' && (lines[i + 1] ?? '').includes('\t');
    if (k && (kind === undefined || k === kind)) {
      kind = k;
      if (row) block.push(row);
      end = offset + written.length;
    } else if (!blankInside) {
      flush();
      if (k) {
        kind = k;
        block.push(row);
        end = offset + written.length;
      }
    }
    offset += written.length + 1;
  });
  flush();
  return out;
}

/**
 * `POOL2: 0 | 14×14×10`: a list's line given bars for its other cells (a table typed in a
 * spreadsheet's cell or a plain-text note), the row's name and its first cell joined by a colon in
 * the first: read as two cells. A first cell that names no key row before its colon stays whole.
 */
function namedFirstCell(row: string[], keyRowsList: KeyRow[]): string[] {
  const m = /^([^:]{1,40}):\s*(\S.*)$/s.exec(row[0] ?? '');
  if (!m) return row;
  const base = rowName(m[1]!).base;
  return base && keyRowsList.some((k) => k.base === base) ? [m[1]!, m[2]!, ...row.slice(1)] : row;
}

/** The cells of one table of the response, by key row and column; how many key rows it names. */
function readBlock(rows: string[][], keyRowsList: KeyRow[], stems: string[][]): { cells: Cells; named: number } {
  const cells: Cells = new Map();
  const counts = new Map<string, number>();
  let header: number[] | undefined;
  for (const read of rows) {
    const row = namedFirstCell(read, keyRowsList);
    const labelIndex = rowIndex(keyRowsList, row[0] ?? '', counts);
    if (labelIndex < 0) {
      // A header row: its cells name the key's columns.
      const named = row.map((c) => columnOf(c, stems));
      // A header that names every column but one in words of its own (`Output shape` for the key's
      // activations): the one cell left after the row names is the one column left.
      const left = stems.map((_, k) => k).filter((k) => !named.includes(k));
      const unnamed = named.flatMap((c, j) => (j > 0 && c < 0 ? [j] : []));
      if (left.length === 1 && unnamed.length === 1 && named.some((c) => c >= 0) && row.every((c) => !/\d/.test(c))) named[unnamed[0]!] = left[0]!;
      if (named.filter((c) => c >= 0).length >= Math.min(2, stems.length)) header = named;
      continue;
    }
    const values = new Map<number, string>();
    row.slice(1).forEach((cell, j) => {
      const column = header ? header[j + 1] : j;
      if (column !== undefined && column >= 0 && column < stems.length && cleanCell(cell)) values.set(column, cleanCell(cell));
    });
    cells.set(labelIndex, values);
  }
  return { cells, named: cells.size };
}

const ROW_START = /^\s*(?:[-*+•]\s*|\d{1,2}[.)]\s*)?(?:\*+|_+)?\s*([A-Za-z][A-Za-z0-9-]*(?:\s*\(\d+\))?)/;

/** `- The first CONV3-10 sees ...`, `- FC-3 has ...`: a list item that is a sentence about a row, named in capitals. */
const PROSE_ROW = /^\s*[-*+•]\s+(?:[Tt]he\s+)?(?:(?:first|second|third|fourth|last|next)\s+)?(?=[A-Z]{2})([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\b/;

/** A value as a sentence writes it: a formula, or a number or a product of numbers. */
const VALUE = String.raw`(\$[^$
]+\$|\d[\d,]*(?:\s*[×x*]\s*\d+)*)`;

/**
 * A row's cells stated in a sentence, as a TA reads them: a value before a column's word (`... =
 * 100$ parameters`), after it (`its activations are $28 \times 28 \times 10$`), or after "gives"
 * / "outputs" for the column that names an output (`activations`, `output shape`).
 */
function proseCells(sentence: string, stems: string[][]): Map<number, string> {
  const out = new Map<number, string>();
  const text = sentence.replace(/\*+/g, '');
  stems.forEach((s, c) => {
    if (!s.length) return;
    const word = `(?:${s.map((x) => x.replace(/[^a-z0-9]/g, '')).join('|')})[a-z]*`;
    const before = new RegExp(`${VALUE}\\s+${word}\\b`, 'i').exec(text);
    // `its activations are $...$`, and in a terse list `activations 28 × 28 × 10`.
    const after = new RegExp(`\\b${word}\\s+(?:(?:are|is|of|=)\\s+)?(?:an?\\s+|the\\s+)?${VALUE}`, 'i').exec(text);
    const output = /^(?:activ|outpu|dimen|shape)/.test(s[0] ?? '') ? new RegExp(`\\b(?:gives|outputs|produces|yields)\\s+(?:an?\\s+(?:vector|tensor)\\s+of\\s+)?${VALUE}`, 'i').exec(text) : null;
    const found = before ?? after ?? output;
    if (found) out.set(c, cleanCell(found[1]!));
  });
  return out;
}

/**
 * Rows written as a list: a line starting with a row's name (`- **POOL2** (from ...)`, `2. POOL2:`),
 * then its entries as labelled values (`Number of parameters: 0`, `params = 0`) on that line or the lines
 * under it. Lists separated by prose are separate answers; each is returned with where it ends.
 */
function rowLists(text: string, keyRowsList: KeyRow[], stems: string[][]): { cells: Cells; named: number; end: number }[] {
  const out: { cells: Cells; named: number; end: number }[] = [];
  let current: { cells: Cells; counts: Map<string, number>; row: number; text: string; end: number } | undefined;
  const closeRow = () => {
    if (!current || current.row < 0) return;
    const values = current.cells.get(current.row) ?? new Map<number, string>();
    const flat = current.text.replace(/\*+/g, '');
    const labels = [...flat.matchAll(/(?:^|[^A-Za-z0-9\\{_^])([A-Za-z][A-Za-z #]{0,40}?)\s*[:=]/g)]
      .map((m) => ({ column: columnOf(m[1]!, stems), start: m.index + m[0].length - m[1]!.length - 1, after: m.index + m[0].length }))
      .filter((l) => l.column >= 0);
    labels.forEach((l, k) => {
      const stop = Math.min(labels[k + 1]?.start ?? flat.length, flat.indexOf('\n', l.after) < 0 ? flat.length : flat.indexOf('\n', l.after));
      const value = cleanCell(flat.slice(l.after, stop));
      if (value) values.set(l.column, value);
    });
    if (!labels.length) for (const [c, v] of proseCells(current.text, stems)) values.set(c, v);
    current.cells.set(current.row, values);
  };
  const closeList = () => {
    closeRow();
    if (current) {
      const named = [...current.cells.values()].filter((v) => v.size).length;
      if (named) out.push({ cells: current.cells, named, end: current.end });
    }
    current = undefined;
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const named = (r: RegExpExecArray | null) => r && rowName(r[1]!).base && keyRowsList.some((k) => k.base === rowName(r[1]!).base);
    const start = ROW_START.exec(line);
    const m = named(start) ? start : PROSE_ROW.exec(line);
    const row = m ? rowIndex(keyRowsList, m[1]!, current?.counts ?? new Map()) : -1;
    if (m && row >= 0) {
      if (!current) current = { cells: new Map(), counts: new Map([[rowName(m[1]!).base, keyRowsList[row]!.occurrence]]), row: -1, text: '', end: 0 };
      closeRow();
      current.row = row;
      current.text = line.slice(m[0].length);
      current.end = offset + line.length;
    } else if (current) {
      const t = line.trim();
      // Entries under a row: bullets, formulas, indented lines; prose or a heading ends the list.
      if (!t || /^(?:[-*+•]|\$\$|\\\[)/.test(t) || /^\s{2,}/.test(line)) {
        current.text += `\n${line}`;
        if (t) current.end = offset + line.length;
      } else closeList();
    }
    offset += line.length + 1;
  }
  closeList();
  return out;
}

/** `("CONV3-10", 3 * 3 * 1 * 10 + 10, (28, 28, 10)),`: a row of a table written as code, its name quoted first. */
const CODE_ROW = /^\s*[[(]\s*(["'])([^"'\n]{1,40})\1\s*,(.*)[\])]\s*,?\s*(?:#.*)?$/;

/** A list's items, split at `between` outside brackets (`(28, 28, 10)` stays one cell). */
function splitRows(piece: string, between: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const ch of piece) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === between && depth === 0) {
      items.push(item);
      item = '';
    } else item += ch;
  }
  return [...items, item].map((x) => x.trim()).filter(Boolean);
}

/** A code row's values, split at the commas outside brackets. */
function topLevelItems(s: string): string[] {
  return splitRows(s, ',');
}

/** A code value as a cell: a tuple of sizes `(28, 28, 10)` is the shape `28 × 28 × 10` (`(490,)` is 490). */
function codeCell(value: string): string {
  const tuple = /^[([]\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*[)\]]$/.exec(value);
  return tuple ? tuple[1]!.split(/\s*,\s*/).join(' × ') : value;
}

/**
 * A table written as code (a list of tuples, one per row, the row's name quoted first): its rows'
 * cells in the key's columns, by a comment over it that names them (`# name, params,
 * activations`), else in the key's order.
 */
function codeRows(text: string, keyRowsList: KeyRow[], stems: string[][]): { cells: Cells; named: number; end: number }[] {
  const cells: Cells = new Map();
  const counts = new Map<string, number>();
  let header: number[] | undefined;
  let end = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const comment = /^\s*(?:#|\/\/)\s*(.+)$/.exec(line);
    const m = CODE_ROW.exec(line);
    if (comment && !cells.size) {
      const named = comment[1]!.split(',').map((c) => columnOf(c, stems));
      if (named.filter((c) => c >= 0).length >= Math.min(2, stems.length)) header = named;
    } else if (m) {
      const row = rowIndex(keyRowsList, m[2]!, counts);
      if (row >= 0) {
        const values = new Map<number, string>();
        topLevelItems(m[3]!).forEach((v, j) => {
          const column = header ? header[j + 1] : j;
          if (column !== undefined && column >= 0 && column < stems.length) values.set(column, codeCell(v));
        });
        cells.set(row, values);
        end = offset + line.length;
      }
    }
    offset += line.length + 1;
  }
  return cells.size ? [{ cells, named: cells.size, end }] : [];
}

/** `100 / 28×28×10`: a row's cells in a list of rows, between slashes with spaces around them (a fraction's slash has none). */
const SPACED_SLASH = /\s+\/\s+/;

/**
 * `table above (100 / 28×28×10, 0 / 14×14×10, ..., 1473 / 3)`, `Answers: 100, 28x28x10; 0, 14x14x10; ...`:
 * a line (or a bracket in it) listing one item per key row, in the key's order, each the row's cells
 * (between spaced slashes, or commas where semicolons part the rows). Every item must hold as many
 * cells as the key's rows, each with a number in it: a line of remarks or examples never fits.
 */
function orderedRows(text: string, keyRowsList: KeyRow[], width: number): { cells: Cells; named: number; end: number }[] {
  const out: { cells: Cells; named: number; end: number }[] = [];
  if (keyRowsList.length < 2 || width < 1) return out;
  let offset = 0;
  for (const line of text.split('\n')) {
    offset += line.length + 1;
    if (line.length > 2000 || !(SPACED_SLASH.test(line) || line.includes(';'))) continue;
    const pieces = [...line.matchAll(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].map((m) => m[1]!);
    pieces.push(line.slice(line.lastIndexOf(':') + 1));
    for (const piece of pieces) {
      const cells = rowsInOrder(piece, keyRowsList.length, width);
      if (cells) {
        out.push({ cells, named: cells.size, end: offset - 1 });
        break;
      }
    }
  }
  return out;
}

/** `Parameter 0`, `Aktivierungen 14 × 14 × 10`: the words a cell opens on before its value name its column, in any language. */
const COLUMN_WORDS = /^\p{L}[\p{L}\s.]*?[:\s]\s*(?=[\d([−-])/u;

/**
 * `Parameter 3·3·1·10 + 10 = 100; Aktivierungen 28 × 28 × 10` on one line, the next row's on the
 * next: a table's rows each on a line of their own, in the key's order, cells between semicolons or
 * spaced slashes (a sheet's rows that share one part's id, a list with no row names). Only a run of
 * exactly as many lines as the key has rows, each with as many cells as its columns, each cell with
 * a number in it, is read so: lines of prose or of another table never fit.
 */
function rowsByLine(text: string, keyRowsList: KeyRow[], width: number): { cells: Cells; named: number; end: number }[] {
  if (keyRowsList.length < 2 || width < 2 || !/[;/]/.test(text)) return [];
  const out: { cells: Cells; named: number; end: number }[] = [];
  const rowOf = (line: string) => {
    for (const within of [/\s*;\s*/, SPACED_SLASH]) {
      const cells = line.trim().replace(/[;.]$/, '').split(within);
      if (cells.length !== width) continue;
      const read = cells.map((c) => cleanCell(c.replace(COLUMN_WORDS, '')));
      if (read.every((c) => /\d/.test(c))) return read;
    }
    return undefined;
  };
  let run: string[][] = [];
  let offset = 0;
  const close = () => {
    if (run.length === keyRowsList.length) out.push({ cells: new Map(run.map((r, i) => [i, new Map(r.map((c, j) => [j, c]))])), named: run.length, end: offset - 1 });
    run = [];
  };
  for (const line of text.split('\n')) {
    const row = rowOf(line);
    if (row) run.push(row);
    else close();
    offset += line.length + 1;
  }
  close();
  return out;
}

/** The cells of `count` rows of `width` cells listed in order in `piece`, if it lists exactly that many. */
function rowsInOrder(piece: string, count: number, width: number): Cells | undefined {
  const layouts: [string, RegExp][] = [
    [',', SPACED_SLASH],
    [';', SPACED_SLASH],
    [';', /\s*,\s*/],
  ];
  for (const [between, within] of layouts) {
    const items = splitRows(piece, between);
    if (items.length !== count) continue;
    const rows = items.map((item) => (width === 1 ? [item] : item.split(within)).map((c) => cleanCell(c)));
    if (rows.every((r) => r.length === width && r.every((c) => /\d/.test(c)))) return new Map(rows.map((r, i) => [i, new Map(r.map((c, j) => [j, c]))]));
  }
  return undefined;
}

/** A table cell the question fills in, by key row and column (the problem set's own table). */
function givenCells(questionText: string | undefined, keyRowsList: KeyRow[], stems: string[][]): Cells {
  const given: Cells = new Map();
  if (!questionText) return given;
  for (const block of tableBlocks(questionText)) {
    const { cells } = readBlock(block.rows, keyRowsList, stems);
    for (const [r, v] of cells) given.set(r, v);
  }
  return given;
}

/**
 * The response's table answer as a Markdown table in the key's rows and columns, and the spec to
 * grade it with: cells the question fills in are not graded unless the response restates one
 * and gets it wrong (`same(cell, given)` says whether a restatement agrees). Undefined when the
 * key's table has no named rows or the response states none of them.
 */
export function tableAnswer(
  spec: AnswerSpec,
  response: string,
  questionText: string | undefined,
  same: (spec: AnswerSpec, answer: string) => boolean,
): { spec: AnswerSpec; table: string } | undefined {
  if (!spec.rows || !Object.keys(spec.rows).length) return undefined;
  const rows = keyRows(spec);
  const columns = spec.columns ?? [];
  const width = Object.values(spec.rows)[0]!.length;
  const stems = Array.from({ length: width }, (_, c) => columnStems(columns[c] ?? ''));
  const given = givenCells(questionText, rows, stems);
  const read = [
    ...tableBlocks(response).map((b) => ({ ...readBlock(b.rows, rows, stems), end: b.end })),
    ...rowLists(response, rows, stems),
    ...codeRows(response, rows, stems),
    ...orderedRows(response, rows, width),
    ...rowsByLine(response, rows, width),
  ];
  const found = read.filter((f) => f.named >= Math.min(2, rows.length));
  if (!found.length) return undefined;
  // The answer the response ends on: the last table or list, as with any final answer; a shorter
  // one after it restates only the rows a correction changes, which replace the table's.
  const last = found.reduce((a, b) => (b.end > a.end ? b : a));
  const chosen = { ...last, cells: new Map(last.cells) };
  for (const later of read.filter((f) => f.end > last.end).sort((a, b) => a.end - b.end))
    for (const [r, v] of later.cells) if (v.size) chosen.cells.set(r, new Map([...(chosen.cells.get(r) ?? []), ...v]));
  const expected: Record<string, string[]> = {};
  const lines = [`| | ${Array.from({ length: width }, (_, c) => columns[c] ?? `column ${c + 1}`).join(' | ')} |`, `|${' --- |'.repeat(width + 1)}`];
  rows.forEach((r, i) => {
    const want = spec.rows![r.label]!;
    const got = chosen.cells.get(i);
    const cells = want.map((cell, c) => {
      const stated = got?.get(c);
      const g = given.get(i)?.get(c);
      if (g === undefined || !cell.trim()) return { expect: cell, stated: stated ?? '' };
      // A cell the question fills in: graded only when the response restates it otherwise.
      const type = columns[c] ? spec.column_types?.[columns[c]!] : undefined;
      const wrong = stated !== undefined && !same({ value: cell, ...(type ? { type } : {}) }, stated);
      return { expect: wrong ? cell : '', stated: stated ?? '' };
    });
    expected[r.label] = cells.map((c) => c.expect);
    lines.push(`| ${r.label} | ${cells.map((c) => c.stated.replace(/\|/g, '\\vert ')).join(' | ')} |`);
  });
  // Every cell given and restated rightly: the table of the key as it is, which the answer fills.
  const graded = Object.values(expected).some((r) => r.some((c) => c.trim()));
  return { spec: graded ? { ...spec, rows: expected } : spec, table: lines.join('\n') };
}

/**
 * Why a table answer was read by the position of its lines alone: no table, list or row-order
 * line in the response names the key's rows, so a grade of "491 is not 100" says what was found.
 */
export function unnamedRowsReason(spec: AnswerSpec): string {
  const names = Object.keys(spec.rows ?? {});
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', ...' : '');
  return `no table, list or line of the response names the key's rows (${shown}) or lists a value for each in order, so its lines were read as rows by position`;
}
