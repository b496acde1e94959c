/**
 * Paragraph breaks in printed chats, told pair by pair against the line step of the text around
 * them: a reply of one-line paragraphs keeps its breaks; wrapped prose, a list's items and a line
 * a tall inline formula pushes down stay in their paragraph.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
