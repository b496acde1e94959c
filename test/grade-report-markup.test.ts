import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { isRestructuredText, restructuredTextAsMarkdown } from '../src/documents/restructured-text.js';
import { withoutQuoteVerdicts } from '../src/documents/quote-verdicts.js';

// Course reports written in reStructuredText (issue 9, blind round 27: a Sphinx report quoting the
// model in `.. epigraph::` blocks, each followed by `Verdict 1(a): **PASS**.`), in a build and words
// of our own: a notebook page with `.. pull-quote::` excerpts, titles over- and underlined with other
// characters, and `Assessment: *OK*` after each quote. Its titles and directives are read as
// Markdown; the verdicts after the quotes are the person's, and a part a verdict names heads the
// quote it judges. The same report in Markdown (a Notion export quoting with `>`, `Rating 1(a):
// **GOOD**`) is read the same way.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'report-markup', name), 'utf8');
const verdicts = (text: string) => Object.fromEntries(gradeWithStaffKey(text, 'report.rst'));

test("an rST report's quotes are the model's answers; the verdicts after them are no answers, and name the parts of unlabelled quotes", { skip: devSkip }, () => {
  const text = fixture('sphinx-pull-quotes.rst');
  // (4(c)'s assessment gives the right L(K-1)+1 as the person's correction: the model's L(K-1) is what is graded.)
  assert.deepEqual(verdicts(text), { '1.a': 'correct', '1.b': 'correct', '2.e': 'correct', '2.g': 'correct', '4.c': 'incorrect' });
  const md = restructuredTextAsMarkdown(text);
  assert.doesNotMatch(md, /Assessment|^\.\. |:depth:/m);
  assert.match(md, /^# Lab notebook/m);
  assert.match(md, /^### Q2\(e\)$/m);
});

test("near miss: a student's own rST write-up keeps its `Answer: **...**` lines, which follow no quote", { skip: devSkip }, () => {
  const text = fixture('own-solutions.rst');
  assert.ok(isRestructuredText(text));
  assert.match(restructuredTextAsMarkdown(text), /Answer: \*\*EXPLODE\*\*/);
  assert.deepEqual(verdicts(text), { '2.b': 'correct', '2.g': 'correct' });
});

test('near miss: a paragraph after a quote whose lead opens no other such paragraph is kept', () => {
  const text = ['Report', '======', '', '.. epigraph::', '', '   The gradients explode.', '', 'Note: **IMPORTANT** the chat was cut here.', ''].join('\n');
  assert.match(restructuredTextAsMarkdown(text), /Note: \*\*IMPORTANT\*\*/);
});

test('near miss: answers after quoted questions (`Answer: **EXPLODE**`, `Answer: **YES**`) repeat a lead but no mark: they are kept', () => {
  const text = [
    'Homework 4',
    '==========',
    '',
    '.. epigraph::',
    '',
    '   (g) Do the backpropagated gradients explode or vanish?',
    '',
    'Answer: **EXPLODE**, by a factor of :math:`\\sqrt{d_{out}}` per layer.',
    '',
    '.. epigraph::',
    '',
    '   (h) Is the update still stable with the rescaled gradients?',
    '',
    'Answer: **YES**',
    '',
  ].join('\n');
  const md = restructuredTextAsMarkdown(text);
  assert.match(md, /Answer: \*\*EXPLODE\*\*/);
  assert.match(md, /Answer: \*\*YES\*\*/);
});

test('near miss: Markdown with setext titles and no directive is not reStructuredText', () => {
  const text = ['Question 2', '==========', '', '(b) $c = 1/\\sqrt{d_{in}}$', '', 'Verdict: **PASS**', ''].join('\n');
  assert.equal(isRestructuredText(text), false);
  assert.equal(restructuredTextAsMarkdown(text), text);
});

test("a Markdown report's `>` quotes are judged by the verdicts after them, which are no answers and name the quotes' parts", { skip: devSkip }, () => {
  const text = fixture('notion-quoted-excerpts.md');
  assert.deepEqual(verdicts(text), { '1.a': 'correct', '1.b': 'correct', '4.c': 'incorrect' });
  assert.doesNotMatch(withoutQuoteVerdicts(text), /Rating/);
});

test("near miss: a chat whose person's turns are `>` quotes keeps the model's `Answer: **Yes**` lines after them", () => {
  const text = [
    '> Is the update still stable after rescaling?',
    '',
    'Answer: **Yes**, the spectral norm stays at most 1.',
    '',
    '> And with circular padding, is the output shift invariant?',
    '',
    'Answer: **Yes**',
    '',
  ].join('\n');
  assert.equal(withoutQuoteVerdicts(text), text);
});

test('an rST `csv-table` (its header an option, its cells quoted) is a Markdown table as a `list-table` is', () => {
  const text = [
    'Summary',
    '=======',
    '',
    '.. csv-table:: Results',
    '   :header: "Part", "Answer", "Mark"',
    '   :widths: 5, 20, 5',
    '',
    '   "2(b)", "c = 1/sqrt(d_in)", "OK"',
    '   "4(c)", "L(K-1), off by one", "BAD"',
    '',
  ].join('\n');
  const md = restructuredTextAsMarkdown(text);
  assert.match(md, /^\| Part \| Answer \| Mark \|$/m);
  assert.match(md, /^\| 4\(c\) \| L\(K-1\), off by one \| BAD \|$/m);
  assert.doesNotMatch(md, /csv-table|:widths:/);
});
