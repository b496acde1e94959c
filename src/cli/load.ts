import { existsSync } from 'node:fs';
import { readText } from './files.js';
import { dirname, resolve } from 'node:path';
import { loadKey, formatKeyProblem, type KeyProblem } from '../documents/key.js';
import { UserError } from '../model/errors.js';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import { loadProblemSet, readProblemSetFile } from '../documents/problem-set-file.js';

/** A usage or input error the CLI reports in one line and exits 2 for. */
export class CliError extends UserError {}

/** Reads a key file; errors in it stop here with every problem listed, warnings go to stderr. */
export function loadKeyFile(keyPath: string, quiet = false): { key: Key; issues: KeyProblem[] } {
  const { key, problems: issues } = loadKey(readText(keyPath, 'key file'), keyPath);
  const errors = issues.filter((p) => p.severity === 'error');
  if (!key || errors.length) {
    // One mistake is one line; several are listed, one per line, under a count.
    if (errors.length === 1) throw new CliError(formatKeyProblem(errors[0]!));
    throw new CliError(`the key has ${errors.length} errors (run partcredit key lint ${keyPath}):\n${errors.map(formatKeyProblem).join('\n')}`);
  }
  if (!quiet) for (const w of issues) process.stderr.write(`${formatKeyProblem(w)}\n`);
  return { key, issues };
}

/**
 * The problem set's path: `--problems` (which must exist), else the key's `problems:` beside
 * the key (a warning when it is not there: grading then aligns by numbers and titles only).
 */
function problemsPathFor(keyPath: string, key: Key, problemsPath?: string): string | undefined {
  const path = problemsPath ?? (key.problems ? resolve(dirname(keyPath), key.problems) : undefined);
  if (path && !existsSync(path)) {
    if (problemsPath) throw new CliError(`no problem set at ${problemsPath}`);
    process.stderr.write(`${keyPath}: warning: problems: ${key.problems} not found beside the key; aligning by numbers and part titles only\n`);
    return undefined;
  }
  return path;
}

/**
 * Reads a key file and its problem set (`--problems`, else the key's `problems:` beside it), in
 * any format a problem set comes in, a PDF included (see `loadProblemSet`).
 */
export async function loadKeyAndProblems(keyPath: string, problemsPath?: string, quiet = false): Promise<{ key: Key; problems?: ProblemSet; problemsPath?: string; issues: KeyProblem[] }> {
  const { key, issues } = loadKeyFile(keyPath, quiet);
  const path = problemsPathFor(keyPath, key, problemsPath);
  if (!path) return { key, issues };
  const { set, warnings } = await loadProblemSet(path);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  return { key, problems: set, problemsPath: path, issues };
}

/**
 * The synchronous loader, for per-student variant keys: their problem sets are the Markdown
 * `partcredit variants` writes, never a PDF (a PDF is refused with a one-line error).
 */
export function loadKeyAndTextProblems(keyPath: string, quiet = false): { key: Key; problems?: ProblemSet } {
  const { key } = loadKeyFile(keyPath, quiet);
  const path = problemsPathFor(keyPath, key);
  return { key, ...(path ? { problems: readProblemSetFile(path) } : {}) };
}
