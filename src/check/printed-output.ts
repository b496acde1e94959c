import { bmatrix } from './matrix-rows.js';

/**
 * Answers a response leaves in a program's printed output, as ChatGPT's code interpreter and
 * notebooks show what `print` wrote (in a fenced block with no language, `text` or `output`, or
 * bare), and matrices a reply types in a program's notation outside any formula. NumPy prints a
 * matrix as `[[-40 -40 -40]\n [-40 -40 -40]]`, Python as `[[-40, -40],\n [-40, -40]]`, MATLAB writes
 * `[-40 -40; -40 -40]`; each array that starts a line (after a name and `=`, or in bold) is read as
 * the matrix (or vector) it states, over as many lines as it takes. Arrays in code
 * (`h = np.array([[...]])`) are the program's input, never its answer.
 * PyTorch prints `tensor([[[[-40., -40.], ...]]]])` with the batch and channel axes of a
 * convolution's output around the matrix: axes of length one are read through.
 *
 * Chat replies type the minus sign as Unicode's `−` (U+2212). Between the entries of a row that
 * spaces separate, `−40 −40` is two entries, as MATLAB reads `[a -b]`; an operator with spaces on
 * both sides (`[1 - 2]`) makes the bracket no array of numbers, and the reader takes it as written.
 */

