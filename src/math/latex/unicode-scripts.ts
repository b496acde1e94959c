/**
 * Unicode's raised and lowered characters: how phones, chat apps, blogs and converters of handwriting
 * write exponents and indices with no markup (`2⁷⁻ⁿ`, `σₓ²`, `x₍ᵢ₊ₕ₋₁₎`, `wₕ,ₗ`, `Wᵀ`). A run of them is
 * one superscript or subscript, as `^{7-n}` and `_{h,l}` write it.
 */

/** Raised characters by the character they raise (there is no raised q; `ᵀ` is the transpose's T). */
export const RAISED: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'].map((c, k) => [c, 'abcdefghijklmnoprstuvwxyz'[k]!] as const)),
  ...Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, k) => [c, String(k)] as const)),
  '⁺': '+',
  '⁻': '-',
  '⁼': '=',
  '⁽': '(',
  '⁾': ')',
  ᵀ: 'T',
};

/** Lowered characters by the character they lower (Unicode lowers only some letters). */
export const LOWERED: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'ₐₑₒₓₕₖₗₘₙₚₛₜᵢᵣᵤᵥⱼ'].map((c, k) => [c, 'aeoxhklmnpstiruvj'[k]!] as const)),
  ...Object.fromEntries([...'₀₁₂₃₄₅₆₇₈₉'].map((c, k) => [c, String(k)] as const)),
  '₊': '+',
  '₋': '-',
  '₌': '=',
  '₍': '(',
  '₎': ')',
};

/** A run of raised or lowered characters: which script it is, what it writes, and where it ends. */
export interface ScriptRun {
  script: '^' | '_';
  text: string;
  end: number;
}

/**
 * The run of raised (or lowered) characters that starts at `i`, as the plain characters it stands
 * for; undefined when none starts there. A comma joins two lowered characters (`wₕ,ₗ` is `w_{h,l}`),
 * never two raised ones or a lowered one and a space (`x₁, x₂` is a list).
 */
export function scriptRunAt(src: string, i: number): ScriptRun | undefined {
  const table = RAISED[src[i]!] !== undefined ? RAISED : LOWERED[src[i]!] !== undefined ? LOWERED : undefined;
  if (!table) return undefined;
  let text = '';
  let k = i;
  for (; k < src.length; k++) {
    const c = src[k]!;
    const plain = table[c];
    if (plain !== undefined) text += plain;
    else if (c === ',' && table === LOWERED && LOWERED[src[k + 1] ?? ''] !== undefined) text += ',';
    else break;
  }
  return { script: table === RAISED ? '^' : '_', text, end: k };
}

/**
 * Whether the character at `i` is a lowered letter that names an index (`ᵢ` of `Σᵢ`, `ⱼ`, `ₖ`, ...): on
 * a capital sigma it makes a sum. Another (`Σₓ`) leaves a matrix's name, as `Σ_{x}` does.
 */
export function isLoweredIndex(src: string, i: number): boolean {
  return /^[ijklmn]$/.test(LOWERED[src[i] ?? ''] ?? '');
}

/** Any lowered character (a cheap test before looking for runs). */
const ANY_LOWERED = /[ₐₑₒₓₕ-ₜᵢ-ᵥⱼ₀-₉₊₋₌₍₎]/;

/** A text with each run of lowered characters written as the subscript it is (`dwₕ,ₗ` → `dw_{h,l}`, `g₃` → `g_{3}`). */
export function loweredAsSubscripts(text: string): string {
  if (!ANY_LOWERED.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; ) {
    const run = LOWERED[text[i]!] !== undefined ? scriptRunAt(text, i) : undefined;
    if (run) {
      out += `_{${run.text}}`;
      i = run.end;
    } else out += text[i++];
  }
  return out;
}
