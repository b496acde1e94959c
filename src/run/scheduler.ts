import { ProviderError } from './providers.js';

export interface SchedulerOptions {
  /** Most requests in flight per provider. */
  concurrency?: number;
  /** Tries after the first, for retryable errors. */
  maxRetries?: number;
  /** First backoff in milliseconds; doubles each try, with jitter, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * The longest a server may make us wait (its Retry-After), default 60 s. A server that asks
   * for more (a day, when a quota is spent) gets its request failed as throttled at once, so the
   * run reports it and the other models go on, instead of the provider sleeping for a day.
   */
  maxWaitMs?: number;
  /** Seeded jitter keeps runs reproducible in tests. */
  random?: () => number;
}

/** Counters for the progress display. */
export interface SchedulerStats {
  inFlight: number;
  limit: number;
  retries: number;
  rateLimited: number;
  /** Requests failed because their server asked for a wait longer than `maxWaitMs`. */
  throttled: number;
}

/** A duration for a message: `86400 s`, `0.5 s`. */
function secondsText(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs requests per provider with adaptive concurrency: a 429 halves the provider's limit and
 * waits as long as its Retry-After says; each success earns it back one step, up to the
 * configured concurrency. 5xx answers, timeouts and dropped connections are retried with
 * jittered exponential backoff; other errors fail at once.
 */
export class Scheduler {
  private readonly lanes = new Map<string, { limit: number; inFlight: number; waiting: (() => void)[]; successes: number; pausedUntil: number }>();
  readonly stats: SchedulerStats = { inFlight: 0, limit: 0, retries: 0, rateLimited: 0, throttled: 0 };
  private readonly max: number;

  constructor(private readonly options: SchedulerOptions = {}) {
    this.max = Math.max(1, options.concurrency ?? 8);
  }

  private lane(name: string) {
    let lane = this.lanes.get(name);
    if (!lane) this.lanes.set(name, (lane = { limit: this.max, inFlight: 0, waiting: [], successes: 0, pausedUntil: 0 }));
    return lane;
  }

  private async acquire(name: string): Promise<void> {
    const lane = this.lane(name);
    while (lane.inFlight >= lane.limit) await new Promise<void>((resolve) => lane.waiting.push(resolve));
    const pause = lane.pausedUntil - Date.now();
    if (pause > 0) await sleep(pause);
    lane.inFlight++;
    this.stats.inFlight++;
  }

  private release(name: string): void {
    const lane = this.lane(name);
    lane.inFlight--;
    this.stats.inFlight--;
    // Wake as many waiters as the (possibly grown) limit has room for; each re-checks on waking.
    for (let room = lane.limit - lane.inFlight; room > 0 && lane.waiting.length; room--) lane.waiting.shift()!();
  }

  /** Runs a request on a provider's lane, retrying what is worth retrying. */
  async run<T>(provider: string, request: () => Promise<T>): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 5;
    const base = this.options.baseDelayMs ?? 500;
    const cap = this.options.maxDelayMs ?? 20_000;
    const random = this.options.random ?? Math.random;
    const maxWait = this.options.maxWaitMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      await this.acquire(provider);
      const lane = this.lane(provider);
      let error: ProviderError | undefined;
      let value: T | undefined;
      try {
        value = await request();
      } catch (e) {
        error = e instanceof ProviderError ? e : new ProviderError(e instanceof Error ? e.message : String(e), undefined, undefined);
      } finally {
        this.release(provider);
      }
      if (!error) {
        if (++lane.successes >= lane.limit && lane.limit < this.max) {
          lane.limit++;
          lane.successes = 0;
        }
        this.stats.limit = lane.limit;
        return value as T;
      }
      if (!error.retryable || attempt >= maxRetries) throw error;
      this.stats.retries++;
      let delay = Math.min(cap, base * 2 ** attempt) * (0.5 + random() / 2);
      if (error.status === 429) {
        this.stats.rateLimited++;
        lane.limit = Math.max(1, Math.floor(lane.limit / 2));
        lane.successes = 0;
        if (error.retryAfterMs !== undefined) delay = error.retryAfterMs;
        if (delay > maxWait) {
          // The lane pauses no longer than the cap: other models on this server may not be limited.
          lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + maxWait);
          this.stats.throttled++;
          this.stats.limit = lane.limit;
          throw new ProviderError(
            `throttled: the server asks to wait ${secondsText(delay)} (Retry-After), more than the ${secondsText(maxWait)} a run waits (--max-wait); ${error.message}`,
            429,
            error.retryAfterMs,
            false,
          );
        }
        lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + delay);
      }
      this.stats.limit = lane.limit;
      await sleep(delay);
    }
  }
}
