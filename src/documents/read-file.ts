import type { Message, SubmissionSource } from '../model/submission.js';
import { sniffFile, type FileKind } from './sniff.js';
import { notebookToMarkdown } from './notebook.js';
import { texToMarkdown } from './tex.js';
import { sheetAsMarkdown } from './spreadsheet.js';
import { isFlashcardDeck } from './flashcard-deck.js';
import { DocxError, docxToMarkdown } from './docx/index.js';
import { htmlToMarkdown } from './html/index.js';
import { OdtError, odtToMarkdown } from './odt/index.js';
import { readPdfDocument, type PageTranscriber } from './pdf/document.js';
import { printedSheetText } from './printed-sheet.js';
import { printedSourceText } from './printed-source.js';
import { mailToText } from './mail-message.js';
import { rtfToText } from './rtf.js';
import { decodeDeclaredText, decodeText } from './text-encoding.js';

export type { PageTranscriber } from './pdf/document.js';

/** A file read into the Markdown + LaTeX text every reader of the project takes. */
export interface DocumentText {
  kind: FileKind;
  /** Undefined when the file is not a document (binary, empty): `warnings` says why. */
  text?: string;
  /** The text is a Markdown chat rebuilt from an export's turns. */
  chat: boolean;
  notes: Message[];
  warnings: string[];
  source?: SubmissionSource;
}

/** Options for reading files that are not plain text. */
export interface ReadFileOptions {
  /** Reads pages that have no text layer (a vision model); without one they are named in a warning. */
  transcriber?: PageTranscriber;
}

const NOT_A_DOCUMENT: Partial<Record<FileKind, string>> = {
  empty: 'the file is empty',
  executable: 'the file is a program (an executable), not a document',
  binary: 'the file is binary data, not a document',
  workbook: 'the file is an Excel workbook (.xlsx); download or save its sheet as CSV (File → Download → CSV, or Save As CSV) and submit that',
  archive: 'the file is an archive (zip, gzip, 7z); unpack it and submit the documents inside',
  word: 'the file is a Word 97-2003 document (.doc), which partcredit does not read: save it as .docx, or export it as PDF (its equations are kept there), and submit that',
  image: 'the file is an image; put it in a PDF and read it with --read-with MODEL',
};

/**
 * Reads any submitted file as text: plain text as it is; PDFs rebuilt from their layout;
 * notebooks, LaTeX sources, spreadsheets' CSV and TSV exports (a grading sheet's answer column), Word and OpenDocument texts (.docx, .odt, with their equations), rich text (.rtf), mail files (.eml, .mbox) and web pages (a chat saved
 * from the browser, with its formulas' TeX) converted. A file that is not a document gets a warning naming
 * it, never a silent empty result.
 */
export async function readDocumentFile(bytes: Uint8Array, path: string, options: ReadFileOptions = {}): Promise<DocumentText> {
  const kind = sniffFile(bytes, path);
  const why = NOT_A_DOCUMENT[kind];
  if (why) return { kind, chat: false, notes: [], warnings: [`${path}: not a document: ${why}`] };
  const text = () => decodeText(bytes);
  switch (kind) {
    case 'pdf': {
      try {
        const pdf = await readPdfDocument(bytes, path, options.transcriber);
        // A source file printed as typed, or a sheet printed as its grid, is read as the file; its lines are no longer the page's.
        const source = pdf.chat ? undefined : (printedSourceText(pdf.text, path) ?? printedSheetText(pdf.text, path));
        return {
          kind,
          text: source ?? pdf.text,
          chat: pdf.chat,
          notes: pdf.notes,
          warnings: pdf.warnings,
          source: { kind: 'pdf', pages: pdf.pages, regions: source === undefined ? pdf.regions : [], ...(pdf.transcribed.length ? { transcribed: pdf.transcribed } : {}) },
        };
      } catch (e) {
        // pdf.js throws InvalidPDFException, PasswordException ... for files it cannot open.
        const name = e instanceof Error ? e.name : '';
        const msg = /Password/i.test(name) ? 'the PDF is password-protected' : `the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`;
        return { kind, chat: false, notes: [], warnings: [`${path}: ${msg}`] };
      }
    }
    case 'notebook':
      return { kind, text: notebookToMarkdown(text(), path), chat: false, notes: [], warnings: [], source: { kind: 'notebook' } };
    case 'sheet': {
      // (A flashcard deck saved as .csv or .tsv is its notes, read with the text's passes, not a grading sheet's rows.)
      const sheet = text();
      if (isFlashcardDeck(sheet)) return { kind, text: sheet, chat: false, notes: [], warnings: [] };
      return { kind, text: sheetAsMarkdown(sheet, /\.csv$/i.test(path) ? ',' : '\t', path), chat: false, notes: [], warnings: [], source: { kind: 'sheet' } };
    }
    case 'tex':
      return { kind, text: texToMarkdown(text()), chat: false, notes: [], warnings: [], source: { kind: 'tex' } };
    case 'docx':
      try {
        const doc = docxToMarkdown(bytes, path);
        return { kind, text: doc.text, chat: false, notes: [], warnings: doc.warnings, source: { kind: 'docx' } };
      } catch (e) {
        if (e instanceof DocxError) return { kind, chat: false, notes: [], warnings: [`${path}: ${e.message}`] };
        throw e;
      }
    case 'odt':
      try {
        const doc = odtToMarkdown(bytes, path);
        return { kind, text: doc.text, chat: false, notes: [], warnings: doc.warnings, source: { kind: 'odt' } };
      } catch (e) {
        if (e instanceof OdtError) return { kind, chat: false, notes: [], warnings: [`${path}: ${e.message}`] };
        throw e;
      }
    case 'mail': {
      const mail = await mailToText(bytes, path);
      return { kind, ...(mail.text === undefined ? {} : { text: mail.text }), chat: mail.chat, notes: [], warnings: mail.warnings, source: { kind: 'mail' } };
    }
    case 'rtf':
      return { kind, text: rtfToText(text()), chat: false, notes: [], warnings: [], source: { kind: 'rtf' } };
    case 'html': {
      const page = htmlToMarkdown(decodeDeclaredText(bytes), path);
      return { kind, text: page.text, chat: page.chat, notes: [], warnings: page.warnings, source: { kind: 'html' } };
    }
    default:
      return { kind, text: text(), chat: false, notes: [], warnings: [] };
  }
}
