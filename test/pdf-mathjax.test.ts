/**
 * Chat exports whose mathematics MathJax 3 typeset (test/fixtures/pdf/mathjax.ts): CHTML sets
 * text in its MathJax_* fonts and builds tall delimiters from one glyph scaled hundreds of times
 * and clipped; SVG draws every glyph as a path, with no text at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { readPdfDocument } from '../src/documents/pdf/document.js';
import { checkAnswer } from '../src/check/check.js';
import { FORMULAS } from './fixtures/pdf/formulas.js';
import { CHROMIUM, answersMarkdown, chromiumPdfs, katexHtml, readBack } from './fixtures/pdf/generate.js';
import { mathjaxHtml } from './fixtures/pdf/mathjax.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { roundTrip } from './fixtures/pdf/round-trip.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;

test('MathJax 3 CHTML answers printed by Chromium read back formula by formula', { skip: noChromium }, async () => {
  const [pdf] = (await chromiumPdfs([mathjaxHtml(answersMarkdown(FORMULAS))]))!;
  const { equal, exact, wrong, accepted } = await roundTrip(pdf!);
  assert.ok(equal >= 0.98 * FORMULAS.length, `equal ${equal}/${FORMULAS.length}, exact ${exact}:\n${wrong.join('\n')}`);
  assert.deepEqual(accepted, []);
});

// Delimiters MathJax stretches: a tall `|` or `\|` is one glyph scaled, a bracket's middle too.
const STRETCHED: [string, string][] = [
  ['\\left| \\frac{a}{b} \\right|', '\\frac{a}{b}'],
  ['\\left\\| \\frac{x}{2} \\right\\|', '\\frac{x}{2}'],
  ['\\begin{vmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\\\ 7 & 8 & 10 \\end{vmatrix}', '\\begin{vmatrix} 1 & 2 & 3 \\\\ 7 & 8 & 10 \\\\ 4 & 5 & 6 \\end{vmatrix}'],
  ['\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\\\ 7 & 8 \\\\ 9 & 10 \\end{bmatrix}', '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\\\ 7 & 8 \\end{bmatrix}'],
  // A brace's extension piece drawn inside its bottom piece's tail is the brace's, not a stray `\\{`.
  ['\\begin{cases} 1 & x > 0 \\\\ 0 & x = 0 \\\\ -1 & x < 0 \\end{cases}', '\\begin{cases} 1 & x > 0 \\\\ -1 & x < 0 \\end{cases}'],
  ['\\begin{pmatrix} 1 \\\\ 0 \\\\ 2 \\\\ 0 \\\\ 3 \\end{pmatrix}', '\\begin{pmatrix} 1 \\\\ 0 \\\\ 2 \\\\ 0 \\end{pmatrix}'],
];

test("MathJax's stretched delimiters stand where they show: bars, determinants, five-row matrices; never stray text", { skip: noChromium }, async () => {
  const [pdf] = (await chromiumPdfs([mathjaxHtml(answersMarkdown(STRETCHED.map(([f]) => f)))]))!;
  const text = (await readDocumentFile(pdf!, 'stretched.pdf')).text!;
  const back = readBack(text, STRETCHED.length);
  STRETCHED.forEach(([f, miss], i) => {
    assert.equal(verdict(f, back[i]!), 'correct', `${f} read as ${back[i]}\n${text}`);
    // Near miss: without its delimiters, or without the row the bracket's last piece encloses, it is another answer.
    assert.notEqual(verdict(miss, back[i]!), 'correct', `${miss} accepted for ${back[i]}`);
  });
  // The scaled glyphs' origins lie far from where they show: read there, they were a stray `| |` line.
  assert.doesNotMatch(text, /^\s*(?:\$*\s*)?(?:\||\\\||\[)\s+(?:\||\\\||\])\s*\$*\s*$/m, text);
});

test('formulas MathJax drew as SVG paths are named in a warning, never lost in silence; text formulas raise none', { skip: noChromium }, async () => {
  const body = answersMarkdown(FORMULAS.slice(0, 20));
  const [svg, chtml, katex] = (await chromiumPdfs([mathjaxHtml(body, 'svg'), mathjaxHtml(body), katexHtml(answersMarkdown(FORMULAS))]))!;
  const doc = await readDocumentFile(svg!, 'svg.pdf');
  assert.match(doc.warnings.join('\n'), /^svg\.pdf: formulas drawn as shapes, not text, on pages 1, 2 .*--read-with MODEL/m);
  assert.doesNotMatch(doc.text!, /\$/);
  // Near misses: the same formulas as text, and KaTeX's radicals and tall brackets drawn as paths, are read, not warned about.
  assert.deepEqual((await readDocumentFile(chtml!, 'chtml.pdf')).warnings, []);
  assert.deepEqual((await readDocumentFile(katex!, 'katex.pdf')).warnings, []);
  // With a vision model the page is read whole, in place of its text layer's prose without formulas.
  const pages: number[] = [];
  const read = await readPdfDocument(svg!, 'svg.pdf', {
    name: 'fake',
    transcribe: async (p) => {
      pages.push(p.number);
      return 'Item 1: the answer is $x^{2} + y^{2}$';
    },
  });
  assert.deepEqual([pages, read.warnings], [[1, 2], []]);
  assert.match(read.text, /^Item 1: the answer is \$x\^\{2\} \+ y\^\{2\}\$$/m);
  assert.doesNotMatch(read.text, /Item 2/);
});

test('a page with only a formula or two drawn as paths is named in a warning; icons in a row and KaTeX drawn delimiters are not', { skip: noChromium }, async () => {
  const body = [
    '**(a)** The runtime of one iteration is two products of the matrices, so in all it is',
    '',
    '$$2c\\,d_{out}^2 d_{in}$$',
    '',
    '**(b)** The Gram matrix first is cheaper when the output is wider: $2 c d_{out} d_{in}^2$ per step.',
  ].join('\n');
  // Near miss: a reply's buttons (copy, rate up, rate down, share) drawn as paths, spaced apart, under KaTeX with a root and tall bars.
  const icon = '<svg width="16" height="16" viewBox="0 0 16 16"><path d="M3 1 C9 1 13 4 13 8 C13 12 9 15 3 15 C6 12 7 10 7 8 C7 6 6 4 3 1 Z" fill="#555"/></svg>';
  const buttons = `<div style="display:flex;gap:12px">${icon.repeat(4)}</div>`;
  const katex = `The answer is $\\sqrt{d_{in}}$ and $$\\left|\\begin{matrix} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\end{matrix}\\right|$$\n\n${buttons}`;
  const [svg, chtml, buttoned] = (await chromiumPdfs([mathjaxHtml(body, 'svg'), mathjaxHtml(body), katexHtml(katex)]))!;
  const doc = await readDocumentFile(svg!, 'few.pdf');
  assert.match(doc.warnings.join('\n'), /^few\.pdf: formulas drawn as shapes, not text, on page 1 /m, doc.text);
  assert.deepEqual((await readDocumentFile(chtml!, 'chtml.pdf')).warnings, []);
  const plain = await readDocumentFile(buttoned!, 'buttons.pdf');
  assert.deepEqual(plain.warnings, [], plain.text);
  assert.match(plain.text!, /\\sqrt\{d_\{in\}\}/, plain.text);
});

test('MathJax scaled to the prose: the words after a formula are the sentence, never its script; a root after `1/` is a root', { skip: noChromium }, async () => {
  const chat = [
    '## User',
    '',
    'Solve 2(b) and 1(b).',
    '',
    '## Assistant',
    '',
    'If $d_{out} \\gg d_{in}$, can $p(W)$ be computed faster? Yes: so both products are $d_{out} d_{in}^2$, the cheaper order.',
    '',
    'For Xavier, $c = 1/\\sqrt{d_{in}}$ and the bound is $\\sqrt{d_{in} d_{out}}$.',
    '',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat, 'mathjax-print')]))!;
  const text = (await readDocumentFile(pdf!, 'scaled.pdf')).text!;
  assert.match(text, /\$d_\{out\} \\gg d_\{in\}\$, can \$p\(W\)\$/, text);
  assert.match(text, /\$d_\{out\} ?d_\{in\}\^\{2\}\$, the cheaper order\./, text);
  const c = /\$c = ([^$]*)\$/.exec(text)?.[1];
  assert.equal(verdict('1/\\sqrt{d_{in}}', c!), 'correct', text);
  // Near misses: the root over both factors is not the root of one times the other; a real script stays one.
  const bound = /bound is \$([^$]*)\$/.exec(text)?.[1];
  assert.equal(verdict('\\sqrt{d_{in} d_{out}}', bound!), 'correct', text);
  assert.equal(verdict('\\sqrt{d_{in}} d_{out}', bound!), 'incorrect', text);
  assert.doesNotMatch(text, /\{[^{}$]*, can\}|\^\{, so/, text);
});

test('list bullets printed as discs start items; two vectors set one under the other stay two', { skip: noChromium }, async () => {
  const chat = [
    '## User',
    '',
    'Give the counts and the two outputs.',
    '',
    '## Assistant',
    '',
    'Each count follows from the shape of one filter and the number of filters, and the outputs from the two edges, as the question set them up in its figure.',
    '',
    '- **Weights:** each filter is $K \\times K \\times C$, so $K \\times K \\times C \\times F$ in total, which is the whole count of the layer.',
    '- **Biases:** one per filter, $F$.',
    '- $\\mathbf{g}_3 = \\begin{bmatrix} 0 \\\\ 0.8 \\\\ 0 \\end{bmatrix}$ (vertical edge)',
    '- $\\mathbf{g}_4 = \\begin{bmatrix} 0.8 \\\\ 0 \\\\ 0 \\end{bmatrix}$ (horizontal edge)',
    '',
    'A plain sentence ends the reply, and a long one too, running on past the end of its line so that it wraps round to the next line of the page.',
    '',
    '$$v = \\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\\\ 4 \\\\ 5 \\\\ 6 \\end{bmatrix}$$',
    '',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat, 'mathjax-print')]))!;
  const text = (await readDocumentFile(pdf!, 'bullets.pdf')).text!;
  // The labels bold, as the reply wrote them.
  assert.match(text, /^- \*\*Weights:\*\* .*whole count of the layer\.\n- \*\*Biases:\*\* one per filter, \$F\$\.$/m, text);
  const g3 = /g\}_\{3\} = ([^$]*)\$/.exec(text)?.[1];
  const g4 = /g\}_\{4\} = ([^$]*)\$/.exec(text)?.[1];
  assert.equal(verdict('\\begin{bmatrix} 0 \\\\ 0.8 \\\\ 0 \\end{bmatrix}', g3 ?? ''), 'correct', text);
  assert.equal(verdict('\\begin{bmatrix} 0.8 \\\\ 0 \\\\ 0 \\end{bmatrix}', g4 ?? ''), 'correct', text);
  // Near misses: a paragraph without a bullet is not an item; one tall vector stays one.
  assert.match(text, /^A plain sentence ends the reply, and a long one too, running on past the end of its line so that it wraps round to the next line of the page\.$/m, text);
  const v = /\$\$v = ([^$]*)\$\$/.exec(text)?.[1];
  assert.equal(verdict('\\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\\\ 4 \\\\ 5 \\\\ 6 \\end{bmatrix}', v ?? ''), 'correct', text);
});
