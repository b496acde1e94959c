import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { activityLogAsChat } from '../src/documents/activity-log.js';
import { listedNewestFirst, printedStamp } from '../src/documents/time-order.js';

// Blind round 38's Google Takeout "My Activity" export of Gemini Apps: one entry per prompt (the product's
// name, `Prompted <words>`, the time on its own line, the reply, a `Products:` footer), listed newest first.
// Read top down, every reply came before its prompt and a correction the person asked for before the answer
// it corrects, so nearly no part was found. The entries are a chat's exchanges, read oldest first when their
// stamps say the log is newest first. Fixture of our own: another locale's stamps (`16 Oct 2025, 19:22:41
// BST`), a push-back that makes the model give up a right answer (the newer, wrong one counts), and a wrong
// answer in the same shape as the right ones (a near miss that stays wrong); and the log exported as JSON.

test('an activity log listed newest first is read oldest first: a later entry that gives up a right answer is the final one', { skip: devSkip }, async () => {
  assert.deepEqual(await gradedFixtureFile('activity-logs', 'takeout-myactivity-en-gb-q2bcde.html'), {
    '2.b': 'incorrect: c = 1/sqrt(d_out)',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '2.e': 'incorrect: alpha = 1',
  });
});

test("the same log exported as JSON (each record's `title` the prompt, `time` its stamp, `safeHtmlItem` the reply), newest first: the newer answer counts, right or wrong", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await gradedFixtureFile('activity-logs', 'takeout-myactivity-json-q4bc.json'), {
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    '4.c': 'incorrect: K + L - 1',
  });
});

test('stamps as apps print them order one document: a 12-hour clock with its zone, a day before its month, a dotted date', () => {
  const stamps = ['Oct 15, 2025, 10:01:19 PM PDT', 'Oct 15, 2025, 9:58:02 PM PDT'].map(printedStamp);
  assert.ok(listedNewestFirst(stamps));
  assert.ok(listedNewestFirst(['16 Oct 2025, 19:22:41 BST', '16 Oct 2025, 19:02:57 BST'].map(printedStamp)));
  assert.ok(listedNewestFirst(['15.10.2025, 21:44:30 MESZ', '15.10.2025, 9:31:07 MESZ'].map(printedStamp)));
  // (Equal stamps, or a time with no date, say nothing of the order.)
  assert.equal(listedNewestFirst(['Oct 15, 2025, 9:58:02 PM PDT', 'Oct 15, 2025, 9:58:02 PM PDT'].map(printedStamp)), false);
  assert.equal(printedStamp('9:58 PM'), undefined);
});

const entry = (prompt: string, stamp: string, reply: string) => `Gemini Apps\n\nPrompted ${prompt}\n${stamp}\n\n${reply}\n\n**Products:**\nGemini Apps\n`;

test("an activity log's entries become a chat's turns, oldest first", () => {
  const log = [entry('and (b)?', 'Oct 15, 2025, 9:40:13 PM PDT', 'b answer'), entry('Q3(a): compute y', 'Oct 15, 2025, 9:31:07 PM PDT', 'a answer')].join('\n');
  assert.equal(activityLogAsChat(log), '**User:**\n\nQ3(a): compute y\n\n**Assistant:**\n\na answer\n\n**User:**\n\nand (b)?\n\n**Assistant:**\n\nb answer\n');
});

test('near misses: entries whose stamps are out of order, and prose lines opening on `Asked` with no stamp under them, are left as written', () => {
  const mixed = [entry('one', 'Oct 15, 2025, 9:40:13 PM PDT', 'r1'), entry('two', 'Oct 15, 2025, 9:31:07 PM PDT', 'r2'), entry('three', 'Oct 15, 2025, 9:50:00 PM PDT', 'r3')].join('\n');
  assert.equal(activityLogAsChat(mixed), mixed);
  const prose = 'Asked the TA about (b) after class.\n\nAsked again by mail.\n\nProducts: none\n';
  assert.equal(activityLogAsChat(prose), prose);
});
