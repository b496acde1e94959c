import { starMathAsLatex, STARMATH_MARKS, STARMATH_ONLY } from './starmath.js';
import { asciiMathAsLatex } from './asciimath.js';

/**
 * Mathematics a medium marks as a span of its own and writes in a notation of its own, read as the
 * `$...$` / `$$...$$` LaTeX the readers after this pass know. A span is found by its delimiters:
 * lightweight markups' math macros and roles (AsciiDoc `stem:[...]`, `latexmath:[...]`,
 * `asciimath:[...]` with `\]` escaped, and their `[stem]` `++++` blocks; reStructuredText's
 * `` :math:`...` `` and `.. math::` blocks; MediaWiki's `<math>...</math>`; forums' `[math]`, `[tex]`,
 * `[latex]` tags, and the `##...##` pairs forums' MathJax sets inline TeX in), or a formula a writer quoted (between guillemets, curly quotes, or in a code span
 * when only StarMath writes it so) because the export lost its formula objects
 * (`«1 over sqrt{d_{in}}»`). Its body is then read by the reader of the notation the
 * span declares (`latexmath`, the document's `:stem:` attribute) or, where it declares none, the one
 * its marks show: LaTeX by its commands, LibreOffice Math (StarMath) by `over`, `sqrt{`, `%eta`,
 * AsciiMath by its own reader. Guillemets around words (a French quote, a term in
 * «quotes», a part's label) are no formula and stay as they are, as does a link or image macro.
 */

/** Any opening a span of this pass starts with: a text without one is returned at once. */
const OPENERS = /\b(?:stem|latexmath|asciimath):\[|:math:`|[«‹“`]|<math>|\[(?:math|tex|latex)\]|^[ \t]*\.\. math::|^\[(?:stem|latexmath|asciimath)\][ \t]*$|##[^\s#]/m;

type Notation = 'latex' | 'asciimath' | 'starmath';

/** A LaTeX command in a body (`\sqrt`, `\|`, `\,`): the body is LaTeX whatever the span declares. */
const LATEX_COMMAND = /\\(?:[A-Za-z]+|[,;:!|{}])/;

/** The notation AsciiDoc's `stem` means in this document: its `:stem:` attribute's value, AsciiMath by default. */
function stemNotation(text: string): Notation {
  const attr = /^:stem:[ \t]*(\S*)[ \t]*$/m.exec(text);
  return attr?.[1] === 'latexmath' || attr?.[1] === 'tex' ? 'latex' : 'asciimath';
}

/** A declared notation's name as a notation (`stem` as the document says). */
function declared(name: string, stem: Notation): Notation {
  return name === 'latexmath' ? 'latex' : name === 'asciimath' ? 'asciimath' : stem;
}

/** A span's body read in its notation, as the text that replaces the span (`display`: on lines of its own). */
function read(body: string, notation: Notation, display = false): string {
  const b = body.trim();
  if (!b) return '';
  const latex = LATEX_COMMAND.test(b) || notation === 'latex' ? b : notation === 'starmath' ? starMathAsLatex(b) : asciiMathAsLatex(b);
  return display ? `$$\n${latex}\n$$` : `$${latex}$`;
}

/** Two words of prose in a row: three letters or more each, neither a name or command a formula notation uses. */
const PROSE_PAIR =
  /\b(?![a-z]?(?:over|sqrt|from|to|left|right|matrix|times|cdot|sum|prod|func|lfloor|rfloor|lceil|rceil|lline|rline)\b)[A-Za-zÀ-ÿ]{3,}[,;]?\s+(?!(?:over|sqrt|from|to|left|right|matrix|times|cdot|sum|prod|func|lfloor|rfloor|lceil|rceil|lline|rline)\b)[A-Za-zÀ-ÿ]{3,}\b/;

/**
 * The notation of a formula between guillemets, or undefined when it is none: words of prose
 * (a quote, a term, a label like `2b`) are not one; a formula shows a relation, an operation or a
 * script, or is one letter.
 */
function quotedFormula(body: string): Notation | undefined {
  const b = body.trim();
  // (A body with `$` is math already, or money.)
  if (!b || b.includes('$') || PROSE_PAIR.test(b)) return undefined;
  if (LATEX_COMMAND.test(b)) return 'latex';
  if (STARMATH_MARKS.test(b)) return 'starmath';
  // One letter, a number, a name applied (`O(n)`), or a relation, operation or script.
  if (/^(?:[A-Za-z]|-?\d+(?:[.,]\d+)?|[A-Za-z]{1,4}\([^()]*\))$/.test(b) || /[=^_+*/<>≤≥−]|\d\s*-|-\s*\d/.test(b)) return 'starmath';
  return undefined;
}

/**
 * `##K^L##`: a forum's MathJax inline TeX, a pair of `##` on one line hugging its formula. A Markdown
 * heading's `## ` (and the `##` that may close it) stands apart from its words, so it is none.
 */
