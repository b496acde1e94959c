import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { scriptCellsAsMarkdown } from '../src/documents/script-cells.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { sniffFile } from '../src/documents/sniff.js';
import { decodeText } from '../src/documents/text-encoding.js';
import { decimalCommasOfLocale } from '../src/documents/decimal-commas.js';
import { sniffDelimiter } from '../src/documents/sheet-delimiter.js';
import { expandSubmissions } from '../src/cli/grade.js';

// Blind round 33's Kaggle notebook synced by jupytext as a `.py` and its chat export saved by German Excel
// (`;` between cells, `0,8` in vectors): files saved by a tool in its own convention. A notebook kept as a
// script with comment-marked cells (jupytext's percent and light formats, VS Code / Spyder cells,
// Databricks' source export) is read as the notebook; a sheet's separator, encoding and decimal commas are
// read as its locale wrote them. Each in documents of our own, with near misses read as before.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'sheets');

const graded = (file: string) => gradedFixtureFile('sheets', file);

test("a notebook kept as a percent script (`# %%`, `# %% [markdown]`, `# %% [md]`, VS Code and Spyder's cells) is read as the notebook's text and code", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('vscode-percent-cells.py'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
  // jupytext's text cells kept in `"""` strings instead of comments; a wrong answer read is graded wrong.
  assert.deepEqual(await graded('colab-percent-strings.py'), { '1.a': 'incorrect: 2 c d_out d_in^2', '4.c': 'correct: L (K - 1) + 1' });
});

test('a Databricks source export (`# COMMAND ----------`, `# MAGIC %md`) and a jupytext light script (`# +` / `# -`, comment paragraphs) are read as notebooks; a plain script and cells quoted in a chat are not', {
  skip: devSkip,
}, async () => {
  // The `%sql` cell is code, not an answer; the code cell's comment `(c) 2*3 + 1` labels nothing.
  assert.deepEqual(await graded('databricks-export.py'), { '1.a': 'correct: 2 c d_out^2 d_in', '4.c': 'correct: K + (L - 1) (K - 1)' });
  assert.deepEqual(await graded('light-format.py'), { '2.b': 'correct: c = 1/sqrt(d_in)', '4.c': 'correct: L (K - 1) + 1' });
  // Near misses: a plain script with comments, a chat quoting cells in a fence, and a pasted chat with cell marks after its prose stay as they are.
  for (const file of ['plain-script.py', 'chat-quoting-cells.md', 'pasted-chat-cells.txt']) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    assert.equal(scriptCellsAsMarkdown(text), text, file);
  }
  assert.deepEqual(await graded('chat-quoting-cells.md'), { '4.c': 'correct: L (K - 1) + 1' });
  assert.deepEqual(await graded('pasted-chat-cells.txt'), { '4.c': 'incorrect: L (K + 1) - 1' });
  // A folder's scripts and sheets are not picked up: only write-ups and transcripts are.
  assert.deepEqual(
    expandSubmissions([FIXTURES]).map((f) => f.slice(FIXTURES.length + 1)),
    ['chat-quoting-cells.md', 'pasted-chat-cells.txt'],
  );
});

test("a sheet saved in a decimal-comma locale (LibreOffice in French: `;` between cells, windows-1252, `0,8`) is read by its rows' separator, its code page and its decimal commas", {
  skip: devSkip,
}, async () => {
  const bytes = readFileSync(join(FIXTURES, 'libreoffice-fr-semicolons.csv'));
  assert.equal(sniffFile(bytes, 'libreoffice-fr-semicolons.csv'), 'sheet');
  assert.match((await readDocumentFile(bytes, 'libreoffice-fr-semicolons.csv')).text!, /jusqu’au GAP/);
  assert.deepEqual(await graded('libreoffice-fr-semicolons.csv'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '4.c': 'correct: L (K - 1) + 1',
    '4.f': 'correct: g3: [0, 0.8, 0]ᵀ; g4: [0.8, 0, 0]ᵀ',
  });
  // A `.csv` of tabs (with a byte-order mark), as Google Sheets and Numbers may write.
  assert.deepEqual(await graded('sheets-tab-export.csv'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: K + (L - 1) (K - 1)',
    '4.f': 'correct: g3: (0, 0.8, 0); g4: (0.8, 0, 0)',
  });
  // Near misses: an English sheet's `(0,1,0)`, `(1,2)` and `1,473` keep their commas; in a `;` sheet a bracketed pair, an index, a list and a thousands group stay.
  assert.deepEqual(await graded('english-commas.csv'), { '4.c': 'correct: L (K - 1) + 1', '4.f': 'incorrect: g3: (0, 1, 0); g4: (1, 0, 0)' });
  const english = (await readDocumentFile(readFileSync(join(FIXTURES, 'english-commas.csv')), 'english-commas.csv')).text!;
  assert.match(english, /entry \(1,2\) to \(2,1\)/);
  assert.match(english, /about 1,473 pixels/);
  assert.equal(decimalCommasOfLocale('η = 0,01 and y = 2 − 0,5^n'), 'η = 0.01 and y = 2 − 0.5^n');
  for (const kept of ['entry (1,2) of W', 'x_{1,2} + a_1,2', 'strides 1,2,3', '1,473 parameters', 'v1,2']) assert.equal(decimalCommasOfLocale(kept), kept);
  // In a `;` list a comma separates nothing: `[1,473; 2]` is a decimal; rows of equal width (`[1,2; 3,4]`) are a matrix's.
  assert.equal(decimalCommasOfLocale('[1,473; 2]'), '[1.473; 2]');
});

test("a text file's encoding: a byte-order mark dropped, UTF-16 decoded, windows-1252 read where the bytes are no UTF-8; the separator is the one every row shows", () => {
  assert.equal(decodeText(Buffer.from('\uFEFFPart;Answer', 'utf8')), 'Part;Answer');
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Teil\tAntwort', 'utf16le')])), 'Teil\tAntwort');
  assert.equal(decodeText(Buffer.from([0x4c, 0xf6, 0x73, 0x75, 0x6e, 0x67, 0x20, 0x96, 0x20, 0x30, 0x2c, 0x38])), 'Lösung – 0,8');
  // A UTF-8 file with one damaged byte keeps its UTF-8 letters.
  assert.equal(decodeText(Buffer.concat([Buffer.from('Lösung ', 'utf8'), Buffer.from([0xff])])), 'Lösung \uFFFD');
  assert.equal(sniffDelimiter('Aufgabe;Antwort;Note\n4(f);"(0; 0,8; 0)";1,0\n', ','), ';');
  assert.equal(sniffDelimiter('Part,Answer,Notes\n4(f),"(0; 0.8; 0)",ok\n', ','), ',');
  assert.equal(sniffDelimiter('Part\tAnswer\n4(c)\tL(K-1)+1, i.e. 7\n', ','), '\t');
});
