/**
 * MathML as LaTeX, for formulas kept only as MathML: MathJax 3's assistive MathML in web pages,
 * OpenDocument's formula objects, MathML written without a TeX annotation. (KaTeX and pandoc keep
 * the TeX they were given in an `<annotation>`; that is read instead, as written.) Element names
 * are MathML's own, without a namespace prefix.
 */
import { type ChildNode, type Element, isTag } from 'domhandler';
import { elements, textOf } from './dom.js';
import { OPERATOR_NAMES } from '../math/latex/names.js';
import { mathChar } from './docx/math-text.js';

/** Characters as LaTeX; a letter run of two or more is a name (`sin` → `\sin`, `Var` → `\operatorname{Var}`). */
function token(text: string, name: string): string {
  const t = text.trim();
  if (name === 'mtext') return t ? `\\text{${t.replace(/[{}\\]/g, '')}}` : '';
  if ((name === 'mi' || name === 'mo') && /^[A-Za-z]{2,}$/.test(t)) return OPERATOR_NAMES.has(t) ? `\\${t}` : `\\operatorname{${t}}`;
  return joined([...t].map((ch) => mathChar(ch)));
}

/**
 * Pieces of a formula written one after another as a LaTeX writer types them: `40`, `out` and
 * `-x` stay together (MathJax gives each letter of `d_{out}` its own `<mi>`), a space only where
 * a command would run into a letter (`\alpha x`).
 */
function joined(pieces: string[]): string {
  let out = '';
  for (const p of pieces) {
    if (!p) continue;
    out += /\\[A-Za-z]+$/.test(out) && /^[A-Za-z]/.test(p) ? ` ${p}` : p;
  }
  return out;
}

/** An argument in braces. */
const group = (s: string) => `{${s}}`;

/**
 * A script's base as written: bare when it is one symbol (`w_{h,l}`, so `dw_{h,l}` stays the name
 * it is; `)^{2}`), braced when it is more.
 */
const base = (s: string) => (/^(?:\\[A-Za-z]+|\\[^A-Za-z\s]|[^\s{}]|\d+|\\[A-Za-z]+\{[A-Za-z]\})$/.test(s) ? s : group(s));

/** A superscript as written: primes (`V'`, MathML's `′` in a superscript) follow their base bare. */
const sup = (s: string) => (/^'+$/.test(s) ? s : `^${group(s)}`);

/** Letter styles MathML gives by `mathvariant`, as the commands that set them. */
const VARIANTS: Record<string, string> = { bold: '\\mathbf', 'bold-italic': '\\boldsymbol', 'double-struck': '\\mathbb', script: '\\mathcal', fraktur: '\\mathfrak' };

/** Accents MathML writes as an `mover` with the mark over the base. */
const ACCENTS: Record<string, string> = {
  '^': '\\hat',
  ˆ: '\\hat',
  '\u0302': '\\hat',
  '¯': '\\bar',
  '\u0304': '\\bar',
  '‾': '\\overline',
  '\u0305': '\\overline',
  '~': '\\tilde',
  '˜': '\\tilde',
  '\u0303': '\\tilde',
  '→': '\\vec',
  '⃗': '\\vec',
  '˙': '\\dot',
  '.': '\\dot',
  '\u0307': '\\dot',
  '¨': '\\ddot',
  '\u0308': '\\ddot',
};

/** Brackets around a table make it a matrix of that kind. */
const MATRIX_KIND: Record<string, string> = { '(': 'pmatrix', '[': 'bmatrix', '{': 'Bmatrix', '|': 'vmatrix', '∣': 'vmatrix', '‖': 'Vmatrix', '∥': 'Vmatrix' };
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '|': '|', '∣': '∣', '‖': '‖', '∥': '∥' };

function table(el: Element, env = 'matrix'): string {
  const rows = elements(el)
    .filter((r) => r.name === 'mtr' || r.name === 'mlabeledtr')
    .map((r) =>
      elements(r)
        .filter((c) => c.name === 'mtd')
        .map((c) => row(c.children))
        .join(' & '),
    );
  return `\\begin{${env}} ${rows.join(' \\\\ ')} \\end{${env}}`;
}

