import type { Glyphs, PageContent, Shape } from './load.js';
import type { PathDelimiter } from './paths.js';
import { extensionCodes, glyphsToLatex, isMathFont, isMonoFont, isStyledSymbol, isTexTextFont, MATHY } from './glyphs.js';

/** A rectangle in PDF user space (y up). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One line of rebuilt text, with where it stands on its page. */
export interface TextLine {
  page: number;
  box: Box;
  /** Markdown + LaTeX: formulas in `$...$`, a line that is all formula in `$$...$$`. */
  text: string;
  /** The line's main font size. */
  size: number;
  /** The baseline of the line's largest piece: where its text stands, however tall its formulas. */
  base?: number;
  /**
   * The family and size of the font its text (not its formulas) is mostly set in, faces aside
   * (`DejaVuSans`, 11.25): text set alike shares its line step.
   */
  font?: { family: string; size: number };
  /**
   * The size of its prose, when it has prose and formulas larger than it (MathJax scales its
   * fonts to the prose's x-height: 1.37 times DejaVu Sans's size).
   */
  proseSize?: number;
  /** Every piece is set in a monospaced font (code). */
  mono: boolean;
  /**
   * Where the text of a numbered item starts, right of its label (`7.`): the item's lines the
   * column wrapped stand there, and the list's next label left of it.
   */
  textAt?: number;
  /** A code line's character width: its indentation is counted in characters from its block's edge. */
  char?: number;
  /**
   * Where the shaded box a code line stands in wraps its text (its right edge less the padding
   * its left shows): a code line reaching it goes on in the line below (see `linesToMarkdown`).
   */
  codeRight?: number;
  /** The line is one formula. */
  display: boolean;
  /**
   * The punctuation after the formula, left out of a display (the sentence's): given back when
   * the line is the rest of a formula the line above broke.
   */
  stop?: string;
  /** The line stands in a chat bubble (a rounded box right of the text column): the person's turn. */
  bubble: boolean;
  /**
   * The top of the line's bubble on its page: two messages the person sent one after the other
   * stand in two bubbles, which the page shows apart and a chat holds as two turns.
   */
  bubbleTop?: number;
  /**
   * The line stands in a shaded box as wide as the text column: an exporter's frame around a
   * message (Claude Exporter shades the person's), not a code block's (its lines are monospaced).
   */
  shaded?: boolean;
  /** How wide the formula is that the line opens with, or its first word in a prose font (see `lineText`). */
  lead?: number;
  /**
   * Where bold words start that run to the line's end (`1. Weights, biases and output shape of
   * the`): a title the column wrapped, when the next line goes on the paragraph (opening on the
   * title's rest, `titleRest`, or on its text when the title ended here).
   */
  titleAt?: number;
  /** The bold words, ending as a title ends, that the line opens with before its text face (`convolutional layer.`). */
  titleRest?: string;
  /** The page cut the line off at its edge or its column's: the line below is no rest of it. */
  cut?: boolean;
  /** A row of a table, written as a Markdown table's row. */
  table?: boolean;
  /**
   * An image the size of a screenshot, not text: a question the person posted as a picture. Its
   * text names it as a chat's attachment (`[File]: page-2-image-1.png`) so the person's turn is
   * not lost when it holds nothing else; the reader keeps it in the person's turns only.
   */
  image?: boolean;
  /**
   * A picture standing at the right like the person's bubble, but in none (ChatGPT shows an
   * uploaded screenshot so): the person's in a chat, where bubbles mark the person's words.
   */
  atRight?: boolean;
}

/** Smallest image read as a posted picture, in points: tall brackets Chromium prints as images, avatars and icons are smaller. */
const PICTURE = { width: 60, height: 30 };

/** A small round filled shape: a list's bullet (or a period drawn as a path). */
export function isDisc(s: Shape): boolean {
  const [w, h] = [s.x1 - s.x0, s.y1 - s.y0];
  return !s.rule && w > 1.5 && w < 7 && Math.abs(w - h) < 0.15 * w;
}

/** A glyph run, or a structure already rebuilt (a fraction, a radical), placed on the page. */
interface Piece {
  /** As prose. */
  t: string;
  /** As LaTeX (the same as `t` for math fonts and rebuilt pieces). */
  tex: string;
  /** The glyphs as the PDF gave them (what cutting a run divides). */
  raw: string;
  x: number;
  w: number;
  /** Baseline. */
  y: number;
  size: number;
  top: number;
  bottom: number;
  math: boolean;
  /** Upright text that joins a formula when it stands next to one (pdflatex's `=`, `2`, `(`). */
  mathy: boolean;
  mono: boolean;
  /**
   * Set in a prose font (neither a math font nor TeX's text fonts): KaTeX, MathJax and pdflatex
   * never set a formula's characters so, so such a `)` or `2` beside a formula is the sentence's.
   */
  prose?: boolean;
  /** Rebuilt from several glyph runs: never split, always mathematics. */
  built?: boolean;
  /** A big delimiter or operator: half its height, in font sizes, around the math axis. */
  half?: number;
  /** Prose set in a bold face (a run-in title: `**1. The convolutional layer.** Each filter ...`). */
  bold?: boolean;
}

/** Bold faces of text fonts, as PDFs name them (`DejaVuSans-Bold`, `Inter-SemiBold`, `Arial-BoldMT`). */
const BOLD_FONT = /bold|semibold|demi|heavy|black/i;

/** A structure rebuilt from several pieces (a fraction, a root, a matrix): always mathematics, never cut again. */
function builtPiece(tex: string, at: Pick<Piece, 'x' | 'w' | 'y' | 'size' | 'top' | 'bottom'>): Piece {
  return { t: tex, tex, raw: '', ...at, math: true, mathy: false, mono: false, built: true };
}

/** The family (its faces one: `Arial-BoldMT` is `Arial`) and size of the font most of a line's largest text is set in. */
function textFont(pieces: Piece[], fonts: Map<Piece, string>): TextLine['font'] {
  const text = pieces.filter((p) => !p.math && !p.mono && !p.built);
  const size = Math.max(...text.map((p) => p.size));
  const count = new Map<string, number>();
  for (const p of text.filter((q) => q.size >= 0.95 * size)) {
    const family = (fonts.get(p) ?? '')
      .replace(/^[A-Z]{6}\+/, '')
      .replace(/[-,].*$/, '')
      .replace(/(?:MT|PS)$/, '');
    if (family) count.set(family, (count.get(family) ?? 0) + p.raw.length);
  }
  const family = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  return family ? { family, size } : undefined;
}

/** Depth below the baseline (in font sizes) of TeX's extension-font glyphs, which hang from it. */
function omxDepth(code: number): number {
  // \big: 0x00-0x0F; \Big ( ): 0x10-0x11 and \Big [ ] ... : 0x68-0x6F; \bigg: 0x12-0x1F; \Bigg: 0x20-0x2F.
  if (code < 0x10) return 1.2;
  if (code < 0x12 || (code >= 0x68 && code < 0x70)) return 1.8;
  if (code < 0x20) return 2.4;
  if (code < 0x30) return 3.0;
  if (code >= 0x50 && code < 0x58) return code === 0x52 ? 1.1 : 1.0;
  if (code >= 0x58 && code < 0x60) return code === 0x5a ? 2.2 : 1.4;
  if (code >= 0x70 && code < 0x75) return [1.0, 1.2, 1.8, 2.4, 3.0][code - 0x70]!;
  return 1.0;
}

function pieceOf(g: Glyphs): Piece {
  const math = isMathFont(g.font) && !/^[\s\p{L}]{12,}$/u.test(g.s);
  const tex = glyphsToLatex(g.s, g.font);
  return {
    t: math ? tex : g.s,
    tex,
    raw: g.s,
    x: g.x,
    w: g.w,
    y: g.y,
    size: g.size,
    top: g.y + 0.75 * g.size,
    bottom: g.y - 0.25 * g.size,
    math,
    mathy: !math && (MATHY.test(g.s) || isStyledSymbol(g.s, g.font)),
    mono: isMonoFont(g.font),
    prose: !math && !isTexTextFont(g.font) && !isMonoFont(g.font),
    ...(!math && !isTexTextFont(g.font) && BOLD_FONT.test(g.font) ? { bold: true } : {}),
    ...bigGlyph(g),
  };
}

/**
 * Where a big glyph really stands: pdflatex's extension-font glyphs hang below their
 * baseline (the formula's baseline is half their depth, and the axis's height, lower); KaTeX's
 * Size fonts are centred on the axis.
 */
function bigGlyph(g: Glyphs): Partial<Piece> {
  // The math symbol font's radical sign hangs like the extension font's.
  const surd = /^CMSY|LMMathSymbols/i.test(g.font) && g.s.trim() === '√';
  const code = g.s.codePointAt(0) ?? 0;
  if (g.span) {
    const [bottom, top] = g.span;
    return { y: (bottom + top) / 2 - 0.25 * g.size, top, bottom, half: (top - bottom) / 2 / g.size };
  }
  // Wide accents (\widehat, \widetilde) sit over their base like any accent.
  if (/^CMEX|LMMathExtension/i.test(g.font) && code >= 0x62 && code <= 0x67) return {};
  if (/^CMEX|LMMathExtension/i.test(g.font) || surd) {
    const depth = surd ? 1.0 : omxDepth(g.s.codePointAt(0) ?? 0);
    return { y: g.y - (depth / 2 + 0.25) * g.size, top: g.y + 0.02 * g.size, bottom: g.y - depth * g.size, half: depth / 2 };
  }
  // MathJax 3's Size fonts are KaTeX's (both are TeX's cmex cut into sizes), set the same way.
  const m = /^(?:KaTeX|MathJax)_Size(\d)/.exec(g.font);
  if (m) {
    const half = [0.6, 0.6, 0.9, 1.2, 1.5][Number(m[1])]!;
    return { top: g.y + (0.25 + half) * g.size, bottom: g.y + (0.25 - half) * g.size, half };
  }
  return {};
}

/** A piece cut at character offsets, widths shared out by characters (glyph runs carry no per-glyph positions). */
function cut(p: Piece, at: number[], font: string): Piece[] {
  const chars = [...p.raw];
  const bounds = [0, ...at, chars.length];
  const out: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    if (b <= a) continue;
    const s = chars.slice(a, b).join('');
    const tex = p.built ? s : glyphsToLatex(s, font);
    out.push({ ...p, t: p.math ? tex : s, tex, raw: s, x: p.x + (p.w * a) / chars.length, w: (p.w * (b - a)) / chars.length, mathy: !p.math && (MATHY.test(s) || isStyledSymbol(s, font)) });
  }
  return out;
}

const TOKEN = String.raw`(?:(?:log|ln|sin|cos|tan|tanh|sinh|cosh|exp|max|min|det|lim|sup|inf)(?![a-z])|[\d()[\]=+\-−<>|,.∆])+`;
const LEAD = new RegExp(String.raw`^\s*(?:${TOKEN}\s+)*${TOKEN}(?=\s)`);
const TRAIL = new RegExp(String.raw`(?<=\s)(?:${TOKEN}\s+)*${TOKEN}$`);

/**
 * Prose runs that begin or end with a formula's upright characters (pdflatex: `1. Since`)
 * are cut there, so the `1` can join the formula beside it.
 */
