import { unzipSync } from 'fflate';

/** The parts of a Word package the reader uses, as text. */
export interface DocxParts {
  document: string;
  numbering?: string;
  styles?: string;
}

/** Raised for a file that is not a readable Word document; its message is one line for the user. */
export class DocxError extends Error {
  override readonly name = 'DocxError';
}

/** No part bigger than this is inflated: a zip bomb is refused, not read for minutes. */
const PART_LIMIT = 128 * 2 ** 20;

const WANTED: Record<string, keyof DocxParts> = {
  'word/document.xml': 'document',
  'word/numbering.xml': 'numbering',
  'word/styles.xml': 'styles',
};

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `bytes` are an OLE compound file (Word 97-2003, or a password-protected .docx). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB.every((v, i) => bytes[i] === v);
}

/** Whether a compound file holds an `EncryptedPackage` stream: Office's encrypted .docx/.xlsx. */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  return isCompoundFile(bytes) && Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

/**
 * Unzips the parts of a .docx the reader needs. A password-protected document (Office wraps it
 * in a compound file), a Word 97-2003 file, a broken zip, or a zip that is no Word document
 * (a renamed .xlsx or archive) is a `DocxError` that says which.
 */
export function openDocx(bytes: Uint8Array): DocxParts {
  if (isEncryptedPackage(bytes)) throw new DocxError('the Word document is password-protected (encrypted); remove the password in Word (File > Info > Protect Document) or export it as PDF');
  if (isCompoundFile(bytes)) throw new DocxError('the file is a Word 97-2003 document (.doc), not a .docx; save it as .docx or PDF');
  let files: Record<string, Uint8Array>;
  let tooBig: string | undefined;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!(f.name in WANTED)) return false;
        if (f.originalSize > PART_LIMIT) tooBig = f.name;
        return f.originalSize <= PART_LIMIT;
      },
    });
  } catch (e) {
    throw new DocxError(`the file is not a readable .docx (a broken zip: ${e instanceof Error ? e.message : String(e)})`);
  }
  if (tooBig) throw new DocxError(`${tooBig} inflates to more than ${PART_LIMIT / 2 ** 20} MB; the document is refused`);
  const doc = files['word/document.xml'];
  if (!doc) throw new DocxError('the file is a zip with no word/document.xml, so not a Word document (a spreadsheet, a presentation or an archive renamed .docx?)');
  const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);
  const numbering = text(files['word/numbering.xml']);
  const styles = text(files['word/styles.xml']);
  return { document: text(doc) ?? '', ...(numbering ? { numbering } : {}), ...(styles ? { styles } : {}) };
}
