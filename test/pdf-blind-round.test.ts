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
import { CHROMIUM, PDFLATEX, chromiumPdfs, katexHtml, pdflatexPdf } from './fixtures/pdf/generate.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';
const noTex = !PDFLATEX && 'no /usr/bin/pdflatex';
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

test("a table row whose cells the column wrapped is one row, its header's words too; two tables of the same columns a sentence parts stay two", { skip: noChromium }, async () => {
  const table = [
    '| Layer of the network | Number of learned parameters | Dimension of the activations |',
    '|---|---|---|',
    '| Input image | 0 | $32 \\times 32 \\times 3$ |',
    '| CONV3-32 (first block) | $3 \\times 3 \\times 3 \\times 32 + 32 = 896$ | $32 \\times 32 \\times 32$ |',
    '| FC-10 | $2048 \\times 10 + 10 = 20490$ | 10 |',
  ].join('\n');
  // The same columns again: the same cells, after a sentence.
  const reply = `Each layer in turn:\n\n${table}\n\nSo:\n\n${table}\n`;
  const layouts = ['chatgpt-exporter', 'chatgpt-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    const header = '| Layer of the network | Number of learned parameters | Dimension of the activations |\n| --- | --- | --- |';
    const conv = /^\| CONV3-32 \(first block\) \| \$([^$|]*)\$ \| \$32 \\times 32 \\times 32\$ \|$/m.exec(text)?.[1];
    assert.equal(verdict('3 \\times 3 \\times 3 \\times 32 + 32 = 896', conv ?? ''), 'correct', `${layout}:\n${text}`);
    assert.equal(verdict('3 \\times 3 \\times 3 \\times 32 = 864', conv ?? ''), 'incorrect', `${layout}:\n${text}`);
    assert.match(text, /^\| FC-10 \| \$2048 \\times 10 \+ 10 = 20490\$ \| 10 \|$/m, `${layout}:\n${text}`);
    // Near miss: the sentence between two tables of the same columns parts them, each under its header.
    assert.equal(text.split(header).length - 1, 2, `${layout}:\n${text}`);
    assert.match(text, /^So:$/m, `${layout}:\n${text}`);
  }
});

test('an arrow a table cell wrapped after its shaft (`"bd,hdq-` / `>bhq"`) is one arrow; a hyphen before a word stays a hyphen', { skip: noChromium }, async () => {
  const why = 'each token (b,d) is multiplied with the per-head weights (h,d,q), which yields queries of shape (b,h,q) for every head at once, as the pseudocode for multi-head attention does';
  const reply = [
    'The blanks:',
    '',
    '| item | correct answer | explanation |',
    '|---|---|---|',
    `| C | torch.einsum("bd,hdq->bhq", x, W_q) | ${why} |`,
    `| D | torch.einsum("bd,dk->bk", x, W_k) | ${why} |`,
    `| F | a per-head weight-tensor | ${why} |`,
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat(reply), 'chatgpt-print')]))!;
  const text = (await readDocumentFile(pdf!, 'arrows.pdf')).text!;
  assert.match(text, /^\| C \| torch\.einsum\("bd,hdq->bhq", x, W_q\) \|/m, text);
  assert.match(text, /^\| D \| torch\.einsum\("bd,dk->bk", x, W_k\) \|/m, text);
  // Near miss: a word after a hyphen the column broke at is joined as before, not taken for an arrow.
  assert.match(text, /^\| F \| a per-head weight-tensor \|/m, text);
});

