/**
 * A spreadsheet printed to PDF (issue 10): a task manager's CSV or an eval's grading sheet handed in
 * as the grid a spreadsheet prints. Read back, the PDF's text is one table; it is read as the
 * sheet's rows, as the CSV is (a part's label in a task's title, its answer in the model's
 * column), and a row too tall for its page, whose rest the next page prints above its first
 * border, is one row again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { sheetCells } from '../src/documents/spreadsheet.js';
import { printedSheetRows } from '../src/documents/printed-sheet.js';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';
import { textPage } from './fixtures/pdf/chat-export.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const FOLDER = join(ROOT, 'test', 'fixtures', 'printed-sheets');

/** A CSV as a spreadsheet prints it (File → Download → PDF): a landscape grid, text wrapped in each cell. */
async function printedSheet(file: string): Promise<Uint8Array> {
  const escape = (c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = sheetCells(readFileSync(join(FOLDER, file), 'utf8'), ',').rows.filter((r) => r.some((c) => c));
  const css = 'body{font:10px Arial,sans-serif;margin:0} table{border-collapse:collapse} td{border:1px solid #999;padding:2px 4px;vertical-align:top;white-space:pre-wrap;max-width:260px}';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
  const [pdf] = (await chromiumPdfs([{ html, pdf: { width: '297mm', height: '210mm', margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } } }]))!;
  return pdf!;
}

async function gradedPrint(file: string): Promise<Record<string, string>> {
  const doc = await readDocumentFile(await printedSheet(file), file.replace(/\.csv$/, '.pdf'));
  return Object.fromEntries(gradeWithStaffKey(doc.text!, file.replace(/\.csv$/, '.md')));
}

test("a task manager's CSV printed as a grid is read as its tasks: each task's title names the part, its notes hold the answer", { skip: noChromium || devSkip }, async () => {
  // Near miss: 4(c)'s `L K` stays wrong.
  assert.deepEqual(await gradedPrint('asana-tasks-student-q1a-q2b-q3c-q4c.csv'), { '1.a': 'correct', '2.b': 'correct', '3.c': 'correct', '4.c': 'incorrect' });
});

test("a grading sheet whose rows run over pages is read as its rows: each response's last lines, printed on the next page, are its final answer", { skip: noChromium || devSkip }, async () => {
  // Near miss: 2(b)'s `c = 1/d_in` stays wrong, and the grades the sheet gives (`ok`, `wrong`) are no answer.
  assert.deepEqual(await gradedPrint('gemini-eval-sheet-long-rows-q2b-q3c-q4c.csv'), { '2.b': 'incorrect', '3.c': 'correct', '4.c': 'correct' });
});

test('near miss: a page of prose with a table in it is read as the page, never as a sheet', { skip: noChromium }, async () => {
  const page =
    'HW4 notes\n\n| Part | Answer | Check |\n|---|---|---|\n| 2(b) | c = 1/sqrt(d_in) | ok |\n| 4(c) | L(K-1)+1 | ok |\n| 1(a) | 2c d_out^2 d_in | ok |\n\nI checked 4(c) against the lecture slides.';
  const [pdf] = (await chromiumPdfs([textPage(page)]))!;
  const doc = await readDocumentFile(pdf!, 'notes.pdf');
  assert.match(doc.text!, /I checked 4\(c\)/);
  assert.equal(printedSheetRows(doc.text!), undefined);
});

test("a printed sheet's text: a page's rule under its first row, a header the pages repeat and a row's rest above a page's first row", () => {
  const text = [
    '| Part | Response | Grade |',
    '| --- | --- | --- |',
    '| 3(c) | We flip h | ok |',
    '',
    'and slide it.',
    'y = -40 everywhere',
    '| Part | Response | Grade |',
    '| --- | --- | --- |',
    '| 4(c) | L(K - 1) + 1 | ok |',
    '| 2(b) | $\\|W\\|$ \\| c | no |',
  ].join('\n');
  assert.deepEqual(printedSheetRows(text), [
    ['Part', 'Response', 'Grade'],
    ['3(c)', 'We flip h\nand slide it.\ny = -40 everywhere', 'ok'],
    ['4(c)', 'L(K - 1) + 1', 'ok'],
    ['2(b)', '$\\|W\\|$ | c', 'no'],
  ]);
  // Lines outside a table anywhere but a page's top, or tables of another width, are a page's text.
  assert.equal(printedSheetRows(`Intro line\n${text}`), undefined);
  assert.equal(printedSheetRows(`${text}\nA closing remark.`), undefined);
  assert.equal(printedSheetRows(`${text}\n| a | b |`), undefined);
});
