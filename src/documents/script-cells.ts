/**
 * A notebook kept as a script whose comments mark its cells: jupytext's percent format (`# %%`,
 * `# %% [markdown]`, what VS Code, Spyder and PyCharm run as cells too) and its light format
 * (`# +` ... `# -` around code, comment blocks as Markdown), IPython's old `# <markdowncell>`, and
 * Databricks' source export (`# Databricks notebook source`, `# COMMAND ----------`, `# MAGIC %md`).
 * Its text cells are Markdown behind a comment sign, so read as they stand a part's heading is a
 * comment and no part is found. It is rewritten as the Markdown `notebookToMarkdown` makes of a
 * notebook: text cells uncommented, code cells fenced (a script holds no outputs), the jupytext
 * header dropped. A script with comments and no cell marks is left as it is.
 */

/** The cheap test: a line that marks a cell in one of the conventions. */
const CELL_MARK = /^(?:(?:#|\/\/) ?%%|# <(?:markdown|code|raw)cell>|# \+[ \t]*$|(?:#|\/\/|--) (?:Databricks notebook source|COMMAND -{5,})|# \+ \[(?:markdown|md)\]|#\s+format_name: light\s*$)/m;

/** A percent cell's mark: its comment sign, then the title, `[markdown]` and `key=value` metadata that may follow `%%`. */
const PERCENT_MARK = /^(#|\/\/) ?%%(?!%)(.*)$/;
/** IPython 2's script cells. */
const IPYTHON_MARK = /^# <(markdown|code|raw)cell>\s*$/;
const DATABRICKS_SOURCE = /^(#|\/\/|--) Databricks notebook source\s*$/;
const DATABRICKS_COMMAND = /^(?:#|\/\/|--) COMMAND -{5,}\s*$/;

/** jupytext's header: a YAML block in comments, `# ---` to `# ---`, at the top. */
const JUPYTEXT_HEADER = /^(#|\/\/) ---\s*\n(?:\1.*\n)*?\1 ---\s*(?:\n|$)/;

/** A line Markdown or a chat would have and a script cannot: a code fence. */
const FENCE = /^(?:```|~~~)/m;

interface Cell {
  markdown: boolean;
  title?: string;
  lines: string[];
}

/** The text cells' lines without their comment sign (`# ## 3(a)` is `## 3(a)`, a bare `#` a blank line). */
function uncommented(lines: readonly string[], sign: string): string[] {
  // jupytext may keep a text cell in a string instead: `"""` lines around it, no comment signs.
  const body = lines.filter((l) => l.trim());
  const quotes = /^(?:"""|''')\s*$/;
  if (body.length >= 2 && quotes.test(body[0]!) && quotes.test(body.at(-1)!)) return lines.filter((l) => !quotes.test(l));
  const prefix = new RegExp(`^${sign === '//' ? '\\/\\/' : sign} ?`);
  return lines.map((l) => l.replace(prefix, ''));
}

/** A percent mark's title, without its cell type and metadata: `# %% Problem 3 [markdown] tags=["x"]` is `Problem 3`. */
function markTitle(rest: string): string | undefined {
  const title = rest
    .replace(/\[(?:markdown|md|raw)\]/, '')
    .replace(/\s\w+=\S+/g, '')
    .trim();
  return title || undefined;
}

/** Lines a script may start with before its first cell: blank, comments, a docstring, imports. */
function isPreamble(lines: readonly string[]): boolean {
  let inDocstring = false;
  for (const line of lines) {
    const t = line.trim();
    const quotes = (t.match(/"""|'''/g) ?? []).length;
    if (inDocstring) {
      if (quotes % 2 === 1) inDocstring = false;
      continue;
    }
    if (quotes % 2 === 1) {
      inDocstring = true;
      continue;
    }
    if (!t || quotes || /^(?:#|\/\/)/.test(t) || /^(?:import|from)\s+[\w.]+/.test(t)) continue;
    return false;
  }
  return !inDocstring;
}

/** The cells of a percent (or IPython 2) script; undefined when it is not one. */
function percentCells(lines: readonly string[]): Cell[] | undefined {
  const marks = lines.flatMap((l, i) => (PERCENT_MARK.test(l) || IPYTHON_MARK.test(l) ? [i] : []));
  if (marks.length < 2 || !isPreamble(lines.slice(0, marks[0]))) return undefined;
  const cells: Cell[] = [{ markdown: false, lines: lines.slice(0, marks[0]) }];
  marks.forEach((at, k) => {
    const body = lines.slice(at + 1, marks[k + 1] ?? lines.length);
    const percent = PERCENT_MARK.exec(lines[at]!);
    const markdown = percent ? /\[(?:markdown|md|raw)\]/.test(percent[2]!) : IPYTHON_MARK.exec(lines[at]!)![1] !== 'code';
    const sign = percent?.[1] ?? '#';
    const title = percent ? markTitle(percent[2]!) : undefined;
    cells.push({ markdown, ...(title ? { title } : {}), lines: markdown ? uncommented(body, sign) : body });
  });
  return cells;
}

/** The cells of a light script (`# +` / `# -` around code, comment paragraphs as text); undefined when it is not one. */
function lightCells(lines: readonly string[], declared: boolean): Cell[] | undefined {
  // (A header that names the format needs no `# +` to show it.)
  const marked = lines.some((l) => /^# \+(?:[ \t]*$| \[| \w+=)/.test(l)) && lines.some((l) => /^# -[ \t]*$/.test(l));
  if (!declared && !marked) return undefined;
  const cells: Cell[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.some((l) => l.trim())) {
      const text = paragraph.every((l) => !l.trim() || l.startsWith('#'));
      cells.push({ markdown: text, lines: text ? uncommented(paragraph, '#') : paragraph });
    }
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^# \+(.*)$/.exec(lines[i]!);
    if (open && /^(?:[ \t]*$| \[| \w+=)/.test(open[1]!)) {
      flush();
      let end = i + 1;
      while (end < lines.length && !/^# -[ \t]*$/.test(lines[end]!)) end++;
      const body = lines.slice(i + 1, end);
      const markdown = /\[(?:markdown|md)\]/.test(open[1]!);
      cells.push({ markdown, lines: markdown ? uncommented(body, '#') : body });
      i = end;
    } else if (!lines[i]!.trim()) flush();
    else paragraph.push(lines[i]!);
  }
  flush();
  return cells;
}

/** The cells of a Databricks source export; undefined when it is not one. */
function databricksCells(lines: readonly string[]): Cell[] | undefined {
  const first = lines.findIndex((l) => l.trim());
  const source = DATABRICKS_SOURCE.exec(lines[first] ?? '');
  if (!source) return undefined;
  const sign = source[1]!;
  const magic = new RegExp(`^${sign === '//' ? '\\/\\/' : sign} MAGIC ?`);
  const cells: Cell[] = [];
  let body: string[] = [];
  const flush = () => {
    const titled = body.findIndex((l) => /^(?:#|\/\/|--) DBTITLE \d+,/.test(l));
    const title = titled >= 0 ? body[titled]!.replace(/^(?:#|\/\/|--) DBTITLE \d+,/, '').trim() : undefined;
    const rest = body.filter((_, i) => i !== titled);
    const filled = rest.filter((l) => l.trim());
    // A cell of `MAGIC` lines runs another language; `%md` makes it text.
    if (filled.length && filled.every((l) => magic.test(l))) {
      const inner = rest.map((l) => l.replace(magic, ''));
      const head = inner.findIndex((l) => l.trim());
      const markdown = /^%md(?:-sandbox)?\b/.test(inner[head]!);
      if (markdown) inner[head] = inner[head]!.replace(/^%md(?:-sandbox)?\s*/, '');
      cells.push({ markdown, ...(title ? { title } : {}), lines: inner });
    } else cells.push({ markdown: false, ...(title ? { title } : {}), lines: rest });
    body = [];
  };
  for (const line of lines.slice(first + 1)) {
    if (DATABRICKS_COMMAND.test(line)) flush();
    else body.push(line);
  }
  flush();
  return cells;
}

/** The cells as a notebook's Markdown: a text cell's title as a heading, text as it is, code fenced. */
function cellsAsMarkdown(cells: readonly Cell[]): string {
  const out: string[] = [];
  for (const cell of cells) {
    const lines = [...cell.lines];
    while (lines.length && !lines[0]!.trim()) lines.shift();
    while (lines.length && !lines.at(-1)!.trim()) lines.pop();
    // (A code cell's title names the code, `# %% check of 2(b)`: as a heading it would head a part with code.)
    if (cell.title && cell.markdown) out.push(`## ${cell.title}`);
    if (!lines.length) continue;
    out.push(cell.markdown ? lines.join('\n') : `\`\`\`python\n${lines.join('\n')}\n\`\`\``);
  }
  return `${out.join('\n\n')}\n`;
}

/** The cells of a notebook kept as a script, its jupytext header dropped; undefined for any other text. */
function scriptCells(text: string): Cell[] | undefined {
  const unix = text.replace(/\r\n?/g, '\n');
  const header = JUPYTEXT_HEADER.exec(unix)?.[0] ?? '';
  const lines = unix.slice(header.length).split('\n');
  return databricksCells(lines) ?? percentCells(lines) ?? lightCells(lines, /format_name: light\b/.test(header));
}

/** The text as a notebook's Markdown when it is a notebook kept as a script with cell marks; as it is otherwise. */
export function scriptCellsAsMarkdown(text: string): string {
  if (!CELL_MARK.test(text) || FENCE.test(text)) return text;
  const cells = scriptCells(text);
  return cells ? cellsAsMarkdown(cells) : text;
}
