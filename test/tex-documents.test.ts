import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { texToMarkdown } from '../src/documents/tex.js';
import type { Part } from '../src/model/problem-set.js';

// LaTeX problem sets as course staffs write them: the labels come from the list environments
// (enumitem, the enumerate package, LaTeX's defaults, the exam class), not from the text.
const doc = (cls: string, body: string) => `\\documentclass{${cls}}\n\\usepackage{amsmath,enumitem}\n\\title{Homework 5}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`;

const Q1 = 'Let $f(x) = x^3 - 2x$ on $[0, 2]$.';
const Q2 = 'A fair die is rolled twice; $S$ is the sum.';

function ids(tex: string): string[] {
  const out: string[] = [];
  const walk = (parts: Part[]) => {
    for (const p of parts) {
      out.push(p.id);
      walk(p.parts);
    }
  };
  for (const q of parseProblemSet(texToMarkdown(tex)).questions) {
    if (!q.parts.length) out.push(q.number);
    walk(q.parts);
  }
  return out;
}

const EXPECTED = ['1.a', '1.b', '2.a', '2.b', '2.b.i', '2.b.ii'];

test('a LaTeX problem set: every part found, whichever way its lists are labelled', () => {
  const parts = (open: string, sub: string) =>
    `${Q1}\n${open}\n  \\item Find $f'(x)$.\n  \\item Find the maximum of $f$.\n\\end{enumerate}\n\\section*{Problem 2}\n${Q2}\n${open}\n  \\item Find $P(S = 7)$.\n  \\item Find:\n  ${sub}\n    \\item $E[S]$\n    \\item $\\operatorname{Var}(S)$\n  \\end{enumerate}\n\\end{enumerate}`;
  const styles: [string, string][] = [
    ['enumitem labels', doc('article', `\\section*{Problem 1}\n${parts('\\begin{enumerate}[label=(\\alph*)]', '\\begin{enumerate}[label=\\roman*.]')}`)],
    ['enumerate package', doc('article', `\\section*{Problem 1}\n${parts('\\begin{enumerate}[(a)]', '\\begin{enumerate}[(i)]')}`)],
    ["LaTeX's default labels under problem sections", doc('article', `\\section*{Problem 1}\n${parts('\\begin{enumerate}', '\\begin{enumerate}')}`)],
  ];
  for (const [name, tex] of styles) assert.deepEqual(ids(tex), EXPECTED, name);
});

test('a LaTeX problem set: numbered \\section, an outer list of questions, and the exam class with \\setcounter', () => {
  const numbered = doc(
    'article',
    `\\section{Calculus}\n${Q1}\n\\begin{enumerate}\n\\item Find $f'(x)$.\n\\item Find the maximum.\n\\end{enumerate}\n\\section{Dice}\n${Q2}\n\\begin{enumerate}\n\\item $P(S=7)$.\n\\item Moments:\n\\begin{enumerate}\n\\item $E[S]$\n\\item $\\operatorname{Var}(S)$\n\\end{enumerate}\n\\end{enumerate}`,
  );
  assert.deepEqual(ids(numbered), EXPECTED);
  const outer = doc(
    'article',
    `\\begin{enumerate}\n\\item ${Q1}\n\\begin{enumerate}\n\\item Find $f'(x)$.\n\\item Find the maximum.\n\\end{enumerate}\n\\item ${Q2}\n\\begin{enumerate}\n\\item $P(S=7)$.\n\\item Moments:\n\\begin{enumerate}\n\\item $E[S]$\n\\item $\\operatorname{Var}(S)$\n\\end{enumerate}\n\\end{enumerate}\n\\end{enumerate}`,
  );
  assert.deepEqual(ids(outer), EXPECTED);
  const exam = doc(
    'exam',
    `\\begin{questions}\n\\question[10] ${Q1}\n\\begin{parts}\n\\part[5] Find $f'(x)$.\n\\begin{solution} $f'(x) = 3x^2 - 2$, and (a) is done. \\end{solution}\n\\part[5] Find the maximum.\n\\end{parts}\n\\setcounter{question}{6}\n\\question ${Q2}\n\\begin{parts}\n\\part $P(S=7)$.\n\\part Moments:\n\\begin{subparts}\n\\subpart $E[S]$\n\\subpart $\\operatorname{Var}(S)$\n\\end{subparts}\n\\end{parts}\n\\end{questions}`,
  );
  assert.deepEqual(ids(exam), ['1.a', '1.b', '7.a', '7.b', '7.b.i', '7.b.ii']);
});

test('near misses: numbered steps inside a lettered part and bullets are not parts; an explicit \\item[(c)] is', () => {
  const steps = doc(
    'article',
    `\\section*{Problem 1}\n${Q1}\n\\begin{enumerate}[(a)]\n\\item Find $f'(x)$. Proceed as follows:\n\\begin{itemize}\n\\item differentiate each term;\n\\item add them.\n\\end{itemize}\n\\item Find the maximum.\n\\item[(d)] Sketch $f$.\n\\end{enumerate}`,
  );
  assert.deepEqual(ids(steps), ['1.a', '1.b', '1.d']);
});

test('a tabular becomes a Markdown table the problem set keeps, with its empty cells to fill in', () => {
  const md = texToMarkdown(
    doc(
      'article',
      '\\section*{Problem 1}\nFill in the table.\n\\begin{tabular}{|l|c|c|}\n\\hline\nLayer & Parameters & Output \\\\ \\hline\nCONV3-10 & & $28 \\times 28 \\times 10$ \\\\\nPOOL2 & 0 & \\\\ \\hline\n\\end{tabular}',
    ),
  );
  assert.match(md, /^\| Layer \| Parameters \| Output \|\n\| --- \| --- \| --- \|\n\| CONV3-10 \| {2}\| \$28 \\times 28 \\times 10\$ \|\n\| POOL2 \| 0 \| {2}\|$/m);
  // An array inside math is the math's own.
  assert.match(texToMarkdown(doc('article', '$\\left(\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right)$')), /\\begin\{array\}\{cc\} 1 & 2/);
});