function splitProse(g: Glyphs, p: Piece): Piece[] {
  if (p.math || p.mathy || p.mono) return [p];
  const chars = [...g.s];
  // pdflatex sets a formula's accent in the text font, and pdf.js joins it to the words before.
  if (chars.length > 1 && ACCENTS[chars[chars.length - 1]!] && /\s/.test(chars[chars.length - 2]!)) {
    const [head, accent] = cut(p, [chars.length - 1], g.font);
    return [...splitProse({ ...g, s: chars.slice(0, -1).join('') }, head!), { ...accent!, t: accent!.raw }];
  }
  // A function's name glued to its bracket at a run's end ("when rank(" before `X) = n`): pdflatex
  // sets `\text{rank}(` and `\operatorname{Var}[` upright, but the name and bracket open the
  // formula that follows, at a line's start too (an `align*` row opening on `\operatorname{Var}[`).
  const named = /(?<=\s|^)(?:rank|span|diag|dim|null|range|trace|tr|det|Var|Cov|Corr|std|Std|sd|sign|sgn|card|softmax|ReLU|relu|erf|Tr)[([]$/.exec(g.s);
  if (named) {
    const name = named[0].slice(0, -1);
    const tex = `\\operatorname{${name}}${named[0].slice(-1)}`;
    if (named.index === 0) return [{ ...p, tex, mathy: true, prose: false }];
    const [head, fn] = cut(p, [[...g.s.slice(0, named.index)].length], g.font);
    return [...splitProse({ ...g, s: g.s.slice(0, named.index) }, head!), { ...fn!, tex, mathy: true, prose: false }];
  }
  // A number glued to a word by a hyphen (`$224\times$224-resolution`) is the formula's end.
  const lead = LEAD.exec(g.s) ?? /^\d+(?=[-‐]\p{L})/u.exec(g.s);
  const trail = TRAIL.exec(g.s);
  const at: number[] = [];
  if (lead) at.push([...lead[0]].length);
  if (trail && chars.length - [...trail[0]].length > (at[0] ?? 0)) at.push(chars.length - [...trail[0]].length);
  return at.length ? cut(p, at, g.font) : [p];
}

/**
 * A formula's glyph run that a script stands inside (`A A` with a `T` over the first `A`) is
 * cut where the script begins, so the script has a base to attach to.
 */
function cutAtScripts(pieces: Piece[], fonts: Map<Piece, string>): Piece[] {
  const scripts = pieces.filter((p) => p.math || p.mathy);
  let live = pieces;
  for (const s of scripts) {
    for (const b of live) {
      if (b === s || !b.math || b.built || s.size > 0.85 * b.size || [...b.raw].length < 2) continue;
      const inside = s.x > b.x + 0.15 * b.size && s.x < b.x + b.w - 0.15 * b.size;
      const near = Math.abs(s.y - b.y) < 0.8 * b.size && Math.abs(s.y - b.y) > 0.1 * b.size;
      if (!inside || !near) continue;
      const n = [...b.raw].length;
      const k = Math.max(1, Math.min(n - 1, Math.round(((s.x - b.x) / b.w) * n)));
      const parts = cut(b, [k], fonts.get(b) ?? '');
      for (const p of parts) fonts.set(p, fonts.get(b) ?? '');
      live = live.flatMap((p) => (p === b ? parts : [p]));
      break;
    }
  }
  return live;
}

/**
 * A formula's glyph run that prose stands inside, on its baseline (pdf.js joins two KaTeX spans
 * around a sentence's `.` into one run: `[1, 4, 0] (1 ⋅` with the full stop drawn at its middle),
 * is cut where the prose stands: two formulas, not one.
 */
function cutAtProse(pieces: Piece[], fonts: Map<Piece, string>): Piece[] {
  let live = pieces;
  for (const q of pieces.filter((p) => p.prose && !p.mono)) {
    const mid = q.x + q.w / 2;
    const b = live.find((p) => p.math && !p.built && [...p.raw].length >= 2 && Math.abs(p.y - q.y) < 0.1 * p.size && mid > p.x + 0.2 * p.size && mid < p.x + p.w - 0.2 * p.size);
    if (!b) continue;
    const chars = [...b.raw];
    const n = chars.length;
    let k = Math.max(1, Math.min(n - 1, Math.round(((q.x - b.x) / b.w) * n)));
    // Widths are shared out by characters, so the estimate may be off by one or two: the two
    // spans met at a space, when there is one near.
    const space = [0, -1, 1, -2, 2].map((d) => k + d).find((j) => j > 0 && j < n && /\s/.test(chars[j]!));
    if (space !== undefined) k = space;
    const parts = cut(b, [k], fonts.get(b) ?? '');
    // The prose stands between the two: it is read between them, whatever the shares said.
    const [l, r] = parts as [Piece, Piece];
    if (l.x + l.w > q.x) l.w = Math.max(0.1, q.x - l.x);
    if (r.x < q.x + q.w) {
      const end = r.x + r.w;
      r.x = Math.min(q.x + q.w, end - 0.1);
      r.w = end - r.x;
    }
    for (const p of parts) fonts.set(p, fonts.get(b) ?? '');
    live = live.flatMap((p) => (p === b ? parts : [p]));
  }
  return live;
}

const ACCENTS: Record<string, string> = { '˜': 'tilde', '~': 'tilde', ˆ: 'hat', '^': 'hat', '¯': 'bar', ˉ: 'bar', '˙': 'dot', '¨': 'ddot', '⃗': 'vec', '→': 'vec', '´': 'acute', ˇ: 'check' };

/** Accents: a lone accent glyph set over a letter of a formula. */
function buildAccents(pieces: Piece[], fonts: Map<Piece, string>): Piece[] {
  let live = pieces;
  for (const a of pieces) {
    const name = ACCENTS[a.t.trim()] ?? ACCENTS[a.tex.trim()];
    if (!name || [...a.t.trim()].length !== 1) continue;
    const mid = a.x + a.w / 2;
    // TeX sets upright Greek capitals (`\tilde{\Gamma}`) in the text font, as it does `\mathrm`
    // letters, and pdf.js may join them to the `=` after: the letter under the accent is its base.
    const letterUnder = (b: Piece) => {
      const chars = [...b.raw];
      const k = Math.floor(((mid - b.x) / b.w) * chars.length);
      return /^[A-Za-zΓΔ∆ΘΛΞΠΣΥΦΨΩ]$/.test(chars[Math.max(0, Math.min(chars.length - 1, k))] ?? '');
    };
    const base = live.find(
      (b) =>
        b !== a &&
        (b.math || b.built || (b.mathy && (/^[A-Za-zΓΔ∆ΘΛΞΠΣΥΦΨΩ]{1,2}$/.test(b.raw.trim()) || letterUnder(b)))) &&
        mid > b.x - 0.1 * b.size &&
        mid < b.x + b.w + 0.1 * b.size &&
        a.y > b.y - 0.1 * b.size &&
        a.y - b.y < 0.9 * b.size &&
        a !== b &&
        (a.x > b.x - 0.05 * b.size || a.y > b.y + 0.1 * b.size) &&
        a.size <= 1.2 * b.size &&
        !BIG_OP.test(b.tex.trim()),
    );
    if (!base) continue;
    const chars = [...base.raw];
    const k = Math.max(0, Math.min(chars.length - 1, Math.floor(((mid - base.x) / base.w) * chars.length)));
    const parts = base.built ? [base] : cut(base, [k, k + 1], fonts.get(base) ?? '');
    const target = base.built ? base : (parts.find((p) => p.x <= mid && p.x + p.w >= mid) ?? parts[Math.min(k, parts.length - 1)]!);
    const accented: Piece = { ...target, t: `\\${name}{${target.tex.trim()}}`, tex: `\\${name}{${target.tex.trim()}}`, math: true, built: true, top: Math.max(target.top, a.top) };
    live = [...live.filter((p) => p !== a && p !== base), ...parts.map((p) => (p === target ? accented : p))];
  }
  return live;
}

/**
 * Pieces of TeX's extensible delimiters (a tall bracket drawn as top, extension and bottom
 * glyphs): pdf.js gives them as Adobe Symbol's private-use code points, or as the raw font codes.
 * Each: the delimiter, and how far below its baseline the piece hangs (in font sizes).
 */
const EXTENSIBLE: Record<number, [string, number]> = {};
(() => {
  const pua = '((([[[{{{|_)))]]]}}}';
  const depths = [1.8, 0.6, 1.8, 1.8, 0.6, 1.8, 0.9, 1.8, 0.9, 0.3, 0, 1.8, 0.6, 1.8, 1.8, 0.6, 1.8, 0.9, 1.8, 0.9];
  [...pua].forEach((c, i) => {
    if (c !== '_') EXTENSIBLE[0xf8eb + i] = [c === '{' ? '\\{' : c === '}' ? '\\}' : c === '|' ? '\\{' : c, depths[i]!];
  });
  const raw: [number, string, number][] = [
    [0x30, '(', 1.8],
    [0x31, ')', 1.8],
    [0x32, '[', 1.8],
    [0x33, ']', 1.8],
    [0x34, '[', 1.8],
    [0x35, ']', 1.8],
    [0x36, '[', 0.6],
    [0x37, ']', 0.6],
    [0x38, '\\{', 0.9],
    [0x39, '\\}', 0.9],
    [0x3a, '\\{', 0.9],
    [0x3b, '\\}', 0.9],
    [0x3c, '\\{', 1.8],
    [0x3d, '\\}', 1.8],
    [0x3e, '\\{', 0.3],
    [0x40, '(', 1.8],
    [0x41, ')', 1.8],
    [0x42, '(', 0.6],
    [0x43, ')', 0.6],
    // The bars (`\big|`, and the pieces a tall `\left|` stacks), when a ToUnicode map names them.
    [0x0c, '|', 0.6],
    [0x0d, '\\|', 0.6],
  ];
  for (const [code, c, d] of raw) EXTENSIBLE[code] = [c, d];
})();

/** Unicode's bracket pieces (⎡ ⎢ ⎣, ⎧ ⎨ ⎩ ...), which KaTeX's Size4 font draws tall delimiters with. */
const UNICODE_PIECES: Record<string, string> = {
  '⎛': '(',
  '⎜': '(',
  '⎝': '(',
  '⎞': ')',
  '⎟': ')',
  '⎠': ')',
  '⎡': '[',
  '⎢': '[',
  '⎣': '[',
  '⎤': ']',
  '⎥': ']',
  '⎦': ']',
  '⎧': '\\{',
  '⎨': '\\{',
  '⎩': '\\{',
  '⎪': '\\{',
  '⎫': '\\}',
  '⎬': '\\}',
  '⎭': '\\}',
};

/**
 * How far the pieces' ink reaches below and above their baselines (em), by the metrics of the
 * Size4 font KaTeX and MathJax share: a bracket's or parenthesis's end piece spans 1.8 em, the
 * brace's ends hang or stand 0.9 em, so a matrix's first and last rows are inside its brackets.
 */
const PIECE_EXTENT: Record<string, [number, number]> = {};
for (const c of '⎛⎞⎡⎤⎝⎠⎣⎦') PIECE_EXTENT[c] = [0.645, 1.155];
for (const c of '⎜⎟⎢⎥') PIECE_EXTENT[c] = [0, 0.602];
for (const c of '⎧⎫') PIECE_EXTENT[c] = [0.01, 0.9];
for (const c of '⎩⎭') PIECE_EXTENT[c] = [0.9, 0.01];
for (const c of '⎨⎬') PIECE_EXTENT[c] = [0.66, 1.16];
PIECE_EXTENT['⎪'] = [0.015, 0.29];

/**
 * A glyph that is a piece of a tall delimiter: which delimiter, how far it reaches below its
 * baseline and above it (in font sizes). TeX's extension-font pieces hang from their baseline.
 */
function extensiblePiece(g: Glyphs): [string, number, number] | undefined {
  // Not trim(): the bar's code, 0x0C, is a form feed.
  const s = g.s.replace(/ /g, '');
  if ([...s].length !== 1) return undefined;
  if (UNICODE_PIECES[s]) return [UNICODE_PIECES[s]!, ...(PIECE_EXTENT[s] ?? [0.3, 0.75])];
  if (!/^CMEX|LMMathExtension/i.test(g.font)) return undefined;
  const e = EXTENSIBLE[s.codePointAt(0)!];
  return e && [e[0], e[1], 0.05];
}

/** A tall delimiter's top or bottom piece, which opens or closes it. */
function pieceEnd(g: Glyphs): 'top' | 'bottom' | undefined {
  const s = g.s.replace(/ /g, '');
  const code = /^CMEX|LMMathExtension/i.test(g.font) ? s.codePointAt(0) : undefined;
  if (/^[⎛⎡⎧⎞⎤⎫]$/.test(s) || (code !== undefined && [0x30, 0x31, 0x32, 0x33, 0x38, 0x39].includes(code))) return 'top';
  if (/^[⎝⎣⎩⎠⎦⎭]$/.test(s) || (code !== undefined && [0x34, 0x35, 0x3a, 0x3b, 0x40, 0x41].includes(code))) return 'bottom';
  return undefined;
}

/**
 * Tall delimiters drawn as several glyphs stacked at one x (pdflatex's matrices of three rows
 * and more, `cases`) become one delimiter piece spanning them, for matrices to be built from.
 */
function joinExtensibles(pieces: Piece[], glyphOf: Map<Piece, Glyphs>, fonts: Map<Piece, string>, shapes: Shape[]): Piece[] {
  const parts = pieces.map((p) => ({ p, ext: glyphOf.has(p) ? extensiblePiece(glyphOf.get(p)!) : undefined })).filter((q) => q.ext);
  if (!parts.length) return pieces;
  const used = new Set<Piece>();
  const out: Piece[] = [];
  for (const q of [...parts].sort((a, b) => b.p.y - a.p.y)) {
    if (used.has(q.p)) continue;
    const g = glyphOf.get(q.p)!;
    const stack = [q];
    // TeX's pieces hang from their baselines and meet end to end: the next one starts where the
    // last one's depth ends, never further (the bars of two aligned lines' norms stand one line apart).
    const texFont = /^CMEX|LMMathExtension/i.test(g.font);
    // A stretched piece (MathJax's) fills its band, however tall: it joins the pieces it touches.
    const topOf = (x: (typeof parts)[number]) => glyphOf.get(x.p)!.span?.[1] ?? glyphOf.get(x.p)!.y + x.ext![2] * g.size;
    const bottomOf = (x: (typeof parts)[number]) => glyphOf.get(x.p)!.span?.[0] ?? glyphOf.get(x.p)!.y - x.ext![1] * g.size;
    for (const r of [...parts].sort((a, b) => b.p.y - a.p.y)) {
      const last = glyphOf.get(stack[stack.length - 1]!.p)!;
      const rg = glyphOf.get(r.p)!;
      // A bottom piece closes the delimiter and a top piece opens one: two vectors set one under
      // the other are two.
      if (pieceEnd(last) === 'bottom') break;
      const reach = texFont ? Math.min(2.2, stack[stack.length - 1]!.ext![1] + 0.15) : 2.2;
      // KaTeX draws the extension between a brace's glyphs as a path, as long as the rows beside it are tall.
      const bridged = (a: number, b: number) => shapes.some((s) => s.x0 >= g.x - 0.5 && s.x1 <= g.x + g.w + 0.5 && s.y0 <= a + 0.3 * g.size && s.y1 >= b - 0.3 * g.size);
      const touches = !texFont && (topOf(r) >= bottomOf(stack[stack.length - 1]!) - 0.3 * g.size || bridged(topOf(r), bottomOf(stack[stack.length - 1]!)));
      if (used.has(r.p) || stack.includes(r) || r.ext![0] !== q.ext![0] || Math.abs(rg.x - g.x) > 0.5 || rg.y >= last.y || (last.y - rg.y > reach * g.size && !touches)) continue;
      if (pieceEnd(rg) === 'top') break;
      stack.push(r);
    }
    const top = Math.max(...stack.map(topOf));
    const bottom = Math.min(...stack.map(bottomOf));
    // A stretched piece inside the joined span's ink (MathJax's brace extension, drawn where the
    // bottom piece's tail already is) belongs to it whatever order the baselines give.
    for (const r of parts)
      if (!used.has(r.p) && !stack.includes(r) && glyphOf.get(r.p)!.span && r.ext![0] === q.ext![0] && Math.abs(glyphOf.get(r.p)!.x - g.x) <= 0.5 && topOf(r) <= top && bottomOf(r) >= bottom)
        stack.push(r);
    for (const r of stack) used.add(r.p);
    const tex = q.ext![0];
    const piece: Piece = {
      t: tex,
      tex,
      raw: '',
      x: g.x,
      w: g.w,
      y: (top + bottom) / 2 - 0.25 * g.size,
      size: g.size,
      top,
      bottom,
      math: true,
      mathy: false,
      mono: false,
      half: (top - bottom) / 2 / g.size,
    };
    fonts.set(piece, g.font);
    out.push(piece);
  }
  return [...pieces.filter((p) => !used.has(p)), ...out];
}

const CLOSING: Record<PathDelimiter, string> = { '[': ']', '(': ')', '|': '|', '\\|': '\\|' };

/**
 * KaTeX draws delimiters taller than its fonts' as paths (and Chromium prints some as small
 * images): a tall narrow path or image with a partner of the same height to its right, formulas
 * between them, is a pair of brackets, of the kind their outline draws (see `pathDelimiter`).
 */
function pathDelimiters(pieces: Piece[], shapes: Shape[], images: Shape[], fonts: Map<Piece, string>): Piece[] {
  const narrow = (s: Shape) => s.y1 - s.y0 > 2.5 * (s.x1 - s.x0) && s.y1 - s.y0 > 18;
  const tall = [...shapes.filter((s) => s.complex && narrow(s)), ...images.filter(narrow)].sort((a, b) => a.x0 - b.x0);
  const out = [...pieces];
  const used = new Set<Shape>();
  for (const l of tall) {
    if (used.has(l)) continue;
    const r = tall.find((t) => t !== l && !used.has(t) && t.x0 > l.x1 && Math.abs(t.y0 - l.y0) < 2 && Math.abs(t.y1 - l.y1) < 2);
    if (!r) continue;
    // A glyph's advance may reach a little into the bracket beside it (`−2` before an image's `]`).
    const between = pieces.filter((p) => p.x >= l.x1 - 1 && p.x + p.w <= r.x0 + Math.max(1, 0.2 * p.size) && p.y > l.y0 && p.y < l.y1);
    if (!between.length || !between.every((p) => p.math || p.mathy || p.built)) continue;
    used.add(l).add(r);
    const size = Math.max(...between.map((p) => p.size));
    const half = (l.y1 - l.y0) / 2 / size;
    const y = (l.y0 + l.y1) / 2 - 0.25 * size;
    // The outline tells the kind (a determinant's bars, a norm's); an image, or a path it cannot read, is a bracket.
    for (const [sh, tex] of [
      [l, l.delimiter ?? '['],
      [r, CLOSING[r.delimiter ?? '[']],
    ] as const) {
      const piece: Piece = { t: tex, tex, raw: '', x: sh.x0, w: sh.x1 - sh.x0, y, size, top: sh.y1, bottom: sh.y0, math: true, mathy: false, mono: false, half };
      fonts.set(piece, 'path');
      out.push(piece);
    }
  }
  return out;
}

const centre = (p: Piece) => p.x + p.w / 2;

/**
 * Whether every piece is mathematics: set in a math font, upright symbols beside them, structures
 * rebuilt, or a script in TeX's text face (`d_{\mathrm{in}}`, `d_{\text{out}}`: pdflatex sets
 * the subscript in CMR7, smaller than the formula's letters). Words of a TeX text face at the
 * formula's own size are the sentence's.
 */
function allMath(ps: Piece[]): boolean {
  const body = Math.max(0, ...ps.filter((p) => p.math || p.built).map((p) => p.size));
  return ps.every((p) => p.math || p.mathy || p.built || (!p.prose && !p.mono && p.size < 0.85 * body));
}

/**
 * A fraction's numerator (or denominator): the pieces close to its bar, and those that overlap
 * them in height (a script on a numerator's symbol). A glyph of the line above, standing over a short bar
 * with a gap between (Qwen's `\mathbb{R}^{m \times n}` over the `\frac{1}{n}` below it), is not.
 */
function touching(candidates: Piece[], gap: (p: Piece) => number, rests: (p: Piece, on: Piece) => boolean): Piece[] {
  const kept = candidates.filter((p) => gap(p) < 0.6 * p.size);
  for (let grew = kept.length > 0; grew; ) {
    grew = false;
    for (const p of candidates)
      if (!kept.includes(p) && kept.some((q) => rests(p, q))) {
        kept.push(p);
        grew = true;
      }
  }
  return kept;
}

/**
 * Fractions: a rule with formula pieces stacked above and below it, narrowest rule first so
 * nested fractions are rebuilt from the inside out.
 */
function fractionAt(live: Piece[], r: Shape, bars: Shape[]): Piece[] {
  {
    const ry = (r.y0 + r.y1) / 2;
    // A piece nearer another bar on its far side is that fraction's: MathJax sets a list's items so
    // close that the next item's numerator stands right under this one's denominator. A fraction
    // rebuilt around its own bar is the previous item only when a gap parts it from this bar; one
    // resting on it is in this numerator (`\frac{x+\frac{1}{2}}{y}`).
    // A bar with nothing close on its far side is no fraction's (a root's bar over a numerator);
    // one a fraction already rebuilt spans is one.
    const spans = (q: Piece, b: Shape) => !!q.built && q.bottom < b.y0 && q.top > b.y1;
    const over = (p: Piece, b: Shape) => b !== r && b.x0 < p.x + p.w && b.x1 > p.x;
    const partUnder = (b: Shape) => live.some((q) => over(q, b) && ((q.top <= b.y0 + 0.5 && b.y0 - q.top < 0.6 * q.size) || spans(q, b)));
    const partOver = (b: Shape) => live.some((q) => over(q, b) && ((q.bottom >= b.y1 - 0.5 && q.bottom - b.y1 < 0.6 * q.size) || spans(q, b)));
    const elsewhere = (p: Piece) =>
      p.y < ry
        ? bars.some((b) => over(p, b) && b.y1 < p.y && p.y - b.y1 < r.y0 - p.top && partUnder(b))
        : bars.some((b) => over(p, b) && b.y0 > p.y && (spans(p, b) ? p.bottom - r.y1 > 0.3 * p.size : Math.max(0, b.y0 - p.top) < p.bottom - r.y1) && partOver(b));
    // pdf.js ends a run with the space up to the next glyph (`3 ` under a bar, then `end.`): the ink is narrower.
    const inked = (p: Piece) => (p.raw.trimEnd() === p.raw || !p.raw.trim() ? p.w : (p.w * [...p.raw.trimEnd()].length) / [...p.raw].length);
    const inSpan = (p: Piece) => p.x + inked(p) / 2 > r.x0 - 1 && p.x + inked(p) / 2 < r.x1 + 1 && (p.built || (p.x >= r.x0 - 0.3 * p.size && p.x + inked(p) <= r.x1 + 0.3 * p.size));
    const parts = (near: Piece[]) => {
      // Distances count in the size of the largest piece there: a script's script is far for its own size.
      const m = Math.max(0, ...near.map((p) => p.size));
      const above = touching(
        near.filter((p) => p.bottom >= ry - 0.25 * p.size && p.y - ry < 1.3 * m && p.y > ry),
        (p) => p.bottom - r.y1,
        (p, q) => p.bottom <= q.top - 0.1 * q.size,
      );
      const below = touching(
        near.filter((p) => p.top <= ry + 0.3 * p.size && ry - p.y < 1.7 * m && p.y < ry),
        (p) => r.y0 - p.top,
        (p, q) => p.top >= q.bottom + 0.1 * q.size,
      );
      return { above, below };
    };
    // Another bar between a piece and this one (KaTeX packs `\frac{\frac{a}{b}}{\frac{c}{d}}` in a
    // line so tightly that `b` stands on the outer bar, right over `c`): the piece is past it. A
    // piece rebuilt around a bar (a root's, a fraction's) is not past its own, nor is one that
    // only touches a bar's end (the `)` after `\sqrt{0.9}` in a denominator).
    const holds = (p: Piece, b: Shape) => !!p.built && b.x0 >= p.x - 0.5 && b.x1 <= p.x + p.w + 0.5 && b.y0 >= p.bottom - 0.5 && b.y1 <= p.top + 0.5;
    const across = (p: Piece) =>
      bars.some(
        (b) =>
          b !== r &&
          b.x0 < centre(p) &&
          b.x1 > centre(p) &&
          !holds(p, b) &&
          b.x0 < r.x1 &&
          b.x1 > r.x0 &&
          (p.y > ry ? b.y0 > r.y1 && b.y1 <= p.y + 0.15 * p.size : b.y1 < r.y0 && b.y0 >= p.y + 0.4 * p.size),
      );
    const close = live.filter((p) => inSpan(p) && Math.abs(p.y - ry) < 2.5 * p.size && !across(p));
    let { above, below } = parts(close.filter((p) => !elsewhere(p)));
    // A fraction in another's numerator (`\dfrac{\dfrac12}{3}`) has its denominator right over the
    // outer bar, nearer that bar than its own: the one row between two bars, were it the other
    // bar's, would leave this one a side with nothing, so it is this one's. Two fractions one
    // under the other (a list's items) each keep a row of their own between the bars.
    if (!above.length || !below.length) ({ above, below } = parts(close));
    if (!above.length || !below.length) return live;
    if (!allMath([...above, ...below])) return live;
    // A fraction's bar is as wide as the wider of its parts; a table's cell border under a short
    // cell (`|\cdot|_2` over `|\cdot|_\infty`, a row apart) reaches far past both.
    // A fraction rebuilt in this one's numerator stands with TeX's null delimiters (0.12em) either
    // side of its bar: an inline `\frac{\frac{a}{b}}{\frac{c}{d}}`'s bar is twice its parts' bars.
    const pad = (p: Piece) => (p.built && p.tex.startsWith('\\frac') ? 0.12 * p.size : 0);
    const extent = (ps: Piece[]) => Math.max(...ps.map((p) => p.x + p.w + pad(p))) - Math.min(...ps.map((p) => p.x - pad(p)));
    if (Math.max(extent(above), extent(below)) < 0.5 * (r.x1 - r.x0)) return live;
    // The line's own pieces beside the fraction give its baseline and size.
    const beside = live.filter(
      (p) =>
        !above.includes(p) &&
        !below.includes(p) &&
        Math.abs(p.y + 0.25 * p.size - ry) < 0.2 * p.size &&
        (p.x + p.w < r.x0 + 1 || p.x > r.x1 - 1) &&
        Math.min(Math.abs(p.x + p.w - r.x0), Math.abs(p.x - r.x1)) < 3 * p.size,
    );
    const size = beside.length ? Math.max(...beside.map((p) => p.size)) : Math.max(...[...above, ...below].map((p) => p.size));
    const y = beside.length ? beside.sort((a, b) => b.size - a.size)[0]!.y : ry - 0.25 * size;
    const num = assemble(above).trim();
    const den = assemble(below).trim();
    const frac = builtPiece(`\\frac{${num}}{${den}}`, {
      x: r.x0,
      w: r.x1 - r.x0,
      y,
      size,
      top: Math.max(...above.map((p) => p.top)),
      bottom: Math.min(...below.map((p) => p.bottom)),
    });
    return [...live.filter((p) => !above.includes(p) && !below.includes(p)), frac];
  }
}

/**
 * MathJax sets a number in its main font as it sets `√`, so pdf.js runs a numeric radicand on
 * from the sign (`√0.9`, `= √0.25 = 0.5`): such a run, crossing where the bar starts, is cut
 * into what precedes the sign, the sign, and the rest, placed by the bar (a proportional cut would
 * put the radicand left of it, the sign being wider than a digit). Undefined when no run holds one.
 */
function signInRun(live: Piece[], s: Shape, fonts: Map<Piece, string>): [Piece[], Piece] | undefined {
  const run = live.find((p) => !p.built && p.x < s.x0 && p.x + p.w > s.x0 + 0.3 * p.size && Math.abs(p.top - (s.y0 + s.y1) / 2) < 0.4 * p.size && [...p.raw].includes('√'));
  if (!run) return undefined;
  const chars = [...run.raw];
  const j = chars.lastIndexOf('√');
  if (j < 0 || j === chars.length - 1) return undefined;
  const font = fonts.get(run) ?? '';
  const parts = cut(run, j ? [j, j + 1] : [1], font);
  const [before, sign, rest] = j ? parts : [undefined, parts[0]!, parts[1]!];
  if (!sign || !rest) return undefined;
  // The sign ends where the bar starts; what precedes it shares the run's start up to the sign.
  const signW = Math.min(s.x0 - run.x, 1.2 * sign.size);
  Object.assign(sign, { x: s.x0 - signW, w: signW });
  if (before) Object.assign(before, { x: run.x, w: Math.max(0, sign.x - run.x) });
  Object.assign(rest, { x: s.x0, w: run.x + run.w - s.x0 });
  for (const q of parts) fonts.set(q, font);
  return [live.flatMap((q) => (q === run ? parts : [q])), sign];
}

/**
 * Radicals: pdflatex draws `√` then a rule over the radicand; KaTeX draws the sign and the
 * rule as one path. The pieces under the rule, right of the sign, are the radicand.
 */
function radicalAt(live: Piece[], s: Shape, fonts: Map<Piece, string>): Piece[] | undefined {
  {
    let sign: Piece | undefined;
    let start: number;
    if (s.rule) {
      // MathJax sets `√` in its main font, so pdf.js runs it on from what precedes it (`= 1/√`).
      const run = live.find(
        (p) =>
          (p.tex.trim() === '\\sqrt' || (/\\sqrt\s*$/.test(p.tex) && [...p.raw.trimEnd()].at(-1) === '√')) &&
          Math.abs(p.x + p.w - s.x0) < 0.3 * p.size &&
          Math.abs(p.top - (s.y0 + s.y1) / 2) < 0.4 * p.size,
      );
      if (!run) {
        const split = signInRun(live, s, fonts);
        if (!split) return undefined;
        [live, sign] = split;
      } else sign = run;
      const chars = [...(run?.raw.trimEnd() ?? '')];
      if (run && run.tex.trim() !== '\\sqrt' && chars.length > 1) {
        const parts = cut(run, [chars.length - 1], fonts.get(run) ?? '');
        for (const q of parts) fonts.set(q, fonts.get(run) ?? '');
        live = live.flatMap((q) => (q === run ? parts : [q]));
        sign = parts.at(-1)!;
      }
      start = s.x0;
    } else if (s.complex && !s.outline && s.x1 - s.x0 > s.y1 - s.y0) {
      // KaTeX fills its root sign; a frame with rounded corners around a formula is stroked.
      start = s.x0 + 0.3 * (s.y1 - s.y0);
    } else return undefined;
    const floor = sign ? sign.bottom - 0.1 * sign.size : s.y0;
    // A glyph run that starts under the bar and runs on past its end (pdf.js joins `β <`) is
    // cut where the bar ends: what stands past it is not under the root.
    const over = live.filter(
      (p) =>
        p !== sign &&
        !p.built &&
        (p.math || p.mathy) &&
        [...p.raw].length > 1 &&
        p.x >= start - 0.5 &&
        p.x < s.x1 - 0.2 * p.size &&
        p.x + p.w > s.x1 + 0.3 * p.size &&
        p.top <= s.y1 + 0.15 * p.size &&
        p.bottom >= floor - 0.6 * p.size,
    );
    for (const p of over) {
      const chars = [...p.raw];
      const k = Math.max(1, Math.min(chars.length - 1, Math.round(((s.x1 - p.x) / p.w) * chars.length)));
      const parts = cut(p, [k], fonts.get(p) ?? '');
      for (const q of parts) fonts.set(q, fonts.get(p) ?? '');
      live = live.flatMap((q) => (q === p ? parts : [q]));
    }
    // What starts where the bar ends is past it, however close: the sentence's stop after `\sqrt{d_{out}}`.
    // A fraction under pdflatex's sign reaches about as low as the sign, whose depth is only
    // estimated (`x = \sqrt{\frac{2}{n}}`): its middle is what must stand above the sign's foot.
    const low = (p: Piece) => (p.built ? (p.top + p.bottom) / 2 : p.bottom);
    const under = live.filter(
      (p) => p !== sign && p.x >= start - 0.5 && p.x < s.x1 - 0.1 * p.size && p.x + p.w <= s.x1 + 0.3 * p.size && p.top <= s.y1 + 0.15 * p.size && low(p) >= floor - 0.6 * p.size,
    );
    // Code is never under a root: a code span's shaded box, rounded where the span starts (Gemini
    // shades inline code and each line of a code block so), is drawn as one path like KaTeX's sign.
    // Under pdflatex's own sign, words in the text face are the radicand's (`\sqrt{\text{fan-in}}`).
    if (!under.length || under.some((p) => p.mono) || !(allMath(under) || (sign && under.every((p) => !p.prose)))) return undefined;
    if (!sign && s.y1 - s.y0 > 3.2 * Math.max(...under.map((p) => (p.built ? (p.top - p.bottom) / 1.2 : p.size)))) return undefined;
    const main = [...under].sort((a, b) => b.size - a.size)[0]!;
    const x = sign ? sign.x : s.x0;
    const rootTex = `\\sqrt{${assemble(under).trim()}}`;
    const root = builtPiece(rootTex, { x, w: s.x1 - x, y: main.y, size: main.size, top: s.y1, bottom: Math.min(s.y0, ...under.map((p) => p.bottom)) });
    return [...live.filter((p) => p !== sign && !under.includes(p)), root];
  }
}

/**
 * Fractions and radicals, from the narrowest rule or sign to the widest, so that nested ones
 * (a root in a denominator, a fraction under a root) are rebuilt from the inside out. A rule
 * that is a radical's bar is not a fraction's.
 */
function buildStacks(pieces: Piece[], shapes: Shape[], pageWidth: number, fonts: Map<Piece, string>): Piece[] {
  let live = pieces;
  // A box's top and bottom edges (\boxed, \fbox) are rules that meet a vertical edge: not fraction bars.
  const edge = (r: Shape) =>
    shapes.some((v) => v !== r && v.x1 - v.x0 < 1.6 && v.y1 - v.y0 > 4 && (Math.abs(v.x0 - r.x0) < 1.5 || Math.abs(v.x1 - r.x1) < 1.5) && v.y0 <= r.y1 + 1 && v.y1 >= r.y0 - 1);
  // A table's cell borders meet end to end on one height (Chromium draws each cell's border);
  // fraction bars side by side keep their null delimiters' gap between them.
  const cellBorder = (r: Shape) => shapes.some((o) => o !== r && o.rule && Math.abs(o.y0 - r.y0) < 0.3 && Math.abs(o.y1 - r.y1) < 0.3 && (Math.abs(o.x0 - r.x1) < 0.5 || Math.abs(o.x1 - r.x0) < 0.5));
  const candidates = shapes.filter((s) => (s.rule && s.x1 - s.x0 < 0.7 * pageWidth && !edge(s) && !cellBorder(s)) || s.complex).sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0));
  const bars = candidates.filter((s) => s.rule);
  for (const s of candidates) {
    const root = radicalAt(live, s, fonts);
    if (root) live = root;
    else if (s.rule) live = fractionAt(live, s, bars);
  }
  return live;
}

