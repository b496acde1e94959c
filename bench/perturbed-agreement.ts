/**
 * Which conventions the reader knows rather than which kinds of structure (issue 9): the labelled
 * hw4-fa25 rounds, each submission's text varied in ways that do not change what a TA grades
 * (bench/perturbations.ts: speaker names, part-label styles, markup, layout, simple math notation,
 * the student's remark markers), graded with `partcredit agreement`'s own code against the same
 * labels. A part right before and wrong after names a class of document the reader does not read.
 *
 * `node dist/bench/perturbed-agreement.js [--rounds R1,R2] [--perturbations P1,P2] [--seed N] [--verbose]`
 * (rounds: folders under test/fixtures, or `blind-round9/after`-style subfolders; default every
 * labelled hw4-fa25 round but the held-out one).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { measureAgreement } from '../src/cli/agreement.js';
import { type AgreementRow, agreesRightWrong as right, percent } from '../src/grade/agreement.js';
import { corpusDir } from './corpus.js';
import { HELD_OUT, labelledRounds, labelsCopy, labelsPathOf } from './labelled-rounds.js';
import { PERTURBATIONS, type Perturbation, seedFor, seededRandom } from './perturbations.js';

/** Sources whose conventions are those of a text a person or an app writes (LaTeX, Typst, HTML sources are left as they are). */
const TEXT_SOURCE = /\.(md|txt|markdown)$/i;

const rowKey = (r: AgreementRow) => `${r.submission}\u0000${r.part}`;

/** A part the perturbation changed from right to wrong (or back). */
export interface ChangedPart {
  round: string;
  submission: string;
  source: string;
  part: string;
  theirs: string;
  before: AgreementRow;
  after: AgreementRow;
}

/** One perturbation's figures over the rounds. */
export interface PerturbationFigures {
  perturbation: Perturbation;
  parts: number;
  rightBefore: number;
  rightAfter: number;
  /** Submissions whose text the perturbation changed, of those it could. */
  changed: number;
  eligible: number;
  lost: ChangedPart[];
  gained: ChangedPart[];
  /** Varied texts the reader threw on (their parts count as lost). */
  crashes: { round: string; source: string; message: string }[];
}

/** Rows of a round as its files are, by submission and part. */
async function baseline(round: string): Promise<AgreementRow[]> {
  return (await measureAgreement({ labels: labelsPathOf(round) })).report.rows;
}

