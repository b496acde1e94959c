import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { Store } from '../src/store/db.js';
import { Review } from '../src/server/review.js';
import { chromiumPdfs, katexHtml } from './fixtures/pdf/generate.js';

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

test('a PDF submission: the part view offers the spot on the page where the answer was read', async (t) => {
  const text = readFileSync(join(DEMO, 'submissions', 'bob.md'), 'utf8');
  const pdfs = await chromiumPdfs([katexHtml(text)]);
  if (!pdfs) return t.skip('no Debian chromium to print the PDF: not run');
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-pdf-'));
  const path = join(dir, 'bob.pdf');
  writeFileSync(path, pdfs[0]!);
  const { key } = loadKey(readFileSync(join(DEMO, 'key.yaml'), 'utf8'));
  const store = new Store(join(dir, 'p.db'));
  try {
    const { runId, results } = await gradeFiles({ key: key!, files: [path], store });
    assert.ok(results[0]!.grade, results[0]!.error);
    const review = new Review(store, 'ta');
    const view = (await review.partView(runId!, 'bob.pdf', '4.b')) as { image: boolean };
    assert.equal(view.image, true);
    const png = await review.answerImage(runId!, 'bob.pdf', '4.b');
    assert.ok(png, 'an image of the answer');
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
    assert.ok(png.readUInt32BE(16) > png.readUInt32BE(20), 'a strip of the page (wider than tall), not the whole page');
    if (process.env.PARTCREDIT_SHOTS) writeFileSync(join(process.env.PARTCREDIT_SHOTS, 'answer-4b.png'), png);
    assert.equal(await review.answerImage(runId!, 'bob.pdf', '9.z'), undefined);
  } finally {
    await store.close();
  }
});
