import { isRawMail } from './mail-message.js';
import { looksLikeNotebookJson } from './notebook.js';
import { RTF_START } from './rtf.js';
import { declaredCharset, decodeText, hasUtf16Mark, looksLikeWindows1252 } from './text-encoding.js';

/** What a submitted file holds, told by its first bytes (and its name where bytes cannot tell). */
export type FileKind = 'pdf' | 'notebook' | 'tex' | 'docx' | 'odt' | 'html' | 'sheet' | 'mail' | 'rtf' | 'workbook' | 'text' | 'image' | 'word' | 'archive' | 'executable' | 'binary' | 'empty';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** Sniffs a file's kind: magic numbers first, then whether it is text at all. */
export function sniffFile(bytes: Uint8Array, name = ''): FileKind {
  if (bytes.length === 0 || !bytes.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) return 'empty';
  const head = bytes.subarray(0, 1024);
  // %PDF may follow a few bytes of junk (mail gateways add them); the spec allows 1024.
  if (Buffer.from(head).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return 'executable';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP')
  )
    return 'image';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A word processor's document is a zip too: Word's names its parts `word/...` and
    // `[Content_Types].xml`; OpenDocument starts with its `mimetype` entry.
    const names = Buffer.from(head).toString('latin1');
    if (/\.odt$/i.test(name) || /opendocument\.text/.test(names)) return 'odt';
    // An Excel workbook is an Office zip too, its parts under `xl/` (one named .docx is the .docx reader's to refuse).
    if (/\.xlsx$/i.test(name) || (/xl\//.test(names) && !/word\//.test(names) && !/\.docx$/i.test(name))) return 'workbook';
    return /\.docx$/i.test(name) || /word\/|\[Content_Types\]\.xml/.test(names) ? 'docx' : 'archive';
  }
  // An OLE compound file: Word 97-2003 (.doc), or a password-protected .docx, which Office wraps
  // in one around its `EncryptedPackage` (the .docx reader says it is encrypted).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return /\.docx$/i.test(name) || Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))
      ? 'docx'
      : /\.(?:doc|dot|rtf)$/i.test(name) || Buffer.from(bytes).includes(Buffer.from('WordDocument', 'utf16le'))
        ? 'word'
        : 'binary';
  }
  if (startsWith(bytes, [0x1f, 0x8b]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return 'archive';
  // A mail's headers are ASCII, its body in any charset (8-bit Latin-1 is not UTF-8): told before the text test.
  if (/\.(?:eml|mbox|mbx)$/i.test(name) || isRawMail(Buffer.from(bytes.subarray(0, 65536)).toString('latin1'))) return 'mail';
  // Text: no NUL bytes (but UTF-16's, behind its mark), and valid UTF-8 for the most part, or the Windows code page's letters.
  const utf16 = hasUtf16Mark(bytes);
  if (head.includes(0) && !utf16) return 'binary';
  const sample = utf16 ? decodeText(bytes.subarray(0, 65536)) : Buffer.from(bytes.subarray(0, 65536)).toString('utf8');
  const bad = (sample.match(/\uFFFD/g) ?? []).length;
  const controls = (sample.match(/[\x01-\x08\x0e-\x1f]/g) ?? []).length;
  // (A page that names its code page, `<meta charset="koi8-u">`, is text however many of its bytes are letters above 127.)
  const declared = controls <= sample.length * 0.02 && declaredCharset(bytes) !== undefined;
  if (bad + controls > sample.length * 0.02 && !declared && !looksLikeWindows1252(bytes.subarray(0, 65536))) return 'binary';
  const t = sample.trimStart();
  if (/\.rtf$/i.test(name) || RTF_START.test(t)) return 'rtf';
  if (/\.(?:ipynb|zpln)$/i.test(name) || looksLikeNotebookJson(t)) return 'notebook';
  // (LibreOffice's Flat XML text is the .odt package's XML in one file.)
  if (/\.fodt$/i.test(name) || /^(?:<\?xml[^>]*>\s*)?<office:document\b[^>]*opendocument\.text/.test(t)) return 'odt';
  if (/\.x?html?$/i.test(name) || /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/i.test(t)) return 'html';
  // A spreadsheet's export is known by its name only: any text has commas.
  if (/\.(?:csv|tsv|tab)$/i.test(name)) return 'sheet';
  if (/\.tex$/i.test(name) || /\\documentclass\b|\\begin\{document\}/.test(sample)) return 'tex';
  return 'text';
}
