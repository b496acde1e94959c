import type { AnswerType } from '../model/answer-spec.js';
import { programArray } from './printed-output.js';

/**
 * Text-level normalization before parsing: notation that means nothing for the value
 * (thousands separators, currency, degree marks) is removed; number-only notations
 * (`72.8M`, `1 000`, a trailing unit word) are read only where a number is expected.
 */

/** Thousands separators: `,\!`, `{,}` always; a plain `1,473` outside brackets. */
export function stripThousands(s: string): string {
  // Both readings below need a group of three digits; most candidates have none, and the separator
  // pattern was tried from every digit of every candidate read.
  if (!/\d{3}/.test(s)) return s;
  // `{,}`, `,\!` and thin spaces (`1\,473`, `1 473`) between groups of three digits.
  const t = s.replace(/(\d)\s*(?:\{\s*,\s*\}|,\\!|\\,|\\ |~|\u2009|\u202F)\s*(?=\d{3}(?!\d))/g, '$1');
  // Only commas are dropped below.
  if (!t.includes(',')) return t;
  // A comma followed by exactly three digits, in a number that starts with 1–3 digits, at
  // bracket depth 0: `23,296`, `7,425,000`, `1,000.99`. `(8,30,30)` and `32, 349` are lists.
  let out = '';
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0 && /\d/.test(t[i - 1] ?? '') && /^\d{3}(?![\d])/.test(t.slice(i + 1, i + 5))) {
      const before = /(?:^|[^\d.])(\d{1,3})((?:,\d{3})*)$/.exec(t.slice(0, i));
      if (before && !before[1]!.startsWith('0')) continue;
    }
    out += c;
  }
  return out;
}

const SUFFIX: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  thousand: 1e3,
  M: 1e6,
  million: 1e6,
  mil: 1e6,
  B: 1e9,
  G: 1e9,
  billion: 1e9,
  T: 1e12,
  trillion: 1e12,
};

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  // Ordinals name positions: "the second" is 2 where a number is expected.
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/**
 * Numbers written in words (`two`, `twenty-one`) as digits, in a text that has no digits of its
 * own (where a word like "one" is as likely an article as a value, digits decide).
 */
export function numberWordsToDigits(s: string): string {
  if (/\d/.test(s)) return s;
  return s.replace(/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b|\b([a-z]+)\b/gi, (m, tens?: string, unit?: string, word?: string) => {
    if (tens && unit) return String(NUMBER_WORDS[tens.toLowerCase()]! + NUMBER_WORDS[unit.toLowerCase()]!);
    const v = word === undefined ? undefined : NUMBER_WORDS[word.toLowerCase()];
    return v === undefined ? m : String(v);
  });
}

/** Number notations: `72.8M`, `1.1 million`, `1 000`, a trailing unit word, a decimal comma. */
export function prepareNumber(s: string): string {
  let t = s.trim().replace(/^(?:about|approximately|approx\.?|around|roughly|nearly|~|≈|\\approx)\s*/i, '');
  if (/^[A-Za-z]+(?:-[A-Za-z]+)?$/.test(t)) t = numberWordsToDigits(t);
  // `72.8\text{M}` in a key: the multiplier written as text.
  t = t.replace(/(\d)\s*\\(?:text|mathrm|textrm|mbox)\s*\{\s*(k|K|M|B|G|T|thousand|million|billion|trillion)\s*\}\s*$/, '$1 $2');
  // `1 000 000`: spaces between groups of three.
  if (/^-?\d{1,3}(?: \d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/ /g, '');
  const m = /^(-?\d+(?:\.\d+)?)\s*(k|K|M|B|G|T|thousand|million|mil|billion|trillion)\b\.?\s*(?:[A-Za-z]+)?$/.exec(t);
  if (m) {
    const factor = SUFFIX[m[2]!]!;
    return `${m[1]} \\times 10^{${Math.log10(factor)}}`;
  }
  // `1000,99` and `0,111`: a decimal comma (one comma, not a thousands group).
  if (/^-?\d+,\d+$/.test(t) && !/^-?[1-9]\d{0,2},\d{3}$/.test(t)) t = t.replace(',', '.');
  // A trailing unit word (`125 miles`, `35 cm`, `0.06 yuan`) after a number.
  const unit = /^(.*\d\s*)(?:[A-Za-z]{2,}|m²|m\^2|°[CF]?)\s*$/.exec(t);
  if (unit && !/\\[A-Za-z]+\s*$/.test(t) && !/(?:pi|inf|infty|percent|pct|percentage)\s*$/i.test(t)) t = unit[1]!.trim();
  return t;
}

const UNIT_WORDS =
  /(\d|\}|\))\s*(?:\\[,;]\s*)?(?:px|pixels?|miles?|meters?|metres?|cm|mm|km|kg|grams?|seconds?|secs?|units?|yuan|dollars?|cents?|degrees?|hours?|minutes?|mins?|days?|weeks?|years?|inches|feet|ft|mph|km\/h|m\/s|flops?|FLOPs?|params?|parameters?|bytes?|MB|GB|KB)\s*(?:\^\s*\{?\d\}?|²|³)?\s*$/;

