import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import { loadKeyAndTextProblems, CliError } from './load.js';

/** The student id a submission file stands for: its name without extension (`s123.md` → `s123`). */
export function studentOf(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

/** A lookup of each student's rendered key in a variants folder (`<dir>/<id>/key.yaml`), loaded once each. */
export function variantKeys(dir: string): (path: string) => { key: Key; problems?: ProblemSet } {
  if (!existsSync(dir)) throw new CliError(`no variants folder at ${dir} (partcredit variants writes one)`);
  const cache = new Map<string, { key: Key; problems?: ProblemSet }>();
  return (path: string) => {
    const id = studentOf(path);
    let entry = cache.get(id);
    if (!entry) {
      const keyPath = join(dir, id, 'key.yaml');
      if (!existsSync(keyPath)) throw new CliError(`no variant for student "${id}" in ${dir} (name submissions <id>.<ext>)`);
      const { key, problems } = loadKeyAndTextProblems(keyPath, true);
      entry = { key, ...(problems ? { problems } : {}) };
      cache.set(id, entry);
    }
    return entry;
  };
}
