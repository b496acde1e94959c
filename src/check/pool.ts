import * as nodeModule from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { CheckResult } from '../model/verdict.js';
import { checkAnswer } from './check.js';
import { LIMITS } from '../math/limits.js';
import { reapplyHeapFlags } from './heap-flags.js';
import { threadCpuMs } from './thread-cpu.js';

/** One check as sent to a worker. */
export interface CheckTask {
  spec: AnswerSpec;
  answer: string;
  symbols?: SymbolTable;
  /** The spec was made for this task alone (see `CheckOptions.transientSpec`). */
  transient?: boolean;
}

/** Options of a pool of check workers. */
export interface CheckPoolOptions {
  /** Worker threads; default: one fewer than the cores (see `defaultThreads`). */
  threads?: number;
  /** Hard limit per check in milliseconds; the worker running a check past it is terminated and replaced. */
  timeoutMs?: number;
  /** Load the CAS stage in workers (default true). */
  cas?: boolean;
  /** Run plain checks (see `runsInline`) in the calling thread (default true). */
  inline?: boolean;
  /** Most checks sent to a worker in one message (default 256; fewer when checks are slow, see BATCH_MS). */
  maxBatch?: number;
  /** The worker module (default `worker.js`); tests give one that speaks the same messages. */
  workerUrl?: URL;
}

/** Messages between the pool and a worker (`worker.ts`). */
export type ToWorker = { batch: { id: number; task: CheckTask }[] };
export type FromWorker =
  /** The worker has booted; `tid` is its thread's id in the system, for its CPU time (see thread-cpu.ts). */
  | { ready: true; tid?: number }
  | { results: [id: number, result: CheckResult][] }
  | { bootError: string }
  /** The running check waits for the CAS to load: its clock stops until `casLoaded`. */
  | { casLoading: true }
  | { casLoaded: true };

/** A check whose worker was not scheduled still ends this many times its limit after it started. */
const STARVED_LIMIT = 8;
/** The shortest wait before a starved worker's CPU time is read again (its clock ticks are 10 ms). */
const MIN_RECHECK_MS = 50;

/** A CAS load that takes longer than this is a hung worker, not a slow machine. */
const CAS_LOAD_LIMIT_MS = 120_000;

// Types whose checks never reach the CAS when both sides are plain numbers.
const INLINE_TYPES = new Set(['number', 'shape', 'tuple', 'choice', 'set', 'interval']);
// LaTeX commands that only format a number or a list of numbers. Anything else (\sqrt, \sum,
// \binom, a power, a factorial) may cost real time, so it goes to a worker with a hard limit.
const PLAIN_COMMAND = /\\(?:boxed|text(?:bf|rm|it)?|math(?:rm|bf)|[dt]?frac|cdot|times|left|right|[qm]?quad|approx|[,;:! ]|%|\$)(?![A-Za-z])/g;
const PLAIN_EXPECTED = /^[\s\d.,;:+\-/()[\]{}%$]*$/;
const COSTLY_ANSWER = /[\\^!]/;
/** Longest answer checked in the calling thread: the work of a plain check is linear in it. */
const INLINE_CHARS = 2_000;
/**
 * Work per batch: a batch is as many checks as take about this long by the recent average, so
 * quick checks travel in few messages while slow ones (the CAS) are not piled on one worker
 * while another runs dry at the end of the input.
 */
const BATCH_MS = 8;

/**
 * Whether a check needs neither the CAS nor a hard time limit, so it may run in the calling
 * thread: no declared symbols, an expected answer of plain numbers (a number, a shape, a
 * tuple), and a short answer without powers, factorials, roots or big operators. Every symbol
 * in such an answer is undeclared, so the check ends before any symbolic stage.
 */
