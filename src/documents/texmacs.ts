/**
 * A GNU TeXmacs document (`.tm`: `<TeXmacs|2.1.4>`, then `<\body> ... </body>`) read as the Markdown +
 * LaTeX every other reader knows. TeXmacs saves its tree as markup of its own: a tag is
 * `<name|arg|arg>`, or `<\name|arg> body <|name> body </name>` around blocks; a symbol is `\<alpha\>`
 * (`\<\|\|\>` the norm's bars, `\<#4E2D\>` a Unicode character by its code); math is `<math|...>` with
 * `<rsub|..>`, `<frac|a|b>`, `<sqrt|..>`, `<around*|(|..|)>` and `*` for the multiplication it does
 * not show. Read as text, no line opens on a part's label and every formula is markup, so nothing is
 * found. Its sections become headings, `<math|..>` inline `$...$`, its equation environments
 * `$$...$$`, its lists Markdown's, its code and sessions fenced; the style, the initial settings and
 * the references after the body are the editor's, no text of the document.
 */

/** A symbol (`\<alpha\>`), a tag with its arguments, or text. */
type TmNode = string | { symbol: string } | TmTag;
interface TmTag {
  tag: string;
  args: TmNode[][];
}

/** The cheap test: a TeXmacs file opens on its version tag. */
const TEXMACS_START = /^\s*<TeXmacs\|[\d.]+>/;
/** Nesting deeper than this is no document an editor saved: the text is left as it is. */
const MAX_DEPTH = 200;

class TooDeep extends Error {}

/** Parses TeXmacs markup from `at`, up to what closes the current context (`>` and `|` inside a tag's arguments, `<|` and `</` inside a block). */
class Parser {
  at = 0;
  /** The blocks open around the current place, innermost last: a close of an outer one ends the inner ones too. */
  readonly open: string[] = [];
  constructor(readonly src: string) {}

  /** The whole file's nodes: a stray `</name>` or `<|name>` outside its block is passed over. */
  document(): TmNode[] {
    const out: TmNode[] = [];
    for (;;) {
      out.push(...this.sequence(false, 0));
      if (this.at >= this.src.length) return out;
      this.at = this.src.indexOf('>', this.at) + 1 || this.src.length;
    }
  }

  /** A run of nodes up to the context's end; `inline` when inside `<name|...>`. */
  sequence(inline: boolean, depth: number): TmNode[] {
    if (depth > MAX_DEPTH) throw new TooDeep();
    const out: TmNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    const s = this.src;
    while (this.at < s.length) {
      const c = s[this.at]!;
      if (c === '\\') {
        if (s[this.at + 1] === '<') {
          const end = s.indexOf('\\>', this.at + 2);
          if (end < 0) {
            text += '<';
            this.at += 2;
            continue;
          }
          flush();
          out.push({ symbol: s.slice(this.at + 2, end).replace(/\\(.)/g, '$1') });
          this.at = end + 2;
        } else {
          text += s[this.at + 1] ?? '';
          this.at += 2;
        }
        continue;
      }
      if (inline && (c === '|' || c === '>')) break;
      if (c === '<') {
        const next = s[this.at + 1];
        if (next === '|' || next === '/') {
          if (!inline) break;
          text += c;
          this.at++;
          continue;
        }
        flush();
        out.push(this.tag(depth));
        continue;
      }
      text += c;
      this.at++;
    }
    flush();
    return out;
  }

