/**
 * Start-up of the CLI as ratios to `node -e 0` measured in the same run (so a loaded machine
 * slows both alike): `--help` <= 2x, `check 5 5` <= 3x, a symbolic `check` <= 5x. Median of 5,
 * with peak memory. `npm run bench:startup`, or part of `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

interface Timing {
  ms: number;
  maxRssMb: number;
}

/** Wall time and peak memory of one process, through /usr/bin/time when present. */
function once(args: string[]): Timing {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.error) {
    const t1 = performance.now();
    spawnSync(process.execPath, args);
    return { ms: performance.now() - t1, maxRssMb: Number.NaN };
  }
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, maxRssMb: kb / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The start-up figures of issue 11, as printable lines. */
export function runStartupBench(rounds = 5): string[] {
  const cases: { name: string; args: string[]; target: number }[] = [
    { name: 'node -e 0', args: ['-e', '0'], target: 1 },
    { name: 'partcredit --help', args: [CLI, '--help'], target: 2 },
    { name: 'partcredit check 5 5', args: [CLI, 'check', '5', '5'], target: 3 },
    // A symbolic check decided by algebra (most are), and one that needs the CAS to prove a trig
    // identity the exact stage does not know (it knows sin² + cos² = 1, not the double angle): the
    // CAS is loaded only for the second, and its load (~0.35 s) is most of that figure.
    { name: 'partcredit check (symbolic)', args: [CLI, 'check', '2 c\\, d_{out}^2 d_{in}', '2c\\,d_{in} d_{out}^2'], target: 5 },
    { name: 'check (symbolic, needs CAS)', args: [CLI, 'check', '\\sin(2y)', '2 \\sin y \\cos y'], target: 10 },
  ];
  // One warm-up of each (file cache), then rounds interleaved so load changes hit every case alike.
  for (const c of cases) once(c.args);
  const times = cases.map(() => [] as Timing[]);
  for (let r = 0; r < rounds; r++) for (const [i, c] of cases.entries()) times[i]!.push(once(c.args));
  const base = median(times[0]!.map((t) => t.ms));
  const out = [
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, Node ${process.version}; median of ${rounds}`,
  ];
  for (const [i, c] of cases.entries()) {
    const ms = median(times[i]!.map((t) => t.ms));
    const rss = median(times[i]!.map((t) => t.maxRssMb));
    const ratio = ms / base;
    const verdict = i === 0 ? '' : ` (target <= ${c.target}x) ${ratio <= c.target ? 'ok' : 'OVER'}`;
    out.push(`${c.name.padEnd(30)} ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x${verdict}  ${Number.isNaN(rss) ? '' : `${rss.toFixed(0)} MB`}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of runStartupBench()) console.log(line);
}
