import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, answeredFixtureParts } from './hw4-dev.js';
import { templateTagsAsMarkdown } from '../src/documents/template-tags.js';

// Blind round 36's DEV article wrote its maths in Liquid tags (`{% katex inline %}K = 3{% endkatex %}`),
// read as the tags' words. Here the same class in other platforms' words: a Jekyll post (jekyll-katex's
// `{% katex %}` / `{% katex display %}`, `{% raw %}` around `$$`, a `{% highlight %}` block, an
// `{% include %}` figure), a Hugo post (`{{< katex >}}` as a page switch and as a pair, `{{% math %}}`,
// `{{< math >}}` around its own `$$`, `{{< figure >}}`, `{{< youtube >}}`), a WordPress post (`[katex]`,
// `[latex display="true"]`, Jetpack's `$latex ...&s=1$`, `[embed]`). Near misses stay as written: a Jinja
// template in a fenced block (with a katex tag in it), a shortcode in a code span, a student's
// `{{ remark }}` in double braces, a LaTeX set `\{0, 1\}`.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'template-math', name), 'utf8');

/** Each answered part's verdict and answer as read. */
const graded = (name: string) => answeredFixtureParts('template-math', name);

const CONV = 'weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F';
const POOL = '(⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C';
const RF = 'L (K - 1) + 1';

test('a Jekyll post: `{% katex %}` inline and `{% katex display %}` blocks, `{% raw %}` around `$$`; an include is no answer', { skip: devSkip }, () => {
  assert.deepEqual(graded('jekyll-katex-q4.md'), { '4.a': ['correct', CONV], '4.b': ['correct', POOL], '4.c': ['correct', RF] });
});

test('a Hugo post: `{{< katex >}}` pairs, `{{% math %}}`, `{{< math >}}` around its own `$$`; a figure shortcode is no answer', { skip: devSkip }, () => {
  assert.deepEqual(graded('hugo-shortcodes-q2.md'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '2.c': ['correct', '‖Delta W‖₂ ≤ sqrt(d_out)'],
    '2.d': ['correct', 'alpha ≤ 1/(c d_in)'],
  });
});

test('a WordPress post: `[katex]`, `[latex display="true"]`, Jetpack\'s `$latex ...&s=1$`; an `[embed]` is no answer', { skip: devSkip }, () => {
  assert.deepEqual(graded('wordpress-shortcodes-q4.txt'), { '4.a': ['correct', CONV], '4.b': ['correct', POOL], '4.c': ['correct', RF] });
});

test('near misses beside `{% katex inline %}` answers: a Jinja fence, a code span, a `{{ remark }}`, a LaTeX set stay as written', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-templates-q4.md'), { '4.b': ['correct', POOL], '4.c': ['correct', RF] });
  const read = templateTagsAsMarkdown(fixture('near-miss-templates-q4.md'));
  for (const kept of [
    '{% for part in parts %}',
    '| {{ part.id }} | {% katex inline %}{{ part.answer }}{% endkatex %} |',
    '`{{< katex >}}`',
    '{{ my remark: it first said 2K, then corrected itself }}',
    "the set \\{0, 1, \\dots, W'-1\\}",
  ])
    assert.ok(read.includes(kept), kept);
  assert.ok(read.includes('Final: $L(K-1)+1$'));
});

test('each line keeps its number, and a text with no template tag is returned as it is', () => {
  const post = 'Intro\n\n{% katex display %}\nK^2 C F\n{% endkatex %}\n\n{% embed https://example.org/x %}\nlast';
  assert.equal(templateTagsAsMarkdown(post), 'Intro\n\n$$\nK^2 C F\n$$\n\n\nlast');
  const plain = 'A set $\\{0, 1\\}$ and {{ a remark }}, 50% {done}.';
  assert.equal(templateTagsAsMarkdown(plain), plain);
});
