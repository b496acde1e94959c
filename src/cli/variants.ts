import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readText } from './files.js';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { readRoster, renderVariant } from '../documents/variants.js';
import { loadKey, formatKeyProblem } from '../documents/key.js';
import { CliError } from './load.js';

export function variantsCommand(): Command {
  return new Command('variants')
    .description("render each student's problem set and computed key from the key's params, seeded by the student id")
    .requiredOption('-k, --key <file>', 'the key, with params: and {{name}} placeholders')
    .requiredOption('-s, --students <roster.csv>', 'the roster: a column id (or student, sid, email), else the first column')
    .option('-p, --problems <file>', "the problem set with {{name}} placeholders (default: the key's problems:)")
    .requiredOption('-o, --out <dir>', 'where to write <id>/key.yaml and <id>/problems.md')
    .action((flags: { key: string; students: string; problems?: string; out: string }) => {
      if (!existsSync(flags.key)) throw new CliError(`no key file at ${flags.key}`);
      if (!existsSync(flags.students)) throw new CliError(`no roster at ${flags.students}`);
      const keyText = readText(flags.key, 'key file');
      const problemsPath =
        flags.problems ??
        (() => {
          const m = /^problems:\s*['"]?([^'"\n]+)['"]?\s*$/m.exec(keyText);
          return m ? resolve(dirname(flags.key), m[1]!.trim()) : undefined;
        })();
      const problems = problemsPath && existsSync(problemsPath) ? readText(problemsPath, 'problem set') : undefined;
      const ids = readRoster(readText(flags.students, 'roster'));
      if (!ids.length) throw new CliError(`${flags.students}: no students`);
      let failed = 0;
      for (const id of ids) {
        const variant = renderVariant(keyText, problems, id);
        const dir = join(flags.out, id);
        mkdirSync(dir, { recursive: true });
        const keyOut = variant.key.replace(/^problems:.*$/m, problems ? "problems: 'problems.md'" : '');
        writeFileSync(join(dir, 'key.yaml'), keyOut);
        if (variant.problems !== undefined) writeFileSync(join(dir, 'problems.md'), variant.problems);
        const errors = loadKey(keyOut, join(dir, 'key.yaml')).problems.filter((p) => p.severity === 'error');
        if (errors.length) {
          failed++;
          process.stderr.write(`${id}: the rendered key has errors:\n${errors.map(formatKeyProblem).join('\n')}\n`);
        }
      }
      process.stderr.write(`wrote ${ids.length} variants to ${flags.out}${failed ? `; ${failed} with key errors` : ''} (grade with --variants ${flags.out}; submissions named <id>.<ext>)\n`);
      if (failed) process.exitCode = 1;
    });
}