/**
 * LaTeX whose backslash escapes a programming language's string ate: `\f` of `\frac` became a
 * form feed, `\t` of `\times` / `\theta` / `\text` a tab. No answer means those characters.
 */
export function repairEatenEscapes(s: string): string {
  return s.replace(/\\?\f/g, '\\f').replace(EATEN_TAB, '\\t');
}

/** A command's rest after its eaten `\t` (`imes` of `\times`, `heta` of `\theta`), read at one place. */
const EATEN_TAB_REST = /(?:imes|heta|ext|au|frac|ilde|op|riangle)\b|ext\{|imes|heta/y;
const EATEN_TAB = new RegExp(String.raw`\\?\t(?=${EATEN_TAB_REST.source})`, 'g');

/** Whether the tab at `index` of a text is a command's eaten `\t` (`2 <tab>imes 3`), not a gap between columns. */
export function isEatenTab(text: string, index: number): boolean {
  EATEN_TAB_REST.lastIndex = index + 1;
  return text[index] === '\t' && EATEN_TAB_REST.test(text);
}

/** A numeral with its base as a subscript (`204_5`, `1011_{2}`) is the number it names. */
export function readBaseNumerals(s: string): string {
  return s.replace(/(?<![\w.\\])(\d+)_\{?(\d{1,2})\}?(?![\d\w])/g, (m, digits: string, b: string) => {
    const base = Number(b);
    if (base < 2 || base > 36 || [...digits].some((d) => Number(d) >= base)) return m;
    return String(parseInt(digits, base));
  });
}

/** A repeating decimal (`0.\overline{3}`, `1.2\overline{45}`, `0.\dot{3}`) as the fraction it is. */
export function readRepeatingDecimals(s: string): string {
  return s.replace(/(\d*)\.(\d*)\\(?:overline|bar|dot)\s*\{?(\d+)\}?/g, (_m, whole: string, fixed: string, period: string) => {
    // x = whole.fixed(period)...: numerator whole·fixed·period − whole·fixed over 9…90…
    const a = BigInt((whole || '0') + fixed + period);
    const b = BigInt((whole || '0') + fixed);
    const den = BigInt('9'.repeat(period.length) + '0'.repeat(fixed.length));
    return `\\frac{${a - b}}{${den}}`;
  });
}

/** Shapes printed by array libraries (`torch.Size([10, 64, 32, 32])`, `np.shape` tuples) are tuples. */
function readLibraryShapes(s: string): string {
  // The pattern was tried from every word boundary of every candidate read; almost none names a library's shape.
  if (!s.includes('Size') && !s.includes('TensorShape')) return s;
  return s.replace(/\b(?:torch\.Size|TensorShape)\(\s*\[([^\]]*)\]\s*\)/g, '($1)');
}

/**
 * Vectors in angle brackets (`<3, -7>`, `⟨3, -7⟩`) as `\langle ... \rangle`; a `<` or `>` elsewhere stays a relation.
 * The micro sign (µ, U+00B5) is the letter μ.
 */
function readAngleVectors(s: string): string {
  const t = s
    .replace(/\u00B5/g, '\\mu ')
    .replace(/⟨/g, '\\langle ')
    .replace(/⟩/g, '\\rangle ');
  const m = /^\s*<\s*([^<>=]*,[^<>=]*)>\s*$/.exec(t);
  return m ? `\\langle ${m[1]} \\rangle` : t;
}

