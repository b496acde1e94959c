import type { Candidate } from './extract.js';

/**
 * Matrices a response states without writing one: a Markdown table of numbers (its header row and
 * row labels aside) and lines that list a matrix row by row (`- Row 1: −19, −28, −32`). Each is
 * put together as the `bmatrix` it states, so a matrix answer is graded as the matrix it is.
 */

/** A number as a table cell or a listed entry holds it (`-40`, `−19`, `0.5`, `$-40$`, `**59**`). */
const ENTRY = /^\s*(?:\*\*|\$)?\s*([-−]?\d+(?:\.\d+)?)\s*(?:\*\*|\$)?\s*$/;
/** `Row 1: −19, −28, −32`, `- **Row 2:** ...`, `row 3 = [49, 72, 59]`: one row of a matrix, numbered. */
const ROW_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*)?row\s*(\d+)\s*(?:\*\*)?\s*[:=]\s*(?:\*\*)?\s*\[?([^\n\]]*?)\]?\s*\.?\s*$/i;

const entry = (cell: string) => ENTRY.exec(cell)?.[1]?.replace('−', '-');

/** Rows of entries as LaTeX's matrix. */
export const bmatrix = (rows: string[][]) => `\\begin{bmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;

/** Rows of one width (two entries or more, or a column): a matrix; else undefined. */
function rectangular(rows: string[][]): string | undefined {
  if (!rows.length || rows.some((r) => !r.length || r.length !== rows[0]!.length)) return undefined;
  return rows.length * rows[0]!.length >= 2 ? bmatrix(rows) : undefined;
}

/** A Markdown table's rows of numbers: the header row and a first column of labels (`row 1`) are not entries. */
function fromTable(lines: string[]): string | undefined {
  const cells = lines
    .filter((l) => !/^\s*\|?[\s:|-]+\|?\s*$/.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|'),
    );
  // A header is a row with anything but numbers (its first cell may be empty).
  const body = cells.filter((r, i) => i > 0 || r.every((c) => entry(c) !== undefined));
  const labelled = body.length > 0 && body.every((r) => entry(r[0]!) === undefined);
  const rows = body.map((r) => (labelled ? r.slice(1) : r).map(entry));
  if (rows.some((r) => r.some((c) => c === undefined))) return undefined;
  return rectangular(rows as string[][]);
}

/** Consecutive `Row k:` lines numbered 1, 2, 3, ...: the matrix they list. */
function fromRowLines(text: string): string[] {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    const m = rows.length >= 2 ? rectangular(rows) : undefined;
    if (m) out.push(m);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = ROW_LINE.exec(line);
    const entries = (m?.[2] ?? '')
      .split(/\s*[,;]\s*|\s+/)
      .filter(Boolean)
      .map(entry);
    if (!m || !entries.length || entries.some((e) => e === undefined) || Number(m[1]) !== rows.length + 1) {
      flush();
      if (m && Number(m[1]) === 1 && entries.length && entries.every((e) => e !== undefined)) rows = [entries as string[]];
      continue;
    }
    rows.push(entries as string[]);
  }
  flush();
  return out;
}

/** Brackets around rows of numbers on lines of their own (`y = [ -40 -40 -40` / `-40 -40 -40 ]`), one row a line. */
const BRACKETED_LINES = /\[([^[\]]*\n[^[\]]*)\]/g;

/** A matrix typed in plain text, its rows on the lines inside one pair of brackets; rows of unequal width are none. */
function fromBracketedLines(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BRACKETED_LINES)) {
    const rows = m[1]!
      .split('\n')
      .map((l) => l.trim().replace(/[,;]$/, ''))
      .filter(Boolean)
      .map((l) => l.split(/\s*[,;]\s*|\s+/).map(entry));
    if (rows.length < 2 || rows.some((r) => r.some((e) => e === undefined))) continue;
    const matrix = rectangular(rows as string[][]);
    if (matrix) out.push(matrix);
  }
  return out;
}

/** A line that introduces what follows it (`y =`, `output:`), and a line of two numbers or more (`−40 −40 −40`). */
const INTRODUCES = /(?:=|:)\s*$/;
const NUMBER_ROW = /^\s*[-−]?\d+(?:\.\d+)?(?:(?:\s*[,;]\s*|\s+)[-−]?\d+(?:\.\d+)?)+\s*[,;]?\s*$/;

/**
 * `y =` over `−40 −40 −40` lines: a matrix typed as bare rows of numbers (a phone note, a terminal's
 * printout without brackets), one row a line right under the line that names it. Rows not so
 * introduced (a list of measurements), or of unequal width, are none.
 */
function fromIntroducedRows(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 2; i++) {
    if (!INTRODUCES.test(lines[i]!) || !NUMBER_ROW.test(lines[i + 1]!)) continue;
    let j = i + 1;
    while (j < lines.length && NUMBER_ROW.test(lines[j]!)) j++;
    const rows = lines.slice(i + 1, j).map((l) =>
      l
        .trim()
        .replace(/[,;]$/, '')
        .split(/\s*[,;]\s*|\s+/)
        .map(entry),
    );
    const matrix = rows.length >= 2 ? rectangular(rows as string[][]) : undefined;
    if (matrix) out.push(matrix);
    i = j - 1;
  }
  return out;
}

/** A number a sentence fills a matrix with (`40`, `-40`, `−0.5`). */
const FILL = String.raw`[-−+]?\d+(?:\.\d+)?`;
/** Where every entry is said to hold one number: `40 in every entry`, `every entry is 40`, `3×3, every entry −40`, `all entries equal -40`, `a matrix of 40s`, `filled with 0`, `40 everywhere`. */
const FILLED = new RegExp(
  String.raw`(${FILL})\s+(?:in|at)\s+(?:every|each|all(?:\s+the)?)\s+(?:entry|entries|element|elements|cell|cells|position|positions)\b|\b(?:every|each)\s+(?:entry|element|cell)\s+(?:(?:is\s+|are\s+)?(?:equals?(?:\s+to)?|=|is)\s+|:?[ \t]*(?=${FILL}[ \t]*(?:[.,;)]|$)))(${FILL})|\ball\s+(?:the\s+|its\s+)?(?:entries|elements|cells)\s+(?:are\s+)?(?:equal(?:\s+to)?|=|are)\s+(${FILL})|\b(?:matrix|array|grid)\s+(?:of|with|filled\s+with)\s+(?:all\s+)?(${FILL})(?:'?s)?(?![\d.])|\bfilled\s+with\s+(${FILL})|(${FILL})(?:'?s)?\s+everywhere\b`,
  'gi',
);
/** A matrix's size in words or signs: `3x3`, `3 × 3`, `3-by-3`. */
const SIZE = /(?<![\d.])(\d{1,2})\s*(?:[x×]|-?by-?)\s*(\d{1,2})(?![\d.])/gi;

/** An arrow from a setting to what it gives: `stride 1 → 3×3`, `pad 1 -> 5x5`. */
const ARROW = /→|⟶|⇒|⟹|->|=>/;

/**
 * `y = 40 in every entry, a 3x3 matrix of 40s`: a matrix said in words, one number in every entry, with its
 * size in the same sentence. Only a sentence that says one fill and one size and no other number (`40 in
 * every entry but 30 on the border` is no such matrix), no exception and no second matrix. What a sentence's
 * last arrow leads to is its result (`no padding, stride 1 → 3×3, every entry −40`): the numbers of the
 * setting before the arrow are no numbers of the matrix.
 */
function fromFilledWords(text: string): string[] {
  if (!/\d\s*(?:[x×]|-?by-?)\s*\d/i.test(text) || !/\b(?:every|each|all|matrix|array|grid|filled|everywhere)\b/i.test(text)) return [];
  const out: string[] = [];
  for (const sentence of text.split(/\n|;|(?<!\d)\.(?!\d)|\.(?=\s|$)/)) {
    const result = ARROW.test(sentence) ? sentence.split(ARROW).pop()! : undefined;
    const matrix = (result !== undefined ? filledMatrix(result) : undefined) ?? filledMatrix(sentence);
    if (matrix) out.push(matrix);
  }
  return out;
}

/** The matrix one sentence (or the clause an arrow leads to) fills with one number, when it says one fill, one size and no other number. */
function filledMatrix(sentence: string): string | undefined {
  if (/\b(?:except|but|other\s+than|apart\s+from|besides)\b/i.test(sentence)) return undefined;
  const fills = [...sentence.matchAll(FILLED)].map((m) =>
    m
      .slice(1)
      .find((g) => g !== undefined)!
      .replace('−', '-')
      .replace(/^\+/, ''),
  );
  const sizes = [...sentence.matchAll(SIZE)];
  if (!fills.length || new Set(fills).size !== 1 || new Set(sizes.map((m) => `${m[1]}x${m[2]}`)).size !== 1) return undefined;
  const [rows, columns] = [Number(sizes[0]![1]), Number(sizes[0]![2])];
  if (rows < 1 || columns < 1 || rows * columns < 2) return undefined;
  // (No other number in the sentence: the fill and the size are all it says.)
  // (A part's label before it, `**3(c)**`, is no number of the matrix's.)
  const rest = sentence
    .replace(SIZE, ' ')
    .replace(FILLED, ' ')
    .replace(/\b\d{1,2}\s*\(?[a-h]\)/gi, ' ');
  if (/\d/.test(rest.replace(/\b[A-Za-z]\w*\d\w*/g, ' '))) return undefined;
  const fill = fills[0]!;
  return `\\begin{bmatrix} ${Array.from({ length: rows }, () => Array(columns).fill(fill).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/** The matrices a response states as a table of numbers, row by row, or in brackets line by line, the last first. */
export function matrixCandidates(text: string): Candidate[] {
  const found: string[] = [];
  if (text.includes('|')) {
    let table: string[] = [];
    for (const line of [...text.split('\n'), '']) {
      if (line.trim().startsWith('|')) table.push(line);
      else {
        const m = table.length ? fromTable(table) : undefined;
        if (m) found.push(m);
        table = [];
      }
    }
  }
  if (/\brow\s*\d/i.test(text)) found.push(...fromRowLines(text));
  if (text.includes('[')) found.push(...fromBracketedLines(text));
  found.push(...fromIntroducedRows(text));
  found.push(...fromFilledWords(text));
  return found.reverse().map((t): Candidate => ({ text: t, how: 'display' }));
}
