import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/serve.js';
import { BROWSER, BROWSER_ARGS, strictPage } from './fixtures/browser.js';
import { demoStore } from './fixtures/review.js';

const SHOTS = fileURLToPath(new URL('../../test-output/', import.meta.url));

test('review app in Chromium: review → override → group → export, no console error', async (t) => {
  if (!BROWSER) return t.skip('no Debian chromium on this machine (apt-get install chromium): browser test not run');
  const env = await demoStore({
    'mallory.md': 'Problem 3: Part (a)\n$c = 1/d_{in}$ <script>window.__xss=1</script> <img src=x onerror="window.__xss=2"> [x](javascript:window.__xss=3) $\\href{javascript:window.__xss=4}{y}$\n',
  });
  const server = await startServer({ db: env.db, port: 0, author: 'ta1' });
  const browser = await chromium.launch({ executablePath: BROWSER, args: BROWSER_ARGS });
  const errors: string[] = [];
  mkdirSync(SHOTS, { recursive: true });
  try {
    const page = await strictPage(browser, errors);
    await page.setViewportSize({ width: 1400, height: 900 });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url.replace(/\/$/, ''))) outside.push(r.url());
    });
    await page.goto(server.url);
    await page.waitForSelector('#grid-rows .row');
    assert.equal(await page.locator('#grid-rows .row').count(), 5);
    // needs review first: mallory's low-confidence answers sort to the top? at least the grid has them all.
    await page.screenshot({ path: join(SHOTS, 'review-grid.png') });

    // Review: keyboard to bob's 3.a, Enter opens the part view with the answer marked.
    await page.fill('#q', 'bob');
    assert.equal(await page.locator('#grid-rows .row').count(), 1);
    await page.focus('#grid');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail h2');
    assert.match(await page.locator('#detail h2').innerText(), /bob\.md · 3\.a/);
    assert.match(await page.locator('#detail .answer-here').innerText(), /c\s*=\s*1/);
    assert.ok((await page.locator('#detail dd .katex').count()) >= 2, 'the answer and the expected one are typeset');
    assert.ok((await page.locator('#detail .katex .sqrt svg path').count()) >= 1, 'the expected 1/sqrt(d_in) shows its radical');

    // Override.
    await page.selectOption('#o-verdict', 'partial');
    await page.fill('#o-points', '1');
    await page.fill('#o-comment', 'right idea, root missing');
    await page.click('#o-save');
    await page.waitForSelector('#grid-rows .cell.overridden');
    // (The grid marks the cell when the save returns; the part's view is shown again after, from the stored run: wait for it.)
    await page.locator('#detail .history', { hasText: 'ta1: partial' }).waitFor();
    assert.match(await page.locator('#detail .history').innerText(), /ta1: partial \(1\), was incorrect \(0\) — right idea, root missing/);
    await page.screenshot({ path: join(SHOTS, 'review-override.png') });

    // The hostile submission's text is shown as text.
    await page.fill('#q', 'mallory');
    await page.locator('#grid-rows .row .cell').nth(3).click();
    await page.waitForSelector('#detail h2:has-text("mallory")');
    assert.match(await page.locator('#detail .sub-text').innerText(), /<script>window.__xss=1<\/script>/);
    assert.equal(await page.evaluate('window.__xss'), undefined);
    assert.equal(await page.locator('#detail a[href^="javascript" i]').count(), 0);

    // Group: 3.a's answers, equivalent forms together; grade the group of 1/sqrt(d_in) at once.
    await page.click('nav button[data-tab="groups"]');
    await page.selectOption('#g-part', '3.a');
    await page.waitForSelector('.group');
    const first = page.locator('.group').first();
    assert.match(await first.locator('.g-count').innerText(), /3 submissions/);
    await first.locator('.g-correct').click();
    await page.waitForSelector('#status:has-text("graded 3 submissions")');
    assert.match(await page.locator('#g-part').inputValue(), /^3\.a$/, 'the part stays chosen after the reload');
    await page.screenshot({ path: join(SHOTS, 'review-groups.png') });

    // Agreement.
    await page.click('nav button[data-tab="agreement"]');
    await page.waitForSelector('#agreement tr:nth-child(2)');
    assert.match(await page.locator('#agreement').innerText(), /3\.a/);

    // Export: the gradebook with the override applied.
    await page.click('nav button[data-tab="export"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#x-grades')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv.split('\n').find((l) => l.startsWith('bob.md'))!, /^bob\.md,2,1,0,1,/);
    // Canvas: a roster with a quoted "Last, First" name, read by the server's CSV parser.
    await page.setInputFiles('#x-roster', { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('Student,ID,SIS User ID,SIS Login ID,Section\n"Stone, Bob",1002,s2,bob,A\n') });
    await page.fill('#x-assignment', 'HW 1');
    const [canvas] = await Promise.all([page.waitForEvent('download'), page.click('#x-canvas')]);
    const canvasCsv = readFileSync((await canvas.path())!, 'utf8');
    assert.equal(canvasCsv.split('\n')[2], '"Stone, Bob",1002,s2,bob,A,4');
    await page.screenshot({ path: join(SHOTS, 'review-export.png') });
    assert.deepEqual(outside, [], 'the app asks nothing of the network beyond itself');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
