import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';
import { LABELLED_PAIRS } from './fixtures/labelled-pairs.js';

test('the project’s own labelled pairs: no false accept, and every pair agrees with its label', () => {
  const wrong: string[] = [];
  let falseAccepts = 0;
  for (const p of LABELLED_PAIRS) {
    const r = checkAnswer({ value: p.gold, ...p.spec }, p.pred);
    const said = r.verdict === 'correct' ? 1 : 0;
    if (said === p.expected) continue;
    if (said === 1) falseAccepts++;
    wrong.push(`[${p.class}] label ${p.expected}, got ${r.verdict}: ${p.gold} vs ${p.pred} — ${r.reason}`);
  }
  assert.equal(falseAccepts, 0, wrong.join('\n'));
  assert.deepEqual(wrong, []);
  // Both labels are well represented: near misses beside the accepting forms.
  assert.ok(LABELLED_PAIRS.filter((p) => p.expected === 0).length >= 50);
});
