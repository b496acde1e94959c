import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { markdownEscapesAsText } from '../src/documents/markdown-escapes.js';
import { mathFencesAsMath } from '../src/documents/math-fences.js';
import { bareEnvironmentsAsDisplays } from '../src/documents/bare-environments.js';

// Blind round 30: markup that hides the answers. A Google Docs report saved as Markdown escapes
// every punctuation mark (`d\_out`, `c \= 1/√d\_in`) and ends on a base64 image's definition; a
// Pluto notebook writes its matrices in ```math fences and its inline math in ``double backticks``;
// reports answer in a summary by pointing at what they printed above ("table above", "the 5x5
// above") or by describing a matrix ("all −40"). In documents of our own (a Notion export, a
// GitHub-flavoured write-up, a Markdown report with LaTeX matrices), with near misses.

/** A Notion page exported as Markdown: its escapes, a numbered heading `1\.`, an image pasted in and its definition. */
const notion = [
  '# 1\\. HW4 answers (Notion export)',
  '',
  '**Q1 (a)** each iteration: two matmuls of c\\*d\\_out\\*d\\_out\\*d\\_in each, so 2c · d\\_out² · d\\_in',
  '',
  '![Screenshot of my scratch work][img]',
  '',
  '**Q2 (b)** scale \\~ keep unit variance: c \\= 1/√d\\_in',
  '',
  '**Q2 (c)** largest allowed step: ‖ΔW‖₂ \\= √d\\_out',
  '',
  '[img]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==>',
  '',
].join('\n');

test('a Markdown export with every punctuation mark escaped is read as its text; an image and its data-URI definition are no answer', { skip: devSkip }, () => {
  const g = gradeWithStaffKey(notion, 'notion-export.md');
  assert.deepEqual([g.get('1.a'), g.get('2.b'), g.get('2.c')], ['correct', 'correct', 'correct']);
  // A wrong scale under the same escapes is read, and graded wrong.
  assert.equal(gradeWithStaffKey(notion.replace('c \\= 1/√d\\_in', 'c \\= 1/d\\_in'), 'notion-export.md').get('2.b'), 'incorrect');
  const read = readWithStaffKey(notion, 'notion-export.md');
  assert.ok(read.responses.every((r) => !r.final.text.includes('base64')));
});

test('escapes are undone outside math and code only; LaTeX of its own and JSON stay', () => {
  assert.equal(markdownEscapesAsText('d\\_out \\= 3, 1\\. item \\* x'), 'd_out = 3, 1. item * x');
  // (Inside math `\_` is LaTeX's; a code span, a fenced block and a bare environment are left as written.)
  assert.equal(markdownEscapesAsText('$d\\_out$ and d\\_in'), '$d\\_out$ and d_in');
  assert.equal(markdownEscapesAsText('$$\nd\\_out\n$$\nd\\_in'), '$$\nd\\_out\n$$\nd_in');
  assert.equal(markdownEscapesAsText('\\(a\\_b\\) and `re.split(r"\\.", s)` x\\_y'), '\\(a\\_b\\) and `re.split(r"\\.", s)` x_y');
  const fenced = ['```python', 'pattern = r"\\d+\\.\\d+"', '```', 'w\\_1'].join('\n');
  assert.equal(markdownEscapesAsText(fenced), ['```python', 'pattern = r"\\d+\\.\\d+"', '```', 'w_1'].join('\n'));
  const env = ['\\begin{aligned}', 'a &= b\\_c \\\\', '\\end{aligned}', 'k\\_2'].join('\n');
  assert.equal(markdownEscapesAsText(env), ['\\begin{aligned}', 'a &= b\\_c \\\\', '\\end{aligned}', 'k_2'].join('\n'));
  // (`\,` `\{` `\$` `\%` `\&` mean something of their own to LaTeX or to a later reader.)
  assert.equal(markdownEscapesAsText('a\\,b \\{x\\} costs \\$5 at 95\\% \\& more'), 'a\\,b \\{x\\} costs \\$5 at 95\\% \\& more');
  const json = '{"messages": [{"role": "user", "content": "a\\/b \\"q\\" d\\\\_out"}]}';
  assert.equal(markdownEscapesAsText(json), json);
  // An image pasted with no alt text is nothing; one with a name and a link keeps its name, which may say the part it shows.
  assert.equal(markdownEscapesAsText('![][image1]\n(b) 3'), '\n(b) 3');
  assert.equal(markdownEscapesAsText('![q2b.png](attachment)\nwhat is c'), '![q2b.png](attachment)\nwhat is c');
  // A link to a page is a reference definition too; a label with an answer after it is not one.
  assert.equal(markdownEscapesAsText('see [1]\n\n[1]: https://example.org/page "Title"\n(a): 42'), 'see [1]\n\n(a): 42');
});

