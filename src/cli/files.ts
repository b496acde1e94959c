import { readFileSync } from 'node:fs';
import { UserError } from '../model/errors.js';
import { userMessage } from './errors.js';

/**
 * A text file the user named, or a one-line error naming it: a missing file, a folder, a file
 * that cannot be read. (`readFileSync` on a folder throws EISDIR without the path.)
 */
export function readText(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new UserError(`no ${what} there`, path);
    if (code === 'EISDIR') throw new UserError(`is a folder; give the ${what} inside it`, path);
    throw new UserError(`cannot read the ${what}: ${userMessage(Object.assign(e as Error, { path })) ?? (e as Error).message}`, path);
  }
}

/** A JSON file the user named (prices, settings), parsed, or a one-line error with its path. */
export function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`the ${what} is not valid JSON: ${(e as Error).message}`, path);
  }
}
