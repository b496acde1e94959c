/**
 * A PDF that prints a source file as it was typed: a notebook's `.ipynb` opened as text (its JSON)
 * and printed, an app's JSON export (a board, a drawing, a note) opened in an editor and printed,
 * or a LaTeX source printed instead of compiled. Its text is the file itself, so it is read as the
 * file would be: the notebook's cells, the export's JSON, the LaTeX's body. Read as a page of prose,
 * a notebook's cells are JSON strings (`"### (a)\n",`) where no heading opens a line, and an
 * export's long strings wrapped by the page are no JSON at all, so no part is found.
 */
import { looksLikeNotebookJson, notebookToMarkdown } from './notebook.js';
import { texToMarkdown } from './tex.js';

/** A LaTeX source's opening: `\documentclass` first, after comment lines. */
const TEX_OPENING = /^(?:%[^\n]*\n\s*)*\\documentclass\b/;

/**
 * JSON whose strings the page wrapped: a string never holds a line break (JSON writes `\n`), so
 * one inside a string is where the line ran past the page's edge, at a space.
 */
function unwrapStrings(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString && c === '\\') {
      out += c + (json[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += inString && c === '\n' ? ' ' : c;
  }
  return out;
}

/**
 * The Markdown of a printed source file, when a PDF's text is one from start to end (see the
 * module's doc); undefined for any other text, a notebook's JSON that does not parse among them.
 */
export function printedSourceText(text: string, path: string): string | undefined {
  const t = text.trim();
  // A notebook's JSON, whole: one object from the text's first character to its last, a Jupyter notebook's cells and format or another app's (Zeppelin's paragraphs).
  if (t.startsWith('{') && t.endsWith('}') && looksLikeNotebookJson(t)) {
    try {
      return notebookToMarkdown(unwrapStrings(t), path);
    } catch {
      // The page lost what JSON needs (a quote, a brace): it stays a page of text.
      return undefined;
    }
  }
  // Any other JSON, whole: it is the file, once the page's wraps in its strings are joined (a value
  // the page broke elsewhere, or prose that merely opens on a brace, does not parse and stays a page).
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    const json = unwrapStrings(t);
    // (JSON the page did not wrap is read as it stands, its lines still the page's.)
    if (json === t) return undefined;
    try {
      JSON.parse(json);
      return json;
    } catch {
      return undefined;
    }
  }
  // A LaTeX source, whole: its preamble first, its body closed at the end.
  if (TEX_OPENING.test(t) && t.endsWith('\\end{document}') && t.includes('\\begin{document}')) return texToMarkdown(t);
  return undefined;
}
