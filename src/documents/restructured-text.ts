import { readLineLabel } from './part-ids.js';
import { markdownTable } from './markdown-table.js';
import { delimitedRows } from './spreadsheet.js';
import { type JudgedQuote, verdictShape, withoutVerdicts } from './quote-verdicts.js';

/**
 * A reStructuredText document (a Sphinx or docutils course report) read as the Markdown every
 * other reader knows. Its structure is in punctuation and indentation: section titles underlined
 * (and perhaps overlined) with a punctuation character, their levels in the order the styles first
 * appear; directives (`.. name::`) whose options and body are indented under them; field lists
 * (`:Author: ...`). Titles become `#` headings; a quotation's body (`.. epigraph::`, `..
 * pull-quote::`, an admonition) its paragraphs; `.. math::` a `$$` display; code and literal blocks
 * fenced code; a `.. list-table::` or `.. csv-table::` a Markdown table; what only builds the page (`.. contents::`,
 * images, comments) is left out.
 *
 * A report that quotes the model in quotations and judges each quote after it (`Verdict 1(a):
 * **PASS**.`, `Verdict: **FAIL** — should be L(K-1)+1`) writes its verdicts in one repeated shape:
 * a lead word, perhaps a part's label, a colon, a mark in strong emphasis or capitals. Those paragraphs
 * are the person's, never an answer: they are left out, and a part's label they carry heads the quote they
 * judge when the quote has none of its own.
 *
 * Only a text rST marks as its own (an underlined title and a directive) is changed.
 */

/** A line of one punctuation character repeated: a title's underline or overline. */
const ADORNMENT = /^([=\-~^"'`#*+:.!$%&,;<>?@\\/_|])\1{2,}[ \t]*$/;
/** A directive: `.. name:: argument`. */
const DIRECTIVE = /^(\s*)\.\.[ \t]+([A-Za-z][\w-]*)::[ \t]*(.*)$/;
/** A directive's option line under it: `:header-rows: 1`. */
const OPTION = /^[ \t]+:[\w-]+:(?:[ \t].*)?$/;

/** Directives whose body is a quotation or a note: their paragraphs are the text's, set apart. */
const QUOTES = new Set([
  'epigraph',
  'pull-quote',
  'highlights',
  'note',
  'tip',
  'hint',
  'important',
  'warning',
  'caution',
  'attention',
  'danger',
  'error',
  'admonition',
  'topic',
  'sidebar',
  'seealso',
  'container',
  'compound',
  'rubric',
]);
/** Directives of code or program output. */
const CODE = new Set(['code', 'code-block', 'sourcecode', 'literalinclude', 'doctest', 'ipython', 'jupyter-execute', 'testcode', 'testoutput', 'parsed-literal']);

/** Whether a text is reStructuredText: a title underlined with punctuation and a directive. */
export function isRestructuredText(text: string): boolean {
  if (!/^\.\.[ \t]+[A-Za-z][\w-]*::/m.test(text)) return false;
  const lines = text.split('\n');
  return lines.some(
    (l, i) => i > 0 && ADORNMENT.test(l) && /\S/.test(lines[i - 1]!) && !ADORNMENT.test(lines[i - 1]!) && l.trim().length >= Math.min(lines[i - 1]!.trim().length, 3) && !/^\s/.test(lines[i - 1]!),
  );
}

/** The indented block under line `start` (blank lines inside it kept), dedented; and the index after it. */
function indentedBody(lines: string[], start: number, parentIndent: number): { body: string[]; next: number } {
  let i = start;
  const body: string[] = [];
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trim() && l.length - l.trimStart().length <= parentIndent) break;
    body.push(l);
    i++;
  }
  while (body.length && !body.at(-1)!.trim()) body.pop();
  const first = body.findIndex((l) => l.trim());
  const content = first < 0 ? [] : body.slice(first);
  const indent = Math.min(...content.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return { body: content.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))), next: i };
}

