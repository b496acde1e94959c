/**
 * What a formula spells once its notation is set aside, read the same from its LaTeX source and
 * from the characters a page rendered it as: letters (Greek ones too, `\alpha` and `α` alike),
 * digits, operator names (`\log`, `log`) and the few operators every renderer prints as typed
 * (`= + - / < > , ; : ' ! ?`). Spaces, commands' marks, braces, scripts' marks, brackets and the
 * symbols renderers draw in their own ways (`\top` as `⊤`, `\le` as `≤`, a tall `(` as a drawing)
 * spell nothing, so each copy of one formula spells the same letters.
 */

/** Greek letters' commands, by the letter they print (variants print a form of the same letter). */
const GREEK: Record<string, string> = {};
for (const [names, letter] of [
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['delta', 'δ'],
  ['epsilon varepsilon', 'ε'],
  ['zeta', 'ζ'],
  ['eta', 'η'],
  ['theta vartheta', 'θ'],
  ['iota', 'ι'],
  ['kappa varkappa', 'κ'],
  ['lambda', 'λ'],
  ['mu', 'μ'],
  ['nu', 'ν'],
  ['xi', 'ξ'],
  ['pi varpi', 'π'],
  ['rho varrho', 'ρ'],
  ['sigma varsigma', 'σ'],
  ['tau', 'τ'],
  ['upsilon', 'υ'],
  ['phi varphi', 'φ'],
  ['chi', 'χ'],
  ['psi', 'ψ'],
  ['omega', 'ω'],
  ['Gamma', 'Γ'],
  ['Delta', 'Δ'],
  ['Theta', 'Θ'],
  ['Lambda', 'Λ'],
  ['Xi', 'Ξ'],
  ['Pi', 'Π'],
  ['Sigma', 'Σ'],
  ['Upsilon', 'Υ'],
  ['Phi', 'Φ'],
  ['Psi', 'Ψ'],
  ['Omega', 'Ω'],
  ['ell', 'l'],
  ['prime', "'"],
] as const) {
  for (const name of names.split(' ')) GREEK[name] = letter;
}

/** Commands a renderer prints as their own name (`\log x` is drawn `log x`). */
const NAMED_OPERATORS = new Set('arccos arcsin arctan arg cos cosh cot coth csc deg det dim exp gcd hom inf ker lg lim liminf limsup ln log max min Pr sec sin sinh sup tan tanh'.split(' '));

/**
 * Commands common in answers' formulas, so that a source glued to the glyphs after it (`U V^\topUV⊤`)
 * is read as `\top` then `UV`, not as a command `\topUV` nobody defined.
 */
const KNOWN_COMMANDS = new Set([
  ...Object.keys(GREEK),
  ...NAMED_OPERATORS,
  ...(
    'top intercal times cdot cdots ldots dots vdots ddots le leq ge geq ne neq leqslant geqslant sim simeq approx equiv propto in notin subset subseteq ' +
    'cup cap infty sum prod int oint partial nabla pm mp to rightarrow leftarrow Rightarrow Leftarrow iff implies mapsto gg ll mid circ star ast otimes oplus odot ' +
    'forall exists neg land lor frac tfrac dfrac sqrt left right big Big bigg Bigg mathrm mathbf mathbb mathcal mathit mathsf boldsymbol text textbf textit ' +
    'operatorname hat bar tilde vec dot ddot overline underline widehat widetilde quad qquad displaystyle textstyle begin end lVert rVert lvert rvert Vert vert ' +
    'langle rangle lfloor rfloor lceil rceil cdotp colon'
  ).split(' '),
]);

/** What a command spells: a Greek letter, an operator's name, or nothing. */
function commandSpells(name: string): string {
  return GREEK[name] ?? (NAMED_OPERATORS.has(name) ? name : '');
}

/** Characters every copy prints as typed. */
const KEPT_ASCII = /[A-Za-z0-9=+\-/<>,;:'!?]/;
/** Letters and digits beyond ASCII (a modifier letter such as a drawn macron `ˉ` is an accent, no letter). */
const KEPT_OTHER = /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{Nd}]/u;

