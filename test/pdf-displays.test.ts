/**
 * Display formulas the PDF reader used to lose: scripts set by a tall piece's height, tall
 * delimiters drawn as paths, boxed answers wider than the column. Each printed here as KaTeX and
 * MathJax chat exports and as a pdflatex write-up, with a near miss that must stay as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { checkAnswer } from '../src/check/check.js';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM, PDFLATEX, chromiumPdfs, katexHtml, pdflatexPdf } from './fixtures/pdf/generate.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;
const chat = (reply: string) => `## User\n\nWork it out.\n\n## Assistant\n\n${reply}\n`;
/** The display that starts `name =`, without its name. */
const display = (text: string, name: string) => new RegExp(`^\\$\\$${name} = (.*)\\$\\$$`, 'm').exec(text)?.[1] ?? '';

const TALL = [
  ['L', '\\left[\\frac{a}{b}+c\\right]^2'],
  ['S', '\\left(\\sum_i x_i\\right)^2'],
  ['B', '\\Big\\|W\\Big\\|_2^2'],
  ['E', '\\left(\\frac{1}{n}\\sum_{i=1}^{n} x_i\\right)^{2} + 1'],
] as const;
// Near miss: rows of norms one under the other, a tall bracket in the row above the next row's scripts.
const ALIGNED = '\\begin{aligned} \\|a\\|_2 &\\le \\left(\\frac{1}{2}\\right) \\|b\\|_2 \\\\ \\|c\\|_2 &\\le \\|d\\|_2 \\end{aligned}';

function assertTallScripts(text: string, where: string) {
  const at = `${where}:\n${text}`;
  assert.match(display(text, 'L'), /^\\left\[ ?\\frac\{a\}\{b\} ?\+ ?c ?\\right\]\^\{2\}$/, at);
  assert.equal(verdict('(\\sum_i x_i)^2', display(text, 'S')), 'correct', at);
  assert.equal(verdict('\\|W\\|_2^2', display(text, 'B')), 'correct', at);
  assert.equal(verdict('(\\frac{1}{n}\\sum_{i=1}^{n} x_i)^2 + 1', display(text, 'E')), 'correct', at);
  // No script is left on a line of its own.
  assert.doesNotMatch(text, /^(?:\$\$)?2(?:\$\$)?$/m, at);
  // Near misses: the squares stay squares (the sum alone is another answer), and each aligned row keeps its own subscripts.
  assert.equal(verdict('\\sum_i x_i', display(text, 'S')), 'incorrect', at);
  const rows = [...text.matchAll(/^\$\$(\\\|a.*|\\\|c.*)\$\$$/gm)].map((m) => m[1]!);
  assert.equal(rows.length, 2, at);
  assert.equal(verdict('\\|a\\|_2 \\le \\frac{1}{2} \\|b\\|_2', rows[0]!), 'correct', at);
  assert.equal(verdict('\\|c\\|_2 \\le \\|d\\|_2', rows[1]!), 'correct', at);
}

