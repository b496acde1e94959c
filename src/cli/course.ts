import { Command } from 'commander';
import { assignRuns, ensureCourse, courseByName, listCourses } from '../store/accounts.js';
import { CliError } from './load.js';
import { DB_HELP, openCliStore } from './store-option.js';

/** `partcredit course`: courses own runs; staff accounts see the runs of their courses only. */
export function courseCommand(): Command {
  const course = new Command('course').description('courses: which runs each owns (staff accounts see their own courses only)');
  course
    .command('add')
    .description('make a course')
    .argument('<name>', 'its name')
    .option('--db <store>', DB_HELP)
    .action(async (name: string, flags: { db?: string }) => {
      const store = await openCliStore(flags.db, false);
      try {
        if (!name.trim()) throw new CliError('a course needs a name');
        const r = await ensureCourse(store, name);
        process.stdout.write(`${r.created ? 'made' : 'there is already'} the course ${name}\n`);
      } finally {
        await store.close();
      }
    });
  course
    .command('list')
    .description('every course, with its runs and members')
    .option('--db <store>', DB_HELP)
    .action(async (flags: { db?: string }) => {
      const store = await openCliStore(flags.db, true);
      try {
        const rows = await listCourses(store);
        process.stdout.write(`course\truns\tmembers\n${rows.map((r) => `${r.name}\t${r.runs}\t${r.members}`).join('\n')}${rows.length ? '\n' : ''}`);
      } finally {
        await store.close();
      }
    });
  course
    .command('assign')
    .description('give runs to a course (a run belongs to one course: this moves it from another)')
    .argument('<name>', 'the course')
    .option('--run <ids...>', 'the runs')
    .option('--unassigned', 'every run that belongs to no course')
    .option('--db <store>', DB_HELP)
    .action(async (name: string, flags: { run?: string[]; unassigned?: boolean; db?: string }) => {
      if (!flags.run === !flags.unassigned) throw new CliError('give --run N... or --unassigned (one of them)');
      const ids = (flags.run ?? []).map((r) => {
        const n = Number(r);
        if (!Number.isInteger(n) || n < 1) throw new CliError(`--run: ${r} is not a run id`);
        return n;
      });
      const store = await openCliStore(flags.db, true);
      try {
        const c = await courseByName(store, name);
        if (!c) throw new CliError(`no course "${name}": partcredit course add makes one`);
        // All or nothing: a mistyped id leaves every run where it was.
        const missing = [];
        for (const id of ids) if (!(await store.run(id))) missing.push(id);
        if (missing.length) throw new CliError(`no run ${missing.join(', ')} in ${store.where}`);
        const done = await assignRuns(store, c.id, flags.unassigned ? 'unassigned' : ids);
        process.stdout.write(done.length ? `gave run ${done.join(', ')} to ${name}\n` : 'no run belongs to no course\n');
      } finally {
        await store.close();
      }
    });
  return course;
}
