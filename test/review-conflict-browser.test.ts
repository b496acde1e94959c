import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/serve.js';
import { Store } from '../src/store/db.js';
import { overridesOf } from '../src/store/overrides.js';
import { BROWSER, BROWSER_ARGS, strictPage } from './fixtures/browser.js';
import { demoStore } from './fixtures/review.js';

// Two reviewers in two browsers on one part: the second, saving over a view read before the first's change, is told and keeps their entry; nothing is overwritten unseen.
test('review app in Chromium: an override over a stale view is refused and shown; saved again after reading, both are kept', async (t) => {
  if (!BROWSER) return t.skip('no Debian chromium on this machine (apt-get install chromium): browser test not run');
  const env = await demoStore();
  const server = await startServer({ db: env.db, port: 0, author: 'staff' });
  const browser = await chromium.launch({ executablePath: BROWSER, args: BROWSER_ARGS });
  const errors: string[] = [];
  try {
    const open = async (who: string) => {
      const page = await strictPage(browser, errors);
      await page.goto(server.url);
      await page.evaluate(`localStorage.setItem('partcredit-user', ${JSON.stringify(who)})`);
      await page.waitForSelector('#grid-rows .row');
      await page.fill('#q', 'bob');
      await page.focus('#grid');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#detail h2:has-text("bob.md · 3.a")');
      return page;
    };
    const first = await open('ta1');
    const second = await open('ta2');
    // The submission is typeset in the browser from the Markdown the server sent.
    assert.match(await second.locator('#detail .answer-here').innerText(), /c\s*=\s*1/);
    assert.ok((await second.locator('#detail .sub-text .katex').count()) >= 1, 'formulas in the submission are typeset');

    await first.selectOption('#o-verdict', 'partial');
    await first.fill('#o-points', '1');
    await first.fill('#o-comment', 'ta1: root missing');
    await first.click('#o-save');
    await first.waitForSelector('#status:has-text("saved: bob.md 3.a")');

    // ta2 still shows the part as it was before ta1's change.
    await second.selectOption('#o-verdict', 'correct');
    await second.fill('#o-comment', 'ta2: fine as is');
    await second.click('#o-save');
    await second.waitForSelector('#stale-note');
    assert.match(await second.locator('#stale-note').innerText(), /Not saved: .*ta1 changed this part meanwhile.*set partial 1 point\(s\), "ta1: root missing"/);
    assert.match(await second.locator('#status').innerText(), /not saved/);
    // The view now shows ta1's change; ta2's entry is still in the form.
    assert.match(await second.locator('#detail .history').innerText(), /ta1: partial \(1\)/);
    assert.equal(await second.inputValue('#o-comment'), 'ta2: fine as is');
    assert.equal(await second.inputValue('#o-verdict'), 'correct');
    assert.equal(await second.locator('#grid-rows .cell.overridden').count(), 1, "ta1's override shows in ta2's grid too");

    // Having read it, ta2 saves again: accepted on top of ta1's, and the note is gone.
    await second.click('#o-save');
    // `has-text` is a substring: "not saved: bob.md 3.a ..." (the refusal still shown) would match it.
    await second.waitForSelector('#status:text-matches("^saved: bob\\.md 3\\.a")');
    assert.equal(await second.locator('#stale-note').count(), 0);
    assert.match(await second.locator('#detail .history').innerText(), /ta2: correct \(2\), was partial \(1\)/);
    // The browser logs the refused request (409) itself; nothing else may go wrong.
    assert.deepEqual(
      errors.filter((e) => !/status of 409/.test(e)),
      [],
    );
  } finally {
    await browser.close();
    await server.close();
  }
  const store = new Store(env.db);
  const rows = await overridesOf(store, 1);
  await store.close();
  assert.deepEqual(
    rows.map((r) => [r.author, r.verdict, r.comment]),
    [
      ['ta1', 'partial', 'ta1: root missing'],
      ['ta2', 'correct', 'ta2: fine as is'],
    ],
  );
});
