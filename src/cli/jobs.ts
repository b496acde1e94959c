import { fork } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { workRegradeJob } from '../run/regrade-jobs.js';
import { enqueueRegrade, jobStatus } from '../store/jobs.js';
import { CliError, loadKeyFile } from './load.js';
import { DB_HELP, openCliStore } from './store-option.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

/** `partcredit jobs`: grading as queued jobs in the store, worked by several processes, resumable. */
export function jobsCommand(): Command {
  const jobs = new Command('jobs').description('regrade as a queued job that several worker processes share; resumable after a crash');
  jobs
    .command('regrade')
    .description('queue a regrade of a run and work it with N worker processes')
    .option('--db <store>', DB_HELP)
    .option('--run <id>', 'the run (default: the newest)')
    .option('-k, --key <file>', 'the key (default: the key file the run was graded with, read again)')
    .option('--workers <n>', 'worker processes', '2')
    .action(async (flags: { db?: string; run?: string; key?: string; workers: string }) => {
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new CliError(`--workers: ${flags.workers} is not a number from 1 to 64`);
      const store = await openCliStore(flags.db);
      let jobId: number;
      try {
        const runId = flags.run ? Number(flags.run) : await store.latestRun();
        const run = runId === undefined || !Number.isInteger(runId) ? undefined : await store.run(runId);
        if (!run) throw new CliError(`${store.where} has no run ${flags.run ?? ''}`.trim());
        if (run.variants_dir && !flags.key) throw new CliError(`run ${run.id} was graded with per-student variants: queued regrades take one key (use partcredit regrade)`);
        const keyPath = flags.key ?? run.key_path ?? undefined;
        if (!keyPath) throw new CliError(`run ${run.id} has no key file on record: give --key`);
        const key = loadKeyFile(keyPath, true).key;
        const queued = await enqueueRegrade(store, run.id, key, keyPath);
        jobId = queued.jobId;
        process.stderr.write(`queued job ${jobId}: regrade of run ${run.id} (${queued.items} submissions) into grading ${queued.gradingId}; ${workers} worker(s)\n`);
      } finally {
        await store.close();
      }
      const codes = await Promise.all(Array.from({ length: workers }, () => runWorker(jobId, flags.db)));
      await printStatus(
        jobId,
        flags.db,
        codes.some((c) => c !== 0),
      );
    });
  jobs
    .command('work')
    .description('work on a queued job until nothing is left (run it again to resume after a crash)')
    .argument('<job>', 'the job id')
    .option('--db <store>', DB_HELP)
    .option('--batch <n>', 'submissions graded and committed together', '20')
    .action(async (job: string, flags: { db?: string; batch: string }) => {
      const batch = Number(flags.batch);
      if (!Number.isInteger(batch) || batch < 1) throw new CliError(`--batch: ${flags.batch} is not a positive whole number`);
      // Grading is batch work: on a machine shared with `serve` (and its PostgreSQL), reviewers' requests come first.
      try {
        setPriority(Math.max(getPriority(), 10));
      } catch {
        // not allowed here: the worker runs at the priority it was given
      }
      const store = await openCliStore(flags.db);
      try {
        const id = Number(job);
        if (!Number.isInteger(id) || !(await jobStatus(store, id))) throw new CliError(`${store.where} has no job ${job}`);
        const n = await workRegradeJob(store, id, batch);
        process.stderr.write(`worker ${process.pid}: graded ${n} submission(s) of job ${id}\n`);
      } finally {
        await store.close();
      }
    });
  jobs
    .command('status')
    .description('how far a job is')
    .argument('<job>', 'the job id')
    .option('--db <store>', DB_HELP)
    .action(async (job: string, flags: { db?: string }) => printStatus(Number(job), flags.db, false));
  return jobs;
}

/** A worker as its own process (`partcredit jobs work`), with the same store. */
function runWorker(jobId: number, db: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const child = fork(MAIN, ['jobs', 'work', String(jobId), ...(db ? ['--db', db] : [])], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function printStatus(jobId: number, db: string | undefined, workerFailed: boolean): Promise<void> {
  const store = await openCliStore(db);
  try {
    const s = await jobStatus(store, jobId);
    if (!s) throw new CliError(`${store.where} has no job ${jobId}`);
    process.stdout.write(`job ${s.id} (${s.kind} of run ${s.runId} into grading ${s.gradingId}): ${s.done}/${s.total} submissions graded${s.finished ? ', finished' : ''}\n`);
    if (workerFailed || s.done < s.total) throw new CliError(`job ${s.id} is not finished: resume it with partcredit jobs work ${s.id}`);
  } finally {
    await store.close();
  }
}
