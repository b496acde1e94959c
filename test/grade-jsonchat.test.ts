import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { detectFormat, readMessages } from '../src/documents/transcripts.js';
import { jsonConversation } from '../src/documents/json-chat.js';
import { utf8ReadAsLatin1Repaired } from '../src/documents/text-encoding.js';
import { oldestFirst } from '../src/documents/time-order.js';

// Chats exported as JSON in shapes the JSON-chat reader did not know: exchanges that hold the
// person's and the model's messages one level down (an IDE assistant's request / response, a
// session's `{"message": {"role": ...}}`), nested in objects keyed by workspace and id or kept by
// id; senders by name (a known assistant's name, a name ending in Bot, a bot's id field) with every
// other name a person's; messages listed newest first; UTF-8 stored as Latin-1 escapes. Before,
// every one was "no conversation found" and all its parts missing.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'json-chat-shapes');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(read(file), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

const messages = (file: string) => readMessages(read(file), detectFormat(read(file), file)).map((m) => `${m.role}: ${m.text}`);
const problem = (json: unknown) => {
  const chat = jsonConversation(json);
  return 'problem' in chat ? chat.problem : `read ${chat.messages.length} messages`;
};

test("an IDE assistant's exports: exchanges holding the person's message and the model's, however deep", { skip: devSkip }, () => {
  // `requests: [{"message": {...}, "response": [blocks]}]`: a pair under keys naming their roles.
  assert.deepEqual(graded('ide-chat-export-requests.json'), { '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)', '4.c': 'correct: L (K - 1) + 1' });
  // Workspace → sessions → id → `history: [{"message": {"role": ...}}]`.
  assert.deepEqual(graded('ide-sessions-by-workspace.json'), { '1.b': 'correct: 2 c d_out d_in^2' });
  // Prompt / completion records, and messages kept in an object by id.
  assert.deepEqual(graded('prompt-completion-records.json'), { '1.a': 'correct: 2 c d_out^2 d_in', '4.c': 'incorrect: L K' });
  assert.deepEqual(graded('messages-keyed-by-id.json'), { '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]' });
  // Near misses: a key's prompt and answer are no exchange, a catalog of models keyed by id no chat, a notebook's cells no turns.
  const expected = /^no conversation found: expected a list of messages/;
  assert.match(problem(JSON.parse(read('near-miss-key-file.json'))), expected);
  assert.match(problem(JSON.parse(read('near-miss-model-catalog.json'))), expected);
  assert.match(problem(JSON.parse(read('near-miss-notebook.json'))), expected);
  // (Though no chat, a key's file is words a TA would read: as a write-up, its answers held back for a person, since nothing labels them.)
  assert.deepEqual(graded('near-miss-key-file.json'), { '2.b': 'needs-review: c = 1/sqrt(d_in)', '4.c': 'needs-review: L (K - 1) + 1' });
  assert.deepEqual(graded('near-miss-model-catalog.json'), {});
});

test("senders by name: a known assistant's name, a bot's name or bot field is the model, every other name a person", { skip: devSkip }, () => {
  // A bot whose name ends in Bot, its reply in runs of formatting (`["needs ", {"type": "bold", ...}, "."]`).
  assert.deepEqual(messages('messenger-bot-runs.json'), [
    'user: hw4 2(b): y = c W x, W entries N(0,1), x has unit variance entries. which c gives Xavier scaling?',
    'assistant: Var(y_i) = c² d_in, so unit variance needs c = 1/√d_in.',
  ]);
  assert.deepEqual(graded('messenger-bot-runs.json'), { '2.b': 'correct: c = 1/sqrt(d_in)' });
  // A channel's bot message carries `bot_id`; the person goes by a user id.
  assert.deepEqual(graded('team-channel-day.json'), { '2.e': 'correct: alpha = sqrt(d_out)' });
  // Near miss: two people by name, neither a model, are no model's chat.
  assert.deepEqual(graded('near-miss-two-people.json'), {});
  assert.match(readWithStaffKey(read('near-miss-two-people.json'), 'near-miss-two-people.json').warnings[0]!, /no conversation found: its speakers \("Jonas Weber", "Amira Haddad"\) are neither/);
});

