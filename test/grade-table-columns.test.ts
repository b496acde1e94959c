/**
 * Tables of parts whose header gives columns to the person (issue 9; the PDF bench's print of a
 * grading sheet, issue 10): a report's or a printed sheet's row holds the prompt, the model's
 * working, its answer, the person's own solution and verdict. A TA grades the model's answer
 * column; the person's columns are never answers, whether the table came as Markdown, as a sheet
 * printed to PDF (its header below title rows), or as a page typed with rules under its titles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';
import { textPage } from './fixtures/pdf/chat-export.js';
import { rowCells } from '../src/check/types/table.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const verdicts = (text: string) => Object.fromEntries(gradeWithStaffKey(text, 'report.md'));

// A Notion page exported as Markdown: the model (wrong on 2(b) and 4(c)) beside the group's own
// (right) solution; read whole, each row would also carry the right answer.
const notion = `# Copilot on HW4 — our group's table

| Part | Prompt we used | Copilot's answer | Expected (solutions) | Notes |
| --- | --- | --- | --- | --- |
| 2(b) | "what should c be" | $c = 1/d_{in}$ | $c = 1/\\sqrt{d_{in}}$ | forgot the root |
| 4(c) | "receptive field after L layers" | $LK$ | $L(K-1)+1$ | wrong |
| 4(b) | "pooling output shape" | $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$ | same | ok |
`;

test("a report's table is graded on the model's column: the prompt, the expected solution and the notes are the person's", { skip: devSkip }, () => {
  assert.deepEqual(verdicts(notion), { '2.b': 'incorrect', '4.b': 'correct', '4.c': 'incorrect' });
});

test("near miss: a student's own table whose every column is theirs (`My answer`) is still their answer", { skip: devSkip }, () => {
  const own = `| Part | My answer |\n|---|---|\n| 2(b) | $c = 1/\\sqrt{d_{in}}$ |\n| 4(c) | $L(K-1)+1$ |\n`;
  assert.deepEqual(verdicts(own), { '2.b': 'correct', '4.c': 'correct' });
});

test("near miss: a table whose header gives no column to the person keeps every cell (a field's name with its value)", { skip: devSkip }, () => {
  const fields = `| Part | Quantity | Value |\n|---|---|---|\n| 7(b) | Mean | $0$ |\n`;
  const read = readWithStaffKey(fields).responses.find((r) => r.partId === '7.b');
  assert.match(read?.final.text ?? '', /Mean: \$0\$/);
});

test('a grading sheet printed to PDF (a grid, title rows above its header) is read as its rows: graded on the answer column, a bar in a cell kept', { skip: noChromium || devSkip }, async () => {
  const cell = (c: string) => `<td>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`;
  const rows = [
    ['LibreOffice Calc — HW4 check of Le Chat', '', '', '', ''],
    ['Item', 'Our question', "Le Chat's final answer", 'Key answer', 'OK?'],
    ['2(b)', 'c for Xavier?', 'c = 1/d_in', 'c = 1/sqrt(d_in)', 'no'],
    ['4(c)', 'RF after L convs', 'L(K - 1) + 1', 'L(K - 1) + 1', 'yes'],
    ['4(e)', 'the table', 'CONV3-10: 100 | 28×28×10\nPOOL2: 0 | 14×14×10', '—', 'partly'],
  ];
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>body{font:10px Arial} table{border-collapse:collapse} td{border:1px solid #888;padding:2px 4px;white-space:pre-wrap;vertical-align:top}</style></head><body><table>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table></body></html>`;
  const [pdf] = (await chromiumPdfs([{ html, pdf: { width: '297mm', height: '210mm' } }]))!;
  const doc = await readDocumentFile(pdf!, 'sheet.pdf');
  assert.match(doc.text!, /^CONV3-10: 100 \| 28×28×10/m);
  assert.deepEqual(Object.fromEntries(Object.entries(verdicts(doc.text!)).filter(([id]) => id !== '4.e')), { '2.b': 'incorrect', '4.c': 'correct' });
});

test('a page typed with rules under its titles keeps each rule on its own line, and a rule the page wrapped is one rule', { skip: noChromium }, async () => {
  const typed = [
    'Part one — the runtime of each step',
    '=====================================',
    '',
    `Some words. ${'And more of them, '.repeat(12)}still one sentence.`,
    '',
    `${'-'.repeat(160)}`,
    '',
    'Closing words.',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([textPage(typed)]))!;
  const lines = (await readDocumentFile(pdf!, 'typed.pdf')).text!.split('\n');
  assert.ok(lines.includes('Part one — the runtime of each step'), lines.join('\n'));
  assert.ok(lines.some((l) => /^=+$/.test(l)));
  assert.ok(lines.includes('-'.repeat(160)), lines.join('\n'));
  // Near miss: a sentence the page wrapped is one line again.
  assert.ok(
    lines.some((l) => l.startsWith('Some words.') && l.includes('still one sentence')),
    lines.join('\n'),
  );
});

test("a formula's bars in a table's cell are the formula's, never the cell's borders", () => {
  assert.deepEqual(rowCells('| 2(c) | $|x|_2 \\le \\|W\\|_2$ | ok |'), ['2(c)', '$|x|_2 \\le \\|W\\|_2$', 'ok']);
  // Near miss: a bar outside any formula still parts two cells.
  assert.deepEqual(rowCells('| 2(c) | $x$ | y |'), ['2(c)', '$x$', 'y']);
  // A display formula's bars too (`$$` opens it once, not twice).
  assert.deepEqual(rowCells('| 2(c) | $$|x|_2 \\le 1$$ | ok |'), ['2(c)', '$$|x|_2 \\le 1$$', 'ok']);
  assert.deepEqual(rowCells('| 2(c) | $$x$$ | y |'), ['2(c)', '$$x$$', 'y']);
});
