/**
 * Classes behind misread fractions and scripts in the real chat exports, each rebuilt in a PDF
 * made here: a glyph of a neighbouring line taken into a fraction, and a script's script taken for
 * the baseline (pdflatex at 11 and 12 pt), a list item's numerator taken into the fraction of the
 * item above (MathJax). Each with a near miss that must stay as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { checkAnswer } from '../src/check/check.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, PDFLATEX, chromiumPdfs, katexHtml, pdflatexPdf } from './fixtures/pdf/generate.js';

const formulas = (text: string) => [...text.matchAll(/\$\$([^$]+)\$\$|\$([^$]+)\$/g)].map((m) => (m[1] ?? m[2])!.trim());
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;

test("KaTeX: a letter of the line above standing over a short fraction bar is its own line's, not the numerator's", { skip: !CHROMIUM && 'no /usr/bin/chromium' }, async () => {
  // Lines packed as a list packs them: the \mathbb{R} of the first stands right over the 1/n of the second.
  const css = 'p{margin:0;line-height:1.25}';
  const md = ['$X \\in \\mathbb{R}^{m \\times n}$, zero-centered', '$C = \\frac{1}{n} XX^\\top = U \\Sigma^2 U^\\top$, with eigenvalues', '$\\frac{x^2 + 1}{y_{i}^{2}}$ is one fraction'].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(md, css)]))!;
  const got = formulas((await readDocumentFile(pdf!, 'stack.pdf')).text!);
  const member = got.find((f) => f.includes('\\in'));
  assert.equal(member, 'X \\in \\mathbb{R}^{m\\times n}', got.join('\n'));
  const cov = got.find((f) => f.startsWith('C ='));
  assert.ok(cov, got.join('\n'));
  assert.equal(verdict('C = \\frac{1}{n} X X^\\top', cov.split('= U')[0]!.trim()), 'correct');
  // Near miss: a numerator's own script and a denominator's scripts, touching their symbols, stay in the fraction.
  const frac = got.find((f) => f.includes('frac{x'));
  assert.ok(frac, got.join('\n'));
  assert.equal(verdict('\\frac{x^2+1}{y_i^2}', frac), 'correct');
  assert.equal(verdict('\\frac{x+1}{y_i^2}', frac), 'incorrect');
});

test("pdflatex at 12 pt: a script's script (sigma_max squared in a denominator) is not the baseline", { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, async () => {
  const pdf = pdflatexPdf('Stability requires $0 < \\eta < \\frac{1}{\\sigma_{\\max}^2}$, where $\\sigma_{\\max} = \\sigma_1$.\n', '12pt')!;
  const got = formulas((await readDocumentFile(pdf, 'scripts.pdf')).text!);
  const bound = got.find((f) => f.includes('eta'));
  assert.equal(bound, '0 < \\eta < \\frac{1}{\\sigma_{\\max}^{2}}', got.join('\n'));
  // Near miss: sigma squared without its subscript is another quantity.
  assert.equal(verdict('\\frac{1}{\\sigma^2}', bound!.split('<').pop()!.trim()), 'incorrect');
  assert.equal(verdict('\\frac{1}{\\sigma_{\\max}^2}', bound!.split('<').pop()!.trim()), 'correct');
});

test("list items' fractions one right under the other each keep their own numerator and denominator (MathJax); a fraction in a denominator stays there", {
  skip: !CHROMIUM && 'no /usr/bin/chromium',
}, async () => {
  const list = ['Pooling keeps the depth:', '', '- height: $\\left\\lfloor\\frac{H-K}{S}\\right\\rfloor+1$', '- width: $\\left\\lfloor\\frac{W-K}{S}\\right\\rfloor+1$', '- depth: $C$'].join('\n');
  // Near miss: a fraction in a denominator, its bar right under the outer one, is the denominator's.
  const nested = 'So $\\frac{1}{1+\\frac{1}{x}}$ is the ratio.';
  const layouts = ['mathjax-print', 'chatgpt-print'] as const;
  const chat = (reply: string) => `## User\n\nShapes?\n\n## Assistant\n\n${reply}\n`;
  const pdfs = (await chromiumPdfs(layouts.flatMap((e) => [chatExport(chat(list), e), chatExport(chat(nested), e)])))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[2 * i]!, `${layout}.pdf`)).text!;
    const item = (name: string) => new RegExp(`^- ${name}: \\$([^$]*)\\$$`, 'm').exec(text)?.[1] ?? '';
    assert.equal(verdict('\\left\\lfloor\\frac{H-K}{S}\\right\\rfloor+1', item('height')), 'correct', `${layout}:\n${text}`);
    assert.equal(verdict('\\left\\lfloor\\frac{W-K}{S}\\right\\rfloor+1', item('width')), 'correct', `${layout}:\n${text}`);
    const other = (await readDocumentFile(pdfs[2 * i + 1]!, `${layout}-nested.pdf`)).text!;
    assert.equal(verdict('\\frac{x}{x+1}', /So \$([^$]*)\$/.exec(other)?.[1] ?? ''), 'correct', `${layout}:\n${other}`);
  }
});
