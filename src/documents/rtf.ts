/**
 * A rich-text file (.rtf: TextEdit's, WordPad's, Word's "Save as RTF", or RTF pasted as text) read
 * as the text a person sees in it. RTF is plain ASCII carrying control words: the font and colour
 * tables, style sheets, document info, pictures and any `{\*\...}` group are destinations nobody
 * reads on the page, so they are skipped; `\par` and a backslash at a line's end break the line;
 * `\'hh` is a byte of the document's code page (`\ansicpg`, or its font's `\fcharset`), `\uN` a Unicode character followed by
 * `\ucN` characters of fallback for readers without Unicode, which are dropped. A paragraph set in
 * bold alone (a heading a student typed, `(a)`) is marked bold, as the Word reader marks it.
 */

import { c1AsWindows1252 } from './text-encoding.js';

/** A rich-text document: its first bytes are `{\rtf`. */
export const RTF_START = /^\uFEFF?\s*\{\\rtf/;

/** Destinations whose text is not on the page (RTF 1.9.1's tables, info, pictures, objects, headers and footers, field instructions). */
const HIDDEN_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'info',
  'pict',
  'object',
  'nonshppict',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'fldinst',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'xmlnstbl',
  'filetbl',
  'generator',
]);

/** Control words that stand for a character (RTF's special characters). */
const CHARACTERS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  row: '\n',
  cell: '\t',
  tab: '\t',
  emdash: '—',
  endash: '–',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
};

/** Control symbols (a backslash and one character that is not a letter) and what they print. */
const SYMBOLS: Record<string, string> = { '\\': '\\', '{': '{', '}': '}', '~': '\u00A0', _: '‑', '-': '', '\n': '\n', '\r': '\n', '\t': '\t' };

interface Group {
  hidden: boolean;
  /** Fallback characters after each `\uN` (`\ucN`). */
  uc: number;
  bold: boolean;
  /** Inside the font table, where `\fN` and `\fcharsetN` define a font instead of choosing one. */
  fontTable: boolean;
  /** The font chosen (`\fN`), whose character set may differ from the document's code page. */
  font?: number;
}

/** Font character sets (`\fcharsetN`) as the Windows code pages their bytes are in; 0 is the document's own. */
const CHARSET_CODE_PAGES: Record<number, number> = {
  77: 10000,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
};

