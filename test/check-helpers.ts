import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';
import type { AnswerSpec } from '../src/model/answer-spec.js';
import type { SymbolTable } from '../src/model/symbols.js';

/** Checks one answer and asserts the verdict, printing the checker's reason on failure. */
export function expectVerdict(spec: AnswerSpec | string, answer: string, want: string, symbols?: SymbolTable, reason?: RegExp) {
  const s = typeof spec === 'string' ? { value: spec } : spec;
  const r = checkAnswer(s, answer, symbols ? { symbols } : {});
  assert.equal(r.verdict, want, `${JSON.stringify(spec)} vs ${JSON.stringify(answer.slice(-160))}: ${r.verdict} (${r.check}) — ${r.reason}`);
  if (reason) assert.match(r.reason, reason);
  return r;
}

/** Question 7.a of the staff key: a convolution's weight gradient, its families of two indices and their bounds. */
export const CONV_GRADIENT_SYMBOLS: SymbolTable = {
  x: { indexed: 2 },
  w: { indexed: 2 },
  dy: { indexed: 2 },
  dw: { indexed: 2 },
  m: { positive: true, integer: true },
  k: { positive: true, integer: true },
  eta: { positive: true },
  h: { integer: true, min: 1, max: 'k' },
  l: { integer: true, min: 1, max: 'k' },
};
