/**
 * TeX's big delimiters and operators (the extension font, cmex / Latin Modern's) read as the page
 * shows them, whether the PDF names the glyphs by their codes (Computer Modern) or in Unicode
 * (Latin Modern with a ToUnicode map); and an operator's limits are its own, never the script of
 * the next line's letter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { checkAnswer } from '../src/check/check.js';
import { PDFLATEX, pdflatexPdf } from './fixtures/pdf/generate.js';

const noTex = !PDFLATEX && 'no /usr/bin/pdflatex';
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;

/** Each labelled display's formula (`A: \[ ... \]` gives `A`), several a line each. */
async function displays(body: string, packages = ''): Promise<Map<string, string>> {
  const text = (await readDocumentFile(pdflatexPdf(body, '', packages)!, 'ext.pdf')).text!;
  const out = new Map<string, string>();
  let label = '';
  for (const line of text.split('\n')) {
    const l = /^([A-F]):\s*$/.exec(line);
    if (l) label = l[1]!;
    const d = /^\$\$(.*)\$\$$/.exec(line);
    // A label over several displays (an `align*`) gets them all, a line each.
    if (d && label) out.set(label, [out.get(label), d[1]!.replace(/[,.]$/, '')].filter(Boolean).join('\n'));
  }
  return out;
}

const BODY = String.raw`A:
\[ \begin{bmatrix} X \\ \sqrt{\lambda} I_d \end{bmatrix} \]
B:
\[ \frac{1}{2} \big(\phi(x) - y\big)^2 \]
C:
\[ \sum_{k=1}^{n} k^2 x_k \]
D:
\[ \Big[ a + b \Big] \cdot \bigg( c - d \bigg) \]
E:
\[ \left| \frac{x}{y} \right| + \left\langle u, v \right\rangle \]`;

const EXPECTED: Record<string, [string, string]> = {
  // Each: the formula, and a near miss the reading must not be equal to.
  A: ['\\begin{bmatrix} X \\\\ \\sqrt{\\lambda} I_d \\end{bmatrix}', '\\begin{bmatrix} X \\\\ \\lambda I_d \\end{bmatrix}'],
  B: ['\\frac{1}{2}(\\phi(x) - y)^2', '\\frac{1}{2}(\\phi(x) - y)'],
  C: ['\\sum_{k=1}^{n} k^2 x_k', '\\sum_{k=1}^{n} k x_k'],
  // (Written with the page's brackets: the checker reads `[a + b]` as a list, never as `(a + b)`.)
  D: ['[a + b] \\cdot (c - d)', '[a + b] \\cdot (c + d)'],
};

test('Latin Modern with a ToUnicode map: big brackets, sums and bars read as Computer Modern reads them', { skip: noTex }, async () => {
  // Latin Modern's extension font with pdfTeX's glyph names mapped to Unicode: `[` is a bracket,
  // where cmex's code 0x5B would be a display `\bigcup`.
  const mapped = await displays(`\\input glyphtounicode \\pdfgentounicode=1\n${BODY}`, 'lmodern');
  const coded = await displays(BODY);
  for (const [label, [formula, nearMiss]] of Object.entries(EXPECTED))
    for (const [how, read] of [
      ['Latin Modern', mapped],
      ['Computer Modern', coded],
    ] as const) {
      const got = read.get(label);
      assert.ok(got, `${how}: ${label} not read (${[...read].join(' | ')})`);
      assert.equal(verdict(formula, got!), 'correct', `${how}: ${label} read as ${got}`);
      assert.equal(verdict(nearMiss, got!), 'incorrect', `${how}: ${label} read as ${got}`);
    }
  assert.doesNotMatch([...mapped.values()].join(' '), /⋃|⨄|\\bigcup|\\biguplus/);
  // The tall bars are drawn from stacked pieces: one pair around the fraction, nothing left over.
  assert.match(mapped.get('E')!, /^\\left\| \\frac\{x\}\{y\} \\right\| \+ \\langle u, v\\rangle$/);
});