test("a numbered answer's bold run-in title the column wrapped keeps its bold, whole; a bold line of its own and the next paragraph's title stay apart", { skip: noChromium }, async () => {
  const reply = [
    'Each part in turn.',
    '',
    '1. **Weights, biases and output shape of the convolutional layer described in the question.** Each of the $F$ filters has $K^2 C$ weights and one bias.',
    '2. **Receptive field.** It is $L(K-1) + 1$.',
    '3. **Output shape of the max pooling layer, with its stride and its filter size as given, for every one of the channels of the input.** The depth is unchanged.',
    // A title that fills its line (in Claude Exporter's column): its text starts on the next.
    '4. **Output shape of the pooling layer and of the convolutional layer.** Notwithstanding the padding, the depth is unchanged.',
    '',
    '**Summary of the three parts**',
    '',
    '**Note.** The bias is counted once per filter.',
  ].join('\n');
  const layouts = ['chatgpt-print', 'claude-exporter'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    assert.match(text, /^1\. \*\*Weights, biases and output shape of the convolutional layer described in the question\.\*\* Each of the \$F\$ filters/m, `${layout}:\n${text}`);
    assert.match(text, /^2\. \*\*Receptive field\.\*\* It is/m, `${layout}:\n${text}`);
    assert.match(text, /^3\. \*\*Output shape of the max pooling layer, with its stride .* channels of the input\.\*\* The depth is unchanged\.$/m, `${layout}:\n${text}`);
    assert.match(text, /^4\. \*\*Output shape of the pooling layer and of the convolutional layer\.\*\* Notwithstanding the padding/m, `${layout}:\n${text}`);
    // Near miss: a bold line of its own is a heading, no title's start; the paragraph after it opens on its own title.
    assert.match(text, /^\*\*Summary of the three parts\*\*$/m, `${layout}:\n${text}`);
    assert.match(text, /^\*\*Note\.\*\* The bias is counted once per filter\.$/m, `${layout}:\n${text}`);
  }
});

test('MathJax: a formula the line above had no room for goes on the line, measured as printed; a line the person ended short stays', { skip: noChromium }, async () => {
  const question =
    'A layer maps many inputs to many outputs and its weights are drawn independently with mean zero, so that every output is a sum of many terms; count its parameters.\nMy count is\n$5 \\times 5 \\times 3 \\times 8 + 8 = 608$ in all.';
  const reply = [
    'A convolutional layer on $C$ input channels has $5 \\cdot 5 \\cdot C \\cdot F$ weights and $F$ biases, and with padding 2 and stride 1 it keeps the spatial size of its input; a pooling layer halves each side of it and has no parameters at all, so only the convolutional layers and the fully connected layer at the end count.',
    '',
    '- The first CONV5-8 block sees all three, so it has $5 \\times 5 \\times 3 \\times 8 + 8 = 608$ parameters, and its activations are $28 \\times 28 \\times 8$.',
    '- The pooling layer has none.',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(`## User\n\n${question}\n\n## Assistant\n\n${reply}\n`, 'mathjax-print')]))!;
  const text = (await readDocumentFile(pdf!, 'mathjax-wrap.pdf')).text!;
  const count = /^- The first CONV5-8 block sees all three, so it has \$([^$]*)\$ parameters, and its activations are \$28 \\times 28 \\times 8\$\.$/m.exec(text)?.[1];
  assert.equal(verdict('5 \\times 5 \\times 3 \\times 8 + 8', count?.split('=')[0] ?? ''), 'correct', text);
  // Near miss: the person ended the line short, and the formula after it would have fitted there.
  const lines = text.split('\n');
  assert.ok(lines.includes('My count is'), text);
  assert.ok(
    lines.some((l) => /^\$5 \\times 5 \\times 3 \\times 8 \+ 8 = 608\$ in all\.$/.test(l)),
    text,
  );
});

test("pdflatex's align*: rows that open on `=` go on the equation above, a box is \\boxed, two sums' limits are each their own, `Var[` opens the formula", { skip: noTex }, async () => {
  const pdf = pdflatexPdf(
    [
      'The gradient is',
      '\\begin{align*}',
      'g_{p,q} &= \\sum_{u=1}^{r}\\sum_{v=1}^{s} \\frac{\\partial L}{\\partial y_{u,v}}\\,\\frac{\\partial y_{u,v}}{\\partial w_{p,q}} \\\\',
      '&= \\boxed{\\sum_{u=1}^{r}\\sum_{v=1}^{s} e_{u,v}\\, z_{u+p,\\,v+q}}',
      '\\end{align*}',
      'and its spread',
      '\\begin{align*}',
      '\\operatorname{Var}[g_{p,q}] &= \\boxed{r s\\,\\sigma^2}.',
      '\\end{align*}',
      // Near misses: rows of two equations, a framed remark, sums with limits far apart.
      'Two facts:',
      '\\begin{align*}',
      'a &= 1, \\\\',
      'b &= 2.',
      '\\end{align*}',
      '\\fbox{Checked by hand} and the total $\\sum_{k=1}^{n} k \\cdot \\sum_{t=0}^{T} t$ stands.',
    ].join('\n'),
  )!;
  const text = (await readDocumentFile(pdf, 'align.pdf')).text!;
  const grad = /^\$\$g_\{p,q\} = (.*)\$\$$/m.exec(text)?.[1] ?? '';
  const boxed = /\\boxed\{(.*)\}$/.exec(grad)?.[1] ?? '';
  assert.equal(verdict('\\sum_{u=1}^{r}\\sum_{v=1}^{s} e_{u,v} z_{u+p,v+q}', boxed), 'correct', text);
  assert.equal(verdict('\\sum_{u=1}^{s}\\sum_{v=1}^{r} e_{u,v} z_{u+p,v+q}', boxed), 'incorrect', text);
  const spread = /^\$\$\\operatorname\{Var\} ?\[g_\{p,q\}\] = \\boxed\{(.*)\}\$\$$/m.exec(text)?.[1];
  assert.equal(verdict('r s \\sigma^2', spread ?? ''), 'correct', text);
  // Near misses: a row with its own left side is an equation of its own; a framed remark is words.
  assert.match(text, /^\$\$a = 1\$\$\n+\$\$b = 2\$\$$/m, text);
  assert.match(text, /^Checked by hand and the total/m, text);
  const total = /the total \$([^$]*)\$ stands/.exec(text)?.[1];
  assert.equal(verdict('\\sum_{k=1}^{n} k \\cdot \\sum_{t=0}^{T} t', total ?? ''), 'correct', text);
});

