/**
 * A text hard-wrapped at a width (an e-mail client, a terminal, `fmt`, a text export) has its long lines
 * cut between words; the reader takes an answer from one line, so a formula or a sentence continued on
 * the next line would be cut. The wrap shows in the text itself: greedy wrapping leaves a line only
 * when the next word would not fit, so many lines end just short of one width W, each followed by a
 * line whose first word would have made it longer than W, and no line that could have been cut is
 * longer than W. When a width explains enough of the text's lines that way, those lines are joined
 * back; a text without such a width (every text whose paragraphs are single long lines) is left as it
 * is.
 *
 * A next line that starts something of its own is never joined: a list item, a label, a heading, a
 * table row, code or display math, a line indented otherwise or quoted otherwise.
 */
import { blankLinesDropped } from './paragraph-breaks.js';
import { headsMessage } from './stamped-senders.js';
import { lineByForm, verbatimLines } from './verbatim-lines.js';

/**
 * Widths people and programs wrap at (e-mail 72-78, `fmt` 75, a terminal 80 or more) lie in this range; a text
 * whose longest line is longer was not wrapped, and short lines each followed by a long formula are not a wrap.
 */
const WIDTHS = { min: 60, max: 200 } as const;

// Quote marks and indentation, then a list marker: what a wrapped line's continuation repeats (the quote) or
// hangs under (the marker). `>=` is a comparison, not a quote; `>>` is a quote in a quote (or a note's
// marker, which a wrap repeats the same way).
const LEAD = /^([ \t]*(?:>(?!=)[ \t]*)*)((?:[-*•+]|\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,4}\))[ \t]+)?/i;

// A line that begins something of its own: a list item, a label ("(b)", "b)", "(ii)", "Q2", "Part", "**Answer:**"),
// a block's fence, display math. A label is a small letter, a Roman numeral or a number, followed by a space,
// a colon or the line's end: "(K), the padding" and "(F). How many" name a variable in a sentence.
const STARTS_ITEM =
  /^(?:[-*•+][ \t]|\d{1,3}[.)][ \t]|\(?(?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)(?=[ \t:]|$)|(?:[Qq]|[Qq]uestion|[Pp]roblem|[Pp]art|[Ss]tep|QUESTION|PROBLEM|PART)[ \t]*\d|\*\*[^*]+\*\*[ \t]*$|\*\*[^*]*:\*\*|```|~~~|\$\$|\\\[|\\begin\{|#{1,6}[ \t]|[|])/;

// Lines that are their own by what they hold: a derivation's next step (`=> ...`), a stamp, a speaker's name
// and colon, a margin marker, a rule
// (which underlines the line above as a heading).
const OWN_LINE = /^(?:=>|->|[⇒→∴⟹]|\[\d|\p{Lu}[\p{L}\d .'’-]{0,30}:(?:\s|$)|<<|[-=_*~]{3,}\s*$)/u;

/** A line left in the middle of a sentence: after a comma, an operator, an open bracket or a word that needs more. */
const MID_SENTENCE = /(?:[,;([{=+×·]|\b(?:and|or|of|the|to|in|with|for|by|is|are|as|at|from))\s*$/i;

/** Box-drawing frames (a terminal app's panels): their lines are rows of a picture, never wrapped prose. */
const BOXED = /[\u2500-\u257f]/;

/** A frame's row cut in two: the line opens a row (a side, no closing side), the next closes it. */
function openBoxRow(line: string, next: string): boolean {
  const side = /[│┃║]/;
  const opens = (l: string) => side.test(l.trimStart()[0] ?? '');
  const closes = (l: string) => side.test(l.trimEnd().slice(-1));
  return opens(line) && !closes(line) && !opens(next) && closes(next);
}

/** A line's length in characters as a reader counts them (an emoji is one), without spreading it into an array. */
function codePoints(line: string): number {
  let surrogates = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (line.charCodeAt(i - 1) & 0xfc00) === 0xd800) surrogates++;
  }
  return line.length - surrogates;
}

interface Line {
  quote: string;
  indent: number;
  /** Column where the line's words start, after its quote, indentation and list marker. */
  textColumn: number;
  body: string;
}

function shapeOf(line: string): Line {
  const m = LEAD.exec(line)!;
  const lead = m[1]!;
  const quote = lead.replace(/[ \t]/g, '');
  const indentText = lead.replace(/^(?:[ \t]*>[ \t]?)*/, '');
  const indent = indentText.length;
  return { quote, indent, textColumn: indent + (m[2]?.length ?? 0), body: line.slice(m[0].length) };
}

/** Whitespace outside inline math and code: where a wrapping program could have cut. */
function breakable(body: string): boolean {
  return /\s/.test(body.trim().replace(/\$[^$\n]+\$|\\\([^\n]*?\\\)|`[^`\n]+`/g, 'x'));
}

