import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isMathFont } from './glyphs.js';
import { type PathDelimiter, pathDelimiter } from './paths.js';

/** A run of glyphs as the PDF draws it: PDF user space, y up, (x, y) on the baseline. */
export interface Glyphs {
  s: string;
  x: number;
  y: number;
  w: number;
  /** Font size (the text matrix's scale). */
  size: number;
  /** The font's name without its subset prefix (`KaTeX_Math-Italic`, `CMMI10`). */
  font: string;
  /** The font maps its codes to Unicode (a ToUnicode map): `s` is Unicode, not the font's codes. */
  unicode?: boolean;
  /**
   * A glyph stretched tall and clipped (MathJax builds a tall `|` or a bracket's middle from one
   * glyph scaled hundreds of times): the band it fills on the page, bottom and top. Its `y` is
   * the band's middle less the axis height, as a delimiter of that height would stand.
   */
  span?: [number, number];
}

/** A horizontal rule (a fraction bar, an overline), or another drawn shape's bounding box. */
export interface Shape {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** A thin horizontal line or rectangle. */
  rule: boolean;
  /** A path of many segments (KaTeX's radical sign is one), not a box or a line. */
  complex: boolean;
  /** Stroked and not filled: an outline (a CSS border drawn as one frame, KaTeX's `\boxed`), not a shaded area. */
  outline?: boolean;
  /** The delimiter a tall narrow path draws (KaTeX's tall `|`, `\|`, brackets), by its outline. */
  delimiter?: PathDelimiter;
}

/** One page's text and drawings, in PDF user space. */
export interface PageContent {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  glyphs: Glyphs[];
  shapes: Shape[];
  /** The page paints an image (a scan, a screenshot): its text may be in pixels only. */
  images: number;
  /** Where each image stands (Chromium prints some of KaTeX's tall brackets as small images). */
  imageBoxes: Shape[];
  /** What a reader wrote on the page as annotations (comments, text boxes, sticky notes): their words, top to bottom. */
  annotations: string[];
  /**
   * Where text runs past the right edge of the clip it is drawn in (a display wider than its
   * column, cut where the chat scrolled it sideways, or at the page's edge): the glyphs' baselines.
   * What lay beyond is not in the PDF.
   */
  cutOff?: number[];
  /**
   * Where a formula's run ends at the right edge of its clip without a glyph past it: Chromium
   * leaves out the glyphs wholly outside a clip, so a display cut between two glyphs (Gemini
   * scrolls a wide one sideways in a box of the column's width) shows no glyph past the edge.
   * `end` is where its last glyph ends; `reaches` that it stands on or over the edge, which a
   * display centred in its column never does; `from`, the clip's left edge (a clip that holds a
   * whole display starts left of it; MathJax clips a stretched bracket's pieces to the bracket);
   * `to`, the clip's right edge.
   */
  atClipEdge?: { y: number; end: number; reaches: boolean; from: number; to: number }[];
}

