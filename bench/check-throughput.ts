import { availableParallelism, loadavg } from 'node:os';
import { checkAnswer } from '../src/check/check.js';
import { loadCas } from '../src/check/cas.js';
import { CheckPool } from '../src/check/pool.js';
import type { AnswerSpec } from '../src/model/answer-spec.js';
import type { SymbolTable } from '../src/model/symbols.js';
import type { Cas } from '../src/check/equivalence.js';
import { HOSTILE_ANSWERS } from '../test/fixtures/hostile.js';

interface Workload {
  name: string;
  target: number;
  cases: { spec: AnswerSpec; answer: string; symbols?: SymbolTable }[];
}

const DIMS: SymbolTable = { d_in: { positive: true }, d_out: { positive: true, greater: 'd_in' }, c: { positive: true }, n: { integer: true, positive: true }, k: { integer: true, positive: true } };

/** Deterministic workloads of realistic pairs, right and wrong. */
function workloads(): Workload[] {
  const numbers: Workload['cases'] = [];
  const shapes: Workload['cases'] = [];
  const symbolic: Workload['cases'] = [];
  for (let i = 0; i < 200; i++) {
    const v = 1000 + i * 37;
    numbers.push({ spec: { value: String(v) }, answer: i % 3 ? v.toLocaleString('en-US') : `The answer is $${v + (i % 2)}$.` });
    numbers.push({ spec: { value: `\\frac{${i + 1}}{${i + 7}}` }, answer: ((i + 1) / (i + 7)).toFixed(6) });
    const d = [(i % 30) + 2, (i % 30) + 2, (i % 8) + 1];
    shapes.push({ spec: { value: d.join(' \\times ') }, answer: `(${d.join(', ')})` });
    shapes.push({ spec: { value: `(${d.join(', ')})`, type: 'tuple' }, answer: `(${d[0]}, ${d[1]! + (i % 2)}, ${d[2]})` });
    shapes.push({ spec: { value: d.join(' \\times ') }, answer: String(d[0]! * d[1]! * d[2]!) });
  }
  const forms: [string, string][] = [
    ['2 c\\, d_{out}^2 d_{in}', '2c\\,d_{in} d_{out}^2'],
    ['2 c\\, d_{out}^2 d_{in}', '2 c d_{out} d_{in}^2'],
    ['\\frac{1}{\\sqrt{d_{in}}}', 'd_{in}^{-1/2}'],
    ['\\frac{1}{\\sqrt{d_{out}}}', '\\frac{1}{\\sqrt{d_{in}}}'],
    ['(n-k+1)^2', 'n^2 - 2nk + 2n + k^2 - 2k + 1'],
    ['\\left\\lfloor \\frac{n - k}{2} \\right\\rfloor + 1', '\\lfloor (n-k)/2 \\rfloor + 1'],
    ['\\left\\lfloor \\frac{n - k}{2} \\right\\rfloor + 1', '\\lceil (n-k)/2 \\rceil + 1'],
    ['\\frac{c}{1 - 0.9^{n}}', '\\frac{c}{1-(0.9)^n}'],
    ['\\sqrt{d_{in} d_{out}}', '\\sqrt{d_{in}}\\sqrt{d_{out}}'],
    ['\\tan^2(c)+1', '\\sec^2(c)'],
  ];
  for (let i = 0; i < 40; i++) for (const [e, a] of forms) symbolic.push({ spec: { value: e }, answer: a, symbols: DIMS });
  // Matrix symbols (random matrices at each point) and indexed families with symbolic sum bounds.
  const MATS: SymbolTable = { A: { matrix: true }, B: { matrix: true }, x: { matrix: ['n', 1] }, n: { integer: true, positive: true }, F: { indexed: 1 } };
  const structured: Workload['cases'] = [];
  const mforms: [string, string][] = [
    ['B^\\top A^\\top x', '(AB)^\\top x'],
    ['B^\\top A^\\top x', 'A^\\top B^\\top x'],
    ['x^\\top A x', "x' A^\\top x"],
    ['\\sum_{k=0}^{n-1} F_k F_{n-k-1}', '\\sum_{k=0}^{n-1} F_{n-k-1} F_k'],
    ['\\sum_{k=1}^{n} F_k', '\\sum_{k=1}^{n} F_{k+1}'],
  ];
  for (let i = 0; i < 40; i++) for (const [e, a] of mforms) structured.push({ spec: { value: e }, answer: a, symbols: MATS });
  return [
    { name: 'numbers', target: 30_000, cases: numbers },
    { name: 'tuples and shapes', target: 30_000, cases: shapes },
    { name: 'symbolic expressions', target: 1_500, cases: symbolic },
    { name: 'matrices and indexed', target: 300, cases: structured },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Checks per second on one core (the calling thread), warm; with per-check latency percentiles. */
export function throughput(cas: Cas): string[] {
  const lines: string[] = [];
  for (const w of workloads()) {
    for (const c of w.cases.slice(0, 50)) checkAnswer(c.spec, c.answer, { ...(c.symbols ? { symbols: c.symbols } : {}), cas });
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let rounds = 0;
    while (performance.now() - t0 < 1500) {
      for (const c of w.cases) {
        const s = performance.now();
        checkAnswer(c.spec, c.answer, { ...(c.symbols ? { symbols: c.symbols } : {}), cas });
        times.push(performance.now() - s);
      }
      rounds++;
    }
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // The target is the issue's: checks per second on one thread. The process's CPU time also
    // counts V8's GC helper threads, so it is printed beside the rate, not judged: on a loaded
    // machine, read the two together.
    const cpuRate = times.length / ((cpu.user + cpu.system) / 1e6);
    const rate = times.length / elapsed;
    times.sort((a, b) => a - b);
    lines.push(
      `${w.name.padEnd(22)} ${rate.toFixed(0).padStart(7)} checks/s (target ≥ ${w.target}) ${rate >= w.target ? 'ok' : 'BELOW TARGET'}, ${cpuRate.toFixed(0)} per CPU-second of the process  ` +
        `p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms  [${w.cases.length} distinct pairs × ${rounds} rounds]`,
    );
  }
  return lines;
}

/** Wall time of each hostile input through the worker pool (hard limit 2 s). */
export async function hostileLatency(): Promise<string[]> {
  const pool = new CheckPool({ threads: 1 });
  await pool.check({ spec: { value: '1' }, answer: '1' });
  const lines: string[] = [];
  let worst = 0;
  for (const [name, answer] of HOSTILE_ANSWERS) {
    const t0 = performance.now();
    const r = await pool.check({ spec: { value: '5' }, answer });
    const ms = performance.now() - t0;
    worst = Math.max(worst, ms);
    lines.push(`  ${name.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms  ${r.verdict}: ${r.reason.slice(0, 90)}`);
  }
  await pool.close();
  lines.unshift(`hostile inputs through the pool: worst ${worst.toFixed(0)} ms (target: every one within 2000 ms) ${worst < 2000 ? 'ok' : 'OVER'}`);
  return lines;
}

export async function runCheckBench(): Promise<void> {
  console.log(
    `machine: ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (a shared machine: figures fall with load); throughput measured on one thread`,
  );
  const cas = await loadCas();
  for (const l of throughput(cas)) console.log(l);
  for (const l of await hostileLatency()) console.log(l);
}
