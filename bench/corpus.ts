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

/** Rows of a CSV file of the corpus (RFC 4180: quoted fields may hold commas, quotes and line breaks), or undefined when absent. */
export function readCsv(relative: string): Record<string, string>[] | undefined {
  const dir = corpusDir();
  if (!dir) return undefined;
  const path = join(dir, relative);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.filter((r) => r.some((f) => f.trim())).map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])));
}
