import { child, childrenNamed, childVal, type Element, elements, isOn, M, textOf, W } from './xml.js';
import { OPERATOR_NAMES } from '../../math/latex/names.js';
import { joinLatex, mathChar, mathText, plainText } from './math-text.js';

/**
 * Office Math (OMML, `<m:oMath>`) as LaTeX: the structure Word keeps (fractions, scripts, n-ary
 * operators with their limits, matrices in their delimiters, accents, text runs) written as a
 * LaTeX writer would, so the checker reads what the student typed. An element this walker does
 * not know keeps its text and is named in `unknown`, never dropped.
 */
export interface MathResult {
  latex: string;
  /** OMML elements read as their bare text. */
  unknown: string[];
}

/** One `<m:oMath>` as LaTeX. */
export function ommlToLatex(oMath: Element): MathResult {
  const unknown: string[] = [];
  return { latex: tidy(new Walker(unknown).seq(oMath)), unknown };
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const NARY: Record<string, string> = {
  '∑': '\\sum',
  '∏': '\\prod',
  '∐': '\\coprod',
  '∫': '\\int',
  '∬': '\\iint',
  '∭': '\\iiint',
  '∮': '\\oint',
  '⋃': '\\bigcup',
  '⋂': '\\bigcap',
  '⋁': '\\bigvee',
  '⋀': '\\bigwedge',
  '⨁': '\\bigoplus',
  '⨂': '\\bigotimes',
};

const ACCENTS: Record<string, string> = {
  '\u0302': 'hat',
  '^': 'hat',
  '\u0304': 'bar',
  '\u0305': 'bar',
  '¯': 'bar',
  '\u20d7': 'vec',
  '\u2192': 'vec',
  '\u0303': 'tilde',
  '~': 'tilde',
  '\u203e': 'bar',
  '\u0307': 'dot',
  '\u0308': 'ddot',
  '\u030c': 'check',
  '\u0301': 'acute',
  '\u0300': 'grave',
  '\u0306': 'breve',
  '\u20d6': 'overleftarrow',
};

/** The matrix environment a matrix in these delimiters is written with in LaTeX. */
const MATRIX_ENV: Record<string, string> = { '()': 'pmatrix', '[]': 'bmatrix', '{}': 'Bmatrix', '||': 'vmatrix', '∣∣': 'vmatrix', '‖‖': 'Vmatrix', '∥∥': 'Vmatrix', '{': 'cases' };

const group = (s: string) => `{${s}}`;

/** One letter, digit or command: a script's base or a function's argument that needs no brackets. */
const SYMBOL = /^(?:[A-Za-z0-9]|\\[A-Za-z]+|\\\|)$/;

/** Whether `latex` has a + or - outside every bracket (after its first character). */
function topLevelSum(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i]!;
    if (c === '\\') {
      const cmd = /^\\(left|right|begin|end)\b/.exec(latex.slice(i));
      if (cmd) depth += cmd[1] === 'left' || cmd[1] === 'begin' ? 1 : -1;
      i++;
    } else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if ((c === '+' || c === '-') && depth === 0 && i > 0) return true;
  }
  return false;
}

class Walker {
  constructor(private readonly unknown: string[]) {}

  /** The LaTeX of every child of `el`, in order. */
  seq(el: Element | undefined, align = false): string {
    if (!el) return '';
    let out = '';
    const kids = elements(el);
    for (let i = 0; i < kids.length; i++) {
      // Upright letters in runs of their own (pandoc writes `\mathrm{ReLU}` a letter a run) are one name.
      let j = i;
      while (j < kids.length && uprightLetters(kids[j]!) !== undefined) j++;
      if (j - i >= 2) {
        out = joinLatex(out, nameLatex(kids.slice(i, j).map(uprightLetters).join('')));
        i = j - 1;
      } else out = joinLatex(out, this.node(kids[i]!, align));
    }
    return out;
  }

