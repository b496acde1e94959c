import { boundSide } from '../check/extract.js';
import { allMatches } from '../math/all-matches.js';

/**
 * The quantity a part asks for (`\alpha`, `\|\Delta W\|_2`, the left sides of the key's answer and
 * its accepted forms), against the readings of a response's formulas: a value written in that very
 * quantity, or a bound on an expression of it, is a step of the working that leads to the answer,
 * never the answer's value.
 */

/**
 * A formula as compared here: braces and spaces left out (`\|\Delta W\|_{2}` is `\|\Delta W\|_2`),
 * except the space that ends a command before a letter (`\alpha U` is not `\alphaU`).
 */
function compact(latex: string): string {
  return latex
    .replace(/[{}]/g, '')
    .replace(/(\\[A-Za-z]+)\s+(?=[A-Za-z])/g, '$1·')
    .replace(/\s+/g, '');
}

/** Whether `text` mentions `quantity` as a whole name: `\alpha` in `c\alpha`, not in `\alphabet`; `W` in `\|W\|`, not in `W_1`. */
function mentions(text: string, quantity: string): boolean {
  const q = compact(quantity);
  if (!q) return false;
  const t = compact(text);
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
    const before = t[i - 1] ?? '';
    const after = t[i + q.length] ?? '';
    // A name ends where no letter, digit, script or index carries it on; a command's letters belong to it.
    const startsName = !/[A-Za-z\\]/.test(before) || /^[\\|]/.test(q);
    // (A power is the name raised: `c^2 d_{in}` is written in `c`; `W^T` is another matrix's name.)
    const raised = after === '^' && /^\^\{?-?\d/.test(t.slice(i + q.length));
    const endsName = raised || !(/[A-Za-z0-9_^[']/.test(after) || (/[A-Za-z]$/.test(q) && /[A-Za-z]/.test(after)));
    if (startsName && endsName) return true;
  }
  return false;
}

/** The relation signs a value comes after (`=`, `\le`, `≤`, `<`, ...). */
const RELATION = /\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])|[=≤≥<>]/g;

/** What a formula says its last side is: the text after its last relation sign, or all of it. */
function valueOf(latex: string): string {
  let end = -1;
  for (const m of allMatches(RELATION, latex)) end = m.index! + m[0].length;
  return end < 0 ? latex : latex.slice(end);
}

/**
 * Whether the key's own answers are written in the quantity they give (`w_{h,l} \leftarrow w_{h,l} - \eta\, dw_{h,l}`,
 * an update rule): then a response's value in it is an answer like the key's, not a step of the working.
 */
export function keyWritesInItself(values: readonly string[], quantities: readonly string[]): boolean {
  return values.some((v) => quantities.some((q) => mentions(valueOf(v.replace(/\\leftarrow|:=|←/g, '=')), q)));
}

/**
 * `c\sqrt{d_{in}}\|\Delta W\|_2/\sqrt{d_{out}}` where the part asks for the bound on `\|\Delta W\|_2`: a
 * value written in the quantity it is meant to give is no value of it.
 */
export function writtenInAsked(reading: string, quantities: readonly string[]): boolean {
  if (!quantities.length) return false;
  const value = valueOf(reading.replace(/\\leftarrow|:=|←/g, '='));
  return quantities.some((q) => mentions(value, q));
}

/**
 * `\|\Delta W\|_2 \le \sqrt{d_{out}}` → `\sqrt{d_{out}}` (`boundSide`), unless the bounded side is an
 * expression of the asked quantity rather than the quantity itself: `\|c\,\alpha\, U V^T\|_2 \le \sqrt{d_{out}}`
 * bounds the update `\alpha` scales, and its bound is no value of `\alpha`.
 */
export function boundOfAsked(latex: string, quantities: readonly string[]): string[] {
  const bound = boundSide(latex);
  if (!bound.length || !quantities.length) return bound;
  const m = /^([\s\S]*?)(?:\\leq?|\\geq?|≤|≥|<|>)(?![a-z])/.exec(latex);
  const bounded = m?.[1]?.trim() ?? '';
  if (!bounded || quantities.some((q) => compact(q) === compact(bounded))) return bound;
  return quantities.some((q) => mentions(bounded, q)) ? [] : bound;
}
