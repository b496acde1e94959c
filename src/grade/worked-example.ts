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

/** A bare number, perhaps after a name and `=` / `\approx` (`\alpha \approx 32`, `0.044`). */
const NUMBER_ONLY = /^\s*(?:[^=<>≈]{1,30}?(?:=|\\approx|≈|\\sim)\s*)?[-+]?\d[\d,]*(?:\.\d+)?\s*(?:\\%|%)?\s*$/;

/**
 * Whether a candidate is a value worked out for an example (`for $d_{out} = 1024$ that is
 * $\alpha \approx 32$`) rather than the answer: a bare number, in the sentence where the response
 * gives one of the key's symbols a value. Such a number illustrates a symbolic answer; graded as
 * the answer, a right general answer would be marked wrong. So is the example's premise, one of the
 * key's symbols set to a number (`d_{out} = 1024`). A number when the key's answer is a
 * number is never an example (the key has no symbol to give a value to). `symbols` is
 * `keySymbolNames` of the key's answers.
 */
export function isWorkedExample(candidate: Candidate, text: string, symbols: ReadonlySet<string>): boolean {
  if (!symbols.size || !NUMBER_ONLY.test(candidate.text)) return false;
  // `d_{out} = 1024` gives one of the answer's own symbols a value: the example's premise.
  const given = /^\s*([^=<>≈]{1,30}?)\s*=/.exec(candidate.text)?.[1];
  if (given && symbols.has(nameKey(given))) return true;
  const at = candidate.at ?? text.lastIndexOf(candidate.text);
  if (at < 0) return false;
  // The sentence the number closes: back to the previous full stop or paragraph.
  const before = text.slice(Math.max(0, at - 240), at);
  const stop = /[.!?]\s+(?=[^.!?]*$)/.exec(before);
  const sentence = before.slice(Math.max(before.lastIndexOf('\n\n') + 1, stop ? stop.index + 1 : 0));
  for (const m of sentence.matchAll(/(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*=\s*\d[\d,]*(?:\.\d+)?(?![\d.]*\s*[A-Za-z\\])/g)) {
    if (symbols.has(nameKey(m[1]!))) return true;
  }
  return false;
}
