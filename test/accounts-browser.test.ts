import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { inviteUser } from '../src/server/accounts.js';
import { startServer } from '../src/server/serve.js';
import { openStore } from '../src/store/db.js';
import { PASSWORD, twoCourses } from './fixtures/accounts.js';
import { BROWSER, BROWSER_ARGS, logIn, strictPage } from './fixtures/browser.js';
import { freshSqlite } from './fixtures/pg.js';

const SHOTS = fileURLToPath(new URL('../../test-output/', import.meta.url));

test('login page in Chromium: a wrong password is told, a TA sees their course and no key change, a read-only member no override, logout, an invite link', async (t) => {
  if (!BROWSER) return t.skip('no Debian chromium on this machine (apt-get install chromium): browser test not run');
  const at = freshSqlite();
  await twoCourses(at);
  const store = await openStore(at);
  const { token } = await inviteUser(store, { name: 'newta', role: 'ta', course: 'Course B', by: 'prof', days: 7 });
  await store.close();
  const server = await startServer({ db: at, port: 0 });
  const browser = await chromium.launch({ executablePath: BROWSER, args: BROWSER_ARGS });
  const errors: string[] = [];
  mkdirSync(SHOTS, { recursive: true });
  try {
    const page = await strictPage(browser, errors);
    await page.goto(server.url);
    await page.waitForSelector('#login:not([hidden])');
    assert.match(page.url(), /\/login$/, 'the app sends a visitor without a session to the login page');
    assert.equal(await page.locator('#invite').isVisible(), false, 'one form at a time');

    await logIn(page, 'ta', 'not the password');
    await page.waitForSelector('#status.error');
    assert.equal(await page.locator('#status').innerText(), 'wrong user name or password');
    // The one console line that failed login causes is Chromium reporting the 401 itself.
    assert.deepEqual(
      errors.splice(0).filter((e) => !/status of 401/.test(e)),
      [],
    );
    await page.screenshot({ path: join(SHOTS, 'login-wrong.png') });

    await logIn(page, 'ta', PASSWORD);
    await page.waitForSelector('#grid-rows .row');
    assert.equal(await page.locator('#who-name').innerText(), 'ta');
    const runs = await page.locator('#run option').allInnerTexts();
    assert.equal(runs.length, 2, 'TA of A and instructor of B: both runs');
    assert.match(runs.find((r) => r.includes('Course A'))!, /· ta$/);
    await page.selectOption('#run', { label: runs.find((r) => r.includes('Course A'))! });
    await page.waitForSelector('body[data-role="ta"]');
    await page.locator('#grid-rows .row .cell').nth(3).click();
    await page.waitForSelector('#o-save');
    await page.click('nav button[data-tab="groups"]');
    await page.selectOption('#g-part', '3.a');
    await page.waitForSelector('.group .g-correct');
    assert.equal(await page.locator('.g-accept').count(), 0, 'a TA is not offered a key change');
    await page.screenshot({ path: join(SHOTS, 'login-ta.png') });

    await page.click('#logout');
    await page.waitForSelector('#login:not([hidden])');
    const cookies = await page.context().cookies();
    assert.equal(cookies.filter((c) => c.name.startsWith('partcredit_session')).length, 0, 'logout drops the cookie');

    await logIn(page, 'ro', PASSWORD);
    await page.waitForSelector('#grid-rows .row');
    await page.locator('#grid-rows .row .cell').nth(3).click();
    await page.waitForSelector('#detail .read-only-note');
    assert.equal(await page.locator('#o-save').count(), 0, 'read-only: no override form');
    await page.click('#logout');
    await page.waitForSelector('#login:not([hidden])');

    await page.goto(new URL(`/login#invite=${token}`, server.url).toString());
    await page.waitForSelector('#invite:not([hidden])');
    assert.equal(await page.locator('#login').isVisible(), false);
    await page.fill('#new-password', 'my own long password');
    await page.fill('#new-password-2', 'my own long password');
    await page.click('#invite button');
    await page.waitForSelector('#grid-rows .row');
    assert.equal(await page.locator('#who-name').innerText(), 'newta');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
