import type { ListNumbering } from './numbering.js';
import { ommlToLatex } from './omml.js';
import { plainText } from './math-text.js';
import type { Styles } from './styles.js';
import { attr, child, childrenNamed, childVal, descendants, type Element, elements, isOn, M, textOf, W } from './xml.js';
import { markdownTable } from '../markdown-table.js';

/** What the body reader could not read, by paragraph (1-based, in document order). */
export interface Unread {
  /** Legacy equations: MathType or Equation 3.0 objects, `EQ` fields. */
  equations: number[];
  images: number[];
  /** OMML elements read as their bare text. */
  mathElements: Set<string>;
}

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const VML_OFFICE = 'urn:schemas-microsoft-com:office:office';

/** A piece of a paragraph: text with its emphasis, or an equation. */
type Piece = { text: string; bold: boolean; italic: boolean } | { math: string; display: boolean };

/** Characters of Word's Symbol font (`w:sym`, private-use codes F0xx) that equations typed with it use. */
const SYMBOL_FONT: Record<number, string> = {
  97: 'α',
  98: 'β',
  99: 'χ',
  100: 'δ',
  101: 'ε',
  102: 'φ',
  103: 'γ',
  104: 'η',
  105: 'ι',
  107: 'κ',
  108: 'λ',
  109: 'μ',
  110: 'ν',
  112: 'π',
  113: 'θ',
  114: 'ρ',
  115: 'σ',
  116: 'τ',
  117: 'υ',
  119: 'ω',
  120: 'ξ',
  121: 'ψ',
  122: 'ζ',
  68: 'Δ',
  71: 'Γ',
  76: 'Λ',
  80: 'Π',
  83: 'Σ',
  87: 'Ω',
  163: '≤',
  179: '≥',
  185: '≠',
  187: '≈',
  180: '×',
  177: '±',
  165: '∞',
  174: '→',
  215: '⋅',
  229: '∑',
  242: '∫',
  214: '√',
  182: '∂',
  209: '∇',
  206: '∈',
  45: '−',
};

/**
 * The body of `word/document.xml` as Markdown + LaTeX: headings by style, list labels counted
 * as Word prints them, bold and italic runs marked, tables as Markdown tables, equations as
 * `$...$` inline and `$$...$$` on a line of their own.
 */
export class BodyReader {
  private paragraph = 0;
  readonly unread: Unread = { equations: [], images: [], mathElements: new Set() };
  /** Inside a table cell: displays become inline and lines join. */
  private inCell = false;

  constructor(
    private readonly numbering: ListNumbering,
    private readonly styles: Styles,
  ) {}

  /** The document's blocks, each a Markdown paragraph. */
  read(documentRoot: Element): string {
    const body = child(documentRoot, W, 'body');
    if (!body) return '';
    return this.blocks(body)
      .filter((b) => b.trim())
      .join('\n\n');
  }

  private blocks(el: Element): string[] {
    const out: string[] = [];
    for (const c of elements(el)) {
      if (c.namespaceURI === W && c.localName === 'p') out.push(this.para(c));
      else if (c.namespaceURI === W && c.localName === 'tbl') out.push(this.table(c));
      else if (c.namespaceURI === W && (c.localName === 'sdt' || c.localName === 'customXml')) out.push(...this.blocks(child(c, W, 'sdtContent') ?? c));
      else if (c.namespaceURI === MC && c.localName === 'AlternateContent') out.push(...this.blocks(elements(c)[0] ?? c));
      else if (c.namespaceURI === M && c.localName === 'oMathPara') out.push(this.render(this.display(c)));
    }
    return out;
  }

  private para(p: Element): string {
    this.paragraph++;
    const pPr = child(p, W, 'pPr');
    const style = this.styles.of(childVal(pPr, W, 'pStyle'));
    const numPr = child(pPr, W, 'numPr');
    const numId = childVal(numPr, W, 'numId') ?? style.numId;
    const ilvl = Number(childVal(numPr, W, 'ilvl') ?? style.ilvl ?? 0);
    const label = numId === undefined ? undefined : this.numbering.next(numId, ilvl);
    const pieces: Piece[] = [];
    this.inline(p, pieces, { bold: false, italic: false });
    const heading = style.heading ?? (childVal(pPr, W, 'outlineLvl') !== undefined ? Number(childVal(pPr, W, 'outlineLvl')) + 1 : undefined);
    // Headings are bold by their style; marks inside them only clutter the title a reader matches.
    if (heading !== undefined && heading <= 6) for (const pc of pieces) if ('text' in pc) pc.bold = pc.italic = false;
    let text = this.render(pieces);
    if (label) text = `${label} ${text}`;
    if (heading !== undefined && heading <= 6 && text.trim() && !this.inCell) text = `${'#'.repeat(heading)} ${text.trim()}`;
    return text;
  }

