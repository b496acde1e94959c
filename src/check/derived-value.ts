import { isProseWord } from './prose.js';

/**
 * `Weights: each filter K×K×C, F of them → K²·C·F`, `**Biases:** one per filter → F biases`: a labelled
 * statement that says in words what it counts and then, after an arrow, the count itself. Read whole,
 * the words make it prose and no formula is found in it, so the answer is looked for elsewhere (another
 * answer's formula is taken for it). The arrow concludes: the value is what follows the last one.
 *
 * Only an arrow that follows a word of prose, or a formula in `$...$` right after one (`filters of size
 * $K×K×C$ → $K^2CF$`), counts: `x → x²` (a map) and `6×6×3 → 2×2×3` (a shape before and after a layer)
 * are formulas, and stay whole.
 */

/** An arrow of conclusion between a word and a formula, with the spaces around it. */
const ARROW = /\s+(?:→|⟶|⇒|⟹|->|=>|\\to|\\rightarrow|\\Rightarrow|\\implies)\s+/g;

/** The last word before a place in a text, its punctuation off (`them,` → `them`). */
function wordBefore(text: string, at: number): string {
  return (/(\S+)\s*$/.exec(text.slice(0, at))?.[1] ?? '').replace(/[,.;:!?)\]"'’”*_]+$/, '');
}

/**
 * The value a statement derives in words and concludes after an arrow (`each filter K×K×C, F of them
 * → K²·C·F` → `K²·C·F`), without the noun it counts when that is the answer's own name (`F biases` →
 * `F` for `biases`); undefined when the statement has no such arrow or nothing of a formula after it.
 */
export function derivedValue(said: string, name?: string): string | undefined {
  // (Most statements have no arrow: one cheap test decides them.)
  if (!/→|⟶|⇒|⟹|->|=>|\\to\b|\\rightarrow|\\Rightarrow|\\implies/.test(said)) return undefined;
  let last: RegExpExecArray | undefined;
  for (const m of said.matchAll(ARROW)) last = m as RegExpExecArray;
  if (!last) return undefined;
  // (`filters of size $K\times K\times C$ → $K^2CF$`: a formula the words lead into, set in its
  // delimiters, stands between them and the arrow; the words still conclude with it.)
  const before = said.slice(0, last.index);
  const led = /\$[^$\n]+\$\s*$/.exec(before);
  if (!isProseWord(wordBefore(said, last.index)) && !(led && isProseWord(wordBefore(before, led.index)))) return undefined;
  let value = said.slice(last.index + last[0].length).trim();
  // `K·K·C·F = K²CF weights`: the noun after the count names what is counted, the answer itself.
  const noun = name && /^[A-Za-z]{3,}$/.test(name) ? new RegExp(String.raw`\s+(?:${name.replace(/s$/i, '')}s?)[.;,]?\s*$`, 'i') : undefined;
  if (noun) value = value.replace(noun, '');
  value = value.replace(/[.;,]\s*$/, '').trim();
  // What follows is a formula: no word of prose in it (`F biases` for another name, `grows with K` are words).
  if (!value || value.split(/\s+/).some((t) => isProseWord(t.replace(/[()[\]{}$*_.,;:]/g, '')))) return undefined;
  return value;
}