/** A GitHub-flavoured write-up: its matrices in ```math fences, one over several lines. */
const github = [
  '## Problem 3',
  '',
  '### (c)',
  '',
  '```math',
  'y = \\begin{bmatrix}',
  '-40 & -40 & -40 \\\\',
  '-40 & -40 & -40 \\\\',
  '-40 & -40 & -40',
  '\\end{bmatrix}',
  '```',
  '',
  '### (d) i.',
  '',
  '```math',
  '\\begin{bmatrix}',
  '-19 & -28 & -32 & -36 & -29 \\\\',
  '-30 & -40 & -40 & -40 & -30 \\\\',
  '-30 & -40 & -40 & -40 & -30 \\\\',
  '-30 & -40 & -40 & -40 & -30 \\\\',
  '49 & 68 & 72 & 76 & 59',
  '\\end{bmatrix}',
  '```',
  '',
].join('\n');

test('a ```math fence is a display formula: a matrix over several lines in one is read as the matrix', { skip: devSkip }, () => {
  const g = gradeWithStaffKey(github, 'hw4.md');
  assert.deepEqual([g.get('3.c'), g.get('3.d.i')], ['correct', 'correct']);
  // The same fence with a sign flipped in one entry: read, and wrong.
  assert.notEqual(gradeWithStaffKey(github.replace('49 & 68', '-49 & 68'), 'hw4.md').get('3.d.i'), 'correct');
});

test("``x`` is math in Julia's Markdown only; a fence of another language stays code", () => {
  assert.equal(mathFencesAsMath('md"""\nthe size is ``5 \\times 5``\n"""'), 'md"""\nthe size is $5 \\times 5$\n"""');
  assert.equal(mathFencesAsMath('a code span ``x`y`` in plain Markdown'), 'a code span ``x`y`` in plain Markdown');
  const py = ['```python', 'x = np.array([[1, 2], [3, 4]])', '```'].join('\n');
  assert.equal(mathFencesAsMath(py), py);
  assert.equal(mathFencesAsMath(['~~~math', 'x^2', '~~~'].join('\n')), ['$$', 'x^2', '$$'].join('\n'));
});

/** A Markdown report whose summary table points at the matrix and table printed in its sections, which no label heads. */
const report = [
  '# Model report',
  '',
  '## The 2D convolution',
  '',
  'The model flipped the kernel and slid it over the valid positions:',
  '',
  '$$y = \\begin{bmatrix} -40 & -40 & -40 \\\\ -40 & -40 & -40 \\\\ -40 & -40 & -40 \\end{bmatrix}$$',
  '',
  '## The network, layer by layer',
  '',
  '| Layer | Parameters | Activations |',
  '| --- | --- | --- |',
  '| CONV3-10 | 100 | 28 × 28 × 10 |',
  '| POOL2 | 0 | 14 × 14 × 10 |',
  '| CONV3-10 | 910 | 14 × 14 × 10 |',
  '| POOL2 | 0 | 7 × 7 × 10 |',
  '| FLATTEN | 0 | 490 |',
  '| FC-3 | 1473 | 3 |',
  '',
  '## Summary',
  '',
  '| Part | Answer | Mark |',
  '| --- | --- | --- |',
  '| 3(c) | every entry is −40 | ✓ |',
  '| 4(e) | see the table above | ✓ |',
  '',
].join('\n');

test('an answer that points at a table above or describes a matrix by its entries reads as that object', { skip: devSkip }, () => {
  const g = gradeWithStaffKey(report, 'report.md');
  assert.deepEqual([g.get('3.c'), g.get('4.e')], ['correct', 'correct']);
});

