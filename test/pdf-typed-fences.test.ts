/**
 * A typed page's code fences: a Markdown fence means something only at a line's start, so a line
 * that opens with one is the writer's own, however full the line above it. Joined to that line as
 * the rest of a wrapped sentence, a ```math display was read as words (a notebook's Markdown cell
 * printed as a page: `pad 1 (output 5 × 5): ```math y = \begin{bmatrix}`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesToMarkdown, type TextLine } from '../src/documents/pdf/index.js';

const line = (text: string, y0: number, x1 = 470): TextLine => ({
  page: 1,
  box: { x0: 118, x1, y0, y1: y0 + 11 },
  text,
  size: 11.5,
  mono: false,
  display: false,
  bubble: false,
});

test('a line that opens a code fence is never the rest of a full line above it; prose that goes on from a full line still is', () => {
  const { text } = linesToMarkdown([
    line('**(c) stride 2, pad 1.** Every second window from the top-left, so the output is', 700),
    line('```math', 686, 160),
    line('y = \\begin{bmatrix} -19 & -32 \\\\ -30 & -40 \\end{bmatrix}', 672, 400),
    line('```', 658, 140),
    line('The kernel is flipped first, as a true convolution does, and the windows are taken at', 630),
    line('`stride = 2` from the padded image, which the code below does as well.', 616, 420),
  ]);
  assert.match(text, /so the output is\n```math\ny = \\begin\{bmatrix\}.*\n```\n/, text);
  // Near miss: a wrapped sentence whose rest opens with inline code is one line again.
  assert.match(text, /are taken at `stride = 2` from the padded image/, text);
});
