import type { AnswerSpec } from '../model/answer-spec.js';
import { sides } from '../check/extract.js';
import { leftSide } from '../check/find-answer.js';

/** A bound's relation sign at the top of its text, as LaTeX or Unicode writes it. */
const BOUND_SIGN = /^\s*(?:\\leq?|\\geq?|≤|≥|<|>)(?![A-Za-z])/;

/** `\alpha`, `\alpha ` and `{\alpha}` are one quantity: spacing and braces set aside. */
function quantityKey(s: string): string {
  return s.replace(/\\[,;:! ]|[\s{}]/g, '');
}

/**
 * The bounds a key marks as answered by their boundary (`\alpha \le \sqrt{d_{out}}` with
 * `boundary: true`): the quantity each bounds and its sign, as written.
 */
function boundaryBounds(specs: readonly AnswerSpec[]): { quantity: string; sign: string }[] {
  const out: { quantity: string; sign: string }[] = [];
  for (const s of specs) {
    if (s.type !== 'relation' || !s.boundary || !s.value) continue;
    const quantity = leftSide(s.value);
    const sign = quantity === undefined ? undefined : BOUND_SIGN.exec(s.value.slice(s.value.indexOf(quantity) + quantity.length))?.[0].trim();
    if (quantity && sign) out.push({ quantity: quantityKey(quantity), sign });
  }
  return out;
}

/**
 * A partial or convention answer the key writes as an equation (`\alpha = \sqrt{d_{out} d_{in}}`),
 * as the bound whose boundary it is, where the key takes a bound on the same quantity by its
 * boundary (`\alpha \le \sqrt{d_{out}}`, `boundary: true`): a response that states the bound
 * (`α ≤ √(d_in d_out)`) earns what the equation earns, as the right bound earns what the right
 * equation does. The sign is the key's: a bound the other way earns nothing from it.
 */
export function asKeyBounds(credited: AnswerSpec, keyForms: readonly AnswerSpec[]): AnswerSpec[] {
  if (!credited.value || (credited.type && credited.type !== 'equation') || !credited.value.includes('=')) return [];
  const bounds = boundaryBounds(keyForms);
  if (!bounds.length) return [];
  const s = sides(credited.value);
  if (s.length !== 2 || BOUND_SIGN.test(s[1]!) || /\\[lg]eq?(?![A-Za-z])|[≤≥<>]/.test(credited.value)) return [];
  const quantity = quantityKey(s[0]!);
  return bounds.filter((b) => b.quantity === quantity).map((b) => ({ ...credited, type: 'relation' as const, value: `${s[0]} ${b.sign} ${s[1]}`, boundary: true }));
}