test("KaTeX: a boxed answer keeps its box, inline and displayed; a message framed by its border, a table's framed cells and a rounded frame are no box", { skip: noChromium }, async () => {
  const reply = [
    'So the count is $\\boxed{N = 608}$ in all, and',
    '',
    '$$\\operatorname{Var}(s) = \\boxed{r^2 \\sigma^2}$$',
    '',
    'The mean is $\\boxed{M = 7.}$ The two conditions:',
    '',
    '$$\\boxed{\\begin{aligned} a + b &= 10 \\\\ a - b &= 4 \\end{aligned}}$$',
  ].join('\n');
  const cells = [
    '<table><tr><th>Layer</th><th>Params</th></tr><tr><td>conv</td><td>$3 \\times 3 \\times 10$</td></tr><tr><td>fc</td><td>$12$</td></tr></table>',
    '<span style="border: 1px solid #999; border-radius: 6px; padding: 2px 4px">$y = 5x$</span> is the line.',
  ].join('\n\n');
  const [pdf, framed] = (await chromiumPdfs([
    chatExport(`## User\n\n$x = 3$\n\n## Assistant\n\n${reply}\n`, 'claude-exporter'),
    katexHtml(cells, 'td, th { border: 1px solid #888; padding: 3px 6px; } table { border-collapse: collapse; }'),
  ]))!;
  const text = (await readDocumentFile(pdf!, 'boxed.pdf')).text!;
  assert.match(text, /So the count is \$\\boxed\{N ?= ?608\}\$ in all/, text);
  const spread = /^\$\$\\operatorname\{Var\} ?\(s\) = \\boxed\{(.*)\}\$\$$/m.exec(text)?.[1];
  assert.equal(verdict('r^2 \\sigma^2', spread ?? ''), 'correct', text);
  // The writer's full stop in the box ends the sentence, not the answer.
  assert.match(text, /The mean is \$\\boxed\{M ?= ?7\}\$\. The two/, text);
  // Near misses: rows boxed together are read as rows, not as one garbled box; the person's
  // message, one formula in a box of its own, is the formula.
  assert.match(text, /^\$\$a \+ b = 10\$\$$/m, text);
  assert.match(text, /^\$\$a - b = 4\$\$$/m, text);
  assert.match(text, /^\$\$x = 3\$\$$|^\$x = 3\$$/m, text);
  assert.doesNotMatch(text, /\\boxed\{x/, text);
  // Near misses: a table's cells framed on every side, and a frame with rounded corners (no root sign either).
  const table = (await readDocumentFile(framed!, 'framed.pdf')).text!;
  assert.match(table, /^\| conv \| \$3 \\times 3 \\times 10\$ \|$/m, table);
  assert.match(table, /^\$y = 5x\$ is the line\.$/m, table);
});

test('a table of wrapped rows the page broke is one table: each formula cell whole, the header repeated on the next page dropped', { skip: noChromium }, async () => {
  const rows = Array.from({ length: 16 }, (_, k) => {
    const i = k + 1;
    return { i, row: `| CONV3-${i} (block ${i}) | $3 \\times 3 \\times ${i} \\times 16 + 16 = ${144 * i + 16}$ | $${32 - i} \\times ${32 - i} \\times 16$ |` };
  });
  const reply = ['The layers:', '', '| Layer of the network | Number of learned parameters | Dimension of the activations |', '|---|---|---|', ...rows.map((r) => r.row), '', 'Done.'].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat(reply), 'chatgpt-exporter')]))!;
  const doc = await readDocumentFile(pdf!, 'long-table.pdf');
  assert.ok(doc.source!.pages! >= 2, 'the table fits one page');
  const text = doc.text!;
  assert.equal(text.split('| Layer of the network | Number of learned parameters | Dimension of the activations |').length - 1, 1, text);
  for (const { i } of rows) {
    const cell = new RegExp(`^\\| CONV3-${i} \\(block ${i}\\) \\| \\$([^$|]*)\\$ \\| \\$${32 - i} \\\\times ${32 - i} \\\\times 16\\$ \\|$`, 'm').exec(text)?.[1];
    assert.equal(verdict(`3 \\times 3 \\times ${i} \\times 16 + 16 = ${144 * i + 16}`, cell ?? ''), 'correct', `row ${i}:\n${text}`);
  }
  // Near miss: the sentence after the table is no row.
  assert.match(text, /^Done\.$/m, text);
});

