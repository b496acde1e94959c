import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { Command, Option } from 'commander';
import { gradeFiles, type GradedSubmission } from '../run/grading.js';
import type { Store } from '../store/db.js';
import { DB_HELP, openCliStore } from './store-option.js';
import { gradeJson } from '../report/json.js';
import { gradeTable, summaryTable } from '../report/table.js';
import { gradeMarkdown } from '../report/markdown.js';
import { gradebookCsv } from '../report/csv.js';
import { summaryHtml } from '../report/html.js';
import { prepareOutDir, reportFiles, type OutFolder } from '../report/write-out.js';
import { printable, printableJson } from '../report/printable.js';
import type { SubmissionGrade } from '../model/grade.js';
import { loadKeyAndProblems, CliError } from './load.js';
import { UserError } from '../model/errors.js';
import { variantKeys } from './variant-keys.js';
import { cachedAsk } from '../run/model-run.js';
import { parseModelRef } from '../run/providers.js';
import { Scheduler } from '../run/scheduler.js';
import type { JudgeAsk } from '../grade/judge.js';
import { pageTranscriber } from '../run/page-reader.js';
import { assignRuns, courseByName } from '../store/accounts.js';

/** A judge model through the store's cache (a judged answer is not paid for twice). */
function judgeFor(store: Store, model: string, timeoutMs: number, maxWaitMs: number): JudgeAsk {
  const ask = cachedAsk(store, parseModelRef(model), { temperature: 0, timeoutMs }, new Scheduler({ concurrency: 4, maxWaitMs }), 0);
  return async (messages) => (await ask(messages)).text;
}

export type ReportFormat = 'table' | 'json' | 'md' | 'html' | 'csv';

/**
 * Grades in a format, for the terminal; HTML to stdout is the summary page. What a submission
 * says is not trusted: control characters are dropped (JSON keeps them, escaped).
 */
export function printGrades(grades: SubmissionGrade[], format: ReportFormat, title: string): string {
  return format === 'json' ? printableJson(formatGrades(grades, format, title)) : printable(formatGrades(grades, format, title));
}

function formatGrades(grades: SubmissionGrade[], format: ReportFormat, title: string): string {
  switch (format) {
    case 'json':
      return `${grades.map((g) => JSON.stringify(gradeJson(g))).join('\n')}\n`;
    case 'md':
      return grades.map(gradeMarkdown).join('\n');
    case 'csv':
      return gradebookCsv(grades);
    case 'html':
      return summaryHtml(grades, title);
    default:
      return `${grades.map((g) => gradeTable(g)).join('\n\n') + (grades.length > 1 ? `\n\n${summaryTable(grades)}` : '')}\n`;
  }
}

/** Writes every report into a folder (replaced whole): a page per submission, the summary, CSV and JSON. */
export function writeReports(out: OutFolder, results: GradedSubmission[], title: string): string[] {
  return out.commit(
    reportFiles(
      results.flatMap((r) => (r.grade && r.submission ? [{ submission: r.submission, grade: r.grade, ...(r.sourceImages ? { sources: r.sourceImages } : {}) }] : [])),
      title,
    ),
  );
}

/**
 * Extensions of the files a folder given to `grade` contributes: write-ups and transcripts, and the
 * documents people hand in (PDFs, notebooks, saved pages, word processors' files, saved mail, captured API traffic). A sheet (`.csv`)
 * is as often a roster as a submission: it is graded when named, not picked up.
 */
const SUBMISSION_EXTENSIONS = new Set([
  '.md',
  '.markdown',
  '.txt',
  '.vtt',
  '.srt',
  '.json',
  '.jsonl',
  // (A browser's or a proxy's capture of a chat's API traffic: http-captures.ts.)
  '.har',
  '.tex',
  '.pdf',
  '.ipynb',
  '.zpln',
  '.tm',
  '.html',
  '.htm',
  '.docx',
  '.odt',
  '.fodt',
  '.rtf',
  '.eml',
  '.mbox',
]);

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
      .filter(
        (f) =>
          !relative(arg, f)
            .split(sep)
            .some((seg) => seg.startsWith('.')),
      )
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