/** The paragraph after line `start` (blank lines before it skipped), when it is no title and no directive; and the index after it. */
function paragraphAfter(lines: string[], start: number): { body: string[]; next: number } {
  let i = start;
  while (i < lines.length && !lines[i]!.trim()) i++;
  const body: string[] = [];
  while (i < lines.length && lines[i]!.trim() && !DIRECTIVE.test(lines[i]!) && !ADORNMENT.test(lines[i + 1] ?? '') && !ADORNMENT.test(lines[i]!)) body.push(lines[i++]!);
  return body.length ? { body, next: i } : { body: [], next: start };
}

/** A `.. list-table::` body (`* - cell` rows, `  - cell` cells) as rows of cells. */
function listTableRows(body: string[]): string[][] {
  const rows: string[][] = [];
  for (const line of body) {
    const row = /^\*[ \t]+-[ \t]+(.*)$/.exec(line);
    const cell = /^[ \t]+-[ \t]+(.*)$/.exec(line);
    if (row) rows.push([row[1]!.trim()]);
    else if (cell && rows.length) rows.at(-1)!.push(cell[1]!.trim());
    else if (line.trim() && rows.length) {
      const r = rows.at(-1)!;
      r[r.length - 1] = `${r[r.length - 1]} ${line.trim()}`.trim();
    }
  }
  return rows.map((r) => r.map((c) => c.replace(/\|/g, '\\|')));
}

/** The text as Markdown when it is reStructuredText; as it is otherwise. */
export function restructuredTextAsMarkdown(text: string): string {
  if (!text.includes('::') || !text.includes('.. ') || !isRestructuredText(text)) return text;
  return convert(text.split('\n'), new Map()).join('\n');
}