  /** Runs, hyperlinks, revisions, fields and equations of a paragraph, in order. */
  private inline(el: Element, out: Piece[], marks: { bold: boolean; italic: boolean }): void {
    let inFieldCode = false;
    for (const c of elements(el)) {
      if (c.namespaceURI === M) {
        if (c.localName === 'oMath') out.push({ math: this.math(c), display: false });
        else if (c.localName === 'oMathPara') out.push(...this.display(c));
        continue;
      }
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        this.inline(elements(c)[0] ?? c, out, marks);
        continue;
      }
      if (c.namespaceURI !== W) continue;
      switch (c.localName) {
        case 'r': {
          const rPr = child(c, W, 'rPr');
          const m = { bold: isOn(rPr, W, 'b'), italic: isOn(rPr, W, 'i') };
          // A complex field (`w:fldChar`): its code (`EQ ...`, `PAGE`) is not text; its result is.
          for (const k of elements(c)) {
            if (k.localName === 'fldChar') {
              const type = attr(k, W, 'fldCharType');
              if (type === 'begin') inFieldCode = true;
              else if (type === 'separate' || type === 'end') inFieldCode = false;
            } else if (k.localName === 'instrText') {
              if (/^\s*EQ\b/.test(textOf(k))) this.legacyEquation(out);
            } else if (!inFieldCode) this.runChild(k, out, m);
          }
          break;
        }
        case 'hyperlink':
        case 'ins':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'bdo':
        case 'dir':
          if (c.localName === 'fldSimple' && /^\s*EQ\b/.test(attr(c, W, 'instr') ?? '')) this.legacyEquation(out);
          else this.inline(c, out, marks);
          break;
        case 'sdt':
          this.inline(child(c, W, 'sdtContent') ?? c, out, marks);
          break;
        default:
          break;
      }
    }
  }

  private runChild(k: Element, out: Piece[], m: { bold: boolean; italic: boolean }): void {
    const text = (t: string) => out.push({ text: t, ...m });
    if (k.namespaceURI === M && k.localName === 'oMath') {
      out.push({ math: this.math(k), display: false });
      return;
    }
    if (k.namespaceURI !== W) {
      if (k.namespaceURI === MC && k.localName === 'AlternateContent') for (const kk of elements(elements(k)[0] ?? k)) this.runChild(kk, out, m);
      return;
    }
    switch (k.localName) {
      case 't':
        text(textOf(k));
        break;
      case 'tab':
      case 'ptab':
        text(' ');
        break;
      case 'br':
      case 'cr':
        text(this.inCell ? ' ' : '\n');
        break;
      case 'noBreakHyphen':
        text('-');
        break;
      case 'sym': {
        const code = Number.parseInt(attr(k, W, 'char') ?? '', 16) & 0xff;
        text(SYMBOL_FONT[code] ?? String.fromCharCode(code));
        break;
      }
      case 'object':
        if (this.isLegacyEquation(k)) this.legacyEquation(out);
        else this.image(out);
        break;
      case 'drawing':
      case 'pict':
        this.image(out);
        break;
      default:
        break;
    }
  }

  private isLegacyEquation(obj: Element): boolean {
    const ole = descendants(obj, VML_OFFICE, 'OLEObject');
    return ole.some((o) => /^Equation\./i.test(attr(o, '', 'ProgID') ?? ''));
  }

  private legacyEquation(out: Piece[]): void {
    this.unread.equations.push(this.paragraph);
    out.push({ text: '[equation not read]', bold: false, italic: false });
  }

  private image(out: Piece[]): void {
    this.unread.images.push(this.paragraph);
    out.push({ text: '[image]', bold: false, italic: false });
  }

  /** A display (`m:oMathPara`): each of its equations (Shift+Enter in Word starts another) on a line of its own. */
  private display(para: Element): Piece[] {
    return childrenNamed(para, M, 'oMath').map((m) => ({ math: this.math(m), display: !this.inCell }));
  }

  private math(el: Element): string {
    const { latex, unknown } = ommlToLatex(el);
    for (const u of unknown) this.unread.mathElements.add(u);
    return latex;
  }

  /** Pieces as Markdown: emphasis merged over runs that share it, displays on lines of their own. */
  private render(pieces: Piece[]): string {
    let out = '';
    for (let i = 0; i < pieces.length; i++) {
      const pc = pieces[i]!;
      if ('math' in pc) {
        if (!pc.math) continue;
        out += pc.display ? `\n$$${pc.math}$$\n` : `$${pc.math}$`;
        continue;
      }
      let text = pc.text;
      while (i + 1 < pieces.length) {
        const nx = pieces[i + 1]!;
        if ('math' in nx || nx.bold !== pc.bold || nx.italic !== pc.italic) break;
        text += nx.text;
        i++;
      }
      out += emphasis(plainText(text), pc.bold, pc.italic);
    }
    return out
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n[ \t]+/g, '\n')
      .replace(/^\n+|\n+$/g, '');
  }

  private table(tbl: Element): string {
    const wasInCell = this.inCell;
    this.inCell = true;
    const rows: string[][] = [];
    for (const tr of elements(tbl).filter((e) => e.localName === 'tr')) {
      const row: string[] = [];
      for (const tc of elements(tr).filter((e) => e.localName === 'tc' || e.localName === 'sdt')) {
        const cell = tc.localName === 'sdt' ? (child(child(tc, W, 'sdtContent'), W, 'tc') ?? tc) : tc;
        const text = this.blocks(cell)
          .filter((b) => b.trim())
          .join(' ')
          .replace(/\|/g, '\\|');
        const span = Number(childVal(child(cell, W, 'tcPr'), W, 'gridSpan') ?? '1') || 1;
        row.push(text, ...Array<string>(Math.max(0, span - 1)).fill(''));
      }
      rows.push(row);
    }
    this.inCell = wasInCell;
    return markdownTable(rows);
  }
}

/** Text with Markdown emphasis around its words (never around the spaces at its ends). */
function emphasis(text: string, bold: boolean, italic: boolean): string {
  const mark = (bold ? '**' : '') + (italic ? '*' : '');
  if (!mark || !text.trim()) return text;
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
}
