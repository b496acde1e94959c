import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { exporterHeadings } from '../src/documents/exporter-headings.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Who-speaks lines as exporters decorate them (a time, a token count, the model in brackets, an
// icon, a router's model id), set as bold or plain lines rather than headings: by the person who
// pasted the chat, or by an exporter that has no headings. The decoration says the line heads a
// turn whatever its markup; read as a write-up, the model's first answer (or the person's
// question) was graded, not the correction it ends on.

const DIR = 'decorated-speakers';
const verdicts = (file: string) => ps6Verdicts(DIR, file);
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');

test('bold who-speaks lines with a time after the name: the corrected answer is the final one', () => {
  assert.equal(roles('bold-stamped.md'), 'uaua');
  assert.deepEqual(verdicts('bold-stamped.md'), ['2.a correct', '2.b correct']);
});

test('plain who-speaks lines with the model (or where the question came from) in brackets', () => {
  assert.equal(roles('plain-aside.txt'), 'uaua');
  assert.deepEqual(verdicts('plain-aside.txt'), ['4.a correct', '4.b correct']);
});

test("plain lines with an icon, and a router's model id with its token count for the model's name", () => {
  assert.equal(roles('icon-plain.txt'), 'uaua');
  assert.deepEqual(verdicts('icon-plain.txt'), ['1.a correct', '1.b correct']);
});

test('every line stays where the file has it', () => {
  for (const file of ['bold-stamped.md', 'plain-aside.txt', 'icon-plain.txt']) {
    const text = fixture(file);
    assert.notEqual(exporterHeadings(text).text, text, file);
    assert.equal(exporterHeadings(text).text.split('\n').length, text.split('\n').length, file);
  }
});

test("near misses: a write-up's author line, and a reply's sections named with a part in brackets, are no turns", () => {
  // A person's name line with no model's line among the plain ones: a write-up's byline.
  const byline = fixture('writeup-author-line.md');
  assert.equal(exporterHeadings(byline).text, byline);
  assert.equal(readPs6(DIR, 'writeup-author-line.md').format, 'writeup');
  assert.deepEqual(verdicts('writeup-author-line.md'), ['2.a correct', '2.b correct']);
  // `Assistant (b)` and `Claude (part c)` name a part of the reply, not who speaks: they stay as written.
  const sections = '### 👤 User\n\nSolve (b) and (c).\n\n### Assistant (b)\n\nThe norm is 2.\n\n**Claude (part c)**\n\nIt is 4.\n';
  assert.match(exporterHeadings(sections).text, /^### Assistant \(b\)$/m);
  assert.match(exporterHeadings(sections).text, /^\*\*Claude \(part c\)\*\*$/m);
});
