import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { DB_HELP, openCliStore } from './store-option.js';
import { Review } from '../server/review.js';
import { CliError } from './load.js';
import { isUserError } from '../model/errors.js';

/** `partcredit export`: grades with staff overrides applied, for a gradebook, Canvas, Gradescope or students. */
export function exportCommand(): Command {
  return new Command('export')
    .description('export a run with staff overrides applied: gradebook CSV, Canvas CSV, Gradescope results.json, per-student pages')
    .addOption(new Option('-f, --format <format>', 'what to export').choices(['gradebook', 'canvas', 'gradescope', 'students', 'agreement']).default('gradebook'))
    .option('--db <store>', DB_HELP)
    .option('--run <id>', 'the run (default: the newest)')
    .option('--roster <file>', "a roster CSV (Canvas's: Student, ID, SIS User ID, SIS Login ID, Section) for --format canvas")
    .option('--assignment <name>', "the assignment's column name in Canvas (default: the key's title)")
    .option('--release', 'show the key (expected answers, feedback) in student pages and Gradescope output')
    .option('-o, --out <path>', 'a file (gradebook, canvas, agreement) or a folder (gradescope, students); default stdout / ./export')
    .action(async (flags: { format: string; db?: string; run?: string; roster?: string; assignment?: string; release?: boolean; out?: string }) => {
      const store = await openCliStore(flags.db);
      try {
        const runId = flags.run ? Number(flags.run) : await store.latestRun();
        if (runId === undefined || !Number.isInteger(runId) || !(await store.run(runId))) throw new CliError(`${store.where} has no run ${flags.run ?? ''}`.trim());
        const review = new Review(store, 'export');
        const write = (text: string) => (flags.out ? writeFileSync(flags.out, text) : process.stdout.write(text));
        if (flags.format === 'gradebook') write(await review.gradebook(runId));
        else if (flags.format === 'agreement') {
          const rows = await review.agreement(runId);
          write(
            `${['part,decided,overridden,exact,right_vs_wrong,confidently_wrong', ...rows.map((r) => `${r.partId},${r.parts},${r.overridden},${r.exact},${r.rightWrong},${r.confidentlyWrong}`)].join('\n')}\n`,
          );
        } else if (flags.format === 'canvas') {
          if (!flags.roster) throw new CliError('--format canvas needs --roster FILE (export it from Canvas: Grades → Export)');
          if (!existsSync(flags.roster)) throw new CliError(`no roster at ${flags.roster}`);
          const { csv, unmatched, missing } = await review.canvas(runId, readFileSync(flags.roster, 'utf8'), flags.assignment);
          write(csv);
          for (const u of unmatched) process.stderr.write(`warning: submission ${u} matches no student of the roster\n`);
          if (missing.length) process.stderr.write(`${missing.length} student(s) of the roster have no submission (left empty)\n`);
        } else {
          const dir = flags.out ?? 'export';
          mkdirSync(dir, { recursive: true });
          const safe = (n: string) => n.replace(/[^\w.-]+/g, '_');
          if (flags.format === 'gradescope') {
            for (const [name, results] of Object.entries(await review.gradescope(runId, !!flags.release))) {
              mkdirSync(join(dir, safe(name)), { recursive: true });
              writeFileSync(join(dir, safe(name), 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
            }
          } else {
            for (const g of await review.reviewed(runId)) writeFileSync(join(dir, `${safe(g.submission)}.html`), await review.studentPage(runId, g.submission, !!flags.release));
          }
          process.stderr.write(`wrote ${flags.format} to ${dir}${flags.release ? '' : ' (key hidden: --release to show it)'}\n`);
        }
      } catch (e) {
        // A user's mistake (an unknown part, a bad roster) is one line, not a stack.
        throw isUserError(e) ? new CliError(e.message) : e;
      } finally {
        await store.close();
      }
    });
}
