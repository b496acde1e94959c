/**
 * Glyphs to LaTeX: what a math font's characters mean, for the fonts formulas are typeset in
 * (KaTeX_* in chat exports, Computer Modern and Latin Modern from pdflatex, MathJax, STIX).
 */

/** A font that typesets formulas (every glyph in it is mathematics). */
export function isMathFont(font: string): boolean {
  return /^KaTeX_(?!Typewriter)|^MathJax|^CM(?:MI|SY|EX|BSY|MIB)\d|^LMMath|^(?:rsfs|msam|msbm|eufm|MSAM|MSBM|EUFM)\d*|^STIX(?:Math|TwoMath)|^CambriaMath|^Cambria-Math|^LatinModernMath/i.test(font);
}

/** A font whose text may be either prose or a formula's upright parts (pdflatex's CMR: `=`, digits). */
export function isTexTextFont(font: string): boolean {
  return /^(?:CMR|CMBX|LMRoman|SFRM|CMSS|KaTeX_Main|KaTeX_Size)/i.test(font);
}

/**
 * A letter or two in a bold or sans-serif text font: pdflatex sets `\mathbf{w}` in CMBX and
 * `\mathsf{T}` in CMSS, so such a run is part of a formula when it stands next to one.
 */
export function isStyledSymbol(s: string, font: string): boolean {
  return /^(?:CMBX|CMSS|SFBX|SFSS|LMRoman\d+-Bold|LMSans)/i.test(font) && /^[A-Za-z0-9]{1,2}$/.test(s.trim());
}

/** Monospaced fonts: code. */
export function isMonoFont(font: string): boolean {
  return /mono|courier|consol|menlo|CMTT|LMMono|SFMono|Typewriter|Code|Source ?Code|Fira ?Code/i.test(font);
}

/** Blackboard / calligraphic / fraktur fonts by name. */
function fontStyle(font: string): 'mathbb' | 'mathcal' | 'mathfrak' | 'mathbf' | undefined {
  if (/KaTeX_AMS|msbm/i.test(font)) return 'mathbb';
  if (/KaTeX_Caligraphic|CMSY|KaTeX_Script|rsfs/i.test(font)) return 'mathcal';
  if (/KaTeX_Fraktur|eufm/i.test(font)) return 'mathfrak';
  if (/KaTeX_Main-Bold|KaTeX_Math-BoldItalic|CMBX|CMMIB|CMBSY|SFBX|LMRoman\d+-Bold/i.test(font)) return 'mathbf';
  return undefined;
}

const SYMBOLS: Record<string, string> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ϵ: '\\epsilon',
  ε: '\\varepsilon',
  ζ: '\\zeta',
  η: '\\eta',
  θ: '\\theta',
  ϑ: '\\vartheta',
  ι: '\\iota',
  κ: '\\kappa',
  λ: '\\lambda',
  μ: '\\mu',
  ν: '\\nu',
  ξ: '\\xi',
  π: '\\pi',
  ϖ: '\\varpi',
  ρ: '\\rho',
  ϱ: '\\varrho',
  σ: '\\sigma',
  ς: '\\varsigma',
  τ: '\\tau',
  υ: '\\upsilon',
  ϕ: '\\phi',
  φ: '\\varphi',
  χ: '\\chi',
  ψ: '\\psi',
  ω: '\\omega',
  Γ: '\\Gamma',
  Δ: '\\Delta',
  Θ: '\\Theta',
  Λ: '\\Lambda',
  Ξ: '\\Xi',
  Π: '\\Pi',
  Σ: '\\Sigma',
  Υ: '\\Upsilon',
  Φ: '\\Phi',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  µ: '\\mu',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\ne',
  '×': '\\times',
  '·': '\\cdot',
  '⋅': '\\cdot',
  '∙': '\\cdot',
  '∑': '\\sum',
  '∏': '\\prod',
  '∫': '\\int',
  '∮': '\\oint',
  '∞': '\\infty',
  '∂': '\\partial',
  '∇': '\\nabla',
  '→': '\\to',
  '←': '\\leftarrow',
  '↦': '\\mapsto',
  '⇒': '\\Rightarrow',
  '⟹': '\\implies',
  '⇔': '\\iff',
  '⟺': '\\iff',
  '⟶': '\\longrightarrow',
  '∈': '\\in',
  '∉': '\\notin',
  '∥': '\\|',
  '‖': '\\|',
  '∣': '|',
  '−': '-',
  '–': '-',
  '′': "'",
  '″': "''",
  '∗': '*',
  '⊤': '\\top',
  '⊥': '\\perp',
  '∘': '\\circ',
  '⊙': '\\odot',
  '⊗': '\\otimes',
  '⊕': '\\oplus',
  '≈': '\\approx',
  '∼': '\\sim',
  '≃': '\\simeq',
  '≅': '\\cong',
  '≡': '\\equiv',
  '∝': '\\propto',
  '±': '\\pm',
  '∓': '\\mp',
  '…': '\\ldots',
  '⋯': '\\cdots',
  '⋮': '\\vdots',
  '⋱': '\\ddots',
  '⌊': '\\lfloor',
  '⌋': '\\rfloor',
  '⌈': '\\lceil',
  '⌉': '\\rceil',
  '⟨': '\\langle',
  '⟩': '\\rangle',
  '〈': '\\langle',
  '〉': '\\rangle',
  '∀': '\\forall',
  '∃': '\\exists',
  '∪': '\\cup',
  '∩': '\\cap',
  '⊂': '\\subset',
  '⊆': '\\subseteq',
  '⊃': '\\supset',
  '⊇': '\\supseteq',
  '∅': '\\emptyset',
  '∖': '\\setminus',
  ℝ: '\\mathbb{R}',
  ℕ: '\\mathbb{N}',
  ℤ: '\\mathbb{Z}',
  ℚ: '\\mathbb{Q}',
  ℂ: '\\mathbb{C}',
  𝔼: '\\mathbb{E}',
  ℓ: '\\ell',
  '∆': '\\Delta',
  '√': '\\sqrt',
  '¬': '\\neg',
  '∧': '\\wedge',
  '∨': '\\vee',
  '⊺': '\\top',
  '†': '\\dagger',
  '≪': '\\ll',
  '≫': '\\gg',
  '≜': '\\triangleq',
  '≔': ':=',
  '∠': '\\angle',
  '△': '\\triangle',
  '□': '\\square',
  '∎': '\\blacksquare',
  '⋆': '\\star',
  '★': '\\star',
  '÷': '\\div',
  '∤': '\\nmid',
  '⊘': '\\oslash',
  ı: '\\imath',
  ȷ: '\\jmath',
  ℏ: '\\hbar',
  '⇐': '\\Leftarrow',
  '⟸': '\\Longleftarrow',
  '⟹ ': '\\implies',
  // KaTeX's \not: a slash glyph in its private-use area, set over the relation.
  '\ue020': '\u0338',
  '\u2061': '',
  '\u2062': '',
  '\u200b': '',
  '\u00a0': ' ',
};

