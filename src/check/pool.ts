import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { CheckResult } from '../model/verdict.js';
import { LIMITS } from '../math/limits.js';

/** One check as sent to a worker. */
export interface CheckTask {
  spec: AnswerSpec;
  answer: string;
  symbols?: SymbolTable;
}

/** Options of a pool of check workers. */
export interface CheckPoolOptions {
  /** Worker threads; default: the machine's cores. */
  threads?: number;
  /** Hard limit per check in milliseconds; the worker running a check past it is terminated and replaced. */
  timeoutMs?: number;
  /** Load the CAS stage in workers (default true). */
  cas?: boolean;
}

/**
 * Runs checks in worker threads with a hard time limit per check. A check that hangs (a
 * pathological CAS simplification) is answered `undecided` with the reason, its worker is
 * terminated and replaced, and every other check goes on.
 */
export class CheckPool {
  private readonly pool: Piscina;
  private readonly timeoutMs: number;
  private readonly slots: number;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Resolves when every worker has booted (loaded the CAS): no check's clock runs during a boot. */
  private ready: Promise<void>;

  constructor(options: CheckPoolOptions = {}) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? LIMITS.checkMs;
    this.slots = threads;
    this.pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      env: { ...process.env, ...(options.cas === false ? { PARTCREDIT_NO_CAS: '1' } : {}) },
    });
    this.ready = this.warm(threads);
  }

  /** Boots n workers; a pool closed meanwhile is not an error (the checks are rejected anyway). */
  private warm(n: number): Promise<void> {
    return Promise.all(Array.from({ length: n }, () => this.pool.run({ ping: true }))).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Checks one answer; always resolves (a timeout or a worker crash is a verdict, not an error). */
  async check(task: CheckTask): Promise<CheckResult> {
    // Only as many tasks as threads are handed to piscina, so a task's clock starts when it runs.
    if (this.inFlight >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    await this.ready;
    const started = performance.now();
    try {
      return (await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) })) as CheckResult;
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'AbortError' || /abort/i.test(e.message));
      // The terminated worker's replacement boots before the next check's clock starts.
      this.ready = this.warm(1);
      return {
        verdict: 'undecided',
        score: 0,
        type: task.spec.type ?? 'expression',
        answer: task.answer.slice(0, 200),
        expected: task.spec.value ?? '',
        check: 'limits',
        reason: timedOut
          ? `the check took longer than ${this.timeoutMs} ms and was stopped`
          : `the checker failed on this answer: ${e instanceof Error ? e.message : String(e)}`,
        ms: Math.round(performance.now() - started),
      };
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
