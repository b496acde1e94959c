/**
 * `partcredit check --jsonl` as scripts call it: distinct inputs piped through the CLI, start-up
 * subtracted, beside the in-process rate on one thread (times the worker count); and the peak
 * memory of the CLI for each kind of line from 10,000 to 1,000,000 lines. `npm run bench:jsonl`, or part of `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { defaultThreads } from '../src/check/pool.js';
import { fileURLToPath } from 'node:url';
import { loadCas } from '../src/check/cas.js';
import { checkAnswer } from '../src/check/check.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

type Request = { expected: string; answer: string; type?: string; symbols?: Record<string, object> };

/** The i-th distinct request of a kind: no two lines of a run are the same. */
function request(kind: Kind, i: number): Request {
  switch (kind) {
    case 'numbers': {
      const v = 1000 + i * 7;
      return i % 2 ? { expected: String(v), answer: v.toLocaleString('en-US') } : { expected: `${v}.5`, answer: `The answer is $${v + (i % 4 === 0 ? 1 : 0)}.5$.` };
    }
    case 'shapes': {
      const d = [(i % 97) + 2, ((i >> 3) % 89) + 2, (i % 13) + 1];
      return i % 2 ? { expected: d.join(' \\times '), answer: `(${d.join(', ')})` } : { expected: `(${d.join(', ')})`, answer: `(${d[0]}, ${d[1]! + (i % 4 === 0 ? 1 : 0)}, ${d[2]})`, type: 'tuple' };
    }
    default: {
      // Every line its own constant: repeated lines would be answered from the workers' verdict memo.
      const k = i + 2;
      const forms: [string, string][] = [
        [`${k} c\\, d_{out}^2 d_{in}`, `${k}c\\,d_{in} d_{out}^2`],
        [`(n-${k})^2`, `n^2 - ${2 * k}n + ${k * k}`],
        [`\\frac{${k}}{\\sqrt{d_{in}}}`, `${k} d_{in}^{-1/2}`],
        [`\\tan^2(c)+${k}`, `\\sec^2(c) + ${k - 1}`],
      ];
      const [expected, answer] = forms[i % forms.length]!;
      return { expected, answer: i % 3 === 0 ? `${answer} + 1` : answer, symbols: { d_in: { positive: true }, d_out: { positive: true }, c: { positive: true }, n: {} } };
    }
  }
}

interface CliRun {
  seconds: number;
  peakKb: number;
  lines: number;
  /** `--summary`'s last line: verdict counts, and where the checks ran. */
  summary: string;
}

/** Pipes n generated lines through `partcredit check --jsonl`, reading the output, sampling peak memory. */
function runCli(kind: Kind, n: number, threads: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'check', '--jsonl', '--summary', '--threads', String(threads)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // The process has ended, or this is not Linux.
      }
    };
    const timer = setInterval(sample, 100);
    let lines = 0;
    child.stdout.on('data', (d: Buffer) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
      if (lines >= n) sample();
    });
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - t0) / 1000, peakKb, lines, summary: stderr.trim().split('\n').pop() ?? '' });
    });
    // Generate lines as the child reads them: the input is never held whole.
    let i = 0;
    const write = () => {
      while (i < n) {
        let chunk = '';
        for (const end = Math.min(n, i + 1000); i < end; i++) chunk += `${JSON.stringify(request(kind, i))}\n`;
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', write);
      }
      child.stdin.end();
    };
    write();
  });
}

/** Checks per second on the calling thread, warm, over the same distinct inputs. */
async function inProcess(kind: Kind, n: number): Promise<number> {
  const cas = kind === 'symbolic' ? await loadCas() : undefined;
  const run = (i: number) => {
    const r = request(kind, i);
    checkAnswer({ value: r.expected, ...(r.type ? { type: r.type as 'tuple' } : {}) }, r.answer, { ...(r.symbols ? { symbols: r.symbols } : {}), ...(cas ? { cas } : {}) });
  };
  for (let i = 0; i < 200; i++) run(n + i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) run(i);
  return n / ((performance.now() - t0) / 1000);
}

type Kind = 'numbers' | 'shapes' | 'symbolic';
const KINDS: Kind[] = ['numbers', 'shapes', 'symbolic'];

/**
 * Peak memory of the CLI for each input size (median of `runs` runs, with their spread, and the
 * median run's time), and the growth of the medians from the smallest size to the largest
 * against issue 15's 10% line. One run's peak at the same size varies by up to 10 MB on Node 24
 * (the C allocator's arenas), as much as the growth being measured.
 */
