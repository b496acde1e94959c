import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { stampedSenderTurns } from '../src/documents/stamped-senders.js';
import { tabbedChatAsStamped } from '../src/documents/tabbed-chat.js';
import { plainFormulas } from '../src/check/extract.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Channels logged by chat clients, one line per message (time, nick, text), with a bot that answers the
// others' calls (`!ask`, `.ask`, `@gpt`) in lines addressed back to the asker (`lena: ...`), split over
// several lines by the channel's limit, the client's notices among them (`-!- mia has joined`, `-->`, `*
// tomas nods`). The bot is told by what a reader goes by: it answers the calls, or it is named as a bot;
// its lines in a row are one reply, the name they are addressed to no word of it. A discussion among
// classmates, where no one is called, has no model; a write-up that quotes one line of a channel is a write-up.

const DIR = 'irc-logs';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');
const replies = (file: string) => (readPs6(DIR, file).messages ?? []).filter((m) => m.role === 'assistant').map((m) => m.text);
const ALL = ['2.a correct', '2.b correct', '4.a correct', '4.b correct'];

test("an irssi log (`21:02 <@lena> @gpt ...`, `21:02 < gpt> lena: ...`): the bot's lines in a row are one reply, the client's notices no one's", () => {
  assert.equal(roles('irssi-gpt-bot.log'), 'nuauauau');
  assert.equal(
    replies('irssi-gpt-bot.log')[0]!.replace(/\n+/g, '\n'),
    'Clipping multiplies the gradient by min(1, threshold / norm), and here the norm is above the threshold.\n(a) The factor is 2 / 8 = 0.25.\n(b) The clipped norm is 8 · 0.25 = 2.',
  );
  assert.ok(!replies('irssi-gpt-bot.log').some((r) => /-!-|nods/.test(r)));
  assert.deepEqual(ps6Verdicts(DIR, 'irssi-gpt-bot.log'), ALL);
  // HexChat's lines, the date before the time and a tab after the nick, are the same shape.
  const hexchat =
    'Nov 14 21:02:11 <lena>\t!ask ps6 2: by what factor is it clipped?\nNov 14 21:02:19 <sage>\tThe factor is 2 / 8 = 0.25.\nNov 14 21:02:25 <mia>\thi all\nNov 14 21:03:02 <lena>\t!ask and the norm after it?\nNov 14 21:03:09 <sage>\tThe clipped norm is 2.\n';
  assert.deepEqual(
    stampedSenderTurns(hexchat)?.map((m) => `${m.role}: ${m.text}`),
    ['user: !ask ps6 2: by what factor is it clipped?', 'assistant: The factor is 2 / 8 = 0.25.', 'user: hi all', 'user: !ask and the norm after it?', 'assistant: The clipped norm is 2.'],
  );
});

test("a Matrix room's export with a bot bridged from IRC (`Pythia (IRC): Priya Raman: ...`), called by `!ask`", () => {
  assert.equal(roles('element-bridged-bot.txt'), 'nuauuaua');
  assert.ok(replies('element-bridged-bot.txt').every((r) => !/Priya Raman:|Jonas Weber:/.test(r)));
  assert.deepEqual(ps6Verdicts(DIR, 'element-bridged-bot.txt'), ALL);
});

test("a Discord channel's text export (`[11/14/2025 9:02 PM] lena.f` over the message): the sender `@Sage` calls is the model, however briefly it answers", () => {
  assert.equal(roles('discord-export-bot.txt'), 'nuauuau');
  assert.deepEqual(ps6Verdicts(DIR, 'discord-export-bot.txt'), ALL);
});

test("a client's tab-separated log with dates (`2025-11-14 21:02:11<TAB>@lena<TAB>.ask ...`): modes are no part of a nick, `-->` and `--` lines no message", () => {
  assert.doesNotMatch(tabbedChatAsStamped(fixture('tabbed-dated-helper.log')), /has joined|ChanServ|has quit|\] [@+]/);
  assert.equal(roles('tabbed-dated-helper.log'), 'uauuua');
  assert.deepEqual(ps6Verdicts(DIR, 'tabbed-dated-helper.log'), ALL);
});

test('near misses: classmates comparing answers in a channel invent no model; a write-up quoting one channel line stays a write-up', () => {
  // (Ana writes the most and answers the others, but no one calls her and nothing names her a bot.)
  assert.equal(stampedSenderTurns(fixture('student-discussion.log')), undefined);
  assert.equal(readPs6(DIR, 'student-discussion.log').format, 'writeup');
  assert.equal(readPs6(DIR, 'writeup-quoting-nick.md').format, 'writeup');
  assert.deepEqual(ps6Verdicts(DIR, 'writeup-quoting-nick.md'), ALL);
});

test("a sentence's stop ends a plain formula: two named vectors in two sentences of one line are two values", () => {
  assert.deepEqual(
    plainFormulas('With circular padding, g3 = [0, 0.8, 0]. g4 = [0.8, 0, 0] as well.').map((f) => f.text),
    ['g3 = [0, 0.8, 0]', 'g4 = [0.8, 0, 0]'],
  );
  // Near miss: a decimal point is no stop.
  assert.deepEqual(
    plainFormulas('the factor is p = 0.25 and the norm 8 · 0.25 = 2').map((f) => f.text),
    ['p = 0.25', '8 · 0.25 = 2'],
  );
});
