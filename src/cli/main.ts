#!/usr/bin/env node
import { Command } from 'commander';
import { checkCommand } from './check.js';
import { gradeCommand } from './grade.js';
import { regradeCommand } from './regrade.js';
import { keyCommand } from './key.js';
import { variantsCommand } from './variants.js';
import { runCommand, compareCommand } from './run.js';
import { serveCommand } from './serve.js';
import { exportCommand } from './export.js';
import { CliError } from './load.js';

const program = new Command('partcredit')
  .description('Grade answers to STEM problem sets part by part, with checks that understand mathematics.')
  .version('0.1.0')
  .addCommand(checkCommand())
  .addCommand(gradeCommand())
  .addCommand(regradeCommand())
  .addCommand(keyCommand())
  .addCommand(variantsCommand())
  .addCommand(runCommand())
  .addCommand(compareCommand())
  .addCommand(serveCommand())
  .addCommand(exportCommand());

program.parseAsync(process.argv).catch((e: unknown) => {
  // Usage and input errors are one clear message; anything else is a bug worth its stack.
  const expected = e instanceof CliError || (e instanceof Error && /JSON|--|give /.test(e.message));
  process.stderr.write(`partcredit: ${e instanceof Error ? (expected ? e.message : e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
