import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CheckPool, runsInline, type CheckTask } from '../src/check/pool.js';
import { loadCas } from '../src/check/cas.js';
import { checkAnswer } from '../src/check/check.js';
import { readLines, runJsonl } from '../src/cli/check.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

async function linesOf(chunks: (string | Buffer)[], maxBytes?: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), maxBytes)) out.push('text' in l ? l.text : { tooLong: l.tooLong });
  return out;
}

test('lines end at \\n only: a bare CR stays inside its line; CRLF, a first-line BOM and a last line without \\n are read', async () => {
  assert.deepEqual(await linesOf(['a\rb\nc', 'd\r\n', 'e']), ['a\rb', 'cd\r', 'e']);
  assert.deepEqual(await linesOf(['\uFEFF{"x": 1}\n\uFEFF{"x": 2}\n']), ['{"x": 1}', '\uFEFF{"x": 2}']);
  // A line split inside a multi-byte character across chunks is decoded whole.
  const e = Buffer.from('é');
  assert.deepEqual(await linesOf([Buffer.from([0x41, e[0]!]), Buffer.from([e[1]!, 0x0a])]), ['Aé']);
  // A line over the limit is skipped (memory stays bounded) and reported in its place.
  assert.deepEqual(await linesOf(['short\n', 'x'.repeat(30), 'y'.repeat(30), '\nafter\n'], 40), ['short', { tooLong: 60 }, 'after']);
  assert.deepEqual(await linesOf(['x'.repeat(41), '\n', 'ok'], 40), [{ tooLong: 41 }, 'ok']);
  assert.deepEqual(await linesOf(['a', 'b', 'c\nd', '', 'e\n']), ['abc', 'de']);
});

test('stdin is read by its descriptor, and a non-blocking one (EAGAIN) as a stream, from where the reading stopped', async (t) => {
  if (process.platform === 'win32') return t.skip('named pipes (mkfifo) are POSIX');
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-fd-'));
  const fifo = join(dir, 'in');
  execFileSync('mkfifo', [fifo]);
  // A reader opened without blocking, then a writer: a read before any data says EAGAIN.
  const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(fifo, constants.O_WRONLY);
  const chunks: string[] = [];
  let answered = () => {};
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      answered();
      done();
    },
  });
  const pool = new CheckPool({ threads: 1 });
  let streamed = false;
  try {
    const run = runJsonl(
      {
        readFd: fd,
        stream: () => {
          streamed = true;
          return new Socket({ fd, readable: true, writable: false });
        },
      },
      output,
      pool,
    );
    writeSync(writer, '{"expected": "1", "answer": "1"}\n{"expected": "2", "ans');
    // The first line is answered while the second waits for its end: the next read finds nothing.
    await firstAnswer;
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeSync(writer, 'wer": "3"}\n');
    closeSync(writer);
    await run;
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true });
  }
  assert.ok(streamed, 'the non-blocking descriptor was read as a stream');
  assert.deepEqual(
    chunks
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).verdict),
    ['correct', 'incorrect'],
  );
});

test('a line that spans chunks is read from its own copy: the reader of the input may reuse a chunk once it is handed on', async () => {
  const first = Buffer.from('{"expected": ');
  async function* chunks() {
    yield first;
    first.fill(0x58); // "XXX...": what a reused buffer would hold
    yield Buffer.from('"1"}\n');
  }
  const out: unknown[] = [];
  // Readable.from asks the generator for the next chunk (which fills the first) as soon as it has handed one on.
  for await (const l of readLines(Readable.from(chunks(), { objectMode: false }))) out.push('text' in l ? l.text : l);
  assert.deepEqual(out, ['{"expected": "1"}']);
});

function cli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  const lines: string[] = [];
  child.stdout.on('data', (d) => {
    buffer += d;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const next = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiting.push(resolve)));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, next, closed };
}