const BIG_OP = /^\\(?:sum|prod|coprod|int|oint|iint|bigcup|bigcap|bigoplus|bigotimes|bigvee|bigwedge|lim|max|min|sup|inf|limsup|liminf|operatorname\{arg(?:max|min)\})\s*$/;

/**
 * Limits of big operators set above and below them (display style): `\sum` with `u=1` under
 * it and `n` over it becomes `\sum_{u=1}^{n}`, before the limits could be read as lines of
 * their own. pdflatex's CMEX glyphs hang below their baseline: the line beside gives it.
 */
function buildBigOps(pieces: Piece[]): Piece[] {
  let live = pieces;
  // A text-style sum (KaTeX's Size1 glyph, TeX's smaller one) takes its limits as scripts at its
  // right: what stands over it is the line above.
  const ops = pieces.filter((p) => BIG_OP.test(p.tex.trim()) && (p.half === undefined || p.half >= 0.7));
  for (const op of ops) {
    const base = { y: op.y, size: op.size };
    const top = op.top;
    const bottom = op.bottom;
    // Limits are mathematics: prose of a smaller font on the line above is not a limit.
    const over = (p: Piece) => (p.math || p.mathy || !!p.built) && p.x + p.w / 2 > op.x - 0.3 * p.size && p.x + p.w / 2 < op.x + op.w + 0.3 * p.size && p.size < 0.9 * base.size;
    // A limit wider than its operator (`j \in N(i)`) is a run: pieces beside one on its baseline join it.
    const grow = (set: Piece[]) => {
      for (let added = set.length > 0; added; ) {
        added = false;
        for (const p of live) {
          if (p === op || set.includes(p) || !(p.math || p.mathy || p.built) || p.size >= 0.9 * base.size) continue;
          // A limit under the next operator is that one's, however close (`\sum_{i=1}^{m}\sum_{j=1}^{m}`).
          if (ops.some((o) => o !== op && Math.abs(o.y - op.y) < 0.5 * op.size && centre(p) > o.x && centre(p) < o.x + o.w)) continue;
          if (set.some((q) => Math.abs(p.y - q.y) < 0.15 * q.size && Math.min(Math.abs(p.x - (q.x + q.w)), Math.abs(q.x - (p.x + p.w))) < 0.4 * q.size)) {
            set.push(p);
            added = true;
          }
        }
      }
      return set;
    };
    // A script of the next line's (or the previous line's) letter, set right beside it at its
    // height, is that letter's, however close under the operator it stands (`X^{\top}` in the
    // line under a text-style `\min_w`).
    const scriptOfOther = (p: Piece) =>
      live.some((q) => q !== op && q.size >= 0.9 * base.size && p.x - (q.x + q.w) > -0.1 * p.size && p.x - (q.x + q.w) < 0.3 * p.size && p.y > q.bottom && p.y < q.top);
    const above = grow(live.filter((p) => p !== op && over(p) && p.bottom >= top - 0.35 * p.size && p.bottom < top + 1.2 * p.size && !scriptOfOther(p)));
    const below = grow(live.filter((p) => p !== op && over(p) && p.top <= bottom + 0.35 * p.size && p.top > bottom - 1.2 * p.size && !scriptOfOther(p)));
    if (!above.length && !below.length) continue;
    let tex = op.tex.trim();
    if (below.length) tex += `_{${assemble(below).trim()}}`;
    if (above.length) tex += `^{${assemble(above).trim()}}`;
    const built: Piece = {
      ...op,
      t: tex,
      tex,
      y: base.y,
      size: base.size,
      top: Math.max(op.top, ...above.map((p) => p.top)),
      bottom: Math.min(op.bottom, ...below.map((p) => p.bottom)),
      math: true,
      built: true,
    };
    live = [...live.filter((p) => p !== op && !above.includes(p) && !below.includes(p)), built];
  }
  return live;
}

