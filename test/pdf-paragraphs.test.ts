/**
 * Paragraph breaks in printed chats, told pair by pair against the line step of the text around
 * them: a reply of one-line paragraphs keeps its breaks; wrapped prose, a list's items and a line
 * a tall inline formula pushes down stay in their paragraph.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesToMarkdown, type TextLine } from '../src/documents/pdf/index.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

const LAYOUTS = ['claude-exporter', 'chatgpt-print', 'gemini-print', 'chatgpt-exporter', 'mathjax-print'] as const;

const turns: [string, string[]][] = [
  [
    'Question 2 asks for the shapes of a dense layer: parts (a) to (c).',
    [
      'The layer maps each input vector of length $D$ to an output of length $M$, so its weight matrix has one row per output unit and one column per input feature, and every output unit adds a bias of its own before the nonlinearity is applied.',
      '',
      'Each unit sees all $D$ inputs, so it holds $\\dfrac{D M}{M} = D$ weights of its own; counted over all units that gives the whole weight matrix, and one bias each.',
    ],
  ],
  ['Now give just the answers, one part per line.', ['(a) The weight matrix is $M \\times D$.', '', '(b) The bias has $M$ entries.', '', '(c) Answer: $D M + M$ parameters.']],
  ['And the list of what it holds?', ['It holds:', '', '- Weights: $D M$', '- Biases: $M$', '', 'So the total is $D M + M$.']],
];
const transcript = turns.map(([q, a]) => `## User\n\n${q}\n\n## Assistant\n\n${a.join('\n')}\n`).join('\n');

test("a reply of one-line paragraphs keeps its paragraph breaks, measured against the chat's line step; wrapped lines, a list's items and a tall inline formula's line stay together", {
  skip: noChromium,
}, async () => {
  const pdfs = (await chromiumPdfs(LAYOUTS.map((e) => chatExport(transcript, e))))!;
  for (const [i, layout] of LAYOUTS.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    const where = `${layout}:\n${text}`;
    assert.match(text, /is \$M ?\\times ?D\$\.\n\n\(b\) The bias has \$M\$ entries\.\n\n\(c\) Answer: /, where);
    assert.match(text, /It holds:\n\n- Weights: \$D ?M\$\n- Biases: \$M\$\n\nSo the total/, where);
    // Near misses: the page's wrapped lines are one paragraph again, the one a tall fraction pushes down too.
    assert.match(text, /every output unit adds a bias of its own before the nonlinearity is applied\./, where);
    assert.match(
      text,
      /Each unit sees all \$D\$ inputs, so it holds \$\\frac\{D ?M\}\{M\} = D\$ weights of its own; counted over all units that gives the whole weight matrix, and one bias each\./,
      where,
    );
  }
});

test("a display at a page's top, after the sentence that leads to it at the foot of the page before, is a paragraph of its own; prose going on over the page turn is not", () => {
  const line = (page: number, text: string, y0: number, display = false): TextLine => ({
    page,
    box: { x0: display ? 220 : 118, x1: display ? 370 : 470, y0, y1: y0 + 11 },
    text,
    size: 11.5,
    mono: false,
    display,
    bubble: false,
  });
  const { text } = linesToMarkdown([
    line(1, '**Variance.** Each term has variance $\\sigma_{x}^{2}\\sigma_{g}^{2}$, and there are', 60),
    line(1, 'of them, so', 44),
    line(2, '$$\\operatorname{Var} (dw_{h,l}) = (n - k + 1)\\sigma_{x}^{2}\\sigma_{g}^{2}$$', 740, true),
    line(2, 'Let me reconsider: the double sum runs over $i$ and $j$, and the', 700),
    line(2, 'terms are uncorrelated, so', 60),
    line(3, 'the variance grows as $n^{2}$.', 740),
  ]);
  assert.match(text, /of them, so\n\n\$\$\\operatorname/, text);
  // Near miss: a sentence going on over a page turn stays in its paragraph.
  assert.match(text, /terms are uncorrelated, so\nthe variance grows/, text);
});
