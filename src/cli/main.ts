#!/usr/bin/env node
import * as nodeModule from 'node:module';
// Node 22.1+ keeps compiled code between runs (a third of start-up); Node 20 has no such cache.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
import type { Command } from 'commander';

/** A command of the CLI: its name and one-line summary for `--help`, and how to load it. */
interface LazyCommand {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

// One line per command. A command's module (and what it imports: the CAS, the store, provider
// SDKs, KaTeX) is loaded only when that command runs, so `--help` and `check 5 5` start fast.
const COMMANDS: LazyCommand[] = [
  { name: 'check', summary: 'decide whether an answer equals the expected one, for any answer type of the key format', load: async () => (await import('./check.js')).checkCommand() },
  { name: 'grade', summary: 'grade submissions (write-ups or chat transcripts) part by part against a key', load: async () => (await import('./grade.js')).gradeCommand() },
  { name: 'regrade', summary: 'grade a stored run again after the key changed', load: async () => (await import('./regrade.js')).regradeCommand() },
  { name: 'key', summary: 'write and check answer keys (lint, check, init, import, schema)', load: async () => (await import('./key.js')).keyCommand() },
  { name: 'variants', summary: "render each student's problem set and computed key from the key's params", load: async () => (await import('./variants.js')).variantsCommand() },
  { name: 'run', summary: 'run models on a problem set through their APIs, with hints for the parts they get wrong', load: async () => (await import('./run.js')).runCommand() },
  { name: 'agreement', summary: "compare partcredit's verdicts with a person's labels: per part, per submission, overall", load: async () => (await import('./agreement.js')).agreementCommand() },
  { name: 'compare', summary: 'parts × models: one-shot, after hint k, not solved; tokens, cost, time; disputed key parts', load: async () => (await import('./run.js')).compareCommand() },
  { name: 'serve', summary: 'the review app: see, override and group verdicts in the browser', load: async () => (await import('./serve.js')).serveCommand() },
  { name: 'export', summary: 'gradebook, Canvas and Gradescope exports of a run, with overrides applied', load: async () => (await import('./export.js')).exportCommand() },
  { name: 'db', summary: 'the store: apply migrations, copy between a SQLite file and PostgreSQL (counts and checksums compared)', load: async () => (await import('./db.js')).dbCommand() },
  { name: 'users', summary: 'staff accounts of the review app: add, invite, list, remove (roles per course)', load: async () => (await import('./users.js')).usersCommand() },
  { name: 'course', summary: 'courses: which runs each owns (staff accounts see their own courses only)', load: async () => (await import('./course.js')).courseCommand() },
  { name: 'jobs', summary: 'regrade as a queued job shared by several worker processes, resumable after a crash', load: async () => (await import('./jobs.js')).jobsCommand() },
];

/** The first word of argv that is not an option: the command to load (undefined for `--help`). */
function commandName(args: string[]): string | undefined {
  const word = args.find((a) => !a.startsWith('-'));
  return word === 'help' ? args[args.indexOf(word) + 1] : word;
}

async function main(argv: string[]): Promise<void> {
  // Imported here, not at the top, so the compile cache above covers them too.
  const { Command } = await import('commander');
  const program = new Command('partcredit')
    .description('Grade answers to STEM problem sets part by part, with checks that understand mathematics.')
    .version('0.1.0')
    .option('--debug', 'print the stack trace of any error')
    .exitOverride()
    .configureOutput(OUTPUT);
  const wanted = COMMANDS.filter((c) => c.name === commandName(argv.slice(2)));
  for (const c of COMMANDS) {
    // The command that runs is loaded whole; the others appear in --help by name and summary.
    program.addCommand(wanted.includes(c) ? usageErrorsThrow(await c.load()) : new Command(c.name).description(c.summary));
  }
  await program.parseAsync(argv);
}

/** Commander's usage errors as one `partcredit: ...` line, like every other error. */
const OUTPUT = { outputError: (text: string, write: (s: string) => void) => write(`partcredit: ${oneLine(text)}\n`) };

function oneLine(text: string): string {
  return text
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n+\s*/g, ' ');
}

/** A command and its subcommands throw usage errors to the central handler instead of exiting. */
function usageErrorsThrow(command: Command): Command {
  command.exitOverride().configureOutput(OUTPUT);
  for (const sub of command.commands) usageErrorsThrow(sub);
  return command;
}

main(process.argv).catch(async (e: unknown) => {
  const { printError } = await import('./errors.js');
  process.exitCode = printError(e, process.argv.includes('--debug'));
});
