import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLlmServer, TEST_KEY } from '../test/fixtures/llm-server.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { openStore } from '../src/store/db.js';
import { dropTestDatabases, freshPostgres, TEST_PG } from '../test/fixtures/pg.js';
import { runModels } from '../src/run/model-run.js';

const LETTERS = 'abcdefgh';

/**
 * 1,000 part requests against a loopback server with 200 ms latency at concurrency 32, then again
 * from the cache; into a SQLite file, or the PostgreSQL database `db` names.
 */
export async function runRequestBench(parts = 1000, latencyMs = 200, concurrency = 32, db?: string): Promise<string[]> {
  const questions = Math.ceil(parts / LETTERS.length);
  const problems: string[] = ['# Generated'];
  const key: string[] = ['partcredit: 1', 'parts:'];
  let n = 0;
  for (let q = 1; q <= questions; q++) {
    problems.push('', `${q}. Question ${q}`, '');
    for (const letter of LETTERS) {
      if (n++ >= parts) break;
      problems.push(`(${letter}) What is ${q} times 8 plus ${LETTERS.indexOf(letter)}?`, '');
      key.push(`  ${q}.${letter}: { answer: '${q * 8 + LETTERS.indexOf(letter)}' }`);
    }
  }
  const server = await startLlmServer({
    latencyMs,
    rules: [
      {
        match: /Answer part (\d+)\.([a-h]) only/,
        reply: (text) => {
          const m = /Answer part (\d+)\.([a-h]) only/.exec(text)!;
          return `The answer is $\\boxed{${Number(m[1]) * 8 + LETTERS.indexOf(m[2]!)}}$.`;
        },
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-runbench-'));
  try {
    const store = await openStore(db ?? join(dir, 'bench.db'));
    const k = loadKey(key.join('\n')).key!;
    const set = parseProblemSet(problems.join('\n'));
    const config = { models: [`openai:bench@${server.url}/v1`], mode: 'part' as const, hints: true, samples: 1, settings: {}, concurrency };
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const first = await runModels({ store, key: k, problems: set, keyPath: 'bench', config, env: { OPENAI_API_KEY: TEST_KEY } });
    const seconds = (performance.now() - t0) / 1000;
    const sent = server.log.length;
    const t1 = performance.now();
    await runModels({ store, key: k, problems: set, keyPath: 'bench', config, env: { OPENAI_API_KEY: TEST_KEY } });
    const cachedSeconds = (performance.now() - t1) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const solved = (await store.results(first.runId)).filter((r) => r.outcome === 'one-shot').length;
    await store.close();
    const ideal = (parts * latencyMs) / 1000 / concurrency;
    return [
      `model runs (${store.engine}): ${parts} part requests, ${latencyMs} ms latency, concurrency ${concurrency}: ${seconds.toFixed(2)} s (ideal ${ideal.toFixed(2)} s, ratio ${(seconds / ideal).toFixed(2)}; target ≤ 1.25) ${seconds <= ideal * 1.25 ? 'ok' : 'OVER'}; ${solved}/${parts} graded one-shot, ${sent} requests sent`,
      `  the same run again from the cache: ${cachedSeconds.toFixed(2)} s, ${server.log.length - sent} requests sent (target < 2 s) ${cachedSeconds < 2 ? 'ok' : 'OVER'}; peak memory ${(peak / 2 ** 20).toFixed(0)} MB (target < 500 MB) ${peak < 500 * 2 ** 20 ? 'ok' : 'OVER'}`,
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('run-throughput.js')) {
  for (const line of await runRequestBench()) console.log(line);
  // The same on PostgreSQL when a test cluster is given (bash .ci/postgres prints its URL).
  if (TEST_PG) {
    for (const line of await runRequestBench(1000, 200, 32, await freshPostgres())) console.log(line);
    await dropTestDatabases();
  } else console.log('model runs (postgres): not measured (PARTCREDIT_TEST_PG is not set)');
}
