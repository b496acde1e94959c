/**
 * LibreOffice Math's notation (StarMath: the formula language of Writer's and Impress's formula
 * objects, which a report quotes when its formulas do not survive a plain-text export) read as
 * LaTeX: `1 over sqrt{d_{in}}` as `\frac{1}{\sqrt{d_{in}}}`, `%eta` as `\eta`,
 * `left[ matrix{a # b ## c # d} right]` as a bmatrix, `sum from{i=1} to{m}` as `\sum_{i=1}^{m}`,
 * `lline W rline` as `|W|`. Words it does not know are left as the names they are (`Var`, `dw`).
 */

/** Words written as the LaTeX command of the same name (not `in`, `and`, `or`: a script's names, `d_{in}`, more often than relations). */
const COMMANDS = new Set([
  'times',
  'cdot',
  'div',
  'pm',
  'mp',
  'approx',
  'sim',
  'simeq',
  'equiv',
  'notin',
  'subset',
  'partial',
  'nabla',
  'leftarrow',
  'rightarrow',
  'forall',
  'exists',
  'neg',
  'sin',
  'cos',
  'tan',
  'exp',
  'ln',
  'log',
  'max',
  'min',
  'lim',
  'langle',
  'rangle',
  'lfloor',
  'rfloor',
  'lceil',
  'rceil',
  'infty',
  'emptyset',
  'circ',
]);

/** Words whose LaTeX is another word or a character. */
const RENAMED: Readonly<Record<string, string>> = {
  infinity: '\\infty',
  toward: '\\to',
  leslant: '\\le',
  geslant: '\\ge',
  le: '\\le',
  ge: '\\ge',
  neq: '\\neq',
  prop: '\\propto',
  drarrow: '\\Rightarrow',
  dlrarrow: '\\Leftrightarrow',
  dotslow: '\\ldots',
  dotsaxis: '\\cdots',
  lline: '|',
  rline: '|',
  ldline: '\\|',
  rdline: '\\|',
  lbrace: '\\{',
  rbrace: '\\}',
  lbracket: '[',
  rbracket: ']',
  fact: '!',
  newline: ' ',
};

/** Big operators, whose limits follow as `from{...}` and `to{...}`. */
const OPERATORS = new Set(['sum', 'prod', 'coprod', 'int', 'iint', 'iiint', 'lint', 'lim', 'liminf', 'limsup']);

/** One-argument commands: `sqrt{x}`, `overline{x}`, `abs{x}`. */
const UNARY: Readonly<Record<string, (arg: string) => string>> = {
  sqrt: (a) => `\\sqrt{${a}}`,
  abs: (a) => `\\left|${a}\\right|`,
  norm: (a) => `\\left\\|${a}\\right\\|`,
  overline: (a) => `\\overline{${a}}`,
  underline: (a) => `\\underline{${a}}`,
  hat: (a) => `\\hat{${a}}`,
  widehat: (a) => `\\widehat{${a}}`,
  bar: (a) => `\\bar{${a}}`,
  vec: (a) => `\\vec{${a}}`,
  tilde: (a) => `\\tilde{${a}}`,
  dot: (a) => `\\dot{${a}}`,
  func: (a) => `\\operatorname{${a}}`,
};

/** Words that only change how a formula looks: read as nothing (`color` and `size` also drop their value). */
const LOOKS = new Set(['bold', 'nbold', 'ital', 'italic', 'nitalic', 'sans', 'serif', 'fixed']);
const LOOKS_WITH_VALUE = new Set(['color', 'size', 'font']);

/** Brackets `left` and `right` may take, as LaTeX's. */
const BRACKETS: Readonly<Record<string, string>> = {
  '(': '(',
  ')': ')',
  '[': '[',
  ']': ']',
  lbrace: '\\{',
  rbrace: '\\}',
  langle: '\\langle',
  rangle: '\\rangle',
  lline: '|',
  rline: '|',
  ldline: '\\|',
  rdline: '\\|',
  lfloor: '\\lfloor',
  rfloor: '\\rfloor',
  lceil: '\\lceil',
  rceil: '\\rceil',
  none: '.',
  '{': '\\{',
  '}': '\\}',
};

type Token = { kind: 'word' | 'greek' | 'number' | 'text' | 'mark'; value: string };

