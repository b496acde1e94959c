import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { detectFormat, readMessages } from '../src/documents/transcripts.js';
import { jsonConversation } from '../src/documents/json-chat.js';
import { withoutLeadingMention } from '../src/documents/leading-mention.js';

// Chats exported as JSON by message apps, which name things their own way: fields in any case and
// with spaces (`"Sender ID"`, `"Type": "Outgoing"`), the exporter's own messages marked by a flag
// (`fromMe`, `out`) rather than a speaker's name, speakers by id (a person's opaque id, a model's id
// that names the model), a message kept as its edits (the latest is the one shown), and a mention of
// the bot as markup at a message's start. Before, every one was "no conversation found" and all its
// parts missing; a JSON file read as no chat said nothing of what it held.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'json-export-fields');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(read(file), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

const messages = (file: string) => readMessages(read(file), detectFormat(read(file), file)).map((m) => `${m.role}: ${m.text}`);
const warning = (file: string) => readWithStaffKey(read(file), file).warnings[0];

test("the exporter's own messages by a flag or a direction; the other side, one name or none, is the model", { skip: devSkip }, () => {
  // A WhatsApp client's messages: `fromMe`, the two sides by phone id.
  assert.deepEqual(graded('whatsapp-web-fromme.json'), { '2.b': 'correct: c = 1/sqrt(d_in)', '4.c': 'correct: L (K - 1) + 1' });
  // A Telegram client's `out`, newest first, the bot's messages naming no sender at all: its correction is its last word.
  assert.deepEqual(
    messages('telethon-out-newest-first.json').map((m) => m.split(':')[0]),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.deepEqual(graded('telethon-out-newest-first.json'), { '4.f': 'correct: g3: [0, 0.8, 0]; g4: [0.8, 0, 0]' });
  // A phone backup's records: `"Type": "Outgoing"`, the other side by its `"Sender ID"`, every field capitalised and spaced.
  assert.deepEqual(messages('phone-backup-records.json'), [
    'user: homework 4 question 2(e). sign update dW = -alpha*sign(G)/sqrt(d_in)... what alpha keeps RMS(dy) <= 1?',
    'assistant: ||sign(G)||_2 <= sqrt(d_out * d_in), and with the 1/sqrt(d_in) factor RMS(dy) <= alpha/sqrt(d_out). So take alpha = sqrt(d_out).',
  ]);
  assert.deepEqual(graded('phone-backup-records.json'), { '2.e': 'correct: sqrt(d_out)' });
});

test("speakers by id, a message's latest edit, a mention of the bot at a message's start", { skip: devSkip }, () => {
  // `authorId`: the person's opaque id, the model's id naming it; the reply was edited (newest first) from L·K to the right answer.
  assert.deepEqual(messages('forum-thread-revisions.jsonl'), [
    'user: hw4 4(c): receptive field after L stacked KxK convolutions, stride 1?',
    'assistant: Each layer adds K − 1 to the window, so the receptive field is L(K − 1) + 1.',
    'user: thanks, that matches what we got in section',
  ]);
  assert.deepEqual(graded('forum-thread-revisions.jsonl'), { '4.c': 'correct: L (K - 1) + 1' });
  // Field names in any spelling.
  const chat = jsonConversation({
    Messages: [
      { From: 'User', Text: '4(c)?' },
      { From: 'Assistant', Text: 'L(K-1)+1' },
    ],
  });
  assert.deepEqual(chat, {
    messages: [
      { role: 'user', text: '4(c)?' },
      { role: 'assistant', text: 'L(K-1)+1' },
    ],
  });
});

test('near misses: two opaque ids, a grades export, a message whose text is shown beside its old edits', { skip: devSkip }, () => {
  // Nothing says which id is the model's: no guess, and the message says why.
  assert.deepEqual(graded('near-miss-two-ids.jsonl'), {});
  assert.match(
    warning('near-miss-two-ids.jsonl')!,
    /no conversation found: its speakers \("0b6f2d1e-93a4-4c8e-b1f7-5d2a9e0c7b44", "e4c81a77-2f05-4b9d-8c36-a1d0f93b6e12"\) are neither .* and no field says which messages are the exporter's own/,
  );
  // Records naming students by id with their answers are no chat; the message names what the file holds.
  assert.deepEqual(graded('near-miss-grades-export.json'), {});
  assert.match(
    warning('near-miss-grades-export.json')!,
    /no conversation found: expected a list of messages.*; its longest list holds 3 records with fields "user_id", "sis_id", "part", "answer", "score", "graded_at"$/,
  );
  // The text a message holds is what was shown; its edit log's older version (right, here) is no answer.
  assert.deepEqual(graded('near-miss-current-text-and-edits.json'), { '4.c': 'incorrect: L K' });
});

test('a mention at the start of a message is left out; other markup and later mentions stay', () => {
  assert.equal(withoutLeadingMention('<span class="user-mention" account-id=bot-1 >@Tutor</span> 4(c)?'), '4(c)?');
  assert.equal(withoutLeadingMention('<at id="0">Copilot</at>, what is 4(c)?'), 'what is 4(c)?');
  assert.equal(withoutLeadingMention('<@U07BOT9> <@U07EF34GH> 2(e)?'), '2(e)?');
  // Near misses.
  assert.equal(withoutLeadingMention('<span style="font-weight:bold">4(c)</span> L(K-1)+1'), '<span style="font-weight:bold">4(c)</span> L(K-1)+1');
  assert.equal(withoutLeadingMention('ask <@U07BOT9> about 2(e)'), 'ask <@U07BOT9> about 2(e)');
  assert.equal(withoutLeadingMention('<@U07BOT9>'), '<@U07BOT9>');
  assert.equal(withoutLeadingMention('<b>4(c)</b> L(K-1)+1'), '<b>4(c)</b> L(K-1)+1');
});
