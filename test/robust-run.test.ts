/**
 * Faults in model runs (issue 12): a day-long Retry-After, disputed parts from answers the key
 * marked wrong, resume from another folder and two resumes at once, keys never printed, the
 * judge under --timeout. Every server here is a loopback one speaking the provider protocol.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startLlmServer, TEST_KEY } from './fixtures/llm-server.js';
import { PART_RULES } from './fixtures/demo-model.js';
import { CLI, ROOT, runCliAsync } from './fixtures/cli.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { Store } from '../src/store/db.js';
import { runModels, type ModelRunConfig } from '../src/run/model-run.js';
import { compareRuns } from '../src/report/compare.js';
import { apiKeyFor, parseModelRef } from '../src/run/providers.js';
import { checkAnswer } from '../src/check/check.js';

const DEMO = join(ROOT, 'examples', 'demo');
const { key } = loadKey(readFileSync(join(DEMO, 'key.yaml'), 'utf8'), join(DEMO, 'key.yaml'));
const problems = parseProblemSet(readFileSync(join(DEMO, 'problems.md'), 'utf8'));
const ENV = { OPENAI_API_KEY: TEST_KEY, ANTHROPIC_API_KEY: TEST_KEY, PARTCREDIT_API_KEY: TEST_KEY };

const RULES = PART_RULES;

const config = (models: string[], over: Partial<ModelRunConfig> = {}): ModelRunConfig => ({ models, mode: 'part', hints: true, samples: 1, settings: {}, concurrency: 4, ...over });
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `partcredit-${prefix}-`));
const tmpStore = () => new Store(join(tmp('robust'), 'runs.db'));

const cli = runCliAsync;

/** The conversations of the requests committed to a store so far (none before it exists). */
function committedRequests(db: string): string[] {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    const rows = (d.prepare('select request from requests').all() as { request: string }[]).map((r) => JSON.stringify(JSON.parse(r.request).messages));
    d.close();
    return rows;
  } catch {
    return [];
  }
}

const server = await startLlmServer({ rules: RULES });
after(() => server.close());

test('a Retry-After of a day does not stall a run: that provider is reported throttled, the other models finish', { timeout: 60_000 }, async () => {
  const throttling = await startLlmServer({ rules: RULES });
  try {
    throttling.inject(...Array.from({ length: 20 }, () => ({ kind: '429' as const, retryAfterSeconds: 86_400 })));
    const store = tmpStore();
    const slow = `openai:quota@${throttling.url}/v1`;
    const fine = `openai:fine@${server.url}/v1`;
    const t0 = Date.now();
    const { runId, errors } = await runModels({ store, key: key!, problems, keyPath: 'key.yaml', config: config([slow, fine]), env: ENV });
    assert.ok(Date.now() - t0 < 20_000, `the run took ${Date.now() - t0} ms`);
    assert.deepEqual(
      errors.map((e) => e.model),
      [slow],
    );
    assert.match(errors[0]!.message, /throttled/);
    assert.match(errors[0]!.message, /86400 s/);
    assert.equal((await store.results(runId)).filter((r) => r.model === fine).length, 7);
    await store.close();
  } finally {
    await throttling.close();
  }
});

test('a Retry-After under the cap is waited; one over a configured cap is not', { timeout: 60_000 }, async () => {
  const throttling = await startLlmServer({ rules: RULES });
  try {
    throttling.inject({ kind: '429', retryAfterSeconds: 2 });
    const store = tmpStore();
    const model = `openai:capped@${throttling.url}/v1`;
    const t0 = Date.now();
    const { errors } = await runModels({ store, key: key!, problems, keyPath: 'key.yaml', config: config([model], { concurrency: 1, maxWaitMs: 500 }), env: ENV });
    assert.ok(Date.now() - t0 < 1900, 'the 2 s wait was not taken');
    assert.match(errors[0]?.message ?? '', /throttled.*2 s.*0\.5 s/);
    await store.close();
  } finally {
    await throttling.close();
  }
});

test('compare: disputed key parts list the answers the key marked wrong, not those solved after a hint', async () => {
  const store = tmpStore();
  const models = ['d1', 'd2', 'd3'].map((m) => `openai-compatible:${m}@${server.url}/v1`);
  const { runId } = await runModels({ store, key: key!, problems, keyPath: 'key.yaml', config: config(models), env: ENV });
  const c = await compareRuns(store, [runId], key!);
  // Every model solved 1.b after the first hint, with 1216 (right); all had first said 1200.
  assert.equal(c.cells[models[0]!]!['1.b']!.outcome, 'hint');
  assert.deepEqual(
    c.disputed.map((d) => [d.partId, d.answer, d.models.length]),
    [
      ['1.b', '1200', 3],
      ['2.a', c.disputed[1]?.answer, 3],
    ],
  );
  for (const d of c.disputed) {
    const spec = key!.parts.find((p) => p.id === d.partId)!.answers[0]!.spec;
    assert.notEqual(checkAnswer(spec, d.answer, { symbols: key!.symbols ?? {} }).verdict, 'correct', `${d.partId}: ${d.answer} is right`);
  }
  await store.close();
});