test("Computer Modern's codes stay codes: a page whose only big glyphs are braces reads braces", { skip: noTex }, async () => {
  // Near miss: `\Bigg\{` is code 0x28, which is `(` in ASCII; with no ToUnicode map it is a brace.
  const read = await displays(String.raw`F:
\[ \Bigg\{ a + b \Bigg\} \]`);
  assert.match(read.get('F') ?? '', /^\\left\\\{ a ?\+ ?b \\right\\\}$/, [...read].join(' | '));
});

test("a text-style operator's subscript stays its own: the next line's X^T under it is that line's", { skip: noTex }, async () => {
  const body = String.raw`\noindent Solve $\min_w \|Xw - y\|_2^2$, the least squares problem of the first part.\\
\hspace*{27pt}$(X^\top X)^{-1} X^\top y$ is its minimizer.

Near miss, limits under display operators:
\[ \min_{w \in W} f(w) + \sum_{i=1}^{n} x_i \]
over the next line's words.`;
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'min.pdf')).text!;
  assert.match(text, /Solve \$\\min_\{w\} \\\|Xw - y\\\|_\{2\}\^\{2\}\$/, text);
  const inverse = /\$(\(X\^\{\\top\}X\)\^\{-1\}X\^\{\\top\}y)\$/.exec(text)?.[1];
  assert.ok(inverse, text);
  assert.equal(verdict('(X^\\top X)^{-1} X^\\top y', inverse!), 'correct');
  assert.match(text, /\\min_\{w ?\\in W\} f\(w\) \+ \\sum_\{i=1\}\^\{n\}x_\{i\}/, text);
});

test("the extension font's glyphs pdf.js takes for white space are read: norm bars, `|` pieces, `\\Bigg(`", { skip: noTex }, async () => {
  // Codes 0x0D (`\|`), 0x0C (`|`) and 0x20 (`\Bigg(`) never reach pdf.js's text layer.
  const read = await displays(String.raw`A:
\[ \big\| W \big\|_2 \le \sqrt{d} \]
B:
\[ \left( \sum_{k=1}^{n} \frac{a_k}{b_k} \right) + \left| \frac{x}{y} \right| \]
C:
\[ \left\| \mathbf{y} - X\mathbf{w} \right\|_2^2 + \left\| \frac{\mathbf{w}}{p} \right\| \]
D:
\begin{align*} &\big\| a \big\|_2 = 1 \\ &\big\| b \big\|_2 = 2 \end{align*}`);
  const [a, b, c] = ['A', 'B', 'C'].map((k) => read.get(k) ?? '');
  assert.equal(verdict('\\|W\\|_2 \\le \\sqrt{d}', a!), 'correct', a);
  // Near miss: without its bars the norm was `W_2`, another quantity.
  assert.equal(verdict('W_2 \\le \\sqrt{d}', a!), 'incorrect', a);
  assert.match(b!, /^\\left\( \\sum_\{k=1\}\^\{n\} ?\\frac\{a_\{k\}\}\{b_\{k\}\} \\right\) \+ \\left\| \\frac\{x\}\{y\} \\right\|$/, b);
  assert.match(c!, /\\left\\\| \\frac\{\\mathbf\{w\}\}\{p\} \\right\\\|$/, c);
  // Near miss: the bars of two aligned lines stand at one x, a line apart: two norms, never one tall bar.
  const text = [...read.values()].join('\n');
  assert.match(text, /\\left\\\| a \\right\\\|_\{2\} = 1/, text);
  assert.match(text, /\\left\\\| b \\right\\\|_\{2\} = 2/, text);
});

test('an accent over an upright Greek capital (\\tilde\\Gamma, \\hat\\Theta) is its own; a capital without one stays bare', { skip: noTex }, async () => {
  const read = await displays(String.raw`A:
\[ \tilde{\mathbf{w}} = \Gamma \mathbf{w}, \quad \tilde\Delta = \tilde{x} - \hat{\Theta} + \tilde\Gamma y \]`);
  const a = read.get('A') ?? '';
  assert.match(a, /\\tilde\{\\Delta\} = \\tilde\{x\} - \\hat\{\\Theta\} \+ \\tilde\{\\Gamma\} ?y$/, a);
  // Near miss: the Gamma beside an accented w has no accent of its own.
  assert.match(a, /^\\tilde\{\\mathbf\{w\}\} = \\Gamma \\mathbf\{w\}/, a);
});
