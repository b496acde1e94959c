import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { groupChatPeople } from '../src/documents/group-chat.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Chats in which several people write under their own names beside a model whose name the readers
// know (a study group's channel with a bot): the people's names are in no list, so their lines were
// read into the model's turns, and a classmate's push-back was graded as the model's answer. Their
// lines are the people's by shape (the model's markup, a name alone over a message, someone recurring
// who asks the model); a reply's own titles and a writer's own headings beside a model's excerpts are not.

const DIR = 'group-chats';
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');

test("a channel's people (`Lena Fischer — Today at 21:02`, `Tomás O. — ...`) head their own turns beside the bot's", () => {
  assert.equal(roles('channel-bot-timestamps.txt'), 'uauauauau');
  // The classmate's `8/2 = 4` is no answer of the bot's; its cave on 4(b) to the other classmate is its final answer.
  assert.deepEqual(ps6Verdicts(DIR, 'channel-bot-timestamps.txt'), ['2.a correct', '2.b correct', '4.a correct', '4.b incorrect']);
  const out = groupChatPeople(fixture('channel-bot-timestamps.txt'));
  assert.equal(out.split('\n').length, fixture('channel-bot-timestamps.txt').split('\n').length);
  assert.match(out, /^User — Today at 21:03$/m);
  assert.match(out, /^Claude — Today at 21:02$/m);
});

test('the same chat with its names in bold and a colon (`**Tomás O.:**`, `**Claude:**`) reads the same', () => {
  const bold = fixture('channel-bot-timestamps.txt').replace(/^(.+?) — Today at \d\d:\d\d$/gm, '**$1:**');
  const out = groupChatPeople(bold);
  assert.equal((out.match(/^\*\*User:\*\*$/gm) ?? []).length, 5);
  assert.equal((out.match(/^\*\*Claude:\*\*$/gm) ?? []).length, 4);
});

test("near miss: a reply's own title lines in a page copy (`Clipped Norm`, twice) are no person beside the model", () => {
  assert.equal(groupChatPeople(fixture('reply-section-titles.txt')), fixture('reply-section-titles.txt'));
  assert.equal(roles('reply-section-titles.txt'), 'uauaua');
});

test("near miss: a writer's own heading over each answer, beside the model's excerpts, asks nothing and heads no turn", () => {
  assert.equal(groupChatPeople(fixture('answers-beside-model.txt')), fixture('answers-beside-model.txt'));
  assert.deepEqual(ps6Verdicts(DIR, 'answers-beside-model.txt'), ['2.b correct', '4.a correct']);
});
