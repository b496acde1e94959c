import { readJson } from './files.js';
import { Command, Option } from 'commander';
import { openCliStore, DB_HELP } from './store-option.js';
import { runModels, type ModelRunConfig, type RunProgress } from '../run/model-run.js';
import { apiKeyFor, parseModelRef } from '../run/providers.js';
import { compareRuns, comparisonHtml, comparisonTable, type Prices } from '../report/compare.js';
import { loadKeyAndProblems, loadKeyFile, CliError } from './load.js';
import { printable } from '../report/printable.js';
import { writeFileReplacing } from '../report/write-out.js';
import { seconds } from './grade.js';

function progressLine(p: RunProgress, t0: number, cost?: number): string {
  return `\rparts ${p.partsDone}/${p.partsTotal} · requests ${p.requests} (${p.cached} from cache) · tokens ${p.inputTokens} in / ${p.outputTokens} out${cost !== undefined ? ` · $${cost.toFixed(4)}` : ''} · retries ${p.retries}${p.throttled ? ` · throttled ${p.throttled}` : ''} · ${((Date.now() - t0) / 1000).toFixed(0)} s   `;
}

/** Each model reference is valid and has an API key, or a one-line error says which does not. */
function usableModels(models: string[]): void {
  for (const m of models) {
    try {
      apiKeyFor(parseModelRef(m));
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e), `--model ${m}`);
    }
  }
}

