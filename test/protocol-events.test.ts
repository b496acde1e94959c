import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { protocolThread } from '../src/documents/protocol-events.js';

// Blind round 41's event logs: a Nostr thread dumped by `nak req` (JSON lines, newest first, reactions,
// profiles and a repost among the notes) was read as nothing, and a Bot Framework Emulator transcript gave
// a push-back's correction to the part answered last instead of the subpart the push-back named. A
// protocol's log is its messages by author, time and reply link, whatever else it records; a thread with
// a model among its authors is a chat, one of people only its starter's write-up; a push-back that opens
// on a subpart (`in (d)(i), ...`) is about that subpart. Each in documents of our own, near misses kept wrong.

const graded = (file: string) => gradedFixtureFile('protocol-events', file);

test("a Nostr thread with a bot's account (its profile says so) is a chat in reply order, newest-first lines, reactions and a repost no turns, the bot's correction after a push-back its answer", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('nostr-bot-thread.jsonl'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near miss: a bot that caves to a wrong push-back ends on the wrong answer, whatever `+` reaction the person gives it', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('nostr-bot-caves.jsonl'), { '4.c': 'incorrect: K^L' });
  assert.deepEqual(await graded('mastodon-statuses-caves.json'), { '2.b': 'incorrect: c = 1/sqrt(d_out)' });
});

test("a Matrix room exported by Element: a bot's `m.notice` replies are the model's, an edit's new words replace the old, reactions, typing, images and redacted messages are no turns", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('element-room-export.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a Bluesky thread of a person quoting a model part by part is the person's write-up; a classmate's reply with another answer is no answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('bluesky-post-thread.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a Bot Framework transcript: a push-back opening on a subpart (`in (d)(i), ...`) gets that subpart's correction, the other subpart's answer stays; typing, event and conversationUpdate activities are no turns", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('bot-emulator-pushback.transcript'), {
    '3.d.i': 'correct: [-19, -28, -32, -36, -29; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; -30, -40, -40, -40, -30; 49, 68, 72, 76, 59]',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
  });
});

test('bad or foreign input is no thread: a chat of roles, a single event, non-JSON values', () => {
  assert.equal(
    protocolThread([
      { role: 'user', content: 'hi', created_at: 1760000000 },
      { role: 'assistant', content: 'hello', created_at: 1760000001 },
    ]),
    undefined,
  );
  assert.equal(protocolThread([{ kind: 1, pubkey: 'ab', created_at: 1760000000, tags: [], content: 'one note' }]), undefined);
  assert.equal(protocolThread(null), undefined);
  assert.equal(protocolThread('text'), undefined);
  // (A reply cycle a forged log could hold still yields every post, once.)
  const looped = protocolThread([
    { kind: 1, id: 'a', pubkey: 'p', created_at: 1760000000, tags: [['e', 'b', '', 'reply']], content: 'first' },
    { kind: 1, id: 'b', pubkey: 'p', created_at: 1760000001, tags: [['e', 'a', '', 'reply']], content: 'second' },
  ]);
  assert.deepEqual(
    looped?.posts.map((p) => p.text),
    ['first', 'second'],
  );
});