test('check --jsonl: a bare CR never shifts answers onto other lines', async () => {
  const { child, next, closed } = cli(['check', '--jsonl']);
  child.stdin.end('{"expected": "1",\r "answer": "1"}\n{"expected": "2", "answer": "3"}\r\n\uFEFF{"expected": "3", "answer": "3"}\n');
  const out = [JSON.parse(await next()), JSON.parse(await next()), JSON.parse(await next())];
  assert.equal(await closed, 0);
  assert.equal(out[0].verdict, 'correct');
  assert.equal(out[1].verdict, 'incorrect');
  // A BOM is accepted on the first line only; on the third it is a bad line, answered in place.
  assert.match(out[2].error, /line 3: not valid JSON/);
});

test('check --jsonl answers a slow writer line by line, without waiting for more input', async () => {
  const { child, next, closed } = cli(['check', '--jsonl', '--threads', '1']);
  // Each line is written only after the answer to the one before it came back: a reader that
  // waited to fill a batch would deadlock here. A plain line (checked inline) and a symbolic
  // line (sent to a worker) alternate.
  const pairs: [string, string, string][] = [
    ['5', '5', 'correct'],
    ['\\tan^2(y)+1', '\\sec^2(y)', 'correct'],
    ['28 \\times 28', '(28, 27)', 'incorrect'],
    ['x^2 - 1', '(x-1)(x+1)', 'correct'],
  ];
  for (const [expected, answer, verdict] of pairs) {
    child.stdin.write(`${JSON.stringify({ expected, answer })}\n`);
    assert.equal(JSON.parse(await next()).verdict, verdict, `${expected} vs ${answer}`);
  }
  child.stdin.end();
  assert.equal(await closed, 0);
});

// A reader that waited for the end of the input would never answer the first line: the limit turns that hang into a failure.
test('check --jsonl on a terminal answers each line as it is typed, and ends at Ctrl-D with the summary', { timeout: 60_000 }, async (t) => {
  // util-linux `script` runs the command on a pseudo-terminal: stdin is a TTY, not a pipe or a file.
  if (process.platform !== 'linux') return t.skip('`script -qfc` (util-linux) gives the command a pseudo-terminal on Linux only');
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
  } catch {
    return t.skip('util-linux `script` is not installed');
  }
  const command = [process.execPath, CLI, 'check', '--jsonl', '--summary', '--threads', '1'].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qfc', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let shown = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    shown += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // The terminal echoes what is typed (a line ended by Ctrl-D, not Enter, is followed on its own
  // line by its answer): only the answers carry a verdict.
  const answers = () =>
    shown
      .split(/\r?\n/)
      .filter((l) => l.includes('{"verdict"'))
      .map((l) => JSON.parse(l.slice(l.indexOf('{"verdict"'))) as { verdict: string });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  // Each line is typed only once the one before it is answered: an input read to its end first would never answer.
  const typed: [string, string, string][] = [
    ['3', '3', 'correct'],
    ['x^2 - 1', '(x-1)(x+1)', 'correct'],
    ['4', '5', 'incorrect'],
  ];
  for (const [i, [expected, answer, verdict]] of typed.entries()) {
    child.stdin.write(`${JSON.stringify({ expected, answer })}\n`);
    await until(() => answers().length > i);
    assert.equal(answers()[i]!.verdict, verdict, `${expected} vs ${answer}`);
  }
  // A last line without Enter, then Ctrl-D twice: the first hands over the unfinished line, which
  // may go on, the second ends the input; the line is answered then, and the summary follows.
  child.stdin.write('{"expected": "7", "answer": "7"}\x04');
  child.stdin.write('\x04');
  await until(() => / by workers\)/.test(shown));
  child.stdin.end();
  assert.equal(await closed, 0);
  assert.deepEqual(
    answers().map((a) => a.verdict),
    ['correct', 'correct', 'incorrect', 'correct'],
  );
  assert.match(shown, /3 correct, 1 incorrect \(3 checked in the main thread, 1 by workers\)/);
});

