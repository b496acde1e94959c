import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Command } from 'commander';
import { loadKey, formatKeyProblem } from '../documents/key.js';
import { loadProblemSet } from '../documents/problem-set-file.js';
import { readLabels, type LabelSet } from '../documents/labels.js';
import { readSubmissionFile } from '../documents/submission.js';
import { assignmentOf } from '../documents/assignment.js';
import { gradeSubmission } from '../grade/grade.js';
import { agreementReport, agreementRows, percent, reviewFigures, type AgreementFigures, type AgreementReport, type AgreementRow } from '../grade/agreement.js';
import { UserError } from '../model/errors.js';
import type { Key } from '../model/key.js';

/** A labelled submission's file: beside the labels, or under a folder above them (`corpus/seeds/...`). */
function resolveSource(source: string, labelsFile: string, base?: string): string | undefined {
  if (isAbsolute(source)) return existsSync(source) ? source : undefined;
  if (base) return existsSync(join(base, source)) ? join(base, source) : undefined;
  let dir = dirname(resolve(labelsFile));
  for (;;) {
    if (existsSync(join(dir, source))) return join(dir, source);
    // `corpus/seeds/x.txt` from inside `.../corpus/dev/`: drop leading folders that name an ancestor.
    const rest = source.split('/').slice(1).join('/');
    if (rest && dir.endsWith(`/${source.split('/')[0]}`) && existsSync(join(dir, rest))) return join(dir, rest);
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Options of one agreement measurement. */
export interface AgreementOptions {
  labels: string;
  /** The key to grade with (default: the labels' `key:` beside them). */
  key?: string;
  problems?: string;
  /** A folder the labels' `source` paths are relative to. */
  base?: string;
  /** Text parts (judged by rubric) count too; by default only parts a checker decides. */
  allParts?: boolean;
}

/** What a measurement read and found. */
export interface AgreementResult {
  report: AgreementReport;
  key: Key;
  keyPath: string;
  keyErrors: string[];
  labels: LabelSet;
  inputs: { path: string; bytes: number }[];
  /** What reading the submissions noticed (a file that is no document, parts not found), one line each. */
  warnings: string[];
}

/**
 * Grades every labelled submission with the key and compares the verdicts with the labels. The
 * submissions and the problem set are read as `grade` reads them: a PDF export, a notebook or a
 * LaTeX source is measured as what it says, not as its bytes.
 */
export async function measureAgreement(options: AgreementOptions): Promise<AgreementResult> {
  if (!existsSync(options.labels)) throw new UserError(`no labels file at ${options.labels}`);
  const labels = readLabels(readFileSync(options.labels, 'utf8'), options.labels);
  const keyPath = options.key ?? (labels.key ? resolve(dirname(options.labels), labels.key) : undefined);
  if (!keyPath) throw new UserError('the labels name no key: give --key');
  if (!existsSync(keyPath)) throw new UserError(`no key file at ${keyPath}`);
  const { key, problems: issues } = loadKey(readFileSync(keyPath, 'utf8'), keyPath);
  if (!key) throw new UserError(`the key cannot be read:\n${issues.map(formatKeyProblem).join('\n')}`, keyPath);
  const problemsPath = options.problems ?? (key.problems ? resolve(dirname(keyPath), key.problems) : undefined);
  const problems = problemsPath && existsSync(problemsPath) ? (await loadProblemSet(problemsPath)).set : undefined;
  if (options.problems && !problems) throw new UserError(`no problem set at ${options.problems}`);
  const decided = new Set(key.parts.filter((p) => options.allParts || !p.answers.some((a) => a.spec.type === 'text')).map((p) => p.id));
  const rows: AgreementRow[] = [];
  const warnings: string[] = [];
  const inputs: AgreementResult['inputs'] = [];
  const graded = new Map<string, ReturnType<typeof gradeSubmission>>();
  for (const s of labels.submissions) {
    if (!s.source) throw new UserError(`submissions.${s.name}: no source file named`, options.labels);
    const path = resolveSource(s.source, options.labels, options.base);
    if (!path) throw new UserError(`submissions.${s.name}: source ${s.source} not found (give --base DIR)`, options.labels);
    let grade = graded.get(path);
    if (!grade) {
      const bytes = new Uint8Array(readFileSync(path));
      inputs.push({ path, bytes: bytes.length });
      const submission = await readSubmissionFile(bytes, s.name, key, problems, path);
      // A source that is no document, or whose parts cannot be found, says so: its rows are all missing.
      for (const w of submission.warnings) warnings.push(w);
      grade = gradeSubmission(assignmentOf(key, problems), submission);
      graded.set(path, grade);
    }
    rows.push(...agreementRows(grade, s, (id) => decided.has(id)));
  }
  return { report: agreementReport(rows), key, keyPath, keyErrors: issues.filter((p) => p.severity === 'error').map(formatKeyProblem), labels, inputs, warnings };
}

function line(name: string, f: AgreementFigures): string {
  return `${name.padEnd(14)} exact ${percent(f.exact, f.parts).padEnd(18)} right-vs-wrong ${percent(f.rightWrong, f.parts).padEnd(18)} confidently wrong ${percent(f.confidentlyWrong, f.parts).padEnd(16)} needs-review ${f.needsReview}`;
}

/** The report as text: overall, per submission, per part, the confusion table, every disagreement. */
export function formatAgreement(r: AgreementReport, verbose = true): string[] {
  const review = reviewFigures(r.rows);
  const out = [
    line('overall', r.overall),
    `review: ${review.review} parts sent to a person, ${review.rightSent} of them right by the person, ${review.caught} held back a verdict the person reverses`,
    '',
    'per submission:',
  ];
  for (const [name, f] of r.bySubmission) out.push(`  ${line(name, f)}`);
  out.push('', 'per part:');
  for (const [id, f] of [...r.byPart].sort()) out.push(`  ${line(id, f)}`);
  const verdicts = ['correct', 'partial', 'incorrect', 'missing', 'unparseable', 'undecided', 'needs-review'];
  const used = verdicts.filter((v) => [...r.confusion.values()].some((m) => m.has(v)));
  out.push('', `confusion (rows: the person; columns: partcredit)`, `  ${''.padEnd(12)}${used.map((v) => v.padStart(13)).join('')}`);
  for (const [theirs, m] of r.confusion) out.push(`  ${theirs.padEnd(12)}${used.map((v) => String(m.get(v) ?? 0).padStart(13)).join('')}`);
  if (verbose && r.disagreements.length) {
    out.push('', 'disagreements:');
    for (const d of r.disagreements) {
      out.push(
        `  ${d.submission} ${d.part}: person ${d.theirs}, partcredit ${d.ours}${d.held ? ` (held back: ${d.held})` : ''}${d.confidence !== undefined ? ` (confidence ${d.confidence.toFixed(2)})` : ''}`,
      );
      out.push(`    person read:      ${(d.theirsAnswer ?? '(no answer)').replace(/\s+/g, ' ').slice(0, 140)}`);
      out.push(`    partcredit read:  ${(d.oursAnswer || '(no answer)').replace(/\s+/g, ' ').slice(0, 140)}`);
    }
  }
  return out;
}

export function agreementCommand(): Command {
  return new Command('agreement')
    .description("compare partcredit's verdicts with a person's (a labels file): per part, per submission, overall")
    .argument('<labels>', "a labels file (*.labels.yaml): per-part verdicts by submission, with each submission's source file")
    .option('-k, --key <file>', "the key to grade with (default: the labels' key: beside them)")
    .option('-p, --problems <file>', "the problem set (default: the key's problems: field)")
    .option('--base <dir>', "the folder the labels' source paths are relative to")
    .option('--all-parts', 'count text parts (rubric-judged) too')
    .option('--json', 'print the rows as JSON lines')
    .action(async (labelsPath: string, flags: { key?: string; problems?: string; base?: string; allParts?: boolean; json?: boolean }) => {
      const r = await measureAgreement({
        labels: labelsPath,
        ...(flags.key ? { key: flags.key } : {}),
        ...(flags.problems ? { problems: flags.problems } : {}),
        ...(flags.base ? { base: flags.base } : {}),
        ...(flags.allParts ? { allParts: true } : {}),
      });
      for (const e of r.keyErrors) process.stderr.write(`warning: key lint: ${e}\n`);
      for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
      if (flags.json) {
        process.stdout.write(`${r.report.rows.map((x) => JSON.stringify(x)).join('\n')}\n`);
        return;
      }
      process.stdout.write(
        `${r.keyPath}: ${r.report.overall.parts} parts of ${r.labels.submissions.length} labelled submissions (${r.inputs.map((i) => `${i.bytes.toLocaleString('en-US')} B`).join(', ')})\n`,
      );
      process.stdout.write(`${formatAgreement(r.report).join('\n')}\n`);
    });
}
