import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { storable, withFigures } from './figures.js';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { Store } from '../store/db.js';
import { complete as providerComplete, parseModelRef, type ChatMessage, type ModelRef, type RequestSettings } from './providers.js';
import { Scheduler } from './scheduler.js';
import { runProtocol, type PartOutcome, type PromptMode } from './protocol.js';

/** What a model run does; stored with the run, so `--resume` repeats exactly this. */
export interface ModelRunConfig {
  models: string[];
  mode: PromptMode;
  hints: boolean;
  samples: number;
  settings: RequestSettings;
  concurrency: number;
  /** The longest wait a server's Retry-After may impose (default 60 s); a longer one fails that model as throttled. */
  maxWaitMs?: number;
  /** A model that judges free-text parts against their rubric; without one they stay needs-review. */
  judge?: string;
  /** OpenAI-compatible models that take images; models to send text only. */
  vision?: string[];
  textOnly?: string[];
}

/** Live counters for the progress display. */
export interface RunProgress {
  requests: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
  retries: number;
  /** Requests failed because a server asked for a longer wait than the run takes. */
  throttled: number;
  partsDone: number;
  partsTotal: number;
  /** Tokens sent to each model, by label (for its cost). */
  byModel: Record<string, { inputTokens: number; outputTokens: number }>;
}