  /** The argument `<m:e>` (or `num`, `sub`, ...) named `name` of `el`. */
  arg(el: Element, name: string, align = false): string {
    return this.seq(child(el, M, name), align);
  }

  node(el: Element, align: boolean): string {
    if (el.namespaceURI === W) return this.wordNode(el, align);
    if (el.namespaceURI !== M) return '';
    const pr = child(el, M, `${el.localName}Pr`);
    switch (el.localName) {
      case 'r':
        return this.run(el, align);
      case 'oMath':
      case 'e':
      case 'box':
        return el.localName === 'box' ? this.arg(el, 'e', align) : this.seq(el, align);
      case 'f': {
        const num = this.arg(el, 'num');
        const den = this.arg(el, 'den');
        const type = childVal(pr, M, 'type');
        if (type === 'lin') return `${group(num)}/${group(den)}`;
        if (type === 'noBar') return `\\genfrac{}{}{0pt}{}{${num}}{${den}}`;
        return `\\frac{${num}}{${den}}`;
      }
      case 'sSub':
        return `${this.base(el)}_${group(this.arg(el, 'sub'))}`;
      case 'sSup': {
        // Word sets a prime as a superscript (f′ is f with ′ above): LaTeX writes f'.
        const sup = this.arg(el, 'sup');
        return /^'+$/.test(sup) ? `${this.base(el)}${sup}` : `${this.base(el)}^${group(sup)}`;
      }
      case 'sSubSup':
        return `${this.base(el)}_${group(this.arg(el, 'sub'))}^${group(this.arg(el, 'sup'))}`;
      case 'sPre':
        return `{}_${group(this.arg(el, 'sub'))}^${group(this.arg(el, 'sup'))}${this.base(el)}`;
      case 'rad': {
        const deg = isOn(pr, M, 'degHide') ? '' : this.arg(el, 'deg');
        return `\\sqrt${deg ? `[${deg}]` : ''}${group(this.arg(el, 'e'))}`;
      }
      case 'd':
        return this.delimited(el, pr);
      case 'm':
        return this.matrix(el, isAlignment(el) ? 'aligned' : 'matrix');
      case 'nary':
        return this.nary(el, pr);
      case 'func':
        return this.func(el);
      case 'limLow':
      case 'limUpp':
        return this.limit(el);
      case 'acc': {
        const chr = childVal(pr, M, 'chr') ?? '\u0302';
        return `\\${ACCENTS[chr] ?? 'hat'}${group(this.arg(el, 'e'))}`;
      }
      case 'bar':
        return `\\${childVal(pr, M, 'pos') === 'top' ? 'overline' : 'underline'}${group(this.arg(el, 'e'))}`;
      case 'groupChr': {
        const top = childVal(pr, M, 'pos') === 'top' || childVal(pr, M, 'chr') === '⏞';
        return `\\${top ? 'overbrace' : 'underbrace'}${group(this.arg(el, 'e'))}`;
      }
      case 'borderBox':
        return `\\boxed${group(this.arg(el, 'e'))}`;
      case 'phant':
        return childVal(pr, M, 'show') === '0' || childVal(pr, M, 'show') === 'off' ? '' : this.arg(el, 'e');
      case 'eqArr':
        return this.equationArray(el);
      case 'argPr':
      case 'ctrlPr':
        return '';
      default:
        if (el.localName.endsWith('Pr')) return '';
        this.unknown.push(`m:${el.localName}`);
        return mathText(textOf(el));
    }
  }

  /** Word's own elements inside an equation: a run's text, a bookmark, an inserted revision. */
  private wordNode(el: Element, align: boolean): string {
    if (el.localName === 't') return mathText(textOf(el), align);
    if (el.localName === 'r' || el.localName === 'ins' || el.localName === 'smartTag') return this.seq(el, align);
    return '';
  }

  /** A script's base: a single letter bare, anything longer grouped (`{W^{(l)}}^T` stays apart). */
  private base(el: Element): string {
    const b = this.arg(el, 'e');
    return SYMBOL.test(b) ? b : group(b);
  }

