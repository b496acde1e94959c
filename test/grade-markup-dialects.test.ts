import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, answeredFixtureParts } from './hw4-dev.js';
import { tiddlyWikiAsMarkdown } from '../src/documents/tiddlywiki.js';
import { bbCodeAsMarkdown } from '../src/documents/bbcode.js';
import { collapsibleBlocksOpened } from '../src/documents/collapsible-blocks.js';
import { wikiHeadingsAsMarkdown } from '../src/documents/wiki-headings.js';
import { derivedValue } from '../src/check/derived-value.js';

// Blind round 35's markup dialects (a TiddlyWiki tiddler, a Discourse topic fetched raw with its
// answers in `[details]` blocks), in other apps' and people's words: a tiddler with `!Problem 2`
// headings, `''Answer:''` and a `|h` table; a raw topic whose reply states other answers; a phpBB post
// in BBCode with a quoted classmate; GitHub's `<details><summary>`; Confluence's `h3.` and `{expand}`;
// AsciiDoc's `== Q4` with none of its other marks. Near misses keep their reading: prose opening on `!`,
// a line of maths opening on `==`, `a[i]` in code, a spoiler that holds the problem's text.

/** Each answered part's verdict and answer as read. */
const graded = (name: string) => answeredFixtureParts('markup-dialects', name);

const CONV = 'weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F';
const POOL = '(⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C';

test("a TiddlyWiki tiddler: `!Problem 2` / `!!(b)` headings, `''Answer:''`, inline `$$...$$` and a `|h` table", { skip: devSkip }, () => {
  assert.deepEqual(graded('tiddler-q2-q4.tid'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '2.c': ['correct', '‖Delta W‖₂ ≤ sqrt(d_out)'],
    '4.c': ['correct', 'L (K - 1) + 1'],
    '4.e': ['correct', '(table)'],
  });
});

test('a raw Discourse topic: the starter\'s `[details="2(b) ..."]` blocks are the answers; a reply\'s other answers and a spoiler of the problem are not', { skip: devSkip }, () => {
  assert.deepEqual(graded('discourse-raw-q2-q7.md'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '2.d': ['correct', 'alpha = 1/sqrt(d_in)'],
    '7.b': [
      'correct',
      'mean: 0; variance: (n - k + 1)^2 sigma_x^2 sigma_g^2; growth: The gradient is a sum of $m^2$ uncorrelated products, $m = n-k+1$. Mean: $0$. Variance: $(n-k+1)^2\\sigma_x^2\\sigma_g^2$. Growth: linear, $O(n)$.',
    ],
  });
});

test('a phpBB post in BBCode: `[b]4(a)[/b]` labels, `[math]` formulas, a `[spoiler]` of working; a quoted classmate answers nothing', { skip: devSkip }, () => {
  assert.deepEqual(graded('phpbb-bbcode-q4.txt'), {
    '4.a': ['correct', CONV],
    '4.b': ['correct', POOL],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test("GitHub's `<details><summary>3(c) ...</summary>`: each fold's title labels it", { skip: devSkip }, () => {
  assert.deepEqual(graded('github-details-q3.md'), {
    '3.c': ['correct', '[-40, -40, -40; -40, -40, -40; -40, -40, -40]'],
    '3.d.ii': ['incorrect', '[-19, -32, -29; -30, -40, -30; 49, 72, 61]'],
  });
});

test("Confluence's wiki markup: `h3. (b) ...` headings and an `{expand:title=(c) ...}` fold", { skip: devSkip }, () => {
  assert.deepEqual(graded('confluence-q4.txt'), {
    '4.b': ['correct', POOL],
    '4.c': ['correct', 'L (K - 1) + 1'],
    '4.f': ['correct', 'g3: [0, 0.8, 0]; g4: [0.8, 0, 0]'],
  });
});

test('AsciiDoc with none of its attributes: `== Q4` heads the `=== (a) ...` under it', { skip: devSkip }, () => {
  assert.deepEqual(graded('asciidoc-plain-week6.adoc'), {
    '4.a': ['correct', CONV],
    '4.b': ['correct', POOL],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test('near miss: prose opening on `!` and maths opening on `==` in a Markdown write-up keep their reading', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-bang-and-equals.md'), {
    '4.b': ['correct', POOL],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});

test("a tiddler's `#` lines are its numbered list, not headings", () => {
  const tid = "type: text/vnd.tiddlywiki\n\n! Q4\n# pad the input\n## then flip the kernel\n''Answer:'' $$L(K-1)+1$$ per side";
  assert.equal(tiddlyWikiAsMarkdown(tid), '# Q4\n1. pad the input\n   1. then flip the kernel\n**Answer:** $L(K-1)+1$ per side');
});

test('near misses: texts that look like a dialect and are not stay as they are', () => {
  const bang = '## Q4 (b)\n\n!important: no padding here.\n\n! note to self: check it.\n\nThe answer is 2.';
  assert.equal(tiddlyWikiAsMarkdown(bang), bang);
  const code = '```\nfor i in range(n):\n    s += a[i] * b[i]\n```\n[1] the lecture notes';
  assert.equal(bbCodeAsMarkdown(code), code);
  const maths = 'RF_L = RF_{L-1} + (K - 1)\n== K + (L - 1)(K - 1)\n\nh1. is a level-one heading in Textile.';
  assert.equal(wikiHeadingsAsMarkdown(maths), maths);
  assert.equal(collapsibleBlocksOpened('details="x" in a sentence, no fold'), 'details="x" in a sentence, no fold');
});

test("a labelled statement's arrow after a formula its words lead into concludes; a formula's own arrow does not", () => {
  assert.equal(derivedValue('$F$ filters of size $K\\times K\\times C$ → $K^2CF$', 'weights'), '$K^2CF$');
  assert.equal(derivedValue('$6\\times6\\times3$ → $2\\times2\\times3$'), undefined);
  assert.equal(derivedValue('x → x²'), undefined);
});
