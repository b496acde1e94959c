/**
 * Bounds on hostile input, checked before and during parsing and evaluation, so that no answer
 * can make a check run for long or use much memory. An answer beyond them is `unparseable` or
 * `undecided` with a reason that names the limit.
 */
export const LIMITS = {
  /** Characters of one extracted answer (a whole response may be longer; extraction scans it). */
  answerChars: 20_000,
  /** Characters of a whole response that extraction will scan. */
  responseChars: 2_000_000,
  /** Bracket nesting depth. */
  nestingDepth: 100,
  /** Tokens of one answer. */
  tokens: 8_000,
  /** Largest n whose n! is computed. */
  factorial: 1_000,
  /** Most terms a `\sum` or `\prod` is expanded to. */
  bigopTerms: 10_000,
  /** Terms all sums and products of one check may evaluate, nested ones included, at every test point. */
  bigopWork: 2_000_000,
  /** Terms a polynomial normal form may hold before the exact stage gives up. */
  polynomialTerms: 2_000,
  /** Milliseconds the CAS stage may take inside a check. */
  casMs: 1_500,
  /** Milliseconds a whole check may take before its worker is terminated. */
  checkMs: 1_500,
} as const;

/** A limit was hit; the message names it in words. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

/** A linear scan that rejects over-long or over-nested input before any parser sees it. */
export function checkInputBounds(text: string, what = 'answer'): void {
  if (text.length > LIMITS.answerChars) {
    throw new LimitError(`the ${what} is ${text.length.toLocaleString('en-US')} characters long; the limit is ${LIMITS.answerChars.toLocaleString('en-US')}`);
  }
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  checkFactorials(text, what);
  if (max > LIMITS.nestingDepth) {
    throw new LimitError(`the ${what} nests brackets ${max} deep; the limit is ${LIMITS.nestingDepth}`);
  }
}

/** Factorials past LIMITS.factorial (`100000!`) are refused before any evaluation. */
export function checkFactorials(text: string, what = 'answer'): void {
  // Most texts have no `!`: the pattern below is not run over them (it tried every digit of every parsed text).
  if (!text.includes('!')) return;
  for (const m of text.matchAll(/(\d+)\s*!/g)) {
    const n = Number(m[1]);
    if (n > LIMITS.factorial) {
      throw new LimitError(`the ${what} asks for ${m[1]}!, past the factorial limit of ${LIMITS.factorial}!`);
    }
  }
}