test('a row vector (a one-row matrix) keeps its columns; a big bracket around one formula stays a bracket', { skip: noChromium }, async () => {
  const reply = [
    'The shifted edge gives the same features:',
    '',
    '$$\\mathbf{g}_3 = \\begin{bmatrix} 0 & 0.8 & 0 \\end{bmatrix}^{\\top}$$',
    '',
    'and the first layer row is $$r = \\begin{pmatrix} 1 & -2 & x_{1} \\end{pmatrix}$$',
    '',
    'while the loss is $$L = 3\\left( \\frac{a}{b} + c \\right)$$',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat(reply), 'chatgpt-print')]))!;
  const text = (await readDocumentFile(pdf!, 'row-vector.pdf')).text!;
  const g = /\\mathbf\{g\}_\{3\} = (.*?)\$\$/.exec(text)?.[1];
  assert.equal(verdict('\\begin{bmatrix} 0 & 0.8 & 0 \\end{bmatrix}^{\\top}', g ?? ''), 'correct', text);
  // The columns are what a transposed row is checked by: a wrong middle entry stays wrong.
  assert.equal(verdict('\\begin{bmatrix} 0 & 0.08 & 0 \\end{bmatrix}^{\\top}', g ?? ''), 'incorrect', text);
  const r = /r = (.*?)\$\$/.exec(text)?.[1];
  assert.equal(verdict('\\begin{pmatrix} 1 & -2 & x_{1} \\end{pmatrix}', r ?? ''), 'correct', text);
  // Near miss: one formula in tall brackets is no matrix.
  const loss = /L = (.*?)\$\$/.exec(text)?.[1];
  assert.doesNotMatch(loss ?? '', /begin/, text);
  assert.equal(verdict('3(\\frac{a}{b} + c)', loss ?? ''), 'correct', text);
});

test("cases: a power on a row's tall bracket stays on it, and KaTeX's brace, drawn apart by its tall rows, is one; a power-less bracket and two cases one under the other stay so", {
  skip: noChromium,
}, async () => {
  const reply = [
    'Summing the geometric tail part by part:',
    '',
    '$$f(k) = \\begin{cases} 1, & k < 1 \\\\ 3 - \\left(\\dfrac{1}{3}\\right)^{k}, & 1 \\le k \\le 4 \\\\ \\left(3^{5} - 1\\right)\\left(\\dfrac{1}{3}\\right)^{k}, & k \\ge 5 \\end{cases}$$',
    '',
    'and the second one is',
    '',
    '$$g(k) = \\begin{cases} 2, & k < 0 \\\\ \\left(\\dfrac{1}{2}\\right) k, & k \\ge 0 \\end{cases}$$',
    '$$h(k) = \\begin{cases} 0, & k < 0 \\\\ \\dfrac{k}{4}, & k \\ge 0 \\end{cases}$$',
  ].join('\n');
  const layouts = ['chatgpt-print', 'mathjax-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    const f = /f\(k\) = (\\begin\{cases\}.*?\\end\{cases\})/.exec(text)?.[1] ?? '';
    const right = '\\begin{cases} 1, & k < 1 \\\\ 3 - \\left(\\frac{1}{3}\\right)^{k}, & 1 \\le k \\le 4 \\\\ \\left(3^{5} - 1\\right)\\left(\\frac{1}{3}\\right)^{k}, & k \\ge 5 \\end{cases}';
    assert.equal(verdict(right, f), 'correct', `${layout}:\n${text}`);
    assert.equal(verdict(right.replace('right)^{k}, & 1', 'right)^{k+1}, & 1'), f), 'incorrect', `${layout}:\n${text}`);
    // Near misses: a bracket with no power keeps none; a brace under another is a cases of its own.
    const g = /g\(k\) = (\\begin\{cases\}.*?\\end\{cases\})/.exec(text)?.[1] ?? '';
    assert.match(g, /\\right\) ?k,/, `${layout}:\n${text}`);
    assert.match(text, /h\(k\) = \\begin\{cases\} 0, & k ?< ?0 \\\\ \\frac\{k\}\{4\}, & k ?\\ge ?0 \\end\{cases\}/, `${layout}:\n${text}`);
  }
});