/** `\mathrm{d}`, `\text{d}`, `\operatorname{d}` against the letter or name after it. */
const UPRIGHT_D = /\\(?:mathrm|text|textrm|operatorname)\s*\{\s*d\s*\}\s*(?=[A-Za-z]|\\(?:mathbf|boldsymbol|bm|mathit)\b)/g;
/** `d\mathbf{w}`: a lone d before one bold letter. */
const D_BEFORE_BOLD = /(?<![A-Za-z\\])d\s*\\(?:mathbf|boldsymbol|bm|mathit)\s*\{\s*([A-Za-z])\s*\}/g;

/**
 * `≈ 0,125`: the worked value after an approximately-equals sign in a reply written with decimal
 * commas; read as a decimal when it cannot be a thousands group (a whole part 0, or not three digits after the comma).
 */
const APPROX_DECIMAL_COMMA = /((?:≈|\\approx)\s*-?)(\d+),(\d+)(?![\d,])/g;

/** `0{,}8`, `1{,}216`: a number with a braced comma, its whole part and the digits after. */
const BRACED_COMMA = /(?<![\d{},])(-?\d+)\s*\{,\}\s*(\d+)(?![\d{])/g;
/** `(0 ; 0,8 ; 0)`: round brackets whose items a semicolon separates. */
const SEMICOLON_TUPLE = /\((?=[^()]*;)[^()]*\)/g;

/** Notation that means nothing for any value. */
export function prepareCommon(s: string): string {
  let t = readAngleVectors(readLibraryShapes(readRepeatingDecimals(readBaseNumerals(repairEatenEscapes(s)))));
  // `\\le` outside an environment (or a `\substack`'s rows) is an escaping slip for `\le`.
  if (!/\\begin|\\substack/.test(t)) t = t.replace(/\\\\(?=[A-Za-z])/g, '\\');
  // `4.9\ \text{m/s}^2`, `9.8 \text{ m s}^{-2}`: a unit's power written outside its text is the unit's, not the
  // number's (`2\mathrm{e}^{2}` is Euler's e, and `\mathrm{d}`, `\mathrm{i}` are no units).
  // (The patterns that need a command are tried only on text with a backslash: most candidates have none.)
  if (t.includes('\\'))
    t = t.replace(
      /(\d\s*(?:\\[,;:! ]|~|\s)*\\(?:text|mathrm|textrm|mbox)\s*\{\s*(?![edi]\s*\})[A-Za-zµΩ°]{1,3}(?:\s*[/·\s]\s*[A-Za-zµΩ°]{1,3})*\s*)\}\s*\^\s*(\{\s*-?\d\s*\}|\d)/g,
      (_m, unit: string, power: string) => `${unit}^${power}}`,
    );
  t = t.replace(UNIT_WORDS, '$1');
  // `d_{\rm out}`, `{\bf W}`: plain TeX's font switches, which models trained on old papers still write, are LaTeX's `\mathrm{out}`, `\mathbf{W}`.
  if (t.includes('\\')) t = t.replace(/\{\s*\\(rm|bf|sf|tt|it|cal)\b\s*([^{}]*?)\s*\}/g, (_m, font: string, body: string) => `{\\math${font}{${body}}}`);
  // `\mathrm{d}w_{h,l}`, `d\mathbf{w}`: an upright or bold differential's d is the start of the name it is
  // written against (`dw`, a key's symbol when the key declares it), as `dw_{h,l}` is.
  if (t.includes('d')) t = t.replace(UPRIGHT_D, 'd').replace(D_BEFORE_BOLD, 'd$1');
  // `0{,}8`: LaTeX's braced comma is how a decimal comma is typeset (`1{,}216`, a group of three, is a thousands
  // separator, which stripThousands reads); `(0 ; 0,8 ; 0)`: in brackets whose items
  // are separated by semicolons, a comma between digits is a decimal comma (square brackets may be a matrix's rows).
  if (t.includes(','))
    t = t
      .replace(BRACED_COMMA, (_m, whole: string, rest: string) => (/^0$|^-/.test(whole) || rest.length !== 3 ? `${whole}.${rest}` : `${whole}{,}${rest}`))
      .replace(SEMICOLON_TUPLE, (g) => (/,(?!\d)|(?<!\d),/.test(g) ? g : g.replace(/(\d),(?=\d)/g, '$1.')))
      .replace(APPROX_DECIMAL_COMMA, (m, sign: string, whole: string, rest: string) => (whole === '0' || rest.length !== 3 ? `${sign}${whole}.${rest}` : m));
  // `&= 2c\,d_\text{out}^2 d_\text{in} \tag{1} \\`: an aligned row's number or label is no part of its mathematics.
  if (t.includes('\\tag') || t.includes('\\label') || t.includes('\\no')) t = t.replace(/\\(?:tag\*?|label)\s*\{[^{}]*\}|\\(?:nonumber|notag)\b/g, ' ');
  // `d_(in)`, `W_(ij)`, `x_(a+1)`: AsciiMath brackets a subscript of several characters where LaTeX braces it.
  if (t.includes('_(')) t = t.replace(/_\(([^()]{1,20})\)/g, '_{$1}');
  // `\text{fan}_{in}`: a name in text with a subscript is a symbol, as `\mathrm{fan}_{in}` is.
  if (t.includes('\\')) t = t.replace(/\\(?:text|textrm|textit|operatorname)\s*\{\s*([A-Za-z]+)\s*\}(?=\s*_)/g, '\\mathrm{$1}');
  // `f^{\prime}` and `f^{\prime\prime}` are f' and f''.
  if (t.includes('\\prime')) t = t.replace(/\^\s*\{\s*((?:\\prime\s*)+)\}|\^\s*\\prime/g, (_m, primes?: string) => "'".repeat(primes ? primes.split('\\prime').length - 1 : 1));
  // `W(x)=1orW(x)=-1`: a joining word glued between a value and the next formula.
  if (t.includes('or') || t.includes('and')) t = t.replace(/(?<=[\d)}])(or|and)(?=[A-Z(\\])/g, ' $1 ');
  t = stripThousands(t);
  if (!t.includes('\\')) return t.replace(/[€£¥]/g, '');
  return t
    .replace(/\^\s*\{?\s*\\circ\s*\}?/g, '')
    .replace(/\\(?:\$|euro|pounds)/g, '')
    .replace(/[€£¥]/g, '')
    .replace(/\\(?:d|t|c)frac/g, '\\frac')
    .replace(/\\not\s*=/g, '\\neq ');
}