  /** A tag at `<`: inline `<name|a|b>`, or a block `<\name|a> body <|name> body </name>`. */
  tag(depth: number): TmTag {
    const s = this.src;
    const block = s[this.at + 1] === '\\';
    this.at += block ? 2 : 1;
    const name = /^[\w*.#-]*/.exec(s.slice(this.at, this.at + 64))![0];
    this.at += name.length;
    const args: TmNode[][] = [];
    while (s[this.at] === '|') {
      this.at++;
      args.push(this.sequence(true, depth + 1));
    }
    if (s[this.at] === '>') this.at++;
    if (!block) return { tag: name, args };
    this.open.push(name);
    let body: TmNode[] = [];
    for (;;) {
      body.push(...this.sequence(false, depth + 1));
      if (this.at >= s.length) break;
      const mark = /^<([|/])([\w*.#-]*)>?/.exec(s.slice(this.at, this.at + 66))!;
      if (mark[2] === name) {
        this.at += mark[0].length;
        if (mark[1] === '/') break;
        args.push(body);
        body = [];
      } else if (this.open.includes(mark[2]!)) break;
      // (A close of no open block is a stray: passed over.)
      else this.at += mark[0].length;
    }
    args.push(body);
    this.open.pop();
    return { tag: name, args };
  }
}

/** Symbols whose LaTeX name is another, or that are plain characters. */
const SYMBOL_LATEX: Record<string, string> = {
  less: '<',
  gtr: '>',
  '|': '|',
  '||': '\\|',
  minus: '-',
  ast: '*',
  assign: ':=',
  nobracket: '',
  nosymbol: '',
  nocomma: '',
  backslash: '\\backslash',
  um: '-',
  rightarrow: '\\to',
  longrightarrow: '\\to',
  leqslant: '\\leq',
  geqslant: '\\geq',
  ldots: '\\ldots',
  cdots: '\\cdots',
  '{': '\\{',
  '}': '\\}',
};
/** Symbols in text (outside math) that are characters. */
const SYMBOL_TEXT: Record<string, string> = { less: '<', gtr: '>', '|': '|', '||': '‖', ldots: '...', minus: '−', times: '×', cdot: '·', nbsp: ' ' };

/** A symbol in LaTeX: `bbb-R` is `\mathbb{R}`, `cal-N` `\mathcal{N}`, `#4E2D` the character it codes. */
function symbolLatex(name: string): string {
  const mapped = SYMBOL_LATEX[name];
  // (A command's name ends at a space: `\geq x`, never `\geqx`.)
  if (mapped !== undefined) return /\\[A-Za-z]+$/.test(mapped) ? `${mapped} ` : mapped;
  const hex = /^#([0-9A-Fa-f]{1,6})$/.exec(name);
  if (hex) return String.fromCodePoint(Math.min(Number.parseInt(hex[1]!, 16), 0x10ffff));
  const font = /^(bbb|cal|frak|b|b-cal|b-up|up)-(\w+)$/.exec(name);
  if (font) {
    const inner = /^[A-Za-z]$/.test(font[2]!) ? font[2]! : `\\${font[2]}`;
    return { bbb: `\\mathbb{${inner}}`, cal: `\\mathcal{${inner}}`, frak: `\\mathfrak{${inner}}`, b: `\\mathbf{${inner}}`, 'b-cal': `\\mathcal{${inner}}`, 'b-up': `\\mathbf{${inner}}`, up: inner }[
      font[1]!
    ]!;
  }
  return /^[A-Za-z]+$/.test(name) ? `\\${name} ` : name;
}

/** A delimiter of `around` in LaTeX: `(`, `\|` for the norm's bars, `\langle`. */
function delimiter(nodes: readonly TmNode[]): string {
  const d = nodes.map((n) => (typeof n === 'string' ? n : 'symbol' in n ? symbolLatex(n.symbol).trim() : '')).join('');
  if (d === '.') return '';
  return d === '{' ? '\\{' : d === '}' ? '\\}' : d;
}

/** Tags whose content is the editor's record, no text of the document. */
const NOT_TEXT = new Set([
  'style',
  'initial',
  'references',
  'auxiliary',
  'collection',
  'associate',
  'attr',
  'label',
  'reference',
  'pageref',
  'cite',
  'cite-detail',
  'nocite',
  'image',
  'small-figure',
  'big-figure',
  'hide-preamble',
  'show-preamble',
  'assign',
  'specific',
  'TeXmacs',
  'doc-date',
  'doc-author',
  'doc-subtitle',
  'doc-running-title',
  'doc-running-author',
  'doc-keywords',
  'doc-msc',
  'doc-note',
  'hidden',
  'folded-comment',
  'unfolded-comment',
  'comment',
]);
/** Section tags and the Markdown heading level they become. */
const HEADINGS: Record<string, number> = { chapter: 1, section: 2, subsection: 3, subsubsection: 4 };
/** Blocks of displayed math: each of their rows is one display. */
const DISPLAYS = /^(?:equation|eqnarray|align|gather|multline|equation-lab|eqnarray-lab|math-display)\*?$/;
/** Blocks of code. */
const CODE = /^(?:verbatim|code|verbatim-code|(?:\w+)-code)\*?$/;
/** Matrix-like tags and the LaTeX environment each becomes. */
const MATRICES: Record<string, string> = { matrix: 'pmatrix', bmatrix: 'bmatrix', det: 'vmatrix', choice: 'cases', stack: 'matrix', tabular: 'matrix', 'tabular*': 'matrix' };

/** The `<row|<cell|..>..>` rows inside a `tformat`/`table`, each a list of cells. */
function tableRows(nodes: readonly TmNode[]): TmNode[][][] {
  const rows: TmNode[][][] = [];
  const visit = (ns: readonly TmNode[]) => {
    for (const n of ns) {
      if (typeof n !== 'object' || !('tag' in n)) continue;
      if (n.tag === 'row') rows.push(n.args.map((a) => a.flatMap((c) => (typeof c === 'object' && 'tag' in c && c.tag === 'cell' ? (c.args[0] ?? []) : [c]))));
      else if (n.tag === 'tformat' || n.tag === 'table' || n.tag === 'document') visit(n.args.flat());
    }
  };
  visit(nodes);
  return rows;
}

/** Nodes as LaTeX (inside `<math|..>` and equation blocks). */
function latexOf(nodes: readonly TmNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += n.replace(/\*/g, ' ').replace(/\s+/g, ' ');
    else if ('symbol' in n) out += symbolLatex(n.symbol);
    else out += tagLatex(n);
  }
  return out;
}

function tagLatex(t: TmTag): string {
  const arg = (i: number) => latexOf(t.args[i] ?? []).trim();
  switch (t.tag) {
    case 'rsub':
      return `_{${arg(0)}}`;
    case 'rsup':
      return `^{${arg(0)}}`;
    case 'lsub':
      return `{}_{${arg(0)}}`;
    case 'lsup':
      return `{}^{${arg(0)}}`;
    case 'frac':
    case 'tfrac':
    case 'dfrac':
    case 'frac*':
      return `\\frac{${arg(0)}}{${arg(1)}}`;
    case 'sqrt':
      return t.args.length > 1 ? `\\sqrt[${arg(1)}]{${arg(0)}}` : `\\sqrt{${arg(0)}}`;
    case 'binom':
      return `\\binom{${arg(0)}}{${arg(1)}}`;
    case 'around':
    case 'around*':
      return `${delimiter(t.args[0] ?? [])}${arg(1)}${delimiter(t.args[2] ?? [])}`;
    case 'left':
    case 'right':
    case 'mid':
      return delimiter(t.args[0] ?? []);
    case 'big':
      return arg(0) === '.' ? '' : `\\${arg(0)} `;
    case 'wide':
    case 'wide*': {
      const accent = delimiter(t.args[1] ?? []);
      const command = /^\^$/.test(accent)
        ? 'hat'
        : /^~$/.test(accent)
          ? 'tilde'
          : /bar/.test(accent)
            ? t.tag === 'wide'
              ? 'overline'
              : 'underline'
            : /vect|rightarrow|to/.test(accent)
              ? 'vec'
              : /dot/.test(accent)
                ? 'dot'
                : 'hat';
      return `\\${command}{${arg(0)}}`;
    }
    case 'neg':
      return arg(0) === '=' ? '\\neq ' : `\\not ${arg(0)}`;
    case 'op':
      return arg(0);
    case 'text':
    case 'mbox':
      return `\\text{${textOf(t.args[0] ?? []).trim()}}`;
    case 'space':
    case 'hspace':
    case 'htab':
      return '\\quad ';
    case 'math':
    case 'concat':
    case 'document':
      return t.args.map((a) => latexOf(a)).join(' ');
    case 'with':
      return latexOf(t.args.at(-1) ?? []);
    default: {
      const env = MATRICES[t.tag];
      if (env)
        return `\\begin{${env}}${tableRows(t.args.flat())
          .map((r) => r.map((c) => latexOf(c).trim()).join(' & '))
          .join(' \\\\ ')}\\end{${env}}`;
      if (NOT_TEXT.has(t.tag)) return '';
      if (t.tag === 'math-bf' || t.tag === 'mathbf') return `\\mathbf{${arg(0)}}`;
      return t.args.map((a) => latexOf(a)).join(' ');
    }
  }
}

/** Math as Markdown's inline `$...$`, blank when there is none. */
function inlineMath(nodes: readonly TmNode[]): string {
  const latex = latexOf(nodes).replace(/\s+/g, ' ').trim();
  return latex ? `$${latex}$` : '';
}

/** A block of display math as `$$...$$`, one for each row of an array of equations. */
function displayMath(t: TmTag): string {
  const body = t.args.flat();
  const rows = tableRows(body);
  const lines = rows.length ? rows.map((r) => r.map((c) => latexOf(c).trim()).join(' ')) : [latexOf(body)];
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((l) => `\n\n$$${l}$$\n\n`)
    .join('');
}

/** Code as the editor shows it: its paragraphs are its lines, without the file's indentation of the block. */
function codeLines(nodes: readonly TmNode[]): string {
  const lines = plainOf(nodes)
    .replace(/\n[ \t]*\n/g, '\n')
    .replace(/^\s*\n|\s+$/g, '')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** Nodes as their characters only (code, a verbatim span). */
function plainOf(nodes: readonly TmNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : 'symbol' in n ? (SYMBOL_TEXT[n.symbol] ?? symbolLatex(n.symbol)) : n.args.map(plainOf).join(''))).join('');
}

/** Nodes as Markdown text. */
function textOf(nodes: readonly TmNode[]): string {
  let out = '';
  for (const n of nodes) {
    // A line the editor wrapped goes on after a space; a blank line ends a paragraph.
    if (typeof n === 'string') out += n.replace(/[ \t]*\n[ \t]*\n\s*/g, '\n\n').replace(/[ \t]*\n[ \t]*/g, ' ');
    else if ('symbol' in n) out += SYMBOL_TEXT[n.symbol] ?? (/^#/.test(n.symbol) ? symbolLatex(n.symbol) : `$${symbolLatex(n.symbol).trim()}$`);
    else out += tagText(n);
  }
  return out;
}

function tagText(t: TmTag): string {
  const arg = (i: number) => textOf(t.args[i] ?? []).trim();
  const level = HEADINGS[t.tag.replace(/\*$/, '')];
  if (level) return `\n\n${'#'.repeat(level)} ${arg(0)}\n\n`;
  if (DISPLAYS.test(t.tag)) return displayMath(t);
  if (CODE.test(t.tag)) return `\n\n\`\`\`${t.tag.replace(/-code\*?$/, '').replace(/^(?:verbatim|code)\*?$/, '')}\n${codeLines(t.args.flat())}\n\`\`\`\n\n`;
  if (MATRICES[t.tag]) return tableText(t);
  if (NOT_TEXT.has(t.tag)) return '';
  switch (t.tag) {
    case 'math':
      return inlineMath(t.args.flat());
    case 'paragraph':
    case 'subparagraph':
      return `\n\n**${arg(0)}** `;
    case 'doc-title':
      return `\n\n# ${arg(0)}\n\n`;
    case 'em':
    case 'emph':
    case 'dfn':
      return wrapped(arg(0), '*');
    case 'strong':
      return wrapped(arg(0), '**');
    case 'verbatim':
    case 'code*':
    case 'tt':
    case 'samp':
    case 'kbd':
      return `\`${plainOf(t.args[0] ?? []).trim()}\``;
    case 'item':
      return '\n- ';
    case 'item*':
      return `\n- **${arg(0)}** `;
    case 'itemize':
    case 'itemize-dot':
    case 'itemize-minus':
    case 'itemize-arrow':
    case 'enumerate':
    case 'enumerate-numeric':
    case 'enumerate-alpha':
    case 'enumerate-roman':
    case 'description':
      return `\n\n${t.args.map((a) => textOf(a).trim()).join('\n')}\n\n`;
    case 'hlink':
    case 'href':
      return arg(0);
    case 'footnote':
      return ` (${arg(0)})`;
    case 'space':
    case 'hspace':
    case 'htab':
    case 'nbsp':
      return ' ';
    case 'next-line':
    case 'new-line':
    case 'line-break':
      return '\n';
    case 'new-page':
    case 'page-break':
    case 'no-indent':
    case 'no-indent*':
    case 'vspace':
    case 'vspace*':
      return '';
    case 'with':
      return textOf(t.args.at(-1) ?? []);
    case 'session':
      return t.args.slice(2).map(textOf).join('\n\n');
    case 'input':
      return `\n\n\`\`\`\n${codeLines(t.args.slice(1).flat())}\n\`\`\`\n\n`;
    case 'output':
      return `\n\nOutput:\n\`\`\`\n${codeLines(t.args.flat())}\n\`\`\`\n\n`;
    case 'unfolded-io':
    case 'folded-io':
      return `\n\n\`\`\`\n${codeLines(t.args[1] ?? [])}\n\`\`\`\n\nOutput:\n\`\`\`\n${codeLines(t.args[2] ?? [])}\n\`\`\`\n\n`;
    default:
      // (A block of the author's kind, `<\exercise>`, `<\proof>`, `<\document>`, is its content; so is a tag nobody knows.)
      return t.args.map(textOf).join(t.args.length > 1 && t.args.every((a) => a.some((n) => typeof n === 'string' && n.includes('\n'))) ? '\n\n' : ' ');
  }
}

/** Emphasis around a span, its marks touching its first and last characters as Markdown needs. */
function wrapped(span: string, mark: string): string {
  return span ? `${mark}${span}${mark}` : '';
}

/** A text table (`<tabular|<tformat|<table|<row|<cell|..>>>>>`) as a Markdown table. */
function tableText(t: TmTag): string {
  const rows = tableRows(t.args.flat()).map((r) => r.map((c) => textOf(c).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()));
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  return `\n\n${[line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n')}\n\n`;
}

/** The document's body: what `<\body>` holds, or the whole tree when the file has none. */
function bodyOf(tree: readonly TmNode[]): readonly TmNode[] {
  for (const n of tree) if (typeof n === 'object' && 'tag' in n && n.tag === 'body') return n.args.flat();
  return tree;
}

/** The text as Markdown + LaTeX when it is a TeXmacs document; as it is otherwise. */
export function texmacsAsMarkdown(text: string): string {
  if (!TEXMACS_START.test(text)) return text;
  let tree: TmNode[];
  try {
    tree = new Parser(text.replace(/\r\n?/g, '\n')).document();
  } catch (e) {
    if (e instanceof TooDeep) return text;
    throw e;
  }
  return `${textOf(bodyOf(tree))
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
