/**
 * The characters of a text file, whatever the program that saved it chose: UTF-8 (with or
 * without the byte-order mark Excel and Notepad put first), UTF-16 with its mark (Excel's
 * "Unicode Text", PowerShell's redirects), or windows-1252, which Excel and older Windows
 * editors in Western European locales still write for "CSV" and "Text". Read as UTF-8, a
 * windows-1252 file's `ä` and `–` become replacement characters, and its mark becomes a
 * stray character in front of the first cell or heading.
 */

/**
 * Windows-1252's characters for the bytes 0x80-0x9F, where it differs from Latin-1 (`’` `–` `€` ...;
 * the five bytes it leaves undefined stay as they are).
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * A decoded text with its C1 control characters read as the Windows-1252 punctuation of their
 * bytes. The WHATWG Encoding standard decodes `windows-1252` and `iso-8859-1` both as
 * Windows-1252, but Node's TextDecoder (and Buffer's latin1) read 0x80-0x9F as C1 controls, and a
 * text never means a C1 control (a mail's or an RTF's declared Latin-1 is the Windows code page).
 */
export function c1AsWindows1252(text: string): string {
  if (!/[\u0080-\u009F]/.test(text)) return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Bytes in the Windows Western code page. */
function windows1252(b: Buffer): string {
  return c1AsWindows1252(b.toString('latin1'));
}

/** A sequence UTF-8 encodes a character with: a lead byte and its continuation bytes. */
const UTF8_SEQUENCE = /[\xC2-\xF4][\x80-\xBF]/;

/** Bytes as text: the byte-order mark obeyed and dropped; UTF-8 unless the bytes are no UTF-8 and hold no UTF-8 character at all (then windows-1252). */
export function decodeText(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.toString('utf8', 3);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (!b.some((v) => v >= 0x80)) return b.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // A UTF-8 file cut or damaged in one place keeps its other characters; only a file with no
    // UTF-8 character anywhere was written in the Windows code page.
    return UTF8_SEQUENCE.test(b.toString('latin1')) ? b.toString('utf8') : windows1252(b);
  }
}

/** The file starts with a UTF-16 byte-order mark (its NUL bytes are no sign of binary data). */
export function hasUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Text in the Windows code page: no NUL, few control characters, and its bytes above 127 a
 * minority (letters with accents among ASCII ones), as random binary data's are not.
 */
export function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let controls = 0;
  for (const v of bytes) {
    if (v === 0) return false;
    if (v >= 0x80) high++;
    else if (v < 0x20 && v !== 0x09 && v !== 0x0a && v !== 0x0d && v !== 0x0c) controls++;
  }
  return controls <= bytes.length * 0.02 && high <= bytes.length * 0.3;
}

/** A character's UTF-8 bytes each read as a Latin-1 character: a lead byte and its continuation bytes (`â\u0088\u009a` for `√`). */
const MOJIBAKE_SEQUENCE = /[\xC2-\xF4][\x80-\xBF]+/g;

/**
 * A text whose UTF-8 bytes were each stored as the Latin-1 character of the same number, repaired:
 * Facebook's and Instagram's JSON exports write `√` as `"\u00e2\u0088\u009a"`, which reads as `â`
 * and two control characters. Undefined unless the text is only such characters (none above
 * U+00FF), its bytes decode as valid UTF-8, and the decoding leaves fewer such sequences than it
 * had: a Latin-1 text's own `é` or `Ã` is never a valid UTF-8 sequence with what follows it.
 */
export function utf8ReadAsLatin1Repaired(text: string): string | undefined {
  MOJIBAKE_SEQUENCE.lastIndex = 0;
  if (!MOJIBAKE_SEQUENCE.test(text) || /[^\x00-\xFF]/.test(text)) return undefined;
  let repaired: string;
  try {
    repaired = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'latin1'));
  } catch {
    return undefined;
  }
  const count = (t: string) => t.match(MOJIBAKE_SEQUENCE)?.length ?? 0;
  return count(repaired) < count(text) ? repaired : undefined;
}

/**
 * The character encoding a web page names in its first 1024 bytes, where browsers look for it
 * (`<meta charset="windows-1251">`, `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`),
 * or an XML file in its declaration (`<?xml version="1.0" encoding="Shift_JIS"?>`); undefined when none.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const declared = /<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head) ?? /^\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([\w.:-]{1,40})["']/i.exec(head);
  return declared?.[1]?.toLowerCase();
}

/**
 * A web page's bytes as text, in the encoding it names (declaredCharset): archives from Russian, Japanese
 * and Chinese sites (VK's data archive, old forums) are saved in their code page, and read as UTF-8 or
 * windows-1252 every letter is lost. A byte-order mark, or bytes that are valid UTF-8 (a page re-saved by
 * an editor keeps its old declaration), or a name no decoder knows, leave the text to decodeText.
 */
export function decodeDeclaredText(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes);
  if (!charset || /^(?:utf-?8|utf-?16\w*|us-ascii|ascii)$/.test(charset) || hasUtf16Mark(bytes) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return decodeText(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return decodeText(bytes);
  } catch {
    // Not UTF-8: the declaration is the page's own.
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return decodeText(bytes);
  }
  const text = decoder.decode(bytes);
  return /1252|8859-1$|latin-?1/.test(charset) ? c1AsWindows1252(text) : text;
}
