import { readFileSync } from 'node:fs';
import { UserError } from '../model/errors.js';
import type { ProblemSet } from '../model/problem-set.js';
import { notebookToMarkdown } from './notebook.js';
import { parseProblemSet } from './problem-set.js';
import { readDocumentFile } from './read-file.js';
import { sniffFile } from './sniff.js';
import { texToMarkdown } from './tex.js';
import { htmlToMarkdown } from './html/index.js';
import { rtfToText } from './rtf.js';

/**
 * A problem set's text from its file: notebooks, LaTeX sources and web pages converted to Markdown. A PDF
 * needs the asynchronous PDF reader: `loadProblemSet` reads it, this refuses it.
 */
export function problemSetText(text: string, path: string): string {
  switch (sniffFile(Buffer.from(text.slice(0, 65536)), path)) {
    case 'pdf':
    case 'docx':
    case 'odt':
      throw new UserError('a PDF or word processor problem set is not read here; pass it as Markdown or LaTeX', path);
    case 'notebook':
      return notebookToMarkdown(text, path);
    case 'tex':
      return texToMarkdown(text);
    case 'html':
      return htmlToMarkdown(text, path).text;
    case 'rtf':
      return rtfToText(text);
    default:
      return text;
  }
}

/** Reads and parses a problem set file (Markdown, notebook, LaTeX source or web page; not a PDF). */
export function readProblemSetFile(path: string): ProblemSet {
  return parseProblemSet(problemSetText(readFileSync(path, 'utf8'), path), path);
}

/** A problem set read from its file, and what the reader noticed on the way. */
export interface LoadedProblemSet {
  set: ProblemSet;
  /** One line each, naming the file (pages without text, ...). */
  warnings: string[];
}

/**
 * Reads and parses a problem set file of any kind a problem set comes in: Markdown, notebook,
 * LaTeX source, a Word document, or a PDF (compiled LaTeX) rebuilt from its layout. Every command that takes a
 * problem set, by flag or by a key's `problems:`, reads it here, so a PDF works wherever a
 * problem set is taken. A PDF with no text at all is a user error rather than an empty problem
 * set: grading against no questions would silently align nothing.
 */
export async function loadProblemSet(path: string): Promise<LoadedProblemSet> {
  const bytes = new Uint8Array(readFileSync(path));
  const kind = sniffFile(bytes, path);
  if (kind !== 'pdf' && kind !== 'docx' && kind !== 'odt') return { set: readProblemSetFile(path), warnings: [] };
  const doc = await readDocumentFile(bytes, path);
  if (doc.text === undefined || !doc.text.trim()) {
    // The reader's own warning says why (password, unreadable, no text layer); the no-text case is
    // put for a problem set, whose pages no command transcribes.
    const why = doc.warnings.find((w) => !/no text layer|has no text/.test(w));
    if (why) throw new UserError(why.startsWith(`${path}: `) ? why.slice(path.length + 2) : why, path);
    if (kind === 'docx' || kind === 'odt') throw new UserError('the word processor problem set has no text', path);
    throw new UserError('the problem set PDF has no text layer (a scan or images): give the PDF compiled from its source, or the Markdown or LaTeX source', path);
  }
  // --read-with transcribes submissions, not problem sets: say what is lost instead of offering it.
  const warnings = doc.warnings.map((w) => w.replace(/; read (it|them) with --read-with MODEL, a vision model$/, ': the problems on them are not read'));
  return { set: parseProblemSet(doc.text, path), warnings };
}