/** A row of siblings; a table between an opening and its closing bracket is a matrix of that kind. */
function row(nodes: ChildNode[]): string {
  const kids = nodes.filter(isTag);
  const out: string[] = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    const open = k.name === 'mo' ? textOf(k).trim() : '';
    const inner = kids[i + 1];
    const close = kids[i + 2];
    if (MATRIX_KIND[open] && inner?.name === 'mtable' && close?.name === 'mo' && textOf(close).trim() === CLOSING[open]) {
      out.push(table(inner, MATRIX_KIND[open]));
      i += 2;
      continue;
    }
    // A brace with a table and nothing closing it: cases.
    if (open === '{' && inner?.name === 'mtable' && !(close?.name === 'mo' && textOf(close).trim() === '}')) {
      out.push(table(inner, 'cases'));
      i += 1;
      continue;
    }
    out.push(latexOf(k));
  }
  return joined(out);
}

/** A MathML element as LaTeX. */
export function latexOf(el: Element): string {
  const kids = elements(el);
  const arg = (i: number) => (kids[i] ? latexOf(kids[i]!) : '');
  switch (el.name) {
    case 'mi': {
      const variant = VARIANTS[el.attribs.mathvariant ?? ''];
      const letters = textOf(el).trim();
      if (variant && /^[A-Za-z]$/.test(letters)) return `${variant}{${letters}}`;
      // Several letters in one identifier are a name, set upright (`\operatorname{ReLU}`); set in
      // italic, they are letters side by side (LibreOffice's `AB` for the product).
      if (/^[A-Za-z]{2,}$/.test(letters) && el.attribs.mathvariant === 'italic') return letters;
      return token(letters, el.name);
    }
    case 'mn':
    case 'mo':
    case 'mtext':
      return token(textOf(el), el.name);
    case 'ms':
      return `\\text{"${textOf(el)}"}`;
    case 'mspace':
    case 'annotation':
    case 'annotation-xml':
    case 'mphantom':
    case 'none':
    case 'mprescripts':
      return '';
    case 'semantics':
      return kids[0] ? latexOf(kids[0]) : '';
    case 'mfrac':
      return el.attribs.linethickness === '0' || el.attribs.linethickness === '0px' ? `\\binom${group(arg(0))}${group(arg(1))}` : `\\frac${group(arg(0))}${group(arg(1))}`;
    case 'msqrt':
      return `\\sqrt${group(row(el.children))}`;
    case 'mroot':
      return `\\sqrt[${arg(1)}]${group(arg(0))}`;
    case 'msub':
      return `${base(arg(0))}_${group(arg(1))}`;
    case 'msup':
      return `${base(arg(0))}${sup(arg(1))}`;
    case 'msubsup':
      return `${base(arg(0))}_${group(arg(1))}${sup(arg(2))}`;
    case 'munder':
    case 'mover':
    case 'munderover': {
      const body = arg(0);
      const mark = kids[1] ? textOf(kids[1]).trim() : '';
      if (el.name === 'mover' && ACCENTS[mark]) return `${ACCENTS[mark]}${group(body)}`;
      if (el.name === 'munder' && (mark === '_' || mark === '‾' || mark === '¯')) return `\\underline${group(body)}`;
      if (el.name === 'munder' && mark === '⏟') return `\\underbrace${group(body)}`;
      if (el.name === 'mover' && mark === '⏞') return `\\overbrace${group(body)}`;
      // Limits of a big operator (`∑` with i = 1 under it) are its sub- and superscript.
      const under = el.name === 'mover' ? '' : `_${group(arg(1))}`;
      const over = el.name === 'munder' ? '' : `^${group(arg(el.name === 'mover' ? 1 : 2))}`;
      return `${body}${under}${over}`;
    }
    case 'mtable':
      return table(el);
    case 'mfenced': {
      const open = el.attribs.open ?? '(';
      const close = el.attribs.close ?? ')';
      const separator = el.attribs.separators?.trim()[0] ?? ',';
      return `\\left${open === '{' ? '\\{' : open || '.'} ${kids.map((k) => latexOf(k)).join(` ${separator} `)} \\right${close === '}' ? '\\}' : close || '.'}`;
    }
    case 'menclose':
      // A boxed answer is how a reply marks its final answer.
      return /\bbox\b/.test(el.attribs.notation ?? '') ? `\\boxed${group(row(el.children))}` : row(el.children);
    case 'mmultiscripts':
      return `${group(arg(0))}_${group(arg(1))}^${group(arg(2))}`;
    default:
      // math, mrow, mstyle, mpadded, merror: their children in a row.
      return row(el.children);
  }
}
