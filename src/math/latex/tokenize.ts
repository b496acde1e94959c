import { LIMITS, LimitError } from '../limits.js';
import { balancedGroup } from './braces.js';
import { isLoweredIndex, RAISED, scriptRunAt } from './unicode-scripts.js';
import { ANY_FRACTION, fractionAt, VULGAR_FRACTIONS } from './vulgar-fractions.js';

/**
 * Tokens of an answer written in LaTeX or plain text.
 * - `num`: a decimal literal (`1473`, `0.5`, `.4`).
 * - `word`: a run of letters (`x`, `cd`, `in`, `sin`); the parser decides whether it is a
 *   function name, a declared multi-letter symbol, or letters multiplied together.
 * - `cmd`: a control sequence without its backslash (`frac`, `alpha`, `{` for `\{`); `glued` when it is
 *   a Greek letter typed against the letter after it (`σx`), which may be that letter's subscript.
 * - `text`: the raw content of `\text{...}`, `\mathrm{...}`, `\operatorname{...}` and kin.
 * - `op`: punctuation and operators (`+`, `<=`, `(`, `&`, `\\`).
 */
export type Token =
  | { t: 'num'; v: string; pos: number }
  | { t: 'word'; v: string; pos: number }
  | { t: 'cmd'; v: string; pos: number; glued?: true }
  | { t: 'text'; v: string; cmd: string; pos: number }
  | { t: 'op'; v: string; pos: number };

