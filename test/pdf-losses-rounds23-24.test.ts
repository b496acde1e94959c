/**
 * Classes of reading failure that printed rounds 23 and 24 showed (pdf-blind-rounds*.test.ts), each
 * rebuilt here in a PDF of its own, in words of its own, with a near miss that must stay as it is:
 * a heading set larger than the text around it read into the paragraph before (on one page, and at
 * a page's top), a label's closing bracket, a first item's number or a label in a typed quote that
 * the column wrapped read as an item (the quote's seen on printed round 19's report page), a typesetter's section counter read as the number of a title that numbers itself,
 * and a typed page's lines above its first role label left out. Every browser page is printed in
 * one launch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesToMarkdown, type TextLine } from '../src/documents/pdf/index.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { chatExport, textPage } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, PDFLATEX, pdflatexPdf } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

// A reply of short paragraphs under headings, a remark quoted after each answer: as many paragraph
// steps as line steps, so the reply's own steps do not tell a heading's gap from a line's. Near
// miss: a paragraph whose wrapped line holds a tall inline fraction is still one paragraph.
const headed = [
  '## User',
  '',
  'Work out the pooling question, each part under its own heading, and say which you are unsure of.',
  '',
  '## Assistant',
  '',
  '# Pooling worked through',
  '',
  '## Part (a): output width',
  '',
  'The window is 3 wide and moves 3 at a time over a row of 12 values, which leaves room for it at $\\frac{12 - 3}{3} + 1$ places along the row.',
  '',
  '$$W_{out} = \\left\\lfloor \\frac{12 - 3}{3} \\right\\rfloor + 1 = 4$$',
  '',
  '**Answer (a):** 4.',
  '',
  '> TA remark: fine, the same as mine.',
  '',
  '## Part (b): parameters',
  '',
  'A pooling layer takes the largest value in its window and learns nothing.',
  '',
  '**Answer (b):** 0.',
  '',
  '> TA remark: right, nothing to learn here.',
  '',
  '## Part (c): channels',
  '',
  'Each channel is pooled on its own, so the count of channels stays 16.',
  '',
].join('\n');

// A typed line the page wrapped right before a label's closing bracket (`... entries in row` / `3)
// and ...`) that closes the bracket the line opened. Near miss: a short line that leaves a bracket
// open, and the items under it, stay apart.
const closingBracket = [
  '- the second map of the pooling layer is the first one, moved down by four rows without somewhat change (the nonzero entries in row 3) and nothing else changes at all',
  '',
  'Steps (as I did them',
  '1) padded the input by one on each side',
  '2) pooled with a 2 by 2 window)',
  '',
].join('\n');

// The person's typed line wrapped by the column right before a sentence's number and its stop
// (`... on an input of width` / `1. How`). Near miss: a short line with no stop over a first item.
const midSentence = [
  '## User',
  '',
  'For the pooling layer take a rather window of two by two with stride 2 on an input of width 1. How',
  'wide is the output then?',
  '',
  'Here are the steps I took',
  '1. padded the input by one on each side',
  '2. pooled with a 2 by 2 window',
  '',
  '## Assistant',
  '',
  'The window is wider than the padded input allows, so the output has width 1.',
  '',
].join('\n');

// A quote typed with its marker on a page of text, the page wrapping it right before a label
// (`> ... in these settings:` / `i. window 2 ...`): the label's line lacks the marker every typed
// line of the quote has. Near miss: a short quoted line over a label stays apart.
const typedQuote = [
  'Prompt 2',
  '',
  '> (b) Now give the big output of the pooling layer in these settings: i. window 2, stride 2; ii. window 3, stride 1',
  '',
  '> Settings to try:',
  'i. window 2, stride 2',
  '',
].join('\n');

// A typed page of a chat labelled by role, with the person's notes above the first label (what
// the chat is, which of its columns they grade). Near miss: the labelled turns keep their labels.
const notedChat = [
  'Project log: pooling questions',
  'Only the first answer is graded.',
  '',
  '----- round 1',
  '',
  'User: What is the output width of a 2 by 2 pooling with stride 2 on a width of 8?',
  '',
  'Assistant: The window fits 4 times along the row, so the width is 4.',
  '',
].join('\n');

const pages = [
  { name: 'headed', job: chatExport(headed, 'claude-exporter') },
  { name: 'closing-bracket', job: textPage(closingBracket) },
  { name: 'mid-sentence', job: chatExport(midSentence, 'claude-exporter') },
  { name: 'noted-chat', job: textPage(notedChat) },
  { name: 'typed-quote', job: textPage(typedQuote) },
  { name: 'typed-counter', job: textPage('2 Problem 3: pooling\n\nThe output width is 4.\n') },
] as const;
const { texts } = printedBeforeTests(pages, !!noChromium);

test('a heading set larger than the text is a paragraph of its own, after a quoted remark as after text; a paragraph with a tall inline fraction stays one', { skip: noChromium }, () => {
  const text = texts.get('headed')!;
  assert.match(text, /\*\*Pooling worked through\*\*\n\n\*\*Part \(a\): output width\*\*\n\nThe window is 3 wide/, text);
  assert.match(text, /TA remark: fine, the same as mine\.\n\n\*\*Part \(b\): parameters\*\*\n\nA pooling layer/, text);
  assert.match(text, /TA remark: right, nothing to learn here\.\n\n\*\*Part \(c\): channels\*\*\n\nEach channel/, text);
  // Near miss: the line the fraction made taller is the rest of its sentence.
  assert.match(text, /over a row of 12 values, which leaves room for it at \$\\frac\{12 ?- ?3\}\{3\} \+ 1\$ places along the row\./, text);
});

test('a heading opening a page is a paragraph of its own after the line at the foot of the page before; text of one size goes on across the turn', () => {
  const line = (page: number, text: string, y0: number, size: number): TextLine => ({
    page,
    box: { x0: 40, x1: 40 + 5 * text.length, y0, y1: y0 + size },
    text,
    size,
    font: { family: 'DejaVuSans', size },
    mono: false,
    display: false,
    bubble: false,
  });
  const { text } = linesToMarkdown([
    line(1, 'The stride leaves the channel count alone.', 200, 9),
    line(1, 'Its output keeps every channel of its input.', 186, 9),
    line(2, 'Part (c): receptive field', 760, 12.5),
    line(2, 'Two layers of 3 by 3 kernels see a 5 by 5 patch.', 735, 9),
  ]);
  assert.match(text, /every channel of its input\.\n\nPart \(c\): receptive field\n\nTwo layers/, text);
  // Near miss: a page turn between lines of one size parts nothing the page shows.
  const { text: plain } = linesToMarkdown([line(1, 'The stride leaves the channel count alone, and', 200, 9), line(2, 'its output keeps every channel of its input.', 760, 9)]);
  assert.match(plain, /alone, and\nits output keeps/, plain);
});

test("a label's closing bracket the column wrapped closes the bracket the line above opened; a short line's open bracket over items leaves them items", { skip: noChromium }, () => {
  const text = texts.get('closing-bracket')!;
  assert.match(text, /\(the nonzero entries in row 3\) and nothing else changes at all/, text);
  assert.match(text, /Steps \(as I did them\n1\) padded the input by one on each side\n2\) pooled/, text);
});

test("a first item's number the column wrapped from a sentence cut off mid-way goes on that sentence; a first item under a short line stays an item", { skip: noChromium }, () => {
  const text = texts.get('mid-sentence')!;
  assert.match(text, /on an input of width 1\. How\nwide is the output then\?/, text);
  assert.match(text, /Here are the steps I took\n+1\. padded the input/, text);
});

test('a label the page wrapped from a quote typed with its marker goes on the quoted line; a short quoted line over a label stays apart', { skip: noChromium }, () => {
  const text = texts.get('typed-quote')!;
  assert.match(text, /in these settings: i\. window 2, stride 2; ii\. window 3, stride 1/, text);
  assert.match(text, /> Settings to try:\ni\. window 2, stride 2/, text);
});

test("a typed page's lines above its first role label are read as its head; the labelled turns keep their labels", { skip: noChromium }, () => {
  const text = texts.get('noted-chat')!;
  assert.match(text, /^Project log: pooling questions\nOnly the first answer is graded\.\n\n----- round 1\n/, text);
  assert.match(text, /\*\*User:\*\*\nWhat is the output width/, text);
  assert.match(text, /\*\*Assistant:\*\*\nThe window fits 4 times/, text);
});

test('a section counter a quad before a title that numbers itself is left out; before a title that does not, or typed with a space, it stays', { skip: !PDFLATEX && 'no pdflatex' }, async () => {
  const body = [
    '\\section{Setup}',
    'A write-up of the pooling problems, one section for each.',
    '\\section{Problem 3: pooling}',
    'The output width is 4.',
    '\\section{Receptive fields}',
    'Two layers see a 5 by 5 patch.',
  ].join('\n');
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'sections.pdf')).text!;
  assert.match(text, /^Problem 3: pooling$/m, text);
  assert.doesNotMatch(text, /^2 Problem 3/m, text);
  // Near misses: a title naming no number keeps its counter, and so does a number typed with a space.
  assert.match(text, /^3 Receptive fields$/m, text);
  assert.match(text, /^1 Setup$/m, text);
  if (noChromium) return;
  const typed = texts.get('typed-counter')!;
  assert.match(typed, /^2 Problem 3: pooling$/m, typed);
});
