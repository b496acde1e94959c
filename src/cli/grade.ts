import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { Command, Option } from 'commander';
import { gradeFiles, type GradedSubmission } from '../run/grading.js';
import type { Store } from '../store/db.js';
import { DB_HELP, openCliStore } from './store-option.js';
import { gradeJson } from '../report/json.js';
import { gradeTable, summaryTable } from '../report/table.js';
import { gradeMarkdown } from '../report/markdown.js';
import { gradebookCsv } from '../report/csv.js';
import { submissionHtml, summaryHtml } from '../report/html.js';
import type { SubmissionGrade } from '../model/grade.js';
import { loadKeyAndProblems, CliError } from './load.js';
import { variantKeys } from './variant-keys.js';
import { cachedAsk } from '../run/model-run.js';
import { parseModelRef } from '../run/providers.js';
import { Scheduler } from '../run/scheduler.js';
import type { JudgeAsk } from '../grade/judge.js';
import { pageTranscriber } from '../run/page-reader.js';

/** A judge model through the store's cache (a judged answer is not paid for twice). */
function judgeFor(store: Store, model: string): JudgeAsk {
  const ask = cachedAsk(store, parseModelRef(model), { temperature: 0 }, new Scheduler({ concurrency: 4 }), 0);
  return async (messages) => (await ask(messages)).text;
}

export type ReportFormat = 'table' | 'json' | 'md' | 'html' | 'csv';

/** Prints grades in a format; HTML to stdout is the summary page. */
export function printGrades(grades: SubmissionGrade[], format: ReportFormat, title: string): string {
  switch (format) {
    case 'json':
      return grades.map((g) => JSON.stringify(gradeJson(g))).join('\n') + '\n';
    case 'md':
      return grades.map(gradeMarkdown).join('\n');
    case 'csv':
      return gradebookCsv(grades);
    case 'html':
      return summaryHtml(grades, title);
    default:
      return grades.map((g) => gradeTable(g)).join('\n\n') + (grades.length > 1 ? `\n\n${summaryTable(grades)}` : '') + '\n';
  }
}

/** Writes every report into a folder: a page per submission, the summary, CSV and JSON. */
export function writeReports(dir: string, results: GradedSubmission[], title: string): string[] {
  mkdirSync(dir, { recursive: true });
  const graded = results.filter((r) => r.grade && r.submission);
  const links = new Map<string, string>();
  const written: string[] = [];
  for (const r of graded) {
    const file = `${r.grade!.submission.replace(/[^\w.-]+/g, '_')}.html`;
    writeFileSync(join(dir, file), submissionHtml({ name: r.submission!.id, text: r.submission!.text, ...(r.submission!.messages ? { messages: r.submission!.messages } : {}), responses: r.submission!.responses }, r.grade!));
    links.set(r.grade!.submission, file);
    written.push(join(dir, file));
  }
  const grades = graded.map((r) => r.grade!);
  writeFileSync(join(dir, 'index.html'), summaryHtml(grades, title, links));
  writeFileSync(join(dir, 'grades.csv'), gradebookCsv(grades));
  writeFileSync(join(dir, 'grades.json'), JSON.stringify(grades.map(gradeJson), null, 2) + '\n');
  written.push(join(dir, 'index.html'), join(dir, 'grades.csv'), join(dir, 'grades.json'));
  return written;
}

/** Extensions of the files a folder given to `grade` contributes: write-ups and transcripts. */
const SUBMISSION_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.json', '.tex']);

/**
 * The submission files the arguments name: a file as given, a folder as the submissions in it
 * and its subfolders (by extension, hidden files skipped), sorted so runs are reproducible.
 */
export function expandSubmissions(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // A missing file is reported per file by the grading run, like an unreadable one.
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    const found = (readdirSync(arg, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isFile() && !d.name.startsWith('.') && SUBMISSION_EXTENSIONS.has(extname(d.name).toLowerCase()))
      .map((d) => join(d.parentPath ?? d.path, d.name))
      .filter((f) => !relative(arg, f).split(sep).some((seg) => seg.startsWith('.')))
      .sort();
    if (!found.length) throw new CliError(`${arg}: a folder with no submissions in it (${[...SUBMISSION_EXTENSIONS].join(', ')})`);
    files.push(...found);
  }
  return files;
}

/** The `--fail-under` percentage, checked before any grading. */
function failUnder(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const p = Number(text.replace(/%$/, ''));
  if (!(Number.isFinite(p) && p >= 0 && p <= 100)) throw new CliError(`--fail-under takes a percentage from 0 to 100, not "${text}"`);
  return p;
}