// One pool for the rest: real workers with the CAS.
const pool = new CheckPool({ threads: 2, maxBatch: 8 });
after(() => pool.close());

const STUB = new URL('./fixtures/stub-worker.js', import.meta.url);

test('a hung check in a batch fails alone: the checks batched after it are answered by a replacement', async () => {
  // One worker, one batch: the hanging check first, ten quick ones behind it in the same message.
  const strict = new CheckPool({ threads: 1, timeoutMs: 200, inline: false, maxBatch: 16, workerUrl: STUB });
  try {
    const t0 = performance.now();
    const slow = strict.check({ spec: { value: '1' }, answer: 'hang' });
    const quick = Array.from({ length: 10 }, (_, i) => strict.check({ spec: { value: String(i) }, answer: String(i) }));
    const [s, ...rest] = await Promise.all([slow, ...quick]);
    assert.equal(s!.verdict, 'undecided');
    assert.match(s!.reason, /longer than 200 ms and was stopped/);
    for (const r of rest) assert.equal(r.verdict, 'correct', r.reason);
    assert.ok(performance.now() - t0 < 60_000);
    // A crash is the crashing check's verdict alone too.
    const [c, ...after] = await Promise.all([strict.check({ spec: { value: '1' }, answer: 'crash' }), ...quick.map((_, i) => strict.check({ spec: { value: String(i) }, answer: String(i) }))]);
    assert.equal(c!.verdict, 'undecided');
    assert.match(c!.reason, /stopped \(exit code 3\)/);
    for (const r of after) assert.equal(r.verdict, 'correct', r.reason);
  } finally {
    await strict.close();
  }
});

test('a worker that cannot start fails every check at once instead of waiting', async () => {
  const broken = new CheckPool({ threads: 2, inline: false, workerUrl: new URL('./fixtures/no-such-worker.js', import.meta.url) });
  try {
    const rs = await Promise.all([0, 1, 2].map((i) => broken.check({ spec: { value: String(i) }, answer: String(i) })));
    for (const r of rs) {
      assert.equal(r.verdict, 'undecided');
      assert.match(r.reason, /could not start/);
    }
    // Later checks are answered at once too.
    assert.match((await broken.check({ spec: { value: '1' }, answer: '1' })).reason, /could not start/);
  } finally {
    await broken.close();
  }
});

test('plain checks run inline; powers, factorials, roots, symbols and big operators go to workers', () => {
  const inline: CheckTask[] = [
    { spec: { value: '1473' }, answer: '1,473' },
    { spec: { value: '28 \\times 28 \\times 10' }, answer: '(28, 28, 10)' },
    { spec: { value: '\\frac{3}{4}' }, answer: 'The answer is $\\boxed{0.75}$.' },
    { spec: { value: '(1, 2)', type: 'tuple' }, answer: '(1, 2)' },
    { spec: { value: '1.5e6' }, answer: '1,500,000' },
    { spec: { value: 'B', type: 'choice' }, answer: 'I pick (B).' },
  ];
  const worker: CheckTask[] = [
    { spec: { value: '5' }, answer: '10^{10^{10}}' },
    { spec: { value: '5' }, answer: '100000!' },
    { spec: { value: '5' }, answer: '\\sqrt{25}' },
    { spec: { value: '5' }, answer: '\\sum_{k=1}^{10^9} k' },
    { spec: { value: 'x + 1' }, answer: 'x + 1' },
    { spec: { value: '5' }, answer: '5', symbols: { n: {} } },
    { spec: { value: '5', type: 'expression' }, answer: '5' },
    { spec: { value: '5' }, answer: '1'.repeat(5000) },
  ];
  for (const t of inline) assert.ok(runsInline(t), JSON.stringify(t));
  for (const t of worker) assert.ok(!runsInline(t), JSON.stringify(t));
});