/** The cache key of a request: everything that changes the answer, and nothing secret. */
export function requestHash(model: ModelRef, messages: ChatMessage[], settings: RequestSettings, sample: number): string {
  // The timeout and streaming change how a reply arrives, not what it says: not part of the key.
  const body = { model: model.label, messages, temperature: settings.temperature ?? null, maxTokens: settings.maxTokens ?? null, reasoningEffort: settings.reasoningEffort ?? null, sample };
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * A request function through the cache and the scheduler: answered from the store when the
 * same request was made before, else sent and committed the moment it arrives.
 */
export function cachedAsk(store: Store, ref: ModelRef, settings: RequestSettings, scheduler: Scheduler, sample: number, env?: NodeJS.ProcessEnv, figuresDir?: string) {
  const lane = `${ref.provider}:${ref.baseURL ?? ''}`;
  return async (conversation: ChatMessage[]): Promise<{ text: string; inputTokens: number; outputTokens: number; ms: number; cached: boolean; hash: string }> => {
    // Figures as images for a model that reads them, else a note that they were omitted; the
    // cache key covers the image bytes, the stored request only their hashes.
    const messages = withFigures(conversation, { vision: ref.vision, ...(figuresDir ? { baseDir: figuresDir } : {}) });
    const hash = requestHash(ref, messages, settings, sample);
    const hit = await store.cached(hash);
    if (hit) return { text: hit.response, inputTokens: hit.input_tokens, outputTokens: hit.output_tokens, ms: 0, cached: true, hash };
    const t0 = performance.now();
    const c = await scheduler.run(lane, () => providerComplete(ref, messages, settings, undefined, env));
    const ms = performance.now() - t0;
    await store.cache({
      hash,
      model: ref.label,
      request: JSON.stringify({ messages: storable(messages), settings, sample }),
      response: c.text,
      input_tokens: c.inputTokens,
      output_tokens: c.outputTokens,
      ms,
      created_at: new Date().toISOString(),
    });
    return { ...c, ms, cached: false, hash };
  };
}

/**
 * Runs models on a problem set (or resumes a run): every response is committed to the store
 * when it arrives and identical requests are answered from the cache, so a run stopped at any
 * point finishes later without repeating a completed request or losing one.
 */
export async function runModels(options: {
  store: Store;
  key: Key;
  problems: ProblemSet;
  keyPath: string;
  problemsPath?: string;
  config: ModelRunConfig;
  resume?: number;
  onProgress?: (p: RunProgress) => void;
  env?: NodeJS.ProcessEnv;
}): Promise<{ runId: number; outcomes: Map<string, PartOutcome[][]>; errors: { model: string; sample: number; message: string }[] }> {
  const { store, config } = options;
  // The run is locked while this process runs it: a second `--resume` of it at once is refused
  // (it would send every pending request again); a lock left by a dead process is taken over.
  const runId = options.resume ?? (await store.startModelRun(options.keyPath, options.problemsPath, config));
  if (options.resume !== undefined) await store.lockModelRun(runId);
  try {
    return await runLocked(options, runId);
  } finally {
    await store.unlockModelRun(runId);
  }
}

async function runLocked(options: Parameters<typeof runModels>[0], runId: number): ReturnType<typeof runModels> {
  const { store, key, problems, config } = options;
  const scheduler = new Scheduler({ concurrency: config.concurrency, ...(config.maxWaitMs !== undefined ? { maxWaitMs: config.maxWaitMs } : {}) });
  // The judge of free-text parts: a model of its own, through the same cache and scheduler, with
  // the run's timeout (a judge that hangs is abandoned and retried like any request).
  const judgeSettings = { temperature: 0, ...(config.settings.timeoutMs !== undefined ? { timeoutMs: config.settings.timeoutMs } : {}) };
  const judgeAsk = config.judge ? cachedAsk(store, parseModelRef(config.judge), judgeSettings, scheduler, 0, options.env) : undefined;
  const judge = judgeAsk && (async (messages: ChatMessage[]) => (await judgeAsk(messages)).text);
  const refs = config.models.map((m) => {
    const ref = parseModelRef(m);
    if (config.vision?.includes(m)) ref.vision = true;
    if (config.textOnly?.includes(m)) ref.vision = false;
    return ref;
  });
  const figuresDir = options.problemsPath ? dirname(options.problemsPath) : undefined;
  const progress: RunProgress = {
    requests: 0,
    cached: 0,
    inputTokens: 0,
    outputTokens: 0,
    retries: 0,
    throttled: 0,
    partsDone: 0,
    partsTotal: refs.length * config.samples * key.parts.length,
    byModel: {},
  };
  const report = () => {
    progress.retries = scheduler.stats.retries;
    progress.throttled = scheduler.stats.throttled;
    options.onProgress?.(progress);
  };
  const outcomes = new Map<string, PartOutcome[][]>();
  const errors: { model: string; sample: number; message: string }[] = [];
  // Every model and sample runs to its end: one that fails (a wrong key, a server that keeps
  // failing) is recorded and the others go on; nothing is left running in the background.
  await Promise.all(
    refs.flatMap((ref) =>
      Array.from({ length: config.samples }, async (_, sample) => {
        try {
          const ask = cachedAsk(store, ref, config.settings, scheduler, sample, options.env, figuresDir);
          const parts = await runProtocol(
            key,
            problems,
            config.mode,
            async (messages, partId, step) => {
              const r = await ask(messages);
              progress.requests++;
              if (r.cached) progress.cached++;
              else {
                progress.inputTokens += r.inputTokens;
                progress.outputTokens += r.outputTokens;
                const mine = (progress.byModel[ref.label] ??= { inputTokens: 0, outputTokens: 0 });
                mine.inputTokens += r.inputTokens;
                mine.outputTokens += r.outputTokens;
              }
              await store.logRequest({ run_id: runId, hash: r.hash, model: ref.label, part_id: partId, step, cached: r.cached ? 1 : 0 });
              report();
              return r;
            },
            { hints: config.hints, ...(judge ? { judge } : {}) },
          );
          await store.saveResults(
            parts.map((o, position) => ({
              run_id: runId,
              model: ref.label,
              sample,
              part_id: o.partId,
              outcome: o.outcome,
              hints_used: o.hintsUsed,
              verdict: o.verdict,
              first_verdict: o.firstVerdict,
              answer: o.answer,
              first_answer: o.firstAnswer,
              category: o.category ?? null,
              feedback: o.feedback,
              messages: JSON.stringify(o.messages),
              input_tokens: o.inputTokens,
              output_tokens: o.outputTokens,
              ms: o.ms,
              position,
            })),
          );
          progress.partsDone += parts.length;
          report();
          const list = outcomes.get(ref.label) ?? [];
          list[sample] = parts;
          outcomes.set(ref.label, list);
        } catch (e) {
          errors.push({ model: ref.label, sample, message: e instanceof Error ? e.message : String(e) });
          report();
        }
      }),
    ),
  );
  if (!errors.length) await store.finishModelRun(runId);
  return { runId, outcomes, errors };
}