test('a chat listed newest first is read oldest first by its time stamps; without stamps, as written', { skip: devSkip }, () => {
  assert.deepEqual(messages('group-thread-export-newest-first.json'), [
    'user: 4(c) receptive field after L stride-1 KxK conv layers? asking for both of us',
    'assistant: Each stride-1 layer adds K − 1 to the window:\n\nReceptive field = L(K − 1) + 1\n\nTwo 3×3 layers see 5×5.',
    'user: and 2(b)? y = c W x, W ~ N(0,1), what c recovers Xavier',
    'assistant: Var(y) = c²·d_in, so c = 1/√d_in 📘',
    'user: ok thx',
  ]);
  assert.deepEqual(graded('group-thread-export-newest-first.json'), { '2.b': 'correct: c = 1/sqrt(d_in)', '4.c': 'correct: L (K - 1) + 1' });
  // Near miss: no stamps, so the file's order stands and the model's corrected answer is its last.
  assert.equal(messages('near-miss-no-timestamps.json')[3], 'assistant: You’re right. (c) The receptive field is L(K−1)+1.');
  assert.deepEqual(graded('near-miss-no-timestamps.json'), { '4.c': 'correct: L (K - 1) + 1' });
});

test('UTF-8 stored as Latin-1 escapes is repaired only when the whole text decodes', { skip: devSkip }, () => {
  assert.equal(utf8ReadAsLatin1Repaired('c = 1/\u00e2\u0088\u009ad_in \u00f0\u009f\u0093\u0098'), 'c = 1/√d_in 📘');
  // An export's escapes (`"c = 1/\u00e2\u0088\u009ad_in"`) read as the characters they stand for.
  assert.equal(messages('group-thread-export-newest-first.json')[3], 'assistant: Var(y) = c²·d_in, so c = 1/√d_in 📘');
  // Near misses: a character above Latin-1 beside the escapes, a Latin-1 text's own `é»`, plain ASCII.
  assert.equal(utf8ReadAsLatin1Repaired('√ and \u00e2\u0088\u009a'), undefined);
  assert.equal(utf8ReadAsLatin1Repaired('La réponse appelée» ci-dessous'), undefined);
  assert.equal(utf8ReadAsLatin1Repaired('c = 1/sqrt(d_in)'), undefined);
  assert.deepEqual(messages('near-miss-latin1-text.json'), [
    "user: Question 4(a) : nombre de paramètres d'une couche «conv» (K×K, C canaux, F filtres) ?",
    'assistant: La réponse appelée» ci-dessous : (a) K²·C·F poids et F biais.',
  ]);
});

test('oldest first: reversed only when every item is stamped and the stamps only fall', () => {
  const stamped = (...ts: unknown[]) => ts.map((t, i) => ({ i, timestamp_ms: t }));
  const order = (list: unknown[]) => oldestFirst(list).map((x) => (x as { i: number }).i);
  assert.deepEqual(order(stamped(1760227996559, 1760227952784, 1760227902631)), [2, 1, 0]);
  assert.deepEqual(order(stamped('2025-10-12T19:03:00Z', '2025-10-12T19:02:00Z')), [1, 0]);
  assert.deepEqual(order(stamped('1760380811.000200', '1760380800.000100')), [1, 0]);
  assert.deepEqual(order(stamped(1760227902631, 1760227952784, 1760227996559)), [0, 1, 2]);
  assert.deepEqual(order(stamped(1760227902631, 1760227996559, 1760227952784)), [0, 1, 2]);
  assert.deepEqual(order(stamped(1760227996559, undefined, 1760227902631)), [0, 1, 2]);
  assert.deepEqual(order(stamped(1760227902631, 1760227902631)), [0, 1]);
  // Near miss: seconds a reply took, under `time`, are no moments.
  assert.deepEqual(
    order([
      { i: 0, time: 3.2 },
      { i: 1, time: 1.1 },
    ]),
    [0, 1],
  );
  assert.deepEqual(order([{ i: 0 }, { i: 1 }]), [0, 1]);
});