  private run(el: Element, align: boolean): string {
    const rPr = child(el, M, 'rPr');
    const raw = childrenNamed(el, M, 't')
      .map((t) => textOf(t))
      .join('');
    // `m:nor` is ordinary text typed inside an equation ("if", "otherwise").
    if (isOn(rPr, M, 'nor') || childVal(rPr, M, 'lit') === '1') {
      const text = plainText(raw);
      return /^[\s\p{L}\p{P}\p{N}]*\p{L}[\s\p{L}\p{P}\p{N}]*$/u.test(text) && /\p{L}{2}/u.test(text) ? `\\text{${text.replace(/[{}\\]/g, '')}}` : mathText(raw, align);
    }
    // An upright multi-letter name (`sin`, `ReLU`) is a function or an operator, not a product of letters.
    const sty = childVal(rPr, M, 'sty');
    const word = /^[A-Za-z]{2,}$/.exec(plainText(raw).trim())?.[0];
    if (word && sty === 'p') return nameLatex(word);
    if ((sty === 'b' || sty === 'bi') && /^[A-Za-z]+$/.test(raw)) return `\\mathbf{${raw}}`;
    return mathText(raw, align);
  }

  /**
   * `m:eqArr`: rows aligned at their `&`. Word numbers a display equation by writing it as a
   * one-row array ending in `#(n)`: that is the equation and its `\\tag{n}`.
   */
  private equationArray(el: Element): string {
    const rows = childrenNamed(el, M, 'e').map((e) => {
      const row = this.seq(e, true);
      const numbered = /^(.*?)\s*\\#\s*\(([^()]*)\)$/.exec(row);
      return numbered ? `${numbered[1]} \\tag{${numbered[2]}}` : row;
    });
    if (rows.length === 1 && !rows[0]!.includes('&')) return rows[0]!;
    return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
  }

  private rows(rows: Element[], cell: (e: Element) => string): string {
    return rows.map(cell).join(' \\\\ ');
  }

  private matrix(el: Element, env: string): string {
    const body = childrenNamed(el, M, 'mr')
      .map((r) =>
        childrenNamed(r, M, 'e')
          .map((e) => this.seq(e))
          .join(' & '),
      )
      .join(' \\\\ ');
    return `\\begin{${env}}${body}\\end{${env}}`;
  }

  private delimited(el: Element, pr: Element | undefined): string {
    const beg = childVal(pr, M, 'begChr') ?? '(';
    const end = childVal(pr, M, 'endChr') ?? ')';
    const sep = childVal(pr, M, 'sepChr') ?? '|';
    const parts = childrenNamed(el, M, 'e');
    const only = parts.length === 1 ? elements(parts[0]!).filter((c) => !c.localName.endsWith('Pr')) : [];
    // A matrix or an equation array alone in its delimiters is LaTeX's pmatrix, bmatrix, cases ...
    const env = MATRIX_ENV[beg + end];
    if (env && only.length === 1 && only[0]!.namespaceURI === M) {
      if (only[0]!.localName === 'm') return this.matrix(only[0]!, env);
      if (only[0]!.localName === 'f' && beg + end === '()' && childVal(child(only[0]!, M, 'fPr'), M, 'type') === 'noBar') return `\\binom{${this.arg(only[0]!, 'num')}}{${this.arg(only[0]!, 'den')}}`;
      if (only[0]!.localName === 'eqArr' && env === 'cases') return `\\begin{cases}${this.rows(childrenNamed(only[0]!, M, 'e'), (e) => this.seq(e, true))}\\end{cases}`;
    }
    const inner = parts.map((p) => this.seq(p)).join(sep ? ` ${delim(sep)} ` : ' ');
    if (!beg || !end) return `\\left${beg ? delim(beg) : '.'} ${inner} \\right${end ? delim(end) : '.'}`;
    return `${delim(beg)}${inner}${delim(end)}`;
  }

