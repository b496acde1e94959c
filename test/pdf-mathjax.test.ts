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
  const read = await readPdfDocument(svg!, 'svg.pdf', { name: 'fake', transcribe: async (p) => (pages.push(p.number), 'Item 1: the answer is $x^{2} + y^{2}$') });
  assert.deepEqual([pages, read.warnings], [[1, 2], []]);
  assert.match(read.text, /^Item 1: the answer is \$x\^\{2\} \+ y\^\{2\}\$$/m);
  assert.doesNotMatch(read.text, /Item 2/);
});
