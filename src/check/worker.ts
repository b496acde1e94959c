/**
 * A check worker: loads the CAS once, then runs batches of checks. It reports results every
 * few milliseconds while a batch runs, so the pool can tell a check that hangs from a long
 * batch; the pool terminates a worker whose check passes the time limit, so nothing here
 * needs to guard against hanging.
 */
import { parentPort } from 'node:worker_threads';
import type { CheckResult } from '../model/verdict.js';
import { loadCas } from './cas.js';
import { checkAnswer } from './check.js';
import type { FromWorker, ToWorker } from './pool.js';

/** Results are posted at least this often while a batch runs. */
const REPORT_MS = 2;

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

let cas: Awaited<ReturnType<typeof loadCas>> | undefined;
try {
  cas = process.env.PARTCREDIT_NO_CAS ? undefined : await loadCas();
} catch (e) {
  post({ bootError: e instanceof Error ? e.message : String(e) });
  throw e;
}

port.on('message', ({ batch }: ToWorker) => {
  let done: [number, CheckResult][] = [];
  let last = performance.now();
  for (const { id, task } of batch) {
    done.push([id, checkAnswer(task.spec, task.answer, { ...(task.symbols ? { symbols: task.symbols } : {}), ...(cas ? { cas } : {}) })]);
    const now = performance.now();
    if (now - last >= REPORT_MS) {
      post({ results: done });
      done = [];
      last = now;
    }
  }
  if (done.length) post({ results: done });
});
post({ ready: true });
