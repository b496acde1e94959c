import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';
import { isTurnTail } from '../src/documents/turn-tails.js';
import { withoutSenderFields } from '../src/documents/sender-fields.js';
import { readSubmission } from '../src/documents/submission.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';

// Chats in which the person asks about labelled parts and the model answers them, but whose turns the
// readers did not find: a browser extension's side panel whose reply lines carry the model after the
// app's name (`Sider | Claude 3.5 Haiku`) under a header field naming the app (`Assistant: Sider side
// panel`); a team chat's bot thread (`Ask-TA  BOT  7:41 PM`) under fields naming the bot and the channel;
// a phone app fed photos, each request typed under a `[photo: ...]` placeholder between drawn rules.
// On main none of their parts (or one) were found.

const DIR = 'sidebar-chats';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');

test("a side panel's reply lines carry the model after the app's name, under a field naming the app: each part its turn", () => {
  assert.equal(roles('sider-panel.txt'), 'uauaua');
  assert.deepEqual(ps6Verdicts(DIR, 'sider-panel.txt'), ['2.a correct', '2.b correct', '4.a correct']);
});

test("the same panel with a known model's word before the app's note (`Model | Claude 3.5 Haiku`) and the person's word unknown: the turns are read by their lines", () => {
  const text = fixture('sider-panel.txt')
    .replace(/^Me$/gm, 'Query')
    .replace(/^Sider \| /gm, 'Model | ');
  const sub = readSubmission(text, 'renamed.txt', key!, problems);
  // (The header's `Assistant: Sider side panel` names no speaker of these lines now, and stays a turn of its own before them.)
  assert.ok(
    (sub.messages ?? [])
      .map((m) => m.role[0])
      .join('')
      .endsWith('uauaua'),
  );
  assert.deepEqual(
    sub.responses.map((r) => r.partId),
    ['2.a', '2.b', '4.a'],
  );
});

test("a team chat's bot thread under fields naming the bot and the channel: the stamped messages are the turns", () => {
  assert.equal(roles('mattermost-bot.txt'), 'nuauaua');
  assert.deepEqual(ps6Verdicts(DIR, 'mattermost-bot.txt'), ['2.a correct', '2.b correct', '4.a correct']);
});

test("requests typed under photo placeholders between drawn rules are the person's turns, the part named anywhere in the last line", () => {
  assert.equal(roles('photo-requests.txt'), 'uauaua');
  assert.equal(readPs6(DIR, 'photo-requests.txt').warnings.length, 0);
  assert.deepEqual(ps6Verdicts(DIR, 'photo-requests.txt'), ['1.a correct', '2.a correct', '2.b correct']);
});

test("near misses: a sentence after a name and a dash is the turn's words; a bot's turn opening on its own name is a turn", () => {
  for (const tail of [' | Claude 3.5 Haiku', ' · o4-mini', '  BOT  7:41 PM', '  9:02 PM', ' — 21:14']) assert.ok(isTurnTail(tail), tail);
  for (const words of [' — the factor is 2/8 = 0.25, since clipping keeps the direction.', ' - 5', ' | $x^2$', ' · see 2(a): the factor']) assert.ok(!isTurnTail(words), words);
  // `Bot: Ask-TA here! ...` heads no stamped message below: it is what the bot said, and stays its turn.
  const chat = 'User: ps6 2(a): a gradient of norm 8 is clipped at threshold 2. What factor scales it?\n\nBot: Ask-TA here! Clipping keeps the direction, so the factor is 2/8 = 0.25.\n';
  assert.equal(withoutSenderFields(chat), chat);
  assert.notEqual(withoutSenderFields(fixture('mattermost-bot.txt')), fixture('mattermost-bot.txt'));
});

test("near miss: a reply's own figure and the sentence under it, closed by a full stop, are no request of the person's", () => {
  const text = fixture('photo-requests.txt')
    .replace('>> right\n', '[image: the rows of A against the columns of B]\nEvery entry costs the same m products.\n')
    .replace(/═+\n\[photo: question 2 of the sheet, clipping\]\n2a\n/, '');
  const sub = readSubmission(text, 'figure.txt', key!, problems);
  assert.ok(!(sub.messages ?? []).some((m) => m.role === 'user' && m.text.includes('[image:')));
  assert.ok(sub.warnings.some((w) => /a reply follows another/.test(w)));
});