test('a script on a tall bracket or norm stays on it (KaTeX, MathJax); aligned norms keep their own subscripts', { skip: noChromium }, async () => {
  const reply = [...TALL.flatMap(([name, tex]) => ['So', '', `$$${name} = ${tex}$$`, '']), 'and the bounds', '', `$$${ALIGNED}$$`].join('\n');
  const layouts = ['chatgpt-print', 'mathjax-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) assertTallScripts((await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!, layout);
});

test('a script on a tall bracket or norm stays on it (pdflatex); aligned norms keep their own subscripts', { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, async () => {
  const body = [...TALL.map(([name, tex]) => `So\n\\[${name} = ${tex}\\]`), `and the bounds\n\\[${ALIGNED}\\]`].join('\n');
  assertTallScripts((await readDocumentFile(pdflatexPdf(body)!, 'tall.pdf')).text!, 'pdflatex');
});

// A bracket around a text-style fraction is barely taller than the text, yet raises its power past
// the height a letter's power stands at: the power must stay on the bracket, not become a row.
const SHORT_TALL = [
  ['x[k]', '\\begin{cases} 0, & k < 0 \\\\ 4 - \\left(\\tfrac{1}{4}\\right)^{k}, & 0 \\le k \\le 3 \\\\ 255\\left(\\tfrac{1}{4}\\right)^{k}, & k \\ge 4 \\end{cases}'],
  // Near miss: a bracket followed by a factor of the text's size has no power.
  ['g[k]', '\\begin{cases} 1, & k < 0 \\\\ 2\\left(\\tfrac{1}{4}\\right) k, & k \\ge 0 \\end{cases}'],
] as const;
// Near miss: a matrix's next row, starting right under a power-less bracket, stays a row of its own.
const SHORT_MATRIX = ['M', '\\begin{pmatrix} 2 & 2\\left(\\tfrac{1}{3}\\right) \\\\ t & 3\\left(\\tfrac{1}{3}\\right)^{t} \\end{pmatrix}'] as const;

function assertShortTall(text: string, where: string) {
  const at = `${where}:\n${text}`;
  const x = display(text, 'x\\[k\\]');
  const right = SHORT_TALL[0][1];
  assert.equal(verdict(right, x), 'correct', at);
  assert.equal(verdict(right.replace('right)^{k}, & 0', 'right), & 0'), x), 'incorrect', at);
  assert.match(display(text, 'g\\[k\\]'), /\\right\) ?k,/, at);
  assert.equal(verdict(SHORT_TALL[1][1], display(text, 'g\\[k\\]')), 'correct', at);
}

test('a power on a bracket barely taller than the text (`\\left(\\tfrac14\\right)^k` in cases, a matrix) stays on it; a factor after a bracket and the next row stay so', {
  skip: noChromium,
}, async () => {
  const reply = [...[...SHORT_TALL, SHORT_MATRIX].flatMap(([name, tex]) => ['So', '', `$$${name} = ${tex}$$`, ''])].join('\n');
  const layouts = ['chatgpt-print', 'mathjax-print', 'gemini-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    assertShortTall(text, layout);
    const m = display(text, 'M');
    assert.equal(verdict(SHORT_MATRIX[1], m), 'correct', `${layout}:\n${text}`);
    assert.equal(verdict(SHORT_MATRIX[1].replace('^{t}', ''), m), 'incorrect', `${layout}:\n${text}`);
  }
});

test('a power on a bracket barely taller than the text stays on it (pdflatex); a factor after a bracket stays so', { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, async () => {
  const body = SHORT_TALL.map(([name, tex]) => `So\n\\[${name} = ${tex}\\]`).join('\n');
  assertShortTall((await readDocumentFile(pdflatexPdf(body)!, 'short-tall.pdf')).text!, 'pdflatex');
});

test('tall delimiters KaTeX draws as paths keep their kind: bars, double bars, parentheses, brackets', { skip: noChromium }, async () => {
  const md = [
    '$$F = \\Bigg| x - 3 \\Bigg|$$',
    '$$D = \\left|\\begin{matrix} 2 & 0 & 0 \\\\ 0 & 3 & 0 \\\\ 0 & 0 & 1 \\end{matrix}\\right|$$',
    '$$N = \\left\\|\\begin{matrix} 1 \\\\ 3 \\\\ 5 \\end{matrix}\\right\\|$$',
    // Near misses: brackets and parentheses stay matrices of their own kind.
    '$$P = \\left(\\begin{matrix} 1 \\\\ 3 \\\\ 5 \\\\ 7 \\end{matrix}\\right)$$',
    '$$Q = \\left[\\begin{matrix} 1 \\\\ 3 \\\\ 5 \\\\ 7 \\end{matrix}\\right]$$',
  ].join('\n\n');
  const [pdf] = (await chromiumPdfs([katexHtml(md)]))!;
  const text = (await readDocumentFile(pdf!, 'delimiters.pdf')).text!;
  assert.equal(verdict('|x - 3|', display(text, 'F')), 'correct', text);
  assert.equal(verdict('x - 3', display(text, 'F')), 'incorrect', text);
  assert.match(display(text, 'D'), /^\\begin\{vmatrix\} 2 & 0 & 0 \\\\ 0 & 3 & 0 \\\\ 0 & 0 & 1 \\end\{vmatrix\}$/, text);
  assert.match(display(text, 'N'), /^\\begin\{Vmatrix\}/, text);
  assert.match(display(text, 'P'), /^\\begin\{pmatrix\} 1 \\\\ 3 \\\\ 5 \\\\ 7 \\end\{pmatrix\}$/, text);
  assert.match(display(text, 'Q'), /^\\begin\{bmatrix\} 1 \\\\ 3 \\\\ 5 \\\\ 7 \\end\{bmatrix\}$/, text);
});

test('a boxed display wider than its column is named in a warning where the page cuts it; displays that fit are not', { skip: noChromium }, async () => {
  const wide =
    '\\boxed{\\operatorname{Var}(y_i) = \\sigma_w^2 \\sum_{j=1}^{d_{in}} \\mathbb{E}[x_j^2] + \\sigma_b^2 = d_{in}\\,\\sigma_w^2\\,(\\mu_x^2 + \\sigma_x^2) + \\sigma_b^2 + \\frac{1}{2} d_{out} \\sigma_w^2 \\sigma_x^2 + 3 d_{in} d_{out}}';
  const reply = ['Putting the pieces together:', '', `$$${wide}$$`, '', 'and so', '', '$$\\boxed{y = 3x}$$'].join('\n');
  // Gemini scrolls a wide display sideways (cut at the column), MathJax's page runs it to the page's edge.
  const layouts = ['gemini-print', 'mathjax-print', 'chatgpt-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const doc = await readDocumentFile(pdfs[i]!, `${layout}.pdf`);
    const cut = doc.warnings.filter((w) => /cut off/.test(w));
    const at = `${layout}:\n${doc.text}\n${doc.warnings.join('\n')}`;
    // What is printed is still read; the short box after it is whole.
    assert.match(doc.text!, /^\$\$\\boxed\{\\operatorname\{Var\} ?\(y_\{i\}\)/m, at);
    assert.match(doc.text!, /^\$\$\\boxed\{y ?= ?3x\}\$\$$/m, at);
    if (layout === 'chatgpt-print') {
      // Near miss: the same display where the column is wide enough is read whole, with no warning.
      assert.deepEqual(cut, [], at);
      assert.match(doc.text!, /3d_\{in\}d_\{out\}\}\$\$$/m, at);
    } else {
      assert.equal(cut.length, 1, at);
      assert.match(cut[0]!, /^gemini-print\.pdf: page 1: "\$\$\\boxed\{\\operatorname\{Var\}|^mathjax-print\.pdf: page 1: "\$\$\\boxed\{\\operatorname\{Var\}/, at);
    }
  }
});

test("a reply's bold heading alone on its line stays bold (it names the part); a bold label before its text and bold words in a sentence stay as they were", { skip: noChromium }, async () => {
  const reply = [
    '**Runtime of each iteration**',
    '',
    'Forming $WW^T$ costs $c\\, d_{out}^2 d_{in}$.',
    '',
    '**Faster computation when $d_{out} \\gg d_{in}$**',
    '',
    'The property used is **associativity** of the product.',
    '',
    '**Final answer:** $2c\\, d_{out} d_{in}^2$',
    '',
    // A heading right under a paragraph whose last line fills the column, in a reply of tall displays.
    'Thoughts (experimental) Auto Expand to view model thoughts',
    '### **Part (c): Stride 1, no padding**',
    '',
    '$$y = \\begin{bmatrix} -40 & -40 \\\\ -40 & -40 \\end{bmatrix}$$',
  ].join('\n');
  const layouts = ['chatgpt-print', 'mathjax-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    assert.match(text, /^\*\*Runtime of each iteration\*\*$/m, `${layout}:\n${text}`);
    assert.match(text, /^\*\*Faster computation when \$d_\{out\} \\gg d_\{in\}\$\*\*$/m, `${layout}:\n${text}`);
    // Near misses: bold words inside a sentence, and a bold label followed by its answer.
    assert.match(text, /^The property used is associativity of the product\.$/m, `${layout}:\n${text}`);
    assert.match(text, /^\*\*Final answer:\*\* \$2c ?d_\{out\} ?d_\{in\}\^\{2\}\$$/m, `${layout}:\n${text}`);
    assert.match(text, /^\*\*Part \(c\): Stride 1, no padding\*\*$/m, `${layout}:\n${text}`);
  }
});

test("a chat the browser printed smaller (to fit a wide table) keeps the person's bubbles; a shaded code block is still no bubble", { skip: noChromium }, async () => {
  const cols = Array.from({ length: 18 }, (_, k) => k);
  const table = [`| $n$ | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`, `| $y$ | ${cols.map((k) => (2 - 2 ** -k).toFixed(4)).join(' | ')} |`].join('\n');
  const transcript = [
    '## User',
    '',
    'Tabulate y[n] for the first values of n.',
    '',
    '## Assistant',
    '',
    `The values:\n\n${table}\n\n\`\`\`\ny = [2 - 2**-k for k in range(18)]\n\`\`\``,
    '',
    '## User',
    '',
    'Why does it level off at 2?',
    '',
    '## Assistant',
    '',
    'Because the geometric series converges to $2$.',
  ].join('\n');
  const layouts = ['chatgpt-print', 'gemini-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(transcript, e))))!;
  for (const [i, layout] of layouts.entries()) {
    const doc = await readDocumentFile(pdfs[i]!, `${layout}.pdf`);
    const at = `${layout}:\n${doc.text}`;
    assert.equal(doc.chat, true, at);
    assert.match(doc.text!, /^\*\*User:\*\*\nTabulate y\[n\] for the first values of n\.$/m, at);
    assert.match(doc.text!, /^\*\*User:\*\*\nWhy does it level off at 2\?$/m, at);
    // Near miss: the code block's shaded box stays the model's, in its reply.
    assert.match(doc.text!, /^```\ny = \[2 - 2\*\*-k for k in range\(18\)\]\n```$/m, at);
    assert.equal(doc.text!.split('**User:**').length - 1, 2, at);
  }
});
