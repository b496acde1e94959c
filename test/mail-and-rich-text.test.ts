/**
 * Submissions saved as a mail file or a rich-text file, read as the text a person sees: messages
 * from Thunderbird (quoted-printable UTF-8, an encoded-word subject, a local mbox folder), Apple Mail
 * (base64 parts beside an inline picture), a message forwarded as a message/rfc822 part, a Gmail
 * "Show original" download saved as .txt (HTML alone, ISO-8859-1), an 8-bit Windows-1252 message,
 * one with nothing but an attachment; RTF from WordPad and Word's "Save as". Near misses stay as
 * they are: a write-up that quotes MIME headers and `=3D`, a printed thread, RTF inside a code
 * block, notes that open on header-like lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocumentFile } from '../src/documents/read-file.js';
import { sniffFile } from '../src/documents/sniff.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmissionFile } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { rtfToText } from '../src/documents/rtf.js';
import { expandSubmissions } from '../src/cli/grade.js';
import { emailThreadAsText } from '../src/documents/email-thread.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/mail-rtf/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

async function graded(name: string) {
  const sub = await readSubmissionFile(bytesOf(name), name, key!, undefined, join(DIR, name));
  const grade = gradeSubmission(key!, sub);
  return { sub, verdicts: grade.parts.map((p) => `${p.id} ${p.verdict}`) };
}

test('a saved message is read as its sender, date and decoded body, not its raw MIME', async () => {
  const cases: [string, string[], string[]][] = [
    [
      'thunderbird-quoted-printable.eml',
      ['From: Jonas Weber <jonas.weber@stud.uni-heidelberg.de>', 'Date: 2025-10-14T19:47:03.000Z', 'step size has to be α = 1/√d_in.', '1b) U Vᵀ has all singular values equal to 1, so α = √d_out.'],
      ['1.a correct', '1.b correct', '2.a correct', '2.b correct'],
    ],
    ['apple-mail-base64.eml', ['From: Mei Tanaka <mei.tanaka@icloud.com>', 'Problem 1\n(a) α = 1/√d_in\n(b) α = √d_out'], ['1.a correct', '1.b correct', '2.a missing', '2.b missing']],
    [
      'outlook-8bit-windows-1252.eml',
      ['From: Jürgen Klein <juergen@example.de>', 'Problem 1 – my answers', '1.a) “the step” is 1/sqrt(d_in)', 'Grüße, Jürgen'],
      ['1.a correct', '1.b correct', '2.a missing', '2.b missing'],
    ],
    [
      'forwarded-rfc822-part.eml',
      ["Forwarding Ana's answers below.", 'From:    Ana Souza <ana@example.br>', '1a) α = 1/√d_in\n1b) α = √d_out'],
      ['1.a correct', '1.b correct', '2.a missing', '2.b missing'],
    ],
  ];
  for (const [name, lines, verdicts] of cases) {
    const doc = await readDocumentFile(bytesOf(name), name);
    assert.equal(doc.kind, 'mail', name);
    assert.deepEqual(doc.warnings, [], name);
    for (const line of lines) assert.ok(doc.text?.includes(line), `${name}: ${line}`);
    assert.doesNotMatch(doc.text!, /=[0-9A-F]{2}|Content-Transfer-Encoding|Apple-Mail=_|iVBORw0KGgo/, name);
    assert.deepEqual((await graded(name)).verdicts, verdicts, name);
  }
});

test('a raw message saved as .txt is told by its headers; HTML alone goes through the web page reader', async () => {
  const name = 'gmail-original-html-only.txt';
  assert.equal(sniffFile(bytesOf(name), name), 'mail');
  const doc = await readDocumentFile(bytesOf(name), name);
  assert.equal(
    doc.text,
    'From: Lucía Fernández <lucia.fernandez@example.es>\nDate: 2025-10-16T10:14:43.000Z\n\n**Problem 2**\n\n(a) A dense layer from d_in to d_out has d_out × d_in weights and d_out biases: d_out·d_in + d_out.\n\n(b) Pairing the terms gives n(n+1)/2.\n\n-- Lucía\n',
  );
  assert.deepEqual((await graded(name)).verdicts, ['1.a missing', '1.b missing', '2.a correct', '2.b correct']);
});

test("an mbox's messages are a thread: each message under its sender, the reply's quote of the first left out", async () => {
  const name = 'thunderbird-folder.mbox';
  const doc = await readDocumentFile(bytesOf(name), name);
  assert.equal(doc.kind, 'mail');
  assert.equal(doc.text!.match(/^From: Ravi Patel <ravi\.patel@example\.edu>$/gm)?.length, 2);
  assert.match(doc.text!, /^From now on I will send each problem separately\.$/m);
  assert.doesNotMatch(doc.text!, /^From - Sat/m);
  assert.deepEqual((await graded(name)).verdicts, ['1.a correct', '1.b correct', '2.a correct', '2.b correct']);
  // The thread reader knows the headers: two messages under a rule, the reply's quote of `1(a): α = 1/d_in` gone.
  const thread = emailThreadAsText(doc.text!);
  assert.match(thread, /separately\.\n\n---\n\nAnd problem 2:/);
  assert.doesNotMatch(thread, /α = 1\/d_in|^From:/m);
});

test('a message with nothing but an attachment says so instead of grading as blank', async () => {
  const name = 'attachment-only.eml';
  const doc = await readDocumentFile(bytesOf(name), name);
  assert.equal(doc.text, undefined);
  assert.deepEqual(doc.warnings, [`${name}: the mail has only attachments (hw3-sam-lee.pdf), which are not read: save the attachment and submit it`]);
  const { sub, verdicts } = await graded(name);
  assert.deepEqual(verdicts, ['1.a missing', '1.b missing', '2.a missing', '2.b missing']);
  assert.ok(sub.warnings.some((w) => w.includes('only attachments')));
});

test('a rich-text file is read as its visible text: tables, info, pictures and field codes left out', async () => {
  const wordpad = await readDocumentFile(bytesOf('wordpad.rtf'), 'wordpad.rtf');
  assert.equal(wordpad.kind, 'rtf');
  assert.equal(
    wordpad.text,
    '**Homework 3 – Amara Okeke**\n**Question 1**\na) Each entry of sign(G) is ±1, so ‖sign(G)‖₂ = √(d_in·d_out) and the step is α = 1/√d_in.\nb) α = √d_out, because U Vᵀ has spectral norm 1.\n**Question 2**\na) d_out×d_in weights + d_out biases = d_out·d_in + d_out\nb) n(n+1)/2\n',
  );
  assert.deepEqual((await graded('wordpad.rtf')).verdicts, ['1.a correct', '1.b correct', '2.a correct', '2.b correct']);
  const word = await readDocumentFile(bytesOf('word-save-as.rtf'), 'word-save-as.rtf');
  assert.equal(word.text, '**Problem 1—learning rates**\n(a)\tThe “sign” update has Frobenius norm √(d_in·d_out), so α = 1/√d_in.\n(b)\tα = √d_out (see the notes).\n');
  assert.deepEqual((await graded('word-save-as.rtf')).verdicts, ['1.a correct', '1.b correct', '2.a missing', '2.b missing']);
});

test('RTF pasted into a .txt is read as rich text', async () => {
  const bytes = bytesOf('wordpad.rtf');
  assert.equal(sniffFile(bytes, 'answers.txt'), 'rtf');
  assert.equal((await readDocumentFile(bytes, 'answers.txt')).text, (await readDocumentFile(bytes, 'wordpad.rtf')).text);
});

test("RTF's escapes: \\uc fallbacks skipped, the code page's and a font's character set's bytes, surrogate pairs, \\bin data", () => {
  assert.equal(rtfToText(String.raw`{\rtf1\ansi\ansicpg1251 {\uc2\u8730\'81\'a3 x} \'c0\'e1\par}`), '√ x Аб\n');
  // (WordPad sets Greek in a font of Greek character set: its bytes are code page 1253's.)
  assert.equal(rtfToText(String.raw`{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset161 Calibri;}}\f0 r = 1/\f1\'e1\f0\'b2\par}`), 'r = 1/α²\n');
  assert.equal(rtfToText(String.raw`{\rtf1\ansi\uc1 smile \u-10179?\u-8704?\par}`), 'smile 😀\n');
  assert.equal(rtfToText(`{\\rtf1\\ansi before {\\pict\\bin4 }{}x} after\\par}`), 'before  after\n');
  assert.equal(rtfToText(String.raw`{\rtf1\ansi a\~b\-c\_d \{x\}\\\line e\tab f}`), 'a\u00A0bc‑d {x}\\\ne\tf\n');
});

test('near misses stay text: a write-up quoting MIME headers, a printed thread, RTF in a code block, header-like notes', async () => {
  for (const name of ['writeup-about-quoted-printable.md', 'printed-thread.txt', 'writeup-with-rtf-code-block.md', 'header-like-notes.txt']) {
    const bytes = bytesOf(join('near-misses', name));
    assert.equal(sniffFile(bytes, name), 'text', name);
    const doc = await readDocumentFile(bytes, name);
    assert.equal(doc.text, Buffer.from(bytes).toString('utf8'), name);
    assert.deepEqual((await graded(join('near-misses', name))).verdicts, ['1.a correct', '1.b correct', '2.a missing', '2.b missing'], name);
  }
});

test('a folder given to grade includes saved mail and rich text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-mail-rtf-'));
  for (const name of ['a.eml', 'b.rtf', 'c.mbox', 'd.png']) writeFileSync(join(dir, name), 'x');
  assert.deepEqual(
    expandSubmissions([dir]).map((f) => f.slice(dir.length + 1)),
    ['a.eml', 'b.rtf', 'c.mbox'],
  );
});