test('--resume works from any folder (paths stored absolute), and two resumes of one run at once are refused; a dead holder is recovered', { timeout: 120_000 }, async () => {
  const slow = await startLlmServer({ rules: RULES, latencyMs: 300 });
  try {
    const dir = tmp('resume-lock');
    for (const f of ['key.yaml', 'problems.md']) copyFileSync(join(DEMO, f), join(dir, f));
    const db = join(dir, 'runs.db');
    const env = ENV;
    const first = spawn(process.execPath, [CLI, 'run', '--key', 'key.yaml', '--model', `openai:slow@${slow.url}/v1`, '--mode', 'part', '--concurrency', '1', '--db', db], {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => first.on('exit', r));
    for (let i = 0; i < 300 && committedRequests(db).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(committedRequests(db).length >= 2);
    // The next request hangs, so the first process is surely still running this run below.
    slow.inject({ kind: 'slow', ms: 15_000 });
    // From another folder, while the first process still runs this run.
    const elsewhere = tmp('elsewhere');
    const second = await cli(['run', '--resume', '1', '--db', db], elsewhere, env);
    assert.equal(second.code, 2, second.stderr);
    assert.match(second.stderr, new RegExp(`model run 1 is being run by process ${first.pid}`));
    assert.doesNotMatch(second.stderr, /\n\s+at /);
    first.kill('SIGKILL');
    await exited;
    const d = new Database(db, { readonly: true });
    const stored = d.prepare('select key_path, problems_path from model_runs where id = 1').get() as { key_path: string; problems_path: string };
    d.close();
    assert.equal(stored.key_path, join(dir, 'key.yaml'));
    assert.equal(stored.problems_path, join(dir, 'problems.md'));
    // The holder died: its lock is stale, and a resume from another folder finishes the run.
    const third = await cli(['run', '--resume', '1', '--db', db], elsewhere, env);
    assert.equal(third.code, 0, third.stderr);
    const done = new Database(db, { readonly: true });
    assert.equal((done.prepare('select count(*) n from model_results where run_id = 1').get() as { n: number }).n, 7);
    assert.equal((done.prepare('select count(*) n from requests').get() as { n: number }).n, 9);
    done.close();
  } finally {
    await slow.close();
  }
});

test('a keys file holding a bare key: the error names the file, never a character of the key', () => {
  const dir = tmp('bare-key');
  const secret = 'sk-live-4f9a8b7c6d5e4f3a2b1c';
  for (const [name, text] of [
    ['bare.json', secret],
    ['quoted.json', JSON.stringify(secret)],
    ['bare-nl.json', `${secret}\n`],
  ] as const) {
    writeFileSync(join(dir, name), text);
    let message = '';
    try {
      apiKeyFor(parseModelRef('openai:gpt-5'), { PARTCREDIT_KEYS_FILE: join(dir, name) });
    } catch (e) {
      message = (e as Error).message;
    }
    assert.match(message, new RegExp(name.replace('.', '\\.')));
    for (let i = 0; i + 5 <= secret.length; i++) assert.ok(!message.includes(secret.slice(i, i + 5)), `${name}: ${message}`);
    assert.ok(!message.includes('sk-'), message);
  }
});

test('redaction leaves a message without secrets as it is', async () => {
  const { redactSecrets } = await import('../src/run/providers.js');
  const plain = '429 Too Many Requests: the task-force quota resets in 20 s (request id req_abc123)';
  assert.equal(redactSecrets(plain, ['plainsecretvalue0042']), plain);
  assert.equal(redactSecrets('Incorrect API key provided: sk-proj-****...Xy9z. See docs.'), 'Incorrect API key provided: [redacted] See docs.');
});

test('a server that echoes the key in its 401 body: the error is printed with the key redacted', async () => {
  const echo = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const auth = String(req.headers.authorization ?? '');
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `Incorrect API key provided: ${auth.replace(/^Bearer /, '')} (${auth})`, type: 'invalid_request_error' } }));
    });
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  try {
    const keys = { sk: 'sk-proj-Zq8Xw7Vu6Ts5Rq4Po3', plain: 'plainsecretvalue0042' };
    const store = tmpStore();
    const { errors } = await runModels({
      store,
      key: key!,
      problems,
      keyPath: 'key.yaml',
      config: config([`openai:echo@${url}/v1`, `openai-compatible:echo2@${url}/v1`]),
      env: { OPENAI_API_KEY: keys.sk, PARTCREDIT_API_KEY: keys.plain },
    });
    assert.equal(errors.length, 2);
    for (const e of errors) {
      assert.match(e.message, /401|Incorrect API key/);
      for (const k of Object.values(keys)) for (let i = 0; i + 6 <= k.length; i++) assert.ok(!e.message.includes(k.slice(i, i + 6)), `${e.model}: ${e.message}`);
    }
    await store.close();
  } finally {
    await new Promise<void>((r) => echo.close(() => r()));
  }
});

