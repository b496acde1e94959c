/**
 * A check worker: loads the CAS once, then runs checks. The pool terminates a worker whose
 * check passes the time limit, so nothing here needs to guard against hanging.
 */
import { checkAnswer } from './check.js';
import { loadCas } from './cas.js';
import type { CheckTask } from './pool.js';
import type { CheckResult } from '../model/verdict.js';

const cas = process.env.PARTCREDIT_NO_CAS ? undefined : await loadCas();

export default function runCheck(task: CheckTask | { ping: true }): CheckResult | null {
  if ('ping' in task) return null;
  return checkAnswer(task.spec, task.answer, { ...(task.symbols ? { symbols: task.symbols } : {}), ...(cas ? { cas } : {}) });
}
