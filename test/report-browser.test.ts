import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { submissionHtml, summaryHtml } from '../src/report/html.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(ROOT, 'examples', 'demo');
const BROWSER = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

test('the annotated report in a real browser: formulas typeset, a callout per part, offline', async (t) => {
  if (!BROWSER) return t.skip('no Debian chromium on this machine (apt-get install chromium): browser test not run');
  const { key } = loadKey(readFileSync(join(DEMO, 'key.yaml'), 'utf8'));
  const set = parseProblemSet(readFileSync(join(DEMO, 'problems.md'), 'utf8'));
  const text = readFileSync(join(DEMO, 'submissions', 'chat-transcript.md'), 'utf8');
  const sub = readSubmission(text, 'chat', key!, set);
  const grade = gradeSubmission(key!, sub);
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-html-'));
  writeFileSync(join(dir, 'chat.html'), submissionHtml({ name: 'chat', text, responses: sub.responses, ...(sub.messages ? { messages: sub.messages } : {}) }, grade));
  writeFileSync(join(dir, 'index.html'), summaryHtml([grade], 'Demo', new Map([['chat', 'chat.html']])));
  const browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${join(dir, 'chat.html')}`);
    assert.equal(await page.locator('aside.callout').count(), 7);
    assert.ok((await page.locator('.katex').count()) > 10, 'formulas are typeset by KaTeX');
    assert.equal(await page.locator('.katex-error').count(), 0);
    const firstCallout = await page.locator('#part-2\\.a').innerText();
    assert.match(firstCallout, /correct/);
    assert.match(firstCallout, /first answer: incorrect/);
    // KaTeX's fonts are inlined: the page asks for nothing beyond itself.
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
    const fontLoaded = await page.evaluate(`document.fonts.ready.then(() => document.fonts.check('16px KaTeX_Main'))`);
    assert.ok(fontLoaded, 'KaTeX_Main is available from the inlined font');
    await page.goto(`file://${join(dir, 'index.html')}`);
    assert.equal(await page.locator('table tr').count(), 9); // header, 7 parts, totals
    await page.click('a[href="chat.html"]');
    assert.match(await page.title(), /chat/);
  } finally {
    await browser.close();
  }
});
