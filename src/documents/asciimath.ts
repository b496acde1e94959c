import { closingBracket } from './brackets.js';

/**
 * AsciiMath (AsciiDoc's default `stem` notation, MathJax's ASCII input) read as LaTeX: its scripts'
 * round brackets as groups (`d_(in)` as `d_{in}`), its function words as commands with their
 * argument (`sqrt(d_(in))` as `\sqrt{d_{in}}`, `floor(x)` as `\lfloor x \rfloor`), its symbol words and
 * ASCII marks as LaTeX's (`sigma`, `sum`, `xx`, `<=`, `||`, `oo`). Other words stay the names they are.
 */

/** Functions of one bracketed argument, as LaTeX around it. */
const FUNCTIONS: Readonly<Record<string, (a: string) => string>> = {
  sqrt: (a) => `\\sqrt{${a}}`,
  abs: (a) => `\\left|${a}\\right|`,
  norm: (a) => `\\left\\|${a}\\right\\|`,
  floor: (a) => `\\lfloor ${a} \\rfloor`,
  ceil: (a) => `\\lceil ${a} \\rceil`,
  hat: (a) => `\\hat{${a}}`,
  bar: (a) => `\\bar{${a}}`,
  vec: (a) => `\\vec{${a}}`,
  tilde: (a) => `\\tilde{${a}}`,
  text: (a) => `\\text{${a}}`,
};

/** Words written as the LaTeX command of the same name. */
const COMMAND_WORDS =
  /(?<![A-Za-z\\])(alpha|beta|gamma|Gamma|delta|Delta|epsilon|varepsilon|zeta|eta|theta|Theta|iota|kappa|lambda|Lambda|mu|nu|xi|Xi|pi|Pi|rho|sigma|Sigma|tau|upsilon|phi|Phi|varphi|chi|psi|Psi|omega|Omega|sum|prod|int|oint|lim|sin|cos|tan|log|ln|exp|max|min|det|cdot|times|nabla|partial|infty)(?![A-Za-z])/g;

/** ASCII marks and words for symbols, as LaTeX's (longest first). */
const SYMBOLS: readonly [RegExp, string][] = [
  [/\|__/g, '\\lfloor '],
  [/__\|/g, ' \\rfloor'],
  [/\|~/g, '\\lceil '],
  [/~\|/g, ' \\rceil'],
  [/\|\|/g, '\\|'],
  [/<=>/g, '\\Leftrightarrow '],
  [/=>/g, '\\Rightarrow '],
  [/<=/g, '\\le '],
  [/>=/g, '\\ge '],
  [/!=/g, '\\ne '],
  [/->/g, '\\to '],
  [/<-/g, '\\leftarrow '],
  [/\*\*/g, '\\ast '],
  [/\*/g, '\\cdot '],
  [/\bxx\b/g, '\\times '],
  [/\boo\b/g, '\\infty '],
  [/\bdel\b/g, '\\partial '],
  [/\bgrad\b/g, '\\nabla '],
  [/\blarr\b/g, '\\leftarrow '],
  [/\brarr\b/g, '\\rightarrow '],
];

/** Function words with their bracketed arguments, and scripts' brackets as groups, inside out. */
function groups(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const fn = /^(sqrt|abs|norm|floor|ceil|hat|bar|vec|tilde|text)\s*\(/.exec(text.slice(i));
    if (fn && !/[A-Za-z]/.test(text[i - 1] ?? '')) {
      const open = i + fn[0].length - 1;
      const end = closingBracket(text, open);
      if (end > 0) {
        const inner = text.slice(open + 1, end);
        out += FUNCTIONS[fn[1]!]!(fn[1] === 'text' ? inner : groups(inner));
        i = end + 1;
        continue;
      }
    }
    const c = text[i]!;
    if ((c === '_' || c === '^') && text[i + 1] === '(') {
      const end = closingBracket(text, i + 1);
      if (end > 0) {
        out += `${c}{${groups(text.slice(i + 2, end))}}`;
        i = end + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** A formula in AsciiMath as LaTeX. */
export function asciiMathAsLatex(formula: string): string {
  // Quoted text first: its words are no symbols.
  const texts: string[] = [];
  let t = formula.replace(/"([^"]*)"/g, (_m, words: string) => `\u0000${texts.push(words) - 1}\u0000`);
  t = groups(t);
  for (const [re, latex] of SYMBOLS) t = t.replace(re, latex);
  t = t.replace(COMMAND_WORDS, '\\$1');
  return t
    .replace(/\u0000(\d+)\u0000/g, (_m, n: string) => `\\text{${texts[Number(n)]}}`)
    .replace(/[ \t]+/g, ' ')
    .trim();
}