/** A key's lone decimal comma (`1,22`, `0,111`); a thousands group has exactly three digits. */
export function prepareKeyValue(s: string): string {
  const t = s.trim();
  if (/^-?(?:0|[1-9]\d*),\d+$/.test(t) && !/^-?[1-9]\d{0,2},\d{3}$/.test(t)) return t.replace(',', '.');
  return s;
}

/**
 * `(⌊(W − K)/S⌋ + 1) px × ... × C channels`: the unit or dimension word after each factor of a shape
 * says what it counts and is none of its value.
 */
const SHAPE_UNIT = /(?<=[\w})\]]\s*)\s+(?:px|pixels?|channels?|rows?|columns?|cols?|wide|high|tall|deep)\b(?=\s*(?:×|\\times|[xX]\s|$))/g;

/** `K by K by C`, `floor((W - K)/S) + 1 by ... by F`: the word between a shape's factors, said as a size is said aloud. */
const BY_WORD = /(?<=[\w})\]⌋⌉'])\s+by\s+(?=[\w(⌊⌈\\])/g;

/** Shapes written with a letter x (`28x28x10`, `(W_out) x (H_out) x F`) or `by` become `\times` products. */
export function prepareShape(s: string): string {
  return s
    .replace(SHAPE_UNIT, '')
    .replace(BY_WORD, ' \\times ')
    .replace(/(\d|\}|\))\s*[xX×*]\s*(?=\d|[A-Za-z]_|\\|\(|[A-Z]\b)/g, '$1 \\times ');
}

/** The normalization for an answer of a given type. */
export function prepareFor(type: AnswerType, s: string): string {
  let t = prepareCommon(s);
  if (type === 'number') t = prepareNumber(t);
  if (type === 'shape' || type === 'table') t = prepareShape(t);
  // `[−40 −40; −40 −40]`: a matrix typed in a program's notation, its rows' entries apart by spaces.
  if (type === 'matrix' && t.includes('[')) t = programArray(t) ?? t;
  return t;
}
