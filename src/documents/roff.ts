/**
 * A troff document's source (groff's `-ms` and `-man` macros, the formulas in eqn) read as the
 * Markdown and LaTeX every other reader knows. Its requests are structure: `.TL` a title, `.NH n` /
 * `.SH` a heading (groff numbers `.NH` itself: the numbers are no part's), `.PP` / `.LP` / `.IP` a
 * paragraph, `.B word` bold, `\(em` a character, `.\"` a comment. eqn is a formula language of its
 * own, the one LibreOffice's StarMath grew from: `1 over sqrt din`, `x sub i`, `c sup 2`,
 * `sum from {i=1} to m`, `DELTA`, `roman Var`, with `define din '{d sub in}'` naming a piece, `.EQ` /
 * `.EN` around a displayed formula, and `delim $$` making `$ ... $` an inline one. Each formula is
 * translated to StarMath's spelling and read by its reader. A text with fewer than three requests
 * of these macros is no troff source and is left as it is.
 */
import { starMathAsLatex } from './starmath.js';

/** A request line: a dot, the request's name, its arguments. */
const REQUEST = /^[.'][ \t]*([A-Za-z]{1,3}|\\")(?:[ \t]+(.*))?$/;

/** The requests of `-ms` and `-man` that only these macros write: three of them make a text troff. */
const MACROS = /^\.(?:EQ|EN|NH|SH|SS|PP|LP|IP|QP|TL|AU|AI|AB|AE|TH|DS|DE|KS|KE|RS|RE|ND|RP|B|I|BI|BR|IR)(?:[ \t]|$)/gm;

/** Requests that stand for the title's, a heading's or an author's lines after them. */
const TITLES = new Set(['TL', 'NH', 'SH', 'SS']);

/** troff's named characters most write-ups use. */
const CHARACTERS: Readonly<Record<string, string>> = {
  em: '—',
  en: '–',
  mu: '×',
  '<=': '≤',
  '>=': '≥',
  '!=': '≠',
  '+-': '±',
  '->': '→',
  '<-': '←',
  bu: '•',
  aq: "'",
  dq: '"',
  lq: '“',
  rq: '”',
  de: '°',
  sr: '√',
  if: '∞',
  pd: '∂',
  gr: '∇',
  ca: '∩',
  cu: '∪',
};

/** A line's escapes as the characters they print: `\(em`, `\[em]`, `\fB...\fP`, `\-`, `\&`, `\e`, a trailing `\"` comment. */
function unescaped(line: string): string {
  return line
    .replace(/\\".*$/, '')
    .replace(/\\\((..)|\\\[([^\]\s]{1,12})\]/g, (all, two: string | undefined, long: string | undefined) => CHARACTERS[two ?? long ?? ''] ?? all)
    .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\s[+-]?\d/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\[&|^%]/g, '')
    .replace(/\\e/g, '\\');
}

/** eqn's Greek letters: lower case as written, a capital written in capitals (`DELTA`). */
const GREEK =
  /^(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|chi|psi|omega|GAMMA|DELTA|THETA|LAMBDA|XI|PI|SIGMA|UPSILON|PHI|PSI|OMEGA)$/;

/** eqn's words that StarMath spells otherwise. */
const EQN_WORDS: Readonly<Record<string, string>> = {
  inf: 'infinity',
  grad: 'nabla',
  del: 'nabla',
  approx: 'approx',
  prime: "'",
  half: '{1 over 2}',
  cdot: 'cdot',
  times: 'times',
  // (Fonts and spacing only change how a formula looks.)
  roman: '',
  italic: '',
  bold: '',
  fat: '',
  size: '',
  font: '',
  mark: '',
  lineup: '',
};

/** eqn's marks that StarMath spells otherwise (`~` and `^` are eqn's spaces, `+-` its plus-minus). */
const EQN_MARKS: Readonly<Record<string, string>> = { '~': ' ', '^': ' ', '+-': ' pm ', '!=': ' <> ', '==': ' equiv ', '||': ' ldline ' };

/** `define name 'body'` (any character delimits the body) as name → body. */
function definitionOf(line: string): [string, string] | undefined {
  const m = /^\s*(?:define|ndefine|tdefine)\s+(\S+)\s+(\S)(.*)$/.exec(line);
  if (!m) return undefined;
  const end = m[3]!.indexOf(m[2]!);
  return end < 0 ? undefined : [m[1]!, m[3]!.slice(0, end)];
}

/** A formula with its defined names written out (to a depth: a definition may use one defined before it, but not itself for ever). */
function expanded(formula: string, defined: ReadonlyMap<string, string>, depth = 0): string {
  if (!defined.size || depth > 8) return formula;
  return formula.replace(/[A-Za-z]+/g, (w) => {
    const body = defined.get(w);
    if (body === undefined) return w;
    // (As eqn does, the body is written in as it is: `define sq 'sup 2'` is no group, `define din '{d sub in}'` is one.)
    return ` ${expanded(body.trim(), defined, depth + 1)} `;
  });
}

/** One eqn formula as LaTeX, its defined names written out first. */
export function eqnAsLatex(formula: string, defined: ReadonlyMap<string, string> = new Map()): string {
  let starMath = '';
  const source = expanded(formula, defined);
  const re = /([A-Za-z]+)|(\+-|!=|==|\|\||[~^])|("[^"]*")|([^A-Za-z~^"+!=|]+|.)/gy;
  for (let m = re.exec(source); m?.[0]; m = re.exec(source)) {
    if (m[1]) {
      const w = m[1];
      if (GREEK.test(w)) starMath += ` %${w} `;
      else if (w in EQN_WORDS) starMath += ` ${EQN_WORDS[w]} `;
      else starMath += w;
    } else if (m[2]) starMath += EQN_MARKS[m[2]] ?? m[2];
    else starMath += m[0];
  }
  // (StarMath's `ldline` opens a norm; eqn's `||` both opens and closes one: LaTeX's `\|` either way.)
  return starMathAsLatex(starMath)
    .replace(/\\left\\\|\s*|\\right\\\|/g, '\\|')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text as Markdown and LaTeX when it is a troff document's source; as it is otherwise. */