export function runsInline(task: CheckTask): boolean {
  const { spec, answer, symbols } = task;
  if (symbols && Object.keys(symbols).length) return false;
  if (spec.type !== undefined && !INLINE_TYPES.has(spec.type)) return false;
  if (answer.length > INLINE_CHARS || COSTLY_ANSWER.test(answer.includes('\\') ? answer.replace(PLAIN_COMMAND, '') : answer)) return false;
  if (spec.type === 'choice') return true;
  const expected = spec.value ?? '';
  // `28 x 28`, `3*224` and `1.5e6` are numbers; a letter anywhere else is a symbol.
  const numeric = expected
    .replace(PLAIN_COMMAND, ' ')
    .replace(/(\d)\s*[xX×*]\s*(?=\d)/g, '$1 ')
    .replace(/(\d)[eE](?=[+-]?\d)/g, '$1 ');
  return expected.length <= INLINE_CHARS && PLAIN_EXPECTED.test(numeric);
}

interface Job {
  id: number;
  task: CheckTask;
  resolve: (r: CheckResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs sent to this worker, in the order it runs them; the first is running. */
  jobs: Job[];
  timer?: NodeJS.Timeout;
  started: number;
  /** The worker's thread in the system, when known: its CPU time tells a runaway check from a starved one. */
  tid?: number;
  /** The thread's CPU time when the clock started. */
  cpuAtStart?: number;
}

/**
 * Runs checks with a hard time limit per check. Plain checks run in the calling thread; the
 * rest go to worker threads in
 * batches: what one turn of the caller asked for, cut to about BATCH_MS of work each, two
 * batches deep per worker. A worker reports results as it goes, so a check that hangs (a
 * pathological CAS simplification) is noticed `timeoutMs` after the one before it finished:
 * it is answered `undecided`, its worker is terminated and replaced, and the rest of its batch
 * goes back to the front of the queue. Workers start on the first check that needs one, and do
 * not keep the process alive when idle.
 */
export class CheckPool {
  private readonly threads: number;
  private readonly timeoutMs: number;
  private readonly cas: boolean;
  private readonly inline: boolean;
  private readonly maxBatch: number;
  private readonly workerUrl: URL;
  /** Recent average time of a worker's check, in ms (starts as a CAS check's). */
  private averageMs = 1;
  private inlineCount = 0;
  private workerCount = 0;
  private dispatchScheduled = false;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  /** Set when a worker failed to boot: every check is answered with it rather than waiting forever. */
  private bootError: string | undefined;

  constructor(options: CheckPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? defaultThreads());
    this.timeoutMs = options.timeoutMs ?? LIMITS.checkMs;
    this.cas = options.cas !== false;
    this.inline = options.inline !== false;
    this.maxBatch = Math.max(1, options.maxBatch ?? 256);
    this.workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  }

