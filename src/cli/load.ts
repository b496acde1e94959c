import { existsSync, readFileSync } from 'node:fs';
import { readDocumentFile } from '../documents/read-file.js';
import { sniffFile } from '../documents/sniff.js';
import { readText } from './files.js';
import { dirname, resolve } from 'node:path';
import { loadKey, formatKeyProblem, type KeyProblem } from '../documents/key.js';
import { parseProblemSet } from '../documents/problem-set.js';
import { UserError } from '../model/errors.js';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import { problemSetText } from '../documents/problem-set-file.js';

/** A usage or input error the CLI reports in one line and exits 2 for. */
export class CliError extends UserError {}

/**
 * Reads a key file and its problem set (`--problems`, else the key's `problems:` beside it).
 * Errors in the key stop here with every problem listed; warnings go to stderr.
 */
export function loadKeyAndProblems(keyPath: string, problemsPath?: string, quiet = false, problemsText?: string): { key: Key; problems?: ProblemSet; problemsPath?: string; issues: KeyProblem[] } {
  const { key, problems: issues } = loadKey(readText(keyPath, 'key file'), keyPath);
  const errors = issues.filter((p) => p.severity === 'error');
  if (!key || errors.length) {
    // One mistake is one line; several are listed, one per line, under a count.
    if (errors.length === 1) throw new CliError(formatKeyProblem(errors[0]!));
    throw new CliError(`the key has ${errors.length} errors (run partcredit key lint ${keyPath}):\n${errors.map(formatKeyProblem).join('\n')}`);
  }
  if (!quiet) for (const w of issues) process.stderr.write(`${formatKeyProblem(w)}\n`);
  const path = problemsPath ?? (key.problems ? resolve(dirname(keyPath), key.problems) : undefined);
  if (path && !existsSync(path)) {
    if (problemsPath) throw new CliError(`no problem set at ${problemsPath}`);
    process.stderr.write(`${keyPath}: warning: problems: ${key.problems} not found beside the key; aligning by numbers and part titles only\n`);
    return { key, issues };
  }
  const problems = path ? parseProblemSet(problemsText ?? problemSetText(readText(path, 'problem set'), path), path) : undefined;
  return { key, ...(problems ? { problems, problemsPath: path } : {}), issues };
}

/**
 * A `--problems` PDF (a problem set typed in LaTeX and compiled), read into Markdown + LaTeX for
 * `loadKeyAndProblems`: the PDF reader is asynchronous, the loader is not. Undefined for any
 * other file.
 */
export async function problemsPdfText(problemsPath?: string): Promise<string | undefined> {
  if (!problemsPath || !existsSync(problemsPath)) return undefined;
  const bytes = new Uint8Array(readFileSync(problemsPath));
  if (sniffFile(bytes.subarray(0, 1024), problemsPath) !== 'pdf') return undefined;
  const doc = await readDocumentFile(bytes, problemsPath);
  if (doc.text === undefined || !doc.text.trim()) throw new CliError(doc.warnings[0] ?? `${problemsPath}: the PDF has no text`);
  for (const w of doc.warnings) process.stderr.write(`warning: ${w}\n`);
  return doc.text;
}