export function runCommand(): Command {
  return new Command('run')
    .description('run models on a problem set through their APIs, with hints for the parts they get wrong')
    .option('-k, --key <file>', 'the answer key')
    .option('-p, --problems <file>', "the problem set (default: the key's problems:)")
    .option('-m, --model <model...>', 'openai:NAME, anthropic:NAME, openai-compatible:NAME@https://host/v1 (keys from OPENAI_API_KEY, ANTHROPIC_API_KEY, PARTCREDIT_API_KEY[_HOST])')
    .addOption(new Option('--mode <mode>', 'how the set is given').choices(['whole', 'question', 'part']).default('question'))
    .option('--no-hints', 'one shot only: no hint ladder')
    .option('--samples <n>', 'answers per part, to measure consistency', '1')
    .option('--temperature <t>', 'sampling temperature')
    .option('--max-tokens <n>', 'most tokens per reply')
    .option('--reasoning-effort <effort>', 'low, medium or high, where the API has it')
    .option('--stream', 'stream replies (SSE)')
    .option('--timeout <seconds>', 'abandon and retry a request after this long', '300')
    .option('--max-wait <seconds>', "the longest a server's Retry-After may make a model wait; a longer one reports it throttled and the others go on", '60')
    .option('--concurrency <n>', 'requests in flight per provider (it backs off on 429)', '8')
    .option('--judge <model>', 'a model that judges free-text parts against their rubric (else they stay needs-review)')
    .option('--vision <model...>', 'OpenAI-compatible models that take images (figures are sent to OpenAI and Anthropic models)')
    .option('--text-only <model...>', 'models to send text only: figures are replaced by a note')
    .option('--prices <file>', 'JSON prices per million tokens, to show cost: {"openai:gpt-5": {"input": 1.25, "output": 10}}')
    .option('--resume <run>', 'finish a stopped run: completed requests come from the store')
    .option('--db <store>', DB_HELP)
    .action(
      async (flags: {
        key?: string;
        problems?: string;
        model?: string[];
        mode: string;
        hints: boolean;
        samples: string;
        temperature?: string;
        maxTokens?: string;
        reasoningEffort?: string;
        stream?: boolean;
        concurrency: string;
        resume?: string;
        db?: string;
        judge?: string;
        prices?: string;
        vision?: string[];
        textOnly?: string[];
        timeout: string;
        maxWait: string;
      }) => {
        // A new run's models and API keys are checked before the store is opened: a missing key
        // is one line, not a stored run to --resume.
        if (!flags.resume) usableModels([...(flags.model ?? []), ...(flags.judge ? [flags.judge] : [])]);
        const store = await openCliStore(flags.db, !!flags.resume, { onBusy: (m) => process.stderr.write(`${printable(m)}\n`) });
        try {
          let config: ModelRunConfig;
          let keyPath: string;
          let problemsFlag: string | undefined;
          let resume: number | undefined;
          if (flags.resume) {
            resume = Number(flags.resume);
            const run = await store.modelRun(resume);
            if (!run) throw new CliError(`${store.where} has no model run ${flags.resume}`);
            config = JSON.parse(run.config) as ModelRunConfig;
            usableModels(config.models);
            keyPath = run.key_path;
            problemsFlag = run.problems_path ?? undefined;
          } else {
            if (!flags.key) throw new CliError('give --key (or --resume RUN)');
            if (!flags.model?.length) throw new CliError('give at least one --model');
            flags.model.forEach(parseModelRef);
            keyPath = flags.key;
            problemsFlag = flags.problems;
            config = {
              models: flags.model,
              mode: flags.mode as ModelRunConfig['mode'],
              hints: flags.hints,
              samples: Math.max(1, Number(flags.samples)),
              settings: {
                ...(flags.temperature !== undefined ? { temperature: Number(flags.temperature) } : {}),
                ...(flags.maxTokens !== undefined ? { maxTokens: Number(flags.maxTokens) } : {}),
                ...(flags.reasoningEffort ? { reasoningEffort: flags.reasoningEffort } : {}),
                ...(flags.stream ? { stream: true } : {}),
                timeoutMs: seconds(flags.timeout, '--timeout'),
              },
              concurrency: Math.max(1, Number(flags.concurrency)),
              maxWaitMs: seconds(flags.maxWait, '--max-wait'),
              ...(flags.judge ? { judge: parseModelRef(flags.judge).label } : {}),
              ...(flags.vision ? { vision: flags.vision } : {}),
              ...(flags.textOnly ? { textOnly: flags.textOnly } : {}),
            };
          }
          const { key, problems, problemsPath } = await loadKeyAndProblems(keyPath, problemsFlag);
          if (!problems) throw new CliError('a run needs the problem set: give --problems, or problems: in the key');
          const t0 = Date.now();
          const tty = process.stderr.isTTY;
          const prices = flags.prices ? (readJson(flags.prices, 'prices file') as Prices) : {};
          const { runId, errors } = await runModels({
            store,
            key,
            problems,
            keyPath,
            ...(problemsPath ? { problemsPath } : {}),
            config,
            ...(resume !== undefined ? { resume } : {}),
            onProgress: (p) => {
              // Cost so far: each model's tokens at its own price; shown once any model has one.
              const priced = Object.entries(p.byModel).filter(([m]) => prices[m]);
              const cost = priced.length ? priced.reduce((s, [m, t]) => s + (t.inputTokens * prices[m]!.input + t.outputTokens * prices[m]!.output) / 1e6, 0) : undefined;
              if (tty) process.stderr.write(progressLine(p, t0, cost));
            },
          });
          if (tty) process.stderr.write('\n');
          for (const e of errors) process.stderr.write(`${printable(`error: ${e.model}${e.sample ? ` (sample ${e.sample + 1})` : ''}: ${e.message}`)}\n`);
          if (errors.length) {
            process.exitCode = 1;
            process.stderr.write(`the responses that arrived are saved: partcredit run --resume ${runId}${flags.db ? ` --db ${store.where}` : ''} finishes the run\n`);
          }
          process.stdout.write(comparisonTable(await compareRuns(store, [runId], key, prices)));
          process.stderr.write(`saved as model run ${runId} in ${store.where} (partcredit compare ${runId})\n`);
        } finally {
          await store.close();
        }
      },
    );
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('parts × models: one-shot, after hint k, not solved; tokens, cost, time; disputed key parts')
    .argument('<runs...>', 'model run ids')
    .option('--db <store>', DB_HELP)
    .option('-k, --key <file>', 'the key (to group equivalent answers when finding disputed parts)')
    .option('--prices <file>', 'JSON prices per million tokens: {"openai:gpt-5": {"input": 1.25, "output": 10}}')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'html']).default('table'))
    .option('-o, --out <file>', 'write the report there')
    .action(async (runs: string[], flags: { db?: string; key?: string; prices?: string; format: string; out?: string }) => {
      const store = await openCliStore(flags.db, true);
      try {
        const ids = runs.map(Number);
        for (const id of ids) if (!Number.isInteger(id) || !(await store.modelRun(id))) throw new CliError(`${store.where} has no model run ${runs[ids.indexOf(id)]}`);
        const key = flags.key ? loadKeyFile(flags.key, true).key : undefined;
        const prices = flags.prices ? (readJson(flags.prices, 'prices file') as Prices) : {};
        const c = await compareRuns(store, ids, key, prices);
        const text = flags.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : flags.format === 'html' ? comparisonHtml(c, `Model runs ${ids.join(', ')}`) : comparisonTable(c);
        if (flags.out) writeFileReplacing(flags.out, text);
        else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
