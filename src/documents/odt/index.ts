/**
 * OpenDocument text (.odt, from LibreOffice Writer or pandoc, and its one-file Flat XML .fodt) read as the Markdown + LaTeX every
 * reader of the project takes, as the Word reader reads a .docx: formulas (embedded Math
 * objects, MathML) as LaTeX, inline as `$...$` and alone in a paragraph as `$$...$$`; the list
 * labels the document's list styles draw (`1.`, `(a)`, `i)`), which are not in its text, written
 * out; headings, bold runs and tables kept. Pictures and objects that are no formula are counted
 * in a warning.
 */
import { parseDocument } from 'htmlparser2';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { formatCounter } from '../counters.js';
import { markdownTable } from '../markdown-table.js';
import { elements, shallowest } from '../dom.js';
import { latexOf } from '../mathml.js';
import { OdtError, objectFolder, openFlatOdt, openOdt } from './package.js';
import { decodeText } from '../text-encoding.js';

export { OdtError } from './package.js';

/** An OpenDocument text read as Markdown + LaTeX, and what could not be read in it. */
export interface OdtText {
  text: string;
  /** One line each, naming the file. */
  warnings: string[];
}

interface LevelStyle {
  /** `1`, `a`, `A`, `i`, `I`, or empty for no number; undefined for a bullet. */
  format?: string;
  prefix: string;
  suffix: string;
  start: number;
}

/** OpenDocument's number formats (`style:num-format`), as the counter formats they print. */
const COUNTERS: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

function parse(xml: string): Element[] {
  return parseDocument(xml, { xmlMode: true }).children.filter(isTag);
}

/** MathML names without the `math:` prefix LibreOffice may give them. */
function unprefixed(el: Element): Element {
  const stack = [el];
  while (stack.length) {
    const n = stack.pop()!;
    n.name = n.name.replace(/^math:/, '');
    stack.push(...elements(n));
  }
  return el;
}

/** The document's list and text styles: which lists number how, which runs are bold. */
class Styles {
  readonly lists = new Map<string, Map<number, LevelStyle>>();
  readonly bold = new Set<string>();

  constructor(roots: Element[]) {
    const stack = [...roots];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.name === 'text:list-style') this.addList(n);
      else if (n.name === 'style:style') {
        const props = elements(n).find((c) => c.name === 'style:text-properties');
        if (props && /^(?:bold|[6-9]00)$/.test(props.attribs['fo:font-weight'] ?? '')) this.bold.add(n.attribs['style:name'] ?? '');
      } else stack.push(...elements(n));
    }
  }

  private addList(style: Element): void {
    const levels = new Map<number, LevelStyle>();
    for (const l of elements(style)) {
      const level = Number(l.attribs['text:level'] ?? 1);
      if (l.name === 'text:list-level-style-number') {
        levels.set(level, {
          format: l.attribs['style:num-format'] ?? '',
          prefix: l.attribs['style:num-prefix'] ?? '',
          suffix: l.attribs['style:num-suffix'] ?? '',
          start: Number(l.attribs['text:start-value'] ?? 1) || 1,
        });
      } else levels.set(level, { prefix: '', suffix: '', start: 1 });
    }
    this.lists.set(style.attribs['style:name'] ?? '', levels);
  }
}

/** The reader's state over one body: counters of lists that continue, what it could not read. */
class BodyReader {
  readonly unread = { pictures: 0, objects: 0 };
  /** The last number a top-level list of each style reached, for a list that continues it. */
  private readonly lastOfStyle = new Map<string, number>();
  private readonly lastById = new Map<string, { style: string; count: number }>();

  constructor(
    private readonly styles: Styles,
    private readonly objects: Map<string, string>,
  ) {}

  /** Blocks of Markdown, one per paragraph, heading, list item or table. */
  blocks(parent: Element, out: string[] = [], list?: { style: string; level: number }): string[] {
    for (const el of elements(parent)) {
      switch (el.name) {
        case 'text:h': {
          const level = Math.min(6, Number(el.attribs['text:outline-level'] ?? 1) || 1);
          out.push(`${'#'.repeat(level)} ${this.inline(el).replace(/\s+/g, ' ').trim()}`);
          break;
        }
        case 'text:p':
          out.push(this.paragraph(el));
          break;
        case 'text:list':
          this.list(el, out, list);
          break;
        case 'table:table':
          out.push(this.table(el));
          break;
        case 'text:section':
        case 'text:index-body':
        case 'office:text':
          this.blocks(el, out, list);
          break;
        default:
          break;
      }
    }
    return out;
  }

  private list(el: Element, out: string[], outer?: { style: string; level: number }): void {
    const style = el.attribs['text:style-name'] ?? outer?.style ?? '';
    const level = (outer?.level ?? 0) + 1;
    const format = this.styles.lists.get(style)?.get(level);
    const continued = el.attribs['text:continue-list'] ? this.lastById.get(el.attribs['text:continue-list']) : undefined;
    let n = (continued?.count ?? (el.attribs['text:continue-numbering'] === 'true' && level === 1 ? this.lastOfStyle.get(style) : undefined) ?? (format?.start ?? 1) - 1) + 1;
    for (const item of elements(el).filter((c) => c.name === 'text:list-item' || c.name === 'text:list-header')) {
      if (item.attribs['text:start-value']) n = Number(item.attribs['text:start-value']) || n;
      const label = item.name === 'text:list-item' && format ? this.label(format, n) : '';
      const before = out.length;
      this.blocks(item, out, { style, level });
      if (label && out.length > before) out[before] = `${label} ${out[before]}`;
      if (item.name === 'text:list-item') n++;
    }
    if (level === 1) this.lastOfStyle.set(style, n - 1);
    if (el.attribs['xml:id']) this.lastById.set(el.attribs['xml:id'], { style, count: n - 1 });
  }

