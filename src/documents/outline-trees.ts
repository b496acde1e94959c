import { type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { elements, textOf } from './dom.js';
import { htmlAsText } from './html-text.js';
import { markdownTable } from './markdown-table.js';

/**
 * An outliner's or a mind map's export is the person's notes as a tree of items, each item's words
 * in an attribute no reader looks in. Read as the app shows the tree, it is a nested Markdown list:
 * each item a bullet indented by its depth (a part's label on an item, its answer in the items under
 * it), the paragraph the app shows under an item indented below it. What the app records of an item
 * for itself (ids, colours, icons, folding, positions, time stamps) is no text of it.
 * - OPML (Workflowy, Dynalist, OmniOutliner, Logseq, ...): nested `<outline text="..." _note="...">`,
 *   the item's own HTML escaped inside the attribute (`&lt;b&gt;answer&lt;/b&gt;`).
 * - Freeplane and FreeMind (`.mm`): nested `<node TEXT="...">` under `<map>`, the text plain, or HTML
 *   in a `<richcontent TYPE="NODE">`; the details and the note shown under it in `<richcontent
 *   TYPE="DETAILS">` and `TYPE="NOTE"` (HTML, or Markdown/plain in a `<text>`), the person's attributes
 *   in `<attribute NAME VALUE>`; a text typed as LaTeX starts with Freeplane's `\latex` switch.
 * - XMind 8 (`content.xml`): `<sheet>`s, each a `<topic>` tree, a topic's text in `<title>`, the note shown under
 *   it in `<notes><plain>`, its subtopics in `<children><topics type="attached">` (and the floating, callout
 *   and summary topics beside them); a sheet's `<title>` heads its tree. Markers and labels are the app's marks.
 * A hierarchical notebook (CherryTree's `.ctd`) is a tree of pages, not of items: each `<node name>` is
 * a page whose name the app shows as its title in the tree, and whose text is a document of its own.
 * Read as the app shows it, a page is a heading (its depth the heading's level) over its text.
 */

/** The cheap test: the document's root is `<opml>`, a mind map's `<map>` or `<xmap-content>`, or a notebook's `<cherrytree>`, after an XML declaration and comments at most. */
const OUTLINE_ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:opml|map|cherrytree|xmap-content)\b/i;

/** An item as the app shows it: its lines, the paragraph under it, its child items. */
export interface OutlineItem<Node> {
  lines: string[];
  note: string[];
  children: Node[];
}
type Item = OutlineItem<Element>;

/** HTML's text as the app shows it: its HTML rendered (a no-break space a space), its line breaks kept. */
function shown(value: string | undefined): string[] {
  if (!value) return [];
  const text = htmlAsText(value.replace(/\r\n?/g, '\n'))
    .replace(/\u00a0/g, ' ')
    .trim();
  return text ? text.split('\n').map((l) => l.trimEnd()) : [];
}

