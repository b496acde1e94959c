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

/** `[[1 2] [3 4]]` → `\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`; `[0. 0.8 0.]` → `(0., 0.8, 0.)`; else undefined. */
function asLatex(array: string): string | undefined {
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
  if (!inner.startsWith('[') && !matlab) return `(${cells[0]!.join(', ')})`;
  return `\\begin{bmatrix} ${cells.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
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

/** The name a line gives the array that ends it (`g3 = `, `y_c=`): a program's variable, not a notebook's `Out[3]:`. */
const NAMED_BY = /(?:^|[\s*_])([A-Za-z][\w.]{0,11})\s*=\s*$/;

/**
 * The arrays a response's printed output shows, as LaTeX, with their offsets and printed lengths in
 * the response; `start` is where the line that states one begins (its bullet, bold or name), and
 * `name` the name it gives the array (`g3 = [0, 0.8, 0]`), when it gives one.
 */
export function printedArrays(response: string): { text: string; index: number; length: number; start: number; name?: string }[] {
  if (!response.includes('[')) return [];
  // Code is the program's input: its blocks are blanked out, keeping offsets. Output stays, fenced
  // or not (a chat's page text, or a reply cut at a part's label, loses the fences).
  const text = response.includes('```')
    ? response.replace(FENCED, (all, language: string, body: string) => (OUTPUT_LANGUAGE.test(language) || statesValues(body) ? all : all.replace(/[^\n]/g, ' ')))
    : response;
  const out: { text: string; index: number; length: number; start: number; name?: string }[] = [];
  // The rows of an array printed on lines of their own are inside it, not arrays of their own.
  let after = 0;
  for (const m of text.matchAll(ARRAY_START)) {
    const open = m.index! + m[0].length - 1;
    if (open < after) continue;
    const array = bracketed(text, open);
    if (!array) continue;
    after = open + array.length;
    const latex = asLatex(array);
    if (!latex) continue;
    const name = NAMED_BY.exec(` ${text.slice(m.index!, open)}`)?.[1];
    out.push({ text: latex, index: open, length: array.length, start: m.index!, ...(name ? { name } : {}) });
  }
  return rowsAsMatrices(text, out);
}

/**
 * `y =` over `[ -40  -40  -40 ]` lines: a matrix printed one bracketed row a line (MATLAB's and a
 * terminal's way), each row read above as a vector of its own, is the one matrix its rows make, when
 * the line above the first ends on `=` or `:` and the rows, on consecutive lines, are as wide.
 */
function rowsAsMatrices(text: string, arrays: ReturnType<typeof printedArrays>): ReturnType<typeof printedArrays> {
  const out: ReturnType<typeof printedArrays> = [];
  for (let k = 0; k < arrays.length; k++) {
    const first = arrays[k]!;
    const lineStart = text.lastIndexOf('\n', first.start - 1);
    const above = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, Math.max(0, lineStart));
    let j = k;
    const width = (a: (typeof arrays)[number]) => (a.text.startsWith('(') ? a.text.split(',').length : 0);
    // (A row of the same matrix is its bracket alone on its line: `g4 = [0.8, 0, 0]` under `g3 = [...]` is a vector of its own.)
    const continues = (a: (typeof arrays)[number]) => width(a) === width(first) && !text.slice(a.start, a.index).trim();
    while (j + 1 < arrays.length && continues(arrays[j + 1]!) && /^[ \t]*\n[ \t]*$/.test(text.slice(arrays[j]!.index + arrays[j]!.length, arrays[j + 1]!.start))) j++;
    // (The name may be read with the first row, `y =` and its line break before the bracket.)
    const introduced = /[=:]\s*$/.test(text.slice(first.start, first.index)) || (first.start === lineStart + 1 && /[=:][ \t]*$/.test(above));
    if (j === k || !width(first) || !introduced) {
      out.push(first);
      continue;
    }
    const rows = arrays.slice(k, j + 1).map((a) => a.text.slice(1, -1).split(', ').join(' & '));
    const last = arrays[j]!;
    out.push({
      text: `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`,
      index: first.index,
      length: last.index + last.length - first.index,
      start: first.start,
      ...(first.name ? { name: first.name } : {}),
    });
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