export function roffAsMarkdown(text: string): string {
  if (!text.includes('\n.')) return text;
  if ((text.match(MACROS)?.length ?? 0) < 3) return text;
  const defined = new Map<string, string>();
  let inline: [string, string] | undefined;
  const out: string[] = [];
  // The heading or title whose words are the lines after its request (`.NH 2` then `Part (b)`).
  let pending: { marks: string } | undefined;
  let display: string[] | undefined;
  const inlineMath = (line: string) => {
    if (!inline) return line;
    const [open, close] = inline;
    const parts = line.split(open === close ? open : new RegExp(`[${open}${close}]`));
    if (parts.length < 3 || parts.length % 2 === 0) return line;
    return parts.map((p, i) => (i % 2 ? `$${eqnAsLatex(p, defined)}$` : p)).join('');
  };
  for (const raw of text.split('\n')) {
    const request = REQUEST.exec(raw);
    if (display) {
      if (request?.[1] === 'EN') {
        const body = display.filter((l) => {
          const d = definitionOf(l);
          if (d) defined.set(d[0], d[1]);
          const delim = /^\s*delim\s+(\S)(\S)/.exec(l);
          if (delim) inline = delim[1] === 'o' && delim[2] === 'f' ? undefined : [delim[1]!, delim[2]!];
          return !d && !delim && !/^\s*(?:gsize|gfont|define|delim)\b/.test(l);
        });
        const formula = eqnAsLatex(body.join(' '), defined);
        if (formula) out.push('', `$$${formula}$$`, '');
        display = undefined;
      } else display.push(raw);
      continue;
    }
    if (request) {
      const [, name, args = ''] = request;
      if (name === '\\"') continue;
      pending = undefined;
      if (name === 'EQ') display = [];
      else if (TITLES.has(name!)) {
        const level = name === 'TL' ? 1 : name === 'SS' ? 3 : Math.min(6, 1 + Math.max(1, Number.parseInt(args, 10) || 1));
        const words = name === 'SH' && args ? unescaped(args).replace(/^"|"$/g, '') : '';
        if (words) out.push('', `${'#'.repeat(level)} ${words}`, '');
        else pending = { marks: '#'.repeat(level) };
      } else if (name === 'B' || name === 'I' || name === 'BI') {
        const [word = '', ...rest] = unescaped(args).match(/"[^"]*"|\S+/g) ?? [];
        const mark = name === 'I' ? '*' : '**';
        out.push(`${word ? `${mark}${word.replace(/^"|"$/g, '')}${mark}` : ''}${rest.join('')}`);
      } else if (name === 'IP') {
        const tag = (args.match(/"[^"]*"|\S+/) ?? [''])[0]!.replace(/^"|"$/g, '');
        out.push('', ...(tag ? [`${unescaped(tag)} `] : []));
      } else if (/^(?:PP|LP|QP|AU|AI|AB|AE|DS|DE|KS|KE|sp|bp|br)$/.test(name!)) out.push('');
      continue;
    }
    const line = inlineMath(unescaped(raw));
    if (pending) {
      if (!line.trim()) continue;
      out.push('', `${pending.marks} ${line.trim()}`, '');
      pending = undefined;
      continue;
    }
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '');
}
