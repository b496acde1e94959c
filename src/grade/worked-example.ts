import { nameKey } from '../check/find-answer.js';
import type { Candidate } from '../check/extract.js';

/** `d_{out}`, `n_in`, `\alpha`, `K`: the names a LaTeX formula uses, as `nameKey` writes them. */
function namesIn(latex: string): Set<string> {
  const out = new Set<string>();
  const stripped = latex.replace(/\\(?:frac|sqrt|left|right|cdot|times|lfloor|rfloor|lceil|rceil|mathrm|text|operatorname|begin|end|le|ge|leq|geq)\b/g, ' ');
  for (const m of stripped.matchAll(/\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?/g)) out.add(nameKey(m[0]));
  return out;
}

/** The names the key's answers use (`keyValues`), read once per part for `isWorkedExample`. */
export function keySymbolNames(keyValues: readonly string[]): Set<string> {
  return new Set(keyValues.flatMap((v) => [...namesIn(v)]));
}

/**
 * A value with no symbol in it, perhaps after a name and a relation: `\alpha \approx 32`, `0.044`,
 * `\alpha \le 1/32`, `\|\Delta W\|_2 \le 64`, `9 \times 9`. The name holds no relation of its own: `2 - 2^{-n}, n \ge 0, 0, n < 0`
 * (cases stated one after another) is a formula, whatever its last case's value.
 */
const NUMBER_ONLY =
  /^\s*(?:(?:(?!\\[lg]eq?(?![A-Za-z]))[^=<>≈≤≥]){1,30}?(?:=|\\approx|≈|\\sim|\\leq?|\\geq?|≤|≥|<|>)\s*)?[-+]?(?:\d[\d,]*(?:\.\d+)?|\\frac\{\d+\}\{\d+\})(?:\s*(?:\/|\\times|×|\\cdot)\s*(?:\d+(?:\.\d+)?|\\frac\{\d+\}\{\d+\}))*\s*(?:\\%|%)?\s*$/;

/** NUMBER_ONLY, tested only on a text that ends as a number does (a digit or a fraction's brace, perhaps a percent): most candidates do not, and the pattern tries each of its name's lengths. */
function numberOnly(text: string): boolean {
  return /[\d}]\s*(?:\\?%)?\s*$/.test(text) && NUMBER_ONLY.test(text);
}

/** `d_{in} = 1024`, `K = 3`: a name set to a number, as a worked example's premise states it. */
const PREMISE = /(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*=\s*\d[\d,]*(?:\.\d+)?(?![\d.]*\s*[A-Za-z\\])/g;

/** Whether `text` gives one of the key's symbols a number (`take $d_{in} = 1024$`). */
function setsSymbol(text: string, symbols: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(PREMISE)) if (symbols.has(nameKey(m[1]!))) return true;
  return false;
}

/**
 * Whether a candidate is a value worked out for an example (`for $d_{out} = 1024$ that is
 * $\alpha \approx 32$`) rather than the answer: a value with no symbol, after the response gives
 * one of the key's symbols a number (in the candidate's sentence, or once before it for the whole
 * reply: "take $d_{in} = 1024$ and $d_{out} = 4096$"). Such a number illustrates a symbolic
 * answer; graded as the answer, a right general answer would be marked wrong. So is the example's
 * premise, one of the key's symbols set to a number (`d_{out} = 1024`). A number when the key's
 * answer is a number is never an example (the key has no symbol to give a value to). `symbols` is
 * `keySymbolNames` of the key's answers.
 */
export function isWorkedExample(candidate: Candidate, text: string, symbols: ReadonlySet<string>): boolean {
  if (!symbols.size || !numberOnly(candidate.text)) return false;
  // `d_{out} = 1024` gives one of the answer's own symbols a value: the example's premise.
  const given = /^\s*([^=<>≈]{1,30}?)\s*=/.exec(candidate.text)?.[1];
  if (given && symbols.has(nameKey(given))) return true;
  const at = candidate.at ?? text.lastIndexOf(candidate.text);
  return at >= 0 && setsSymbol(text.slice(0, at), symbols);
}

/** Whether a candidate is a value with no symbol (`64`, `\alpha \le 1/32`, `9 \times 9`). */
export function isNumberOnly(candidate: string): boolean {
  return numberOnly(candidate);
}

/**
 * `\alpha = \sqrt{d_{out}} = 64`: the chain cut before the value it works out for an example
 * (`\alpha = \sqrt{d_{out}}`), so the general answer is graded; else undefined. Only a last side
 * with no symbol after a side with one of the key's symbols: such a number cannot be the key's
 * symbolic answer, and the side before it is the answer the response states in general.
 */
export function withoutWorkedValue(sides: string[], symbols: ReadonlySet<string>): string | undefined {
  if (!symbols.size || sides.length < 3 || !numberOnly(sides[sides.length - 1]!)) return undefined;
  const general = sides.slice(0, -1);
  return general.slice(1).some((s) => [...namesIn(s)].some((n) => symbols.has(n))) ? general.join(' = ') : undefined;
}
