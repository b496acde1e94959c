/**
 * The characters of Word's equations as LaTeX. Word types letters in math italic (𝑥 is U+1D465,
 * not x) and operators as Unicode (−, ⋅, ≤, ∑); the checker reads LaTeX, so each becomes the
 * letter or command a LaTeX writer would have typed.
 */

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ϵ: 'epsilon',
  ε: 'varepsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'vartheta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ϖ: 'varpi',
  ρ: 'rho',
  ϱ: 'varrho',
  σ: 'sigma',
  ς: 'varsigma',
  τ: 'tau',
  υ: 'upsilon',
  ϕ: 'phi',
  φ: 'varphi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Υ: 'Upsilon',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

const SYMBOLS: Record<string, string> = {
  '−': '-',
  '∗': '*',
  '⋅': '\\cdot',
  '·': '\\cdot',
  '×': '\\times',
  '÷': '\\div',
  '±': '\\pm',
  '∓': '\\mp',
  '∘': '\\circ',
  '⊙': '\\odot',
  '⊗': '\\otimes',
  '⊕': '\\oplus',
  '≤': '\\le',
  '≥': '\\ge',
  '≦': '\\le',
  '≧': '\\ge',
  '≠': '\\ne',
  '≈': '\\approx',
  '≃': '\\simeq',
  '≅': '\\cong',
  '∼': '\\sim',
  '≡': '\\equiv',
  '∝': '\\propto',
  '≪': '\\ll',
  '≫': '\\gg',
  '∈': '\\in',
  '∉': '\\notin',
  '∋': '\\ni',
  '⊂': '\\subset',
  '⊆': '\\subseteq',
  '⊃': '\\supset',
  '⊇': '\\supseteq',
  '∪': '\\cup',
  '∩': '\\cap',
  '∖': '\\setminus',
  '∅': '\\emptyset',
  '∞': '\\infty',
  '∂': '\\partial',
  '∇': '\\nabla',
  '→': '\\to',
  '←': '\\leftarrow',
  '↦': '\\mapsto',
  '⇒': '\\Rightarrow',
  '⇔': '\\Leftrightarrow',
  '⟹': '\\Longrightarrow',
  '↔': '\\leftrightarrow',
  '∀': '\\forall',
  '∃': '\\exists',
  '¬': '\\neg',
  '∧': '\\wedge',
  '∨': '\\vee',
  '⊤': '\\top',
  '⊥': '\\perp',
  '∥': '\\|',
  '‖': '\\|',
  '⟨': '\\langle',
  '⟩': '\\rangle',
  '〈': '\\langle',
  '〉': '\\rangle',
  '⌈': '\\lceil',
  '⌉': '\\rceil',
  '⌊': '\\lfloor',
  '⌋': '\\rfloor',
  '…': '\\ldots',
  '⋯': '\\cdots',
  '⋮': '\\vdots',
  '⋱': '\\ddots',
  '′': "'",
  '″': "''",
  '‴': "'''",
  ℝ: '\\mathbb{R}',
  ℕ: '\\mathbb{N}',
  ℤ: '\\mathbb{Z}',
  ℚ: '\\mathbb{Q}',
  ℂ: '\\mathbb{C}',
  '∑': '\\sum',
  '∏': '\\prod',
  '∫': '\\int',
  '∬': '\\iint',
  '∮': '\\oint',
  '√': '\\sqrt',
  ℓ: '\\ell',
  ħ: '\\hbar',
  '°': '^\\circ',
  '∠': '\\angle',
  '△': '\\triangle',
  '□': '\\square',
  '∎': '\\blacksquare',
  // Invisible operators Word inserts between a function name and its argument, or between factors.
  '\u2061': '',
  '\u2062': '',
  '\u2063': ',',
  '\u2064': '+',
  '\u200b': '',
  '\u00a0': ' ',
  '\u2009': '\\,',
  '\u200a': '\\,',
  '\u2005': '\\:',
  '\u2004': '\\;',
  '\u2003': '\\quad',
  '\u2002': '\\ ',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  '%': '\\%',
  $: '\\$',
  '\\': '\\backslash ',
  '~': '\\sim',
  '^': '\\hat{}',
  _: '\\_',
};

/** Word's math letters (𝑥, 𝐱, 𝛼; ℎ is U+210E) as the letters they style. */
function plainLetter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x1d400 && cp <= 0x1d7ff) || cp === 0x210e ? ch.normalize('NFKC') : ch;
}

/** Word's bold math letters (𝐱, 𝒙): a vector or matrix named in bold. */
function isBoldLetter(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x1d400 && cp <= 0x1d433) || (cp >= 0x1d468 && cp <= 0x1d49b);
}

/** One character of an equation as LaTeX; `&` is kept when it aligns columns. */
export function mathChar(ch: string, keepAmpersand = false): string {
  const c = plainLetter(ch);
  if (isBoldLetter(ch)) return `\\mathbf{${c}}`;
  if (c === '&') return keepAmpersand ? '&' : '\\&';
  const greek = GREEK[c];
  if (greek) return `\\${greek}`;
  return SYMBOLS[c] ?? c;
}

/** A run of an equation's text as LaTeX, each character mapped and commands kept apart from letters. */
export function mathText(text: string, keepAmpersand = false): string {
  let out = '';
  for (const ch of text) out = joinLatex(out, mathChar(ch, keepAmpersand));
  return out;
}

/** Word's letters in math italic, as plain text (for `\text{...}` and headings). */
export function plainText(text: string): string {
  let out = '';
  for (const ch of text) out += plainLetter(ch);
  return out;
}

/** Appends `next` to `latex`, with a space where a command name would otherwise swallow a letter (`\cdot` + `x`). */
export function joinLatex(latex: string, next: string): string {
  if (/\\[A-Za-z]+$/.test(latex) && /^[A-Za-z0-9]/.test(next)) return `${latex} ${next}`;
  return latex + next;
}

/** Names LaTeX writes as commands (`\sin`), so the checker reads a function, not a product of letters. */
export const FUNCTION_NAMES = new Set([
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'arcsin',
  'arccos',
  'arctan',
  'sinh',
  'cosh',
  'tanh',
  'coth',
  'log',
  'ln',
  'lg',
  'exp',
  'max',
  'min',
  'sup',
  'inf',
  'lim',
  'liminf',
  'limsup',
  'det',
  'dim',
  'ker',
  'deg',
  'gcd',
  'arg',
  'Pr',
  'hom',
]);
