/**
 * Classes of misreading found in the real chat exports, each rebuilt in a PDF generated here
 * (pdflatex, or KaTeX printed by Chromium) and read back: the reading must be the formula a
 * person reads, and a near miss must stay unequal through `check`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { parseMath } from '../src/math/latex/parse.js';
import { checkAnswer } from '../src/check/check.js';
import { chromiumPdfs, katexHtml, pdflatexPdf, CHROMIUM, PDFLATEX } from './fixtures/pdf/generate.js';

const formulas = (text: string) => [...text.matchAll(/\$\$([^$]+)\$\$|\$([^$]+)\$/g)].map((m) => (m[1] ?? m[2])!.trim());
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;

test("pdflatex: a word of the text font set as a script (H_in, sigma_max) is the symbol's subscript", { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, async () => {
  const pdf = pdflatexPdf(
    [
      'The output height is $(H_\\text{in} + H_K - 1) \\times (W_\\text{in} + W_K - 1) = 3 \\times 3$ here.\n',
      'The step must satisfy $0 < \\eta < 1/\\sigma_{\\max}^2$ for stability.\n',
      'Stability requires $\\sqrt{1-\\beta} < 1$, which holds.\n',
      'So $A$ is a left inverse when $\\text{rank}(X) = n$ holds.\n',
    ].join('\n'),
  )!;
  const doc = await readDocumentFile(pdf, 'classes.pdf');
  const got = formulas(doc.text!);
  const shape = got.find((f) => f.includes('times 3'));
  assert.ok(shape, doc.text);
  assert.match(shape, /H_\{\\text\{in\}\} \+ H_\{K\}/);
  assert.equal(verdict('(H_{\\text{in}} + H_K - 1) \\times (W_{\\text{in}} + W_K - 1)', shape.split('=')[0]!), 'correct');
  // Near miss: the same formula with the other subscript is another quantity.
  assert.equal(verdict('(H_{\\text{out}} + H_K - 1) \\times (W_{\\text{out}} + W_K - 1)', shape.split('=')[0]!), 'incorrect');
  const bound = got.find((f) => f.includes('eta'));
  assert.ok(bound && /\\sigma_\{\\max\}\^\{2\}/.test(bound), doc.text);
  parseMath(bound);
  // Near miss: sigma squared without its subscript is not sigma_max squared.
  assert.equal(verdict('1/\\sigma^2', bound.replace(/^.*< /, '')), 'incorrect');
  // pdf.js joins `β <` into one run that starts under the radical's bar: only β is under it.
  const root = got.find((f) => f.includes('sqrt'));
  assert.equal(root, '\\sqrt{1-\\beta} < 1');
  // `\\text{rank}(` is set upright in one run with the prose before it: the name opens the formula.
  const rank = got.find((f) => f.includes('= n'));
  assert.equal(rank, '\\operatorname{rank}(X) = n');
  // Near miss: without its name the bracket would make the claim `X = n`.
  assert.equal(verdict('\\operatorname{rank}(X) = n', rank!), 'correct');
  assert.equal(verdict('X = n', rank!), 'incorrect');
});

test("KaTeX in Chromium: a sentence's brackets and stops set in the prose font stay out of the formulas", { skip: !CHROMIUM && 'no /usr/bin/chromium' }, async () => {
  const md = [
    'Case 2 ($j \\ne i$): $\\frac{\\partial y_j}{\\partial x_i} = -\\frac{1}{n}$',
    'Find $w_3$ (using $w_3 = -5 - 8w_2$): $w_3 = -5 - 8(-1)$',
    'first patch $[1, 4, 0]$. $(1 \\cdot w_1) + (4 \\cdot w_2) = -2$',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(md)]))!;
  const doc = await readDocumentFile(pdf!, 'prose.pdf');
  const text = doc.text!;
  assert.match(text, /Case 2 \(\$j \\ne i\$\): \$/);
  assert.match(text, /\(using \$w_\{3\} = -5 - 8w_\{2\}\$\): \$w_\{3\} = -5 - 8\(-1\)\$/);
  assert.match(text, /\$\[1, 4, 0\]\$\. \$\(1 \\cdot w_\{1\}\)/);
  for (const f of formulas(text)) parseMath(f);
  // Near miss: the case's number is prose; it never multiplies the formula beside it.
  assert.ok(!formulas(text).some((f) => /^2 ?\(/.test(f)), text);
});

test("the LaTeX reader: a bold e is a vector, never Euler's number", () => {
  parseMath('\\tilde{\\mathbf{x}}_{i} = \\Sigma U^{T}\\mathbf{e}_{i}');
  assert.equal(verdict('\\mathbf{e}_i', '\\mathbf{e}_i'), 'correct');
  // Near misses: another basis vector, and Euler's number squared.
  assert.equal(verdict('\\mathbf{e}_i', '\\mathbf{e}_j'), 'incorrect');
  assert.equal(verdict('e^2', '\\mathbf{e}^2'), 'incorrect');
});

test('the LaTeX reader: a norm or a function with its argument left open (`|\\cdot|_1`, `\\phi(\\cdot)`) is read as itself', () => {
  assert.equal(verdict('|\\cdot|_1', '| \\cdot |_{1}'), 'correct');
  assert.equal(verdict('\\phi', '\\phi (\\cdot )'), 'correct');
  // Near misses: another norm, another function, the function at a point.
  assert.equal(verdict('|\\cdot|_1', '|\\cdot|_{\\infty}'), 'incorrect');
  assert.equal(verdict('\\frac{|\\cdot|_2}{|\\cdot|_\\infty}', '\\frac{|\\cdot|_2}{|\\cdot|_1}'), 'incorrect');
  assert.equal(verdict('\\phi(\\cdot)', '\\psi(\\cdot)'), 'incorrect');
  assert.equal(verdict('\\phi(x)', '\\phi(\\cdot)'), 'incorrect');
});

test('the LaTeX reader: "i.i.d." typed in a formula is the abbreviation, not a product of letters', () => {
  parseMath('R_{i,j} \\sim i.i.d.');
  assert.equal(verdict('R \\sim \\text{i.i.d.}', 'R \\sim i.i.d.'), 'correct');
  // Near miss: the letters' product is not the abbreviation.
  assert.equal(verdict('i^2 d', 'i.i.d'), 'incorrect');
});

test('KaTeX in Chromium: short cells over and under a table row border are two rows, not a fraction', { skip: !CHROMIUM && 'no /usr/bin/chromium' }, async () => {
  const row = (a: string, b: string) =>
    `<tr><td style="border-bottom:1px solid #ccc">$${a}$</td><td style="border-bottom:1px solid #ccc">$${b}$</td><td style="border-bottom:1px solid #ccc">words</td></tr>`;
  const md = `The norms:\n\n<div><table style="width:100%;border-collapse:collapse">${row('|\\cdot|_2', '|\\cdot|_2')}${row('|\\cdot|_\\infty', '|\\cdot|_1')}</table></div>\n\nA real fraction: $$\\frac{1}{n}$$`;
  const [pdf] = (await chromiumPdfs([katexHtml(md)]))!;
  const text = (await readDocumentFile(pdf!, 'rows.pdf')).text!;
  // Near miss: the border under the first row is no fraction bar.
  assert.doesNotMatch(text, /\\frac\{\|/, text);
  assert.match(text, /\$\| ?\\cdot ?\|_\{\\infty\}\$/);
  // The bar of a real fraction, as wide as its parts, still is one.
  assert.match(text, /\\frac\{1\}\{n\}/);
});

test("a bold run-in title keeps its bold (a reply's sections read as sections); bold inside a sentence, a heading and two labels stay as they are", {
  skip: !CHROMIUM && 'no /usr/bin/chromium',
}, async () => {
  const body = [
    '<ol><li><b>Output shape of the pooling layer.</b> Pooling keeps the depth, so the shape is $7 \\times 7 \\times C$.</li>',
    '<li><b>Receptive field after $L$ layers.</b> Each layer adds $K - 1$.</li></ol>',
    '<b>Final answer:</b> $L(K-1) + 1$',
    // Near misses: a heading bold throughout, a bold word inside a sentence, two bold labels with formulas between them.
    '<h3>Summary of the results</h3>',
    'The property that makes this work is <b>time invariance</b> of the system, which we use throughout.',
    '<b>Input:</b> $I = 3$ <b>Filter:</b> $F = 2$',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(body)]))!;
  const text = (await readDocumentFile(pdf!, 'bold.pdf')).text!;
  assert.match(text, /^1\. \*\*Output shape of the pooling layer\.\*\* Pooling keeps/m, text);
  assert.match(text, /^2\. \*\*Receptive field after \$L\$ layers\.\*\* Each layer/m, text);
  assert.match(text, /^\*\*Final answer:\*\* \$L\(K - 1\) \+ 1\$$/m, text);
  assert.match(text, /^\*\*Summary of the results\*\*$/m, text);
  assert.match(text, /makes this work is time invariance of the system/, text);
  assert.match(text, /^\*\*Input:\*\* \$I = 3\$ Filter: \$F = 2\$$/m, text);
});