/** Annotations a person writes words in: a text box, a sticky note, a comment on highlighted or underlined text. */
const WRITTEN_ANNOTATIONS = new Set(['FreeText', 'Text', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut']);

/**
 * The words of a page's annotations: a student's margin remarks on a chat export ("Clearly gets
 * to the right answer") are text boxes outside the text layer, so the rebuilt text never has
 * them; they are kept to be shown as remarks, never read as answers.
 */
async function annotationsOf(page: { getAnnotations(): Promise<unknown[]> }): Promise<string[]> {
  let found: unknown[];
  try {
    found = await page.getAnnotations();
  } catch {
    // A damaged annotation dictionary costs its remarks, not the page.
    return [];
  }
  const out: { text: string; top: number }[] = [];
  for (const a of found as { subtype?: string; contentsObj?: { str?: string }; rect?: number[] }[]) {
    const text = a.contentsObj?.str?.replace(/\s+/g, ' ').trim();
    if (!text || !WRITTEN_ANNOTATIONS.has(a.subtype ?? '')) continue;
    out.push({ text, top: a.rect?.[3] ?? 0 });
  }
  return out.sort((x, y) => y.top - x.top).map((x) => x.text);
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, loaded on first use (it is large, and most runs read no PDF). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function assetDir(sub: string): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('pdfjs-dist/package.json')), sub)}/`;
}

/** Opens a PDF held in memory; the caller destroys the returned document. */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  return getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    isEvalSupported: false,
    // Keeps each font's ToUnicode map, which tells how to read TeX's extension font (see `Glyphs.unicode`).
    fontExtraProperties: true,
  }).promise;
}

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;

const mul = (a: number[], b: number[]): number[] => [
  a[0]! * b[0]! + a[2]! * b[1]!,
  a[1]! * b[0]! + a[3]! * b[1]!,
  a[0]! * b[2]! + a[2]! * b[3]!,
  a[1]! * b[2]! + a[3]! * b[3]!,
  a[0]! * b[4]! + a[2]! * b[5]! + a[4]!,
  a[1]! * b[4]! + a[3]! * b[5]! + a[5]!,
];

/** A glyph as pdf.js's operator list shows it. */
interface OpGlyph {
  originalCharCode?: number;
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/**
 * Where the text operators of a page put each glyph they show: PDF's text state (the text and
 * line matrices, font size, spacing), enough for what TeX writes.
 */
class TextState {
  private tm = [1, 0, 0, 1, 0, 0];
  private tlm = [1, 0, 0, 1, 0, 0];
  private font = '';
  private size = 0;
  private charSpacing = 0;
  private wordSpacing = 0;
  private scale = 1;
  private leading = 0;
  private rise = 0;

  /** Follows one operator; for a text-showing one, each glyph with its origin in text space. */
  step(fn: number, args: unknown[], OPS: PdfJs['OPS']): { font: string; size: number; tm: number[]; glyphs: { g: OpGlyph; x: number; w: number }[] } | undefined {
    const a = args as number[];
    if (fn === OPS.beginText) this.tm = this.tlm = [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.setFont) [this.font, this.size] = [String(args[0]), Number(args[1])];
    // pdf.js 5 gives the matrix as one typed array; older ones as six numbers.
    else if (fn === OPS.setTextMatrix) this.tm = this.tlm = [...(Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? (args[0] as number[]) : a)];
    else if (fn === OPS.moveText) this.move(a[0]!, a[1]!);
    else if (fn === OPS.setLeadingMoveText) {
      this.leading = -a[1]!;
      this.move(a[0]!, a[1]!);
    } else if (fn === OPS.nextLine) this.move(0, -this.leading);
    else if (fn === OPS.setLeading) this.leading = a[0]!;
    else if (fn === OPS.setCharSpacing) this.charSpacing = a[0]!;
    else if (fn === OPS.setWordSpacing) this.wordSpacing = a[0]!;
    else if (fn === OPS.setHScale) this.scale = a[0]! / 100;
    else if (fn === OPS.setTextRise) this.rise = a[0]!;
    else if (fn === OPS.showText || fn === OPS.showSpacedText) {
      const out: { g: OpGlyph; x: number; w: number }[] = [];
      const tm = [...this.tm];
      let x = 0;
      for (const g of (args[0] as (OpGlyph | number | null)[]) ?? []) {
        if (typeof g === 'number') x -= (g / 1000) * this.size * this.scale;
        else if (g) {
          const w = ((g.width ?? 0) / 1000) * this.size;
          out.push({ g, x, w: w * this.scale });
          x += (w + this.charSpacing + (g.isSpace ? this.wordSpacing : 0)) * this.scale;
        }
      }
      this.tm = [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]! + x * tm[0]!, tm[5]! + x * tm[1]!];
      return { font: this.font, size: this.size, tm: [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]! + this.rise * tm[2]!, tm[5]! + this.rise * tm[3]!], glyphs: out };
    }
    return undefined;
  }

  private move(tx: number, ty: number): void {
    const l = this.tlm;
    this.tlm = [l[0]!, l[1]!, l[2]!, l[3]!, l[4]! + tx * l[0]! + ty * l[2]!, l[5]! + tx * l[1]! + ty * l[3]!];
    this.tm = [...this.tlm];
  }
}

/**
 * TeX's extension font has glyphs at codes pdf.js takes for white space and leaves out of the
 * text layer: the bars of `\|` and `|` (0x0D, 0x0C; a norm's `\left\|`), `\Bigg(` (0x20), the
 * small `\}` and `\langle` (0x09, 0x0A). They are read from the page's operators instead.
 */
const WHITE_CODES = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

function droppedExtensionGlyphs(
  shown: { font: string; size: number; tm: number[]; glyphs: { g: OpGlyph; x: number; w: number }[] },
  ctm: number[],
  fontOf: (id: string) => { name: string; unicode?: boolean },
): Glyphs[] {
  const font = fontOf(shown.font);
  if (!/^CMEX|LMMathExtension/i.test(font.name) || font.unicode) return [];
  const out: Glyphs[] = [];
  const m = mul(ctm, shown.tm);
  const size = shown.size * Math.hypot(m[0]!, m[1]!);
  for (const { g, x, w } of shown.glyphs) {
    if (g.originalCharCode === undefined || !WHITE_CODES.has(g.originalCharCode)) continue;
    out.push({ s: String.fromCharCode(g.originalCharCode), x: m[0]! * x + m[4]!, y: m[1]! * x + m[5]!, w: w * Math.hypot(m[0]!, m[1]!), size, font: font.name, unicode: false });
  }
  return out;
}

/** A glyph matrix scaled far taller than wide: a stretched glyph, whose origin says nothing of where it shows. */
const stretched = (m: number[]) => Math.abs(m[1]!) < 1e-6 && Math.abs(m[2]!) < 1e-6 && Math.abs(m[3]!) > 4 * Math.abs(m[0]!);

/**
 * Stretched glyphs where they show: inside the clip around them (text extraction places them at
 * their scaled origin, often off the page). Without a clip there is no telling, and none is given.
 */
function stretchedGlyphs(
  shown: { font: string; size: number; tm: number[]; glyphs: { g: OpGlyph; x: number; w: number }[] },
  ctm: number[],
  clip: number[],
  fontOf: (id: string) => { name: string },
): Glyphs[] {
  const m = mul(ctm, shown.tm);
  if (!stretched(m) || !Number.isFinite(clip[1]!) || !Number.isFinite(clip[3]!)) return [];
  const size = shown.size * Math.abs(m[0]!);
  const [bottom, top] = [clip[1]!, clip[3]!];
  const out: Glyphs[] = [];
  for (const { g, x, w } of shown.glyphs)
    if (g.unicode?.trim()) out.push({ s: g.unicode, x: m[0]! * x + m[4]!, y: (bottom + top) / 2 - 0.25 * size, w: w * Math.abs(m[0]!), size, font: fontOf(shown.font).name, span: [bottom, top] });
  return out;
}

/**
 * The baseline of a run of upright glyphs the clip cuts at its right edge (a glyph reaching a
 * point past it), or undefined when every glyph shows whole.
 */
function cutAt(shown: { tm: number[]; glyphs: { g: OpGlyph; x: number; w: number }[] }, ctm: number[], clip: number[]): number | undefined {
  const m = mul(ctm, shown.tm);
  if (!Number.isFinite(clip[2]!) || Math.abs(m[1]!) > 1e-6 || Math.abs(m[2]!) > 1e-6 || stretched(m) || m[0]! <= 0) return undefined;
  const ink = shown.glyphs.filter(({ g }) => g.unicode?.trim());
  return ink.some(({ x, w }) => m[0]! * (x + w) + m[4]! > clip[2]! + 1) ? m[5]! : undefined;
}

/**
 * A formula's run whose last glyph ends within two and a half times its size of the clip's right
 * edge, or on the edge (see `PageContent.atClipEdge`): the glyph left out past a clip may follow a
 * wide space (`\qquad`, an operator's). Undefined when it ends well inside or is cut past the edge.
 */
function endAtClip(shown: { size: number; tm: number[]; glyphs: { g: OpGlyph; x: number; w: number }[] }, ctm: number[], clip: number[]): NonNullable<PageContent['atClipEdge']>[number] | undefined {
  const m = mul(ctm, shown.tm);
  const last = shown.glyphs.filter(({ g }) => g.unicode?.trim()).at(-1);
  if (!last || !Number.isFinite(clip[2]!) || Math.abs(m[1]!) > 1e-6 || Math.abs(m[2]!) > 1e-6 || stretched(m) || m[0]! <= 0) return undefined;
  const end = m[0]! * (last.x + last.w) + m[4]!;
  const size = shown.size * Math.abs(m[3]!);
  return end > clip[2]! - 2.5 * size && end <= clip[2]! + 1 ? { y: m[5]!, end, reaches: end >= clip[2]! - 0.05 * size, from: clip[0]!, to: clip[2]! } : undefined;
}

/** Reads one page's glyph runs (with their fonts' real names) and drawn shapes. */
export async function readPage(doc: PdfDocument, number: number): Promise<PageContent> {
  const { OPS } = await loadPdfJs();
  const page = await doc.getPage(number);
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const text = await page.getTextContent();
    const ops = await page.getOperatorList();
    const fontNames = new Map<string, { name: string; unicode?: boolean }>();
    const fontOf = (id: string): { name: string; unicode?: boolean } => {
      let font = fontNames.get(id);
      if (font === undefined) {
        try {
          const f = page.commonObjs.get(id) as { name?: string; toUnicode?: { _map?: unknown[] } } | undefined;
          const map = f?.toUnicode?._map;
          // pdf.js fills in names of its own for codes a font leaves unmapped (CMEX10's 0x9F is `√`):
          // a map that names the small delimiters (codes 0x00-0x1F, brackets) is the font's own.
          const named = Array.isArray(map) && map.slice(0, 0x20).some((u) => typeof u === 'string' && /^[()[\]{}|∣⟨⟩〈〉]$/.test(u));
          const name = (f?.name ?? '').replace(/^[A-Z]{6}\+/, '');
          // Only TeX's extension font is read by its codes, so only its map is worth the question.
          font = { name, ...(Array.isArray(map) && /^CMEX|LMMathExtension/i.test(name) ? { unicode: named } : {}) };
        } catch {
          font = { name: '' };
        }
        fontNames.set(id, font);
      }
      return font;
    };
    const glyphs: Glyphs[] = [];
    for (const item of text.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [a, b, , , e, f] = item.transform as number[];
      const size = Math.hypot(a!, b!);
      if (!(size > 0) || stretched(item.transform as number[])) continue;
      const font = fontOf(item.fontName);
      glyphs.push({ s: item.str, x: e!, y: f!, w: item.width, size, font: font.name, ...(font.unicode !== undefined ? { unicode: font.unicode } : {}) });
    }
    // Shapes: every path's bounding box in page space, following the transformation stack.
    const shapes: Shape[] = [];
    let ctm = [1, 0, 0, 1, 0, 0];
    // The clipping box: KaTeX draws a radical as a very wide path clipped to the radicand.
    let clip = [-Infinity, -Infinity, Infinity, Infinity];
    const stack: [number[], number[]][] = [];
    let images = 0;
    const imageBoxes: Shape[] = [];
    const textState = new TextState();
    const cutOff: number[] = [];
    const atClipEdge: NonNullable<PageContent['atClipEdge']> = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      const shown = textState.step(fn!, args, OPS);
      if (shown) {
        glyphs.push(...droppedExtensionGlyphs(shown, ctm, fontOf), ...stretchedGlyphs(shown, ctm, clip, fontOf));
        // Prose cut at a badge's or title's edge loses nothing that is graded; a formula does, and
        // so does prose cut at the edge of the page's printed area (a long word or a table wider than the page).
        const printed = clip[2]! - clip[0]! > 0.5 * (x1 - x0) && clip[3]! - clip[1]! > 0.3 * (y1 - y0);
        const math = isMathFont(fontOf(shown.font).name);
        const y = math || printed ? cutAt(shown, ctm, clip) : undefined;
        if (y !== undefined) cutOff.push(y);
        const edge = math && y === undefined ? endAtClip(shown, ctm, clip) : undefined;
        if (edge) atClipEdge.push(edge);
      }
      if (fn === OPS.save) stack.push([ctm, clip]);
      else if (fn === OPS.restore)
        [ctm, clip] = stack.pop() ?? [
          [1, 0, 0, 1, 0, 0],
          [-Infinity, -Infinity, Infinity, Infinity],
        ];
      else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
      else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
        images++;
        // An image fills the unit square of the current transformation (upright ones only).
        if (ctm[1] === 0 && ctm[2] === 0) {
          const [ix0, ix1] = [ctm[4]!, ctm[4]! + ctm[0]!].sort((a, b) => a - b) as [number, number];
          const [iy0, iy1] = [ctm[5]!, ctm[5]! + ctm[3]!].sort((a, b) => a - b) as [number, number];
          imageBoxes.push({ x0: ix0, y0: iy0, x1: ix1, y1: iy1, rule: false, complex: false });
        }
      } else if (fn === OPS.constructPath) {
        const op = args[0] as number;
        const mm = args[2] as ArrayLike<number> | null;
        if (!mm) continue;
        const pts = [
          [mm[0]!, mm[1]!],
          [mm[2]!, mm[3]!],
        ].map(([px, py]) => [ctm[0]! * px! + ctm[2]! * py! + ctm[4]!, ctm[1]! * px! + ctm[3]! * py! + ctm[5]!]);
        const sx0 = Math.max(clip[0]!, Math.min(pts[0]![0]!, pts[1]![0]!));
        const sx1 = Math.min(clip[2]!, Math.max(pts[0]![0]!, pts[1]![0]!));
        const sy0 = Math.max(clip[1]!, Math.min(pts[0]![1]!, pts[1]![1]!));
        const sy1 = Math.min(clip[3]!, Math.max(pts[0]![1]!, pts[1]![1]!));
        if (op === OPS.endPath) {
          // A path that is neither filled nor stroked defines the next clip.
          clip = [sx0, sy0, sx1, sy1];
          continue;
        }
        if (!Number.isFinite(sx0) || !Number.isFinite(sy0) || sx1 < sx0 || sy1 < sy0) continue;
        const w = sx1 - sx0;
        const h = sy1 - sy0;
        const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
        const outline = op === OPS.stroke || op === OPS.closeStroke;
        const complex = (data?.length ?? 0) > 30;
        // A rule or frame the clip cuts well inside its right end (a boxed display's frame, a
        // fraction bar) runs on where nothing is printed; a table's rule may overshoot its column by
        // a point or two, and a complex path (KaTeX's radical) is clipped on purpose.
        const unclipped = Math.max(pts[0]![0]!, pts[1]![0]!);
        if (!complex && (h < 1.6 || outline) && Number.isFinite(clip[2]!) && unclipped > clip[2]! + 3 && sx0 < clip[2]! - 1) cutOff.push((sy0 + sy1) / 2);
        const delimiter = complex && h > 18 && h > 2.5 * w ? pathDelimiter(data!) : undefined;
        shapes.push({ x0: sx0, y0: sy0, x1: sx1, y1: sy1, rule: h < 1.6 && w > 2 && w > 3 * h, complex, ...(outline ? { outline } : {}), ...(delimiter ? { delimiter } : {}) });
      }
    }
    return {
      number,
      width: x1 - x0,
      height: y1 - y0,
      glyphs,
      shapes,
      images,
      imageBoxes,
      annotations: await annotationsOf(page),
      ...(cutOff.length ? { cutOff } : {}),
      ...(atClipEdge.length ? { atClipEdge } : {}),
    };
  } finally {
    page.cleanup();
  }
}
