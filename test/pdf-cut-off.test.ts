/**
 * Prose and tables the page cuts off at its right edge (a word or a table wider than the printed
 * area): named in a warning, never lost in silence, and the line below is not read as their rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { chatExport, type Exporter } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

/** A reply printed in each layout and read back: its text and the warnings that name a cut. */
async function printed(reply: string, layouts: Exporter[]) {
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(`## User\n\nWork it out.\n\n## Assistant\n\n${reply}\n`, e))))!;
  const out = [];
  for (const [i, layout] of layouts.entries()) {
    const doc = await readDocumentFile(pdfs[i]!, `${layout}.pdf`);
    out.push({ layout, doc, at: `${layout}:\n${doc.text}\n${doc.warnings.join('\n')}`, cut: doc.warnings.filter((w) => /cut off/.test(w)) });
  }
  return out;
}

const word = 'weights_of_the_first_convolutional_layer_times_the_number_of_filters_plus_biases_equals_896_in_total_for_the_network';
const row = (c: string) => `| ${Array.from({ length: 9 }, (_, i) => `${c}${i}_parameter_count_total`).join(' | ')} |`;
const reply = [
  'A sentence long enough to wrap at the edge of the column, as every reply of a few lines does, and nothing of it is lost.',
  '',
  'The table:',
  '',
  row('h'),
  `|${'---|'.repeat(9)}`,
  row('a'),
  '',
  `Then the rule: ${word}.`,
  '',
  'So the answer is $896$.',
].join('\n');

test('prose and a table the page cuts off at its right edge are named in a warning, and the next paragraph stays apart; wrapped prose and a page wide enough are not named', {
  skip: noChromium,
}, async () => {
  for (const { layout, doc, at, cut } of await printed(reply, ['chatgpt-print', 'chatgpt-exporter', 'qwen-dark', 'mathjax-print', 'claude-exporter'])) {
    assert.ok(
      cut.some((w) => /"(?:\| )?a0_parameter_count_total/.test(w)),
      at,
    );
    // Near miss: Claude Exporter's page is wide enough for the word: it is read whole, and not named.
    if (layout === 'claude-exporter') assert.ok(doc.text!.includes(word) && !cut.some((w) => /weights_of/.test(w)), at);
    else {
      assert.ok(
        cut.some((w) => new RegExp(`^${layout}\\.pdf: page 1: "(?:Then the rule: )?weights_of_the`).test(w)),
        at,
      );
      // The cut line ends at the page's edge, not the column's: the paragraph after it is no rest of it.
      assert.match(doc.text!, /\n\nSo the answer is \$896\$\./, at);
    }
    // Near miss: a sentence the column wrapped is whole, and no warning names it.
    assert.match(doc.text!, /as every reply of a few lines does, and nothing of it is lost\./, at);
    assert.ok(!cut.some((w) => /A sentence long enough/.test(w)), at);
  }
});

// A display wider than the column: Gemini scrolls it sideways in a box of the column's width, the
// other pages run it off the printed area; either way the glyphs past the edge are left out whole.
const wide = Array.from({ length: 20 }, (_, i) => `a_{${i}} x^{${i}}`).join(' + ');
const spaced = (n: number) => Array.from({ length: n }, (_, i) => `b_{${i}}xx`).join(' \\qquad ');
const displays = [
  'The series, term by term:',
  '',
  `$$p(x) = ${wide}$$`,
  '',
  // Cut after a wide space: the glyph left out follows a `\\qquad`.
  `$$${spaced(16)}$$`,
  '',
  // Near misses: a display that fits its column, one whose tag is flush with the column's edge,
  // a matrix MathJax stretches its brackets for, and an inline formula the column wraps.
  'The first terms:',
  '',
  '$$p(x) \\approx a_{0} + a_{1} x + a_{2} x^{2}$$',
  '',
  `$$${spaced(3)}$$`,
  '',
  '$$a_{k} = \\frac{1}{k!} p^{(k)}(0) \\tag{4}$$',
  '',
  '$$A = \\begin{bmatrix} a_{0} & a_{1} & a_{2} \\\\ a_{3} & a_{4} & a_{5} \\\\ a_{6} & a_{7} & a_{8} \\end{bmatrix}$$',
  '',
  `Inline, the same series is $p(x) = ${wide}$ as well.`,
].join('\n');

test('a display cut between two glyphs at its column or page edge, with no glyph past it, is named in a warning; displays that fit, a tag at the edge, a stretched bracket and wrapped inline math are not', {
  skip: noChromium,
}, async () => {
  for (const { layout, doc, at, cut } of await printed(displays, ['gemini-print', 'chatgpt-print', 'chatgpt-exporter', 'mathjax-print'])) {
    assert.ok(
      cut.some((w) => w.startsWith(`${layout}.pdf: page 1: "$$p(x) = a_{0}`)),
      at,
    );
    // The wide spaces are read as the `\qquad`s they are.
    assert.ok(!cut.some((w) => /approx|a_\{k\} =|A = |^[^"]*"\$\$b_\{0\}xx \\qquad b_\{1\}xx \\qquad b_\{2\}xx\$\$"/.test(w)), at);
    // Gemini scrolls it in a box flush with the display's start: a cut after a wide space is named too.
    if (layout === 'gemini-print')
      assert.ok(
        cut.some((w) => w.startsWith(`${layout}.pdf: page 1: "$$b_{0}xx \\qquad b_{1}xx`)),
        at,
      );
    // KaTeX breaks an inline formula at the column; MathJax 3 does not, and runs it off the page.
    if (layout !== 'mathjax-print') assert.ok(!cut.some((w) => /Inline/.test(w)), at);
    // What is printed is read: the warning says the rest is missing, the reader does not make it up.
    assert.doesNotMatch(doc.text!, /a_\{19\} ?x\^\{19\}\$\$/, at);
    assert.match(doc.text!, /^\$\$p\(x\) \\approx a_\{0\}/m, at);
  }
});
