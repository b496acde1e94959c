import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { cellLabel } from '../src/documents/part-ids.js';
import { sheetAsMarkdown } from '../src/documents/spreadsheet.js';
import { tableAnswer } from '../src/grade/table-answer.js';

// Grading sheets exported from a spreadsheet (issue 9, blind round 27: a Google Sheets CSV with a
// part column, the model's final answer beside the group's own solution and verdict), in apps and
// headers of our own: an Excel sheet saved as Unicode Text (TSV) with the key's answer before the
// model's, a LibreOffice CSV with a first and a final answer. The column graded is the model's,
// chosen by the header; the person's solution, prompt and verdict columns are never answers.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'report-sheets', name));
const verdicts = (text: string) => Object.fromEntries(gradeWithStaffKey(text, 'sheet.md'));

test("a TSV grading sheet is read by its part column and the model's answer column, not the key's or the verdict", { skip: devSkip }, async () => {
  const doc = await readDocumentFile(fixture('excel-unicode-text.tsv'), 'excel-unicode-text.tsv');
  assert.equal(doc.kind, 'sheet');
  // (The key's answers and the person's yes/no are left out: `L(K-1)+1` is the expected column's.)
  assert.doesNotMatch(doc.text!, /L\(K-1\)\+1|did not flip|\byes\b|Expected/);
  assert.deepEqual(verdicts(doc.text!), { '2.b': 'correct', '2.c': 'correct', '3.c': 'incorrect', '4.c': 'incorrect', '4.e': 'correct' });
});

test('a CSV sheet with a first and a final answer column is graded on the final one; title rows are no header', { skip: devSkip }, async () => {
  const doc = await readDocumentFile(fixture('libreoffice-first-final.csv'), 'sheet.csv');
  assert.deepEqual(verdicts(doc.text!), { '2.d': 'correct', '4.c': 'incorrect', '7.b': 'correct' });
});

test('a part cell is read whole, in the forms a sheet writes it; other cells are no labels', () => {
  assert.equal(cellLabel('3(d)i'), '3(d)(i)');
  assert.equal(cellLabel('Q4 (c)'), '4(c)');
  assert.equal(cellLabel('2.e'), '2(e)');
  assert.equal(cellLabel('(b)'), '(b)');
  assert.equal(cellLabel('3dii'), '3(d)(ii)');
  for (const cell of ['Part', 'Totals', '3', '12', 'i', 'CORRECT', 'same', 'ii: stride 2']) assert.equal(cellLabel(cell), undefined, cell);
});

test('near miss: a sheet with no part column (a gradebook) is read as a table, with no part labels made up', () => {
  const text = 'Name,SID,Score\n"Lee, Dana",1001,17\nAri Cohen,1002,20\n';
  const md = sheetAsMarkdown(text, ',');
  assert.match(md, /^\| Name \| SID \| Score \|/);
  assert.match(md, /\| Lee, Dana \| 1001 \| 17 \|/);
  assert.doesNotMatch(md, /###/);
});

test("near miss: a table's first cell whose words before a colon name no row of the key stays whole", { skip: devSkip }, () => {
  const spec = { type: 'table' as const, columns: ['parameters', 'activations'], rows: { FLATTEN: ['0', '490'], 'FC-3': ['490 \\times 3 + 3', '3'] } };
  const same = () => true;
  // `FLATTEN: 0 | 490` is a row named and its first cell; `Step 5: 0 | 490` names no row.
  assert.match(tableAnswer(spec, 'FLATTEN: 0 | 490\nFC-3: 1473 | 3', undefined, same)?.table ?? '', /\| FLATTEN \| 0 \| 490 \|/);
  assert.equal(tableAnswer(spec, 'Step 5: 0 | 490\nStep 6: 1473 | 3', undefined, same), undefined);
});

test('an Excel workbook is refused with one line saying to export its sheet as CSV, by its parts under xl/ whatever its name', async () => {
  const { zipSync, strToU8 } = await import('fflate');
  const book = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
  for (const name of ['grades.xlsx', 'upload.bin']) {
    const doc = await readDocumentFile(book, name);
    assert.equal(doc.kind, 'workbook');
    assert.equal(doc.text, undefined);
    assert.match(doc.warnings.join('\n'), /Excel workbook.*CSV/);
  }
});
