/**
 * Glyphs to LaTeX: what a math font's characters mean, for the fonts formulas are typeset in
 * (KaTeX_* and MathJax_* in chat exports, Computer Modern and Latin Modern from pdflatex, MathJax, STIX).
 */
import { OPERATOR_NAMES } from '../../math/latex/names.js';

/** A font that typesets formulas (every glyph in it is mathematics). */
export function isMathFont(font: string): boolean {
  return /^(?:KaTeX|MathJax)_(?!Typewriter)|^CM(?:MI|SY|EX|BSY|MIB)\d|^LMMath|^(?:rsfs|msam|msbm|eufm|MSAM|MSBM|EUFM)\d*|^STIX(?:Math|TwoMath)|^CambriaMath|^Cambria-Math|^LatinModernMath/i.test(font);
}

/** A font whose text may be either prose or a formula's upright parts (pdflatex's CMR: `=`, digits). */
export function isTexTextFont(font: string): boolean {
  return /^(?:CMR|CMBX|LMRoman|SFRM|CMSS|KaTeX_Main|KaTeX_Size|MathJax_Main|MathJax_Size)/i.test(font);
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
  if (/(?:KaTeX|MathJax)_AMS|msbm/i.test(font)) return 'mathbb';
  if (/(?:KaTeX|MathJax)_(?:Caligraphic|Script)|CMSY|rsfs/i.test(font)) return 'mathcal';
  if (/(?:KaTeX|MathJax)_Fraktur|eufm/i.test(font)) return 'mathfrak';
  if (/(?:KaTeX|MathJax)_(?:Main-Bold|Math-BoldItalic)|CMBX|CMMIB|CMBSY|SFBX|LMRoman\d+-Bold/i.test(font)) return 'mathbf';
  return undefined;
}

