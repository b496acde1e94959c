import type { Key } from '../model/key.js';
import { checkAnswer } from '../check/check.js';
import { symbolsFor } from '../documents/key.js';

// A key that accepts, in one part, its answer with the floors left out (the pooling shape
// `(\frac{W-K}{S} + 1) \times ...` beside `(\lfloor \frac{W-K}{S} \rfloor + 1) \times ...`) says the
// floor is a refinement it does not insist on: a TA reads the same leniency into the key's other
// sizes (the convolution's shape written without floors), though the key's author wrote the accept
// only where they first met it. A key that accepts no floor-free form anywhere keeps every floor.

const KEYS = new WeakMap<Key, boolean>();

/** A formula with its floors as plain brackets: `\left\lfloor x \right\rfloor + 1` → `\left( x \right) + 1`. */
export function withoutFloors(latex: string): string {
  return latex
    .replace(/\\left\s*\\lfloor/g, '\\left(')
    .replace(/\\right\s*\\rfloor/g, '\\right)')
    .replace(/\\lfloor/g, '(')
    .replace(/\\rfloor/g, ')');
}

/** Whether some part of the key accepts its answer with the floors left out. */
export function floorsOptional(key: Key): boolean {
  const known = KEYS.get(key);
  if (known !== undefined) return known;
  let optional = false;
  for (const p of key.parts) {
    for (const a of p.answers) {
      const value = a.spec.value;
      if (!value?.includes('\\lfloor')) continue;
      const floorFree = withoutFloors(value);
      if (p.accept.some((acc) => acc.value && !acc.value.includes('\\lfloor') && checkAnswer(acc, floorFree, { symbols: symbolsFor(key, p) }).verdict === 'correct')) optional = true;
    }
  }
  KEYS.set(key, optional);
  return optional;
}
