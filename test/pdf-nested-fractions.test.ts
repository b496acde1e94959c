/**
 * Fractions in a fraction's numerator or denominator (a continued fraction, a harmonic mean, a
 * ratio of ratios), displayed and inline, printed by KaTeX and MathJax chat exports and by
 * pdflatex: each reads back as the formula written. Near misses: two fractions side by side, and
 * a list's fractions one under the other, stay apart; a root in a denominator stays there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { checkAnswer } from '../src/check/check.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, PDFLATEX, chromiumPdfs, pdflatexPdf } from './fixtures/pdf/generate.js';

const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;

const NESTED = [
  ['A', '\\frac{1}{1+\\frac{1}{x}}'],
  ['B', '\\frac{\\frac{p}{q}}{r}'],
  ['C', '\\frac{\\frac{a}{b}}{\\frac{c}{d}}'],
  ['D', '\\frac{u}{\\frac{v}{w}}'],
  ['E', '\\dfrac{\\dfrac{1}{2}}{3}'],
  ['F', '\\frac{x+\\frac{1}{2}}{y-\\frac{1}{3}}'],
  ['G', '\\frac{2}{\\frac{1}{s}+\\frac{1}{t}}'],
  ['H', '1 - \\frac{\\frac{1}{n}}{1-\\frac{1}{n}}'],
  // Near miss: a root's bar between a fraction's bar and its denominator is the denominator's own.
  ['R', '\\frac{\\|W\\|_{2}}{\\sqrt{d_{out}}}'],
  // Near miss: a bracket right after a root's bar in a denominator stays in it.
  ['L', '\\frac{\\ln(10^{-3})}{\\ln(\\sqrt{2})}'],
] as const;
// Near miss: a product of two fractions is no fraction of fractions.
const PRODUCT = '\\frac{1}{2} \\cdot \\frac{3}{4}';

const markdown = [
  ...NESTED.flatMap(([name, tex]) => [`The display ${name}:`, '', `$$${name} = ${tex}$$`, '', `Inline, ${name}: $${name} = ${tex}$ here.`, '']),
  `$$P = ${PRODUCT}$$`,
  '',
  // Near miss: a list's fractions stand one right under the other.
  'The steps:',
  '',
  '1. $m = \\frac{5}{6}$',
  '2. $k = \\frac{7}{8}$',
].join('\n');

function assertNested(text: string, where: string) {
  const at = `${where}:\n${text}`;
  for (const [name, tex] of NESTED) {
    const display = new RegExp(`^\\$\\$${name} = (.*)\\$\\$$`, 'm').exec(text)?.[1] ?? '';
    const inline = new RegExp(`Inline, ${name}: \\$${name} = (.*?)\\$ here`).exec(text)?.[1] ?? '';
    assert.equal(verdict(tex, display), 'correct', `${name} displayed: ${display}\n${at}`);
    assert.equal(verdict(tex, inline), 'correct', `${name} inline: ${inline}\n${at}`);
  }
  // A fraction in the denominator is not one in the numerator.
  const d = /^\$\$D = (.*)\$\$$/m.exec(text)?.[1] ?? '';
  assert.equal(verdict('\\frac{\\frac{u}{v}}{w}', d), 'incorrect', at);
}

test('a fraction in a fraction reads back, displayed and inline, in KaTeX and MathJax exports; fractions side by side and a list one under the other stay apart', {
  skip: !CHROMIUM && 'no /usr/bin/chromium',
}, async () => {
  const layouts = ['chatgpt-print', 'gemini-print', 'mathjax-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(`## User\n\nSimplify them.\n\n## Assistant\n\n${markdown}\n`, e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    assertNested(text, layout);
    const at = `${layout}:\n${text}`;
    assert.match(text, /^\$\$P = \\frac\{1\}\{2\} ?\\cdot ?\\frac\{3\}\{4\}\$\$$/m, at);
    assert.match(text, /\$m = \\frac\{5\}\{6\}\$/, at);
    assert.match(text, /\$k = \\frac\{7\}\{8\}\$/, at);
  }
});

test('a fraction in a fraction reads back, displayed and inline, in a pdflatex write-up; fractions side by side stay apart', { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, async () => {
  const body = [...NESTED.map(([name, tex]) => `The display ${name}:\n\\[${name} = ${tex}\\]\nInline, ${name}: $${name} = ${tex}$ here.\n`), `\\[P = ${PRODUCT}\\]`].join('\n');
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'nested.pdf')).text!;
  assertNested(text, 'pdflatex');
  assert.match(text, /^\$\$P = \\frac\{1\}\{2\} ?\\cdot ?\\frac\{3\}\{4\}\$\$$/m, text);
});
