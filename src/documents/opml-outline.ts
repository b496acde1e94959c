import { type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { elements, textOf } from './dom.js';
import { htmlAsText } from './html-text.js';

/**
 * An outliner's OPML export (Workflowy, Dynalist, OmniOutliner, Logseq, ...): the outline is nested
 * `<outline text="..." _note="...">` elements, each item's words in its `text` attribute and its note
 * (the paragraph the app shows under the item) in `_note`, with the item's own HTML escaped inside
 * the attribute (`&lt;b&gt;answer&lt;/b&gt;`). Read as written, the labels and answers are attribute
 * values no reader looks in; read as the app shows the outline, it is a nested Markdown list: each
 * item a bullet indented by its depth, its note an indented paragraph below it, its HTML rendered.
 * The app's own marks of an item (`_complete`, `_status`, colours) are no text of it.
 */

/** The cheap test: the document's root is `<opml>`, after an XML declaration and comments at most. */
const OPML_ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml\b/i;

/** An attribute's text as the app shows it: its HTML rendered (a no-break space a space), its line breaks kept. */
function shown(value: string | undefined): string[] {
  if (!value) return [];
  const text = htmlAsText(value.replace(/\r\n?/g, '\n'))
    .replace(/\u00a0/g, ' ')
    .trim();
  return text ? text.split('\n').map((l) => l.trimEnd()) : [];
}

/** The outline's items as Markdown lines, depth first (without recursion: an outline may nest deep). */
function outlineLines(top: Element[]): string[] {
  const out: string[] = [];
  const stack: [Element, number][] = top.map((el) => [el, 0] as [Element, number]).reverse();
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    const indent = '  '.repeat(depth);
    const [first = '', ...more] = shown(el.attribs.text);
    out.push(`${indent}- ${first}`, ...more.map((l) => (l ? `${indent}  ${l}` : '')));
    const note = shown(el.attribs._note);
    if (note.length) out.push('', ...note.map((l) => (l ? `${indent}  ${l}` : '')), '');
    const children = elements(el).filter((c) => c.name === 'outline');
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return out;
}

/** An OPML outline as a nested Markdown list under its title; any other text as it is. */
export function opmlAsMarkdown(text: string): string {
  if (!OPML_ROOT.test(text)) return text;
  const opml = parseDocument(text, { xmlMode: true, decodeEntities: true }).children.find((c): c is Element => isTag(c) && c.name.toLowerCase() === 'opml');
  if (!opml) return text;
  const part = (name: string) => elements(opml).find((c) => c.name.toLowerCase() === name);
  const title = part('head') && elements(part('head')!).find((c) => c.name === 'title');
  const titleText = title ? textOf(title).trim() : '';
  const body = part('body');
  const items = body ? outlineLines(elements(body).filter((c) => c.name === 'outline')) : [];
  return `${titleText ? `# ${titleText}\n\n` : ''}${items.join('\n')}\n`;
}
