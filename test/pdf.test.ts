import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sniffFile } from '../src/documents/sniff.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { readSubmissionFile } from '../src/documents/submission.js';
import { notebookToMarkdown } from '../src/documents/notebook.js';
import { texToMarkdown } from '../src/documents/tex.js';
import { readMessages, detectFormat } from '../src/documents/transcripts.js';
import { renderRegion } from '../src/documents/pdf/render.js';
import { checkAnswer } from '../src/check/check.js';
import { loadKey } from '../src/documents/key.js';
import { FORMULAS } from './fixtures/pdf/formulas.js';
import { answersLatex, answersMarkdown, chromiumPdfs, katexHtml, pdflatexPdf, pdfWithAnnotations, CHROMIUM, PDFLATEX } from './fixtures/pdf/generate.js';
import { corpusDir } from '../bench/corpus.js';
import { expectVerdict } from './check-helpers.js';
import { roundTrip } from './fixtures/pdf/round-trip.js';
import { leafParts, parseProblemSet } from '../src/documents/problem-set.js';

const enc = (s: string) => new Uint8Array(Buffer.from(s));

test('files are sniffed by their bytes: PDF, programs, binary, empty, notebooks, LaTeX, text', () => {
  assert.equal(sniffFile(enc('%PDF-1.7\n...')), 'pdf');
  assert.equal(sniffFile(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])), 'executable');
  assert.equal(sniffFile(new Uint8Array([0x41, 0, 0x42, 0x43])), 'binary');
  assert.equal(sniffFile(new Uint8Array()), 'empty');
  assert.equal(sniffFile(enc('  \n\n')), 'empty');
  assert.equal(sniffFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), 'archive');
  // A Word document is a zip whose first entry names its parts, an OpenDocument text one whose stored mimetype says so; a plain zip stays an archive.
  assert.equal(sniffFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, ...enc('[Content_Types].xml')])), 'docx');
  assert.equal(sniffFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'hw3.docx'), 'docx');
  assert.equal(sniffFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, ...enc('mimetypeapplication/vnd.oasis.opendocument.text')])), 'odt');
  assert.equal(sniffFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, ...enc('hw3/answers.md')]), 'hw3.zip'), 'archive');
  assert.equal(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), 'image');
  assert.equal(sniffFile(enc('{"cells": [], "nbformat": 4}'), 'hw.json'), 'notebook');
  assert.equal(sniffFile(enc('\\documentclass{article}\\begin{document}x\\end{document}')), 'tex');
  assert.equal(sniffFile(enc('1.a) $x^2$')), 'text');
  // Near miss: a Markdown write-up that mentions %PDF- further down is still text.
  assert.equal(sniffFile(enc(`${'a'.repeat(2000)} %PDF-`)), 'text');
});

const KEY = loadKey('partcredit: 1\nparts:\n  1.a: { answer: "x^2", points: 1 }\n  1.b: { answer: "7", points: 1 }\n', 'k.yaml').key!;

test('a file that is not a document is named in a warning, not graded as a silent zero', async () => {
  for (const [bytes, why] of [
    [new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), /a program/],
    [new Uint8Array(), /empty/],
    [new Uint8Array([1, 2, 0, 0, 5, 6]), /binary/],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('WordDocument', 'utf16le')]), /Word 97-2003 document \(\.doc\).*export it as PDF/],
  ] as const) {
    const sub = await readSubmissionFile(bytes, 'x', KEY, undefined, 'sub/x.bin');
    assert.equal(sub.responses.length, 0);
    assert.match(sub.warnings.join('\n'), /sub\/x\.bin: not a document/);
    assert.match(sub.warnings.join('\n'), why);
  }
  // Near miss: the same parts as text are read and found.
  const ok = await readSubmissionFile(enc('1.a) $x^2$\n\n1.b) 7\n'), 'y', KEY, undefined, 'y.md');
  assert.deepEqual(ok.warnings, []);
  assert.equal(ok.responses.length, 2);
});