/**
 * The frames drawn around formulas: KaTeX's `\boxed` (one stroked rectangle) and pdflatex's
 * (two rules joined by two vertical edges). A table's cells are framed too, but side by side or
 * one over the other, their borders shared or a border's width apart: those are no boxes.
 */
function frames(shapes: Shape[]): Box[] {
  const found: Box[] = shapes.filter((s) => s.outline && !s.complex && s.x1 - s.x0 > 4 && s.y1 - s.y0 > 4);
  const rules = shapes.filter((s) => s.rule);
  const edges = shapes.filter((s) => !s.rule && s.x1 - s.x0 < 1.6 && s.y1 - s.y0 > 4);
  for (const top of rules)
    for (const bottom of rules) {
      if (bottom.y1 >= top.y0 || Math.abs(bottom.x0 - top.x0) > 1 || Math.abs(bottom.x1 - top.x1) > 1) continue;
      const side = (x: number) => edges.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) < 1.5 && v.y0 <= bottom.y1 + 1 && v.y1 >= top.y0 - 1 && v.y1 - v.y0 > 0.8 * (top.y0 - bottom.y1));
      if (side(top.x0) && side(top.x1)) found.push({ x0: top.x0, y0: bottom.y0, x1: top.x1, y1: top.y1 });
    }
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0) > 0.5 * Math.min(a1 - a0, b1 - b0);
  const cell = (f: Box) =>
    found.some(
      (g) =>
        g !== f &&
        ((overlap(f.y0, f.y1, g.y0, g.y1) && (Math.abs(g.x0 - f.x1) < 4 || Math.abs(f.x0 - g.x1) < 4)) ||
          (overlap(f.x0, f.x1, g.x0, g.x1) && (Math.abs(g.y0 - f.y1) < 4 || Math.abs(f.y0 - g.y1) < 4))),
    );
  return found.filter((f) => !cell(f));
}

/**
 * Boxed answers: a frame drawn tight around a formula (the padding of `\boxed` is a third of an
 * em) is `\boxed{...}`, as the writer put it: the box marks the final answer. A framed block of
 * prose, or a frame with room around its formula (a message's border), is not.
 */
function buildBoxes(pieces: Piece[], shapes: Shape[], fonts: Map<Piece, string>): Piece[] {
  let live = pieces;
  for (const f of frames(shapes).sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))) {
    const within = (p: Piece) => p.y > f.y0 && p.y < f.y1;
    // A glyph run that starts in the frame and runs on past it (pdf.js joins `t) = -c`) is cut where the frame ends.
    let cand = live;
    for (const p of live.filter((q) => within(q) && !q.built && (q.math || q.mathy) && [...q.raw].length > 1 && q.x >= f.x0 - 0.5 && q.x < f.x1 - 0.2 * q.size && q.x + q.w > f.x1 + 0.3 * q.size)) {
      const n = [...p.raw].length;
      const parts = cut(p, [Math.max(1, Math.min(n - 1, Math.round(((f.x1 - p.x) / p.w) * n)))], fonts.get(p) ?? '');
      for (const q of parts) fonts.set(q, fonts.get(p) ?? '');
      cand = cand.flatMap((q) => (q === p ? parts : [q]));
    }
    const inside = cand.filter((p) => within(p) && p.x >= f.x0 - 0.5 && p.x + p.w <= f.x1 + 0.5);
    if (!inside.length || !inside.every((p) => p.math || p.mathy || p.built)) continue;
    const size = Math.max(...inside.map((p) => p.size));
    const [x0, x1] = [Math.min(...inside.map((p) => p.x)), Math.max(...inside.map((p) => p.x + p.w))];
    const [bottom, top] = [Math.min(...inside.map((p) => p.bottom)), Math.max(...inside.map((p) => p.top))];
    if (x0 - f.x0 > 0.8 * size || f.x1 - x1 > 0.8 * size || bottom - f.y0 > 0.8 * size || f.y1 - top > 0.8 * size) continue;
    const main = [...inside].sort((a, b) => b.size - a.size || b.w - a.w)[0]!;
    // One line boxed: rows in a box (an `aligned` in `\boxed`) are read as the lines they are.
    if (inside.some((p) => !p.built && p.size >= 0.9 * size && Math.abs(p.y - main.y) > 0.3 * size)) continue;
    // A sentence's stop the writer put in the box is the sentence's: it ends no answer.
    const inner = assemble(inside).trim();
    const stop = /\s*([.,;])$/.exec(inner);
    const tex = stop ? `\\boxed{${inner.slice(0, stop.index)}}${stop[1]}` : `\\boxed{${inner}}`;
    const boxed = builtPiece(tex, { x: f.x0, w: f.x1 - f.x0, y: main.y, size: main.size, top: f.y1, bottom: f.y0 });
    live = [...cand.filter((p) => !inside.includes(p)), boxed];
  }
  return live;
}

const OPENERS: Record<string, [string, string]> = {
  '[': ['[', ']'],
  '(': ['(', ')'],
  '|': ['|', '|'],
  '∣': ['|', '|'],
  '{': ['\\{', '\\}'],
  '\\{': ['\\{', '\\}'],
  '‖': ['\\|', '\\|'],
  '∥': ['\\|', '\\|'],
  '\\|': ['\\|', '\\|'],
  '⟨': ['\\langle', '\\rangle'],
  '\\langle': ['\\langle', '\\rangle'],
};
const ENV: Record<string, string> = { '[': 'bmatrix', '(': 'pmatrix', '|': 'vmatrix', '\\|': 'Vmatrix', '\\{': 'Bmatrix' };

/**
 * A row vector set in brackets of the text's size (MathJax 3's one-row `bmatrix`, whose brackets
 * need not grow): an opening bracket ending a formula's glyph run, its partner starting one on the
 * same baseline, and between them cells an em apart (see `rowCells`). `[a + b]`, `[0, 1]` and
 * `f(x)` split into no cells and stay as they are.
 */
