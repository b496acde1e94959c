/**
 * Classes of reading failure the blind round printed as chat exports and write-ups found
 * (test/fixtures/unseen-round through test/fixtures/pdf/heldout-pdfs.ts), each rebuilt here in a
 * PDF of its own with a near miss that must stay as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { checkAnswer } from '../src/check/check.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;
const chat = (reply: string) => `## User\n\nWork it out.\n\n## Assistant\n\n${reply}\n`;

test('code shaded in a box rounded at its start (Gemini) is code, never a root over it; a root beside it stays one', { skip: noChromium }, async () => {
  const reply = [
    'Sliding the flipped kernel over the valid windows:',
    '',
    '```',
    'out = [[-12, -12],',
    '       [-12, -12]]',
    '```',
    '',
    '- the shifted edge gives `g5 = [0, 0.5, 0]`, as before',
    '- and the scale is $\\sqrt{2}$ for each.',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat(reply), 'gemini-print')]))!;
  const text = (await readDocumentFile(pdf!, 'gemini-code.pdf')).text!;
  assert.doesNotMatch(text, /\\sqrt\{[^}]*(?:-12|0\.5)/, text);
  assert.match(text, /^out = \[\[-12, -12\],$/m, text);
  assert.match(text, /g5 = \[0, 0\.5, 0\]/, text);
  // Near miss: a formula's root in the same reply is still read as a root.
  const root = /and the scale is \$([^$]*)\$/.exec(text)?.[1];
  assert.equal(verdict('\\sqrt{2}', root ?? ''), 'correct', text);
});
