import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/serve.js';
import { PASSWORD, twoCourses } from './fixtures/accounts.js';
import { BROWSER, BROWSER_ARGS, logIn, strictPage } from './fixtures/browser.js';
import { freshSqlite } from './fixtures/pg.js';

const SHOTS = fileURLToPath(new URL('../../test-output/', import.meta.url));

test('staff page in Chromium: an instructor invites a TA, the TA sets a password from the link and sees the course; roles change; a TA gets no staff page', async (t) => {
  if (!BROWSER) return t.skip('no Debian chromium on this machine (apt-get install chromium): browser test not run');
  const at = freshSqlite();
  await twoCourses(at);
  const server = await startServer({ db: at, port: 0 });
  const browser = await chromium.launch({ executablePath: BROWSER, args: BROWSER_ARGS });
  const errors: string[] = [];
  mkdirSync(SHOTS, { recursive: true });
  try {
    // The instructor: from the app to the staff page by its link, then an invite.
    const prof = await strictPage(browser, errors);
    await prof.goto(server.url);
    await logIn(prof, 'prof', PASSWORD);
    await prof.waitForSelector('#grid-rows .row');
    await prof.click('#staff-link');
    await prof.waitForSelector('#members tbody tr');
    assert.deepEqual(await prof.locator('#course option').allInnerTexts(), ['Course A'], 'only the courses they teach');
    assert.deepEqual(await prof.locator('#members tbody tr td:first-child').allInnerTexts(), ['gone', 'guesser', 'prof', 'ro', 'ta']);
    await prof.fill('#invite-name', 'chrometa');
    await prof.selectOption('#invite-role', 'ta');
    await prof.click('#invite button');
    await prof.waitForSelector('#invite-result:not([hidden])');
    const link = await prof.inputValue('#invite-link');
    assert.match(link, new RegExp(`^${server.url}login#invite=[\\w-]+$`));
    await prof.waitForSelector('#members tr[data-name="chrometa"]');
    assert.match(await prof.locator('#members tr[data-name="chrometa"]').innerText(), /invited, until/);
    await prof.screenshot({ path: join(SHOTS, 'staff-invite.png') });

    // The new TA, in a browser of their own: the link, a password, the app with the course.
    const context = await browser.newContext();
    const newcomer = await context.newPage();
    newcomer.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    newcomer.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await newcomer.goto(link);
    await newcomer.waitForSelector('#invite:not([hidden])');
    await newcomer.fill('#new-password', 'chrome long password');
    await newcomer.fill('#new-password-2', 'chrome long password');
    await newcomer.click('#invite button');
    await newcomer.waitForSelector('#grid-rows .row');
    assert.equal(await newcomer.locator('#who-name').innerText(), 'chrometa');
    const runs = await newcomer.locator('#run option').allInnerTexts();
    assert.equal(runs.length, 1);
    assert.match(runs[0]!, /^Course A · .*· ta$/);
    assert.equal(await newcomer.locator('#staff-link').count(), 0, 'a TA is not offered the staff page');
    assert.doesNotMatch(newcomer.url(), /invite=/, 'the spent token left the address bar');

    // Back at the staff page, the instructor sees them active and makes them read-only.
    await prof.reload();
    await prof.waitForSelector('#members tr[data-name="chrometa"]');
    assert.match(await prof.locator('#members tr[data-name="chrometa"]').innerText(), /active/);
    await prof.selectOption('#members tr[data-name="chrometa"] select', 'read-only');
    // Locators, not waitForFunction: a string predicate is eval'd in the page, which its CSP refuses.
    await prof
      .locator('#status')
      .filter({ hasText: /^chrometa is now read-only$/ })
      .waitFor();
    // The last instructor cannot demote themselves: the page says why and shows the role as it is.
    await prof.selectOption('#members tr[data-name="prof"] select', 'ta');
    await prof.waitForSelector('#status.error');
    assert.equal(await prof.locator('#status').innerText(), 'Course A would have no instructor left: make someone else instructor first');
    await until(async () => (await prof.locator('#members tr[data-name="prof"] select').inputValue()) === 'instructor', "the instructor's own role shown as instructor again");
    // Chromium reports the refused request (400) itself: that line, and no other, is expected.
    assert.deepEqual(
      errors.splice(0).filter((e) => !/status of 400/.test(e)),
      [],
    );
    await newcomer.reload();
    await newcomer.waitForSelector('#grid-rows .row');
    await newcomer.waitForSelector('body[data-role="read-only"]');

    // A TA who opens /staff by hand is told it is for instructors, and sees no member.
    const ta = await strictPage(browser, errors);
    await ta.goto(new URL('/login', server.url).toString());
    await logIn(ta, 'guesser', PASSWORD);
    await ta.waitForSelector('#grid-rows .row');
    await ta.goto(new URL('/staff', server.url).toString());
    await ta.waitForSelector('#not-instructor:not([hidden])');
    assert.equal(await ta.locator('#members').isVisible(), false);
    await ta.screenshot({ path: join(SHOTS, 'staff-ta.png') });
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

/** Polls `check` (up to 10 s): for a page state no selector can express. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) if (await check()) return;
  assert.fail(`timed out waiting for ${what}`);
}