test('notebooks: markdown cells as they are, code fenced, printed outputs after them', () => {
  const nb = JSON.stringify({
    nbformat: 4,
    cells: [
      { cell_type: 'markdown', source: ['## 1.a\n', 'The answer is $x^2$.'] },
      { cell_type: 'code', source: 'print(7)', outputs: [{ text: ['7\n'] }] },
    ],
  });
  const md = notebookToMarkdown(nb, 'hw.ipynb');
  assert.match(md, /## 1\.a\nThe answer is \$x\^2\$\./);
  assert.match(md, /```python\nprint\(7\)\n```/);
  assert.match(md, /Output:\n```\n7\n```/);
  assert.throws(() => notebookToMarkdown('{"nbformat": 4}', 'bad.ipynb'), /bad\.ipynb: not a notebook/);
});

test('LaTeX sources: the body as Markdown, display environments as $$...$$', () => {
  const md = texToMarkdown('\\documentclass{article}\n\\begin{document}\n\\section*{1.a}\nWe get % a comment\n\\begin{equation}\\label{e}x^2 + 1\\end{equation}\nand \\(y\\).\n\\end{document}\n');
  assert.match(md, /# 1\.a/);
  assert.match(md, /\$\$x\^2 \+ 1\$\$/);
  assert.match(md, /and \$y\$\./);
  assert.doesNotMatch(md, /comment|documentclass|label/);
});

test('KaTeX answers printed by Chromium read back formula by formula', async (t) => {
  if (!CHROMIUM) return t.skip('no Debian chromium (apt-get install chromium): PDF fixtures not generated');
  const [pdf] = (await chromiumPdfs([katexHtml(answersMarkdown(FORMULAS))]))!;
  const { equal, exact, wrong, accepted } = await roundTrip(pdf!);
  assert.ok(equal >= 0.98 * FORMULAS.length, `equal ${equal}/${FORMULAS.length}, exact ${exact}:\n${wrong.join('\n')}`);
  assert.deepEqual(accepted, []);
  // Near miss: a fraction read back is not equal to its reciprocal.
  assert.equal(checkAnswer({ value: '\\frac{b}{a}' }, '$\\frac{a}{b}$').verdict, 'incorrect');
});

test('pdflatex write-ups (Computer Modern) read back formula by formula', async (t) => {
  if (!PDFLATEX) return t.skip('no pdflatex (apt-get install texlive-latex-base texlive-latex-recommended): not tested');
  const pdf = pdflatexPdf(answersLatex(FORMULAS))!;
  const { equal, wrong, accepted } = await roundTrip(pdf);
  // Measured by bench/pdf.ts; the test keeps the reading from sliding back.
  assert.ok(equal >= 0.95 * FORMULAS.length, `equal ${equal}/${FORMULAS.length}:\n${wrong.join('\n')}`);
  assert.deepEqual(accepted, []);
});

test('a table printed by a chat: each cell its own formula; a display equation keeps its number as a tag', async (t) => {
  if (!CHROMIUM) return t.skip('no /usr/bin/chromium: not tested');
  const md =
    'The update directions:\n\n<div><table style="width:100%"><tr><td>Penalty</td><td>Dual</td><td>Update</td></tr>' +
    '<tr><td>$\\|\\cdot\\|_1$</td><td>$\\|\\cdot\\|_\\infty$</td><td>$u_i = -\\alpha g_i/\\|g\\|_\\infty$ (by max)</td></tr></table></div>\n\n' +
    'The stationary point satisfies\n\n$$(X - W_2 W_1 X)(W_1 X)^\\top = 0 \\tag{1}$$\n\nand so on.';
  const [pdf] = (await chromiumPdfs([katexHtml(md)]))!;
  const text = (await readDocumentFile(pdf!, 'table.pdf')).text!;
  // Never one product of the three cells.
  assert.match(text, /\$u_\{i\} = -\\alpha g_\{i\}\/\\\|g\\\|_\{\\infty\}\$ \(by max\)/);
  assert.doesNotMatch(text, /\\infty\} u_/);
  const display = /^\$\$(.+)\$\$$/m.exec(text)?.[1] ?? '';
  assert.match(display, /= 0 \\tag\{1\}$/);
  // The tag is no factor: the equation reads as written.
  expectVerdict({ value: '(X - W_2 W_1 X)(W_1 X)^T = 0', type: 'equation' }, `$$${display}$$`, 'correct');
});

test('the checker reads what the exports write: optima w^*, errors and basis vectors e_t (near misses stay wrong)', () => {
  assert.equal(checkAnswer({ value: '\\eta^{*} = \\frac{1}{2}' }, '$\\eta^* = 0.5$').verdict, 'correct');
  assert.equal(checkAnswer({ value: 'w^{*}' }, '$w$').verdict, 'incorrect');
  assert.equal(checkAnswer({ value: 'x^{*}' }, '$x^{2}$').verdict, 'incorrect');
  assert.equal(checkAnswer({ value: 'e_{t+1} = \\alpha e_{t}' }, '$e_{t+1} = \\alpha e_t$').verdict, 'correct');
  assert.equal(checkAnswer({ value: 'e_{t}' }, '$e$').verdict, 'incorrect');
  // Euler's number is still Euler's number.
  assert.equal(checkAnswer({ value: 'e^{2}' }, '$e \\cdot e$').verdict, 'correct');
});

test('a chat printed with bubbles is split into turns, with the page and box of each line', async (t) => {
  if (!CHROMIUM) return t.skip('no Debian chromium: chat PDF not generated');
  const bubble = (s: string) => `<div style="margin-left:160px;background:#eee;border-radius:18px;padding:10px 16px">${s}</div>`;
  const body = [
    '<h2>Homework chat</h2>',
    bubble('Solve 1.a: what is the derivative of $x^3/3$?'),
    'The derivative is $$x^{2}$$',
    bubble('And 1.b: what is $3 + 4$?'),
    'It is $7$ (the batch size $N$).',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(body)]))!;
  const doc = await readDocumentFile(pdf!, 'chat.pdf');
  assert.ok(doc.chat, doc.text);
  const messages = readMessages(doc.text!, detectFormat(doc.text!, 'chat.pdf'));
  assert.deepEqual(
    messages.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.match(messages[1]!.text, /x\^\{2\}/);
  // The sentence's brackets stay outside the formula; near miss: a formula's own brackets stay in.
  assert.match(messages[3]!.text, /\(the batch size \$N\$\)/);
  assert.match(messages[0]!.text, /\$x\^\{3\}\s*\/\s*3\$/);
  const sub = await readSubmissionFile(pdf!, 'chat.pdf', KEY, undefined, 'chat.pdf');
  assert.equal(sub.source?.kind, 'pdf');
  assert.ok(sub.source!.regions!.every((r) => r.page === 1 && r.box[2] > r.box[0]));
  // The region of a line renders to a PNG (what a report shows beside the verdict).
  const r = sub.source!.regions![2]!;
  const png = await renderRegion(pdf!, r.page, { x0: r.box[0], y0: r.box[1], x1: r.box[2], y1: r.box[3] });
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
});