test("the judge of a model run keeps the run's --timeout", { timeout: 60_000 }, async () => {
  const dir = tmp('judge-timeout');
  writeFileSync(join(dir, 'problems.md'), '1. Number formats\n\n(a) Why is fp8 training hard?\n');
  writeFileSync(join(dir, 'key.yaml'), "partcredit: 1\nproblems: problems.md\nparts:\n  1.a:\n    answer: { type: text, rubric: ['mentions the dynamic range'] }\n");
  const { key: k } = loadKey(readFileSync(join(dir, 'key.yaml'), 'utf8'));
  const set = parseProblemSet(readFileSync(join(dir, 'problems.md'), 'utf8'));
  const judgeServer = await startLlmServer({
    rules: [
      { match: /<<<DATA/, reply: JSON.stringify({ criteria: [{ criterion: 'mentions the dynamic range', met: true, why: 'it does' }] }) },
      { match: /./, reply: 'The dynamic range is small.' },
    ],
  });
  try {
    judgeServer.inject({ kind: 'slow', ms: 4000 });
    const store = tmpStore();
    const judge = `openai:judge@${judgeServer.url}/v1`;
    const { errors } = await runModels({
      store,
      key: k!,
      problems: set,
      keyPath: join(dir, 'key.yaml'),
      config: config([`openai:solver@${server.url}/v1`], { judge, settings: { timeoutMs: 400 } }),
      env: ENV,
    });
    assert.deepEqual(errors, []);
    const judged = judgeServer.log.filter((l) => l.model === 'judge');
    assert.ok(judged.length >= 2 && judged[0]!.messages === judged[1]!.messages, `the slow judge request was sent ${judged.length} time(s)`);
    await store.close();
  } finally {
    await judgeServer.close();
  }
});

test('grade --judge takes --timeout', { timeout: 60_000 }, async () => {
  const dir = tmp('grade-judge-timeout');
  writeFileSync(join(dir, 'key.yaml'), "partcredit: 1\nparts:\n  1.a:\n    answer: { type: text, rubric: ['mentions the dynamic range'] }\n");
  writeFileSync(join(dir, 'honest.md'), '1/a) It uses the dynamic range of fp8.');
  const judgeServer = await startLlmServer({ rules: [{ match: /<<<DATA/, reply: JSON.stringify({ criteria: [{ criterion: 'mentions the dynamic range', met: true, why: 'it does' }] }) }] });
  try {
    judgeServer.inject({ kind: 'slow', ms: 4000 });
    const r = await cli(['grade', '--key', 'key.yaml', '--judge', `openai:judge@${judgeServer.url}/v1`, '--timeout', '0.4', '--format', 'json', 'honest.md'], dir, ENV);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim()).parts[0].verdict, 'correct');
    assert.ok(judgeServer.log.length >= 2, `the slow judge request was sent ${judgeServer.log.length} time(s)`);
  } finally {
    await judgeServer.close();
  }
});

test('kill -9 at three points of a run, resumed each time: nothing completed is sent again, nothing is lost', { timeout: 180_000 }, async () => {
  const slow = await startLlmServer({ rules: RULES, latencyMs: 250 });
  try {
    const dir = tmp('kill3');
    const db = join(dir, 'runs.db');
    const committed = () => committedRequests(db);
    // What was committed at each kill, and how much of the server's log was written by then.
    const kills: { done: string[]; logged: number }[] = [];
    for (const [i, at] of [2, 4, 6].entries()) {
      const args =
        i === 0 ? ['run', '--key', join(DEMO, 'key.yaml'), '--model', `openai:slow@${slow.url}/v1`, '--mode', 'part', '--concurrency', '1', '--db', db] : ['run', '--resume', '1', '--db', db];
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...ENV }, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      for (let t = 0; t < 600 && committed().length < at; t++) await new Promise((r) => setTimeout(r, 25));
      child.kill('SIGKILL');
      await exited;
      const done = committed();
      kills.push({ done, logged: slow.log.length });
      assert.ok(done.length >= at && done.length < 9, `killed after ${done.length} of 9 requests (wanted ${at})`);
    }
    const last = await cli(['run', '--resume', '1', '--db', db], dir, ENV);
    assert.equal(last.code, 0, last.stderr);
    const d = new Database(db, { readonly: true });
    assert.equal((d.prepare('select count(*) n from model_results where run_id = 1').get() as { n: number }).n, 7);
    assert.equal((d.prepare('select count(*) n from requests').get() as { n: number }).n, 9);
    d.close();
    // A request in flight at a kill is sent again; one committed before a kill never is.
    for (const { done, logged } of kills) for (const messages of done) assert.equal(slow.log.slice(logged).filter((l) => l.messages === messages).length, 0, 'a completed request was sent again');
  } finally {
    await slow.close();
  }
});
