import { charSpells, type FormulaStep, glyphStep, texStep } from './formula-spelling.js';

/**
 * Formulas a copy of a page rendered by KaTeX or MathJax prints two or three times, glued together:
 * the MathML's text (`T=2cdout2din`), the LaTeX source it keeps as an annotation
 * (`T = 2c\,d_{out}^2\,d_{in}`), and the glyphs drawn on the page (`T=2cdout​2​din​`, a zero-width
 * space after each script). Chat apps' share pages copied with Ctrl+A and `lynx -dump` give any
 * two or three of them. Read as it stands, the run is a product of the formula with
 * itself. Copies are recognised as one formula by what they spell once notation is set aside (the
 * same letters, digits and operators; the glyphs may list them in another order, as a rendered
 * fraction draws its denominator first), never by where they stand: the run becomes its source,
 * set as inline math, or its first copy when no source was copied.
 */

/** Marks only a LaTeX source has: a command, a group, a script. No rendered copy carries one. */
const SOURCE_MARK = /[\\_^{}]/;
/** The zero-width space KaTeX draws after every script: a mark of a rendered copy. */
const ZERO_WIDTH = '\u200b';
/** Where a formula's last copy may end: a space, the end of the line, or punctuation after it. */
const ENDS = /[\s,.;:!?)\]"'”’]/;
/** Brackets and quotes a copied formula may stand in (`(x=2x = 2x=2)`). */
const OPENERS = /^[(["'“‘]+/;

/** How many times each character is spelled, and how many characters that is. */
class Spelling {
  private readonly counts = new Map<string, number>();
  length = 0;

  add(spells: string): void {
    for (const c of spells) this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
    this.length += spells.length;
  }

  /** Takes `spells` out of what is left to spell; false when it spells more than is left. */
  take(spells: string): boolean {
    for (const c of spells) {
      const n = this.counts.get(c);
      if (!n) return false;
      this.counts.set(c, n - 1);
      this.length--;
    }
    return true;
  }

  copy(): Spelling {
    const out = new Spelling();
    for (const [c, n] of this.counts) out.counts.set(c, n);
    out.length = this.length;
    return out;
  }
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/**
 * Where the rendered copy from `from` that spells `target` (in any order) ends, at a place a formula
 * may end; with brackets `brackets` open when there is a choice (a `)` after it may be the
 * sentence's). `marked`: it must carry a zero-width space.
 */
function renderedCopy(line: string, from: number, target: Spelling, brackets: number, marked: boolean): number | undefined {
  const left = target.copy();
  let open = 0;
  let zeroWidth = false;
  let first: number | undefined;
  for (let k = from; ; ) {
    if (left.length === 0 && k > from && (k === line.length || ENDS.test(line[k]!)) && (zeroWidth || !marked)) {
      if (open === brackets) return k;
      first ??= k;
    }
    const ch = line[k];
    if (ch === undefined || isSpace(ch) || SOURCE_MARK.test(ch)) break;
    if (ch === ZERO_WIDTH) zeroWidth = true;
    const step = glyphStep(line, k);
    if (!left.take(step.spells)) break;
    open += step.brackets;
    k = step.end;
  }
  return first;
}

/** A run of copies: where it starts and ends in the line, and the text it is read as. */
interface Copies {
  start: number;
  end: number;
  kept: string;
}

/**
 * Reads a LaTeX source from `from` spelling what `left` holds, calling `atEnd` at each place it may
 * end once it spelled all of it, with the brackets it left open; stops where it spells more.
 */
function readSource(line: string, from: number, limit: number, left: Spelling, atEnd: (end: number, brackets: number) => Copies | undefined): Copies | undefined {
  let braces = 0;
  let brackets = 0;
  let marked = false;
  for (let k = from; k < limit; ) {
    const step: FormulaStep = texStep(line, k);
    if (isSpace(line[k])) marked = true;
    marked ||= step.texMark;
    braces += step.braces;
    brackets += step.brackets;
    if (braces < 0 || !left.take(step.spells)) return undefined;
    k = step.end;
    // A source ends after a whole group, not after a space or a script's mark waiting for its script.
    if (left.length > 0 || braces > 0 || !marked || isSpace(line[k - 1]) || /[_^]/.test(line[k - 1]!)) continue;
    const found = atEnd(k, brackets);
    if (found) return found;
  }
  return undefined;
}

/** What the plain copy `[s, i)` spells. */
function plainSpelling(line: string, s: number, i: number): Spelling {
  const out = new Spelling();
  for (let k = s; k < i; ) {
    const ch = String.fromCodePoint(line.codePointAt(k)!);
    out.add(charSpells(ch));
    k += ch.length;
  }
  return out;
}

/** Copies from `s` that start with a plain copy (the MathML's text or glyphs) followed by a source, and maybe the glyphs after it. */
function plainThenSource(line: string, s: number, tokenEnd: number): Copies | undefined {
  // What the plain copy spells first (most words have no source after them, and are never counted).
  let first = '';
  let brackets = 0;
  let zeroWidth = false;
  for (let i = s; i < tokenEnd; ) {
    const code = line.charCodeAt(i);
    const ch = code >= 0xd800 && code < 0xdc00 ? String.fromCodePoint(line.codePointAt(i)!) : line[i]!;
    const spells = charSpells(ch);
    const mark = code === 0x5c || code === 0x7b || code === 0x7d || code === 0x5f || code === 0x5e; // \ { } _ ^
    // A source starts with what it spells, a command, a group or a bracket (a drawn symbol, `⊤`, or a
    // full stop ends the copy before it), and spells first what the copy before it spells first.
    if (first && (spells || mark || code === 0x28 || code === 0x5b || code === 0x7c)) {
      const starts = spells || (code === 0x5c ? texStep(line, i).spells : '');
      if (!starts || starts[0] === first) {
        const found = sourceAfter(line, s, i, plainSpelling(line, s, i), brackets, zeroWidth);
        if (found) return found;
      }
    }
    if (mark) return undefined;
    if (code === 0x200b) zeroWidth = true;
    first ||= spells[0] ?? '';
    if (code === 0x28 || code === 0x5b) brackets++;
    else if (code === 0x29 || code === 0x5d) brackets--;
    i += ch.length;
  }
  return undefined;
}

/** The source from `i` spelling what the plain copy `[s, i)` spells, then the glyphs after it when they follow. */
function sourceAfter(line: string, s: number, i: number, target: Spelling, brackets: number, zeroWidth: boolean): Copies | undefined {
  // One letter copied twice may be a product (`WW^\top`); a longer formula, or KaTeX's mark, is no coincidence.
  const enough = (glyphs: string) => target.length >= 2 || zeroWidth || glyphs.includes(ZERO_WIDTH);
  let pair: Copies | undefined;
  const found = readSource(line, i, line.length, target.copy(), (end, open) => {
    if (open !== brackets) return undefined;
    const source = `$${line.slice(i, end)}$`;
    const glyphsEnd = end < line.length && !isSpace(line[end]) ? renderedCopy(line, end, target, open, false) : undefined;
    if (glyphsEnd !== undefined && enough(line.slice(end, glyphsEnd))) return { start: s, end: glyphsEnd, kept: source };
    if (!pair && (end === line.length || ENDS.test(line[end]!)) && enough('')) pair = { start: s, end, kept: source };
    return undefined;
  });
  return found ?? pair;
}

/** How many earlier words a source before its glyphs may start at (a line's formulas are shorter). */
const SOURCE_WORDS = 40;

/**
 * Copies ending in the word `[s, tokenEnd)` that start with the source, at one of the words `starts`
 * begin at, followed by glyphs carrying KaTeX's zero-width spaces. Found from the glyphs: they
 * start after the word's last mark of a source and hold its first zero-width space.
 */
function sourceThenGlyphs(line: string, starts: readonly number[], s: number, tokenEnd: number): Copies | undefined {
  const firstZero = line.indexOf(ZERO_WIDTH, s);
  if (firstZero < 0 || firstZero >= tokenEnd) return undefined;
  let lastMark = firstZero;
  while (lastMark >= s && !SOURCE_MARK.test(line[lastMark]!)) lastMark--;
  for (let g = Math.max(lastMark + 1, s + 1); g <= firstZero; g++) {
    const target = new Spelling();
    let brackets = 0;
    for (let e = g; e < tokenEnd; ) {
      const step = glyphStep(line, e);
      target.add(step.spells);
      brackets += step.brackets;
      e = step.end;
      if (e <= firstZero || !target.length || (e < line.length && !ENDS.test(line[e]!))) continue;
      for (let w = starts.length - 1; w >= 0 && w >= starts.length - SOURCE_WORDS; w--) {
        const from = starts[w]!;
        const found = readSource(line, from, g, target.copy(), (end, open) => (end === g && open === brackets ? { start: from, end: e, kept: `$${line.slice(from, g)}$` } : undefined));
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** Copies from `s` with no source: the MathML's text then glyphs carrying zero-width spaces. The first is kept. */
function textThenGlyphs(line: string, s: number, tokenEnd: number): Copies | undefined {
  const target = new Spelling();
  let brackets = 0;
  for (let i = s; i < tokenEnd; ) {
    const ch = line[i]!;
    if (ch === ZERO_WIDTH || SOURCE_MARK.test(ch)) return undefined;
    const step = glyphStep(line, i);
    target.add(step.spells);
    brackets += step.brackets;
    i = step.end;
    if (!target.length) continue;
    const glyphsEnd = renderedCopy(line, i, target, brackets, true);
    if (glyphsEnd !== undefined) return { start: s, end: glyphsEnd, kept: line.slice(s, i) };
  }
  return undefined;
}

/** The copies of one formula starting at `s`, if any. */
function copiesAt(line: string, s: number, tokenEnd: number, zeroWidth: boolean): Copies | undefined {
  return plainThenSource(line, s, tokenEnd) ?? (zeroWidth ? textThenGlyphs(line, s, tokenEnd) : undefined);
}

/** One line with each run of copies of a formula read once. */
function lineOnce(line: string): string {
  const zeroWidth = line.includes(ZERO_WIDTH);
  let out = '';
  let start = 0;
  // The words since the last run of copies: where a source before its glyphs may start.
  const starts: number[] = [];
  for (const token of line.matchAll(/[^\s]+/g)) {
    const s = token.index!;
    if (s < start) continue;
    starts.push(s);
    const tokenEnd = s + token[0].length;
    const opened = OPENERS.exec(token[0])?.[0].length ?? 0;
    const found =
      copiesAt(line, s, tokenEnd, zeroWidth) ??
      (opened && opened < token[0].length ? copiesAt(line, s + opened, tokenEnd, zeroWidth) : undefined) ??
      (zeroWidth ? sourceThenGlyphs(line, starts, s, tokenEnd) : undefined);
    if (!found) continue;
    out += line.slice(start, found.start) + found.kept;
    start = found.end;
    starts.length = 0;
  }
  return out + line.slice(start);
}

/** A text with every formula copied two or three times from a rendered page read once; other texts as they are. */
export function withoutRenderedCopies(text: string): string {
  // Only a text with a LaTeX source outside any `$`, or with KaTeX's zero-width spaces, has copies to find.
  if (!/[\\_^\u200b]/.test(text)) return text;
  // In a text with KaTeX's marks any line may hold copies, even of a formula typed without a command (`r = L(K-1) + 1`).
  const rendered = text.includes(ZERO_WIDTH);
  return text
    .split('\n')
    .map((line) => (line.includes('$') || !(rendered || /[\\_^{]/.test(line)) ? line : lineOnce(line)))
    .join('\n');
}
