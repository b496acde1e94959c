/**
 * Classes of reading failure listed in the printed-rounds ratchets (pdf-blind-rounds*.test.ts:
 * rounds 15-21's pages and chats), each rebuilt here in a PDF of its own, in words of its own, with a
 * near miss that must stay as it is: a blank line before a line opening in lower case, spaces typed
 * in a row, a bold answer the column wrapped, a bold line opening on a formula's sign, and a typed
 * LaTeX command the page wrapped to the next line. Every browser page is printed in one launch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesToMarkdown, type TextLine } from '../src/documents/pdf/index.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { chatExport, textPage } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, PDFLATEX, pdflatexPdf } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

// A gap on the page taller than the line step, before a line opening in lower case at the same
// left edge: a typed blank line (a page of text), or a reply's next paragraph (a chat export).
const blankBeforeLower = [
  'Attached: scan-problem3-top.jpg',
  'Attached: scan-problem3-bottom.jpg',
  '',
  'work through problem 3 for me, all of its parts',
  'and keep the answers short',
  '',
  'Problem 3 stacks two convolutions of 3 by 3 kernels with stride 1 and no padding over a 32 by 32 image, then pools the result with a 2 by 2 window; each part asks for one of the shapes along the way.',
  '',
].join('\n');
const lowerParagraphs = [
  '## User',
  '',
  'How are the parameters of a convolutional layer counted?',
  '',
  '## Assistant',
  '',
  'A layer of F filters, each K by K over C input channels, holds one kernel of K times K times C weights per filter, and every filter adds a single bias of its own to each of its outputs.',
  '',
  'Count the kernels first',
  '',
  'then add one bias for each of the filters.',
  '',
].join('\n');
// Near miss: pdflatex sets text apart in a sentence that goes on in lower case across the gap.
const setApart = [
  'Stacking layers widens what each output sees. Put simply,',
  '\\begin{center}',
  'each extra layer adds $K-1$ pixels to the receptive field,',
  '\\end{center}',
  'so three layers of $3 \\times 3$ kernels see a $7 \\times 7$ patch.',
].join('\n');

// A sentence that closes on an answer in bold, the column wrapping all of the answer onto the next
// line: typed asterisks on a page of text, and bold type in a chat export. Near miss: a bold label
// opening the line under a full one stays where it is.
const wrappedBoldPage = [
  'Pooling: no weights, each channel is pooled alone, so the result is **a 14 x 14 x 32 map with no parameters**.',
  '',
  'The dense layer links every one of its inputs to each output, hence',
  '**Answer:** 10 * 6272 + 10 = 62730 parameters.',
  '',
].join('\n');
const wrappedBoldChat = [
  '## User',
  '',
  'What does the pooling layer give, and how many weights does the dense layer hold?',
  '',
  '## Assistant',
  '',
  'The window holds no weights and every channel is pooled alone, so **a 14 x 14 x 32 output**.',
  '',
  'Every input reaches each output of the dense layer, and each output adds a bias, hence',
  '',
  '**Answer:** 10 * 6272 + 10 = 62730 parameters.',
  '',
].join('\n');

// Spaces typed in a row on a page of text: a chat page's buttons copied as one line, and a note set
// apart from its answer. Near miss: words a single space apart stay so.
const typedGaps = [
  'Sent from the course helper bot',
  '',
  'What is the stride of the second pooling layer?',
  '',
  'It is 2, the same as the first one.',
  '',
  'Both pooling layers take 2 by 2 windows and move two pixels at a time, so each one halves the height and the width of the maps it is given and keeps their number.',
  '',
  'Retry   Copy   Share',
  '',
  '(b) stride = 2       <-- checked against the slides',
  '',
].join('\n');

// A typed table row the page wrapped before a typed LaTeX command (`... | $32` / `\times 32 ...`):
// the command is as wide as its letters on the page, not as the one sign it would be typeset. Near
// miss: a short row and a line typed under it stay apart.
const typedCommand = [
  "Layer sizes, typed as the model wrote them. Each convolution keeps the side of its input since it pads by two on every side, and each pooling layer halves it; the parameters of a convolution are its kernels' weights and one bias for each filter.",
  '',
  '| CONV5-16 | $5 \\times 5 \\times 3 \\times 16 + 16 = 1216$ | $32 \\times 32 \\times 16$ |',
  '| POOL2 | 0 | $16 \\times 16 \\times 16$ |',
  '\\to flattened: 4096 values',
  '',
].join('\n');

const pages = [
  { name: 'blank-before-lower', job: textPage(blankBeforeLower) },
  { name: 'lower-paragraphs', job: chatExport(lowerParagraphs, 'claude-exporter') },
  { name: 'wrapped-bold-page', job: textPage(wrappedBoldPage) },
  { name: 'wrapped-bold-chat', job: chatExport(wrappedBoldChat, 'chatgpt-print') },
  { name: 'typed-gaps', job: textPage(typedGaps) },
  { name: 'typed-command', job: textPage(typedCommand) },
] as const;
const { texts } = printedBeforeTests(pages, !!noChromium);

test('a gap taller than the line step before a line opening in lower case at the same left edge is a paragraph break; a line typed right below, and text pdflatex sets apart in a sentence, go on', {
  skip: noChromium,
}, async () => {
  const page = texts.get('blank-before-lower')!;
  assert.match(page, /scan-problem3-bottom\.jpg\n\nwork through problem 3/, page);
  // Near miss: the line typed right under it stays the next line of its paragraph.
  assert.match(page, /all of its parts\nand keep the answers short/, page);
  const chat = texts.get('lower-paragraphs')!;
  assert.match(chat, /Count the kernels first\n\nthen add one bias/, chat);
  if (!PDFLATEX) return;
  const latex = (await readDocumentFile(pdflatexPdf(setApart)!, 'set-apart.pdf')).text!;
  assert.match(latex, /Put simply,\neach extra layer adds/, latex);
});

test('an answer in bold the column wrapped onto the next line goes on the sentence; a bold label opening the next line does not', { skip: noChromium }, () => {
  const page = texts.get('wrapped-bold-page')!;
  assert.match(page, /so the result is \*\*a 14 x 14 x 32 map with no parameters\*\*\./, page);
  assert.match(page, /, hence\n\*\*Answer:\*\* 10/, page);
  const chat = texts.get('wrapped-bold-chat')!;
  assert.match(chat, /pooled alone, so \*\*a 14 x 14 x 32 output\*\*\./, chat);
  assert.match(chat, /, hence\n\n\*\*Answer:\*\* 10/, chat);
});

test('spaces typed in a row on a page of text are read as typed; a single space stays one', { skip: noChromium }, () => {
  const text = texts.get('typed-gaps')!;
  assert.match(text, /^Retry {3}Copy {3}Share$/m, text);
  assert.match(text, /^\(b\) stride = 2 {7}<-- checked against the slides$/m, text);
  assert.match(text, /^It is 2, the same as the first one\.$/m, text);
});

test("a line bold throughout that opens on a formula's sign (a page's top) is an answer in bold; bold words going on in lower case are not a title", () => {
  const line = (page: number, text: string, y0: number, titleAt?: number): TextLine => ({
    page,
    box: { x0: 40, x1: 300, y0, y1: y0 + 11 },
    text,
    size: 11.25,
    mono: false,
    display: false,
    bubble: false,
    ...(titleAt !== undefined ? { titleAt } : {}),
  });
  const { text } = linesToMarkdown([
    line(1, 'Both sides divided by the square root of the fan-in, it follows that', 80),
    line(1, 'the bound is met when', 62),
    line(2, '‖U‖_op ≤ √(m / n)', 760, 0),
    line(2, 'This is the rate the update may not exceed.', 730),
  ]);
  assert.match(text, /^\*\*‖U‖_op ≤ √\(m \/ n\)\*\*$/m, text);
  const { text: plain } = linesToMarkdown([
    line(1, 'The bound is met when the update is', 80),
    line(2, 'scaled by the width of the layer', 760, 0),
    line(2, 'This is the rate the update may not exceed.', 730),
  ]);
  assert.doesNotMatch(plain, /\*\*scaled/, plain);
});

test('a typed row the page wrapped before a typed LaTeX command is one line again; a short line and the line typed under it stay apart', { skip: noChromium }, () => {
  const text = texts.get('typed-command')!;
  assert.match(text, /= 1216\$ \| \$32 \\times 32 \\times 16\$ \|\n/, text);
  assert.match(text, /16 \\times 16\$ \|\n\\to flattened/, text);
});
