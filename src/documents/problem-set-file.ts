import { readFileSync } from 'node:fs';
import { UserError } from '../model/errors.js';
import type { ProblemSet } from '../model/problem-set.js';
import { notebookToMarkdown } from './notebook.js';
import { parseProblemSet } from './problem-set.js';
import { sniffFile } from './sniff.js';
import { texToMarkdown } from './tex.js';

/**
 * A problem set's text from its file: notebooks and LaTeX sources converted to Markdown. A PDF
 * is read by `key init` / `key import`, not here (its layout needs the async PDF reader).
 */
export function problemSetText(text: string, path: string): string {
  switch (sniffFile(Buffer.from(text.slice(0, 65536)), path)) {
    case 'pdf':
      throw new UserError('a PDF problem set is read by key init, key import and grade --problems; here pass it as Markdown or LaTeX', path);
    case 'notebook':
      return notebookToMarkdown(text, path);
    case 'tex':
      return texToMarkdown(text);
    default:
      return text;
  }
}

/** Reads and parses a problem set file (Markdown, notebook or LaTeX source). */
export function readProblemSetFile(path: string): ProblemSet {
  return parseProblemSet(problemSetText(readFileSync(path, 'utf8'), path), path);
}