function buildRowVectors(pieces: Piece[], fonts: Map<Piece, string>): Piece[] {
  let live = pieces;
  const opens = pieces.filter((p) => p.math && !p.built && p.half === undefined && /[[(]$/.test(p.raw)).sort((a, b) => b.x - a.x);
  for (const open of opens) {
    if (!live.includes(open)) continue;
    const closer = OPENERS[open.raw.slice(-1)]![1];
    const on = (p: Piece) => Math.abs(p.y - open.y) < 0.1 * open.size;
    const close = live
      .filter((p) => p !== open && p.math && !p.built && p.half === undefined && on(p) && p.size === open.size && p.x > open.x + open.w && p.raw.startsWith(closer))
      .sort((a, b) => a.x - b.x)[0];
    if (!close) continue;
    const inside = live.filter((p) => p !== open && p !== close && p.x >= open.x + open.w - 1 && p.x + p.w <= close.x + 1 && Math.abs(p.y - open.y) < 0.8 * open.size);
    // A bracket inside (`[f(1) \; f(2)]`) or prose between: no row of cells.
    if (!inside.length || !inside.every((p) => p.math || p.mathy || p.built) || inside.some((p) => on(p) && /[[\]()]/.test(p.raw))) continue;
    const cells = rowCells(inside);
    if (!cells) continue;
    const font = fonts.get(open) ?? '';
    const [head, bracket] = [...open.raw].length > 1 ? cut(open, [[...open.raw].length - 1], font) : [undefined, open];
    const [, tail] = [...close.raw].length > 1 ? cut(close, [1], font) : [close, undefined];
    const env = ENV[open.raw.slice(-1)]!;
    const tex = `\\begin{${env}} ${cells.join(' & ')} \\end{${env}}`;
    const all = [bracket!, ...inside, close];
    const built = builtPiece(tex, {
      x: bracket!.x,
      w: close.x + close.w / [...close.raw].length - bracket!.x,
      y: open.y,
      size: open.size,
      top: Math.max(...all.map((p) => p.top)),
      bottom: Math.min(...all.map((p) => p.bottom)),
    });
    for (const p of [head, tail]) if (p) fonts.set(p, font);
    live = [...live.filter((p) => p !== open && p !== close && !inside.includes(p)), ...(head ? [head] : []), built, ...(tail ? [tail] : [])];
  }
  return live;
}

/**
 * Matrices and big brackets: a tall opening delimiter, its partner on the same baseline, and
 * the pieces between them in rows (by baseline) and columns (by overlapping extents).
 */
function buildMatrices(pieces: Piece[], fonts: Map<Piece, string>): Piece[] {
  let live = pieces;
  const opens = pieces.filter((p) => (p.half ?? 0) > 0 && OPENERS[p.tex.trim()]).sort((a, b) => b.x - a.x);
  for (const open of opens) {
    if (!live.includes(open)) continue;
    const [, close] = OPENERS[open.tex.trim()]!;
    const r = open.half! * open.size;
    const axis = open.y + 0.25 * open.size;
    const partner = live
      .filter(
        (p) =>
          p !== open &&
          p.x > open.x &&
          Math.abs(p.y - open.y) < 0.2 * open.size &&
          p.size === open.size &&
          (OPENERS[p.tex.trim()]?.[1] === close || p.tex.trim() === close || (close === '\\rangle' && p.tex.trim() === '\\rangle')) &&
          fonts.get(p) === fonts.get(open),
      )
      .sort((a, b) => a.x - b.x)[0];
    // A left brace with no partner and rows beside it: `cases`.
    const cases = !partner && open.tex.trim() === '\\{';
    if (!partner && !cases) continue;
    const right = partner ? partner.x + 1 : Infinity;
    const inside = live.filter(
      (p) => p !== open && p !== partner && p.x >= open.x + open.w - 1 && p.x + p.w <= right + (partner?.raw === '' ? 0.2 * p.size : 0) && Math.abs(p.y + 0.25 * p.size - axis) < r + 0.2 * p.size,
    );
    if (!inside.length) continue;
    // Rows by baseline: the larger pieces of each row set it; scripts stay with their row.
    const rows: { y: number; size: number; pieces: Piece[] }[] = [];
    for (const p of [...inside].sort((a, b) => b.size - a.size || b.y - a.y)) {
      // A script on a row's tall bracket (`\left(\dfrac12\right)^n`) stands as high as the bracket's corner.
      const row = rows.find((w) => scriptOfTall(p, w)) ?? rows.find((w) => Math.abs(w.y - p.y) < (p.size < 0.9 * w.size ? 0.6 : 0.3) * w.size);
      if (row) row.pieces.push(p);
      else rows.push({ y: p.y, size: p.size, pieces: [p] });
    }
    rows.sort((a, b) => b.y - a.y);
    if (cases && rows.length < 2) continue;
    let tex: string;
    const env = cases ? 'cases' : ENV[open.tex.trim()];
    if (cases && env) {
      // Each row: a value, then (after a quad) its condition.
      const body = rows.map((row) => {
        const ps = [...row.pieces].sort((a, b) => a.x - b.x);
        let at = -1;
        let widest = 0.9 * row.size;
        for (let i = 1; i < ps.length; i++) {
          const gap = ps[i]!.x - Math.max(...ps.slice(0, i).map((p) => p.x + p.w));
          if (gap > widest) [at, widest] = [i, gap];
        }
        return at < 0 ? assemble(ps).trim() : `${assemble(ps.slice(0, at)).trim()} & ${assemble(ps.slice(at)).trim()}`;
      });
      tex = `\\begin{cases} ${body.join(' \\\\ ')} \\end{cases}`;
    } else if (rows.length >= 2 && env && close === OPENERS[open.tex.trim()]![1]) {
      // Columns: extents of the rows' main pieces that overlap horizontally are one column.
      const cols: { x0: number; x1: number }[] = [];
      for (const row of rows)
        for (const p of row.pieces.filter((q) => q.size >= 0.9 * row.size)) {
          const c = cols.find((k) => p.x < k.x1 + 0.3 * p.size && p.x + p.w > k.x0 - 0.3 * p.size);
          if (c) {
            c.x0 = Math.min(c.x0, p.x);
            c.x1 = Math.max(c.x1, p.x + p.w);
          } else cols.push({ x0: p.x, x1: p.x + p.w });
        }
      cols.sort((a, b) => a.x0 - b.x0);
      const colOf = (p: Piece) => {
        const c = cols.findIndex((k) => p.x + p.w / 2 >= k.x0 - 0.3 * p.size && p.x + p.w / 2 <= k.x1 + 0.3 * p.size);
        return c >= 0 ? c : cols.findIndex((k) => k.x0 > p.x) - 1;
      };
      const body = rows.map((row) => cols.map((_, c) => assemble(row.pieces.filter((p) => Math.max(0, colOf(p)) === c)).trim()).join(' & ')).join(' \\\\ ');
      tex = `\\begin{${env}} ${body} \\end{${env}}`;
    } else {
      const cells = env && partner && close === OPENERS[open.tex.trim()]![1] && rows.length === 1 ? rowCells(inside) : undefined;
      tex = cells ? `\\begin{${env}} ${cells.join(' & ')} \\end{${env}}` : `\\left${open.tex.trim()} ${assemble(inside).trim()} \\right${partner!.tex.trim()}`;
    }
    const built = builtPiece(tex, {
      x: open.x,
      w: (partner ? partner.x + partner.w : Math.max(...inside.map((p) => p.x + p.w))) - open.x,
      y: open.y,
      size: open.size,
      top: axis + r,
      bottom: axis - r,
    });
    live = [...live.filter((p) => p !== open && p !== partner && !inside.includes(p)), built];
  }
  return live;
}

/**
 * The cells of a one-row matrix (`\\begin{bmatrix} 0 & 0.8 & 0 \\end{bmatrix}`, a row vector): a
 * matrix sets its columns apart by about an em, wider than any space inside a formula (a medium
 * space, a comma's), so the row's pieces split at such gaps. Undefined when nothing splits it:
 * `[a + b]` is a bracket.
 */
function rowCells(inside: Piece[]): string[] | undefined {
  const size = Math.max(...inside.map((p) => p.size));
  const ps = [...inside].sort((a, b) => a.x - b.x);
  const groups: Piece[][] = [[ps[0]!]];
  let end = ps[0]!.x + ps[0]!.w;
  for (const p of ps.slice(1)) {
    if (p.x - end > 0.75 * size && p.size >= 0.9 * size) groups.push([p]);
    else groups[groups.length - 1]!.push(p);
    end = Math.max(end, p.x + p.w);
  }
  if (groups.length < 2) return undefined;
  const cells = groups.map((g) => assemble(g).trim());
  // A cell ending or starting on an operator or a comma is a formula spread out, not a matrix's column.
  return cells.every((c) => c && !/^[-+=<>,]$|[+=<>,]$|^[+=<>,]/.test(c)) ? cells : undefined;
}

interface Token {
  t: string;
  tex: string;
  x0: number;
  x1: number;
  size: number;
  math: boolean;
  mathy: boolean;
  mono: boolean;
  /** Set in a prose font (see `Piece.prose`). */
  prose?: boolean;
  /** Prose in a bold face (see `Piece.bold`). */
  bold?: boolean;
}

/**
 * A heading's text without the counter a typesetter set before it (pdflatex's `\section` sets `2`,
 * then a quad, then the title) when the title numbers itself (`2  Question 1: Newton–Schulz`,
 * `3.1  Problem 4`): the counter counts the document's sections (a method section before the
 * first question shifts it), and read as the title's number it names another question. A counter
 * is told by the quad after it, wider than any space between words; a number typed before a title
 * with a space (`2 Question 1`), or before a title that names no number, is kept.
 */
function withoutCounter(text: string, toks: Token[]): string {
  if (toks.length < 2 || toks[0]!.math || toks[0]!.mono || !/^\d{1,2}(?:\.\d{1,2}){0,2}$/.test(toks[0]!.t.trim())) return text;
  if (toks[1]!.x0 - toks[0]!.x1 < 0.8 * toks[0]!.size) return text;
  const title = text.slice(toks[0]!.t.trim().length).trimStart();
  return /^\p{L}[\p{L}.]*\s?\d{1,2}\b/u.test(title) ? title : text;
}

/** A part's label with its number, as a reply heads an answer with it: `3(d) ii`, `Q2 (b)`, `Part 4c`, `2.b iii`. */
const PART_LABEL = /^(?:(?:Part|Problem|Question|Q)\s*)?\d{1,2}\s*(?:\(\s*[a-h]\s*\)|\.?[a-h]\b)?(?:\s*\(?[ivx]{1,4}\)?)?$/i;

/**
 * A line that opens on a bold title and goes on in the text face (`1. **Output shape of the
 * pooling layer.** Pooling has no padding ...`): the title in Markdown's bold, as the chat wrote
 * it, so a reply's sections read as sections. A line bold throughout (a heading) and bold words
 * within a sentence are left as they are. A title the column wrapped is told by its pieces: a
 * line bold from its title's start to its end (`titleAt`), and a line that opens on the title's
 * last bold words (`titleRest`); the reader of lines joins them (see `TextLine.titleAt`).
 */
function withRunInTitle(text: string, toks: Token[]): { text: string; titleAt?: number; titleRest?: string } {
  let from = 0;
  // A list's number or letter before the title is set in the text face.
  if (toks.length && !toks[0]!.bold && /^(?:\d{1,2}[.)]|\(?[a-hivx]{1,4}\)|[-•·*–])$/.test(toks[0]!.t.trim())) from = 1;
  // The title's formulas are set in math fonts, never bold: they stay in it between bold words. It
  // ends at its first stop (`**Input:** $I = ...$ **Filter:** $F$` is two labels, not one title).
  let to = from;
  if (toks[from]?.bold && !toks[from]!.math)
    for (let k = from; k < toks.length && (toks[k]!.bold || toks[k]!.math); k++) {
      if (!toks[k]!.bold) continue;
      to = k + 1;
      if (/[.:]$/.test(toks[k]!.t.trim())) break;
    }
  if (to === from) return { text };
  const title = lineText(toks.slice(from, to)).text.trim();
  const at = text.indexOf(title);
  if (!title || at < 0 || at > 6) return { text };
  // Bold to the line's end: a line of a title the column wrapped (its first, if it starts as a
  // title does), or a whole title whose text the column put on the next line.
  // A heading's formulas are in math fonts (`**Faster computation when $d_{out} \gg d_{in}$**`): bold words and formulas to the end are bold throughout.
  const heading = to < toks.length && !/[.:]$/.test(toks[to - 1]!.t.trim()) && toks.slice(to).every((t) => t.math || t.bold || !t.t.trim());
  if (heading) {
    const whole = lineText(toks.slice(from)).text.trim();
    const k = text.indexOf(whole);
    return k >= 0 && k <= 6 && k + whole.length === text.length ? { text, titleAt: k } : { text };
  }
  if (to === toks.length) return at + title.length === text.length ? { text, titleAt: at } : { text };
  if (!toks.slice(to).some((t) => t.t.trim() && !t.bold)) return { text };
  // A title ends as a run-in title does (`... layer.`, `Final answer:`, `(a)`), or is a part's
  // label alone (`3(d) ii`, `Part 2b`: the reply's parts, however it ends them); a bold word that a
  // wrapped sentence happens to start a line with (`**invariance**: shifting ...`) does not.
  if (!/[.:)]$/.test(title) && !PART_LABEL.test(title)) return { text };
  const rest = at === 0 ? { titleRest: title } : {};
  // It starts as a title does, too: a lowercase word opening a line goes on a sentence the line
  // above broke (or the title the line above opened).
  if (!/^[\p{Lu}\d(]/u.test(title)) return { text, ...rest };
  return { text: `${text.slice(0, at)}**${title}**${text.slice(at + title.length)}`, ...rest };
}

/**
 * A line that closes on words set bold after its text face (`‖ΔW‖₂ = α ≤ √d_out ⟹ **α = √d_out**`,
 * `so the output is **5 × 5**.`): the bold written as the chat wrote it, since a reply marks so the
 * answer it commits to. Not when the next line opens bold (`nextOpensBold`): a bold phrase the
 * column wrapped does not end on this line.
 */
function withClosingBold(text: string, toks: Token[], nextOpensBold: () => boolean): string {
  let end = toks.length;
  // The sentence's stop after the bold words is in the text face.
  while (end > 0 && !toks[end - 1]!.bold && /^[\s.,;:!?)]*$/.test(toks[end - 1]!.t)) end--;
  if (!toks[end - 1]?.bold) return text;
  // The bold words and the formulas among them (set in math fonts, never bold), from the first bold word.
  let from = end;
  while (from > 0 && (toks[from - 1]!.bold || toks[from - 1]!.math)) from--;
  while (from < end && !toks[from]!.bold) from++;
  const stop = toks
    .slice(end)
    .map((t) => t.t)
    .join('')
    .trim();
  // Bold throughout (a heading, a run-in title's line) is another reader's; so is a bold stop
  // alone. Bold to a sentence's stop set in the text face (`**a 14 x 14 x 32 output**.`) is no
  // heading: the answer a sentence closes on, the column having wrapped all of it onto this line.
  const whole = !toks.slice(0, from).some((t) => !t.bold && !t.math && /[\p{L}\p{N}]/u.test(t.t));
  if (whole && !/^[.,;!?]+$/.test(stop)) return text;
  if (!toks.slice(from, end).some((t) => t.bold && /[\p{L}\p{N}]/u.test(t.t))) return text;
  const bold = lineText(toks.slice(from, end)).text.trim();
  const at = text.lastIndexOf(bold);
  if (!bold || at < 0 || (at === 0 && !whole) || text.slice(at + bold.length).trim() !== stop || text.endsWith('**') || nextOpensBold()) return text;
  return `${text.slice(0, at)}**${bold}**${text.slice(at + bold.length)}`;
}

/** Whether a line's first words are set bold (see `withClosingBold`). */
function opensBold(line: { pieces: Piece[] } | undefined): boolean {
  const first = line?.pieces.filter((p) => p.t.trim()).sort((a, b) => a.x - b.x)[0];
  return !!first?.bold;
}

/** Whether a run of smaller mathematics starts right at the end of script `p`, off its baseline: its script. */
function flushAfter(p: Piece, run: Piece[]): boolean {
  const gap = run[0]!.x - (p.x + p.w);
  return (p.math || p.mathy) && gap > -0.3 * p.size && gap < 0.2 * p.size && Math.abs(run[0]!.y - p.y) > 0.1 * p.size && run.every((q) => !q.prose && !q.mono && q.size < 0.95 * p.size);
}

