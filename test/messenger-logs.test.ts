import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile, staffKey } from './hw4-dev.js';
import { chatRowsAsStamped } from '../src/documents/tabbed-chat.js';
import { sheetAsMarkdown, sheetCells } from '../src/documents/spreadsheet.js';
import { readSubmissionFile } from '../src/documents/submission.js';

// Instant-messenger histories saved as rows or as a client's log (blind round 42's Viber CSV and Pidgin
// HTML log). A messenger's history saved as a table (with or without a header, whatever its columns are
// named) is a conversation of its senders in row order: the stamps are the date and time cells, the
// message the long free text, the sender the short name that repeats as the senders take turns. An IM
// client's log heads each message `(time) nick:` (the stamp in parentheses, the nick in bold in its
// HTML), and its status lines (`has signed off`, `is no longer away`, the topic) are stamped but no one's
// words. Near misses: a gradebook's rows (one per student, with submission times and comments) are no
// chat, and a bot's answer "corrected" into another wrong one stays wrong.

const DIR = 'messenger-logs';
const graded = (file: string) => gradedFixtureFile(DIR, file);

/** The turns of a fixture as `partcredit grade` reads its file: each as `role: first line`. */
async function turns(file: string): Promise<string[]> {
  const { key, problems } = staffKey();
  const sub = await readSubmissionFile(readFileSync(join(ROOT, 'test', 'fixtures', DIR, file)), file, key, problems, file);
  return (sub.messages ?? []).map((m) => `${m.role}: ${m.text}`);
}

test("a WhatsApp exporter's CSV with a header (`Date,Time,Author,Message`) is the chat of its authors; the bot's corrected answer is the part's", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('whatsapp-exporter-header.csv'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a Telegram exporter's CSV (`id,date,from,from_id,text`, ISO stamps): near miss, the bot's wrong correction after the student's check stays wrong", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('telegram-exporter-bot.csv'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'incorrect: L (K - 1)',
  });
});

test("a Pidgin text log (`(21:01:20) mira: ...`): the nick that answers is the model, the client's away and sign-off lines no one's", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('pidgin-text-log.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '2.b': 'correct: c = 1/sqrt(d_in)',
  });
  const read = await turns('pidgin-text-log.txt');
  assert.deepEqual(
    read.filter((t) => !t.startsWith('note')).map((t) => t.split(':')[0]),
    ['user', 'assistant', 'user', 'assistant', 'user', 'assistant'],
  );
  assert.ok(!read.some((t) => /gone away|no longer away|signed off/.test(t)));
});

test('a Pidgin HTML log of an IRC channel (`<font size="2">(07:41:15 PM)</font> <b>jonas:</b>`): the bot answering `!ask` is the model, the topic and joins no turn', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('pidgin-irc-bot.html'), {
    '2.c': 'correct: sqrt(d_out)',
    '4.c': 'correct: 1 + L (K - 1)',
  });
  assert.ok(!(await turns('pidgin-irc-bot.html')).some((t) => !t.startsWith('note') && /entered the room|topic/.test(t)));
});

test('near miss: a gradebook exported as CSV (a row per student, a stamp and a comment on each) stays a table, no chat', { skip: devSkip }, async () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', DIR, 'gradebook-submissions.csv'), 'utf8');
  assert.equal(chatRowsAsStamped(sheetCells(text, ',').rows), undefined);
  assert.match(sheetAsMarkdown(text, ','), /^\| Student \| SID \|/);
  assert.deepEqual(await graded('gradebook-submissions.csv'), {});
});

test('rows that are no chat, or no rows, give nothing and never throw', () => {
  assert.equal(chatRowsAsStamped([]), undefined);
  assert.equal(chatRowsAsStamped([['a'], ['b'], ['c']]), undefined);
  // (Stamps and names but no free text: a sign-in sheet.)
  assert.equal(
    chatRowsAsStamped([
      ['2025-11-20 21:00', 'Ana', 'in'],
      ['2025-11-20 21:05', 'Ben', 'in'],
      ['2025-11-20 22:00', 'Ana', 'out'],
      ['2025-11-20 22:10', 'Ben', 'out'],
    ]),
    undefined,
  );
});