/** StarMath's tokens: words, `%greek`, numbers, quoted text, and marks (`##` and the two-character relations kept whole). */
function tokens(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s+|%([A-Za-z]+)|([A-Za-z]+)|(\d+(?:[.,]\d+)?)|"([^"]*)"|(##|<=|>=|<>|<<|>>|->|<-|.)/gy;
  for (let m = re.exec(src); m?.[0]; m = re.exec(src)) {
    if (m[1]) out.push({ kind: 'greek', value: m[1] });
    else if (m[2]) out.push({ kind: 'word', value: m[2] });
    else if (m[3]) out.push({ kind: 'number', value: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'text', value: m[4] });
    else if (m[5]) out.push({ kind: 'mark', value: m[5] });
  }
  return out;
}

const MARKS: Readonly<Record<string, string>> = { '<=': '\\le', '>=': '\\ge', '<>': '\\neq', '<<': '\\ll', '>>': '\\gg', '->': '\\to', '<-': '\\leftarrow', '#': '&', '##': '\\\\' };

/** A reader of one formula's tokens. */
class Reader {
  private at = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.at];
  }

  private isMark(value: string): boolean {
    const t = this.peek();
    return t?.kind === 'mark' && t.value === value;
  }

  private isWord(value: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.value === value;
  }

  /** Terms up to a closing mark in `stops` (not taken), `over` making a fraction of the terms on its sides. */
  sequence(stops: ReadonlySet<string>): string {
    const terms: string[] = [];
    while (this.at < this.toks.length) {
      const t = this.peek()!;
      if (t.kind === 'mark' && stops.has(t.value)) break;
      if (t.kind === 'word' && t.value === 'right' && stops.has('right')) break;
      if (t.kind === 'word' && t.value === 'over') {
        this.at++;
        const num = terms.pop() ?? '';
        terms.push(`\\frac{${num}}{${this.term()}}`);
        continue;
      }
      const term = this.term();
      if (term) terms.push(term);
    }
    return joinTerms(terms);
  }

  /** A group's content: `{...}` read to its close; any other term as it is. */
  private argument(): string {
    if (this.isMark('{')) {
      this.at++;
      const inner = this.sequence(new Set(['}']));
      if (this.isMark('}')) this.at++;
      return inner;
    }
    if (this.isMark('(')) {
      // `sqrt(x)`: the bracket is the argument's, not a factor of it.
      this.at++;
      const inner = this.sequence(new Set([')']));
      if (this.isMark(')')) this.at++;
      return inner;
    }
    // (`%sigma_x^2`: a script is one symbol; the power is the whole entry's.)
    return this.primary();
  }

  /** One term with its scripts. */
  private term(): string {
    let base = this.primary();
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'mark' && (t.value === '_' || t.value === '^')) {
        this.at++;
        base = `${base}${t.value}{${this.argument()}}`;
      } else if (t?.kind === 'word' && (t.value === 'sub' || t.value === 'sup' || t.value === 'rsub' || t.value === 'rsup')) {
        this.at++;
        base = `${base}${t.value.endsWith('sub') ? '_' : '^'}{${this.argument()}}`;
      } else return base;
    }
  }

  private primary(): string {
    const t = this.toks[this.at++];
    if (!t) return '';
    switch (t.kind) {
      case 'number':
        return t.value;
      case 'text':
        return `\\text{${t.value.replace(/[{}\\]/g, '')}}`;
      case 'greek': {
        // `%SIGMA` is capital sigma, `%iSIGMA` its italic: LaTeX's `\Sigma` either way.
        const name = t.value.replace(/^i(?=[A-Z])/, '');
        return `\\${/^[A-Z]+$/.test(name) ? name[0] + name.slice(1).toLowerCase() : name}`;
      }
      case 'mark':
        if (t.value === '{') {
          const inner = this.sequence(new Set(['}']));
          if (this.isMark('}')) this.at++;
          return `{${inner}}`;
        }
        if (t.value === '(' || t.value === '[') {
          const close = t.value === '(' ? ')' : ']';
          const inner = this.sequence(new Set([close]));
          if (this.isMark(close)) this.at++;
          return `${t.value}${inner}${close}`;
        }
        return MARKS[t.value] ?? t.value;
      case 'word':
        return this.word(t.value);
    }
  }

  private word(w: string): string {
    if (w === 'left') return this.fenced();
    if (w === 'matrix' || w === 'stack') return this.array(w, 'matrix');
    if (w === 'binom') return `\\binom{${this.argument()}}{${this.argument()}}`;
    if (w === 'nroot') return `\\sqrt[${this.argument()}]{${this.argument()}}`;
    if (UNARY[w]) return UNARY[w](this.argument());
    if (OPERATORS.has(w)) return this.bigOperator(w);
    if (LOOKS.has(w)) return '';
    if (LOOKS_WITH_VALUE.has(w)) {
      this.at++;
      return '';
    }
    if (RENAMED[w]) return RENAMED[w];
    if (COMMANDS.has(w)) return `\\${w}`;
    return w;
  }

  /** `sum from{i=1} to{m}`: the operator with its limits as scripts. */
  private bigOperator(op: string): string {
    let out = `\\${op === 'lint' ? 'oint' : op}`;
    for (;;) {
      if (this.isWord('from') || this.isWord('csub')) {
        this.at++;
        out += `_{${this.argument()}}`;
      } else if (this.isWord('to') || this.isWord('csup')) {
        this.at++;
        out += `^{${this.argument()}}`;
      } else return out;
    }
  }

  /** `left( ... right)`; a matrix alone inside square or round brackets is LaTeX's bracketed matrix. */
  private fenced(): string {
    const open = this.bracket();
    const start = this.at;
    if (this.isWord('matrix') && (open === '[' || open === '(')) {
      this.at++;
      const body = this.array('matrix', open === '[' ? 'bmatrix' : 'pmatrix');
      if (this.isWord('right')) {
        this.at++;
        this.bracket();
        return body;
      }
      this.at = start;
    }
    const inner = this.sequence(new Set(['right']));
    if (this.isWord('right')) this.at++;
    const close = this.bracket();
    return `\\left${open} ${inner} \\right${close}`;
  }

  /** The bracket after `left` or `right`, as LaTeX writes it after `\left`. */
  private bracket(): string {
    const t = this.toks[this.at];
    if (!t) return '.';
    this.at++;
    if (t.kind === 'mark' && t.value === '\\') {
      // `left \{`: an escaped brace.
      const next = this.toks[this.at++];
      return next ? (BRACKETS[next.value] ?? next.value) : '.';
    }
    return BRACKETS[t.value] ?? t.value;
  }

  /** `matrix{a # b ## c # d}` as the environment `env`; a `stack` is one column. */
  private array(kind: string, env: string): string {
    if (!this.isMark('{')) return kind;
    this.at++;
    const inner = this.sequence(new Set(['}']));
    if (this.isMark('}')) this.at++;
    const body = kind === 'stack' ? inner.replace(/&/g, '\\\\') : inner;
    return `\\begin{${env}} ${body} \\end{${env}}`;
  }
}