  /** Checks one answer; always resolves (a timeout or a worker crash is a verdict, not an error). */
  check(task: CheckTask): Promise<CheckResult> {
    const now = this.checkInline(task);
    if (now) return Promise.resolve(now);
    if (this.closed) return Promise.resolve(failure(task, 'the check pool is closed', 0));
    if (this.bootError) return Promise.resolve(failure(task, `the checker could not start: ${this.bootError}`, 0));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.startWorkers();
      this.scheduleDispatch();
      this.keepAlive();
    });
  }

  /** Checks a plain answer in the calling thread at once; undefined when the check needs a worker. */
  checkInline(task: CheckTask): CheckResult | undefined {
    if (!this.inline || !runsInline(task)) return undefined;
    this.inlineCount++;
    return checkAnswer(task.spec, task.answer, { ...(task.symbols ? { symbols: task.symbols } : {}), transientSpec: task.transient === true });
  }

  /**
   * Whether enough checks wait to refill every worker twice over: a caller that reads ahead
   * should pause. Each waiting check (its task, job and promise) lives until a worker answers
   * it; with thousands waiting, they survived the young generation's collections and filled the
   * old one (the main thread's heap doubled on a stream of symbolic lines).
   */
  get saturated(): boolean {
    return this.queue.length >= 2 * this.threads * this.batchSize();
  }

  /** Checks answered so far in the calling thread and by workers (for benches and tests). */
  get counts(): { inline: number; workers: number } {
    return { inline: this.inlineCount, workers: this.workerCount };
  }

  /**
   * Dispatch once the caller's current turn ends: checks asked for in one turn (a chunk of input
   * lines) go out as one batch, not one message each. A message wakes the worker's thread,
   * which costs far more than a plain check on a virtual machine.
   */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
      this.keepAlive();
    });
  }

  /** Starts workers up to the thread count (the first time, and after one was terminated). */
  private startWorkers(): void {
    while (this.slots.length < this.threads) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { env: { ...process.env, ...compileCacheEnv(), ...(this.cas ? {} : { PARTCREDIT_NO_CAS: '1' }) } });
    const slot: Slot = { worker, ready: false, jobs: [], started: 0 };
    // Starting a thread put V8's flags back to their start-up values (see heap-flags.ts).
    worker.once('online', reapplyHeapFlags);
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e) => this.onFailure(slot, `the checker failed on this answer: ${e.message}`, !slot.ready ? e.message : undefined));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot) && !this.closed) this.onFailure(slot, `the checker stopped (exit code ${code}) on this answer`, !slot.ready ? `exit code ${code}` : undefined);
    });
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if ('bootError' in m) {
      this.onFailure(slot, m.bootError, m.bootError);
      return;
    }
    if ('casLoading' in m) {
      clearTimeout(slot.timer);
      slot.started = performance.now();
      slot.timer = setTimeout(() => this.onTimeout(slot, `the computer-algebra engine did not load within ${CAS_LOAD_LIMIT_MS / 1000} s`), CAS_LOAD_LIMIT_MS);
      return;
    }
    if ('ready' in m) {
      slot.ready = true;
      if (m.tid) slot.tid = m.tid;
    } else if ('results' in m) {
      const done = new Map(m.results);
      while (slot.jobs.length && done.has(slot.jobs[0]!.id)) {
        const job = slot.jobs.shift()!;
        this.workerCount++;
        const ms = done.get(job.id)!.ms;
        if (ms !== undefined) this.averageMs = 0.9 * this.averageMs + 0.1 * Math.max(0.01, ms);
        job.resolve(done.get(job.id)!);
      }
    }
    // The next job's clock starts now: the one before it has just finished (or the worker booted).
    this.arm(slot);
    this.dispatch();
    this.keepAlive();
  }

  /** Checks per batch: BATCH_MS of work by the recent average, at most maxBatch. */
  private batchSize(): number {
    return Math.max(1, Math.min(this.maxBatch, Math.round(BATCH_MS / this.averageMs)));
  }

  /** Sends waiting jobs to ready workers: a fair share each, at most a batch, two batches deep. */
  private dispatch(): void {
    const size = this.batchSize();
    const ready = this.slots.filter((s) => s.ready && s.jobs.length < 2 * size);
    for (const slot of ready) {
      if (!this.queue.length) break;
      const share = Math.ceil(this.queue.length / ready.length);
      const n = Math.min(share, size, 2 * size - slot.jobs.length);
      const batch = this.queue.splice(0, n);
      const idle = slot.jobs.length === 0;
      slot.jobs.push(...batch);
      slot.worker.postMessage({ batch: batch.map((j) => ({ id: j.id, task: j.task })) } satisfies ToWorker);
      if (idle) this.arm(slot);
    }
  }

  /** Workers keep the process alive only while there is work: a pool left open never hangs a process. */
  private keepAlive(): void {
    const busy = this.queue.length > 0;
    for (const s of this.slots) {
      if (busy || s.jobs.length) s.worker.ref();
      else s.worker.unref();
    }
  }

  /** Starts (or stops) the clock of the job a worker is running. */
  private arm(slot: Slot): void {
    clearTimeout(slot.timer);
    if (!slot.jobs.length) return;
    slot.started = performance.now();
    slot.cpuAtStart = slot.tid ? threadCpuMs(slot.tid) : undefined;
    slot.timer = setTimeout(() => this.onTimeout(slot), this.timeoutMs);
  }

  private onTimeout(slot: Slot, reason?: string): void {
    if (reason === undefined) {
      // The limit is on the check's work. A worker the machine left waiting (other processes,
      // this thread's own inline checks) gets the rest of its CPU time, up to STARVED_LIMIT
      // times the limit in all; one that used its time is running away.
      const now = slot.tid ? threadCpuMs(slot.tid) : undefined;
      const used = now !== undefined && slot.cpuAtStart !== undefined ? now - slot.cpuAtStart : undefined;
      const waited = performance.now() - slot.started;
      if (used !== undefined && used < this.timeoutMs && waited < STARVED_LIMIT * this.timeoutMs) {
        slot.timer = setTimeout(() => this.onTimeout(slot), Math.max(MIN_RECHECK_MS, Math.min(this.timeoutMs - used, STARVED_LIMIT * this.timeoutMs - waited)));
        return;
      }
      reason = `the check took longer than ${this.timeoutMs} ms and was stopped`;
    }
    const why = reason;
    // This thread may have been busy past the limit (inline checks, a loaded machine) while the
    // worker's answer waited in its port. Timers run before the port is read in an event-loop
    // turn, so look again after this turn's messages: only a check still running is stopped.
    const running = slot.jobs[0];
    const armedAt = slot.started;
    setImmediate(() => {
      if (!this.slots.includes(slot) || slot.jobs[0] !== running || slot.started !== armedAt) return;
      const job = slot.jobs.shift();
      if (job) job.resolve({ ...failure(job.task, why, performance.now() - slot.started), check: 'limits' });
      this.replace(slot);
    });
  }

  /** A worker crashed or could not boot: its running job fails, the others are retried elsewhere. */
  private onFailure(slot: Slot, reason: string, bootError?: string): void {
    if (!this.slots.includes(slot)) return;
    if (bootError) {
      // A worker that cannot even start (a module that fails to load) will not start next time either.
      this.bootError = bootError;
      this.remove(slot);
      for (const job of [...slot.jobs, ...this.queue.splice(0)]) job.resolve(failure(job.task, `the checker could not start: ${bootError}`, 0));
      return;
    }
    const job = slot.jobs.shift();
    if (job) job.resolve(failure(job.task, reason, performance.now() - slot.started));
    this.replace(slot);
  }

  private replace(slot: Slot): void {
    this.remove(slot);
    this.queue.unshift(...slot.jobs.splice(0));
    if (this.closed) return;
    if (this.queue.length) this.startWorkers();
    this.dispatch();
    this.keepAlive();
  }

  private remove(slot: Slot): void {
    clearTimeout(slot.timer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  /** Stops the workers; checks still waiting are answered `undecided`. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) clearTimeout(s.timer);
    for (const job of [...slots.flatMap((s) => s.jobs), ...this.queue.splice(0)]) job.resolve(failure(job.task, 'the check pool was closed before this check ran', 0));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/**
 * Workers by default: one fewer than the cores, at least one. A V8 thread that checks keeps
 * about a third of another core busy with its collector and compiler, and the calling thread
 * reads, checks plain lines and writes: on two cores, two workers checked 4,000 symbolic lines
 * in 4.7-4.9 s where one took 3.5-3.8 s (idle machine), and 20,000 in 8.8 s against 8.1 s.
 */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The compile cache the CLI enabled (Node 22.1+), for the workers too: it covers only the
 * thread that enabled it, and a worker compiles the checker and the CAS (about a third of a
 * second) again each time it starts.
 */
function compileCacheEnv(): Record<string, string> {
  const dir = (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.();
  return dir ? { NODE_COMPILE_CACHE: dir } : {};
}

/** The verdict of a check that did not run to its end. */
function failure(task: CheckTask, reason: string, ms: number): CheckResult {
  return {
    verdict: 'undecided',
    score: 0,
    type: task.spec.type ?? 'expression',
    answer: task.answer.slice(0, 200),
    expected: task.spec.value ?? '',
    check: 'none',
    reason,
    ms: Math.round(ms),
  };
}
