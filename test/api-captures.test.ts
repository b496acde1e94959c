import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { capturedConversation, replyOfBody } from '../src/documents/http-captures.js';

// Round 42's captures of chat-API traffic: a browser's HAR and an API client's collection keep the
// conversation in bodies kept as text (a request's JSON, a completion's JSON or a stream of events),
// every request replays the history, and a streamed reply comes in pieces. Read as the chat the person
// saw: calls in time order, each request's new turns and its reply, reasoning left out, a failed or
// unanswered call no answer, the person's notes on a request no answer. Documents of our own, from
// other tools and other APIs, with near misses that must stay wrong.

const graded = (file: string) => gradedFixtureFile('api-captures', file);
const fixture = (file: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'api-captures', file), 'utf8'));

test("a HAR's streamed Messages-API calls: the history each request replays is read once, thinking deltas are no reply, a rate-limited call and the page's other traffic answer nothing", () => {
  const messages = capturedConversation(fixture('firefox-har-anthropic-workbench-q2bcd.har'));
  assert.deepEqual(
    messages?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant', 'user'],
  );
  assert.match(messages![1]!.text, /^With unit-variance inputs/);
  assert.doesNotMatch(messages!.map((m) => m.text).join('\n'), /first guess|rate_limit|event_type/);
});

test("Anthropic's event stream in a Firefox HAR (one body base64): each reply is its text deltas; the 429's error body is no answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('firefox-har-anthropic-workbench-q2bcd.har'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
  });
});

test("Gemini's stream in a HAR whose entries are listed as they finished: the later call's reply is the final answer, and a thought part that keeps the right one is no reply (near miss)", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('chrome-har-aistudio-gemini-q4c-pushback.har'), { '4.c': 'incorrect: K L' });
});

test("a router's chat-completion chunks: the reply is the `content` deltas, not the `reasoning` ones that reach the right rate (near miss)", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('charles-har-openrouter-r1-q2e-stream.har'), { '2.e': 'incorrect: alpha = sqrt(d_out/d_in)' });
});

test("a Hoppscotch collection's saved Responses-API replies: the `message` items' text, not the reasoning summaries; the request's name says which part it asks", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('hoppscotch-collection-o4mini-responses-q1ab.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'correct: 2 c d_out d_in^2',
  });
});

test("a Postman collection's saved Anthropic messages: a body with `{{variables}}` still read, the person's descriptions no answer, a request with no saved response unanswered", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('postman-collection-anthropic-opus-q2de-q4c.postman_collection.json'), {
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    // The near miss: a saved reply with a wrong rate stays wrong.
    '2.e': 'incorrect: alpha = sqrt(d_out)/d_in',
  });
});

test("a response body's reply: a completion's words, an event stream's deltas (data over several lines, `[DONE]`, comments), Ollama's JSON lines; an error body none", () => {
  assert.equal(replyOfBody('{"choices":[{"message":{"role":"assistant","content":"c = 1","reasoning_content":"c = 2"}}]}'), 'c = 1');
  assert.equal(replyOfBody(': keep-alive\n\ndata: {"choices":[{"delta":{"content":"a = "}}]}\n\ndata: {"choices":\ndata: [{"delta":{"content":"3"}}]}\n\ndata: [DONE]\n\n'), 'a = 3');
  assert.equal(replyOfBody('{"message":{"role":"assistant","content":"x "},"done":false}\n{"message":{"role":"assistant","content":"= 2"},"done":true}\n'), 'x = 2');
  assert.equal(replyOfBody('{"candidates":[{"content":{"parts":[{"text":"try 5","thought":true},{"text":"K L"}]}}]}'), 'K L');
  assert.equal(
    replyOfBody('event: completion\ndata: {"type":"completion","completion":" L(K-1)"}\n\nevent: completion\ndata: {"type":"completion","completion":" + 1","stop_reason":"stop_sequence"}\n\n'),
    'L(K-1) + 1',
  );
  assert.equal(replyOfBody('{"type":"error","error":{"type":"overloaded_error","message":"c = 1"}}'), '');
  assert.equal(replyOfBody('{"error":{"message":"Rate limit reached","code":429}}'), '');
  assert.equal(replyOfBody('<html>502 Bad Gateway</html>'), '');
});

test("a Bruno collection's saved examples: a folder's request with its JSON body as text, an example's response the reply", () => {
  const body = JSON.stringify({ model: 'mistral-large-latest', messages: [{ role: 'user', content: 'receptive field of L stride-1 K x K layers?' }] });
  const example = { name: 'ok', response: { status: 200, body: { type: 'json', content: { choices: [{ message: { role: 'assistant', content: '1 + L(K-1)' } }] } } } };
  const bruno = {
    name: 'hw4',
    version: '1',
    items: [{ type: 'folder', name: 'Q4', items: [{ type: 'http', name: 'q4c', request: { method: 'POST', body: { mode: 'json', json: body } }, examples: [example] }] }],
  };
  assert.deepEqual(capturedConversation(bruno), [
    { role: 'user', text: 'Question 4(c)\n\nreceptive field of L stride-1 K x K layers?' },
    { role: 'assistant', text: '1 + L(K-1)' },
  ]);
});

test('a document that is no capture, or a broken one, gives no conversation and never throws', () => {
  assert.equal(capturedConversation({ item: [{ name: 'notes', text: 'c = 1/sqrt(d_in)' }] }), undefined);
  assert.equal(capturedConversation({ log: { entries: [null, { request: 5 }, { request: { postData: { text: '{"messages": [' } }, response: {} }] } }), undefined);
  // (A request with no reply anywhere in the capture is no chat: the other readers may take the file.)
  assert.equal(
    capturedConversation({ log: { entries: [{ request: { postData: { text: '{"messages":[{"role":"user","content":"hi"}]}' } }, response: { status: 500, content: { text: 'oops' } } }] } }),
    undefined,
  );
  assert.equal(capturedConversation('text'), undefined);
});
