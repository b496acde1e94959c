/**
 * `partcredit agreement` reads each labelled submission as `grade` does: a PDF export is measured
 * by what it says, and a source that is no document is named, not counted as a silent zero.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdflatexPdf, PDFLATEX } from './fixtures/pdf/generate.js';
import { runCli } from './fixtures/cli.js';

const KEY = 'partcredit: 1\nparts:\n  1.a: { answer: "3x^2 - 2" }\n  1.b: { answer: "10" }\n  2.a: { answer: "3" }\n';
// 1.a right, 1.b wrong, 2.a right: the person's labels below agree on all three.
const PARTS = '    parts:\n      1.a: { verdict: correct }\n      1.b: { verdict: incorrect }\n      2.a: { verdict: correct }\n';

test('agreement measures a PDF submission as the same write-up in Markdown, and names a source that is no document', { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-agreement-'));
  writeFileSync(join(dir, 'key.yaml'), KEY);
  writeFileSync(join(dir, 'alice.md'), '1.a) $3x^2 - 2$\n\n1.b) $12$\n\n2.a) $x = 3$\n');
  writeFileSync(join(dir, 'alice.pdf'), pdflatexPdf('1.a) $3x^2 - 2$\n\n1.b) $12$\n\n2.a) $x = 3$\n')!);
  writeFileSync(join(dir, 'bob.zip'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'labels.yaml'), `key: key.yaml\nsubmissions:\n  alice-md:\n    source: alice.md\n${PARTS}  alice-pdf:\n    source: alice.pdf\n${PARTS}`);
  const r = runCli(['agreement', 'labels.yaml', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { submission: string; part: string; ours: string; theirs: string });
  const of = (name: string) => rows.filter((x) => x.submission === name).map((x) => [x.part, x.ours, x.theirs]);
  assert.deepEqual(of('alice-pdf'), of('alice-md'));
  assert.deepEqual(of('alice-md'), [
    ['1.a', 'correct', 'correct'],
    ['1.b', 'incorrect', 'incorrect'],
    ['2.a', 'correct', 'correct'],
  ]);
  assert.equal(r.stderr, '');

  // Near miss: an archive as a source is named in a warning; its parts are missing, not right.
  writeFileSync(join(dir, 'labels2.yaml'), `key: key.yaml\nsubmissions:\n  bob:\n    source: bob.zip\n${PARTS}`);
  const bad = runCli(['agreement', 'labels2.yaml'], dir);
  assert.equal(bad.code, 0, bad.stderr);
  assert.match(bad.stderr, /warning: .*bob\.zip: not a document: the file is an archive/);
  // Every part is `missing` (the confusion table has that column only): 0 of 3 agree exactly.
  assert.match(bad.stdout, /exact 0\/3/);
  assert.match(bad.stdout, /columns: partcredit\)\n\s+missing\n/);
});

test('a labels file may name its key and sources by absolute paths (a copy of the labels kept elsewhere)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-agreement-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'pc-agreement-labels-'));
  writeFileSync(join(dir, 'key.yaml'), KEY);
  writeFileSync(join(dir, 'carol.md'), '1.a) $3x^2 - 2$\n\n1.b) $12$\n\n2.a) $x = 3$\n');
  writeFileSync(join(elsewhere, 'labels.yaml'), `key: ${join(dir, 'key.yaml')}\nsubmissions:\n  carol:\n    source: ${join(dir, 'carol.md')}\n${PARTS}`);
  const r = runCli(['agreement', 'labels.yaml'], elsewhere);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /exact 3\/3/);
  // Near miss: a relative key path is still read beside the labels, where there is none.
  writeFileSync(join(elsewhere, 'labels2.yaml'), `key: key.yaml\nsubmissions:\n  carol:\n    source: ${join(dir, 'carol.md')}\n${PARTS}`);
  const missing = runCli(['agreement', 'labels2.yaml'], elsewhere);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /no key file at .*pc-agreement-labels-[^/]+\/key\.yaml/);
});
