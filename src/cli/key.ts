import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readText } from './files.js';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KeyFileSchema } from '../model/key.js';
import { Command } from 'commander';
import { formatKeyProblem, loadKey, type KeyProblem } from '../documents/key.js';
import type { Key } from '../model/key.js';
import { canonicalPartId } from '../documents/part-ids.js';
import { leafParts, parseProblemSet } from '../documents/problem-set.js';
import { importSolutions, keySkeleton } from '../documents/key-write.js';
import { CliError } from './load.js';
import { checkComputedParts } from '../documents/key-check.js';
import { loadProblemSet } from '../documents/problem-set-file.js';
import { readDocumentFile } from '../documents/read-file.js';

function read(path: string): string {
  return readText(path);
}

/** The JSON Schema of key files, generated from the zod schema the loader validates with. */
export function keyJsonSchema(): Record<string, unknown> {
  // `input`: what a person writes (fields with defaults are optional). Refinements JSON Schema
  // cannot express are left to `partcredit key lint`.
  const schema = z.toJSONSchema(KeyFileSchema, { io: 'input', unrepresentable: 'any' });
  return { ...schema, title: 'partcredit answer key', description: 'An answer key for partcredit (*.key.yaml). `partcredit key lint` checks what this schema cannot.' };
}

/** Where the build writes the key schema (`npm run build`), inside the installed package. */
export const PACKAGED_SCHEMA = fileURLToPath(new URL('../key.schema.json', import.meta.url));

/** The `# yaml-language-server: $schema=...` line for a key written at `out` (stdout: the current folder). */
function schemaLine(out?: string): string {
  if (!existsSync(PACKAGED_SCHEMA)) return '';
  const from = out ? dirname(resolve(out)) : process.cwd();
  const path = relative(from, PACKAGED_SCHEMA).split('\\').join('/');
  return `# yaml-language-server: $schema=${path.startsWith('.') ? path : `./${path}`}\n`;
}

/** A problem set or solutions in any format (PDF, notebook, .tex, text), as Markdown + LaTeX. */
async function readDocument(path: string): Promise<string> {
  if (!existsSync(path)) throw new CliError(`no file at ${path}`);
  const doc = await readDocumentFile(new Uint8Array(readFileSync(path)), path);
  if (doc.text === undefined) throw new CliError(doc.warnings[0] ?? `${path}: not a document`);
  for (const w of doc.warnings) process.stderr.write(`warning: ${w}\n`);
  return doc.text;
}

function output(text: string, out?: string): void {
  if (out) {
    if (!existsSync(dirname(resolve(out)))) throw new CliError(`${out}: the folder ${dirname(out)} does not exist`);
    writeFileSync(out, text);
    process.stderr.write(`wrote ${out}\n`);
  } else process.stdout.write(text);
}

/**
 * Problems between a key and its problem set: parts one has and the other does not, each at its
 * line in the file that has it. A part the key writes with a mistake (already an error) is the
 * key's all the same: it is not reported missing too.
 */
async function crossCheck(keyPath: string, problemsPath: string, key: Key, errors: KeyProblem[]): Promise<KeyProblem[]> {
  const { set } = await loadProblemSet(problemsPath);
  const setParts = leafParts(set);
  const written = new Set([...key.parts.map((p) => p.id), ...errors.flatMap((e) => (e.part ? [canonicalPartId(e.part) ?? e.part] : []))]);
  const problems: KeyProblem[] = [];
  for (const p of key.parts) {
    if (!setParts.some((s) => s.id === p.id)) problems.push({ severity: 'warning', file: keyPath, ...(p.line ? { line: p.line } : {}), part: p.id, message: `not a part of ${problemsPath}` });
  }
  for (const s of setParts) {
    if (!written.has(s.id)) problems.push({ severity: 'warning', file: problemsPath, line: s.line, part: s.id, message: `the problem set has this part; the key (${keyPath}) does not grade it` });
  }
  return problems;
}

export function keyCommand(): Command {
  const key = new Command('key').description('write and check answer keys');
  key
    .command('lint')
    .description('explain every mistake in a key, with its line, part id and field')
    .argument('<key>', 'the key file')
    .option('-p, --problems <file>', "check the parts against this problem set (default: the key's problems: field)")
    .action(async (path: string, flags: { problems?: string }) => {
      const { key: k, problems } = loadKey(read(path), path);
      // Beside the key, named as the key is (relative stays relative), so messages name files as the user does.
      const problemsPath = flags.problems ?? (k?.problems ? join(dirname(path), k.problems) : undefined);
      if (k && problemsPath && existsSync(problemsPath)) problems.push(...(await crossCheck(path, problemsPath, k, problems)));
      for (const p of problems) process.stdout.write(`${formatKeyProblem(p)}\n`);
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.length - errors;
      process.stdout.write(`${path}: ${k ? `${k.parts.length} parts, ` : ''}${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
      if (errors) process.exitCode = 1;
    });
  key
    .command('check')
    .description('recompute every computed part and list the written answers that disagree with the computation')
    .argument('<key>', 'the key file')
    .action((path: string) => {
      const { key: k, problems } = loadKey(read(path), path);
      const computeErrors = problems.filter((p) => p.field === 'compute' || p.field?.startsWith('data'));
      for (const p of computeErrors) process.stdout.write(`${formatKeyProblem(p)}\n`);
      if (!k) throw new CliError(`${path} cannot be read: run partcredit key lint ${path}`);
      const result = checkComputedParts(k);
      for (const line of result.lines) process.stdout.write(`${line}\n`);
      process.stdout.write(
        `${path}: ${result.computed} computed part${result.computed === 1 ? '' : 's'}, ${result.disagreements} disagreement${result.disagreements === 1 ? '' : 's'}, ${computeErrors.length} error${computeErrors.length === 1 ? '' : 's'}\n`,
      );
      if (result.disagreements || computeErrors.length) process.exitCode = 1;
    });
  key
    .command('init')
    .description('write a key skeleton with every part of a problem set')
    .argument('<problems>', 'the problem set (Markdown + LaTeX)')
    .option('-o, --out <file>', 'write the key there instead of stdout')
    .action(async (path: string, flags: { out?: string }) => {
      const set = parseProblemSet(await readDocument(path), path);
      if (!set.questions.length) throw new CliError(`${path}: no numbered questions found (1. ..., ## Problem 1, Question 1)`);
      const rel = flags.out ? relative(dirname(resolve(flags.out)), resolve(path)) : path;
      output(schemaLine(flags.out) + keySkeleton(set, rel), flags.out);
    });
  key
    .command('schema')
    .description('print the JSON Schema of key files, for editors that complete and check YAML as it is typed')
    .option('-o, --out <file>', 'write the schema there instead of stdout')
    .action((flags: { out?: string }) => {
      output(`${JSON.stringify(keyJsonSchema(), null, 2)}\n`, flags.out);
    });
  key
    .command('import')
    .description('turn a solutions document (SOL: blocks, TO BE GRADED markers) into a key file to check and fix')
    .argument('<solutions>', 'the solutions document')
    .option('-o, --out <file>', 'write the key there instead of stdout')
    .action(async (path: string, flags: { out?: string }) => {
      const text = importSolutions(await readDocument(path), path);
      output(text, flags.out);
      const { problems } = loadKey(text, flags.out ?? 'imported key');
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length) process.stderr.write(`${errors.length} part${errors.length === 1 ? '' : 's'} to fix by hand:\n${errors.map(formatKeyProblem).join('\n')}\n`);
    });
  return key;
}