  private label(format: LevelStyle, n: number): string {
    if (format.format === undefined) return '-';
    if (!format.format) return '';
    return `${format.prefix}${formatCounter(n, COUNTERS[format.format] ?? 'decimal')}${format.suffix}`;
  }

  private paragraph(p: Element): string {
    // A formula alone in its paragraph is a display.
    const parts = p.children.filter((c) => !(isText(c) && !c.data.trim()) && !(isTag(c) && /^text:(?:bookmark|soft-page-break)/.test(c.name)));
    const only = parts.length === 1 && isTag(parts[0]!) && parts[0].name === 'draw:frame' ? this.formula(parts[0]) : undefined;
    if (only) return `$$${only}$$`;
    return this.inline(p)
      .replace(/[ \t]+/g, ' ')
      .trim();
  }

  private table(t: Element): string {
    const rows: string[][] = [];
    const stack = [...elements(t)];
    while (stack.length) {
      const n = stack.shift()!;
      if (n.name === 'table:table-row') {
        rows.push(
          elements(n)
            .filter((c) => c.name === 'table:table-cell')
            .map((c) => this.blocks(c).join(' ').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()),
        );
      } else if (/^table:table-(?:header-rows|rows|row-group)$/.test(n.name)) stack.unshift(...elements(n));
    }
    return markdownTable(rows);
  }

  /** The LaTeX of a frame's formula object; undefined when the frame holds none. */
  private formula(frame: Element): string | undefined {
    const object = elements(frame).find((c) => c.name === 'draw:object');
    if (!object) return undefined;
    // (A flat document holds its formula inside the frame; a package names its object's folder.)
    const xml = object.attribs['xlink:href'] ? this.objects.get(objectFolder(object.attribs['xlink:href'])) : undefined;
    const math = xml ? shallowest(parse(xml), ['math', 'math:math']) : shallowest([object], ['math', 'math:math']);
    if (!math) return undefined;
    try {
      return latexOf(unprefixed(math)).trim() || undefined;
    } catch (e) {
      // MathML nested past the stack (no real formula is): counted, and the document goes on.
      if (e instanceof RangeError) return undefined;
      throw e;
    }
  }

  private inline(el: Element): string {
    return el.children.map((c) => this.run(c)).join('');
  }

  private run(node: ChildNode): string {
    if (isText(node)) return node.data.replace(/\s+/g, ' ');
    if (!isTag(node)) return '';
    switch (node.name) {
      case 'text:s':
        return ' '.repeat(Math.min(Number(node.attribs['text:c'] ?? 1) || 1, 100));
      case 'text:tab':
        return ' ';
      case 'text:line-break':
        return '\n';
      case 'text:span': {
        const inner = this.inline(node);
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
        return this.styles.bold.has(node.attribs['text:style-name'] ?? '') && m[2] ? `${m[1]}**${m[2]}**${m[3]}` : inner;
      }
      case 'text:a':
      case 'text:meta':
      case 'text:ruby-base':
        return this.inline(node);
      case 'draw:frame': {
        const latex = this.formula(node);
        if (latex) return `$${latex}$`;
        if (elements(node).some((c) => c.name === 'draw:image')) this.unread.pictures++;
        else if (elements(node).some((c) => c.name === 'draw:object' || c.name === 'draw:object-ole')) this.unread.objects++;
        else
          return elements(node)
            .map((c) => (c.name === 'draw:text-box' ? ` ${this.blocks(c).join(' ')} ` : ''))
            .join('');
        return '';
      }
      default:
        // Notes, annotations, bookmarks, fields' hidden parts: no answer text.
        return '';
    }
  }
}

/**
 * Reads an .odt into Markdown + LaTeX (see the module's comment). A file that is not a readable
 * OpenDocument text is an `OdtError`.
 */
export function odtToMarkdown(bytes: Uint8Array, path: string): OdtText {
  // (A zip opens on `PK`; a flat document is its XML.)
  const parts = bytes[0] === 0x50 && bytes[1] === 0x4b ? openOdt(bytes) : openFlatOdt(decodeText(bytes));
  const content = parse(parts.content);
  const body = shallowest(content, ['office:text']);
  if (!body) throw new OdtError('the document has no text body (office:text); it is not an OpenDocument text');
  const reader = new BodyReader(new Styles([...content, ...(parts.styles ? parse(parts.styles) : [])]), parts.objects);
  let blocks: string[];
  try {
    blocks = reader.blocks(body).filter((b) => b.trim());
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new OdtError('the document is nested too deeply to read (lists or sections thousands of levels deep)');
    throw e;
  }
  const { pictures, objects } = reader.unread;
  const warnings = [
    ...(pictures ? [`${path}: ${pictures} ${pictures === 1 ? 'image was' : 'images were'} not read; an equation pasted as an image is not graded`] : []),
    ...(objects ? [`${path}: ${objects} embedded ${objects === 1 ? 'object' : 'objects'} (not formulas) ${objects === 1 ? 'was' : 'were'} not read`] : []),
  ];
  const text = blocks.join('\n\n');
  return { text: text ? `${text}\n` : '', warnings };
}