/** Pieces on one baseline with their scripts and limits attached, left to right. */
function tokens(pieces: Piece[]): Token[] {
  if (!pieces.length) return [];
  // The baseline: the one the large pieces share most (a big operator sits lower than its line).
  const maxSize = Math.max(...pieces.map((p) => p.size));
  // A script's script is three quarters of a script at 11 and 12 pt (8 and 6 pt): never a base.
  const big = pieces.filter((p) => p.size > 0.78 * maxSize);
  const weight = (y: number) => big.filter((q) => Math.abs(q.y - y) <= 0.1 * q.size).reduce((s, q) => s + q.w * q.size, 0);
  const ref = [...big].sort((a, b) => weight(b.y) - weight(a.y) || b.size - a.size)[0]!;
  const refSize = Math.max(...big.filter((q) => Math.abs(q.y - ref.y) <= 0.1 * q.size).map((q) => q.size));
  const isBase = (p: Piece) => {
    const dy = Math.abs(p.y - ref.y);
    // Prose on the baseline is the sentence's however small beside the formula (MathJax scales its
    // fonts to the prose's x-height: 1.37 times DejaVu Sans), never a script of it.
    return (
      (p.size >= 0.75 * refSize && dy <= 0.1 * refSize) ||
      (p.size >= 0.9 * refSize && dy <= 0.25 * refSize) ||
      (!!p.built && dy <= 0.3 * refSize) ||
      (!!p.prose && p.size >= 0.55 * refSize && dy <= 0.05 * refSize)
    );
  };
  const bases = pieces.filter(isBase).sort((a, b) => a.x - b.x);
  const scripts = pieces.filter((p) => !isBase(p));
  const attached = new Map<Piece, { sup: Piece[]; sub: Piece[] }>();
  const loose: Piece[] = [];
  // A script is a run of glyph runs on one baseline (`R \sim \text{Bernoulli}(p)`): the run has
  // one base, found from its first piece, however far its last piece reaches.
  const runs: Piece[][] = [];
  for (const s of [...scripts].sort((a, b) => a.x - b.x)) {
    const run = runs.find((r) => {
      const last = r[r.length - 1]!;
      return (
        Math.abs(last.y - s.y) < 0.15 * s.size &&
        s.x - (last.x + last.w) < 0.4 * s.size &&
        s.x - (last.x + last.w) > -0.3 * s.size &&
        !BIG_OP.test(last.tex.trim()) &&
        !bases.some((b) => b.x < s.x && b.x + b.w > last.x + last.w)
      );
    });
    if (run) run.push(s);
    else runs.push([s]);
  }
  for (const run of runs) {
    const s = run[0]!;
    const x1 = Math.max(...run.map((p) => p.x + p.w));
    const mid = (s.x + x1) / 2;
    // Limits stand over or under their operator; scripts follow their base.
    const owner =
      bases.find((b) => mid > b.x && mid < b.x + b.w && x1 - s.x < b.w + 0.6 * b.size && (s.bottom >= b.top - 0.3 * b.size || s.top <= b.bottom + 0.3 * b.size)) ??
      [...bases].reverse().find((b) => b.x + b.w <= s.x + 0.35 * b.size && s.x - (b.x + b.w) < 1.2 * b.size);
    // A word of TeX's text font set small and off the baseline, flush against a formula's symbol,
    // is its script (pdflatex's `H_{\text{in}}`, `\sigma_{\max}`): prose never touches a symbol so.
    const textScript =
      !!owner &&
      (owner.math || !!owner.built) &&
      run.every((p) => !p.prose && !p.mono && !p.math && /^[A-Za-z]+(?:,[A-Za-z]+)*$/.test(p.raw.trim()) && p.raw.trim().length <= 12) &&
      Math.abs(s.y - owner.y) > 0.1 * owner.size &&
      s.x - (owner.x + owner.w) < 0.2 * owner.size;
    // A script's script too far from the base to own it (`\mathbb{R}^{n_{\text{out}} \times n_{\text{in}}}`'s
    // `in`) goes with the script it stands flush after: it is that script's.
    const host = owner ? undefined : [...attached.values()].flatMap((a) => [a.sup, a.sub]).find((list) => list.some((p) => flushAfter(p, run)));
    if (host) {
      host.push(...run);
      continue;
    }
    // Prose takes no scripts: a script beside prose is part of a formula the reading missed.
    if (!owner || !(owner.math || owner.mathy || owner.built) || !(textScript || run.some((p) => p.math || p.mathy || p.built))) {
      loose.push(...run);
      continue;
    }
    const a = attached.get(owner) ?? { sup: [], sub: [] };
    (s.y > owner.y ? a.sup : a.sub).push(...run);
    attached.set(owner, a);
  }
  const out: Token[] = [];
  for (const b of [...bases, ...loose].sort((p, q) => p.x - q.x)) {
    const a = attached.get(b);
    let tex = b.tex;
    let x1 = b.x + b.w;
    if (a) {
      const brace = (ps: Piece[]) => `{${assemble(ps).trim()}}`;
      tex = tex.trimEnd();
      if (a.sub.length) tex += `_${brace(a.sub)}`;
      // Primes are written as the person writes them (`w'`, `V_i'`), not as a superscript group.
      const sup = a.sup.length ? brace(a.sup) : '';
      if (/^\{'+\}$/.test(sup)) tex += sup.slice(1, -1);
      else if (sup) tex += `^${sup}`;
      x1 = Math.max(x1, ...[...a.sub, ...a.sup].map((p) => p.x + p.w));
    }
    out.push({ t: a ? tex : b.t, tex, x0: b.x, x1, size: b.size, math: b.math || !!b.built || !!a, mathy: b.mathy, mono: b.mono, prose: b.prose && !a, ...(b.bold && !a ? { bold: true } : {}) });
  }
  return out;
}

/** A group of pieces (a script, a numerator) as LaTeX: all of it is mathematics. */
function assemble(pieces: Piece[]): string {
  return tidyTex(
    tokens(pieces)
      .map((t) => t.tex)
      .join('')
      .replace(/\s+/g, ' '),
  );
}

/** Glyph pairs that make one symbol (`⇐⇒` is \iff, `=⇒` is \implies), dots that make an ellipsis. */
function tidyTex(tex: string): string {
  return (
    tex
      .replace(/\\Leftarrow\s*\\Rightarrow\s*/g, '\\iff ')
      .replace(/=\s*\\Rightarrow\s*/g, '\\implies ')
      .replace(/\\Leftarrow\s*=/g, '\\impliedby ')
      // TeX's \not is a slash glyph set over the relation that follows it.
      .replace(/\u0338\s*=|=\s*\u0338/g, '\\ne ')
      .replace(/\u0338\s*\\in\b\s*/g, '\\notin ')
      .replace(/\u0338\s*/g, '\\not ')
      .replace(/(?:\.\s*){3}/g, '\\ldots ')
      .replace(/(?:\\cdot\s*){3}/g, '\\cdots ')
  );
}

const ARROWS: Record<string, string> = {
  Rightarrow: '⇒',
  implies: '⟹',
  Longrightarrow: '⟹',
  to: '→',
  rightarrow: '→',
  longrightarrow: '⟶',
  iff: '⟺',
  Leftrightarrow: '⇔',
  leftarrow: '←',
  Leftarrow: '⇐',
};
const ARROW_LEAD = /^\s*\\(Rightarrow|implies|Longrightarrow|to|rightarrow|longrightarrow|iff|Leftrightarrow|leftarrow|Leftarrow)(?![a-zA-Z])\s*/;
const ARROW_TRAIL = /\s*\\(Rightarrow|implies|Longrightarrow|to|rightarrow|longrightarrow|iff|Leftrightarrow|leftarrow|Leftarrow)\s*$/;

/** What stands for a picture the font has no character for (an emoji drawn from a colour font). */
const UNNAMED_PICTURE = '\u{1F5BC}';

/**
 * How many spaces stand between two words: one, or as many as fill the gap when it is several
 * spaces wide in a prose font (a page of typed text keeps spaces typed in a row: buttons copied as
 * `Copy   Regenerate`, a note set apart with `     << ok`, columns typed apart), since the readers
 * of text tell those by them. A gap a page's layout makes (a stamp at the far right) is wider than
 * anyone types; TeX's text fonts stretch their spaces, and never set typed ones.
 */
function typedSpaces(prev: Token, next: Token, math: boolean): number {
  const gap = next.x0 - prev.x1;
  // DejaVu Sans's and Liberation's spaces are a third of an em and less.
  const space = 0.32 * next.size;
  if (math || !prev.prose || !next.prose || prev.mono || next.mono || gap < 1.6 * space || gap > 8 * next.size) return 1;
  return Math.round(gap / space);
}

/** Spaces typed beyond the first, kept through the tidying of spaces between a line's pieces. */
const TYPED_SPACE = '\uF8FF';

/** Joins a line's tokens into Markdown + LaTeX: formula runs in `$...$`. */
function lineText(toks: Token[]): { text: string; display: boolean; stop?: string; lead?: number; typed?: number } {
  // Upright `=`, digits and brackets that touch a formula are part of it (pdflatex sets them in CMR).
  const math = toks.map((t) => t.math);
  for (let changed = true; changed; ) {
    changed = false;
    toks.forEach((t, i) => {
      if (math[i] || !t.mathy || t.prose) return;
      const near = (j: number) => j >= 0 && j < toks.length && math[j] && Math.min(Math.abs(toks[j]!.x0 - t.x1), Math.abs(t.x0 - toks[j]!.x1)) < 0.6 * t.size;
      if (near(i - 1) || near(i + 1)) {
        math[i] = true;
        changed = true;
      }
    });
  }
  // Runs of formula and of prose, each with the space that stood before it. Prose set in a
  // monospaced font among prose that is not (a chat's inline code) is a run of its own, code.
  const runs: { math: boolean; code?: boolean; text: string; space: string; x0: number; x1: number }[] = [];
  const inline = !toks.every((t) => t.mono);
  // A typewriter word touching a formula (`\texttt{relu}(x)`) is the formula's, not inline code.
  const touches = (i: number, j: number) => j >= 0 && j < toks.length && math[j] && Math.min(Math.abs(toks[j]!.x0 - toks[i]!.x1), Math.abs(toks[i]!.x0 - toks[j]!.x1)) < 0.3 * toks[i]!.size;
  const typewriter = toks.map((t, i) => inline && t.mono && !math[i] && (touches(i, i - 1) || touches(i, i + 1)));
  const texOf = (t: Token, i: number) => (typewriter[i] ? `\\texttt{${t.t.trim()}}` : t.tex);
  typewriter.forEach((w, i) => w && (math[i] = true));
  const code = toks.map((t, i) => inline && t.mono && !math[i]);
  toks.forEach((t, i) => {
    const gap = i ? t.x0 - toks[i - 1]!.x1 : 0;
    // A sentence's stop cut from a formula's run (see `cutAtProse`) has lost its gap: it still parts them.
    const stop = i > 0 && math[i] && !math[i - 1] && /[.;:!?]$/.test(toks[i - 1]!.t);
    const space = i > 0 && (gap > 0.18 * t.size || stop) ? ` ${TYPED_SPACE.repeat(typedSpaces(toks[i - 1]!, t, math[i - 1]! || math[i]!) - 1)}` : '';
    const last = runs[runs.length - 1];
    // A gap wider than any spacing inside a formula (`\qquad` is 2 em) parts a table's columns:
    // each cell is a formula of its own, never one product of all of them.
    const column = math[i] && gap > 3 * t.size;
    // A space a formula writes itself (`\quad`, `\qquad`: an em or two, wider than any operator's
    // spacing) parts what it sets apart, an answer from its remark (`\sqrt{d} \quad (\approx 32)`).
    const quad = math[i] && last?.math && gap > 0.8 * t.size ? (gap > 1.7 * t.size ? ' \\qquad ' : ' \\quad ') : undefined;
    if (last && last.math === math[i] && !!last.code === code[i] && !column) {
      last.text += (quad ?? space) + (math[i] ? texOf(t, i) : t.t);
      last.x1 = t.x1;
    } else runs.push({ math: math[i]!, ...(code[i] ? { code: true } : {}), text: math[i] ? texOf(t, i) : t.t, space, x0: t.x0, x1: t.x1 });
  });
  // How wide the formula the line opens with is: MathJax spaces its operators wider than the
  // prose's characters, so a count of characters would not say whether it fitted on the line above.
  // So with a first word in a prose font that is typed text, not typeset (a page of text: `\times 28
  // ...`, `From (a), dw_{h,l}`): its share of its glyph run's characters but its spaces, as the
  // reader of lines measures words, not a count of what it would show typeset.
  const word = /^\S+/.exec(toks[0]?.t ?? '')?.[0];
  const letters = (toks[0]?.t ?? '').replace(/\s/g, '').length;
  const typed = !runs[0]?.math && !runs[0]?.code && toks[0]?.prose && word && letters ? ((toks[0].x1 - toks[0].x0) * word.length) / letters : undefined;
  const lead = runs[0]?.math ? runs[0].x1 - runs[0].x0 : undefined;
  // A display's closing full stop in the prose font is the sentence's, as it is in the formula's font.
  const stop = runs.length > 1 && /^[.,;:]$/.test(runs[runs.length - 1]!.text.trim()) && runs.slice(0, -1).every((r) => r.math) ? runs.pop()!.text.trim() : undefined;
  // A line of nothing but formula is one display, its columns rejoined; an equation's number
  // set apart at the margin (`(3)`) is its tag, not a factor.
  if (runs.length > 1 && runs.every((r) => r.math)) {
    const tag = /^\(([\w.]{1,4})\)$/.exec(runs[runs.length - 1]!.text.trim());
    if (tag) {
      runs.pop();
      const last = runs[runs.length - 1]!;
      last.text = `${last.text.replace(/\s*[.,;]\s*$/, '')} \\tag{${tag[1]}}`;
    }
    const text = runs.map((r, i) => (i ? r.space || ' ' : '') + r.text).join('');
    runs.splice(0, runs.length, { math: true, text, space: runs[0]!.space, x0: runs[0]!.x0, x1: runs[runs.length - 1]!.x1 });
  }
  // A "formula" of nothing but punctuation or a stray accent is text (a period in a math font).
  for (const r of runs) if (r.math && !/[a-zA-Z0-9\\]/.test(r.text)) r.math = false;
  // An arrow between prose and a formula joins sentences ("finite $n$ ⇒ coupling"): it is
  // written as prose, so the formula it stood in keeps only what it states.
  runs.forEach((r, i) => {
    if (!r.math) return;
    const prev = runs[i - 1];
    const next = runs[i + 1];
    const lead = ARROW_LEAD.exec(r.text);
    if (lead && prev && !prev.math) {
      prev.text += `${r.space}${ARROWS[lead[1]!]}`;
      r.text = r.text.slice(lead[0].length);
      r.space = ' ';
    }
    const trail = ARROW_TRAIL.exec(r.text);
    if (trail && next && !next.math) {
      next.text = `${ARROWS[trail[1]!]}${next.space}${next.text}`;
      next.space = ' ';
      r.text = r.text.slice(0, trail.index);
    }
    if (!r.text.trim()) {
      r.math = false;
      r.text = '';
    }
  });
  const display = runs.length > 0 && runs.every((r) => r.math);
  let out = '';
  for (const r of runs) {
    if (!r.math) {
      // Code in backticks, as the chat wrote it: unmarked, `2*c*d_in` reads as the answer's arithmetic.
      // A part's letter in brackets is one label: pdflatex kerns `f` and `)` apart (`4(f )`), and
      // the gap read as a space hid the label.
      out += r.space + (r.code && r.text.trim() ? `\`${r.text.trim()}\`` : r.text.replace(/\((\p{L}) \)/gu, '($1)'));
      continue;
    }
    let tex = tidyTex(r.text.trim());
    // A full stop drawn under a radical's bar (`\sqrt{1-\beta .}`) belongs to the sentence after it:
    // the rule reaches over it. Not after a digit, where it may be a decimal point.
    const under = /(?<![\\\d])\s*([.,;])\}$/.exec(tex);
    if (under && /\\sqrt(?:\[[^\]]*\])?\{[^{}]*$/.test(tex.slice(0, under.index))) tex = `${tex.slice(0, under.index)}}${under[1]}`;
    // Sentence punctuation set in the formula's font ends the sentence, not the formula.
    const found = /\s*([.,;:])$/.exec(tex);
    // (Not an escaped `\,` or `\.`; a command's name before it, `\beta .`, ends as any letter does.)
    const tail = found && !/\\$/.test(tex.slice(0, found.index)) ? found : undefined;
    if (tail) tex = tex.slice(0, tail.index);
    // So does punctuation that opens the run ("self-dual: $(L_2)^*$"): the sentence's, before the formula.
    const lead = /^([,;:])\s*(?![=\s]*$)(?!=)/.exec(tex);
    if (lead && !display) {
      out += `${r.space}${lead[1]}`;
      r.space = ' ';
      tex = tex.slice(lead[0].length);
    }
    // Brackets of the sentence around a formula ("(size $N$)") are not the formula's: a closing
    // bracket the formula never opened, or an opening one it never closes, stays outside.
    let before = '';
    let after = '';
    const count = (re: RegExp) => (tex.match(re) ?? []).length;
    while (!display && /[)\]]$/.test(tex) && count(/[)\]]/g) > count(/[([]/g)) {
      after = tex.slice(-1) + after;
      tex = tex.slice(0, -1).trimEnd();
    }
    while (!display && /^[([]/.test(tex) && count(/[([]/g) > count(/[)\]]/g)) {
      before += tex[0];
      tex = tex.slice(1).trimStart();
    }
    if (!tex) {
      out += r.space + before + after + (tail?.[1] ?? '');
      continue;
    }
    // A sentence's full stop inside a run of formula ("$A^0 = I$. $(A^0)_{ij} = 1$") ends one formula.
    const sentences = display ? [tex] : tex.split(/(?<![\\\d.])\.\s+(?=[^\d\s.])/);
    out += `${r.space}${before}${sentences.map((x) => `$${x.trim()}$`).join('. ')}${after}${tail && !display ? tail[1] : ''}`;
  }
  if (display) out = `$${out.trim()}$`;
  // A glyph the font maps to no character (an emoji drawn from a colour font) comes as a control
  // character: the page shows a picture there, no letter, and a NUL in the text spoils what reads it.
  // One opening the line before words marks it as a chat's icons mark a section's title (`🧮
  // Runtime of one iteration`): a picture of no known character (🖼) keeps that mark.
  out = out.replace(/^\s*[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+\s+(?=\S)/, `${UNNAMED_PICTURE} `);
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  out = out.replace(/[ \t]+/g, ' ').replace(/ ?(\uF8FF+) ?/g, (_m, typed: string) => ' '.repeat(typed.length + 1));
  return { text: out.trim(), display, ...(display && stop ? { stop } : {}), ...(lead !== undefined && !display ? { lead } : {}), ...(typed !== undefined ? { typed } : {}) };
}

/** A table printed with cell borders: its columns' bounds and the height its rows take. */
interface Grid {
  x0: number;
  x1: number;
  /** Where one column ends and the next begins. */
  cuts: number[];
  y0: number;
  y1: number;
  /** The heights of its row borders, lowest first: a row's lines stand between two of them. */
  rules: number[];
}

/** A line of glyph runs on one baseline, as far as a table's reading needs it. */
interface Placed {
  y: number;
  size: number;
  x0: number;
  x1: number;
  pieces: { x: number; w: number }[];
}

/**
 * Whether a line can stand in the cells of a table with these columns: within its bounds, no
 * run across a column's bound, and right of its left edge (a cell's text stands inside its
 * padding, a sentence before or after the table is flush with the column).
 */
function inCells(l: Placed, g: Pick<Grid, 'x0' | 'x1' | 'cuts'>): boolean {
  return l.x0 > g.x0 + 1 && l.x1 <= g.x1 + 2 && !l.pieces.some((p) => g.cuts.some((c) => p.x < c - 2 && p.x + p.w > c + 2));
}

/**
 * Tables whose cells Chromium prints with borders: rules meeting end to end on one height are a
 * row's border, and the points where they meet are the column bounds. Borders of the same
 * columns at several heights make one table; its rows stand between them, and above the top one
 * (the header, over its bottom border) and below the lowest (a last row ruled only above) its
 * lines as far as they go on a line apart, in the cells.
 */
function cellGrids(shapes: Shape[], lines: Placed[]): Grid[] {
  // A border drawn twice (a header Chromium repeats on a new page) is one.
  const rules = shapes
    .filter((s) => s.rule)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
    .filter((r, i, all) => !i || [r.x0 - all[i - 1]!.x0, r.x1 - all[i - 1]!.x1, r.y0 - all[i - 1]!.y0].some((d) => Math.abs(d) > 0.3));
  const chains: { x0: number; x1: number; cuts: number[]; y0: number; y1: number }[] = [];
  let current: (typeof chains)[number] | undefined;
  for (const r of rules) {
    if (current && Math.abs(r.y0 - current.y0) < 0.3 && Math.abs(r.x0 - current.x1) < 0.5) {
      current.cuts.push(current.x1);
      current.x1 = r.x1;
    } else {
      current = { x0: r.x0, x1: r.x1, cuts: [], y0: r.y0, y1: r.y1 };
      chains.push(current);
    }
  }
  const grids: (Omit<Grid, 'rules'> & { ys: number[] })[] = [];
  for (const c of chains.filter((x) => x.cuts.length)) {
    const same = grids.find((g) => Math.abs(g.x0 - c.x0) < 1 && Math.abs(g.x1 - c.x1) < 1 && g.cuts.length === c.cuts.length && g.cuts.every((x, i) => Math.abs(x - c.cuts[i]!) < 1));
    if (same) {
      same.y0 = Math.min(same.y0, c.y0);
      same.y1 = Math.max(same.y1, c.y1);
      same.ys.push(c.y0);
    } else grids.push({ ...c, ys: [c.y0] });
  }
  return grids.flatMap((g) => {
    const ys = g.ys.sort((a, b) => a - b);
    const steps = ys.slice(1).map((y, i) => y - ys[i]!);
    const step = steps.length ? Math.min(...steps) : 30;
    const over = lines.filter((l) => l.x1 > g.x0 && l.x0 < g.x1);
    // Two tables of the same columns (Claude's cost table before and after a rewrite) are parted
    // by what stands between them: a gap far wider than a row, and a sentence in it. A row whose
    // cells the column wrapped is as tall, but all its lines stand in the cells.
    const parted = (lo: number, hi: number) => {
      const between = over.filter((l) => l.y > lo && l.y < hi);
      return hi - lo >= 1.6 * step && (!between.length || between.some((l) => !inCells(l, g)));
    };
    const tables: number[][] = [];
    ys.forEach((y, i) => (i && !parted(ys[i - 1]!, y) ? tables[tables.length - 1]!.push(y) : tables.push([y])));
    const thickness = g.y1 - g.y0 - (ys[ys.length - 1]! - ys[0]!);
    // The header's words the column wrapped stand a line apart over the first border, in the
    // cells; a line farther or across the columns is the sentence before.
    const reach = (from: number, dir: 1 | -1) => {
      let edge = from + dir * step;
      const beyond = over.filter((l) => dir * (l.y - from) > 0).sort((a, b) => dir * (a.y - b.y));
      for (const l of beyond) {
        if (dir * (l.y - edge) < 0) continue;
        if (!inCells(l, g) || dir * (l.y - edge) > 1.2 * l.size) break;
        edge = l.y + dir * 0.5 * l.size;
      }
      return edge;
    };
    return tables.map((t) => ({ x0: g.x0, x1: g.x1, cuts: g.cuts, y0: reach(t[0]!, -1), y1: reach(t[t.length - 1]! + thickness, 1), rules: t }));
  });
}

/**
 * A cell's own bars kept in its cell: a sheet's `100 | 28×28×10` escaped as Markdown writes it. (A
 * formula's bars, `$|x|$`, stay as written: the table readers split no cell inside a formula.)
 */
function ownPipes(cell: string): string {
  return cell
    .split(/(\$[^$]*\$)/)
    .map((piece, k) => (k % 2 ? piece : piece.replace(/(?<!\\)\|/g, '\\|')))
    .join('');
}

/**
 * A cell's lines, which the column wrapped, as one: a word broken after its hyphen (`CONV3-` /
 * `10`) is one word, and so is an arrow broken after its shaft (`"bd,hdq-` / `>bhq"`); a formula
 * broken after an operator (`3 \times 3 + 10 =` / `100`; KaTeX breaks only there) one formula.
 */
function joinCell(parts: string[]): string {
  return parts.reduce((a, b) => {
    if (/[\p{L}\d]-$/u.test(a) && /^[\p{L}\d>]/u.test(b)) return a + b;
    if (/(?:[=+\-<>,]|\\(?:times|cdot|le|ge|approx|ne|to))\s*\$$/.test(a) && /^\$(?!\$)/.test(b)) return `${a.slice(0, -1).trimEnd()} ${b.slice(1)}`;
    return a ? `${a} ${b}` : b;
  }, '');
}

/**
 * A script set by a tall piece's height rather than its line's (`\left[\frac{a}{b}+c\right]^2`,
 * `\Big\|W\Big\|_2^2`): TeX raises it to the piece's top corner, or lowers it to its bottom one,
 * further off the baseline than any script of a letter. It starts flush after the piece and stands
 * within its height; a script of the line above or below (the next row of an `align`) does not.
 * A bracket barely taller than the text (`\left(\tfrac12\right)^n`, 1.2 lines) raises its power
 * just past a letter's reach: that power straddles the bracket's top corner, its baseline below
 * the corner and its top above it, where no piece of the next row (all below the bracket) or of
 * the row above (all above it) stands.
 */
function scriptOfTall(p: Piece, line: { size: number; pieces: Piece[] }): boolean {
  if (!(p.math || p.mathy) || p.size >= 0.9 * line.size) return false;
  return line.pieces.some((t) => {
    if (!(t.built || t.half !== undefined)) return false;
    const after = p.x - (t.x + t.w);
    if (after <= -0.15 * line.size || after >= 0.4 * line.size) return false;
    if (t.top - t.bottom > 1.4 * line.size) return p.y < t.top && p.y > t.bottom - 0.3 * line.size;
    return t.top - t.bottom > line.size && p.y < t.top && p.top > t.top;
  });
}

/**
 * Where each code line's shaded box wraps it: the box's right edge less the padding between its
 * left edge and its text (the same on both sides). Exporters print code wrapped (`pre-wrap`), so a
 * long line goes on below at the box's left, which nothing else in the layout tells from a new line.
 */
function codeEdges(lines: { x0: number; x1: number; y: number; size: number; pieces: Piece[] }[], shapes: Shape[]): Map<(typeof lines)[number], number> {
  const out = new Map<(typeof lines)[number], number>();
  const code = lines.filter((l) => l.pieces.every((p) => p.mono));
  const holds = (s: Shape, l: (typeof lines)[number]) => !s.rule && !s.outline && s.x0 <= l.x0 && s.x1 >= l.x1 - 0.5 && s.y0 <= l.y && s.y1 >= l.y + 0.5 * l.size && s.x1 - s.x0 > 20 * l.size;
  const byBox = new Map<Shape, (typeof lines)[number][]>();
  for (const l of code) {
    // The innermost box: a bubble or a card may hold the code's box.
    const box = shapes.filter((s) => holds(s, l)).sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))[0];
    if (box) byBox.set(box, [...(byBox.get(box) ?? []), l]);
  }
  for (const [box, ls] of byBox) {
    const pad = Math.min(...ls.map((l) => l.x0)) - box.x0;
    // Text flush with the box (no padding seen) tells nothing of where it wraps.
    if (pad < 0.3 * ls[0]!.size) continue;
    for (const l of ls) out.set(l, box.x1 - pad);
  }
  return out;
}

