import { openPdf, readPage, type PageContent } from './load.js';
import { isDisc, pageLines, type TextLine } from './layout.js';
import { headingGap, type LineSteps, lineSteps, paragraphGap, sizesApart } from './paragraphs.js';
import { isRuleLine } from '../rule-line.js';

export { lineSteps } from './paragraphs.js';

export type { Box, TextLine } from './layout.js';

/** What a PDF holds, rebuilt as Markdown + LaTeX, with every line's page and position. */
export interface PdfText {
  pages: { number: number; width: number; height: number; lines: number; images: number }[];
  /** The lines in reading order, headers and footers left out. */
  lines: TextLine[];
  /** Pages with no text layer (scans, photographs, printed images). */
  textless: number[];
  /** Pages whose text layer lacks what they show: many glyph-sized shapes, formulas drawn as paths (MathJax's SVG output). */
  pathDrawn: number[];
  /** Words a reader wrote in the pages' annotations, page by page (see `PageContent.annotations`). */
  annotations: { page: number; text: string }[];
  /** Lines the page cut off at its edge or its column's (see `PageContent.cutOff`): read only as far as printed. */
  cutOff: TextLine[];
}

/** Reads every page of a PDF (text layer only). */
export async function readPdfLayout(bytes: Uint8Array): Promise<PdfText> {
  const doc = await openPdf(bytes);
  try {
    const pages: PdfText['pages'] = [];
    const all: TextLine[][] = [];
    const annotations: PdfText['annotations'] = [];
    const drawn: number[] = [];
    const rows: boolean[] = [];
    const cutOff: TextLine[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content: PageContent = await readPage(doc, n);
      drawn.push(glyphShapes(content));
      rows.push(drawnRow(content));
      for (const text of content.annotations) annotations.push({ page: n, text });
      const lines = pageLines(content);
      all.push(lines);
      // Text never touches the sheet's edge: a line reaching it ran past it (Chromium leaves out
      // the glyphs wholly outside the page, so no clip shows the cut).
      const atEdge = lines.filter((l) => !l.image && l.box.x1 > content.width - 1).map((l) => l.base ?? l.box.y0);
      for (const y of [...(content.cutOff ?? []), ...atEdge, ...clippedDisplays(lines, content)]) {
        const l = lineAt(lines, y);
        if (l && !cutOff.includes(l)) cutOff.push(l);
        if (l) l.cut = true;
      }
      pages.push({ number: n, width: content.width, height: content.height, lines: lines.length, images: content.images });
    }
    const kept = dropRunningLines(all, pages);
    const textless = pages.filter((p, i) => !kept[i]!.some((l) => !l.image && l.text.replace(/\W/g, '').length > 0) && (p.images > 0 || all[i]!.every((l) => l.image))).map((p) => p.number);
    // Once a page shows that the document draws its formulas, a page with a few such shapes has a formula too.
    const draws = drawn.some((n) => n >= PATH_DRAWN);
    // A page with only a formula or two drawn so still has one: glyph shapes set side by side as a formula's are.
    const pathDrawn = pages.map((p) => p.number).filter((n) => ((draws && drawn[n - 1]! >= 3) || rows[n - 1]) && !textless.includes(n));
    return { pages, lines: mendTables(kept.flat()), textless, pathDrawn, annotations, cutOff };
  } finally {
    await doc.destroy();
  }
}

/**
 * Displays a clip cut between two glyphs (see `PageContent.atClipEdge`): the formula alone on its
 * line, its last glyph near the clip's right edge, and either flush with the clip's left edge (a
 * box scrolling it sideways), standing on the right edge, or ending at it mid-expression, as no
 * display that fits its column ends, in a clip that holds the whole line: the baselines of their cut runs. A
 * display's tag is set flush with the column's right edge on purpose (Qwen's `\tag{1}`).
 */
function clippedDisplays(lines: TextLine[], content: PageContent): number[] {
  return (content.atClipEdge ?? [])
    .filter((e) => {
      const l = lineAt(lines, e.y);
      if (!l?.display || l.image || /\\tag\*?\{[^{}]*\}\s*\$*$/.test(l.text)) return false;
      if (e.from > l.box.x0 + 0.5 * l.size || Math.abs(l.box.x1 - e.end) >= 1) return false;
      const gap = e.to - e.end;
      // A display a box scrolls sideways starts at the box's left edge, where one that fits is
      // centred: cut wherever it stops near the right edge, however wide the space the glyph left
      // out followed (`\qquad`, an operator's).
      if (l.box.x0 - e.from < 0.3 * l.size) return true;
      return e.reaches || (gap < 0.5 * l.size && endsMidExpression(l.text));
    })
    .map((e) => e.y);
}

/**
 * A formula that stops where it cannot end: on a binary operator, a relation or a comma, or with
 * a bracket, a `\left`, an environment or a group left open.
 */