test('pages without text are named; a transcriber reads them, and what it read is kept', async (t) => {
  if (!CHROMIUM) return t.skip('no Debian chromium: scanned PDF not generated');
  // A page that is only an image (a scan): a PNG drawn by the renderer from another PDF.
  const [typed] = (await chromiumPdfs([katexHtml('1.a) the answer is $x^{2}$')]))!;
  const png = await renderRegion(typed!, 1, undefined, 1);
  const [scan] = (await chromiumPdfs([`<html><body style="margin:0"><img src="data:image/png;base64,${png.toString('base64')}" style="width:60%"></body></html>`]))!;
  const plain = await readSubmissionFile(scan!, 'scan.pdf', KEY, undefined, 'scan.pdf');
  assert.match(plain.warnings.join('\n'), /scan\.pdf: no text layer on any page.*--read-with/);
  const seen: string[] = [];
  const transcriber = {
    name: 'fake:vision',
    async transcribe(page: { number: number; png: Buffer; hash: string }) {
      seen.push(page.hash);
      return '1.a) $x^{2}$\n\n1.b) $7$';
    },
  };
  const read = await readSubmissionFile(scan!, 'scan.pdf', KEY, undefined, 'scan.pdf', { transcriber });
  assert.equal(seen.length, 1);
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(
    read.responses.map((r) => r.partId),
    ['1.a', '1.b'],
  );
  assert.equal(read.source?.transcribed?.[0]?.model, 'fake:vision');
});

