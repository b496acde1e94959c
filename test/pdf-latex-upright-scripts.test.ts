/**
 * pdflatex sets `d_{\mathrm{in}}` and `d_{\text{out}}` with their subscripts in CMR7, TeX's
 * upright text face, not a math font. A fraction or root holding one was left unbuilt: `c =
 * \frac{1}{\sqrt{d_{\mathrm{in}}}}` read back as a lone `1` over `c = \sqrt d_in`, the answer of
 * a student's write-up lost (blind round 18's and 20's Overleaf sources, compiled). So was a
 * fraction under a root after anything else on its line (`x = \sqrt{\frac{2}{n}}`): it reaches below
 * the foot the sign's piece is given.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { checkAnswer } from '../src/check/check.js';
import { PDFLATEX, pdflatexPdf } from './fixtures/pdf/generate.js';

const noTex = !PDFLATEX && 'no /usr/bin/pdflatex';
const displays = (text: string) => [...text.matchAll(/\$\$([^$]+)\$\$/g)].map((m) => m[1]!.trim());

test('fractions and roots holding upright text-face subscripts are rebuilt, boxed or not, and check equal to their source', { skip: noTex }, async () => {
  const sources = [
    String.raw`c = \frac{1}{\sqrt{d_{\mathrm{in}}}}`,
    String.raw`\alpha \le \frac{1}{\sqrt{d_{\text{in}}}}`,
    String.raw`\frac{d_{\mathrm{out}}}{d_{\mathrm{in}}}`,
    String.raw`\|W\|_2 = \sqrt{d_{\mathrm{out}}\, d_{\mathrm{in}}}`,
    String.raw`\boxed{\eta = \frac{2}{\sqrt{n_{\mathrm{heads}}}}}`,
    String.raw`\frac{QK^\top}{\sqrt{d_{\mathrm{model}}}}`,
    // A fraction under the sign reaches as low as the sign's foot: read with an equation before it too.
    String.raw`x = \sqrt{\frac{2}{n}}`,
    String.raw`\boxed{\alpha = \frac{1}{c}\sqrt{\frac{d_{\mathrm{out}}}{d_{\mathrm{in}}}}}`,
    // Near miss: a fraction beside a root is not under it.
    String.raw`y = \sqrt{x}\,\frac{a}{b}`,
  ];
  const body = sources.map((s, i) => `Step ${i + 1} gives\n\\[ ${s} \\]\n`).join('\n');
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'upright.pdf')).text!;
  const got = displays(text);
  assert.equal(got.length, sources.length, text);
  sources.forEach((s, i) => {
    const read = got[i]!.replace(/^\\boxed\{([\s\S]*)\}$/, '$1');
    assert.equal(checkAnswer({ value: s.replace(/^\\boxed\{([\s\S]*)\}$/, '$1') }, `$${read}$`).verdict, 'correct', `${s} read as ${got[i]}`);
  });
  assert.match(got.at(-1)!, /^y = \\sqrt\{x\}\s*\\frac\{a\}\{b\}$/, text);
  // The wrong answer a fraction lost (the square root's extent) stays wrong.
  assert.notEqual(checkAnswer({ value: String.raw`\sqrt{d_{\mathrm{out}}\, d_{\mathrm{in}}}` }, '$\\sqrt{d_{out}}\\, d_{in}$').verdict, 'correct');
});

test("a function's upright name glued to its bracket opens the formula (`\\operatorname{std}(`); a part's letter pdflatex kerned from its bracket (`4(f )`) is one label", {
  skip: noTex,
}, async () => {
  const body = String.raw`\section*{Question 4(f)}
The spread is \[ \operatorname{Var}(w) = n\sigma^2, \qquad \operatorname{std}(w) = \sqrt{n}\,\sigma = \Theta(\sqrt{n}). \]
Near miss: the word std (the spread) in a sentence stays a word.`;
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'names.pdf')).text!;
  assert.match(text, /^Question 4\(f\)$/m, text);
  const display = displays(text)[0] ?? '';
  assert.match(display, /\\operatorname\{std\}\(w\)/, text);
  assert.equal(checkAnswer({ value: String.raw`\sqrt{n}\,\sigma` }, `$${display.split('\\qquad')[1]!.split('=')[1]!}$`).verdict, 'correct', text);
  assert.match(text, /the word std \(the spread\) in a sentence/, text);
});

test('words of the text face at their own size over and under a rule stay the sentence: no fraction is made of them', { skip: noTex }, async () => {
  // Near miss: a one-column table whose rule parts two lines of prose, a formula beside them.
  const body = String.raw`The table reads
\begin{tabular}{c}
upper words \\ \hline
lower words
\end{tabular}
with $x_{\mathrm{in}} = 2$ beside it.`;
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'ruled.pdf')).text!;
  assert.doesNotMatch(text, /\\frac/, text);
  assert.match(text, /upper words/, text);
  assert.match(text, /lower words/, text);
});
