import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Blind round 43's chats kept as structured records of a schema no chat reader knew: an LLM
// tracing tool's spans (each call's sent messages and reply, attributes flattened into dotted keys),
// a chat API's lines keeping each message one level down (`{"msg": {...}}`), and a social app's
// export of one person's notes threaded by replies among unrelated notes. Each in documents of our
// own from other tools: LangSmith runs, Langfuse observations, OTLP GenAI spans, a Mattermost bulk
// export, an ActivityPub outbox and Misskey's API notes; near misses whose last word is wrong.

const graded = (file: string) => gradedFixtureFile('structured-chat-records', file);

test("a LangSmith export's LLM runs are the chat in the order they started: each run's new messages (a replayed history read once), then its reply; chain and retriever runs are no turns", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('langsmith-runs.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("OTLP spans keep OpenTelemetry GenAI attributes as typed key/value pairs with dotted, indexed keys (`gen_ai.prompt.1.content`): the call's prompt and completion are read; a workflow span is no turn", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('otlp-genai-spans.json'), { '1.a': 'correct: 2 c d_out^2 d_in' });
});

test('near miss: a Langfuse trace whose last generation gives in to a push-back is graded on that last reply', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('langfuse-trace-flipped.json'), { '2.b': 'incorrect: c = 1/d_in' });
});

test('a chat export whose lines keep the message one level down beside its kind (`{"type": "post", "post": {...}}`) is read from the inner record\'s sender and text', {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('mattermost-bulk.jsonl'), { '2.b': 'correct: c = 1/sqrt(d_in)' });
});

test("an ActivityPub outbox of one person's notes is their write-up: the notes chained by replies, not the unrelated ones around them", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('mastodon-outbox.json'), { '4.c': 'correct: L (K - 1) + 1' });
});

test("near miss: in Misskey notes listed newest first, a later reply correcting a right answer into a wrong one is the part's answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('misskey-notes-corrected.json'), { '4.c': 'incorrect: K^L' });
});