/** Where a numbered item's text starts past its label (`7.`, a token of its own), if the line opens one. */
function itemText(text: string, toks: Token[]): number | undefined {
  if (!/^\d{1,2}\.\s/.test(text)) return undefined;
  const sorted = [...toks].sort((a, b) => a.x0 - b.x0);
  return /^\d{1,2}\.$/.test(sorted[0]?.t.trim() ?? '') ? sorted[1]?.x0 : undefined;
}

/**
 * A code line as its monospaced grid shows it: every character is as wide, so the runs of spaces
 * that align a table's columns or set a comment apart are counted, not closed up to one as
 * prose's gaps are (code read with its spaces closed up also seems shorter than the box it fills).
 */
function monoText(pieces: Piece[]): { text: string; char: number } | undefined {
  const sorted = [...pieces].sort((a, b) => a.x - b.x);
  const widths = sorted.filter((p) => p.t.length).map((p) => p.w / [...p.t].length);
  const char = widths.length ? widths.sort((a, b) => a - b)[widths.length >> 1]! : undefined;
  if (!char || char <= 0) return undefined;
  let text = '';
  sorted.forEach((p, i) => {
    const column = Math.round((p.x - sorted[0]!.x) / char);
    const before = sorted[i - 1];
    // Glyph runs that overlap the text so far (a run drawn twice, an accent) are joined as prose joins them.
    if (column > text.length) text += ' '.repeat(column - text.length);
    else if (before && p.x - (before.x + before.w) > 0.18 * p.size && !/\s$/.test(text)) text += ' ';
    text += p.t;
  });
  return { text: text.trimEnd(), char };
}