/** Unicode characters of typeset mathematics as the LaTeX that writes them (Greek, operators, relations, arrows, sets). */
export const SYMBOLS: Record<string, string> = {
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

const TEX_EXTENSION = /^CMEX|LMMathExtension/i;

/**
 * The extension font's characters a ToUnicode map names (Latin Modern's, and pdfTeX's with
 * glyphtounicode): each with the codes of its sizes, smallest first, and their advance widths
 * (em, cmex10's and Latin Modern's alike). Unicode names a bracket but not its size, which the
 * width gives; bracket pieces and wide accents have one code each.
 */
const OMX_OF: Record<string, [number, number][]> = {};
(() => {
  const sized: [string, number[], number[]][] = [
    ['(', [0x00, 0x10, 0x12, 0x20], [0.458, 0.597, 0.736, 0.792]],
    [')', [0x01, 0x11, 0x13, 0x21], [0.458, 0.597, 0.736, 0.792]],
    ['[', [0x02, 0x68, 0x14, 0x22], [0.417, 0.472, 0.528, 0.583]],
    [']', [0x03, 0x69, 0x15, 0x23], [0.417, 0.472, 0.528, 0.583]],
    ['⌊', [0x04, 0x6a, 0x16, 0x24], [0.472, 0.528, 0.583, 0.639]],
    ['⌋', [0x05, 0x6b, 0x17, 0x25], [0.472, 0.528, 0.583, 0.639]],
    ['⌈', [0x06, 0x6c, 0x18, 0x26], [0.472, 0.528, 0.583, 0.639]],
    ['⌉', [0x07, 0x6d, 0x19, 0x27], [0.472, 0.528, 0.583, 0.639]],
    ['{', [0x08, 0x6e, 0x1a, 0x28], [0.583, 0.667, 0.75, 0.806]],
    ['}', [0x09, 0x6f, 0x1b, 0x29], [0.583, 0.667, 0.75, 0.806]],
    ['⟨', [0x0a, 0x44, 0x1c, 0x2a], [0.472, 0.556, 0.639, 0.806]],
    ['⟩', [0x0b, 0x45, 0x1d, 0x2b], [0.472, 0.556, 0.639, 0.806]],
    ['/', [0x0e, 0x2e, 0x1e, 0x2c], [0.578, 0.811, 1.044, 1.278]],
    ['\\', [0x0f, 0x2f, 0x1f, 0x2d], [0.578, 0.811, 1.044, 1.278]],
    ['∑', [0x50, 0x58], [1.056, 1.444]],
    ['∏', [0x51, 0x59], [0.944, 1.278]],
    ['∐', [0x60, 0x61], [0.944, 1.278]],
  ];
  for (const [c, codes, widths] of sized) OMX_OF[c] = codes.map((code, i) => [code, widths[i]!]);
  const one: [string, number][] = [
    ['|', 0x0c],
    ['∣', 0x0c],
    ['‖', 0x0d],
    ['∥', 0x0d],
    ['〈', 0x0a],
    ['〉', 0x0b],
    ['<', 0x0a],
    ['>', 0x0b],
    ['ˆ', 0x62],
    ['^', 0x62],
    ['˜', 0x65],
    ['~', 0x65],
    ['⎛', 0x30],
    ['⎞', 0x31],
    ['⎡', 0x32],
    ['⎤', 0x33],
    ['⎣', 0x34],
    ['⎦', 0x35],
    ['⎢', 0x36],
    ['⎥', 0x37],
    ['⎧', 0x38],
    ['⎫', 0x39],
    ['⎩', 0x3a],
    ['⎭', 0x3b],
    ['⎨', 0x3c],
    ['⎬', 0x3d],
    ['⎪', 0x3e],
    ['⎝', 0x40],
    ['⎠', 0x41],
    ['⎜', 0x42],
    ['⎟', 0x43],
  ];
  for (const [c, code] of one) OMX_OF[c] = [[code, 0]];
})();

/** What a ToUnicode map gives for the extension font and its codes never are: the brackets alone, or anything beyond ASCII. */
const MAPPED_ONLY = /^[()[\]{}|/\\<>^~]+$/;

/**
 * The extension font's runs as its codes, whichever way the PDF names them. Without a ToUnicode
 * map pdf.js gives the codes (`h` for `\Big[`, `X` for a display `\sum`), which name delimiters
 * and operators by position; with one it gives Unicode (`[`, `∑`), which read by position would
 * be other glyphs (`[` is a display `\bigcup`'s code). A font is mapped when pdf.js says it has
 * a ToUnicode map (`Glyphs.unicode`); failing that, when one of its characters on the page is
 * beyond ASCII, or all are brackets. Its characters are then turned back into codes, each
 * bracket's size told by its width.
 */
export function extensionCodes<G extends { s: string; w: number; size: number; font: string; unicode?: boolean }>(glyphs: G[]): G[] {
  const byFont = new Map<string, string>();
  const known = new Map<string, boolean>();
  for (const g of glyphs)
    if (TEX_EXTENSION.test(g.font)) {
      byFont.set(g.font, (byFont.get(g.font) ?? '') + g.s.replace(/\s/g, ''));
      if (g.unicode !== undefined) known.set(g.font, g.unicode);
    }
  // pdf.js's word on the font's ToUnicode map, when it gave one; else what its characters suggest.
  const mapped = new Set([...byFont].filter(([f, s]) => known.get(f) ?? (/[^\x00-\x7f]/.test(s) || MAPPED_ONLY.test(s))).map(([f]) => f));
  if (!mapped.size) return glyphs;
  return glyphs.map((g) => {
    if (!mapped.has(g.font)) return g;
    const chars = [...g.s.replace(/\s/g, '')];
    const em = g.w / Math.max(1, chars.length) / g.size;
    const s = chars
      .map((c) => {
        const sizes = OMX_OF[c];
        if (!sizes) return /[\x00-\x7f]/.test(c) ? '' : c;
        const [code] = sizes.reduce((a, b) => (Math.abs(b[1] - em) < Math.abs(a[1] - em) ? b : a));
        return String.fromCodePoint(code);
      })
      .join('');
    return { ...g, s };
  });
}

/** A run in TeX's extension font, decoded. */
function decodeOmx(s: string): string {
  return [...s].map((c) => OMX[c.codePointAt(0)!] ?? c).join('');
}

/** LaTeX for one run of glyphs in a math font. */
export function glyphsToLatex(s: string, font: string): string {
  if (TEX_EXTENSION.test(font)) return glyphsToLatex(decodeOmx(s), 'Sym');
  // Upright words in a formula: operators (`\log`), named functions, else text.
  if (/KaTeX_Main|^CMR|LMRoman|MathJax_Main/i.test(font) && /[A-Za-z]{2}/.test(s)) {
    return s
      .split(/([A-Za-z]{2,}(?:(?: +\(?|\) +\(?)[A-Za-z]{2,})*\)?)/)
      .map((part, i) => {
        if (i % 2 === 0) return part ? glyphsToLatex(part, font.replace(/^KaTeX_Main|^CMR|^LMRoman|^MathJax_Main/i, 'Sym')) : '';
        const words = part.match(/[A-Za-z]+/g)!;
        const open = (part.match(/\(/g) ?? []).length - (part.match(/\)/g) ?? []).length;
        // Words spaced as a sentence's (`\text{ pixels (per side)}`) are one phrase of text, its
        // brackets the phrase's: read word by word, the bracket was a factor of the formula.
        if (words.length > 1 && open === 0 && !words.some((w) => OPERATOR_NAMES.has(w))) return `\\text{${part}}`;
        if (words.length > 1 || /\)$/.test(part)) {
          const tail = part.slice(words[0]!.length);
          return glyphsToLatex(words[0]!, font) + (tail ? glyphsToLatex(tail, font) : '');
        }
        if (OPERATOR_NAMES.has(part)) return `\\${part} `;
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