/** Terms one after another, a space only where a command would run into what follows. */
function joinTerms(terms: readonly string[]): string {
  let out = '';
  for (const t of terms) {
    if (!t) continue;
    // (`O(n)`, `Var(y_i)`: a bracket follows its name close, as it was typed.)
    out += out && !/[\s(]$/.test(out) && !/^[([!']/.test(t) ? ` ${t}` : t;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A formula in LibreOffice Math's notation as LaTeX. */
export function starMathAsLatex(formula: string): string {
  return new Reader(tokens(formula)).sequence(new Set());
}

/** The words and marks only StarMath writes (`over`, `sqrt{`, `%eta`, `matrix{`, `lline`, `from{`), by which a formula of unknown notation is known to be StarMath. */
export const STARMATH_MARKS =
  /%[A-Za-z]|\b(?:over|sqrt|nroot|matrix|stack|binom|lline|rline|ldline|lfloor|rfloor|lceil|rceil|leftarrow|rightarrow|toward|times|cdot|leslant|geslant|infinity|func)\b|\b(?:from|to)\s*\{|\bleft\s*[([{]|\bright\s*[)\]}]/;

/**
 * The marks no other notation writes (`%sigma`, `sqrt{`, `from{`, ` over `, `lline`): a formula in a
 * code span is StarMath only by these (`times` or `left(` may be a program's names).
 */
export const STARMATH_ONLY =
  /(?:^|[\s({])%i?(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|chi|psi|omega|ALPHA|BETA|GAMMA|DELTA|THETA|LAMBDA|PI|SIGMA|PHI|PSI|OMEGA)(?![A-Za-z])|\b(?:sqrt|nroot|matrix|stack|binom|from|to)\s*\{|\S\s+over\s+\S|\b(?:lline|ldline|lfloor|lceil|leftarrow|toward|leslant|geslant)\b/;
