import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { plainTexFractions, texinfoAsMarkdown } from '../src/documents/texinfo.js';

// Blind round 43's write-ups in markup languages and note apps' HTML: a Texinfo source (its
// sections, `@math{...}` in plain TeX, `@example` code, `@quotation Answer`) was read as plain text and
// no part was found; a console session copied into a code block (`>>> convolve2d(...)` over the
// `array([[...]])` it printed), in a note app's HTML `<pre><code>` or in Markdown's fence, had every
// line blanked as the program's input, so its printed matrix was lost and a fence marker or a keyword
// argument was read instead. Each in documents of our own, with near misses that stay wrong.

const graded = (file: string) => gradedFixtureFile('markup-dialects', file);

test('a Texinfo write-up laid out with @table items, @subheading parts, @tex and @display is read part by part, plain TeX fractions included', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('texinfo-table-layout.texi'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near miss: the same Texinfo write-up with a wrong value in @math stays wrong there', { skip: devSkip }, async () => {
  const parts = await graded('texinfo-table-layout-near-miss.texi');
  assert.equal(parts['2.d'], 'incorrect: alpha = 1/d_in');
  assert.equal(parts['4.c'], 'incorrect: L (K - 1)');
  assert.equal(parts['2.b'], 'correct: c = 1/sqrt(d_in)');
});

test("a Joplin note's HTML export takes the arrays a Python session printed in its <pre><code>", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('joplin-note-export.html'), {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
  });
});

test('near miss: a wrong array printed in the HTML <pre> stays wrong', { skip: devSkip }, async () => {
  const parts = await graded('joplin-note-export-near-miss.html');
  assert.equal(parts['3.d.ii'], 'incorrect: [-19, -32, -29; -30, -40, -30; 49, 72, 95]');
});

test('a Notion page\'s HTML export takes the arrays a Python session printed in a <code class="language-Python">', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('notion-page-export.html'), {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
  });
});

test('near miss: a wrong array a session printed in a Notion <pre> stays wrong', { skip: devSkip }, async () => {
  assert.equal((await graded('notion-page-export-near-miss.html'))['3.d.ii'], 'incorrect: [-19, -23, -29; -30, -40, -30; 49, 72, 59]');
});

test('an IPython session in a fence named `python` or `py` gives what it printed under Out[n]', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('ipython-session-in-python-fence.md'), {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '3.d.i': 'correct: [-19, -28, -32, -36, -29; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; 49, 68, 72, 76, 59]',
  });
});

test("near miss: a program's own array (no prompt, no output) is its input, and the wrong output printed after it is the answer", { skip: devSkip }, async () => {
  assert.equal((await graded('python-code-only-near-miss.md'))['3.c'], 'incorrect: [40, 40, 40; 40, 40, 40; 40, 40, 40]');
});

test('plain TeX fractions become LaTeX fractions, only for the group they divide', () => {
  assert.equal(plainTexFractions('\\left\\lfloor {W - K \\over S} \\right\\rfloor + 1'), '\\left\\lfloor {\\frac{W - K}{S}} \\right\\rfloor + 1');
  assert.equal(plainTexFractions('a+1 \\over 2'), '\\frac{a+1}{2}');
  assert.equal(plainTexFractions('{n \\choose k}'), '{\\binom{n}{k}}');
  assert.equal(plainTexFractions('\\overline{x} + \\overrightarrow{v}'), '\\overline{x} + \\overrightarrow{v}');
});

test('a text that is no Texinfo (a mail with @mentions, a decorator) stays as it is; broken Texinfo does not throw', () => {
  const mail = '@alice see (c)\n@section is a word here\nanswer @math{x}';
  assert.equal(texinfoAsMarkdown(mail), mail);
  const broken = '\\input texinfo\n@chapter Q2\n@section Part (b)\n@math{c = {1 \\over \\sqrt{d_{in}}\n@example\nno end';
  assert.doesNotThrow(() => texinfoAsMarkdown(broken));
  assert.match(texinfoAsMarkdown(broken), /^# Q2\n\n## Part \(b\)\n/);
});
