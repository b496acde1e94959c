/**
 * Whether a text is words rather than a formula. Read as mathematics, a sentence is a product of
 * single letters (`Evaluate y with no padding` as E·v·a·l·u·a·t·e·y·…), and is graded as an answer
 * that invents symbols; it is no formula at all. Two words of prose are enough to say so: a word
 * being three or more letters, lower case after the first, that is no function's name, no Greek
 * letter's and no symbol the question declares.
 */

const FUNCTION_NAMES = /^(?:sqrt|log|ln|exp|sin|cos|tan|sinh|cosh|tanh|max|min|var|cov|floor|ceil|sign|sgn|sum|prod|rms|det|tr|rank|argmax|argmin|softmax|relu|diag|mod|lim|sup|inf|erf)$/i;
const GREEK_NAMES = /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega)$/i;
/** Words LaTeX sets as text, and commands: neither is a product of letters. */
const TEXT_COMMANDS = /\\(?:text|textbf|textit|textrm|mathrm|operatorname|mbox)\s*\{[^{}]*\}|\\[A-Za-z]+/g;
const WORD = /^\p{L}\p{Ll}{2,}$/u;

export function readsAsProse(text: string, declared: Iterable<string> = []): boolean {
  // (Most answers have no run of three letters outside commands: one cheap test decides them.)
  if (!/\p{L}\p{Ll}{2}/u.test(text)) return false;
  // Words before a colon label what follows it (`Two products (WWᵀ, then ...): T ≈ 2c·d_out²·d_in`):
  // the statement after the last colon is what must not be prose.
  const colon = text.search(/:\s[^:]*$/);
  const plain = (colon >= 0 ? text.slice(colon + 1) : text).replace(TEXT_COMMANDS, ' ');
  const names = new Set(declared);
  let words = 0;
  for (const token of plain.split(/\s+/)) {
    const t = token.replace(/^[("'“‘]+|[)"'”’,.;:!?]+$/g, '');
    if (WORD.test(t) && !FUNCTION_NAMES.test(t) && !GREEK_NAMES.test(t) && !names.has(t) && ++words >= 2) return true;
  }
  return false;
}