const FORUM_INLINE = /(?<!#)##(?=[^\s#])([^#\n]{1,400}?)(?<=\S)##(?!#)/g;

/** A span between quotation marks a writer sets a formula in: guillemets, single guillemets, curly double quotes. */
const QUOTED = /«([^«»]{1,600}?)»|‹([^‹›\n]{1,300}?)›|“([^“”\n]{1,300}?)”/g;

/** AsciiDoc's `[stem]` blocks and reStructuredText's `.. math::` blocks as `$$` displays. */
function blocks(text: string, stem: Notation): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const adoc = /^\[(stem|latexmath|asciimath)\][ \t]*$/.exec(line);
    if (adoc) {
      const notation = declared(adoc[1]!, stem);
      // Delimited by `++++` lines, or one paragraph.
      const fenced = /^\+{4,}[ \t]*$/.test(lines[i + 1] ?? '');
      let end = fenced ? i + 2 : i + 1;
      while (end < lines.length && (fenced ? !/^\+{4,}[ \t]*$/.test(lines[end]!) : lines[end]!.trim() !== '')) end++;
      out.push(read(lines.slice(fenced ? i + 2 : i + 1, end).join('\n'), notation, true));
      i = fenced ? end : end - 1;
      continue;
    }
    const rst = /^([ \t]*)\.\. math::[ \t]*(.*)$/.exec(line);
    if (rst) {
      // The body: the directive's argument, then the lines indented deeper than it (options `:label:` left out).
      const body = rst[2] ? [rst[2]] : [];
      let end = i + 1;
      while (end < lines.length && (lines[end]!.trim() === '' || /^[ \t]/.test(lines[end]!.slice(rst[1]!.length)))) {
        const l = lines[end]!.trim();
        if (l && !/^:[a-z-]+:/.test(l)) body.push(l);
        end++;
      }
      // (The blank lines after the block stay: they part it from what follows.)
      while (end > i + 1 && lines[end - 1]!.trim() === '') end--;
      out.push(read(body.join('\n'), 'latex', true));
      i = end - 1;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** The inline spans: each as its notation's reading. A body may run over a line break, never over a blank line. */
function inline(text: string, stem: Notation): string {
  return (
    text
      // AsciiDoc's inline macros: `]` in the body is escaped as `\]`.
      .replace(/\b(stem|latexmath|asciimath):\[((?:\\\]|[^\]\n]|\n(?![ \t]*\n))*?)\]/g, (_m, name: string, body: string) => read(body.replace(/\\\]/g, ']'), declared(name, stem)))
      .replace(/:math:`([^`\n]+)`/g, (_m, body: string) => read(body, 'latex'))
      // A tag's body ends at its own closing tag, not at the first `<` or `[` it holds (`n < 0`, `\left[`).
      .replace(/<math>((?:(?!<\/math>)[^\n]|\n(?![ \t]*\n))*?)<\/math>/g, (_m, body: string) => read(body, 'latex'))
      .replace(/\[(math|tex|latex)\]((?:(?!\[\/\1\])[^\n]|\n(?![ \t]*\n))*?)\[\/\1\]/g, (_m, _tag: string, body: string) => read(body, 'latex'))
      .replace(FORUM_INLINE, (m, body: string) => (LATEX_COMMAND.test(body) || !PROSE_PAIR.test(body) ? read(body, 'latex') : m))
      .replace(QUOTED, (m, guillemets?: string, single?: string, curly?: string) => {
        const body = guillemets ?? single ?? curly ?? '';
        if (/\n[ \t]*\n/.test(body)) return m;
        // (Curly quotes and single guillemets quote words more often: only a notation's own marks make a formula of them.)
        const notation = guillemets !== undefined || LATEX_COMMAND.test(body) || STARMATH_MARKS.test(body) ? quotedFormula(body) : undefined;
        return notation ? read(body.replace(/\s*\n\s*/g, ' '), notation) : m;
      })
      // A code span is a program's text unless only StarMath writes it so.
      .replace(/(?<!`)`([^`\n]{1,300})`(?!`)/g, (m, body: string) => (!LATEX_COMMAND.test(body) && STARMATH_ONLY.test(body) && !PROSE_PAIR.test(body) ? read(body, 'starmath') : m))
  );
}

/** A text with its math spans as LaTeX (or plain-text math); a text with none, as it is. */
export function mathSpansAsText(text: string): string {
  if (!OPENERS.test(text)) return text;
  const stem = stemNotation(text);
  // (Most texts that open a span have no block: their lines are not walked.)
  return inline(/^(?:\[(?:stem|latexmath|asciimath)\]|[ \t]*\.\. math::)/m.test(text) ? blocks(text, stem) : text, stem);
}