/** What each ASCII character spells: itself or nothing (looked up, as every character of a line may be). */
const ASCII_SPELLS = Array.from({ length: 128 }, (_v, code) => (KEPT_ASCII.test(String.fromCharCode(code)) ? String.fromCharCode(code) : ''));
const SPELLED_CHARS = new Map<string, string>();

/** What one character of a rendered copy spells (`−` is `-`, `′` is `'`, `²` is `2`, `𝑥` is `x`). */
export function charSpells(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ASCII_SPELLS[code]!;
  const known = SPELLED_CHARS.get(ch);
  if (known !== undefined) return known;
  let out = '';
  if (ch === '−' || ch === '–') out = '-';
  else if (ch === '′') out = "'";
  else for (const c of ch.normalize('NFKC')) if ((c.charCodeAt(0) < 0x80 ? KEPT_ASCII : KEPT_OTHER).test(c)) out += c;
  SPELLED_CHARS.set(ch, out);
  return out;
}

/** One step of reading a formula's text: where it ends, what it spells, and the brackets it opens (negative: closes). */
export interface FormulaStep {
  end: number;
  spells: string;
  /** `{` and `}` of a LaTeX group: +1, -1. */
  braces: number;
  /** Round and square brackets, a matrix environment's included: +1 opens, -1 closes. */
  brackets: number;
  /** A mark only a LaTeX source has: a command, a group's brace, a script's `_` or `^`. */
  texMark: boolean;
}

/** Brackets a character opens (+1) or closes (-1). */
function bracketsOf(ch: string): number {
  return ch === '(' || ch === '[' ? 1 : ch === ')' || ch === ']' ? -1 : 0;
}

/** A command's name as written from `from`: the longest known command it starts with when the whole is none (`topUV` is `top`). */
function commandName(text: string, from: number): string {
  let end = from;
  while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
  const name = text.slice(from, end);
  if (KNOWN_COMMANDS.has(name)) return name;
  for (let n = name.length - 1; n > 0; n--) if (KNOWN_COMMANDS.has(name.slice(0, n))) return name.slice(0, n);
  return name;
}

/** The step of a LaTeX source starting at `k`: a command (with its environment's name), a mark, or one character. */
export function texStep(text: string, k: number): FormulaStep {
  const ch = text[k]!;
  if (ch === '\\') {
    if (!/[A-Za-z]/.test(text[k + 1] ?? '')) return { end: Math.min(k + 2, text.length), spells: '', braces: 0, brackets: 0, texMark: true };
    const name = commandName(text, k + 1);
    const end = k + 1 + name.length;
    if (name === 'begin' || name === 'end') {
      const env = /^\{([A-Za-z*]*)\}/.exec(text.slice(end, end + 40));
      if (env) {
        // A matrix environment is drawn with its brackets: they are its copies' brackets.
        const drawn = /^[bp]matrix$/.test(env[1]!) ? (name === 'begin' ? 1 : -1) : 0;
        return { end: end + env[0].length, spells: '', braces: 0, brackets: drawn, texMark: true };
      }
    }
    return { end, spells: commandSpells(name), braces: 0, brackets: 0, texMark: true };
  }
  if (ch === '{' || ch === '}') return { end: k + 1, spells: '', braces: ch === '{' ? 1 : -1, brackets: 0, texMark: true };
  if (ch === '_' || ch === '^') return { end: k + 1, spells: '', braces: 0, brackets: 0, texMark: true };
  const cp = String.fromCodePoint(text.codePointAt(k)!);
  return { end: k + cp.length, spells: charSpells(cp), braces: 0, brackets: bracketsOf(cp), texMark: false };
}

/** The step of a rendered copy starting at `k`: one character (a source's marks are no part of one). */
export function glyphStep(text: string, k: number): FormulaStep {
  const cp = String.fromCodePoint(text.codePointAt(k)!);
  return { end: k + cp.length, spells: charSpells(cp), braces: 0, brackets: bracketsOf(cp), texMark: false };
}
