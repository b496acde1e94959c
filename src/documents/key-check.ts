import type { Key } from '../model/key.js';
import { checkAnswer } from '../check/check.js';
import { symbolsFor } from './key.js';

/**
 * Compares every written answer with its part's computation (`compute:` beside `answer:`): a
 * hand-written key with an arithmetic slip shows up here, with the checker's reason.
 */
export function checkComputedParts(key: Key): { lines: string[]; computed: number; disagreements: number } {
  const lines: string[] = [];
  let computed = 0;
  let disagreements = 0;
  for (const part of key.parts) {
    if (!part.compute) continue;
    computed++;
    const written = part.answers[0]?.spec;
    if (!part.answers.length) {
      lines.push(`${part.id}: could not be computed (the error is listed above)`);
      continue;
    }
    if (!part.computed || !written?.value) {
      const value = part.answers[0]?.spec.value ?? (part.answers[0]?.spec.rows ? '(a table)' : '(nothing)');
      lines.push(`${part.id}: computed by ${part.compute} = ${value}`);
      continue;
    }
    const spec = part.computed;
    const r = spec.type === 'table' ? { verdict: 'undecided', reason: 'a written table is compared cell by cell when grading' } : checkAnswer(spec, written.value, { symbols: symbolsFor(key, part) });
    if (r.verdict === 'correct') lines.push(`${part.id}: the written answer agrees with ${part.compute}`);
    else {
      disagreements++;
      lines.push(`${part.id}: the written answer ${written.value} disagrees with ${part.compute} = ${spec.value}: ${r.reason}`);
    }
  }
  return { lines, computed, disagreements };
}