/** Rebuilds a page's lines: fractions and radicals first, then baselines with their scripts. */
export function pageLines(page: PageContent): TextLine[] {
  const fonts = new Map<Piece, string>();
  const glyphOf = new Map<Piece, Glyphs>();
  let pieces = extensionCodes(page.glyphs).flatMap((g) => {
    const ps = splitProse(g, pieceOf(g));
    for (const p of ps) fonts.set(p, g.font);
    if (ps.length === 1) glyphOf.set(ps[0]!, g);
    return ps;
  });
  pieces = joinExtensibles(pieces, glyphOf, fonts, page.shapes).filter((p) => p.tex.trim() || p.t.trim());
  pieces = pathDelimiters(pieces, page.shapes, page.imageBoxes ?? [], fonts);
  pieces = cutAtProse(pieces, fonts);
  pieces = cutAtScripts(pieces, fonts);
  pieces = buildAccents(pieces, fonts);
  pieces = buildStacks(pieces, page.shapes, page.width, fonts);
  pieces = buildBigOps(pieces);
  pieces = buildMatrices(pieces, fonts);
  pieces = buildRowVectors(pieces, fonts);
  pieces = buildBoxes(pieces, page.shapes, fonts);
  // Baselines: the largest pieces found lines; smaller ones join a line as its text or as scripts.
  interface Line {
    y: number;
    size: number;
    x0: number;
    x1: number;
    pieces: Piece[];
  }
  const lines: Line[] = [];
  const order = [...pieces].sort((a, b) => b.size - a.size || b.y - a.y);
  for (const p of order) {
    let best: Line | undefined;
    let bestD = Infinity;
    for (const l of lines) {
      const dy = p.y - l.y;
      const sameLine = Math.abs(dy) <= 0.22 * l.size && p.size >= 0.7 * l.size;
      // Prose a little smaller than a formula (a chat's text beside KaTeX at 1.21em) is not its script.
      const script = p.size < (p.math || p.mathy || p.built ? 0.9 : 0.78) * l.size && dy > -0.55 * l.size && dy < 0.75 * l.size && p.x > l.x0 - 1.5 * l.size && p.x < l.x1 + 1.5 * l.size;
      const corner = !sameLine && !script && scriptOfTall(p, l);
      if (!sameLine && !script && !corner) continue;
      // Flush against a tall piece's corner is as near as a script on the baseline.
      const d = corner ? 0.1 * l.size : Math.abs(dy) + (sameLine ? 0 : 0.1 * l.size);
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
    if (best) {
      best.pieces.push(p);
      best.x0 = Math.min(best.x0, p.x);
      best.x1 = Math.max(best.x1, p.x + p.w);
    } else lines.push({ y: p.y, size: p.size, x0: p.x, x1: p.x + p.w, pieces: [p] });
  }
  lines.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  // Chat bubbles: rounded boxes that start right of the text column and reach towards the right edge.
  const inside = (l: Line, b: PageContent['shapes'][number]) => l.x0 >= b.x0 - 1 && l.x1 <= b.x1 + 1 && l.y >= b.y0 - 1 && l.y <= b.y1 + 1;
  // A box around nothing but code is a code span's background (ChatGPT's `self.W_v = ...` in a
  // restated problem), not the person's bubble: a bubble holds some prose. Nor is KaTeX's radical
  // sign, a tall rounded path around its radicand (`\sqrt{0.9}` displayed right of the middle).
  // A bubble cut by a page break loses its rounded corners there: a plain box reaching the page's edge.
  const cut = (s: PageContent['shapes'][number]) => s.y0 < 0.03 * page.height || s.y1 > 0.97 * page.height;
  // Pictures, not the exporter's logo in the running head or foot.
  const pictures = (page.imageBoxes ?? []).filter((b) => b.x1 - b.x0 >= PICTURE.width && b.y1 - b.y0 >= PICTURE.height && b.y1 > 0.05 * page.height && b.y0 < 0.95 * page.height);
  // Most of a picture within a box: a screenshot wider than the bubble's width reaches out of it.
  const overlaps = (b: Shape, s: Shape) => Math.max(0, Math.min(b.x1, s.x1) - Math.max(b.x0, s.x0)) * Math.max(0, Math.min(b.y1, s.y1) - Math.max(b.y0, s.y0)) > 0.5 * (b.x1 - b.x0) * (b.y1 - b.y0);
  // A chat printed at a smaller scale (the browser shrinks a page to fit something wide) fills less
  // of the page: the bubbles reach towards the right of the rounded boxes printed (bubbles and code
  // blocks end at the column's edge), not of the sheet; a table or line running off the page does not count.
  const rounded = page.shapes.filter((s) => s.complex && s.y1 - s.y0 > 12);
  const reach = Math.min(page.width, Math.max(0.5 * page.width, ...rounded.map((s) => s.x1), ...pictures.map((b) => b.x1)) + 0.05 * page.width);
  const boxes = page.shapes.filter(
    (s) =>
      (s.complex || cut(s)) &&
      s.y1 - s.y0 > 12 &&
      s.x1 > 0.75 * reach &&
      s.x1 - s.x0 < 0.8 * page.width &&
      (lines.some((l) => inside(l, s) && l.pieces.some((p) => p.prose)) || pictures.some((b) => overlaps(b, s))),
  );
  // The text column is found from the lines outside every box: a page that is all bubble (a pasted
  // blog post across pages) has no other line, and its bubble starts right of a tenth of the page.
  const outside = lines.filter((l) => !boxes.some((b) => inside(l, b)));
  const margin = outside.length ? Math.min(...outside.map((l) => l.x0)) : 0.1 * page.width;
  const bubbles = boxes.filter((s) => s.x0 > margin + 0.05 * page.width);
  // A tall formula printed over a bubble's edge (Gemini's matrix ending a reply, right above the
  // next question) reaches out of it: it is not the person's.
  const bubbleOf = (l: Line) => bubbles.find((b) => inside(l, b) && Math.max(...l.pieces.map((p) => p.top)) <= b.y1 + 0.5 * l.size);
  // The bubble's top goes with the line: two bubbles one under the other are two messages.
  const inBubble = (holder: Shape | undefined) => (holder ? { bubble: true, bubbleTop: holder.y1 } : { bubble: false });
  const frames = page.shapes.filter((s) => (s.complex || cut(s)) && !s.outline && !s.rule && s.y1 - s.y0 > 12 && s.x1 - s.x0 > 0.5 * page.width);
  const shaded = (l: Line) => (frames.some((f) => inside(l, f)) ? { shaded: true } : {});
  // List bullets Chromium draws as discs, not text: a small round shape just left of a line, at
  // its x-height, starts a list item (one item's lines are not run on into the next).
  const discs = page.shapes.filter(isDisc);
  const bullets = (d: Shape, l: Line) => l.x0 - d.x1 > 0.2 * l.size && l.x0 - d.x1 < 2 * l.size && (d.y0 + d.y1) / 2 > l.y && (d.y0 + d.y1) / 2 < l.y + 0.6 * l.size;
  const codeRight = codeEdges(lines, page.shapes);
  const out: TextLine[] = [];
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const grids = cellGrids(page.shapes, lines);
  const tokenCache = new Map<Line, Token[]>();
  const tokensOf = (l: Line) => tokenCache.get(l) ?? tokenCache.set(l, tokens(l.pieces)).get(l)!;
  // Each line in a table's cells: which table, between which borders, and its cells' text.
  const inTable = new Map<Line, { grid: Grid; band: number; key: string; cells: string[] }>();
  // How many of a band's columns its lines fill, together.
  const filled = new Map<string, Set<number>>();
  for (const l of lines) {
    const toks = tokensOf(l);
    // Text running across a column's bound (the sentence introducing the table) is not a row.
    const grid = grids.find((g) => l.y > g.y0 && l.y < g.y1 && l.x0 >= g.x0 - 2 && l.x1 <= g.x1 + 2 && !toks.some((t) => g.cuts.some((c) => t.x0 < c - 2 && t.x1 > c + 2)));
    if (!grid) continue;
    // Each cell read on its own: a formula never runs on into the next cell.
    const bounds = [-Infinity, ...grid.cuts, Infinity];
    const cells = bounds.slice(1).map((hi, k) => {
      const cell = toks.filter((t) => (t.x0 + t.x1) / 2 >= bounds[k]! && (t.x0 + t.x1) / 2 < hi);
      return cell.length ? lineText(cell).text.replace(/^\$\$(.*)\$\$$/, '$$$1$') : '';
    });
    const band = grid.rules.filter((y) => y < l.y).length;
    const key = `${grids.indexOf(grid)}|${band}`;
    inTable.set(l, { grid, band, key, cells });
    const f = filled.get(key) ?? new Set<number>();
    cells.forEach((c, k) => c && f.add(k));
    filled.set(key, f);
  }
  // A table's rows, each a Markdown row whose cells gather the lines between two borders.
  const rows = new Map<string, { line: TextLine; cells: string[][] }>();
  const row = (cs: string[]) => `| ${cs.join(' | ')} |`;
  lines.forEach((l, li) => {
    const toks = tokensOf(l);
    const box = { x0: l.x0, x1: l.x1, y0: Math.min(...l.pieces.map((p) => p.bottom)), y1: Math.max(...l.pieces.map((p) => p.top)) };
    const cell = inTable.get(l);
    // Above the top border stands the header, if anything, and below the lowest the last row
    // when rows are ruled above (ChatGPT): a row fills several columns (on one line or on the
    // lines its cells wrapped to), a caption or a sentence after the table one.
    if (cell && ((cell.band > 0 && cell.band < cell.grid.rules.length) || filled.get(cell.key)!.size >= 2)) {
      const { grid, key, cells } = cell;
      const known = rows.get(key);
      if (known) {
        cells.forEach((c, k) => c && known.cells[k]!.push(c));
        known.line.box = { x0: Math.min(known.line.box.x0, box.x0), x1: Math.max(known.line.box.x1, box.x1), y0: Math.min(known.line.box.y0, box.y0), y1: Math.max(known.line.box.y1, box.y1) };
        return;
      }
      const first = ![...rows.keys()].some((k) => k.startsWith(`${grids.indexOf(grid)}|`));
      const line: TextLine = { page: page.number, box, text: '', size: l.size, mono: false, display: false, ...inBubble(bubbleOf(l)), table: true };
      rows.set(key, { line, cells: cells.map((c) => (c ? [c] : [])) });
      out.push(line);
      // The first row is the header: Markdown wants the rule under it.
      if (first) out.push({ ...line, text: row(cells.map(() => '---')) });
      return;
    }
    // A short centred line of numbers and operators is a display formula (pdflatex sets `7840` upright).
    const centred = Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) < 0.03 * (right - left) && l.x1 - l.x0 < 0.5 * (right - left);
    if (centred && toks.every((t) => t.math || t.mathy)) for (const t of toks) t.math = true;
    const { text: counted, display, stop, lead, typed } = lineText(toks);
    const proseText = withoutCounter(counted, toks);
    const grid = !display && l.pieces.every((p) => p.mono) ? monoText(l.pieces) : undefined;
    const plainText = grid?.text ?? proseText;
    const titled = withRunInTitle(plainText, toks);
    const { titleAt, titleRest } = titled;
    const text = titleAt === undefined && !grid ? withClosingBold(titled.text, toks, () => opensBold(lines[li + 1])) : titled.text;
    if (!text) return;
    const bullet = display || /^[-•·*–]\s/.test(text) ? undefined : discs.find((d) => bullets(d, l));
    const prose = l.pieces.filter((p) => p.prose && !p.math);
    const proseSize = prose.length ? Math.max(...prose.map((p) => p.size)) : l.size;
    const font = textFont(l.pieces, fonts);
    out.push({
      page: page.number,
      box: bullet ? { ...box, x0: bullet.x0 } : box,
      text: bullet ? `- ${text}` : text,
      size: l.size,
      base: l.y,
      ...(font ? { font } : {}),
      ...(proseSize < 0.9 * l.size ? { proseSize } : {}),
      mono: l.pieces.every((p) => p.mono),
      ...(grid ? { char: grid.char } : {}),
      ...(itemText(text, toks) !== undefined ? { textAt: itemText(text, toks) } : {}),
      ...(codeRight.has(l) ? { codeRight: codeRight.get(l) } : {}),
      display,
      ...(stop ? { stop } : {}),
      ...(lead !== undefined && /^\$/.test(text) ? { lead } : typed !== undefined && !/^\$/.test(text) ? { lead: typed } : {}),
      ...(titleAt !== undefined ? { titleAt: titleAt + (bullet ? 2 : 0) } : {}),
      ...(titleRest && !bullet ? { titleRest } : {}),
      ...inBubble(bubbleOf(l)),
      ...shaded(l),
    });
  });
  for (const r of rows.values()) r.line.text = row(r.cells.map((c) => ownPipes(joinCell(c))));
  if (!pictures.length) return out;
  // A picture is the person's when it stands in a bubble, or at the right like one in a chat
  // (ChatGPT shows an uploaded screenshot right-aligned above the bubble), not in the reply's
  // column: flush with the column's right edge (the bubbles' and the wrapped lines'), far from
  // its left. The running head and foot (the browser's date and URL) reach wider: left out.
  const body = lines.filter((l) => l.y > 0.06 * page.height && l.y < 0.94 * page.height);
  const replies = body.filter((l) => !boxes.some((b) => inside(l, b)));
  const columnLeft = replies.length ? Math.min(...replies.map((l) => l.x0)) : 0.1 * page.width;
  const columnRight = Math.max(0.5 * page.width, ...body.map((l) => l.x1), ...bubbles.map((b) => b.x1));
  // Several pictures posted together stand in a row (Gemini's thumbnails): the row is flush right.
  const flush = new Set(pictures.filter((b) => b.x1 >= columnRight - 0.03 * page.width));
  for (const b of [...pictures].sort((a, c) => c.x1 - a.x1)) {
    if ([...flush].some((f) => f !== b && f.x0 >= b.x1 - 2 && f.x0 - b.x1 < 0.05 * page.width && b.y0 < f.y1 && f.y0 < b.y1)) flush.add(b);
  }
  const atRight = (b: Shape) => flush.has(b) && b.x0 > columnLeft + 0.1 * page.width;
  // The size of the body's text, so that a picture never passes for a title by its size.
  const sizes = out.map((l) => l.size).sort((a, b) => a - b);
  const size = sizes.length ? sizes[sizes.length >> 1]! : 12;
  // Each before the first line whose top is below its own (PDF space: y grows upwards); the text's order is kept.
  [...pictures]
    .sort((a, b) => b.y1 - a.y1)
    .forEach((b, k) => {
      const at = out.findIndex((l) => l.box.y1 < b.y1);
      const holder = bubbles.find((s) => overlaps(b, s));
      const bubble = holder !== undefined;
      const line: TextLine = {
        page: page.number,
        box: b,
        text: `[File]: page-${page.number}-image-${k + 1}.png`,
        size,
        mono: false,
        display: false,
        ...inBubble(holder),
        image: true,
        ...(!bubble && atRight(b) ? { atRight: true } : {}),
      };
      out.splice(at < 0 ? out.length : at, 0, line);
    });
  return out;
}