/** The progress line of a batch (the file name is shown without its control characters). */
export function progressBar(done: number, total: number, name: string): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${printable(name).slice(0, 40).padEnd(40)}`;
}

/** A submission's score as a percentage of the points (an empty key counts as full marks). */
function percentOf(g: SubmissionGrade): number {
  return g.max > 0 ? (100 * g.total) / g.max : 100;
}

export function gradeCommand(): Command {
  return new Command('grade')
    .description('grade submissions (write-ups or chat transcripts) part by part against a key')
    .argument(
      '<submissions...>',
      'submission files: write-ups or chat transcripts (.md, .txt, .json), PDFs, notebooks (.ipynb, Zeppelin .zpln, and scripts with cell marks), .tex, TeXmacs (.tm), .docx, .odt (and Flat XML .fodt), .rtf, saved mail (.eml, .mbox), web pages (.html), captions and transcripts of recordings (.vtt, .srt)',
    )
    .requiredOption('-k, --key <file>', 'the answer key (*.key.yaml)')
    .option('-p, --problems <file>', "the problem set (default: the key's problems: field)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'md', 'html', 'csv']).default('table'))
    .option('-o, --out <dir>', 'also write reports there: a page per submission, index.html, grades.csv, grades.json')
    .option('--db <store>', DB_HELP)
    .option('--no-store', 'do not save the run')
    .option('--course <name>', "the course that owns the run (staff accounts see their courses' runs only)")
    .option('--judge <model>', 'a model that judges free-text parts against their rubric (else they stay needs-review)')
    .option('--timeout <seconds>', 'abandon and retry a judge request after this long', '300')
    .option('--max-wait <seconds>', "the longest a judge's server may make us wait (Retry-After) before it is reported throttled", '60')
    .option('--fail-under <percent>', 'exit 1 when a submission scores below this percentage of the points (for CI)')
    .option('--strict', 'exit 1 when a submission gets a warning (few parts recognised, not a text document)')
    .option('--variants <dir>', 'grade each submission <id>.<ext> against <dir>/<id>/key.yaml (from partcredit variants)')
    .option('--read-with <model>', 'a vision model that reads PDF pages without a text layer (scans, handwriting)')
    .action(
      async (
        args: string[],
        flags: {
          key: string;
          problems?: string;
          format: string;
          out?: string;
          db?: string;
          store: boolean;
          course?: string;
          variants?: string;
          judge?: string;
          failUnder?: string;
          strict?: boolean;
          readWith?: string;
          timeout: string;
          maxWait: string;
        },
      ) => {
        const threshold = failUnder(flags.failUnder);
        const files = expandSubmissions(args);
        // With variants the key file is a template ({{a}} placeholders): each submission uses its own
        // student's rendered key, and the run records the first.
        const keyFor = flags.variants ? variantKeys(flags.variants) : undefined;
        const first = keyFor
          ? files
              .map((f) => {
                try {
                  return keyFor(f);
                } catch {
                  return undefined;
                }
              })
              .find(Boolean)
          : undefined;
        if (keyFor && !first) throw new CliError(`none of the submissions has a variant in ${flags.variants} (name them <id>.<ext>)`);
        const { key, problems, problemsPath } = first ? { ...first, problemsPath: undefined } : await loadKeyAndProblems(flags.key, flags.problems);
        const timeoutMs = seconds(flags.timeout, '--timeout');
        const maxWaitMs = seconds(flags.maxWait, '--max-wait');
        if (flags.judge) parseModelRef(flags.judge);
        if (flags.readWith) parseModelRef(flags.readWith);
        // The report folder is checked (and reserved) before anything is graded or stored.
        const out = flags.out ? prepareOutDir(flags.out) : undefined;
        let store: Store | undefined;
        try {
          store =
            flags.store || flags.judge || flags.readWith ? await openCliStore(flags.store ? flags.db : ':memory:', false, { onBusy: (m) => process.stderr.write(`${printable(m)}\n`) }) : undefined;
          // Checked before grading: a misspelt course must not cost a batch.
          const course = flags.course !== undefined && store && flags.store ? await courseByName(store, flags.course) : undefined;
          if (flags.course !== undefined && !flags.store) throw new CliError('--course needs the store (it is the run that belongs to the course)');
          if (flags.course !== undefined && !course) throw new CliError(`no course "${flags.course}" in the store: partcredit course list shows them; partcredit users add makes one`);
          const judge = flags.judge && store ? judgeFor(store, flags.judge, timeoutMs, maxWaitMs) : undefined;
          const transcriber = flags.readWith && store ? pageTranscriber(store, flags.readWith) : undefined;
          const showProgress = files.length > 1 && process.stderr.isTTY;
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
            renderSources: !!flags.out,
            onProgress: (done, total, last) => {
              if (last.error) process.stderr.write(`${showProgress ? '\n' : ''}error: ${printable(last.error)}\n`);
              if (showProgress) process.stderr.write(progressBar(done, total, last.path) + (done === total ? '\n' : ''));
            },
          });
          const grades = results.filter((r) => r.grade).map((r) => r.grade!);
          for (const r of results) for (const w of r.grade?.warnings ?? []) process.stderr.write(`warning: ${printable(w)}\n`);
          process.stdout.write(printGrades(grades, flags.format as ReportFormat, key.title ?? flags.key));
          // A batch that graded nothing leaves an earlier report folder as it was.
          if (out && grades.length) {
            const written = writeReports(out, results, key.title ?? flags.key);
            process.stderr.write(`wrote ${written.length} files to ${printable(out.dir)}\n`);
          }
          if (course && store && runId !== undefined) await assignRuns(store, course.id, [runId]);
          if (flags.store && runId !== undefined)
            process.stderr.write(`saved as run ${runId}${course ? ` of ${flags.course}` : ''} in ${store?.where} (partcredit regrade --run ${runId} after changing the key)\n`);
          if (results.some((r) => r.error) || (flags.strict && results.some((r) => r.grade?.warnings?.length))) process.exitCode = 1;
          if (!grades.length) throw new CliError('no submission could be graded');
          if (threshold !== undefined) {
            const below = grades.filter((g) => percentOf(g) < threshold);
            for (const g of below) process.stderr.write(`${printable(g.submission)}: ${percentOf(g).toFixed(1)}% is below --fail-under ${threshold}%\n`);
            if (below.length) process.exitCode = 1;
          }
        } finally {
          out?.discard();
          await store?.close();
        }
      },
    );
}

/** A flag's number of seconds, in milliseconds; a user error when it is not a positive number. */
export function seconds(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`"${value}" is not a number of seconds`, flag);
  return n * 1000;
}