test('an inline check gives the verdict and reason a worker with the CAS gives', async () => {
  const cas = await loadCas();
  const tasks: CheckTask[] = [];
  for (let i = 0; i < 60; i++) {
    const v = 1000 + i * 37;
    tasks.push({ spec: { value: String(v) }, answer: i % 3 ? v.toLocaleString('en-US') : `The answer is $${v + (i % 2)}$.` });
    tasks.push({ spec: { value: `\\frac{${i + 1}}{${i + 7}}` }, answer: ((i + 1) / (i + 7)).toFixed(i % 4) });
    const d = [(i % 30) + 2, (i % 7) + 2, (i % 8) + 1];
    tasks.push({ spec: { value: d.join(' \\times ') }, answer: i % 2 ? `(${d.join(', ')})` : String(d[0]! * d[1]! * d[2]!) });
    tasks.push({ spec: { value: `(${d.join(', ')})`, type: 'tuple' }, answer: `(${d[0]}, ${d[1]! + (i % 2)}, ${d[2]})` });
  }
  for (const t of tasks) {
    assert.ok(runsInline(t), JSON.stringify(t));
    const inline = await pool.check(t);
    const withCas = checkAnswer(t.spec, t.answer, { cas });
    assert.equal(inline.verdict, withCas.verdict, JSON.stringify(t));
    assert.equal(inline.reason, withCas.reason, JSON.stringify(t));
  }
});

test('check --jsonl: an input that is always ready is answered as it is read, and a slow reader adds no listeners', async () => {
  // A file is read in microtasks; answers written only at the end of the turn were all held in
  // memory until the input ended. Here the first write must come long before the last line is
  // read (the input itself is read up to a megabyte ahead: these 20,000 lines are 2.4 MB).
  const total = 20_000;
  const padding = ' '.repeat(80);
  let pulled = 0;
  let pulledAtFirstWrite = -1;
  function* lines() {
    for (let i = 0; i < total; i++) {
      pulled++;
      yield `{"expected": "${i}", "answer": "${i}"${padding}}\n`;
    }
  }
  let count = 0;
  let maxListeners = 0;
  const output = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      if (pulledAtFirstWrite < 0) pulledAtFirstWrite = pulled;
      count += chunk.toString().split('\n').length - 1;
      maxListeners = Math.max(maxListeners, output.listenerCount('drain'));
      // A slow reader: the writable stays full for a while after each chunk.
      setTimeout(done, 1);
    },
  });
  const inline = new CheckPool({ threads: 1 });
  try {
    await runJsonl(Readable.from(lines()), output, inline);
  } finally {
    await inline.close();
  }
  assert.equal(count, total);
  assert.ok(pulledAtFirstWrite > 0 && pulledAtFirstWrite < total / 2, `first write after ${pulledAtFirstWrite} of ${total} lines were read`);
  assert.ok(maxListeners <= 2, `${maxListeners} drain listeners at once`);
});

test('check --jsonl resolves only once a slow output has taken every answer', async () => {
  // The caller exits, or reads what was written, as soon as runJsonl resolves: answers still
  // buffered in the stream then were lost (15 of 20,000 on Node 22 in CI).
  const taken: string[] = [];
  // A roomy buffer, so reading never waits for the output: the first answers' write is still
  // going when the last ones are written, and those wait in the stream's buffer.
  const output = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _enc, done) {
      taken.push(...chunk.toString().split('\n').filter(Boolean));
      setTimeout(done, 20);
    },
  });
  const input = Array.from({ length: 40 }, (_, i) => `{"expected": "${i}", "answer": "${i + (i % 2)}"}\n`);
  async function* arriving() {
    for (const line of input) {
      yield line;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  const inline = new CheckPool({ threads: 1 });
  try {
    await runJsonl(Readable.from(arriving()), output, inline);
  } finally {
    await inline.close();
  }
  assert.equal(taken.length, 40);
  assert.deepEqual(
    taken.map((l) => JSON.parse(l).verdict),
    input.map((_, i) => (i % 2 ? 'incorrect' : 'correct')),
  );
});