test('a reference that finds nothing above, or a matrix whose entries are not the ones described, is doubted, never a garbled product', { skip: devSkip }, () => {
  // (The section's matrix is +40 everywhere: "every entry is −40" describes no matrix above.)
  const other = report.replace(/-40/g, '40');
  const read = readWithStaffKey(other, 'report.md').responses.find((r) => r.partId === '3.c')!;
  assert.match(read.alignmentDoubt ?? '', /refers to an object/);
  assert.notEqual(gradeWithStaffKey(other, 'report.md').get('3.c'), 'correct');
  const nothing = ['## Q3 (d)', '', '(i) the 5x5 above', ''].join('\n');
  const g = gradeWithStaffKey(nothing, 'n.md');
  assert.ok(['needs-review', 'unparseable'].includes(g.get('3.d.i')!), g.get('3.d.i'));
  // "all" in a sentence about something else is no description of a matrix.
  const sentence = ['## Q4 (b)', '', 'all layers keep depth C: (⌊(W − K)/S⌋ + 1) × (⌊(H − K)/S⌋ + 1) × C', ''].join('\n');
  assert.equal(gradeWithStaffKey(sentence, 's.md').get('4.b'), 'correct');
});

/** A notebook's Markdown cells exported as text (nbconvert): its matrices written for MathJax with no `$$` around them. */
const notebook = [
  '## Problem 3',
  '',
  '(c) The output of the valid convolution is',
  '',
  '\\begin{bmatrix}',
  '-40 & -40 & -40 \\\\',
  '-40 & -40 & -40 \\\\',
  '-40 & -40 & -40',
  '\\end{bmatrix}',
  '',
  '(d) i. With zero padding 1 and stride 1:',
  '',
  'y = \\begin{pmatrix}',
  '-19 & -28 & -32 & -36 & -29 \\\\',
  '-30 & -40 & -40 & -40 & -30 \\\\',
  '-30 & -40 & -40 & -40 & -30 \\\\',
  '-30 & -40 & -40 & -40 & -30 \\\\',
  '49 & 68 & 72 & 76 & 59',
  '\\end{pmatrix}.',
  '',
].join('\n');

test('a math environment over several lines with its delimiters lost is one formula', { skip: devSkip }, () => {
  const g = gradeWithStaffKey(notebook, 'export.md');
  assert.deepEqual([g.get('3.c'), g.get('3.d.i')], ['correct', 'correct']);
  assert.notEqual(gradeWithStaffKey(notebook.replace('49 & 68', '-49 & 68'), 'export.md').get('3.d.i'), 'correct');
});

test('an environment inside math already, in code, on one line, or in a LaTeX document is left as written; lines keep their numbers', () => {
  const set = bareEnvironmentsAsDisplays(['y = \\begin{bmatrix}', '1 & 2', '\\end{bmatrix}, so'].join('\n'));
  assert.equal(set, ['$$y = \\begin{bmatrix}', '1 & 2', '\\end{bmatrix}$$, so'].join('\n'));
  for (const kept of [
    ['$$', '\\begin{bmatrix}', '1 & 2', '\\end{bmatrix}', '$$'].join('\n'),
    ['\\[ A = \\begin{pmatrix}', '1 & 2', '\\end{pmatrix} \\]'].join('\n'),
    ['\\begin{align}', 'A &= \\begin{bmatrix}', '1 & 2', '\\end{bmatrix}', '\\end{align}'].join('\n'),
    ['```latex', '\\begin{bmatrix}', '1 & 2', '\\end{bmatrix}', '```'].join('\n'),
    'A = \\begin{bmatrix} 1 & 2 \\end{bmatrix}',
    ['\\documentclass{article}', '\\begin{document}', '\\[\\begin{bmatrix}', '1', '\\end{bmatrix}\\]', '\\end{document}'].join('\n'),
  ])
    assert.equal(bareEnvironmentsAsDisplays(kept), kept);
});

test("an answer that only names another part's ('same as (c)') reads as that part's answer; one naming a part not answered is doubted", { skip: devSkip }, () => {
  const doc = ['## Question 2', '', '(b) $c = 1/\\sqrt{d_{in}}$', '', '(c) $\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}$, so the largest step is $\\sqrt{d_{out}}$', '', '(e) same as (c)', ''].join('\n');
  assert.equal(gradeWithStaffKey(doc, 'q2.md').get('2.e'), 'correct');
  const read = readWithStaffKey(doc.replace('same as (c)', 'same as (d)'), 'q2.md').responses.find((r) => r.partId === '2.e')!;
  assert.match(read.alignmentDoubt ?? '', /none was read for 2\.d/);
  // (An answer of its own that mentions another part is read as it stands: here a wrong step size.)
  assert.equal(gradeWithStaffKey(doc.replace('same as (c)', 'as in (c), $\\alpha = 1/d_{out}$'), 'q2.md').get('2.e'), 'incorrect');
});
