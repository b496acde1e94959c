/**
 * The characters of Word's equations as LaTeX. Word types letters in math italic (𝑥 is U+1D465,
 * not x) and operators as Unicode (−, ⋅, ≤, ∑); the checker reads LaTeX, so each becomes the
 * letter or command a LaTeX writer would have typed.
 */
import { SYMBOLS } from '../pdf/glyphs.js';

/**
 * What Word's equations hold beyond the characters typeset mathematics shares with PDFs
 * (`SYMBOLS`, the PDF reader's table): Word's invisible operators and space widths, and the
 * characters LaTeX reserves, which a run of Word text may contain.
 */
const WORD_MATH: Record<string, string> = {
  '≦': '\\le',
  '≧': '\\ge',
  '∋': '\\ni',
  '↔': '\\leftrightarrow',
  '‴': "'''",
  '∬': '\\iint',
  ħ: '\\hbar',
  '°': '^\\circ',
  // Invisible separator and plus (between a function name and its argument, Word writes U+2061, in SYMBOLS).
  '\u2063': ',',
  '\u2064': '+',
  '\u2009': '\\,',
  '\u200a': '\\,',
  '\u2005': '\\:',
  '\u2004': '\\;',
  '\u2003': '\\quad',
  '\u2002': '\\ ',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  '%': '\\%',
  $: '\\$',
  '\\': '\\backslash ',
  '~': '\\sim',
  '^': '\\hat{}',
  _: '\\_',
};

/** Word's math letters (𝑥, 𝐱, 𝛼; ℎ is U+210E) as the letters they style. */
function plainLetter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x1d400 && cp <= 0x1d7ff) || cp === 0x210e ? ch.normalize('NFKC') : ch;
}

/** Word's bold math letters (𝐱, 𝒙): a vector or matrix named in bold. */
function isBoldLetter(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x1d400 && cp <= 0x1d433) || (cp >= 0x1d468 && cp <= 0x1d49b);
}

/** One character of an equation as LaTeX; `&` is kept when it aligns columns. */
export function mathChar(ch: string, keepAmpersand = false): string {
  const c = plainLetter(ch);
  if (isBoldLetter(ch)) return `\\mathbf{${c}}`;
  if (c === '&') return keepAmpersand ? '&' : '\\&';
  return WORD_MATH[c] ?? SYMBOLS[c] ?? c;
}

/** A run of an equation's text as LaTeX, each character mapped and commands kept apart from letters. */
export function mathText(text: string, keepAmpersand = false): string {
  let out = '';
  for (const ch of text) out = joinLatex(out, mathChar(ch, keepAmpersand));
  return out;
}

/** Word's letters in math italic, as plain text (for `\text{...}` and headings). */
export function plainText(text: string): string {
  let out = '';
  for (const ch of text) out += plainLetter(ch);
  return out;
}

/** Appends `next` to `latex`, with a space where a command name would otherwise swallow a letter (`\cdot` + `x`). */
export function joinLatex(latex: string, next: string): string {
  if (/\\[A-Za-z]+$/.test(latex) && /^[A-Za-z0-9]/.test(next)) return `${latex} ${next}`;
  return latex + next;
}
