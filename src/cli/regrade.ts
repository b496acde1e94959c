import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { DB_HELP, openCliStore } from './store-option.js';
import { regradeRun } from '../run/grading.js';
import { assignmentOf } from '../documents/assignment.js';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import { loadKeyAndProblems, CliError } from './load.js';
import { printGrades, type ReportFormat } from './grade.js';
import { variantKeys } from './variant-keys.js';
import { printable } from '../report/printable.js';

export function regradeCommand(): Command {
  return new Command('regrade')
    .description('grade a stored run again after the key changed, without reading or segmenting the submissions again')
    .option('--db <store>', DB_HELP)
    .option('--run <id>', 'the run to regrade (default: the newest)')
    .option('-k, --key <file>', 'the key to grade with (default: the key file the run was graded with, read again)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'md', 'html', 'csv']).default('table'))
    .action(async (flags: { db?: string; run?: string; key?: string; format: string }) => {
      const store = await openCliStore(flags.db, true, { onBusy: (m) => process.stderr.write(`${printable(m)}\n`) });
      try {
        const runId = flags.run ? Number(flags.run) : await store.latestRun();
        if (runId === undefined || Number.isNaN(runId)) throw new CliError(`${store.where} has no run to regrade`);
        const run = await store.run(runId);
        if (!run) throw new CliError(`${store.where} has no run ${flags.run}`);
        const keyPath = flags.key ?? run.key_path ?? undefined;
        if (!keyPath) throw new CliError(`run ${runId} has no key file on record: give --key`);
        // A run graded with per-student variants regrades each student against their own key;
        // its key file is a template with placeholders, not a key to load.
        const variants = run.variants_dir && !flags.key ? variantKeys(run.variants_dir) : undefined;
        const first = (await store.submissions(runId))[0];
        // The problem set the run was graded with, when it is still there: the values its questions
        // state are read the same way on a regrade.
        const problemsPath = run.problems_path && existsSync(run.problems_path) ? run.problems_path : undefined;
        const loaded: { key: Key; problems?: ProblemSet } = variants && first ? { key: variants(first.path ?? first.name).key } : await loadKeyAndProblems(keyPath, problemsPath, true);
        const key = loaded.key;
        const { gradingId, grades } = await regradeRun(store, runId, assignmentOf(key, loaded.problems), keyPath, variants && ((path) => variants(path).key));
        process.stdout.write(printGrades(grades, flags.format as ReportFormat, key.title ?? keyPath));
        process.stderr.write(`regraded run ${runId} with ${keyPath} (grading ${gradingId}); the earlier grades are kept\n`);
      } finally {
        await store.close();
      }
    });
}
