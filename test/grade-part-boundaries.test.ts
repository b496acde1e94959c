import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentFile } from '../src/documents/read-file.js';
import { devSkip, gradedPartsWithStaffKey, ROOT } from './hw4-dev.js';

// Part boundaries and non-answers (blind round 35): a tool run inside a model's reply, a part said to be
// skipped, a table part a sheet gives row by row. Each in other apps' and people's words, with near misses.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'structure-round35');

/** The verdict and the answer read for each of the parts asked, from a fixture read as its file is. */
async function graded(file: string, ...parts: string[]): Promise<Record<string, [string, string]>> {
  const { text } = await readDocumentFile(readFileSync(join(FIXTURES, file)), file);
  if (text === undefined) throw new Error(`${file}: read as no text`);
  const all = gradedPartsWithStaffKey(text, file.replace(/\.\w+$/, '.md'));
  return Object.fromEntries(
    parts.map((id) => {
      const p = all.find((x) => x.id === id)!;
      return [id, [p.verdict, p.answer]];
    }),
  );
}

test("a model's reply that goes on after its own tool run still answers the person's question", { skip: devSkip }, async () => {
  // Before, the reply after `Run this code? (y/n) y` / `Tool: ran the cell.` was dropped and 4(c) was missing.
  // Near miss: the person's own command output (`$ python var_check.py`) answers nothing; 2(b) keeps the model's answer.
  assert.deepEqual(await graded('interpreter-tool-run.txt', '2.b', '4.c'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test('a part said to be skipped or not done, in any wording and after a field name or dash, is missing', { skip: devSkip }, async () => {
  // Near misses: "skipped the proof, but ..." and "skipped the derivation but the answer is ..." go on to an answer.
  assert.deepEqual(await graded('logseq-skipped-parts.md', '2.c', '2.d', '2.e', '2.g'), {
    '2.c': ['correct', 'sqrt(d_out)'],
    '2.d': ['missing', ''],
    '2.e': ['correct', 'sqrt(d_out)'],
    '2.g': ['missing', ''],
  });
});

test("a sheet's rows sharing one part id are that part's answer, in order: a table given row by row", { skip: devSkip }, async () => {
  // Before, 4(e)'s six rows were six answers and the table was graded incorrect.
  assert.deepEqual(await graded('sheets-rows-one-part.csv', '4.e', '2.b', '4.c'), {
    '4.e': ['correct', '(table)'],
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
  // Near miss: a row that is wrong (FC-3 without its bias) still costs the table its credit.
  assert.deepEqual(await graded('sheets-rows-one-part-wrong-row.csv', '4.e'), { '4.e': ['partial', '(table)'] });
});
