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