/** Words KaTeX and TeX set upright as operators. */
const OPERATORS = new Set([
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
  'log',
  'ln',
  'exp',
  'max',
  'min',
  'sup',
  'inf',
  'lim',
  'limsup',
  'liminf',
  'det',
  'dim',
  'ker',
  'deg',
  'gcd',
  'arg',
  'Pr',
  'tr',
  'mod',
]);

/** Characters (and operator names) that belong to a formula when they stand next to one, in any font. */
export const MATHY = /^(?:(?:log|ln|sin|cos|tan|tanh|sinh|cosh|exp|max|min|det|lim|sup|inf|arg|Pr|tr)(?![a-z])|[\s\d.,;:()[\]{}<>=+\-−*/|!'^_≤≥≠×·⋅…⋯′∣∥‖∆ΓΔΘΛΞΠΣΥΦΨΩ])+$/;

/**
 * TeX's math extension font (CMEX, Latin Modern's) has no Unicode map: pdf.js gives its
 * character codes, which name big delimiters, operators and radicals by position.
 */
const OMX: Record<number, string> = {};
(() => {
  const rows: [number, string][] = [
    [0x00, '()[]⌊⌋⌈⌉{}⟨⟩|‖/\\'],
    [0x10, '()()[]⌊⌋⌈⌉{}⟨⟩/\\'],
    [0x20, '()[]⌊⌋⌈⌉{}⟨⟩/\\/\\'],
    [0x30, '([[])[]{}{}{}|'],
    [0x3f, '|'],
    [0x40, '()()⟨⟩'],
    [0x50, '∑∏∫⋃⋂⨄∧∨∑∏∫⋃⋂⨄∧∨'],
    [0x60, '∐∐'],
    [0x68, '[]⌊⌋⌈⌉{}'],
    [0x70, '√√√√√√'],
  ];
  for (const [start, chars] of rows) [...chars].forEach((c, i) => (OMX[start + i] = c));
  // The tips and middle of \underbrace / \overbrace: decoration, not mathematics.
  Object.assign(OMX, { 122: '', 123: '', 124: '', 125: '' });
  Object.assign(OMX, { 72: '∮', 73: '∮', 74: '⊙', 75: '⊙', 76: '⊕', 77: '⊕', 78: '⊗', 79: '⊗', 98: '^', 99: '^', 100: '^', 101: '~', 102: '~', 103: '~' });
})();

/** A run in TeX's extension font, decoded. */
function decodeOmx(s: string): string {
  return [...s].map((c) => OMX[c.codePointAt(0)!] ?? c).join('');
}

/** LaTeX for one run of glyphs in a math font. */
export function glyphsToLatex(s: string, font: string): string {
  if (/^CMEX|LMMathExtension/i.test(font)) return glyphsToLatex(decodeOmx(s), 'Sym');
  // Upright words in a formula: operators (`\log`), named functions, else text.
  if (/KaTeX_Main|^CMR|LMRoman|MathJax_Main/i.test(font) && /[A-Za-z]{2}/.test(s)) {
    return s
      .split(/([A-Za-z]{2,})/)
      .map((part, i) => {
        if (i % 2 === 0) return part ? glyphsToLatex(part, font.replace(/^KaTeX_Main|^CMR|^LMRoman|^MathJax_Main/i, 'Sym')) : '';
        if (OPERATORS.has(part)) return `\\${part} `;
        if (/^(?:arg(?:min|max)|softmax|diag|sign|Var|Cov|rank|relu|ReLU|erf|Tr)$/.test(part)) return `\\operatorname{${part}} `;
        return `\\text{${part}}`;
      })
      .join('');
  }
  const style = fontStyle(font);
  let out = '';
  for (const ch of s) {
    const sym = SYMBOLS[ch];
    if (sym !== undefined) {
      out += sym && /[a-zA-Z]$/.test(sym) && sym.startsWith('\\') ? `${sym} ` : sym;
      continue;
    }
    if (style && style !== 'mathbf' && /[A-Za-z]/.test(ch)) out += `\\${style}{${ch}}`;
    else if (style === 'mathbf' && /[A-Za-z]/.test(ch)) out += `\\mathbf{${ch}}`;
    else if (ch === '{' || ch === '}' || ch === '%' || ch === '#' || ch === '&') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}
