/**
 * A question posted as a picture: students paste screenshots of the homework into the chat, so
 * in the printed chat the person's message is an image and nothing else. The turn must still be
 * found (a reader would otherwise run two replies together), and the model's own figures are not
 * the person's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas } from '@napi-rs/canvas';
import { readDocumentFile } from '../src/documents/read-file.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmissionFile } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { detectFormat, readMessages } from '../src/documents/transcripts.js';
import { chatExport, EXPORTERS } from './fixtures/pdf/chat-export.js';
import { chromiumPdfs, katexHtml, CHROMIUM } from './fixtures/pdf/generate.js';

/** A screenshot of a question's text, as a data URL (`width` pixels wide). */
function screenshot(text: string, width = 520): string {
  const canvas = createCanvas(width, 130);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, 130);
  g.fillStyle = '#111';
  g.font = '16px serif';
  text.split('\n').forEach((line, i) => g.fillText(line, 12, 28 + 24 * i));
  return `data:image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`;
}

const Q1 = screenshot('1. A linear layer y = Wx with W of size d_out x d_in.\n(a) What does one forward pass cost?\n(b) Bound the spectral norm of the update.');
const Q2 = screenshot('2. A convolution layer on 28 x 28 images.\n(a) What is the output shape?\n(b) How many parameters?');
const FIGURE = screenshot('loss curve (a figure the model drew)', 300);

const TRANSCRIPT = `## User

![](${Q1})

## Assistant

**(a)** One pass costs $c\\, d_{in} d_{out}$.

**(b)** The bound is $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$, as the figure shows:

![figure](${FIGURE})

## User

![](${Q2})

Please solve this one too.

## Assistant

**(a)** The output is $28 \\times 28 \\times 10$.

**(b)** There are $100$ parameters.
`;

/** The two questions, with no problem set: the pictures are all there is of their statements. */
const KEY = loadKey(
  `partcredit: 1
symbols: { c: { positive: true }, d_in: { positive: true }, d_out: { positive: true } }
parts:
  1.a: { answer: 'c\\, d_{in} d_{out}' }
  1.b: { answer: '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', type: relation }
  2.a: { answer: '28 \\times 28 \\times 10', type: shape }
  2.b: { answer: '100' }
`,
  'k.yaml',
).key!;

test("a screenshot posted alone is the person's turn, in every exporter's layout; the reply's figure is not", { skip: !CHROMIUM && 'no Debian chromium: chat PDFs not generated' }, async () => {
  const pdfs = (await chromiumPdfs(EXPORTERS.map((e) => chatExport(TRANSCRIPT, e))))!;
  for (const [i, exporter] of EXPORTERS.entries()) {
    const doc = await readDocumentFile(pdfs[i]!, `${exporter}.pdf`);
    assert.ok(doc.chat, `${exporter}: read as a chat\n${doc.text}`);
    const messages = readMessages(doc.text!, detectFormat(doc.text!, `${exporter}.pdf`));
    const turns = messages.filter((m) => m.role !== 'note');
    assert.deepEqual(
      turns.map((m) => m.role),
      ['user', 'assistant', 'user', 'assistant'],
      `${exporter}\n${doc.text}`,
    );
    // The pictures are the person's attachments; the words beside the second stay its words.
    assert.equal(turns[0]!.files?.length, 1, exporter);
    assert.equal(turns[0]!.text, '', exporter);
    assert.equal(turns[2]!.files?.length, 1, exporter);
    assert.match(turns[2]!.text, /Please solve this one too/, exporter);
    // Near miss: the figure in the model's reply is neither a turn nor text of the reply.
    assert.doesNotMatch(turns[1]!.text, /\[File\]|\.png/, exporter);
    assert.match(turns[1]!.text, /\\sqrt\{d_\{out\}\}/, exporter);
    assert.match(turns[3]!.text, /28 \\times 28 \\times 10/, exporter);
    // Graded: each reply answers the question its picture posted, taken in the key's order.
    const grade = gradeSubmission(KEY, await readSubmissionFile(pdfs[i]!, exporter, KEY, undefined, `${exporter}.pdf`));
    assert.deepEqual(
      grade.parts.map((p) => `${p.id} ${p.verdict}`),
      ['1.a correct', '1.b correct', '2.a correct', '2.b correct'],
      exporter,
    );
  }
});

test("near misses: a write-up's figures and a small icon at the right are not a person's posted question", { skip: !CHROMIUM && 'no Debian chromium: PDFs not generated' }, async () => {
  const icon = screenshot('i', 40);
  const body = [
    '<h2>Homework 4, question 1</h2>',
    '(a) One pass costs $c\\, d_{in} d_{out}$.',
    // A figure centred in the text, and one as wide as the text.
    `<p style="text-align:center"><img src="${FIGURE}" style="width:300px"></p>`,
    `<p><img src="${Q2}" style="width:100%"></p>`,
    // An icon at the right edge, the size of an avatar.
    `<p style="text-align:right"><img src="${icon}" style="width:32px"></p>`,
    // A figure set at the right margin, as LaTeX's wrapfigure does, with no chat around it.
    `<p style="text-align:right"><img src="${Q1}" style="width:260px"></p>`,
    '(b) The bound is $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$.',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(body)]))!;
  const doc = await readDocumentFile(pdf!, 'writeup.pdf');
  assert.equal(doc.chat, false, doc.text);
  assert.equal(detectFormat(doc.text!, 'writeup.pdf'), 'writeup');
  assert.doesNotMatch(doc.text!, /\[File\]|\.png/, doc.text);
  assert.match(doc.text!, /\(b\) The bound is/);
});

test("ChatGPT's layout: a screenshot right-aligned above the bubble, or alone, is the person's", { skip: !CHROMIUM && 'no Debian chromium: chat PDF not generated' }, async () => {
  const bubble = (s: string) => `<div style="margin-left:200px;background:#eee;border-radius:18px;padding:10px 16px">${s}</div>`;
  const posted = (src: string) => `<div style="text-align:right"><img src="${src}" style="width:300px;border-radius:12px"></div>`;
  const body = [
    posted(Q1),
    bubble('Solve question 1.'),
    '(a) One pass costs $c\\, d_{in} d_{out}$.',
    '(b) The bound is $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$.',
    posted(Q2),
    '(a) The output is $28 \\times 28 \\times 10$, and (b) there are $100$ parameters.',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(body)]))!;
  const doc = await readDocumentFile(pdf!, 'chatgpt.pdf');
  const messages = readMessages(doc.text!, detectFormat(doc.text!, 'chatgpt.pdf')).filter((m) => m.role !== 'note');
  assert.deepEqual(
    messages.map((m) => [m.role, m.files?.length ?? 0]),
    [
      ['user', 1],
      ['assistant', 0],
      ['user', 1],
      ['assistant', 0],
    ],
    doc.text,
  );
  assert.match(messages[0]!.text, /Solve question 1/);
});