/** One round's submissions under one perturbation: the rows of those it changed (others keep their baseline rows). */
async function perturbedRound(
  round: string,
  p: Perturbation,
  seed: number,
  tmp: string,
): Promise<{ rows: AgreementRow[]; changed: Set<string>; eligible: number; sources: Map<string, string>; crashes: { submission: string; message: string }[] }> {
  const labelsPath = labelsPathOf(round);
  const dir = dirname(labelsPath);
  const doc = parseDocument(readFileSync(labelsPath, 'utf8'));
  const submissions = (doc.get('submissions') as { toJSON(): Record<string, { source: string }> }).toJSON();
  const out = join(tmp, p.name, round);
  mkdirSync(out, { recursive: true });
  const written = new Map<string, string>();
  const sources = new Map<string, string>();
  let eligible = 0;
  for (const [name, s] of Object.entries(submissions)) {
    sources.set(name, s.source);
    const path = join(dir, s.source);
    if (!TEXT_SOURCE.test(s.source) || !existsSync(path)) continue;
    eligible++;
    const text = readFileSync(path, 'utf8');
    const varied = p.apply(text, seededRandom(seedFor(seed, round, s.source, p.name)));
    if (varied === text) continue;
    // The same file name (and so the same extension) as the original: the reader sniffs by both.
    const file = join(out, s.source.replace(/\//g, '__'));
    writeFileSync(file, varied);
    written.set(name, file);
  }
  if (!written.size) return { rows: [], changed: new Set(), eligible, sources, crashes: [] };
  try {
    const r = await measureAgreement({ labels: labelsCopy(labelsPath, written, join(out, `${p.name}.labels.yaml`)) });
    return { rows: r.report.rows, changed: new Set(written.keys()), eligible, sources, crashes: [] };
  } catch {
    // A varied text the reader throws on fails the whole `agreement` command: find which, grade the others;
    // its parts count as neither right nor wrong, as needs-review does (lost where they were right).
    const rows: AgreementRow[] = [];
    const crashes: { submission: string; message: string }[] = [];
    for (const [name, file] of written) {
      try {
        rows.push(...(await measureAgreement({ labels: labelsCopy(labelsPath, new Map([[name, file]]), join(out, `${p.name}.${name}.labels.yaml`)) })).report.rows);
      } catch (e) {
        crashes.push({ submission: name, message: ((e as Error).stack ?? String(e)).split('\n').slice(0, 3).join(' | ') });
      }
    }
    return { rows, changed: new Set(written.keys()), eligible, sources, crashes };
  }
}

/** Every perturbation asked for over every round asked for: parts right before and after, parts lost and gained. */
export async function measurePerturbations(rounds: string[], perturbations: readonly Perturbation[], seed: number): Promise<PerturbationFigures[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'pc-perturbed-'));
  try {
    const before = new Map<string, AgreementRow[]>();
    for (const round of rounds) before.set(round, await baseline(round));
    const figures: PerturbationFigures[] = [];
    for (const p of perturbations) {
      const f: PerturbationFigures = { perturbation: p, parts: 0, rightBefore: 0, rightAfter: 0, changed: 0, eligible: 0, lost: [], gained: [], crashes: [] };
      for (const round of rounds) {
        const base = before.get(round)!;
        const { rows, changed, eligible, sources, crashes } = await perturbedRound(round, p, seed, tmp);
        for (const c of crashes) f.crashes.push({ round, source: sources.get(c.submission) ?? c.submission, message: c.message });
        const crashed = new Map(crashes.map((c) => [c.submission, c.message]));
        f.changed += changed.size;
        f.eligible += eligible;
        const after = new Map(rows.map((r) => [rowKey(r), r]));
        for (const b of base) {
          const crash = crashed.get(b.submission);
          const a: AgreementRow = crash ? { ...b, ours: 'needs-review', oursAnswer: `(the reader threw: ${crash.slice(0, 60)})` } : changed.has(b.submission) ? (after.get(rowKey(b)) ?? b) : b;
          f.parts++;
          if (right(b)) f.rightBefore++;
          if (right(a)) f.rightAfter++;
          const c = { round, submission: b.submission, source: sources.get(b.submission) ?? '', part: b.part, theirs: b.theirs, before: b, after: a };
          if (right(b) && !right(a)) f.lost.push(c);
          if (!right(b) && right(a)) f.gained.push(c);
        }
      }
      figures.push(f);
    }
    return figures;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const answer = (s: string) => (s || '(no answer)').replace(/\s+/g, ' ').slice(0, 90);

/** The report: one line per perturbation (and with `verbose` every part it lost and gained). */
export function formatPerturbations(figures: PerturbationFigures[], verbose: boolean): string[] {
  const lines: string[] = [];
  for (const f of figures) {
    lines.push(
      `${f.perturbation.name.padEnd(20)} right-vs-wrong ${percent(f.rightBefore, f.parts).padEnd(18)} -> ${percent(f.rightAfter, f.parts).padEnd(18)} lost ${String(f.lost.length).padStart(3)}, gained ${String(f.gained.length).padStart(3)}  (${f.changed} of ${f.eligible} text submissions varied: ${f.perturbation.what})`,
    );
    for (const c of f.crashes) lines.push(`  ! ${c.round} ${c.source}: the reader threw: ${c.message}`);
    if (!verbose) continue;
    for (const [sign, list] of [
      ['-', f.lost],
      ['+', f.gained],
    ] as const)
      for (const c of list)
        lines.push(
          `  ${sign} ${c.round} ${c.source}${c.submission === c.source.replace(/\.[^.]+$/, '') ? '' : ` [${c.submission}]`} ${c.part}: TA ${c.theirs}; before ${c.before.ours} "${answer(c.before.oursAnswer)}"; after ${c.after.ours} "${answer(c.after.oursAnswer)}"`,
        );
  }
  const lost = figures.reduce((n, f) => n + f.lost.length, 0);
  lines.push(`all ${figures.length} perturbations: ${lost} parts lost, ${figures.reduce((n, f) => n + f.gained.length, 0)} gained`);
  return lines;
}

function parseArgs(argv: string[]): { rounds: string[]; perturbations: Perturbation[]; seed: number; verbose: boolean } {
  let rounds = labelledRounds({ subfolders: true });
  let perturbations = [...PERTURBATIONS];
  let seed = 1;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rounds') {
      rounds = value().split(',');
      for (const r of rounds) {
        if (HELD_OUT.has(r.split('/')[0]!)) throw new Error(`${r} is held out: it is measured only on first contact`);
        if (!existsSync(labelsPathOf(r))) throw new Error(`no labelled round ${r} (no ${labelsPathOf(r)})`);
      }
    } else if (a === '--perturbations') {
      const names = value().split(',');
      perturbations = names.map((n) => {
        const p = PERTURBATIONS.find((x) => x.name === n);
        if (!p) throw new Error(`no perturbation ${n} (known: ${PERTURBATIONS.map((x) => x.name).join(', ')})`);
        return p;
      });
    } else if (a === '--seed') {
      seed = Number(value());
      if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
    } else if (a === '--verbose') verbose = true;
    else throw new Error(`unknown argument ${a} (usage: [--rounds R1,R2] [--perturbations P1,P2] [--seed N] [--verbose])`);
  }
  return { rounds, perturbations, seed, verbose };
}

/** The bench's lines for the arguments given. */
export async function runPerturbedAgreement(argv: string[] = []): Promise<string[]> {
  const corpus = corpusDir();
  if (!corpus || !existsSync(join(corpus, 'dev', 'hw4-fa25', 'hw4-fa25.key.yaml'))) return ['skipped: ../shared/corpus/dev/hw4-fa25 is not beside the project'];
  const { rounds, perturbations, seed, verbose } = parseArgs(argv);
  const figures = await measurePerturbations(rounds, perturbations, seed);
  return [`${rounds.length} labelled rounds (held out, never read: ${[...HELD_OUT].join(', ')}), seed ${seed}`, ...formatPerturbations(figures, verbose)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    for (const line of await runPerturbedAgreement(process.argv.slice(2))) console.log(line);
  } catch (e) {
    console.error(`perturbed-agreement: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