function progressBar(done: number, total: number, name: string): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40).padEnd(40)}`;
}

/** A submission's score as a percentage of the points (an empty key counts as full marks). */
function percentOf(g: SubmissionGrade): number {
  return g.max > 0 ? (100 * g.total) / g.max : 100;
}

export function gradeCommand(): Command {
  return new Command('grade')
    .description('grade submissions (write-ups or chat transcripts) part by part against a key')
    .argument('<submissions...>', 'submission files: write-ups (.md, .txt) or transcripts (.txt, .json)')
    .requiredOption('-k, --key <file>', 'the answer key (*.key.yaml)')
    .option('-p, --problems <file>', "the problem set (default: the key's problems: field)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'md', 'html', 'csv']).default('table'))
    .option('-o, --out <dir>', 'also write reports there: a page per submission, index.html, grades.csv, grades.json')
    .option('--db <store>', DB_HELP)
    .option('--no-store', 'do not save the run')
    .option('--judge <model>', 'a model that judges free-text parts against their rubric (else they stay needs-review)')
    .option('--fail-under <percent>', 'exit 1 when a submission scores below this percentage of the points (for CI)')
    .option('--strict', 'exit 1 when a submission gets a warning (few parts recognised, not a text document)')
    .option('--variants <dir>', "grade each submission <id>.<ext> against <dir>/<id>/key.yaml (from partcredit variants)")
    .option('--read-with <model>', 'a vision model that reads PDF pages without a text layer (scans, handwriting)')
    .action(async (args: string[], flags: { key: string; problems?: string; format: string; out?: string; db?: string; store: boolean; variants?: string; judge?: string; failUnder?: string; strict?: boolean; readWith?: string }) => {
      const threshold = failUnder(flags.failUnder);
      const files = expandSubmissions(args);
      // With variants the key file is a template ({{a}} placeholders): each submission uses its own
      // student's rendered key, and the run records the first.
      const keyFor = flags.variants ? variantKeys(flags.variants) : undefined;
      const first = keyFor ? files.map((f) => { try { return keyFor(f); } catch { return undefined; } }).find(Boolean) : undefined;
      if (keyFor && !first) throw new CliError(`none of the submissions has a variant in ${flags.variants} (name them <id>.<ext>)`);
      const { key, problems, problemsPath } = first ? { ...first, problemsPath: undefined } : loadKeyAndProblems(flags.key, flags.problems);
      const store = flags.store || flags.judge || flags.readWith ? await openCliStore(flags.store ? flags.db : ':memory:', false) : undefined;
      const judge = flags.judge && store ? judgeFor(store, flags.judge) : undefined;
      const transcriber = flags.readWith && store ? pageTranscriber(store, flags.readWith) : undefined;
      const showProgress = files.length > 1 && process.stderr.isTTY;
      try {
        const { results, runId } = await gradeFiles({
          key,
          ...(problems ? { problems } : {}),
          files,
          ...(store && flags.store ? { store } : {}),
          keyPath: flags.key,
          ...(problemsPath ? { problemsPath } : {}),
          ...(keyFor && flags.variants ? { keyFor, variantsDir: flags.variants } : {}),
          ...(judge ? { judge } : {}),
          ...(transcriber ? { transcriber } : {}),
          onProgress: (done, total, last) => {
            if (last.error) process.stderr.write(`${showProgress ? '\n' : ''}error: ${last.error}\n`);
            if (showProgress) process.stderr.write(progressBar(done, total, last.path) + (done === total ? '\n' : ''));
          },
        });
        const grades = results.filter((r) => r.grade).map((r) => r.grade!);
        for (const r of results) for (const w of r.grade?.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(printGrades(grades, flags.format as ReportFormat, key.title ?? flags.key));
        if (flags.out) {
          const written = writeReports(flags.out, results, key.title ?? flags.key);
          process.stderr.write(`wrote ${written.length} files to ${flags.out}\n`);
        }
        if (flags.store && runId !== undefined) process.stderr.write(`saved as run ${runId} in ${store?.where} (partcredit regrade --run ${runId} after changing the key)\n`);
        if (results.some((r) => r.error) || (flags.strict && results.some((r) => r.grade?.warnings?.length))) process.exitCode = 1;
        if (!grades.length) throw new CliError('no submission could be graded');
        if (threshold !== undefined) {
          const below = grades.filter((g) => percentOf(g) < threshold);
          for (const g of below) process.stderr.write(`${g.submission}: ${percentOf(g).toFixed(1)}% is below --fail-under ${threshold}%\n`);
          if (below.length) process.exitCode = 1;
        }
      } finally {
        await store?.close();
      }
    });
}