test("a script's script far from the base (`\\mathbb{R}^{n_{\\text{out}} \\times n_{\\text{in}}}`) stays in the script, KaTeX and MathJax; a word after the formula stays prose", {
  skip: noChromium,
}, async () => {
  const reply = [
    'The layer maps $x \\in \\mathbb{R}^{d_{\\text{in}}}$ with $W \\in \\mathbb R^{d_{\\text{hid}}\\times d_{\\text{in}}}$ and then',
    '',
    '$$U \\in \\mathbb{R}^{d_{\\text{out}} \\times d_{\\text{hid}}}$$',
    '',
    'so the space is $\\mathbb{R}^{m \\times k}$ in all cases.',
  ].join('\n');
  const layouts = ['chatgpt-print', 'mathjax-print'] as const;
  const pdfs = (await chromiumPdfs(layouts.map((e) => chatExport(chat(reply), e))))!;
  for (const [i, layout] of layouts.entries()) {
    const text = (await readDocumentFile(pdfs[i]!, `${layout}.pdf`)).text!;
    assert.match(text, /\$W \\in \\mathbb\{R\}\^\{d_\{\\text\{hid\}\} ?\\times ?d_\{\\text\{in\}\}\}\$ and then/, `${layout}:\n${text}`);
    assert.match(text, /\$\$U \\in \\mathbb\{R\}\^\{d_\{\\text\{out\}\} ?\\times ?d_\{\\text\{hid\}\}\}\$\$/, `${layout}:\n${text}`);
    // Near miss: prose right after a formula's script is the sentence's.
    assert.match(text, /\$\\mathbb\{R\}\^\{m ?\\times ?k\}\$ in all cases\./, `${layout}:\n${text}`);
  }
});

test('MathJax: a row vector in brackets of the text’s size keeps its columns; brackets around a sum, an interval, a list and a product stay brackets', { skip: noChromium }, async () => {
  const reply = [
    'The pooled features are $$\\mathbf{h} = \\begin{bmatrix} 4 & -1.5 & 0 \\end{bmatrix}$$ and the kernel is $k = \\begin{pmatrix} 1 & w_{2} \\end{pmatrix}^\\top$.',
    '',
    'Not matrices: $[a + b]$, $[0, 1]$, $[2, 4, 6]$ and $$q = (x + 1)(x - 2)$$',
  ].join('\n');
  const [pdf] = (await chromiumPdfs([chatExport(chat(reply), 'mathjax-print')]))!;
  const text = (await readDocumentFile(pdf!, 'mathjax-row.pdf')).text!;
  const h = /\\mathbf\{h\} = (.*?)\$\$/.exec(text)?.[1] ?? '';
  assert.equal(verdict('\\begin{bmatrix} 4 & -1.5 & 0 \\end{bmatrix}', h), 'correct', text);
  assert.equal(verdict('\\begin{bmatrix} 4 & 1.5 & 0 \\end{bmatrix}', h), 'incorrect', text);
  const k = /k = (.*?)\$/.exec(text)?.[1] ?? '';
  assert.equal(verdict('\\begin{pmatrix} 1 & w_{2} \\end{pmatrix}^\\top', k), 'correct', text);
  // Near misses: no cells an em apart, no matrix.
  assert.match(text, /\$\[a \+ b\]\$, ?\$\[0, 1\]\$, ?\$\[2, 4, 6\]\$/, text);
  assert.match(text, /q = \(x \+ 1\)\(x - 2\)/, text);
  assert.doesNotMatch(text, /begin\{bmatrix\} ?a|begin\{pmatrix\} ?x/, text);
});