  private nary(el: Element, pr: Element | undefined): string {
    // Word leaves `m:chr` out for an integral: that is the element's default.
    const chr = childVal(pr, M, 'chr') ?? '∫';
    let out = NARY[chr] ?? mathText(chr);
    if (!isOn(pr, M, 'subHide')) {
      const sub = this.arg(el, 'sub');
      if (sub) out += `_${group(sub)}`;
    }
    if (!isOn(pr, M, 'supHide')) {
      const sup = this.arg(el, 'sup');
      if (sup) out += `^${group(sup)}`;
    }
    // The operand is Word's own box; in LaTeX a sum reaches to the next + at its level, so a
    // sum of several terms is bracketed to keep them inside.
    const body = this.arg(el, 'e');
    return `${out} ${topLevelSum(body) ? `\\left(${body}\\right)` : body}`;
  }

  private func(el: Element): string {
    const name = this.arg(el, 'fName');
    const argEl = child(el, M, 'e');
    const arg = this.seq(argEl);
    const kids = argEl ? elements(argEl).filter((c) => !c.localName.endsWith('Pr')) : [];
    // `\sin(x)` when Word delimits the argument, `\sin x` for one symbol, else the argument in parentheses.
    if (kids.length === 1 && kids[0]!.localName === 'd') return joinLatex(name, arg);
    if (SYMBOL.test(arg)) return `${name} ${arg}`;
    return `${name}\\left(${arg}\\right)`;
  }

  private limit(el: Element): string {
    const low = el.localName === 'limLow';
    const base = this.arg(el, 'e');
    const lim = this.arg(el, 'lim');
    // pandoc writes \\underbrace as the brace character set under its argument.
    if (lim === '⏟' || lim === '⏞') return `\\${lim === '⏟' ? 'underbrace' : 'overbrace'}${group(base)}`;
    if (/^\\(?:lim|max|min|sup|inf|liminf|limsup|arg\s*max|arg\s*min|operatorname\{arg\s*(?:max|min)\})$/.test(base) || /^\\(?:under|over)brace\{/.test(base))
      return `${base}${low ? '_' : '^'}${group(lim)}`;
    return `\\${low ? 'underset' : 'overset'}${group(lim)}${group(base)}`;
  }
}

/**
 * A matrix with no delimiters whose later columns start with a relation is an alignment (pandoc
 * writes `aligned` so): `a &= b`.
 */
function isAlignment(m: Element): boolean {
  const rows = childrenNamed(m, M, 'mr');
  return (
    rows.length > 0 &&
    rows.every((r) => {
      const cells = childrenNamed(r, M, 'e');
      return cells.length >= 2 && cells.slice(1).every((c, k) => k % 2 === 1 || /^\s*[=<>≤≥≈≠∼]|^$/.test(textOf(c)));
    })
  );
}

/** The letters of an upright run (`m:sty` p) of letters only; undefined for any other element. */
function uprightLetters(el: Element): string | undefined {
  if (el.namespaceURI !== M || el.localName !== 'r') return undefined;
  const rPr = child(el, M, 'rPr');
  if (childVal(rPr, M, 'sty') !== 'p' || isOn(rPr, M, 'nor')) return undefined;
  const text = plainText(
    childrenNamed(el, M, 't')
      .map((t) => textOf(t))
      .join(''),
  );
  return /^[A-Za-z]+$/.test(text) ? text : undefined;
}

/** An upright name: LaTeX's own function command (`\\sin`), else an operator name. */
function nameLatex(word: string): string {
  return OPERATOR_NAMES.has(word) ? `\\${word}` : `\\operatorname{${word}}`;
}

/** A delimiter character of `m:d` as LaTeX (`∣` is the divides sign Word and pandoc use for bars). */
function delim(ch: string): string {
  return ch === '∣' ? '|' : mathChar(ch);
}