/** A number as Python and NumPy print it: `-40`, `0.8`, `1.`, `-1.5e-03`. */
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
/** Fenced blocks, paired from the first; their language says whether they hold output. */
const FENCED = /```([^\n`]*)\n([\s\S]*?)```/g;
const OUTPUT_LANGUAGE = /^\s*(?:text|output|console|plaintext)?\s*$/i;
/**
 * A prompt an interactive session types its input after (Python's `>>> `, IPython's `In [3]: `,
 * MATLAB's `>> `, R's `> `, `julia> `, `sage: `, Maxima's `(%i1) `), or the mark of an input's further
 * line (`... `, `   ...: `, R's `+ `).
 */
const SESSION_PROMPT = /^(?:>{1,3}|In \[\d+\]:|julia>|sage:|\(%i\d+\)|\.\.\.|[ \t]+\.\.\.:|\+)(?:[ \t]|$)/;
/** A session's first prompt: what opens a block (after blank lines) that is a session copied from a console. */
const FIRST_PROMPT = /^\s*(?:>{1,3}|In \[\d+\]:|julia>|sage:|\(%i\d+\))[ \t]/;
/**
 * An array at the start of a line, after an optional bullet and bold, notebook prompt (`Out[3]:`),
 * name (`y_c =`), `array(` or `tensor(`.
 */
const ARRAY_START = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:Out\[\d+\]:\s*)?(?:[\w.]{1,12}\s*[:=]\s*)?(?:(?:array|tensor)\()?\[/gm;

/** The bracketed text that starts at `from` (which is `[`), up to its matching `]`. */
function bracketed(text: string, from: number): string | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return text.slice(from, i + 1);
  }
  return undefined;
}

/** An array's entries by row, and whether it is a vector (one row, printed without inner brackets or `;`). */
interface ArrayCells {
  cells: string[][];
  vector: boolean;
}

/** `[[1 2] [3 4]]` → rows 1 2 / 3 4; `[0. 0.8 0.]` → the vector 0, 0.8, 0; else undefined. */
function arrayCells(array: string): ArrayCells | undefined {
  let inner = array.slice(1, -1).trim();
  // `[[[[...]]]]`: an axis of length one holds the array inside it.
  while (inner.startsWith('[[') && bracketed(inner, 0)?.length === inner.length) inner = inner.slice(1, -1).trim();
  // MATLAB's rows end at `;`, typed on one line or over several. (A line break alone ends no row:
  // NumPy wraps a long vector over lines.)
  const matlab = !inner.startsWith('[') && inner.includes(';');
  const rows = inner.startsWith('[') ? [...inner.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!) : matlab ? inner.split(';').filter((r) => r.trim()) : [inner];
  // `-40.` is how NumPy and PyTorch print a whole float: the number -40.
  const cells = rows.map((r) =>
    r
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) =>
        c
          .replace(/−/g, '-')
          .replace(/^–/, '-')
          .replace(/^([-+]?\d+)\.$/, '$1'),
      ),
  );
  if (!cells.length || !cells[0]!.length || cells.some((r) => r.length !== cells[0]!.length || !r.every((c) => NUMBER.test(c)))) return undefined;
  // One bracketed number is a citation (`[1] Strang, Linear Algebra`) far more often than a printed list.
  if (cells.length === 1 && cells[0]!.length === 1) return undefined;
  return { cells, vector: !inner.startsWith('[') && !matlab };
}

/** An array's LaTeX: a vector as a tuple `(0, 0.8, 0)`, anything else as a matrix. */
function latexOf({ cells, vector }: ArrayCells): string {
  return vector ? `(${cells[0]!.join(', ')})` : bmatrix(cells);
}

/** `[[1 2] [3 4]]` → `\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`; `[0. 0.8 0.]` → `(0., 0.8, 0.)`; else undefined. */
function asLatex(array: string): string | undefined {
  const read = arrayCells(array);
  return read && latexOf(read);
}

/** `y = [[-40, -40], [-40, -40]]`, over lines or on one: a name set to an array of numbers written out, and nothing else. */
const VALUE_ASSIGNMENT = /^[ \t]*[A-Za-z_]\w{0,30}[ \t]*=[ \t]*\[[-−+\d.,\s[\]eE]*\][ \t]*;?[ \t]*$/;

/**
 * Whether a code block only sets names to arrays of numbers written out (a `python` block holding
 * `y = [[-40, -40, -40], ...]`): it computes nothing, so it states its values as a table would, the
 * answer among them; a program (a call, a loop, an import, arithmetic) is the input it computes from.
 */
function statesValues(body: string): boolean {
  const statements = body
    .replace(/#.*$/gm, '')
    .replace(/\n(?=[ \t]*[-−+\d.,[\]])/g, ' ')
    .split('\n')
    .filter((l) => l.trim());
  return statements.length > 0 && statements.every((l) => VALUE_ASSIGNMENT.test(l));
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * A fenced block blanked where it is the program's input, keeping offsets. A session copied from a
 * console (`>>> convolve2d(x, h)` then `array([[...]])`), whatever language its fence names (`python`,
 * `pycon`, an editor's `text-x-python`), is input only on its prompts' lines: the lines without a
 * prompt are what the program printed, as a notebook's output is.
 */
function withoutInput(block: string, body: string): string {
  if (!FIRST_PROMPT.test(body)) return blank(block);
  const open = block.indexOf('\n') + 1;
  const lines = body.split('\n').map((l) => (SESSION_PROMPT.test(l) ? blank(l) : l));
  return `${blank(block.slice(0, open))}${lines.join('\n')}${blank(block.slice(open + body.length))}`;
}

/** The name a line gives the array that ends it (`g3 = `, `y_c=`): a program's variable, not a notebook's `Out[3]:`. */
const NAMED_BY = /(?:^|[\s*_])([A-Za-z][\w.]{0,11})\s*=\s*$/;

/** An array a response prints (printedArrays). */
export interface PrintedArray {
  text: string;
  index: number;
  length: number;
  start: number;
  name?: string;
}

/**
 * The arrays a response's printed output shows, as LaTeX, with their offsets and printed lengths in
 * the response; `start` is where the line that states one begins (its bullet, bold or name), and
 * `name` the name it gives the array (`g3 = [0, 0.8, 0]`), when it gives one.
 */
export function printedArrays(response: string): PrintedArray[] {
  if (!response.includes('[')) return [];
  // Code is the program's input: its blocks are blanked out, keeping offsets. Output stays, fenced
  // or not (a chat's page text, or a reply cut at a part's label, loses the fences).
  const text = response.includes('```')
    ? response.replace(FENCED, (all, language: string, body: string) => (OUTPUT_LANGUAGE.test(language) || statesValues(body) ? all : withoutInput(all, body)))
    : response;
  const out: (PrintedArray & ArrayCells)[] = [];
  // The rows of an array printed on lines of their own are inside it, not arrays of their own.
  let after = 0;
  for (const m of text.matchAll(ARRAY_START)) {
    const open = m.index! + m[0].length - 1;
    if (open < after) continue;
    const array = bracketed(text, open);
    if (!array) continue;
    after = open + array.length;
    const read = arrayCells(array);
    if (!read) continue;
    const name = NAMED_BY.exec(` ${text.slice(m.index!, open)}`)?.[1];
    out.push({ text: latexOf(read), index: open, length: array.length, start: m.index!, ...(name ? { name } : {}), ...read });
  }
  return rowsAsMatrices(text, out);
}

/**
 * `y =` over `[ -40  -40  -40 ]` lines: a matrix printed one bracketed row a line (MATLAB's and a
 * terminal's way), each row read above as a vector of its own, is the one matrix its rows make, when
 * the line above the first ends on `=` or `:` and the rows, on consecutive lines, are as wide.
 */
function rowsAsMatrices(text: string, arrays: readonly (PrintedArray & ArrayCells)[]): PrintedArray[] {
  const out: PrintedArray[] = [];
  const bare = ({ text, index, length, start, name }: PrintedArray): PrintedArray => ({ text, index, length, start, ...(name ? { name } : {}) });
  for (let k = 0; k < arrays.length; k++) {
    const first = arrays[k]!;
    const lineStart = text.lastIndexOf('\n', first.start - 1);
    const above = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, Math.max(0, lineStart));
    // (A row of the same matrix is a vector as wide, its bracket alone on the next line: `g4 = [0.8, 0, 0]`
    // under `g3 = [...]` is a vector of its own.)
    const continues = (a: PrintedArray & ArrayCells, before: PrintedArray) =>
      a.vector && a.cells[0]!.length === first.cells[0]!.length && !text.slice(a.start, a.index).trim() && /^[ \t]*\n[ \t]*$/.test(text.slice(before.index + before.length, a.start));
    let j = k;
    if (first.vector) while (j + 1 < arrays.length && continues(arrays[j + 1]!, arrays[j]!)) j++;
    // (The name may be read with the first row, `y =` and its line break before the bracket.)
    const introduced = /[=:]\s*$/.test(text.slice(first.start, first.index)) || (first.start === lineStart + 1 && /[=:][ \t]*$/.test(above));
    if (j === k || !introduced) {
      out.push(bare(first));
      continue;
    }
    const last = arrays[j]!;
    out.push(bare({ ...first, text: bmatrix(arrays.slice(k, j + 1).map((a) => a.cells[0]!)), length: last.index + last.length - first.index }));
    k = j;
  }
  return out;
}

/**
 * An answer that is one array in a program's notation (`[−40 −40; −40 −40]`, `y = [[1 2] [3 4]]`),
 * with the name it is given, as the LaTeX matrix it states; undefined for anything else (a formula
 * with an operator between bracketed arrays is left to the reader).
 */
export function programArray(text: string): string | undefined {
  const m = /^\s*((?:[A-Za-z][\w]{0,11}\s*=\s*)?)(?:(?:array|tensor)\()?(?=\[)/.exec(text);
  if (!m) return undefined;
  const open = m[0].length;
  const array = bracketed(text, open);
  if (!array || !/^\)?\s*$/.test(text.slice(open + array.length))) return undefined;
  const latex = asLatex(array);
  return latex?.startsWith('\\begin') ? `${m[1]}${latex}` : undefined;
}