/** Plain text's lines, trimmed at their ends, blank lines at its ends dropped; a no-break space a space. */
export function plainLines(value: string | undefined): string[] {
  const text = (value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .trim();
  return text ? text.split('\n').map((l) => l.trimEnd()) : [];
}

/** An OPML item: `text` and `_note`, both HTML. */
function opmlItem(el: Element): Item {
  return { lines: shown(el.attribs.text), note: shown(el.attribs._note), children: elements(el).filter((c) => c.name === 'outline') };
}

/** Freeplane's switches that make a node's text LaTeX (`\latex $x^2$`): the switch is no word of it. */
const LATEX_SWITCH = /^\\(?:unparsed)?latex\s+/;

/**
 * A mind map's rich content as the app shows it: Markdown or plain text as written, HTML rendered
 * (its source's indenting and line breaks are no breaks: HTML's whitespace is one space).
 */
function richLines(el: Element, source: string): string[] {
  if (/^(?:plain|text)\//i.test(el.attribs['CONTENT-TYPE'] ?? '')) return plainLines(textOf(el));
  const html = elements(el).find((c) => c.name.toLowerCase() === 'html');
  const body = html ? (elements(html).find((c) => c.name.toLowerCase() === 'body') ?? html) : el;
  const first = body.children[0];
  const last = body.children[body.children.length - 1];
  if (!first || !last || first.startIndex == null || last.endIndex == null) return [];
  const inner = source.slice(first.startIndex, last.endIndex + 1).replace(/\s+/g, ' ');
  return shown(inner).map((l) => l.trim());
}

/** A Freeplane or FreeMind node: its text (or rich node content), its details, note and attributes as the paragraph under it. */
function mindMapItem(el: Element, source: string): Item {
  const rich = (type: string) => elements(el).filter((c) => c.name === 'richcontent' && (c.attribs.TYPE ?? '').toUpperCase() === type);
  const text = el.attribs.TEXT;
  const lines = text !== undefined ? plainLines(text.replace(LATEX_SWITCH, '')) : rich('NODE').flatMap((r) => richLines(r, source));
  const attributes = elements(el)
    .filter((c) => c.name === 'attribute' && (c.attribs.NAME ?? '').trim())
    .map((c) => `${c.attribs.NAME!.trim()}: ${(c.attribs.VALUE ?? '').trim()}`);
  const note = attributes;
  for (const r of [...rich('DETAILS'), ...rich('NOTE')]) {
    const paragraph = richLines(r, source);
    if (paragraph.length) note.push(...(note.length ? [''] : []), ...paragraph);
  }
  return { lines, note, children: elements(el).filter((c) => c.name === 'node') };
}

/** An element's first child element named `name`. */
const childNamed = (el: Element, name: string) => elements(el).find((c) => c.name === name);

/** An XMind 8 topic: its title, the plain text of its note, and its subtopics of every kind (attached first, as the app lists them). */
function xmindItem(el: Element): Item {
  const title = childNamed(el, 'title');
  const notes = childNamed(el, 'notes');
  const plain = notes && childNamed(notes, 'plain');
  const groups = elements(childNamed(el, 'children') ?? el).filter((c) => c.name === 'topics');
  groups.sort((a, b) => Number(b.attribs.type === 'attached') - Number(a.attribs.type === 'attached'));
  return { lines: plainLines(title && textOf(title)), note: plainLines(plain && textOf(plain)), children: groups.flatMap((g) => elements(g).filter((c) => c.name === 'topic')) };
}

/** An XMind 8 workbook's sheets, each its title as a heading over its topics as a nested list. */
function xmindAsMarkdown(root: Element): string {
  const out: string[] = [];
  for (const sheet of elements(root).filter((c) => c.name === 'sheet')) {
    const title = childNamed(sheet, 'title');
    const name = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
    if (name) out.push(`# ${name}`, '');
    out.push(
      ...outlineLines(
        elements(sheet).filter((c) => c.name === 'topic'),
        xmindItem,
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A tree's items as a nested Markdown list's lines, depth first (without recursion: an outline may nest deep). */
export function outlineLines<Node>(top: readonly Node[], itemOf: (node: Node) => OutlineItem<Node>): string[] {
  const out: string[] = [];
  const stack: [Node, number][] = top.map((el) => [el, 0] as [Node, number]).reverse();
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    const indent = '  '.repeat(depth);
    const item = itemOf(el);
    const [first = '', ...more] = item.lines;
    out.push(`${indent}- ${first}`, ...more.map((l) => (l ? `${indent}  ${l}` : '')));
    if (item.note.length) out.push('', ...item.note.map((l) => (l ? `${indent}  ${l}` : '')), '');
    for (let i = item.children.length - 1; i >= 0; i--) stack.push([item.children[i]!, depth + 1]);
  }
  return out;
}

/**
 * A run's words as Markdown: raised and lowered text is a formula's exponent and index (`σ` then a
 * raised `2` is `σ^2`), struck text is withdrawn; bold, a heading's size, colours, fonts and links
 * change no word (and a run's emphasis ends wherever its formatting does: mid-formula, `c = 1/√d`
 * bold then `in` lowered).
 */
function markedRun(run: Element): string {
  const text = textOf(run);
  const scale = (run.attribs.scale ?? '').toLowerCase();
  if (scale === 'sup' || scale === 'sub') {
    const raised = text.trim();
    if (!raised) return text;
    return `${scale === 'sup' ? '^' : '_'}${raised.length > 1 ? `{${raised}}` : raised}`;
  }
  if (!run.attribs.strikethrough) return text;
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)(\S(?:.*\S)?)(\s*)$/, '$1~~$2~~$3'))
    .join('\n');
}

/** A notebook's table as Markdown: CherryTree keeps the header row last, under the rows it heads. */
function notebookTable(table: Element): string {
  const rows = elements(table)
    .filter((r) => r.name === 'row')
    .map((r) =>
      elements(r)
        .filter((c) => c.name === 'cell')
        .map((c) =>
          textOf(c)
            .replace(/\s*\n\s*/g, ' ')
            .replace(/\|/g, '\\|')
            .trim(),
        ),
    );
  if (!rows.length) return '';
  return markdownTable([rows[rows.length - 1]!, ...rows.slice(0, -1)]);
}

/** A code box as a fenced block in its language. */
function notebookCode(box: Element): string {
  const lang = (box.attribs.syntax_highlighting ?? '').replace(/[^\w+-]/g, '');
  return `\`\`\`${lang === 'plain-text' ? '' : lang}\n${textOf(box).replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n\`\`\``;
}

/**
 * A notebook page's text as the app shows it: its runs one after another, and each object anchored
 * in it (a table, a code box; a picture shows no words) at its place. The app keeps the objects
 * after the runs, each with the offset it stands at in the page (in characters, counting as one
 * every object before it). Markdown shows no block inside a line: an object anchored within a line
 * stands after the line.
 */
function notebookPage(node: Element): string {
  let runs = '';
  const anchored: { offset: number; block: string }[] = [];
  for (const child of elements(node)) {
    if (child.name === 'rich_text') runs += markedRun(child);
    else if (child.name === 'table' || child.name === 'codebox' || /^encoded_/.test(child.name)) {
      const offset = Number.parseInt(child.attribs.char_offset ?? '', 10);
      const block = child.name === 'table' ? notebookTable(child) : child.name === 'codebox' ? notebookCode(child) : '';
      anchored.push({ offset: Number.isFinite(offset) ? offset : Number.POSITIVE_INFINITY, block });
    }
  }
  // (Offsets count characters, not UTF-16 units: a symbol beyond the Basic Plane is one.)
  const chars = Array.from(runs.replace(/\r\n?/g, '\n'));
  anchored.sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  anchored.forEach(({ offset, block }, k) => {
    let cut = Math.min(Math.max(at, offset - k), chars.length);
    if (cut > 0 && chars[cut - 1] !== '\n') while (cut < chars.length && chars[cut] !== '\n') cut++;
    parts.push(chars.slice(at, cut).join(''));
    at = cut;
    if (block) parts.push(`\n\n${block}\n\n`);
  });
  parts.push(chars.slice(at).join(''));
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n')
    .trim();
}

/** A notebook's pages depth first (without recursion: a tree may nest deep), each a heading over its text. */
function notebookAsMarkdown(root: Element): string {
  const out: string[] = [];
  const stack: [Element, number][] = elements(root)
    .filter((c) => c.name === 'node')
    .map((el) => [el, 1] as [Element, number])
    .reverse();
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const name = (node.attribs.name ?? '').replace(/\s+/g, ' ').trim();
    if (name) out.push(`${'#'.repeat(Math.min(depth, 6))} ${name}`, '');
    // (A page of code, its language set, is shown as code; `custom-colors` is rich text, `plain-text` plain.)
    const lang = (node.attribs.prog_lang ?? 'custom-colors').replace(/[^\w+-]/g, '');
    const page = notebookPage(node);
    if (page) out.push(lang === 'custom-colors' || lang === 'plain-text' || !lang ? page : `\`\`\`${lang}\n${page}\n\`\`\``, '');
    const children = elements(node).filter((c) => c.name === 'node');
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * An OPML outline, a Freeplane/FreeMind mind map or an XMind 8 workbook as a nested Markdown list (under the outline's
 * title, or each sheet's), a CherryTree notebook as its pages under their headings; any other text as it is.
 */
export function outlineAsMarkdown(text: string): string {
  if (!OUTLINE_ROOT.test(text)) return text;
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: true, withStartIndices: true, withEndIndices: true });
  const root = doc.children.find((c): c is Element => isTag(c) && /^(?:opml|map|cherrytree|xmap-content)$/i.test(c.name));
  if (!root) return text;
  if (root.name === 'cherrytree') return notebookAsMarkdown(root);
  if (root.name === 'xmap-content') return xmindAsMarkdown(root);
  if (root.name.toLowerCase() === 'map') {
    const nodes = elements(root).filter((c) => c.name === 'node');
    return nodes.length ? `${outlineLines(nodes, (el) => mindMapItem(el, text)).join('\n')}\n` : text;
  }
  const part = (name: string) => elements(root).find((c) => c.name.toLowerCase() === name);
  const title = part('head') && childNamed(part('head')!, 'title');
  const titleText = title ? textOf(title).trim() : '';
  const body = part('body');
  const items = body
    ? outlineLines(
        elements(body).filter((c) => c.name === 'outline'),
        opmlItem,
      )
    : [];
  return `${titleText ? `# ${titleText}\n\n` : ''}${items.join('\n')}\n`;
}
