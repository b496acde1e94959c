/**
 * Prose and tables the page cuts off at its right edge (a word or a table wider than the printed
 * area): named in a warning, never lost in silence, and the line below is not read as their rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, chromiumPdfs } from './fixtures/pdf/generate.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

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
  const layouts = ['chatgpt-print', 'chatgpt-exporter', 'qwen-dark', 'mathjax-print', 'claude-exporter'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(`## User\n\nCount them.\n\n## Assistant\n\n${reply}\n`, e))))!;
  for (const [i, layout] of layouts.entries()) {
    const doc = await readDocumentFile(pdfs[i]!, `${layout}.pdf`);
    const at = `${layout}:\n${doc.text}\n${doc.warnings.join('\n')}`;
    const cut = doc.warnings.filter((w) => /cut off/.test(w));
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