/** The first word of a line's continuation (inline math and code count as one word). */
function firstWordLength(body: string): number {
  const m = /^(?:\$[^$\n]+\$|\\\([^\n]*?\\\)|`[^`\n]+`|\S)+/.exec(body.trimStart());
  return m ? m[0].length : 0;
}

/**
 * Whether `next` may continue `line`: the same quote, indented under the line's words (or flush, as an
 * e-mail client wraps a list item), and starting nothing of its own.
 */
function continues(line: string, next: string, after: string | undefined, strict = true): boolean {
  if (!next.trim() || lineByForm(next)) return false;
  const a = shapeOf(line);
  const n = LEAD.exec(next)!;
  const lead = n[1]!;
  if (lead.replace(/[ \t]/g, '') !== a.quote) return false;
  const indent = lead.replace(/^(?:[ \t]*>[ \t]?)*/, '').length;
  if (indent !== a.textColumn && indent !== a.indent) return false;
  const rest = next.slice(lead.length);
  if (BOXED.test(line) || BOXED.test(next)) return openBoxRow(line, next);
  // (A chat message's stamped header, `11/14/25, 9:02 PM - Lena: ...`, opens a message of its own.)
  if (OWN_LINE.test(rest) || /^[\s>]*[-=_*~]{3,}\s*$/.test(line) || headsMessage(rest)) return false;
  // A sentence ended and another begun: as likely a line of its own as a wrap, and nothing is cut by leaving it.
  // (A colon is no end: "**Growth:**" over a formula too long to fit beside it is one line cut.)
  if (strict && /[.!?](?:\*\*|\$|\)|")*\s*$/.test(line) && /^(?:\p{Lu}|[*_$\\[(\d"“])/u.test(rest)) return false;
  if (STARTS_ITEM.test(rest)) {
    // "- 2^{-n}" or "+ 1" carrying a formula on: a sign, unless the line introduces a list or the next line is another item like it.
    const sign = /^[-+*][ \t]/.test(rest) && !/:\s*$/.test(line) && !after?.slice(lead.length).startsWith(rest.slice(0, 2));
    // "(c)" after a line left mid-sentence (a comma, an operator, "and") is named in that sentence, not a new label.
    const named = /^\(?[a-z]{1,2}\)/.test(rest) && MID_SENTENCE.test(line);
    if (!sign && !named) return false;
  }
  return true;
}

/**
 * The wrap width a text shows, or undefined when it shows none: the width that explains the most line
 * ends as cuts (at least three), leaves next to no line longer than it that could have been cut, and
 * explains most of the lines that end near it and go on to more text.
 */
export function wrapWidth(lines: readonly string[], verbatim: readonly boolean[] = verbatimLines(lines)): number | undefined {
  const prose = (i: number) => !verbatim[i] && !lineByForm(lines[i]!) && !/^ {4,}\S/.test(lines[i]!.replace(/^(?:[ \t]*>[ \t]?)+/, ''));
  // Each line that a width might have cut: the widths W that would have cut it there (len <= W < len + 1 + next word).
  const ranges: [number, number][] = [];
  // The lengths of lines followed by a line that could go on with them, cut or not.
  const followed: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (!prose(i)) continue;
    const len = codePoints(line);
    if (!breakable(shapeOf(line).body)) continue;
    if (len > WIDTHS.max) return undefined;
    lengths.push(len);
    const next = lines[i + 1];
    if (next === undefined || verbatim[i + 1]) continue;
    const word = firstWordLength(next.slice(LEAD.exec(next)![1]!.length));
    // A line no width of WIDTHS.min or more could have cut, too short to count among the lines near one: nothing
    // to weigh (most lines of most texts, so the costlier test below is spared).
    if (len + word < WIDTHS.min && len < WIDTHS.min - 15) continue;
    if (!continues(line, next, lines[i + 2], false)) continue;
    // (A sentence's end before a capital is as often a paragraph's end as a cut: it counts for a width, never against one.)
    if (continues(line, next, lines[i + 2], true)) followed.push(len);
    if (word) ranges.push([len, len + word]);
  }
  if (ranges.length < 3) return undefined;
  // A person wrapping by hand, or an exporter that leaves a link or a heading whole, lets a few lines run past the width.
  // Per width W: the cuts it explains (lo <= W <= hi), those ending close to it (W <= lo + 12), the lines longer
  // than it; counted once over all widths (every text comes through here), not once per width.
  const size = WIDTHS.max + 2;
  const explains = new Int32Array(size + 1);
  const closeBy = new Int32Array(size + 1);
  const longer = new Int32Array(size + 1);
  for (const [lo, hi] of ranges) {
    explains[Math.min(lo, size)]!++;
    explains[Math.min(hi + 1, size)]!--;
    closeBy[Math.min(lo, size)]!++;
    closeBy[Math.min(Math.min(hi, lo + 12) + 1, size)]!--;
  }
  // (No line is longer than WIDTHS.max here: such a text was given up above.)
  for (const len of lengths) longer[Math.min(len, size)]!++;
  for (let w = 1; w <= size; w++) {
    explains[w]! += explains[w - 1]!;
    closeBy[w]! += closeBy[w - 1]!;
  }
  // Suffix sums: longer[w] is then the number of lines of length w or more.
  for (let w = size - 1; w >= 0; w--) longer[w]! += longer[w + 1]!;
  const over = (w: number) => longer[w + 1]!;
  let best: number | undefined;
  let bestCount = 0;
  for (let w = WIDTHS.min; w <= WIDTHS.max; w++) {
    const count = explains[w]!;
    // Most cuts of a wrap end close to its width (a word of ordinary length did not fit); lines that all end far
    // short of it, each before a long formula, are lines of their own.
    const close = closeBy[w]!;
    if (count > bestCount && over(w) * 10 <= count && close * 2 >= count) {
      best = w;
      bestCount = count;
    }
  }
  if (best === undefined || bestCount < 3) return undefined;
  // A few long lines that end near the longest one by chance are not a wrap: most lines just short of the
  // width that a line could go on from must be cuts.
  const near = followed.filter((len) => len >= best! - 15 && len <= best!).length;
  return bestCount >= 0.6 * near ? best : undefined;
}

/**
 * The text with its hard-wrapped lines joined back into the lines they were cut from, when it shows
 * a wrap width; as it is otherwise.
 */
export function unwrapHardWrappedLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  // Every text comes through here, and most show no wrap: a wrap's cuts end within a word of its width
  // (60 columns at least), so a text without three lines that long has none to find.
  // (A cut line goes on on the next: a long line before a blank one, a display or a paragraph, is cut nowhere.)
  let long = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i]!.length >= WIDTHS.min - 12 && lines[i + 1]!.trim() && ++long >= 3) break;
  if (long < 3) return text;
  const verbatim = verbatimLines(lines);
  const width = wrapWidth(lines, verbatim);
  if (width === undefined) return text;
  // Where blank lines part the paragraphs, a line break inside one is a cut even after a sentence's end; where
  // they were dropped, a sentence's end may be a paragraph's.
  const dropped = blankLinesDropped(lines, verbatim);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (verbatim[i] || lineByForm(line)) {
      out.push(line);
      continue;
    }
    // The width is tested against each piece as it was before the join: the wrap cut each one there.
    let piece = line.trimEnd();
    while (i + 1 < lines.length && !verbatim[i + 1]) {
      const next = lines[i + 1]!;
      const len = codePoints(piece);
      const lead = LEAD.exec(next)![1]!;
      const rest = next.slice(lead.length).replace(/^[ \t]+/, '');
      const word = firstWordLength(rest);
      // (A line longer than the width is one word the wrap could not cut, as a long formula: the next word never fits after it.)
      const cut = len <= width ? len + 1 + word > width : !breakable(shapeOf(piece).body);
      if (!cut || !continues(piece, next, lines[i + 2], dropped)) break;
      line = `${line.trimEnd()} ${rest}`;
      piece = next.trimEnd();
      i++;
    }
    out.push(line);
  }
  return out.join('\n');
}
