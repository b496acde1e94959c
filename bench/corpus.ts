import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Where the shared corpus lives beside the project (`../shared/corpus`), or undefined when absent. */
export function corpusDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../..', '../..', '..']) {
    const dir = join(here, up, 'shared', 'corpus');
    if (existsSync(dir)) return dir;
  }
  const fromEnv = process.env.PARTCREDIT_CORPUS;
  return fromEnv && existsSync(fromEnv) ? fromEnv : undefined;
}

/** One (gold, pred, expected) case of a peer test suite. */
export interface EquivalenceCase {
  gold: string;
  pred: string;
  expected: 0 | 1;
  _test?: string;
  _note?: string;
}

/** Reads a JSONL file of the corpus, or undefined when the corpus is absent. */
export function readCases(relative: string): EquivalenceCase[] | undefined {
  const dir = corpusDir();
  if (!dir) return undefined;
  const path = join(dir, relative);
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EquivalenceCase);
}