function endsMidExpression(text: string): boolean {
  const tex = text.replace(/^\$\$|\$\$$/g, '').trim();
  if (/(?:[+\-−=<>,([{]|\\(?:cdot|times|pm|mp|le|leq|ge|geq|ne|neq|approx|sim|equiv|to|in|subset|subseteq|Rightarrow|implies|left[([.|]?|frac|sqrt))$/.test(tex)) return true;
  const count = (re: RegExp) => (tex.match(re) ?? []).length;
  return count(/\\left(?![a-zA-Z])/g) > count(/\\right(?![a-zA-Z])/g) || count(/\\begin\{/g) > count(/\\end\{/g) || count(/(?<!\\)\{/g) > count(/(?<!\\)\}/g);
}

/** The line whose box holds height `y` (a frame's edge stands a little outside its text), the nearest one. */
function lineAt(lines: TextLine[], y: number): TextLine | undefined {
  const gap = (l: TextLine) => Math.max(0, l.box.y0 - y, y - l.box.y1);
  const near = lines.filter((l) => gap(l) < 0.8 * l.size).sort((a, b) => gap(a) - gap(b));
  return near[0];
}

/**
 * Glyph-sized shapes drawn with paths, counted once per place (MathJax's SVG output fills and
 * strokes each glyph), list bullets aside. Chat exports draw a few: radicals, tall brackets, icons (at most 15 a page
 * in the real ones); a page of formulas set as SVG draws dozens.
 */
function glyphShapes(page: PageContent): number {
  const seen = new Set<string>();
  for (const s of page.shapes) {
    const [w, h] = [s.x1 - s.x0, s.y1 - s.y0];
    if (!s.rule && !isDisc(s) && h > 1.5 && h < 30 && w > 0.3 && w < 30) seen.add([s.x0, s.y0, s.x1, s.y1].map(Math.round).join());
  }
  return seen.size;
}

/**
 * A row of glyph-sized outlines set as a formula's glyphs are (each close to the next, on one
 * line, no text on them): a formula drawn as paths, even where the page has no other. Icons stand
 * apart (a reply's copy and rating buttons), a radical or a tall bracket alone.
 */
function drawnRow(page: PageContent): boolean {
  const seen = new Map<string, PageContent['shapes'][number]>();
  for (const s of page.shapes) {
    const [w, h] = [s.x1 - s.x0, s.y1 - s.y0];
    if (s.complex && !s.rule && !isDisc(s) && h > 1.5 && h < 30 && w > 0.3 && w < 30) seen.set([s.x0, s.y0, s.x1, s.y1].map(Math.round).join(), s);
  }
  const texted = (s: PageContent['shapes'][number]) => page.glyphs.some((g) => g.x < s.x1 && g.x + g.w > s.x0 && g.y < s.y1 && g.y + 0.7 * g.size > s.y0);
  const shapes = [...seen.values()].filter((s) => !texted(s)).sort((a, b) => a.x0 - b.x0);
  const used = new Set<PageContent['shapes'][number]>();
  for (const first of shapes) {
    if (used.has(first)) continue;
    const row = [first];
    for (const s of shapes) {
      const last = row[row.length - 1]!;
      const h = Math.max(last.y1 - last.y0, s.y1 - s.y0);
      // Scripts stand a little off the line: the row's shapes overlap its band.
      if (s.x0 > last.x0 && s.x0 - last.x1 < 0.5 * h && s.y0 < first.y1 + 0.5 * h && s.y1 > first.y0 - 0.5 * h) row.push(s);
    }
    for (const s of row) used.add(s);
    if (row.length >= DRAWN_ROW) return true;
  }
  return false;
}

/** Glyph outlines in a row that make a formula (`x^2+1` is four). */
const DRAWN_ROW = 4;

/** So many glyph-sized shapes on a page that its formulas are drawn, not written. */
const PATH_DRAWN = 24;

/** The cells of a Markdown table row. */
const cellsOf = (text: string) => text.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
const RULE_ROW = /^\|(?:\s*---\s*\|)+$/;

/**
 * A table the page broke: Chromium prints its rest on the next page under the header row again
 * (read as a row, or as the header's words on a line), and each page's reading starts a table
 * there. When nothing but that stands between the last row on one page and the first on the
 * next, the rows go on in the table above: the repeated header and the new rule are dropped.
 */
function mendTables(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let header: string[] | undefined;
  // The last row of the current table: its page, and where it stands in `out`.
  let last: { page: number; at: number } | undefined;
  const skip = new Set<number>();
  const repeated = (l: TextLine) => !!header && !!last && l.page > last.page && l.text.replace(/\s+/g, ' ').trim() === header.join(' ');
  lines.forEach((l, i) => {
    if (skip.has(i)) return;
    const next = lines[i + 1];
    const rule = l.table && RULE_ROW.test(l.text);
    if (l.table && !rule && next?.table && RULE_ROW.test(next.text) && header && last && l.page > last.page && cellsOf(next.text).length === header.length) {
      // The rows go on: the header's words between and the new rule go, and a repeated header row.
      out.splice(last.at + 1);
      if (cellsOf(l.text).join('|') !== header.join('|')) out.push(l);
      skip.add(i + 1);
    } else {
      if (rule) header = cellsOf(out[out.length - 1]?.text ?? '');
      out.push(l);
      // Any other line ends the table, but the header's words repeated at the next page's top.
      if (!l.table && !repeated(l)) [header, last] = [undefined, undefined];
    }
    if (l.table && header) last = { page: l.page, at: out.length - 1 };
  });
  return out;
}

const exact = (l: TextLine) => `${Math.round(l.box.y0 / 4)}=${l.text.trim()}`;
/** A running line's identity: its text with numbers blanked, and where it stands (headers do not move). */
const shapeOf = (l: TextLine) => `${Math.round(l.box.y0 / 4)}|${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;

/**
 * Headers and footers: lines near the top or bottom edge that repeat (digits aside) on most
 * pages, page numbers ("3 / 19", "Page 3"), exporters' credits and the printing browser's
 * date / title / URL lines.
 */
function dropRunningLines(all: TextLine[][], pages: PdfText['pages']): TextLine[][] {
  const counts = new Map<string, number>();
  all.forEach((lines, i) => {
    const h = pages[i]!.height;
    const seen = new Set<string>();
    for (const l of lines) if (l.box.y0 > 0.9 * h || l.box.y1 < 0.1 * h) seen.add(shapeOf(l)).add(exact(l));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const threshold = Math.max(2, Math.ceil(all.length * 0.5));
  // Page counters ("3 / 19") differ only in numbers, but stand on nearly every page.
  const counted = Math.max(3, Math.ceil(all.length * 0.8));
  return all.map((lines, i) => {
    const h = pages[i]!.height;
    // pdflatex's page number: a lone number centred under everything else, a little above the
    // edge band (a one-page document has no repeats to find it by).
    const lowest = lines.reduce<TextLine | undefined>((a, l) => (!a || l.box.y0 < a.box.y0 ? l : a), undefined);
    const folio = lowest && isFolio(lowest, lines, pages[i]!) ? lowest : undefined;
    return lines.filter((l) => {
      if (l === folio) return false;
      const edge = l.box.y0 > 0.9 * h || l.box.y1 < 0.1 * h;
      if (!edge) return true;
      const t = l.text.trim();
      if ((counts.get(exact(l)) ?? 0) >= threshold || (counts.get(shapeOf(l)) ?? 0) >= counted) return false;
      if (/^(?:page\s*)?\d+\s*(?:\/|of)\s*\d+$|^(?:page\s*)?\d+$/i.test(t)) return false;
      // The browser's date line has minutes only; a message's stamp with seconds (Claude Exporter's
      // "10/13/2025, 12:47:48 PM") closes a message, even at a page's foot.
      // The browser's URL line carries the page counter on a one-page print ("https://... 1/1").
      if (/Powered by .*Exporter|^https?:\/\/\S+(?:\s+\d+\s*\/\s*\d+)?$|^\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?!:\d{2})/i.test(t)) return false;
      return true;
    });
  });
}

/**
 * pdflatex's page number: a lone number centred at the page's foot. Centred and upright, it reads
 * as a display formula (`$$1$$`, as a centred `7840` does); then it must also be the page's own
 * number and stand apart from the text, so an answer displayed last on a page without page
 * numbers stays.
 */
function isFolio(l: TextLine, lines: TextLine[], page: PdfText['pages'][number]): boolean {
  const { width: w, height: h } = page;
  if (l.box.y1 >= 0.2 * h || Math.abs((l.box.x0 + l.box.x1) / 2 - w / 2) >= 0.05 * w) return false;
  const t = l.text.trim();
  if (/^\d{1,4}$/.test(t)) return true;
  const shown = /^\$\$(\d{1,4})\$\$$/.exec(t)?.[1];
  if (shown === undefined || Number(shown) !== page.number) return false;
  const above = lines.filter((o) => o !== l && o.box.y0 > l.box.y0).reduce((a, o) => Math.min(a, o.box.y0), Infinity);
  return above - l.box.y1 > 1.5 * l.size;
}

/** Whether the last formula of a line is unfinished: an operator at its end, or a bracket left open. */
function continues(line: string): boolean {
  const m = /\$([^$]*)\$$/.exec(line);
  if (!m) return false;
  const tex = m[1]!.trim();
  const open = (tex.match(/[([{]/g) ?? []).length - (tex.match(/[)\]}]/g) ?? []).length;
  return open > 0 || /(?:[=+\-<>,(]|\\(?:le|ge|cdot|times|to|in|approx|sim|ne|iff|implies|Rightarrow))\s*$/.test(tex);
}

/**
 * A formula mended across a line break: the rest's closing bracket, which read alone it never
 * opened and so left outside (`d_{avg} \cdot C$)`), is the formula's again.
 */
function closeAcross(line: string): string {
  return line.replace(/\$([^$]*)\$([)\]]+)/g, (all, tex: string, closers: string) => {
    let t = tex;
    let rest = closers;
    const count = (re: RegExp) => (t.match(re) ?? []).length;
    while (rest && count(/[([]/g) > count(/[)\]]/g)) {
      t += rest[0];
      rest = rest.slice(1);
    }
    return t === tex ? all : `$${t}$${rest}`;
  });
}

/** A display that opens on a relation: the rest of an equation. */
const RELATION_LEAD = /^\$\$\s*(?:=|<|>|\\(?:le|ge|leq|geq|approx|equiv|sim|propto|ne)(?![a-zA-Z]))/;

/** How many characters a line of Markdown + LaTeX shows (a command is one glyph, markup none). */
const shown = (s: string) => s.replace(/\\[a-zA-Z]+/g, 'x').replace(/[{}$^_\\\s]/g, '').length;

/**
 * A line that opens a list item or a labelled part: never the rest of the line above it. A table
 * row opens on one bar: two open a norm (`||dW||_2 <= ...`), which a column wraps like any word.
 */
const OPENS_ITEM = /^(?:[-•·*–]\s|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s|(?:[a-z]|\d{1,2})\.\s|\d{1,2}\.?[a-z]\)|#|\*\*|\|(?!\|))/i;

/**
 * A LaTeX source's structure as typed: a sectioning command, an item, a block environment's
 * `\begin` or `\end` (not a matrix's or a case list's, which a formula holds mid-line).
 */
const LATEX_STRUCTURE = /^\\(?:(?:sub){0,2}section\*?\{|item\b|(?:begin|end)\{(?!(?:[pbvVB]|small)?matrix\*?\}|cases\}|array\}|aligned\}|gathered\}|split\})[a-zA-Z]+\*?\})/;

/**
 * Whether a line opening in bold goes on the sentence of the line above (`... = 0 by independence,
 * so` / `**E[dw] = 0**.`): the line above ends with no stop, and the bold is no label (`**Answer:**`,
 * `**(b)**`, `**Step 2.**`, a bold word its colon follows), so the column wrapped an answer the
 * sentence closes on in bold. Whether it did is then the first word's fit (see `wrapped`).
 */
function boldGoingOn(prev: string, next: string): boolean {
  const bold = /^\*\*([^*]+)\*\*(.?)/.exec(next);
  if (!bold || /[.!?:;]\**$/.test(prev.trim()) || /^#|^\s*$/.test(prev)) return false;
  const [, words, after] = bold as unknown as [string, string, string];
  return !/[:.)]\s*$/.test(words) && after !== ':' && !/^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]|^(?:step|part|question|problem|answer|final|q\d)/i.test(words.trim());
}

/** A messaging app's stamp opening a message (`[10/3/25, 21:40:12] Dani:`): a message of its own, never a line's rest. */
const MESSAGE_STAMP = /^\[\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?\]/i;

/**
 * A line ending on a word no item ends on (`the SignSGD rate of part` / `(d) would be ...`, `as in`
 * / `(b)`): what opens the next line as a label would is the sentence's reference, wrapped.
 */
const REFERS_ON = /(?:^|\s)(?:parts?|questions?|problems?|steps?|eq\.|equations?|in|of|from|see|and|or|to|with|by|than|as|at|on|the|a|an)$/i;

/**
 * The edges of each page's text column, for the person's bubbles and the rest apart; none where
 * fewer than three lines reach the right one, or the column is narrow (a page of short lines has
 * no edge to wrap at).
 */
function columnEdges(lines: TextLine[], widths?: ReadonlyMap<number, number>): Map<string, { left: number; right: number }> {
  const edges = new Map<string, { left: number; right: number }>();
  const groups = new Map<string, TextLine[]>();
  // A line the page cut off ends at the page's edge, not the column's.
  for (const l of lines) if (!l.display && !l.mono && !l.table && !l.cut) groups.set(`${l.page}|${l.bubble}`, [...(groups.get(`${l.page}|${l.bubble}`) ?? []), l]);
  for (const [k, ls] of groups) {
    const right = Math.max(...ls.map((l) => l.box.x1));
    const left = Math.min(...ls.map((l) => l.box.x0));
    const size = ls.map((l) => l.size).sort((a, b) => a - b)[ls.length >> 1]!;
    // Three lines reaching the edge mark it; on a page of a few lines (a short reply), two.
    const reach = ls.length <= 8 ? 2 : 3;
    if (right - left >= 20 * size && ls.filter((l) => l.box.x1 > right - 2 * l.size).length >= reach) edges.set(k, { left, right });
    else {
      // A short page set justified (pdflatex) has its edge where two lines end to the point: a
      // ragged chat's lines do not.
      const justified = ls
        .map((l) => l.box.x1)
        .filter((x, i, xs) => x - left >= 20 * size && xs.some((y, j) => j !== i && Math.abs(x - y) < 0.3))
        .reduce((a, x) => Math.max(a, x), -Infinity);
      if (justified > -Infinity) edges.set(k, { left, right: justified });
      // Too few lines to show the edge (a short reply, long words wrapped early): an exporter
      // centres its column, so the edge mirrors the left one, when a line comes near it.
      const width = widths?.get(ls[0]!.page);
      const mirrored = width === undefined ? undefined : width - left;
      if (justified === -Infinity && mirrored !== undefined && !ls[0]!.bubble && mirrored >= right - 1 && mirrored - right < 2 * size && mirrored - left >= 20 * size)
        edges.set(k, { left, right: mirrored });
    }
  }
  return edges;
}

/** A line opening with one capitalised name and its colon (`POOL2:`, `Stride:`, `**FC-3**:`), as a list's entries do. */
const ENTRY = /^(?:\*\*)?\p{Lu}[\p{L}\d._-]*(?:\*\*)?:\s/u;

/** Round brackets opened and not closed in a line (negative: closed and not opened). */
const unclosed = (t: string) => (t.match(/\(/g) ?? []).length - (t.match(/\)/g) ?? []).length;

/**
 * Whether `next` is the rest of `prev`'s paragraph, wrapped at the column's edge: its first word
 * would not have fitted after `prev` (so the break was the page's, not the writer's). A chat
 * wrote the paragraph on one line, and the readers after this one read labels and headings by
 * lines as the chat wrote them.
 */
function wrapped(
  prev: TextLine,
  next: TextLine,
  edges: Map<string, { left: number; right: number }>,
  numbered: ReadonlySet<number> = new Set(),
  hang?: TextLine,
  lettered: ReadonlySet<string> = new Set(),
): boolean {
  if (prev.page !== next.page || prev.bubble !== next.bubble || prev.display || prev.mono || next.mono || prev.table || next.table || prev.cut) return false;
  // A rule (a title's underline, a section's) is a line of its own, however far its symbols reach:
  // the page wraps one only when it is wider than the column, and then its rest is a rule too.
  if (isRuleLine(next.text) !== isRuleLine(prev.text)) return false;
  // A code fence opens or closes its line in Markdown (it means nothing mid-line), so a typed page's
  // fence is the writer's line: joined to the line above, a ```math display was read as words.
  if (/^(?:`{3,}|~{3,})/.test(next.text)) return false;
  // So is a LaTeX source's structure (a page of it typed, pasted or printed as code): joined to the
  // line above, a `\section*{Problem 1}` is lost in a comment and an `\end{enumerate}` in a sentence.
  if (next.text.charCodeAt(0) === 92 && LATEX_STRUCTURE.test(next.text)) return false;
  // An equation's number at the right margin ends its display: what follows is a new sentence.
  if (/\$[.,]?\s*\(\d{1,3}[a-z]?\)$/.test(prev.text)) return false;
  // A heading (bold throughout, opening as a title does) after a line of the text face starts its
  // own paragraph, however full that line: a title the column wrapped goes on from a bold line.
  if (next.titleAt === 0 && prev.titleAt === undefined && /^[\p{Lu}\d(]/u.test(next.text)) return false;
  // Sizes differ by a formula's larger font (KaTeX's 1.1 em), never by a heading's.
  const [ps, ns] = [prev.proseSize ?? prev.size, next.proseSize ?? next.size];
  // The rest of a bold title the line above opened is no new item, though it may start bold.
  const rest = prev.titleAt !== undefined && next.titleRest ? next.text.replace(/^\*\*/, '') : next.text;
  // A number the column wrapped with its stop (`in row` / `6. g3`) is no item when no item before
  // it was numbered one less: a list counts up from its first item.
  const number = Number(/^(\d{1,2})\.\s/.exec(rest)?.[1] ?? Number.NaN);
  // Nor is one that stands where the text of the item above starts (`... = 1/√d_in <` / `1. Multiply
  // ...`): the list's next label stands left of it, under the others, a list nested in it further right.
  const underText = !!hang?.textAt && hang.page === next.page && hang.bubble === next.bubble && Math.abs(next.box.x0 - hang.textAt) < 0.5 * next.size;
  // So with letters (`1/(1 -` / `p) in training`): a list's letters count up from `a` (or `i`).
  const letter = /^([a-z])\)\s/.exec(rest)?.[1];
  const roman = (letter === 'v' && lettered.has('iv')) || (letter === 'x' && lettered.has('ix'));
  const strayLetter = !!letter && !'ai'.includes(letter) && !roman && !lettered.has(String.fromCharCode(letter.charCodeAt(0) - 1));
  // A first item opening where a sentence is cut off mid-way (`... has norm` / `1. What should`)
  // is that sentence's number the column wrapped: a list is introduced by a sentence that ends
  // (on a stop or a colon), and whether the column wrapped it is the edge's to say.
  const midSentence = number === 1 && /[\p{L}\d]$/u.test(prev.text);
  const stray = (number >= 2 && !numbered.has(number - 1)) || (number >= 0 && underText) || strayLetter || midSentence;
  // A label's closing bracket that closes the bracket the line above left open (`... (a vertical
  // line in column` / `2) moved right ...`) is that bracket's rest, not an item: whether the column
  // wrapped it is the edge's to say (a short line above and an item under it stay apart).
  // So is a dash that opens a line closing such a bracket (`... = (2^7` / `- 1)(1/2)^n`): a formula's
  // minus the page broke before, not a list's bullet.
  const closesOpen = (/^(?:\d{1,2}|[a-z])\)\s/i.test(rest) || (/^[-–]\s/.test(rest) && unclosed(rest) < 0)) && unclosed(prev.text) > 0;
  // A quote typed with its marker (`> ... Evaluate y for:` / `i. stride, pad = 1, 1`): each line
  // typed in it opens with the marker, so a label opening a line without it is the quoted line's
  // rest, when the column wrapped it.
  const quoteRest = /^>\s/.test(prev.text) && !/^>/.test(rest);
  if (
    (!next.display && Math.abs(ps - ns) > 0.2 * Math.min(ps, ns)) ||
    (OPENS_ITEM.test(rest) && !(/^\(/.test(rest) && REFERS_ON.test(prev.text)) && !stray && !closesOpen && !quoteRest && !boldGoingOn(prev.text, rest)) ||
    MESSAGE_STAMP.test(next.text) ||
    next.box.y1 > prev.box.y0 + 0.5 * prev.size
  )
    return false;
  // A bracket the line left open is closed on the next (`√(d_in` / `d_out) = 1/√d_in`): the page
  // broke a formula written as text, however short the reply (too short to show its column's edge).
  if (!prev.display && !next.display && !closesOpen && unclosed(prev.text) > 0 && unclosed(next.text) < 0 && next.box.x0 < prev.box.x0 + 4 * next.size) return true;
  const edge = edges.get(`${prev.page}|${prev.bubble}`);
  // The rest of a wrapped line starts at the column's left edge: an indented line opens a
  // paragraph (pdflatex). In a list the item's text hangs: its rest starts under the item's first
  // word, right of the label, and every further line at that same indent.
  const hangs = OPENS_ITEM.test(prev.text)
    ? next.box.x0 > prev.box.x0 + 0.5 * next.size && next.box.x0 < prev.box.x0 + 4 * next.size
    : !!edge && prev.box.x0 > edge.left + 0.5 * next.size && Math.abs(next.box.x0 - prev.box.x0) < 0.3 * next.size;
  if (!edge || (next.box.x0 > edge.left + 0.5 * next.size && !hangs)) return false;
  // A formula alone on the line is a display when set apart (centred); flush with the column, or
  // under a list item's text, and narrow, it is an inline formula the line had no room for. So is
  // a wide one flush with the column that falls short of its right edge (MathJax never breaks an
  // inline formula: it moves whole to the next line), since a display that narrow is centred.
  const short = next.box.x1 < edge.right - 3 * next.size && Math.abs(next.box.x0 - edge.left) < 0.5 * next.size;
  if (next.display && next.box.x1 - next.box.x0 > 0.6 * (edge.right - edge.left) && !short) return false;
  const right = edge.right;
  const first = next.display ? next.text : (/^\$[^$]*\$|^\S+/.exec(next.text)?.[0] ?? '');
  const perChar = (next.box.x1 - next.box.x0) / Math.max(1, shown(next.text));
  return prev.box.x1 + 0.25 * prev.size + (next.lead ?? shown(first) * perChar) > right - 0.5 * prev.size;
}

/** A line of code that stops inside an expression: on an operator, a comma or a `&`, a big operator's limits, or a bracket left open. */
function endsOpen(line: string): boolean {
  const t = line.trimEnd();
  if (/[=+\-*/,&([{<]$|\\(?:cdot|times|leftarrow|to|le|ge|approx|(?:sum|prod|int)(?:_\{[^{}]*\}|_\w)?(?:\^\{[^{}]*\}|\^\w)?)$/.test(t)) return true;
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  return count(/[([{]/g) > count(/[)\]}]/g);
}

/**
 * Whether code line `next` is the rest of `prev`, wrapped by its box: `next` starts at the box's
 * text edge, right below, and its first word (to a space, or through a hyphen) would not have
 * fitted after `prev` before the box's right edge. Monospaced, every character is as wide.
 */
function codeWrapped(prev: TextLine, next: TextLine): boolean {
  if (!prev.mono || !next.mono || prev.codeRight === undefined || prev.page !== next.page || prev.cut) return false;
  if (next.box.y1 > prev.box.y0 + 0.5 * prev.size || prev.box.y0 - next.box.y1 > prev.size) return false;
  const char = (prev.box.x1 - prev.box.x0) / Math.max(1, prev.text.trim().length);
  // The rest starts where the box's text starts: never indented as code's own lines may be.
  if (next.box.x0 > prev.box.x0 + 0.5 * char && next.box.x0 > Math.min(prev.box.x0, next.box.x0) + 0.5 * char) return false;
  // Where the box broke matters: a line the writer ended after a hyphen within a word (`j+l-` /
  // `1},`) is rare, so its next word not fitting is enough; at a space the line must be full to
  // within a character or two, since a line the writer ended just short of the edge before a long
  // word is as likely as a wrapped one.
  const hyphen = /[^\s-]-$/.test(prev.text) && /^\S/.test(next.text);
  // Unless the line stops where no expression ends (on an operator, a comma, a `&`, a sum's
  // limits, with a bracket open): no writer ends a line there and starts the next at the margin.
  if (!hyphen && prev.box.x1 < prev.codeRight - 1.5 * char && !endsOpen(prev.text)) return false;
  const first = /^\S*?(?:-|(?=\s)|$)/.exec(next.text)?.[0] ?? next.text;
  // A break at a space leaves the space at the line's end, unseen.
  return prev.box.x1 + ((hyphen ? 0 : 1) + first.length) * char > prev.codeRight - 0.2 * char;
}

/**
 * What a code block's layout says of its lines, which the text of each line alone does not: how
 * far each is indented (in characters, from the block's least indented line), and which follow a
 * blank line (a gap of a line or more above them, where the block's lines otherwise stand a line
 * step apart). Python's blocks are their indentation; a blank line parts a script's functions.
 */
function codeRuns(lines: readonly TextLine[]): { indent: Map<number, number>; blankAbove: Set<number> } {
  const indent = new Map<number, number>();
  const blankAbove = new Set<number>();
  for (let start = 0; start < lines.length; ) {
    if (!lines[start]!.mono) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < lines.length && lines[end + 1]!.mono) end++;
    const run = lines.slice(start, end + 1);
    const left = Math.min(...run.map((l) => l.box.x0));
    const chars = run.flatMap((l) => (l.char ? [l.char] : [])).sort((a, b) => a - b);
    const char = chars[chars.length >> 1];
    // Indentation is whole characters: less than three quarters of one is the box's own offset.
    if (char) run.forEach((l, k) => indent.set(start + k, Math.floor((l.box.x0 - left) / char + 0.25)));
    const steps = run.slice(1).map((l, k) => (l.page === run[k]!.page ? run[k]!.box.y0 - l.box.y0 : 0));
    const step = Math.min(...steps.filter((d) => d > 0.8 * run[0]!.size));
    steps.forEach((d, k) => Number.isFinite(step) && d > 1.6 * step && blankAbove.add(start + k + 1));
    start = end + 1;
  }
  return { indent, blankAbove };
}

/**
 * The lines joined into Markdown: paragraphs split at wide gaps and page turns, lines the page
 * wrapped joined again, code fenced. `lineOf` and `lastOf` give each Markdown line's first and
 * last source line.
 */
export function linesToMarkdown(
  lines: TextLine[],
  widths?: ReadonlyMap<number, number>,
  /** The document's line steps (`lineSteps`), when `lines` are one message of it. */
  steps: LineSteps = lineSteps(lines),
): { text: string; lineOf: (number | undefined)[]; lastOf: (number | undefined)[] } {
  const out: string[] = [];
  const lineOf: (number | undefined)[] = [];
  const lastOf: (number | undefined)[] = [];
  const edges = columnEdges(lines, widths);
  const push = (s: string, src?: number) => {
    // One blank line between paragraphs (line numbers must stay those of `lineOf`).
    if (!s && (!out.length || out[out.length - 1] === '')) return;
    out.push(s);
    lineOf.push(src);
    lastOf.push(src);
  };
  let inCode = false;
  // The numbers that opened the lines so far as a numbered item's do.
  const numbered = new Set<number>();
  // The last line that opened a numbered item: its lines the column wrapped stand under its text.
  let hang: TextLine | undefined;
  // The letters (and roman numerals) that opened lines so far as an item's label does (`b)`, `(iv)`).
  const lettered = new Set<string>();
  // Where the last Markdown line's bold title starts, when it runs to the line's end unfinished.
  let openTitle: number | undefined;
  // Lines bold from a point to their end that no line goes on: headings (`**Runtime of each
  // iteration**`), written bold as the chat wrote them, since a reply's headings name its parts.
  const headings = new Map<number, number>();
  // Where the document's line step does not measure a pair (a heading, a display, text of another
  // size), a paragraph break is a step clearly wider than the message's usual one.
  const own = lines
    .slice(1)
    .map((l, i) => (l.page === lines[i]!.page ? lines[i]!.box.y0 + 0.25 * lines[i]!.size - (l.box.y0 + 0.25 * l.size) : 0))
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const usual = own[Math.floor(own.length / 3)] ?? 14;
  const code = codeRuns(lines);
  lines.forEach((l, i) => {
    const title = openTitle;
    openTitle = undefined;
    const prev = lines[i - 1];
    const step = prev && prev.page === l.page ? prev.box.y0 + 0.25 * prev.size - (l.box.y0 + 0.25 * l.size) : 0;
    // A table's rows stand one under the other, however tall their padding makes them.
    // An inline formula the line had no room for is alone on the next line, but not a display.
    const rest = !!prev && l.display && !prev.display && wrapped(prev, l, edges, numbered, hang, lettered);
    // A posted picture is a paragraph of its own. A display is one on a page's top too, after the
    // sentence at the foot of the page before (the page turn shows no gap).
    const newPara =
      prev &&
      (prev.page === l.page
        ? (paragraphGap(prev, l, steps) ?? (headingGap(prev, l, steps) || step > 1.3 * usual)) || (l.display !== prev.display && !rest) || !!l.table !== !!prev.table || !!l.image || !!prev.image
        : l.display !== prev.display || sizesApart(prev, l)) &&
      !(l.table && prev.table);
    if (l.mono && !inCode) {
      if (out.length) push('');
      push('```');
      inCode = true;
    } else if (!l.mono && inCode) {
      push('```');
      push('');
      inCode = false;
    } else if (inCode && prev && code.blankAbove.has(i)) {
      // A blank line the writer left in the code (between two functions) is printed as a gap.
      push('');
    } else if (inCode && prev && !code.indent.get(i) && codeWrapped(prev, l) && out.length) {
      // A code line the box wrapped (at a space, or after a hyphen) is one line again. The box
      // starts its rest at its edge: an indented line (a list's next row) is the writer's own.
      const last = out[out.length - 1]!;
      out[out.length - 1] = /[^\s-]-$/.test(last) && /^\S/.test(l.text) ? `${last}${l.text}` : `${last} ${l.text}`;
      lastOf[out.length - 1] = i;
      return;
    } else {
      // A formula the line broke (it ends on an operator or an open bracket) goes on in the next
      // line, even when a tall formula there widened the step.
      const last = out[out.length - 1];
      // A line that is all formula right below (at the usual step) is that formula's rest, not a display.
      const rest = !l.display || step < 1.3 * usual;
      if (!inCode && prev?.page === l.page && step < 2.2 * usual && last && !prev.display && rest && /\$$/.test(last) && /^\$/.test(l.text) && continues(last)) {
        out[out.length - 1] = closeAcross(`${last.slice(0, -1)} ${l.display ? l.text.slice(2, -1) : l.text.slice(1)}${l.stop ?? ''}`);
        return;
      }
      // A formula that ends on `=` goes on in the display right below it (Gemini's `2 \cdot F =`
      // over a tall matrix): the equation's right side, however tall.
      if (!inCode && prev?.page === l.page && /^\$/.test(l.text) && last && step < 4 * usual && /(?:[=+]|\\approx|\\le|\\ge)\s*\$+$/.test(last)) {
        const head = /\$\$$/.test(last) ? last.slice(0, -2) : last.slice(0, -1);
        const tail = l.display ? l.text.slice(2, -2) : l.text.slice(1);
        out[out.length - 1] = `${head.trimEnd()} ${tail}${l.display ? (/\$\$$/.test(last) ? '$$' : '$') : ''}${l.display && !/\$\$$/.test(last) ? (l.stop ?? '') : ''}`;
        return;
      }
      // A display that opens on its relation right below another (`align`'s `&= ...` rows) goes on
      // that equation: its last right side is the answer, the rows are one chain of equalities.
      if (!inCode && prev?.page === l.page && l.display && prev.display && last && /\$\$$/.test(last) && step < 4 * usual && RELATION_LEAD.test(l.text)) {
        out[out.length - 1] = `${last.slice(0, -2).trimEnd()} ${l.text.slice(2)}`;
        lastOf[out.length - 1] = i;
        return;
      }
      if (newPara && !inCode) push('');
      // A line that opens with a name and its colon as the line it would go on did (`POOL2: 0
      // params ...` / `CONV3-10: ...`) is the next entry of a list the writer set a line apart.
      const entry = ENTRY.test(l.text) && ENTRY.test(last ?? '');
      if (!newPara && !entry && prev && last && lineOf[out.length - 1] !== undefined && wrapped(prev, l, edges, numbered, hang, lettered)) {
        headings.delete(out.length - 1);
        // A word the page hyphenated is one word again (a compound keeps its hyphen).
        const text = l.display ? `${l.text.slice(1, -1)}${l.stop ?? ''}` : l.text;
        // So is inline code the line broke (`sigma_x**2` / `* sigma_g**2`): one span, as written.
        // A rule the page broke (it has no space to break at) is one rule again.
        const glued = (/[a-z]-$/.test(last) && /^[a-z]/.test(text)) || (isRuleLine(last) && isRuleLine(text));
        const joined = glued ? `${last}${text}` : `${last} ${text}`;
        out[out.length - 1] = /`$/.test(last) && /^`/.test(text) ? `${last.slice(0, -1)} ${text.slice(1)}` : joined;
        lastOf[out.length - 1] = i;
        if (title !== undefined && l.titleRest) {
          // A bold title the column wrapped is one title again: `**Weights ... of the convolutional layer.**`.
          const rest = text.startsWith(`**${l.titleRest}**`) ? text.slice(l.titleRest.length + 4) : text.slice(l.titleRest.length);
          out[out.length - 1] = `${last.slice(0, title)}**${last.slice(title)} ${l.titleRest}**${rest}`;
        } else if (title !== undefined && l.titleAt !== 0 && /[.:)]$/.test(last))
          // The title filled its line; its text goes on in the next.
          out[out.length - 1] = `${last.slice(0, title)}**${last.slice(title)}** ${text}`;
        // A title bold throughout the line goes on, still open, to the next.
        if (title !== undefined && l.titleAt === 0) {
          openTitle = title;
          headings.set(out.length - 1, title);
        }
        return;
      }
    }
    push(inCode ? `${' '.repeat(code.indent.get(i) ?? 0)}${l.text}` : l.text, i);
    const item = /^(\d{1,2})\.\s/.exec(l.text);
    if (item) numbered.add(Number(item[1]));
    if (item && l.textAt !== undefined) hang = l;
    const label = /^\(?([a-z]|[ivx]{1,4})[.)]\s/i.exec(l.text);
    if (label) lettered.add(label[1]!.toLowerCase());
    // A title starts as a title does: bold words going on from the line above do not (they open in
    // lower case or on a stop). A bold line opening on a formula's sign (`||ΔW||_2 ≤ ...` at a
    // page's top) is an answer set apart in bold.
    if (l.titleAt !== undefined && (/^[\p{Lu}\d(]/u.test(l.text.slice(l.titleAt)) || /^(?:\|\||[‖√∑∏∂∇])/u.test(l.text.slice(l.titleAt)))) {
      openTitle = l.titleAt;
      headings.set(out.length - 1, l.titleAt);
    }
  });
  for (const [k, at] of headings) if (!out[k]!.includes('**')) out[k] = `${out[k]!.slice(0, at)}**${out[k]!.slice(at)}**`;
  if (inCode) push('```');
  return { text: out.join('\n'), lineOf, lastOf };
}