test('a check answered while the pool thread was busy past the limit is not stopped', async () => {
  const strict = new CheckPool({ threads: 1, timeoutMs: 100, inline: false, workerUrl: STUB });
  try {
    assert.equal((await strict.check({ spec: { value: '1' }, answer: '1' })).verdict, 'correct');
    const pending = strict.check({ spec: { value: '2' }, answer: '2' });
    // Let the batch go out, then keep this thread busy three times the limit (as inline checks
    // on a loaded machine do): the worker's answer waits in the port while the timer expires.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const until = performance.now() + 300;
    while (performance.now() < until);
    const r = await pending;
    assert.equal(r.verdict, 'correct', r.reason);
    // A check that really hangs is still stopped.
    const hung = await strict.check({ spec: { value: '3' }, answer: 'hang' });
    assert.match(hung.reason, /longer than 100 ms/);
  } finally {
    await strict.close();
  }
});

test('check --jsonl --summary counts verdicts and says where the checks ran', async () => {
  const child = spawn(process.execPath, [CLI, 'check', '--jsonl', '--summary'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdout.resume();
  child.stdin.end('{"expected": "1", "answer": "1"}\n{"expected": "2", "answer": "3"}\nnot json\n{"expected": "x^2", "answer": "x \\\\cdot x"}\n');
  assert.equal(await new Promise((resolve) => child.on('close', resolve)), 0);
  assert.equal(err.trim(), '2 correct, 1 incorrect, 1 error (2 checked in the main thread, 1 by workers)');
});

test('check --jsonl writes to a file (or /dev/null) by descriptor: every answer arrives, in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-out-'));
  const file = join(dir, 'out.jsonl');
  const fd = openSync(file, 'w');
  try {
    const child = spawn(process.execPath, [CLI, 'check', '--jsonl'], { stdio: ['pipe', fd, 'pipe'] });
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ expected: String(i), answer: String(i % 3 ? i : i + 1) }));
    child.stdin!.end(`${lines.join('\n')}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    const out = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(out.length, 3000);
    out.forEach((l, i) => assert.equal(JSON.parse(l).verdict, i % 3 ? 'correct' : 'incorrect', `line ${i + 1}`));
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true });
  }
});

test('check --jsonl reads ahead of the workers only as far as they need: the lines waiting for them stay few on a long input', async () => {
  // Lines with declared symbols go to a worker; every fourth is a plain number, answered inline.
  const total = 6_000;
  function* lines() {
    for (let i = 0; i < total; i++) yield i % 4 === 3 ? `{"expected": "${i}", "answer": "${i}"}\n` : `{"expected": "x^{2} + ${i}", "answer": "${i} + x^2", "symbols": ["x"]}\n`;
  }
  const answers: { verdict: string }[] = [];
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) answers.push(JSON.parse(line));
      done();
    },
  });
  const workers = new CheckPool({ threads: 1, cas: false });
  let inFlight = 0;
  let mostInFlight = 0;
  const check = workers.check.bind(workers);
  workers.check = (task) => {
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    return check(task).finally(() => inFlight--);
  };
  try {
    await runJsonl(Readable.from(lines()), output, workers);
  } finally {
    await workers.close();
  }
  // Every line answered, in order, right: pausing the reading lost or reordered nothing.
  assert.equal(answers.length, total);
  assert.ok(
    answers.every((a) => a.verdict === 'correct'),
    'every answer correct',
  );
  // Before, the reader ran up to 4,096 lines ahead, each held as a waiting check in the main thread.
  assert.ok(mostInFlight <= 4 * 256, `${mostInFlight} checks waiting for the worker at once`);
  assert.equal(workers.counts.inline, total / 4);
});
