/**
 * Whether a text is words rather than a formula. Read as mathematics, a sentence is a product of
 * single letters (`Evaluate y with no padding` as E·v·a·l·u·a·t·e·y·…), and is graded as an answer
 * that invents symbols; it is no formula at all. Two words of prose (`isProseWord`) that are no
 * symbol the question declares are enough to say so.
 */

/** Functions' names a formula typed as plain text may use: words, but none of prose. */
const FUNCTION_NAMES = /^(?:sqrt|log|ln|exp|sin|cos|tan|sinh|cosh|tanh|max|min|var|cov|floor|ceil|sign|sgn|sum|prod|rms|det|tr|rank|argmax|argmin|softmax|relu|diag|mod|lim|sup|inf|erf)$/i;
/** Words LaTeX sets as text, and commands: neither is a product of letters. */
const TEXT_COMMANDS = /\\(?:text|textbf|textit|textrm|mathrm|operatorname|mbox)\s*\{[^{}]*\}|\\[A-Za-z]+/g;

/**
 * Han, Kana and Hangul with the ideographic punctuation and marks written among them (`。`, `、`, `「」`,
 * `・`, `ー`): the letters of Chinese, Japanese and Korean words, never a formula's symbols (`高さ` is
 * "height", not a product of two unknowns), and so a run of them ends a formula as an English word does.
 */
export const CJK_LETTERS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u30fb\u30fc`;
/** One letter of CJK_LETTERS. */
export const CJK_LETTER = new RegExp(`[${CJK_LETTERS}]`, 'u');

/**
 * A word of prose: three letters or more, lower case after the first (`Proprietà`, `Größe`: accented
 * letters are a word's too), no Greek letter and no function's name; or any word with a Chinese,
 * Japanese or Korean letter in it (`高さ`, `gradient에`), scripts with no case and words of one or two
 * letters; or any word in Cyrillic (`на`, `в`, `слоя`), a script no formula names its symbols in, whose
 * prepositions are words of one or two letters. (A Greek letter's name spelled out, `alpha`, is one here: a plain-text formula's reader
 * counts it as words, see extract.ts.)
 */
export function isProseWord(word: string): boolean {
  return (/^\p{L}\p{Ll}{2,}$/u.test(word) && !/[\u0370-\u03ff]/u.test(word) && !FUNCTION_NAMES.test(word)) || CJK_LETTER.test(word) || CYRILLIC_WORD.test(word);
}

/** A word of Cyrillic letters alone (a formula's `d_in` beside it is no part of it). */
const CYRILLIC_WORD = /^[([]*[\u0400-\u04ff]+[)\],.;:!?]*$/u;

/** Greek letters' names, written out in plain text (`alpha`, `sigma`). */
export const GREEK_NAME = /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega)$/i;

/** Whether a text is words rather than a formula: two words of prose not among the question's declared symbols. */
export function readsAsProse(text: string, declared: Iterable<string> = []): boolean {
  // (Most answers have no run of three letters outside commands: one cheap test decides them.)
  if (!/\p{L}\p{Ll}{2}/u.test(text) && !CJK_LETTER.test(text)) return false;
  // Words before a colon label what follows it (`Two products (WWᵀ, then ...): T ≈ 2c·d_out²·d_in`):
  // the statement after the last colon is what must not be prose.
  const colon = text.search(/:\s[^:]*$/);
  const plain = (colon >= 0 ? text.slice(colon + 1) : text).replace(TEXT_COMMANDS, ' ');
  const names = new Set(declared);
  let words = 0;
  for (const token of plain.split(/\s+/)) {
    const t = token.replace(/^[("'“‘]+|[)"'”’,.;:!?]+$/g, '');
    if (isProseWord(t) && !GREEK_NAME.test(t) && !names.has(t) && ++words >= 2) return true;
  }
  return false;
}
