import { BodyReader } from './body.js';
import { ListNumbering } from './numbering.js';
import { DocxError, openDocx } from './package.js';
import { Styles } from './styles.js';
import { parseXml, XmlError, XmlNestingError } from './xml.js';

export { DocxError } from './package.js';

/** A Word document read as Markdown + LaTeX, and what could not be read in it. */
export interface DocxText {
  text: string;
  /** One line each, naming the file and the paragraphs concerned. */
  warnings: string[];
}

function paragraphs(list: number[]): string {
  const unique = [...new Set(list)];
  const shown = unique.slice(0, 10).join(', ');
  return `${unique.length === 1 ? 'paragraph' : 'paragraphs'} ${shown}${unique.length > 10 ? ', ...' : ''}`;
}

/**
 * Reads a .docx into the Markdown + LaTeX the rest of partcredit reads: Word's equations
 * (Office Math) as LaTeX, its automatic list numbers written out, headings, tables. Equations
 * Word cannot give as Office Math (MathType and Equation 3.0 objects, images) are counted in a
 * warning with their paragraphs. A file that is not a readable .docx is a `DocxError`.
 */
export function docxToMarkdown(bytes: Uint8Array, path: string): DocxText {
  const parts = openDocx(bytes);
  let reader: BodyReader;
  let text: string;
  try {
    reader = new BodyReader(
      new ListNumbering(parts.numbering ? parseXml(parts.numbering, 'word/numbering.xml') : undefined),
      new Styles(parts.styles ? parseXml(parts.styles, 'word/styles.xml') : undefined),
    );
    text = reader.read(parseXml(parts.document, 'word/document.xml'));
  } catch (e) {
    // Hostile nesting (thousands of fractions in fractions) is refused by the parser, or, below its
    // limit, could still exhaust the stack of a tree walk.
    if (e instanceof XmlNestingError || (e instanceof RangeError && /call stack/i.test(e.message)))
      throw new DocxError('the document is nested too deeply to read (an equation or content control hundreds of levels deep)');
    if (e instanceof XmlError) throw new DocxError(`the file is not a readable .docx: ${e.message}`);
    throw e;
  }
  const { equations, images, mathElements } = reader.unread;
  const warnings: string[] = [];
  if (equations.length) {
    warnings.push(
      `${path}: ${equations.length} ${equations.length === 1 ? 'equation' : 'equations'} could not be read (MathType or Equation 3.0 objects, in ${paragraphs(equations)}): ${equations.length === 1 ? 'it is' : 'they are'} not graded; retype with Word's equation editor (Insert > Equation) or convert them (MathType: Convert Equations to Office Math)`,
    );
  }
  if (images.length) warnings.push(`${path}: ${images.length} ${images.length === 1 ? 'image was' : 'images were'} not read (${paragraphs(images)}); an equation pasted as an image is not graded`);
  if (mathElements.size) warnings.push(`${path}: equation parts read as their bare text (${[...mathElements].sort().join(', ')}); check those answers by eye`);
  return { text: text ? `${text}\n` : '', warnings };
}