test('the real chat exports: turns found, formulas the checker reads', async (t) => {
  const dir = corpusDir();
  const pdfs = dir && existsSync(join(dir, 'dev/pdf-chats')) ? readdirSync(join(dir, 'dev/pdf-chats')).filter((f) => f.endsWith('.pdf')) : [];
  if (!pdfs.length) return t.skip('../shared/corpus/dev/pdf-chats is not beside the project');
  for (const f of pdfs) {
    const doc = await readDocumentFile(new Uint8Array(readFileSync(join(dir!, 'dev/pdf-chats', f))), f);
    assert.ok(doc.text && doc.text.length > 1000, f);
    // No exporter's footer survives ("Powered by ... Exporter", "3 / 19").
    assert.doesNotMatch(doc.text, /Powered by .*Exporter|^\d+ \/ \d+$/m, f);
    // A sentence's punctuation stays the sentence's: not under a radical's bar (Kimi's
    // `2\sqrt{1-\beta}.`), not at the head of a formula (Claude's "self-dual: $(L_2)^*$").
    assert.doesNotMatch(doc.text, /\\sqrt\{[^{}$]*[a-z}]\s*[.,;]\}/, f);
    const heads = [...doc.text.matchAll(/\$\$([^$]+)\$\$|\$([^$\n]+)\$/g)].map((m) => (m[1] ?? m[2])!).filter((x) => /^[,;:] /.test(x));
    assert.deepEqual(heads, [], f);
    if (doc.chat) {
      const messages = readMessages(doc.text, detectFormat(doc.text, f));
      assert.ok(messages.some((m) => m.role === 'user') && messages.some((m) => m.role === 'assistant'), f);
    }
  }
});

test('a line of a reply that begins "means:" or "Memory:" is no role label', () => {
  const text = '**User:**\nsolve it\n\n**Assistant:**\nThe loss is zero, which\nmeans: $$a^T \\theta = 1$$\nMemory: $O(D^2)$\n';
  const messages = readMessages(text, detectFormat(text, 'chat.md'));
  assert.deepEqual(
    messages.map((m) => m.role),
    ['user', 'assistant'],
  );
  assert.match(messages[1]!.text, /means: \$\$a\^T/);
});

/**
 * Turns per export, counted against the pages (pdftoppm): messages with a text layer. Claude's
 * export has 16 stamped messages, one of them a screenshot of the problem with no text; Kimi's
 * and the hw0 one are typeset write-ups of the model's answers (no prompts in them), with the
 * student's evaluations as remarks.
 */
const EXPECTED_TURNS: Record<string, { user: number; assistant: number } | 'writeup'> = {
  'thread_163-SpecialParticipationA-GPTOssHW5.pdf': { user: 8, assistant: 8 },
  // Sixteen time stamps, eight messages each: one of the person's is a screenshot alone (page 4).
  'thread_245-Claude-CS282-specialParticipationA-HW2.pdf': { user: 8, assistant: 8 },
  'thread_262-chatgpt.pdf': { user: 3, assistant: 3 },
  'thread_275-gemini2.5Pro-chat_2025-11-11.pdf': { user: 5, assistant: 5 },
  'thread_364-EECS_182_Special_Participations_KimiK2_HW1.pdf': 'writeup',
  'thread_368-Qwen_Chat.pdf': { user: 14, assistant: 14 },
  'thread_422-ChatGPT_-_hw9.pdf': { user: 7, assistant: 7 },
  'thread_477-hw0_noncoding_zimu_gpt5-think.pdf': 'writeup',
};

test('the real chat exports: every turn found, as counted by hand', async (t) => {
  const dir = corpusDir();
  const chats = dir ? join(dir, 'dev/pdf-chats') : '';
  if (!dir || !existsSync(chats)) return t.skip('../shared/corpus/dev/pdf-chats is not beside the project');
  for (const [f, want] of Object.entries(EXPECTED_TURNS)) {
    if (!existsSync(join(chats, f))) continue;
    const doc = await readDocumentFile(new Uint8Array(readFileSync(join(chats, f))), f);
    const format = detectFormat(doc.text!, f);
    if (want === 'writeup') {
      assert.equal(format, 'writeup', f);
      continue;
    }
    const messages = readMessages(doc.text!, format);
    const got = { user: messages.filter((m) => m.role === 'user').length, assistant: messages.filter((m) => m.role === 'assistant').length };
    assert.deepEqual(got, want, f);
  }
});

test('a problem set printed to PDF reads back into the same questions and parts', async (t) => {
  if (!CHROMIUM) return t.skip('no Debian chromium: problem-set PDF not generated');
  const md = readFileSync(join('examples', 'demo', 'problems.md'), 'utf8');
  const [pdf] = (await chromiumPdfs([katexHtml(md)]))!;
  const doc = await readDocumentFile(pdf!, 'problems.pdf');
  const fromPdf = leafParts(parseProblemSet(doc.text!, 'problems.pdf')).map((p) => p.id);
  const fromMd = leafParts(parseProblemSet(md, 'problems.md')).map((p) => p.id);
  assert.deepEqual(fromPdf, fromMd);
});

