import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { answerSpans, submissionHtml, summaryHtml } from '../src/report/html.js';
import { renderMarkdown, typesetAnswer } from '../src/report/markdown-math.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(ROOT, 'examples', 'demo');
import { BROWSER, BROWSER_ARGS, strictPage } from './fixtures/browser.js';

const { key } = loadKey(readFileSync(join(DEMO, 'key.yaml'), 'utf8'));
const set = parseProblemSet(readFileSync(join(DEMO, 'problems.md'), 'utf8'));

/** A write-up with Markdown, and with every kind of script injection a submission can try. */
export const HOSTILE = `# Homework 1

Problem 1: Part (a)
| layer | shape |
|---|---|
| conv | $28 \\times 28 \\times 16$ |

So the output is $28 \\times 28 \\times 16$.

Problem 3: Part (a)
- first, $\\mathrm{Var}(y) = c^2 d_{in}$
- so $c = 1/\\sqrt{d_{in}}$ <script>window.__xss = 1</script>

<img src=x onerror="window.__xss = 2">
[click me](javascript:window.__xss=3) and $\\href{javascript:window.__xss=4}{there}$

\`\`\`
code stays code
\`\`\`

Problem 4: Part (b)
It goes to the maximum.
`;

test('Markdown and KaTeX: no line break inside KaTeX output, raw HTML escaped, javascript: links dropped', () => {
  const html = renderMarkdown('a $\\sqrt{x}$ b\nc\n\n<b>x</b> [l](javascript:alert(1)) $\\href{javascript:alert(1)}{y}$');
  for (const katexSpan of html.match(/<span class="katex">[\s\S]*?<\/math>/g) ?? []) assert.doesNotMatch(katexSpan, /<br>/);
  assert.match(html, /<svg[^>]*>.*<path d="M/s, 'the radical is an SVG path');
  assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
  assert.doesNotMatch(html, /href="javascript/i);
  assert.doesNotMatch(html, /<a [^>]*href="javascript/i);
});

test('answers are typeset when they are mathematics, shown as text when they are prose', () => {
  for (const math of ['c = 1/sqrt(d_in)', 'c d_out d_in^2', '[4, 4; 4, 4]', '28 × 28 × 16', '\\frac{1}{\\sqrt{d_{in}}}']) assert.match(typesetAnswer(math), /^<span class="katex">/, math);
  for (const prose of ['maximum | max | argmax', 'It goes to the maximum.']) assert.match(typesetAnswer(prose), /^<span class="answer-text">/, prose);
  assert.match(typesetAnswer('c = 1/sqrt(d_in)'), /<svg/, 'sqrt(...) becomes a radical');
  assert.equal(typesetAnswer('<img src=x onerror=alert(1)> and more words'), '<span class="answer-text">&lt;img src=x onerror=alert(1)&gt; and more words</span>');
});

test('a callout follows the line where its answer ends, not the next part heading', () => {
  const sub = readSubmission(HOSTILE, 'hostile.md', key!, set);
  const spans = answerSpans({ name: 'h', text: HOSTILE, responses: sub.responses });
  const lines = HOSTILE.split('\n');
  const a = spans.get('1.a')!;
  assert.match(lines[a.end - 1]!, /So the output is/);
  const b = spans.get('4.b')!;
  assert.match(lines[b.end - 1]!, /maximum/);
});

test('the annotated report in a real browser: formulas typeset, radicals drawn, a callout per part, offline', async (t) => {
  if (!BROWSER) return t.skip('no Debian chromium on this machine (apt-get install chromium): browser test not run');
  const text = readFileSync(join(DEMO, 'submissions', 'chat-transcript.md'), 'utf8');
  const sub = readSubmission(text, 'chat', key!, set);
  const grade = gradeSubmission(key!, sub);
  const hostile = readSubmission(HOSTILE, 'hostile.md', key!, set);
  const hostileGrade = gradeSubmission(key!, hostile);
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-html-'));
  writeFileSync(join(dir, 'chat.html'), submissionHtml({ name: 'chat', text, responses: sub.responses, ...(sub.messages ? { messages: sub.messages } : {}) }, grade));
  writeFileSync(join(dir, 'hostile.html'), submissionHtml({ name: '<img src=x onerror=alert(1)>', text: HOSTILE, responses: hostile.responses }, hostileGrade));
  writeFileSync(join(dir, 'index.html'), summaryHtml([grade, hostileGrade], 'Demo', new Map([['chat', 'chat.html']])));
  const browser = await chromium.launch({ executablePath: BROWSER, args: BROWSER_ARGS });
  const errors: string[] = [];
  try {
    const page = await strictPage(browser, errors);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${join(dir, 'chat.html')}`);
    assert.equal(await page.locator('aside.callout').count(), 7);
    assert.ok((await page.locator('.katex').count()) > 10, 'formulas are typeset by KaTeX');
    assert.equal(await page.locator('.katex-error').count(), 0);
    // c = 1/\sqrt{d_in}: the radical sign is drawn (an SVG path with a size), not lost to a <br>.
    const radical = page.locator('.katex .sqrt svg path').first();
    assert.ok((await radical.getAttribute('d'))!.length > 100, 'the radical has its path');
    const box = await page.locator('.katex .sqrt svg').first().boundingBox();
    assert.ok(box && box.width > 5 && box.height > 5, `the radical is drawn (${JSON.stringify(box)})`);
    assert.equal(await page.locator('.katex br').count(), 0);
    const firstCallout = await page.locator('#part-2\\.a').innerText();
    assert.match(firstCallout, /correct/);
    assert.match(firstCallout, /first answer: incorrect/);
    // The expected answer is typeset, not raw LaTeX.
    assert.ok((await page.locator('#part-3\\.a .expected .katex').count()) === 1, 'the expected answer is typeset');
    assert.doesNotMatch(await page.locator('#part-3\\.a').innerText(), /\\frac/);
    // KaTeX's fonts are inlined: the page asks for nothing beyond itself.
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')),
      [],
    );
    const fontLoaded = await page.evaluate(`document.fonts.ready.then(() => document.fonts.check('16px KaTeX_Main'))`);
    assert.ok(fontLoaded, 'KaTeX_Main is available from the inlined font');

    await page.goto(`file://${join(dir, 'hostile.html')}`);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate('window.__xss'), undefined, 'no script from the submission ran');
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript" i]').count(), 0);
    assert.equal(await page.locator('h1').count(), 2, 'the Markdown heading is a heading');
    assert.equal(await page.locator('table td').count(), 2, 'the Markdown table is a table');
    assert.equal(await page.locator('ul li').count(), 2, 'the Markdown list is a list');
    assert.match(await page.locator('pre code').innerText(), /code stays code/);
    // The 1.a callout stands after its table and sentence, before part 3's list.
    const order = await page.evaluate(`[...document.querySelectorAll('aside.callout, ul')].map((e) => e.id || e.tagName)`);
    assert.deepEqual((order as string[]).slice(0, 2), ['part-1.a', 'UL']);

    await page.goto(`file://${join(dir, 'index.html')}`);
    assert.equal(await page.locator('table tr').count(), 4); // header, a row per submission, right
    assert.equal(await page.locator('table tr').first().locator('th').count(), key!.parts.length + 2);
    await page.click('a[href="chat.html"]');
    assert.match(await page.title(), /chat/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
