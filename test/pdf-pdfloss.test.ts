/**
 * What printing a typed page to PDF cost the reading, class by class (the printed bench's losses,
 * bench/printed-agreement.ts), each in a page of its own words with near misses that stay as they
 * are: a source file printed as typed (a notebook's JSON, a LaTeX source) is read as that file; a
 * typed LaTeX source's structure (`\subsection*{...}`, `\end{itemize}`) opens its own line however
 * little room the line above left; a line the page wrapped before a norm (`||dW||_2 ...`) goes on
 * the sentence, since two bars open no table row; an rST quotation or formula directive printed
 * with its body at the margin takes the paragraph after it. Every page is printed in one browser launch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linesToMarkdown, type TextLine } from '../src/documents/pdf/index.js';
import { readSubmissionFile } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { restructuredTextAsMarkdown } from '../src/documents/restructured-text.js';
import { textPage } from './fixtures/pdf/chat-export.js';
import { CHROMIUM } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';
import { devSkip, ROOT, staffKey } from './hw4-dev.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const skip = noChromium || devSkip;
const FIXTURES = join(ROOT, 'test', 'fixtures', 'pdfloss');
const NAMES = [
  'raw-notebook.ipynb.txt',
  'typed-tex-source.tex.txt',
  'notebook-json-quoted.txt',
  'tex-preamble-quoted.txt',
  'typed-latex-paste.txt',
  'wrapped-norms.txt',
  'sphinx-report.rst.txt',
] as const;
const { pdfs, texts } = printedBeforeTests(
  NAMES.map((name) => ({ name, job: textPage(readFileSync(join(FIXTURES, name), 'utf8')) })),
  !!noChromium,
);

/** A printed page graded with the staff key: each answered part's verdict and answer. */
async function graded(name: (typeof NAMES)[number]): Promise<Map<string, string>> {
  const { key, problems } = staffKey();
  const sub = await readSubmissionFile(pdfs.get(name)!, name, key, problems, `${name}.pdf`);
  return new Map(
    gradeSubmission(assignmentOf(key, problems), sub)
      .parts.filter((p) => p.verdict !== 'missing')
      .map((p) => [p.id, `${p.verdict}: ${p.answer}`]),
  );
}

test("a notebook's JSON printed as typed is read as the notebook: its cells' headings open lines and its parts are found; JSON quoted in a write-up stays text", { skip }, async () => {
  const text = texts.get('raw-notebook.ipynb.txt')!;
  // The page wrapped a cell's string (`so unit` / `variance needs\n",`): one line of the cell again.
  assert.match(text, /^### part b\nEach \$y_i\$ sums \$d_\{in\}\$ terms of variance \$c\^2\$, so unit variance needs$/m, text);
  assert.match(text, /^Output:\n```\nvar ~ 1\.0021\n```$/m, text);
  assert.deepEqual(
    await graded('raw-notebook.ipynb.txt'),
    new Map([
      ['2.b', 'correct: c = 1/sqrt(d_in)'],
      ['4.c', 'correct: L (K - 1) + 1'],
    ]),
  );
  const quoted = texts.get('notebook-json-quoted.txt')!;
  assert.match(quoted, /^\{ "cells": \[\], "metadata": \{\}, "nbformat": 4, "nbformat_minor": 5 \}/m, quoted);
  assert.match(quoted, /^Problem 4 \(c\) write-up\./, quoted);
});

test('a LaTeX source printed as typed is read as LaTeX; a write-up that only names \\documentclass stays text', { skip }, async () => {
  const text = texts.get('typed-tex-source.tex.txt')!;
  assert.match(text, /^## Problem 2\n\n\(b\) Each output adds/m, text);
  assert.doesNotMatch(text, /\\documentclass|\\usepackage/, text);
  assert.deepEqual(
    await graded('typed-tex-source.tex.txt'),
    new Map([
      ['2.b', 'correct: c = 1/sqrt(d_in)'],
      ['4.c', 'correct: L (K - 1) + 1'],
    ]),
  );
  const quoted = texts.get('tex-preamble-quoted.txt')!;
  assert.match(quoted, /^\\documentclass\{article\} is all my template has/, quoted);
  assert.match(quoted, /^Problem 2 \(b\): c = 1\/sqrt\(d_in\)/m, quoted);
});

test("a typed LaTeX source's sectioning command and environment's end open their own lines, however full the line above", { skip }, async () => {
  const text = texts.get('typed-latex-paste.txt')!;
  assert.match(text, /^% from my Overleaf doc: problems 2 and 4, preamble not copied\n\\subsection\*\{Problem 2\(b\)\}$/m, text);
  assert.match(text, /from then on\.\n\\end\{itemize\}\nReceptive field/, text);
  assert.deepEqual(
    await graded('typed-latex-paste.txt'),
    new Map([
      ['2.b', 'correct: c = 1/sqrt(d_in)'],
      ['4.c', 'correct: L (K - 1) + 1'],
    ]),
  );
});

test('a line the page wrapped before a norm goes on its sentence; a norm the writer set on a line of its own, and a table row, stay apart', { skip }, async () => {
  const text = texts.get('wrapped-norms.txt')!;
  assert.match(text, /so RMS\(dy\) <= 1 needs \|\|dW\|\|_2 <= sqrt\(d_out\)\.$/m, text);
  assert.match(text, /on a line of its own:\n\|\|dW\|\|_2 <= sqrt\(d_out\)\n/, text);
  assert.match(text, /^\| \|\|dW\|\|_2 \| sqrt\(d_out\) \|$/m, text);
  assert.match((await graded('wrapped-norms.txt')).get('2.c') ?? '', /^correct: /);
});

test("a matrix's own \\end the column wrapped to a line's start goes on its formula; a table row's bar opens its line", () => {
  const line = (text: string, y0: number, x1 = 500): TextLine => ({ page: 1, box: { x0: 40, x1, y0, y1: y0 + 11 }, text, size: 11, mono: false, display: false, bubble: false });
  const { text } = linesToMarkdown([
    line('The kernel flipped in both directions is the one the sum uses, so with the edge filter', 700),
    line('of the last part it reads $\\begin{pmatrix} 1 & 0 & -1 \\\\ 2 & 0 & -2 \\\\ 1 & 0 & -1', 686),
    line('\\end{pmatrix}$ and every output is the sum of the nine products it lines up with.', 672),
    line('The same holds for any stride, since the stride only picks which outputs are kept.', 658),
    line('| layer | output |', 630, 160),
  ]);
  assert.match(text, /1 & 0 & -1 \\end\{pmatrix\}\$ and every output/, text);
  assert.match(text, /outputs are kept\.\n\n?\| layer \| output \|$/, text);
});

test("an rST report printed with its directives' bodies at the margin: a quotation's and a formula's body is the paragraph after it; a directive with nothing before a title takes none", {
  skip,
}, async () => {
  const md = restructuredTextAsMarkdown(texts.get('sphinx-report.rst.txt')!);
  assert.match(md, /^\$\$\nr = L\(K-1\) \+ 1\n\$\$$/m, md);
  assert.match(md, /^#+ \(d\)\n\n+#+ Problem 7$/m, md);
  assert.match(md, /^Forming :math:`WW\^\\top` and multiplying/m, md);
  assert.deepEqual(
    await graded('sphinx-report.rst.txt'),
    new Map([
      ['1.a', 'correct: 2 c d_out^2 d_in'],
      ['4.c', 'correct: L (K - 1) + 1'],
    ]),
  );
});