const TEXT_COMMANDS = new Set(['text', 'textbf', 'textit', 'textrm', 'textsf', 'texttt', 'textnormal', 'textup', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mbox', 'operatorname', 'hbox']);

/** The optional spacing argument of a row break (`\\[2pt]`, `\\[-0.5ex]`): a length in TeX units. */
const ROW_SPACING = /^\s*\[\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*(?:pt|em|ex|mm|cm|in|bp|pc|sp|mu|dd|cc)\s*\]/;

/** Commands that only space or size things and mean nothing for grading. */
const IGNORED_COMMANDS = new Set([
  ',',
  ';',
  ':',
  '!',
  ' ',
  'quad',
  'qquad',
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'limits',
  'nolimits',
  'middle',
  'enspace',
  'thinspace',
  'medspace',
  'thickspace',
  'negthinspace',
  'hspace',
  'tag',
  'vspace',
  'phantom',
  'hfill',
  'mathstrut',
  'strut',
  'nonumber',
  'notag',
]);

/** Unicode signs that stand for a LaTeX command or operator. */
const UNICODE: Record<string, ['cmd' | 'op', string]> = {
  '×': ['cmd', 'times'],
  '·': ['cmd', 'cdot'],
  '⋅': ['cmd', 'cdot'],
  // The asterisk operator and the star of convolution and correlation (`y = h ∗ x`), as LaTeX's `\ast` and `\star`.
  '∗': ['cmd', 'ast'],
  '⋆': ['cmd', 'star'],
  '÷': ['cmd', 'div'],
  // The fraction slash and the division slash between letters (`π⁄2`, `x∕y`; between numerals they write a fraction).
  '⁄': ['op', '/'],
  '∕': ['op', '/'],
  '≤': ['op', '<='],
  '≥': ['op', '>='],
  '≠': ['op', '!='],
  '≈': ['cmd', 'approx'],
  '−': ['op', '-'],
  '–': ['op', '-'],
  '±': ['cmd', 'pm'],
  '∞': ['cmd', 'infty'],
  π: ['cmd', 'pi'],
  '√': ['cmd', 'sqrt'],
  '∈': ['cmd', 'in'],
  '∪': ['cmd', 'cup'],
  '←': ['cmd', 'leftarrow'],
  '→': ['cmd', 'to'],
  '⇒': ['cmd', 'Rightarrow'],
  '′': ['op', "'"],
  '⌊': ['cmd', 'lfloor'],
  '⌋': ['cmd', 'rfloor'],
  '⌈': ['cmd', 'lceil'],
  '⌉': ['cmd', 'rceil'],
  α: ['cmd', 'alpha'],
  β: ['cmd', 'beta'],
  γ: ['cmd', 'gamma'],
  δ: ['cmd', 'delta'],
  η: ['cmd', 'eta'],
  θ: ['cmd', 'theta'],
  λ: ['cmd', 'lambda'],
  μ: ['cmd', 'mu'],
  σ: ['cmd', 'sigma'],
  τ: ['cmd', 'tau'],
  ϵ: ['cmd', 'epsilon'],
  ε: ['cmd', 'epsilon'],
  // Orders of growth typed with the letters themselves (`Θ(d_out² · d_in)`, `Ω(n)`).
  Θ: ['cmd', 'Theta'],
  Ω: ['cmd', 'Omega'],
  '²': ['op', '²'],
  '³': ['op', '³'],
};

/**
 * After a capital sigma: a subscript that sets an index's first value (`_{i=1}`, `_{i, j = 0}`), or
 * names only indices, letters i to n (`Σ_i`, `Σ_{i,j}`, `Σᵢ`); another letter (`Σ_x`) names a matrix.
 */
const SIGMA_INDEX = /^_(?:\{\s*[A-Za-z](?:\s*,\s*[A-Za-z])*\s*=|\{\s*[i-n](?:\s*,\s*[i-n])*\s*\}|[i-n](?![A-Za-z]))/;

const TWO_CHAR_OPS = new Set(['<=', '>=', '!=', ':=', '->', '=>', '==', '**']);

/** Splits LaTeX or plain text into tokens. Throws LimitError past LIMITS.tokens. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (tok: Token) => {
    if (out.length >= LIMITS.tokens) throw new LimitError(`the answer has more than ${LIMITS.tokens} symbols`);
    out.push(tok);
  };
  // (Most formulas hold no Unicode fraction: one test of the whole text, not one per character.)
  const fractions = ANY_FRACTION.test(src);
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '~') {
      i++;
      continue;
    }
    // `¾·n`, `x = ⅓`, `1⁄2 W`, `¹⁄₁₆`: a Unicode fraction is the fraction it writes, as `\frac{3}{4}` is; against a
    // whole number (`2½`, `1¹⁄₂`) it is a mixed number's fraction, added to it.
    const fraction = fractions && (VULGAR_FRACTIONS[c] || c === '⅟' || (c >= '0' && c <= '9') || RAISED[c] !== undefined) ? fractionAt(src, i) : undefined;
    if (fraction) {
      const whole = out[out.length - 1];
      const mixed = whole?.t === 'num' && /^\d+$/.test(whole.v) && whole.pos + whole.v.length === i;
      if (mixed) {
        out.pop();
        push({ t: 'op', v: '(', pos: whole.pos });
        push(whole);
        push({ t: 'op', v: '+', pos: i });
      }
      push({ t: 'cmd', v: 'frac', pos: i });
      for (const part of [fraction.num, fraction.den]) {
        push({ t: 'op', v: '{', pos: i });
        push({ t: 'num', v: part, pos: i });
        push({ t: 'op', v: '}', pos: i });
      }
      if (mixed) push({ t: 'op', v: ')', pos: i });
      i = fraction.end;
      continue;
    }
    // (`1..10`: the dots of a range; the second is no decimal point of `.10`.)
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? '') && src[i - 1] !== '.')) {
      // Scientific notation (`72.8e6`, `1e-12`) is one number; `2e` alone is 2·e.
      const m = /^(\d*\.?\d+(?:[eE][+-]?\d{1,4}(?![A-Za-z]))?|\d+\.?)/.exec(src.slice(i, i + 400))!;
      push({ t: 'num', v: m[0].endsWith('.') ? m[0].slice(0, -1) : m[0], pos: i });
      i += m[0].endsWith('.') ? m[0].length - 1 : m[0].length;
      continue;
    }
    // "i.i.d." typed inside a formula (`R_{ij} \sim i.i.d.`) is the abbreviation, not i times i times d.
    const abbr = c === 'i' && !/[A-Za-z\\]/.test(src[i - 1] ?? '') ? /^i\.i\.d\.?(?![A-Za-z])/.exec(src.slice(i, i + 8)) : null;
    if (abbr) {
      push({ t: 'text', v: 'i.i.d.', cmd: 'text', pos: i });
      i += abbr[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      const m = /^[A-Za-z]+/.exec(src.slice(i, i + 200))!;
      // `sum_{i=1}^{m}` typed without its backslash: the index lowered onto it makes it the sign, not s·u·m.
      if ((m[0] === 'sum' || m[0] === 'prod') && src[i + m[0].length] === '_') push({ t: 'cmd', v: m[0], pos: i });
      else push({ t: 'word', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined) {
        i++;
        continue;
      }
      if (/[A-Za-z]/.test(next)) {
        const m = /^[A-Za-z]+/.exec(src.slice(i + 1, i + 60))!;
        const name = m[0];
        i += 1 + name.length;
        if (IGNORED_COMMANDS.has(name)) {
          // \hspace{1em}, \phantom{x}: their argument is spacing too; \tag{1} is an equation's number.
          if ((name === 'hspace' || name === 'vspace' || name === 'phantom' || name === 'tag') && src[i] === '{') i = balancedGroup(src, i)?.end ?? src.length;
          // \left. and \right. are invisible delimiters.
          if ((name === 'left' || name === 'right') && src[i] === '.') i++;
          continue;
        }
        if (TEXT_COMMANDS.has(name)) {
          while (src[i] === ' ') i++;
          if (src[i] === '*') i++;
          if (src[i] === '{') {
            const group = balancedGroup(src, i);
            push({ t: 'text', v: group?.content ?? src.slice(i + 1), cmd: name, pos: i });
            i = group?.end ?? src.length;
          }
          continue;
        }
        push({ t: 'cmd', v: name, pos: i });
        continue;
      }
      // \\ is a row break; \{ \} \| \% \$ \, \! and the like.
      i += 2;
      if (IGNORED_COMMANDS.has(next)) continue;
      if (next === '\\') {
        push({ t: 'op', v: '\\\\', pos: i - 2 });
        // `\\[2pt]` spaces the rows apart; a bracket that is not a length (`\\ [a, b]`) is content.
        const spacing = ROW_SPACING.exec(src.slice(i, i + 24));
        if (spacing) i += spacing[0].length;
      } else if (next === '%') push({ t: 'op', v: '%', pos: i - 2 });
      else if (next === '$' || next === '#') continue;
      else push({ t: 'cmd', v: next, pos: i - 2 });
      continue;
    }
    // `∑`, and `Σ` whose subscript is an index (`Σ_{i=1}^{m}`, `Σ_{i,j=1..m}`, `Σ_i`, `Σᵢ₌₁ᵐ`), as `\sum` is; `Σ` and
    // `Σ_{x}` otherwise stay a matrix's name (an SVD's, a covariance).
    if (c === '∑' || (c === 'Σ' && (SIGMA_INDEX.test(src.slice(i + 1, i + 24)) || isLoweredIndex(src, i + 1)))) {
      push({ t: 'cmd', v: 'sum', pos: i });
      i++;
      continue;
    }
    // `2⁷⁻ⁿ`, `σₓ`, `wₕ,ₗ`: a run of raised or lowered characters is one superscript or subscript (a
    // lone ² or ³ stays the square or cube sign it is read as below).
    const run = scriptRunAt(src, i);
    if (run && !(run.end === i + 1 && (c === '²' || c === '³'))) {
      push({ t: 'op', v: run.script, pos: i });
      push({ t: 'op', v: '{', pos: i });
      for (const tok of tokenize(run.text)) push({ ...tok, pos: i });
      push({ t: 'op', v: '}', pos: i });
      i = run.end;
      continue;
    }
    const uni = UNICODE[c];
    if (uni) {
      // (`σx` with no space: the reader decides whether x is σ's subscript, by the names the question declares.)
      const glued = uni[0] === 'cmd' && /[\u03b1-\u03c9]/.test(c) && /[A-Za-z]/.test(src[i + 1] ?? '');
      push({ t: uni[0], v: uni[1], pos: i, ...(glued ? { glued: true } : {}) } as Token);
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    // `w <- w - eta dw`: an assignment arrow typed in ASCII, set off by a space on its right (`x <-1` is `x < -1`).
    if (two === '<-' && /[ \t]/.test(src[i + 2] ?? '')) {
      push({ t: 'op', v: ':=', pos: i });
      i += 2;
      continue;
    }
    if (TWO_CHAR_OPS.has(two)) {
      push({ t: 'op', v: two === '==' ? '=' : two === '**' ? '^' : two, pos: i });
      i += 2;
      continue;
    }
    if ("+-*/^_()[]{},;=<>!|'&:%".includes(c)) {
      push({ t: 'op', v: c, pos: i });
      i++;
      continue;
    }
    // '$', '?', quotes, stray unicode: a reader of mathematics skips them.
    if (c === '$') {
      i++;
      continue;
    }
    // A character beyond the 16-bit range (`𝔼`, an emoji) is one symbol, never half of one.
    const whole = String.fromCodePoint(src.codePointAt(i)!);
    push({ t: 'op', v: whole, pos: i });
    i += whole.length;
  }
  return mergeAngleTokens(out);
}

/**
 * `<\text{sos}>`: a sequence model's special token, one word in angle brackets, not two
 * comparisons. Only written text qualifies, so `a < b > c` stays a chain of relations.
 */
function mergeAngleTokens(toks: Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < toks.length; k++) {
    const [a, b, c] = [toks[k]!, toks[k + 1], toks[k + 2]];
    if (a.t === 'op' && a.v === '<' && b?.t === 'text' && /^\s*[A-Za-z][\w-]*\s*$/.test(b.v) && c?.t === 'op' && c.v === '>') {
      out.push({ t: 'text', v: `<${b.v.trim()}>`, cmd: 'text', pos: a.pos });
      k += 2;
    } else out.push(a);
  }
  return out;
}
