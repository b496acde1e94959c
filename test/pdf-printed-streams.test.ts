/**
 * Source files printed as typed (issue 10), beyond a Jupyter notebook's JSON: another app's notebook
 * (a Zeppelin note's `paragraphs`) and JSON Lines (a batch API's output, one call a line) opened in an
 * editor and printed. The page wraps their long strings; joined again, the text is the file, and it is
 * graded as the file is, its wrong answers kept wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';
import { textPage } from './fixtures/pdf/chat-export.js';
import { ROOT, devSkip, gradedFileBytes, gradedFixtureFile } from './hw4-dev.js';

const skip = (!CHROMIUM && 'no /usr/bin/chromium') || devSkip;

/** A fixture printed as a page of its text and read back, graded as gradedFixtureFile grades the file. */
async function gradedPrint(folder: string, file: string): Promise<Record<string, string>> {
  const [pdf] = (await chromiumPdfs([textPage(readFileSync(join(ROOT, 'test', 'fixtures', folder, file), 'utf8'))]))!;
  return gradedFileBytes(pdf!, `${file}.pdf`);
}

test("a Zeppelin note's JSON printed as typed is read as the notebook, as its file is", { skip }, async () => {
  const file = await gradedFixtureFile('notebook-exports', 'zeppelin-note.json');
  assert.ok(Object.keys(file).length >= 3, JSON.stringify(file));
  assert.deepEqual(await gradedPrint('notebook-exports', 'zeppelin-note.json'), file);
});

test("JSON Lines printed as typed (a batch API's output) are read as the file's records; a wrong answer among them stays wrong", { skip }, async () => {
  const file = await gradedFixtureFile('call-records', 'openai-batch-output.jsonl');
  assert.ok(
    Object.values(file).some((v) => !v.startsWith('correct')),
    JSON.stringify(file),
  );
  assert.deepEqual(await gradedPrint('call-records', 'openai-batch-output.jsonl'), file);
});