async function memoryLine(sizes: number[], threads: number, runs = 1, kind: Kind = 'numbers'): Promise<string> {
  const medians: number[] = [];
  const shown: string[] = [];
  for (const n of sizes) {
    const cli: CliRun[] = [];
    for (let k = 0; k < runs; k++) cli.push(await runCli(kind, n, threads));
    cli.sort((a, b) => a.peakKb - b.peakKb);
    const median = cli[Math.floor(cli.length / 2)]!;
    medians.push(median.peakKb);
    const mb = (kb: number) => (kb / 1024).toFixed(0);
    const spread = runs > 1 ? ` (${mb(cli[0]!.peakKb)}-${mb(cli[cli.length - 1]!.peakKb)})` : '';
    const wrong = median.lines !== n ? `, ${median.lines} lines out: WRONG` : '';
    // The machine's load beside each size: the speed depends on it. The peak did too while an
    // idle worker loaded the CAS ahead (a loaded machine left it idle more often); it no longer does.
    shown.push(`${n.toLocaleString('en-US')} lines ${mb(median.peakKb)} MB${spread} in ${median.seconds.toFixed(1)} s at load ${loadavg()[0]!.toFixed(1)}${wrong}`);
  }
  const growth = medians[medians.length - 1]! / medians[0]!;
  const what = runs > 1 ? `median of ${runs} runs per size` : 'one run per size';
  return `peak memory, ${kind} (${what}): ${shown.join(', ')}; growth ${((growth - 1) * 100).toFixed(1)}% (target within 10%) ${growth <= 1.1 ? 'ok' : 'OVER'}`;
}

/**
 * The figures of issue 15, as printable lines. `full` adds the 1,000,000-line memory runs and
 * takes the median of three; `memory: false` gives the rates alone.
 */
export async function runJsonlBench(full = true, memory = true): Promise<string[]> {
  // The CLI's own default, as users run it.
  const threads = defaultThreads();
  const out = [
    `machine: ${availableParallelism()} cores (${threads} worker thread${threads === 1 ? '' : 's'} by default), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, Node ${process.version}`,
  ];
  // Start-up: the same command with one line (the CAS boots in the workers for symbolic lines).
  const targets = { numbers: 30_000, shapes: 30_000, symbolic: 2_000 };
  for (const kind of KINDS) {
    const n = kind === 'symbolic' ? 4_000 : 20_000;
    // One after another: two at once on a 2-core machine measured each other.
    let startup = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) startup = Math.min(startup, (await runCli(kind, 1, threads)).seconds);
    const runs: CliRun[] = [];
    for (let k = 0; k < 3; k++) runs.push(await runCli(kind, n, threads));
    const best = runs.reduce((a, b) => (a.seconds < b.seconds ? a : b));
    if (best.lines !== n) out.push(`  ${kind}: ${best.lines} lines out for ${n} in: WRONG`);
    const cli = n / Math.max(1e-3, best.seconds - startup);
    const one = await inProcess(kind, n);
    const ratio = (one * threads) / cli;
    out.push(
      `${kind.padEnd(9)} CLI ${cli.toFixed(0).padStart(6)} checks/s (target >= ${targets[kind]}) ${cli >= targets[kind] ? 'ok' : 'BELOW TARGET'}; ` +
        `in process ${one.toFixed(0)}/s on one thread; ${threads} x in-process / CLI = ${ratio.toFixed(2)} (target <= 2) ${ratio <= 2 ? 'ok' : 'OVER'}  ` +
        `[${n} distinct lines, best of 3, start-up ${(startup * 1000).toFixed(0)} ms subtracted; ${/\(([^)]*)\)\s*$/.exec(best.summary)?.[1] ?? best.summary}]`,
    );
  }
  // Symbolic lines run in the workers: their heaps and the main thread's queue of lines waiting
  // for them are what could grow, beside what numbers and shapes grow in the main thread.
  if (memory) for (const kind of KINDS) out.push(await memoryLine(full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000], threads, full ? 3 : 1, kind));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--quick`: one run per memory figure, none of 1,000,000 lines; `--no-memory`: the rates alone.
  // `--memory`: the peak-memory figures alone, median of 3 runs per size (`--runs N`), for
  // `--kinds` (default all three) at `--sizes` (default 10,000, 100,000 and 1,000,000 lines).
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (process.argv.includes('--memory')) {
    const sizes = (arg('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
    const kinds = (arg('--kinds')?.split(',') ?? KINDS) as Kind[];
    const bad = kinds.find((k) => !KINDS.includes(k)) ?? sizes.find((n) => !(Number.isInteger(n) && n > 0));
    if (bad !== undefined) {
      console.error(`jsonl-throughput: --kinds takes ${KINDS.join(', ')} and --sizes positive whole numbers, not ${bad}`);
      process.exit(2);
    }
    for (const kind of kinds) console.log(await memoryLine(sizes, defaultThreads(), Number(arg('--runs') ?? 3), kind));
  } else for (const line of await runJsonlBench(!process.argv.includes('--quick'), !process.argv.includes('--no-memory'))) console.log(line);
}
