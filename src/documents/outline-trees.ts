import { type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { elements, textOf } from './dom.js';
import { htmlAsText } from './html-text.js';

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
 */

/** The cheap test: the document's root is `<opml>` or a mind map's `<map>`, after an XML declaration and comments at most. */
const OUTLINE_ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:opml|map)\b/i;

/** An item as the app shows it: its lines, the paragraph under it, its child items. */
interface Item {
  lines: string[];
  note: string[];
  children: Element[];
}

/** HTML's text as the app shows it: its HTML rendered (a no-break space a space), its line breaks kept. */
function shown(value: string | undefined): string[] {
  if (!value) return [];
  const text = htmlAsText(value.replace(/\r\n?/g, '\n'))
    .replace(/\u00a0/g, ' ')
    .trim();
  return text ? text.split('\n').map((l) => l.trimEnd()) : [];
}

/** Plain text's lines, trimmed at their ends, blank lines at its ends dropped. */
function plainLines(value: string | undefined): string[] {
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

/** The tree's items as Markdown lines, depth first (without recursion: an outline may nest deep). */
function treeLines(top: Element[], itemOf: (el: Element) => Item): string[] {
  const out: string[] = [];
  const stack: [Element, number][] = top.map((el) => [el, 0] as [Element, number]).reverse();
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

/** An OPML outline or a Freeplane/FreeMind mind map as a nested Markdown list (under the outline's title); any other text as it is. */
export function outlineAsMarkdown(text: string): string {
  if (!OUTLINE_ROOT.test(text)) return text;
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: true, withStartIndices: true, withEndIndices: true });
  const root = doc.children.find((c): c is Element => isTag(c) && /^(?:opml|map)$/i.test(c.name));
  if (!root) return text;
  if (root.name.toLowerCase() === 'map') {
    const nodes = elements(root).filter((c) => c.name === 'node');
    return nodes.length ? `${treeLines(nodes, (el) => mindMapItem(el, text)).join('\n')}\n` : text;
  }
  const part = (name: string) => elements(root).find((c) => c.name.toLowerCase() === name);
  const title = part('head') && elements(part('head')!).find((c) => c.name === 'title');
  const titleText = title ? textOf(title).trim() : '';
  const body = part('body');
  const items = body
    ? treeLines(
        elements(body).filter((c) => c.name === 'outline'),
        opmlItem,
      )
    : [];
  return `${titleText ? `# ${titleText}\n\n` : ''}${items.join('\n')}\n`;
}
