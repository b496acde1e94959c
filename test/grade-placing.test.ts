import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { stampedSenderTurns } from '../src/documents/stamped-senders.js';
import { htmlToMarkdown } from '../src/documents/html/index.js';
import { foundIn, statesName } from '../src/check/find-answer.js';

// Two ways a submission hides what a TA reads at a glance. A phone's export of a text-message chat
// with a model heads each message with its stamp on one line and the sender under it (`Me`, or the
// number of a contact with no name), and the person retypes the questions in short: read as turns,
// each reply is placed by what the person asked. An LMS's, a blog's or a wiki's page draws each
// formula as a picture and keeps its TeX in the picture's markup: read from there, the answers are
// formulas, not sentences with holes. Near misses: a question the homework does not ask, words that
// fit two parts, a dated log's headings, a picture described in words.

const DIR = join(ROOT, 'test', 'fixtures', 'placing');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
/** A page is read as the file reader reads it: its Markdown, then the submission. */
const readable = (name: string) => (name.endsWith('.html') ? htmlToMarkdown(fixture(name), name).text : fixture(name));
const verdicts = (name: string) =>
  gradedPartsWithStaffKey(readable(name), name.replace(/\.html$/, '.md'))
    .filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict}`);
const page = readable;

test('a phone’s text-message export (stamp over sender, a number for a contact, read receipts) is read as turns, each reply placed by the question retyped before it', { skip: devSkip }, () => {
  const turns = stampedSenderTurns(fixture('phone-sms-export.txt'));
  assert.equal(turns?.map((m) => m.role[0]).join(''), 'nuauaua');
  // The Gram-matrix request names 1.b alone. The receptive-field request fits 4.c and 4.d about
  // equally (both ask a receptive field): a person decides, never a guess. The batch-size question
  // is no part of the homework: its reply, numbers and all, answers nothing.
  assert.deepEqual(verdicts('phone-sms-export.txt'), ['1.b correct', '4.c needs-review']);
  const field = gradedPartsWithStaffKey(fixture('phone-sms-export.txt'), 't.txt').find((p) => p.id === '4.c')!;
  assert.equal(field.answer, 'L (K - 1) + 1');
  assert.equal(field.candidates?.[0]?.verdict, 'correct');
});

test('near miss: a dated log whose entries are headed `Setup` / `Results` under their stamps is no chat', { skip: devSkip }, () => {
  assert.equal(stampedSenderTurns(fixture('lab-log-stamps.txt')), undefined);
  assert.equal(readWithStaffKey(fixture('lab-log-stamps.txt'), 'log.txt').format, 'writeup');
});

test('an array a plain-text line names (`g3 = [0, 0, 0.8]`) states that answer, so a part with several named answers reads each', () => {
  const found = foundIn('So x3 activates another filter:\ng3 = [0, 0, 0.8]\ng4 = [0.8, 0, 0]');
  assert.ok(found.some((c) => statesName(c.text, 'g3') && c.text === 'g3 = (0, 0, 0.8)'));
  assert.ok(found.some((c) => statesName(c.text, 'g4') && c.text === 'g4 = (0.8, 0, 0)'));
});

test('an index elided with an ellipsis keeps a plain-text statement whole (`E[dw_{h,l}] = Σ E[dy_{i,j}] E[x_{…}] = 0`)', () => {
  const found = foundIn('**Mean.** Each term is a product of independent zero-mean variables, so E[dw_{h,l}] = Σ E[dy_{i,j}] E[x_{…}] = 0.');
  assert.equal(found[0]?.text, 'E[dw_{h,l}] = Σ E[dy_{i,j}] E[x_{…}] = 0');
  assert.ok(statesName(found[0]!.text, 'mean'));
});

test('an LMS essay’s equation pictures (TeX in `title` / `alt`) are read as the formulas they show; a picture described in words stays out', { skip: devSkip }, () => {
  const text = page('moodle-essay.html');
  assert.match(text, /^\$\$2c\\,d_\{out\}\^2 d_\{in\}\$\$$/m);
  assert.match(text, /so \$g_3 = \[0, 0\.8, 0\]\^T\$ and/);
  assert.doesNotMatch(text, /plot of/);
  assert.deepEqual(verdicts('moodle-essay.html'), ['1.a correct', '1.b correct', '4.c correct', '4.f correct']);
});

test('a blog’s formulas from several plugins: a renderer’s address (WordPress, CodeCogs), MediaWiki’s `{\\displaystyle}` alt, MathType’s `data-mathml`, MathJax 2 with its script gone', {
  skip: devSkip,
}, () => {
  const text = page('blog-post.html');
  assert.match(text, /^\$\$c = \\frac\{1\}\{\\sqrt\{d_\{in\}\}\}\$\$$/m);
  assert.match(text, /\$\\\|\\Delta W\\\|_2 \\le \\sqrt\{d_\{out\}\}\$/);
  assert.ok(text.includes('$\\alpha ={\\frac {1}{\\sqrt {d_{in}}}}$'));
  // MathType's spoken alt (`alpha equals square root of ...`) is a description: its MathML is read.
  assert.match(text, /For Muon: \$\\alpha=\\sqrt\{d_\{out\}\}\$/);
  // A MathJax 2 rendering beside its script is read once, from the script.
  assert.equal(text.match(/O\(n\)/g)?.length, 1);
  assert.deepEqual(verdicts('blog-post.html'), ['2.b correct', '2.c correct', '2.d correct', '2.e correct', '7.b correct']);
});

test('near miss: pictures with no formula in their markup stay pictures (a described alt, an editor’s picture whose alt is words, a plain image)', () => {
  const html = [
    '<p>The output: <img src="plot.png" alt="plot of y[n] from n = -6 to 12"> as computed.</p>',
    '<p>Spoken only: <img class="Wirisformula" src="f.png" alt="x squared plus one"> here.</p>',
    '<p>A figure <img src="https://example.edu/figures/fig1.png" title="Figure 1"> of the network.</p>',
  ].join('\n');
  const text = htmlToMarkdown(html, 'p.html').text;
  assert.doesNotMatch(text, /\$/);
  assert.match(text, /The output:\s+as computed\./);
});