/** A code page number (`\ansicpg1252`) as the name the WHATWG decoder knows it by; UTF-8's own number too. */
function decoderFor(codePage: number): InstanceType<typeof TextDecoder> {
  const names: Record<number, string> = { 65001: 'utf-8', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 437: 'ibm866' };
  try {
    return new TextDecoder(names[codePage] ?? `windows-${codePage}`);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** Reads an RTF document as its visible text: paragraphs as lines, bold-only paragraphs as `**...**`. */
export function rtfToText(rtf: string): string {
  let decoder = decoderFor(1252);
  /** The code page of each font whose character set is not the document's (a Greek or Cyrillic font in WordPad). */
  const fontDecoders = new Map<number, InstanceType<typeof TextDecoder>>();
  let definedFont: number | undefined;
  const stack: Group[] = [];
  let group: Group = { hidden: false, uc: 1, bold: false, fontTable: false };
  /** The paragraph being read, as runs of text and whether each is bold. */
  let runs: { text: string; bold: boolean }[] = [];
  const paragraphs: string[] = [];
  let bytes: number[] = [];
  let fallback = 0;
  /** `\*` marks the next control word as a destination a reader that does not know it skips: all of them are. */
  let starred = false;

  const emit = (text: string) => {
    if (group.hidden || !text) return;
    const last = runs[runs.length - 1];
    if (last && last.bold === group.bold) last.text += text;
    else runs.push({ text, bold: group.bold });
  };
  const flushBytes = () => {
    if (!bytes.length) return;
    const text = c1AsWindows1252(((group.font !== undefined && fontDecoders.get(group.font)) || decoder).decode(new Uint8Array(bytes)));
    bytes = [];
    emit(text);
  };
  const endParagraph = () => {
    flushBytes();
    const text = runs.map((r) => r.text).join('');
    const boldOnly = text.trim() !== '' && runs.every((r) => r.bold || !r.text.trim());
    paragraphs.push(boldOnly ? `**${text.trim()}**` : text.replace(/[ \t\u00A0]+$/, ''));
    runs = [];
  };
  /** One character of a `\uN`'s fallback is dropped instead of printed. */
  const dropFallback = () => {
    if (fallback <= 0) return false;
    fallback--;
    return true;
  };

  const n = rtf.length;
  let i = 0;
  while (i < n) {
    const c = rtf[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(group);
      group = { ...group };
      fallback = 0;
      i++;
      continue;
    }
    if (c === '}') {
      flushBytes();
      group = stack.pop() ?? group;
      fallback = 0;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      // Plain text runs up to the next control, brace or line end.
      let j = i;
      while (j < n && rtf[j] !== '\\' && rtf[j] !== '{' && rtf[j] !== '}' && rtf[j] !== '\r' && rtf[j] !== '\n') j++;
      let text = rtf.slice(i, j);
      while (fallback > 0 && text) {
        text = text.slice(1);
        fallback--;
      }
      flushBytes();
      emit(text);
      i = j;
      continue;
    }
    const next = rtf[i + 1] ?? '';
    if (next === "'") {
      const hex = rtf.slice(i + 2, i + 4);
      i += 4;
      if (dropFallback()) continue;
      if (/^[0-9a-fA-F]{2}$/.test(hex)) bytes.push(Number.parseInt(hex, 16));
      continue;
    }
    if (next === '*') {
      starred = true;
      i += 2;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i += 2;
      if (dropFallback()) continue;
      const symbol = SYMBOLS[next];
      if (symbol === '\n') {
        endParagraph();
      } else if (symbol !== undefined) {
        flushBytes();
        emit(symbol);
      }
      continue;
    }
    // A control word: letters, an optional signed number, and one space that belongs to it.
    const m = /^\\([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i, i + 48))!;
    i += m[0].length;
    const word = m[1]!;
    const param = m[2] === undefined ? undefined : Number(m[2]);
    if (starred || HIDDEN_DESTINATIONS.has(word)) {
      group.hidden = true;
      starred = false;
    }
    if (word === 'bin') {
      // Raw binary data of the given length (a picture's), never text.
      i += Math.max(0, param ?? 0);
      continue;
    }
    if (word === 'u' && param !== undefined) {
      flushBytes();
      if (fallback > 0) fallback = 0;
      emit(String.fromCharCode(param < 0 ? param + 65536 : param));
      fallback = group.uc;
      continue;
    }
    if (word === 'uc') group.uc = param ?? 1;
    else if (word === 'ansicpg' && param !== undefined) decoder = decoderFor(param);
    else if (word === 'fonttbl') group.fontTable = true;
    else if (word === 'f' && group.fontTable) definedFont = param;
    else if (word === 'fcharset' && group.fontTable && definedFont !== undefined && param !== undefined && CHARSET_CODE_PAGES[param]) {
      fontDecoders.set(definedFont, decoderFor(CHARSET_CODE_PAGES[param]!));
    } else if (word === 'f') {
      flushBytes();
      group.font = param;
    } else if (word === 'b') {
      flushBytes();
      group.bold = param !== 0;
    } else if (word === 'plain') {
      flushBytes();
      group.bold = false;
    } else if (word === 'par' || word === 'sect' || word === 'page' || word === 'row') {
      if (!group.hidden) endParagraph();
    } else if (CHARACTERS[word] !== undefined) {
      if (dropFallback()) continue;
      flushBytes();
      emit(CHARACTERS[word]!);
    }
  }
  endParagraph();
  // UTF-16 surrogate pairs written as two `\u` escapes are joined by the string already; a blank line at most between paragraphs.
  return `${paragraphs
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
