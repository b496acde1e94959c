import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { stampedSenderTurns } from '../src/documents/stamped-senders.js';
import { withoutDeclaredRemarks } from '../src/documents/declared-remarks.js';
import { speakerShapes } from '../src/documents/speaker-shapes.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Chats whose every message opens with a speaker header that carries a time or the app's metadata,
// in shapes the readers did not know: the stamp before the sender (`[21:02] <lena_f> ...`, `Fri, Nov
// 14 2025, 21:02 - Jonas Weber: ...`), the app's badge on a line of its own between the name and the
// stamp (`Course Helper` / `APP` / `9:02 PM`), a local model's tag with its colon inside the name
// (`**llama3.1:8b** · 21:02 · 412 tokens`), and classmates writing beside the bot. The model is told by
// structure: the sender the app tags as a bot, or the one who writes most and answers the others.

const DIR = 'stamped-speakers';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');
const ALL = ['2.a correct', '2.b correct', '4.a correct', '4.b correct'];

test("an IRC log's lines (`[21:02] <nick> ...`): a classmate's push-back is a person's turn, the bot's lines one reply", () => {
  assert.equal(roles('irc-channel-bot.txt'), 'nuauauau');
  assert.deepEqual(ps6Verdicts(DIR, 'irc-channel-bot.txt'), ALL);
});

test("a workplace app's copy with the bot's badge on its own line (`Course Helper` / `APP` / `9:02 PM`) and a second person", () => {
  assert.equal(roles('slack-app-badge.txt'), 'nuauaua');
  assert.deepEqual(ps6Verdicts(DIR, 'slack-app-badge.txt'), ALL);
});

test("a messaging app's export of a group with a bot (`[14/11/2025, 21:02:11] Name: ...`, `11/14/25, 9:02 PM - Name: ...`, `Name 9:02 PM`): three senders, the bot's replies", () => {
  for (const file of ['whatsapp-group-bot.txt', 'android-group-bot.txt', 'teams-classmate.txt']) {
    assert.equal(roles(file), 'nuauaua', file);
    assert.deepEqual(ps6Verdicts(DIR, file), ALL, file);
  }
});

test("a local model's tag heads its turns whole (`**llama3.1:8b** · 21:02 · 412 tokens`, `### smollm2:1.7b · 21:02`), not cut at its colon", () => {
  for (const file of ['msty-style-bold.md', 'openwebui-local-tag.md']) {
    assert.equal(roles(file), 'uaua', file);
    assert.deepEqual(ps6Verdicts(DIR, file), ALL, file);
  }
});

test("a stamped message under a writer's remark is no line of the remark (`(JW) ...` over `Fri, Nov 14 2025, 21:04 - Jonas Weber: ...`)", () => {
  const text = fixture('remark-before-stamp.txt');
  assert.match(withoutDeclaredRemarks(text), /^Fri, Nov 14 2025, 21:04 - Jonas Weber: The threshold/m);
  assert.equal(roles('remark-before-stamp.txt'), 'nuauaua');
  // The model's first, wrong answer is revised after the person's follow-up: the revision is graded.
  assert.deepEqual(ps6Verdicts(DIR, 'remark-before-stamp.txt'), ALL);
});

test("near miss: a group's work log of stamped entries by three authors, none of them asking, stays the write-up's log", () => {
  assert.equal(stampedSenderTurns(fixture('lab-log-authors.txt')), undefined);
  assert.equal(readPs6(DIR, 'lab-log-authors.txt').format, 'writeup');
  assert.deepEqual(ps6Verdicts(DIR, 'lab-log-authors.txt'), ALL);
});

test('near miss: a changelog whose entries are stamped and named (`2025-11-14 21:02 - v1.2: ...`) is no chat', () => {
  const log = [
    'Release notes',
    '',
    '2025-11-14 21:02 - v1.2: faster pooling kernels',
    '2025-11-15 09:10 - v1.3: fixed the clipping factor, which is 0.25 for a norm of 8 and a threshold of 2, and the docs of the pooling layer, which has 0 parameters',
    '2025-11-16 11:30 - v1.2: backported the fix',
    '2025-11-17 12:00 - v1.3: docs',
    '',
  ].join('\n');
  assert.equal(stampedSenderTurns(log), undefined);
  // A day's schedule: a bare time before a word and a colon, no date or bracket, heads no message.
  const day = [
    '12:00 Lunch: what should we eat?',
    '13:00 Lecture: convolution, the flip-and-drag definition, the padding and the stride',
    '14:00 Lunch: why?',
    '15:00 Lecture: pooling layers with stride 2 and their 0 parameters, plus the quiz',
  ].join('\n');
  assert.equal(stampedSenderTurns(day), undefined);
});

test("near miss: a lab report's runs headed by tagged ids with a time (`**exp:baseline** · 21:02 · 3 epochs`) ask nothing and head no turns", () => {
  const report = [
    '# PS6 experiments',
    '',
    '**exp:baseline** · 21:02 · 3 epochs',
    '',
    'Gradient norm 8 without clipping; the loss spikes at step 40.',
    '',
    '**exp:clipped** · 21:40 · 3 epochs',
    '',
    'With the threshold at 2 every update is scaled by 0.25, the norm after clipping is 2 and the loss curve is smooth from the first step to the last.',
    '',
    '**exp:baseline** · 22:10 · 6 epochs',
    '',
    'Longer run, same spike.',
    '',
    '**exp:clipped** · 22:55 · 6 epochs',
    '',
    'Longer run, still smooth; the pooling layers add 0 parameters to either model, so the comparison is fair.',
    '',
  ].join('\n');
  assert.equal(speakerShapes(report), report);
});
