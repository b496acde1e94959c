#!/usr/bin/env node
import { Command } from 'commander';
import { checkCommand } from './check.js';

const program = new Command('partcredit')
  .description('Grade answers to STEM problem sets part by part, with checks that understand mathematics.')
  .version('0.1.0')
  .addCommand(checkCommand());

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`partcredit: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
