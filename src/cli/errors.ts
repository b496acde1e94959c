import { CommanderError } from 'commander';
import { isUserError } from '../model/errors.js';

/** Exit code of a user's mistake (a bad flag, file or key); 1 is kept for "graded, and it failed". */
export const USAGE_EXIT = 2;

/** Errors from the file system that are about a path the user gave, in words. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

interface SystemError extends Error {
  code?: string;
  path?: string;
  syscall?: string;
}

/** YAML's errors carry `linePos`; zod's carry `issues`. Both are read structurally, so neither library is loaded here. */
interface YamlLike extends Error {
  linePos?: { line: number; col: number }[];
}
interface ZodLike extends Error {
  issues: { path: PropertyKey[]; message: string }[];
}

/**
 * The one line a user's mistake is reported in, or undefined when the error is a bug (whose
 * stack trace is worth printing).
 */
export function userMessage(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  if (isUserError(e)) return e.message;
  const sys = e as SystemError;
  if (sys.code && FILE_ERRORS[sys.code] && sys.path) return `${sys.path}: ${FILE_ERRORS[sys.code]}`;
  const yaml = e as YamlLike;
  if ((e.name === 'YAMLParseError' || e.name === 'YAMLWarning' || e.name === 'YAMLError') && yaml.linePos?.[0]) {
    const { line, col } = yaml.linePos[0];
    return `${line}:${col}: not valid YAML: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  const zod = e as ZodLike;
  if (e.name === 'ZodError' && Array.isArray(zod.issues) && zod.issues[0]) {
    const issue = zod.issues[0];
    return `${issue.path.length ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/**
 * Prints an error that ended a command and returns the exit code: a user's mistake is one
 * line (its stack only with `--debug`), exit 2; anything else is a bug, printed with its stack.
 */
export function printError(e: unknown, debug: boolean): number {
  // Commander has printed its own one-line usage error (or the help, or the version) already.
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE_EXIT;
  const message = userMessage(e);
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  if (message !== undefined) {
    process.stderr.write(`partcredit: ${message}\n${debug ? `${stack}\n` : ''}`);
    return USAGE_EXIT;
  }
  // Not a mistake the user can fix from a message: the stack is what a bug report needs.
  process.stderr.write(`partcredit: ${stack}\n`);
  return USAGE_EXIT;
}
