/**
 * A check worker: runs batches of checks. It reports results every few milliseconds while a
 * batch runs, so the pool can tell a check that hangs from a long batch; the pool terminates a
 * worker whose check passes the time limit, so nothing here needs to guard against hanging.
 *
 * The CAS (compute-engine) takes a few hundred milliseconds to load, and most checks are decided
 * before it would be asked (exact normal forms, a counterexample at a test point). So the
 * worker starts without it: a check that asks for it is run again once it is loaded, which gives
 * the verdict it would have had with the CAS from the start.
 *
 * It is loaded only when a check asks for it, never ahead while the worker idles: loaded, it
 * holds about 35 MB, and a stream whose checks never need it kept it or not by whether its
 * worker ever waited 20 ms for input, so one run of 10,000 symbolic lines peaked at 88 MB and
 * the next at 127 MB (`npm run bench:jsonl`'s memory lines compare 10,000 lines with 1,000,000).
 */
import { parentPort } from 'node:worker_threads';
import type { CheckResult } from '../model/verdict.js';
import { loadCas } from './cas.js';
import { checkAnswer } from './check.js';
import type { Cas } from './equivalence.js';
import type { CheckTask, FromWorker, ToWorker } from './pool.js';
import { ownOsThreadId } from './thread-cpu.js';

/**
 * Results are posted at least this often while a batch runs (and at its end). Each message
 * wakes the pool's thread, about 0.2 ms on a virtual machine, so posting after every quick
 * check cost more than the checks; 20 ms keeps the pool's clock of the running check close
 * (its limit is seconds) and answers a slow input's lines without a noticeable wait.
 */
const REPORT_MS = 20;

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const withoutCas = !!process.env.PARTCREDIT_NO_CAS;

let cas: Cas | undefined;
let loading: Promise<Cas> | undefined;
/** Loads the CAS once; a failure to load is the worker's failure, never a silent "no CAS". */
function ensureCas(): Promise<Cas> {
  loading ??= loadCas().then((loaded) => (cas = loaded));
  return loading;
}

/** Stands in for the CAS until it is loaded, noting that a check wanted it. */
let wanted = false;
const standIn: Cas = {
  equal() {
    wanted = true;
    return undefined;
  },
};

async function check(task: CheckTask): Promise<CheckResult> {
  // The task arrived as a copy: its spec object is this check's alone.
  const options = { ...(task.symbols ? { symbols: task.symbols } : {}), transientSpec: true };
  if (withoutCas) return checkAnswer(task.spec, task.answer, options);
  wanted = false;
  const first = checkAnswer(task.spec, task.answer, { ...options, cas: cas ?? standIn });
  if (!wanted || cas) return first;
  // The load is the worker's start-up, not the check's work: the pool stops this check's clock
  // while it runs (on a loaded machine it can take seconds) and restarts it for the re-run.
  post({ casLoading: true });
  const loaded = await ensureCas();
  post({ casLoaded: true });
  return checkAnswer(task.spec, task.answer, { ...options, cas: loaded });
}

async function runBatch({ batch }: ToWorker): Promise<void> {
  let done: [number, CheckResult][] = [];
  let last = performance.now();
  for (const { id, task } of batch) {
    done.push([id, await check(task)]);
    const now = performance.now();
    if (now - last >= REPORT_MS) {
      post({ results: done });
      done = [];
      last = now;
    }
  }
  if (done.length) post({ results: done });
}

// Batches run one after another, in the order they came, as the pool expects. A CAS that cannot
// load is thrown out of the worker, which the pool reports on the check that needed it.
let queue = Promise.resolve();
port.on('message', (m: ToWorker) => {
  queue = queue.then(() => runBatch(m)).catch(fail);
});

function fail(e: unknown): void {
  setImmediate(() => {
    throw e;
  });
}
const tid = ownOsThreadId();
post({ ready: true, ...(tid ? { tid } : {}) });