/** Converts rST lines; `levels` maps a title's adornment style to its heading level (shared by nested bodies). */
function convert(lines: string[], levels: Map<string, number>): string[] {
  const out: string[] = [];
  // Paragraphs after a quote, to be judged as verdicts once the whole text is read.
  const afterQuote: JudgedQuote[] = [];
  let lastQuote: { start: number; end: number; hasLabel: boolean } | undefined;
  const level = (style: string) => {
    if (!levels.has(style)) levels.set(style, Math.min(levels.size + 1, 6));
    return levels.get(style)!;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    // Overlined title: adornment, title, the same adornment.
    if (ADORNMENT.test(line) && /\S/.test(next) && !ADORNMENT.test(next) && (lines[i + 2] ?? '').trim() === line.trim()) {
      out.push(`${'#'.repeat(level(`over${line.trim()[0]}`))} ${next.trim()}`);
      i += 3;
      continue;
    }
    if (/\S/.test(line) && !/^\s/.test(line) && !ADORNMENT.test(line) && ADORNMENT.test(next) && next.trim().length >= Math.min(line.trim().length, 3)) {
      out.push(`${'#'.repeat(level(next.trim()[0]!))} ${line.trim()}`);
      i += 2;
      continue;
    }
    const d = DIRECTIVE.exec(line);
    if (d) {
      const indent = d[1]!.length;
      const name = d[2]!.toLowerCase();
      let j = i + 1;
      const options: string[] = [];
      while (j < lines.length && OPTION.test(lines[j]!)) options.push(lines[j++]!.trim());
      let { body, next: after } = indentedBody(lines, j, indent);
      // A quotation or a formula with nothing under it lost its indentation (a page printed to
      // PDF, read back with every line at the margin): its body is the paragraph right after it.
      if (!body.length && !d[3]!.trim() && (QUOTES.has(name) || name === 'math')) ({ body, next: after } = paragraphAfter(lines, j));
      i = after;
      if (name === 'math') {
        out.push('$$', ...[d[3]!, ...body].filter((l) => l.trim()), '$$', '');
      } else if (CODE.has(name)) {
        out.push(`\`\`\`${name === 'literalinclude' ? '' : d[3]!.trim()}`, ...body, '```', '');
      } else if (name === 'list-table') {
        const rows = listTableRows(body);
        const headerRows = Number(/:header-rows:\s*(\d+)/.exec(options.join('\n'))?.[1] ?? '0');
        if (rows.length) out.push(markdownTable(headerRows ? rows : [rows[0]!.map(() => ''), ...rows]), '');
      } else if (name === 'csv-table') {
        const opts = options.join('\n');
        const delim = /:delim:\s*(\S+)/.exec(opts)?.[1];
        const delimiter = delim === 'tab' ? '\t' : delim === 'space' ? ' ' : (delim?.[0] ?? ',');
        const header = /:header:\s*(.+)/.exec(opts)?.[1];
        const rows = [...(header ? delimitedRows(header, ',') : []), ...delimitedRows(body.join('\n'), delimiter)]
          .filter((r) => r.some((c) => c))
          .map((r) => r.map((c) => c.replace(/\n/g, ' ').replace(/\|/g, '\\|')));
        const headerRows = header ? 1 : Number(/:header-rows:\s*(\d+)/.exec(opts)?.[1] ?? '0');
        if (rows.length) out.push(markdownTable(headerRows ? rows : [rows[0]!.map(() => ''), ...rows]), '');
      } else if (QUOTES.has(name)) {
        const start = out.length;
        const inner = convert(body, levels);
        out.push(...(d[3]!.trim() && name !== 'admonition' && name !== 'topic' && name !== 'sidebar' ? [d[3]!.trim(), ''] : []), ...inner, '');
        lastQuote = { start, end: out.length, hasLabel: inner.some((l) => readLineLabel(l.replace(/^#+\s*/, ''))?.part) };
      }
      // Anything else (contents, toctree, image, figure, raw, meta, include): it builds the page.
      continue;
    }
    // A comment (`.. text`, `..` alone) and its indented lines.
    if (/^\.\.(?:[ \t]|$)/.test(line) && !/^\.\.[ \t]+\[/.test(line) && !/^\.\.[ \t]+_/.test(line)) {
      i = indentedBody(lines, i + 1, 0).next;
      continue;
    }
    // `text::` then an indented block: a literal block (output, a program's text).
    if (/::[ \t]*$/.test(line) && !/^\s/.test(line) && !(lines[i + 1] ?? 'x').trim()) {
      const { body, next: after } = indentedBody(lines, i + 1, 0);
      if (body.length) {
        const lead = line.replace(/::[ \t]*$/, /\s::[ \t]*$/.test(line) ? '' : ':').trimEnd();
        if (lead.trim()) out.push(lead, '');
        out.push('```', ...body, '```');
        i = after;
        continue;
      }
    }
    // A field list's line (`:Author: Wen`) as a header field.
    const field = /^:([A-Za-z][\w -]{0,30}):[ \t]+(\S.*)$/.exec(line);
    // A paragraph right after a quotation, outside it: perhaps the person's verdict on it.
    if (lastQuote && /\S/.test(line) && !/^\s/.test(line) && lastQuote.end === out.length) {
      let j = i;
      while (j < lines.length && /\S/.test(lines[j]!)) j++;
      const paragraph = lines.slice(i, j);
      const shape = verdictShape(paragraph.join('\n'));
      if (shape) afterQuote.push({ at: out.length, length: paragraph.length, shape, quoteStart: lastQuote.start, quoteHasLabel: lastQuote.hasLabel });
      out.push(...paragraph);
      lastQuote = undefined;
      i = j;
      continue;
    }
    if (/\S/.test(line)) lastQuote = undefined;
    else if (lastQuote?.end === out.length) lastQuote.end++;
    out.push(field ? `${field[1]}: ${field[2]}` : line);
    i++;
  }
  return withoutVerdicts(out, afterQuote);
}