test("a report on a chat with run-in labels: prompts, replies and the reader's observations apart", async (t) => {
  if (!CHROMIUM) return t.skip('no Debian chromium: report PDF not generated');
  const body = [
    '<b>Q1 (a)</b>',
    '<b>Prompt.</b> What is the derivative of $x^3/3$? <b>Model Reply.</b> It is $x^{2}$. <b>Observation.</b> Correct, one-shot.',
    '<b>Q1 (b)</b>',
    '<b>Prompt.</b> What is $3 + 4$? <b>Model Reply.</b> It is $7$, as the Reply. in the log says.',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(body)]))!;
  const doc = await readDocumentFile(pdf!, 'report.pdf');
  const messages = readMessages(doc.text!, detectFormat(doc.text!, 'report.pdf'));
  // The heading above the first label (`Q1 (a)`) is the page's head, read as a note naming the question.
  const turns = messages.filter((m) => m.role !== 'note');
  assert.deepEqual(
    turns.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
    doc.text,
  );
  assert.match(turns[1]!.text, /x\^\{2\}/);
  assert.ok(!messages.some((m) => m.role === 'assistant' && /one-shot/.test(m.text)), "the observation is not the model's text");
  assert.match(doc.notes.map((n) => n.text).join('\n'), /Observation\. Correct, one-shot\./);
  // Near miss: "the Reply." inside a sentence (no sentence end before it... lower-case "the") stays in the reply.
  assert.match(turns[3]!.text, /as the Reply\. in the log says/);
});

test('a write-up in PDF is graded, and its report shows the page region of each answer', async (t) => {
  if (!CHROMIUM) return t.skip('no Debian chromium: write-up PDF not generated');
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { gradeFiles } = await import('../src/run/grading.js');
  const { submissionHtml } = await import('../src/report/html.js');
  const [pdf] = (await chromiumPdfs([katexHtml('1.a) The derivative is $$x^{2}$$\n\n1.b) The sum is $7$.')]))!;
  const path = join(mkdtempSync(join(tmpdir(), 'pc-wu-')), 'alice.pdf');
  writeFileSync(path, pdf!);
  const { results } = await gradeFiles({ key: KEY, files: [path], renderSources: true });
  const r = results[0]!;
  assert.deepEqual(
    r.grade!.parts.map((p) => p.verdict),
    ['correct', 'correct'],
    r.submission?.text,
  );
  assert.deepEqual([...r.sourceImages!.keys()], ['1.a', '1.b']);
  const html = submissionHtml({ name: 'alice.pdf', text: r.submission!.text, responses: r.submission!.responses }, r.grade!, { sources: r.sourceImages! });
  assert.equal((html.match(/read from: <img/g) ?? []).length, 2);
});

test("a reader's remarks written as PDF annotations are kept as notes, apart from the text that is graded", async () => {
  const pdf = pdfWithAnnotations('1.a) The answer is 42.', [
    '/Subtype /FreeText /Contents (I think this is right: it uses the intro) /DA (/Helv 9 Tf 1 0 0 rg)',
    '/Subtype /Text /Contents (Check the sign here)',
    // Near misses: a link has no words of a reader, and an empty text box says nothing.
    '/Subtype /Link /Contents (https://example.org)',
    '/Subtype /FreeText /Contents ()',
  ]);
  const doc = await readDocumentFile(pdf, 'remarks.pdf');
  assert.deepEqual(
    doc.notes.map((n) => n.text),
    ['I think this is right: it uses the intro', 'Check the sign here'],
  );
  assert.match(doc.text ?? '', /The answer is 42/);
  assert.doesNotMatch(doc.text ?? '', /I think|Check the sign|example\.org/);
});

test('the margin remarks of the real Gemini export are its notes', { skip: corpusDir() ? false : 'the corpus (../shared/corpus) is absent' }, async () => {
  const path = join(corpusDir()!, 'dev', 'pdf-chats', 'thread_275-gemini2.5Pro-chat_2025-11-11.pdf');
  const doc = await readDocumentFile(new Uint8Array(readFileSync(path)), path);
  const notes = doc.notes.map((n) => n.text).join('\n');
  assert.match(notes, /I think these are good answers/);
  assert.match(notes, /Clearly gets to the right answer step-by-step/);
  assert.doesNotMatch(doc.text ?? '', /Clearly gets to the right answer step-by-step/);
});
