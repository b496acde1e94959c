import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// A chat run against a model's API and copied from a terminal (blind round 30's Anthropic session,
// `curl ... | jq .`): the turns are JSON strings, escaped. In other providers' shapes of our own:
// OpenAI's chat completions (the request's `messages`, the response's `choices[].message`, a
// `reasoning_content` beside the answer) and Gemini's `contents` / `candidates[].content.parts`
// (a `thought` part). A near miss: a write-up whose answer shows a request body in a fenced block.

const openai = [
  'Q1 runs through the OpenAI API, my notes start with %%',
  '',
  '$ cat body.json',
  '{',
  '  "model": "gpt-x",',
  '  "messages": [',
  '    {"role": "system", "content": "Be brief."},',
  '    {"role": "user", "content": "Question 1. Newton-Schulz p(W) = 1/2 (3I - W W^T) W, W is d_out x d_in, an n x m by m x p product costs c n m p.\\n(a) Runtime of one iteration?\\n(b) Faster when d_out >> d_in? New runtime?"}',
  '  ]',
  '}',
  '$ curl -s https://api.openai.com/v1/chat/completions -d @body.json | jq .',
  '{',
  '  "id": "chatcmpl-1",',
  '  "choices": [',
  '    {',
  '      "index": 0,',
  '      "message": {',
  '        "role": "assistant",',
  '        "reasoning_content": "(a) maybe just c d_out^2 d_in? no, two products.",',
  '        "content": "**(a)** Two products, each $c\\\\,d_{out}^2 d_{in}$: the runtime is $2c\\\\,d_{out}^2 d_{in}$.\\n\\n**(b)** Use $W^\\\\top W$: $p(W) = \\\\tfrac12 W(3I - W^\\\\top W)$, runtime $2c\\\\,d_{out} d_{in}^2$."',
  '      },',
  '      "finish_reason": "stop"',
  '    }',
  '  ]',
  '}',
  'both look right to me',
];

const gemini = [
  '> gcloud session, Gemini REST',
  "me@box:~/hw4$ jq '.contents[0].parts[0].text' req.json",
  '"Q1 Newton-Schulz, W is d_out x d_in, costs c n m p per product.\\n(a) runtime of one iteration of p(W) = 1/2 (3I - W W^T) W?\\n(b) faster if d_out >> d_in?"',
  'me@box:~/hw4$ curl -s "$URL" -d @req.json | jq .',
  '{',
  '  "candidates": [',
  '    {',
  '      "content": {',
  '        "parts": [',
  '          {"text": "(b) It must be 1/sqrt(d_in)? Let me check...", "thought": true},',
  '          {"text": "**(a)** The runtime is $2c\\\\,d_{out}^2 d_{in}$.\\n\\n**(b)** The runtime is $2c\\\\,d_{out} d_{in}^2$ using $W^\\\\top W$."}',
  '        ],',
  '        "role": "model"',
  '      }',
  '    }',
  '  ]',
  '}',
];

test("a terminal session printing an API's chat as JSON is read as the chat, its strings decoded and its reasoning left out", { skip: devSkip }, () => {
  const sub = readWithStaffKey(openai.join('\n'), 'session.txt');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant'],
  );
  assert.ok(!sub.messages?.some((m) => /maybe just/.test(m.text)));
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(openai.join('\n'), 'session.txt')), { '1.a': 'correct', '1.b': 'correct' });
  const g = readWithStaffKey(gemini.join('\n'), 'gemini.txt');
  assert.ok(!g.messages?.some((m) => /Let me check/.test(m.text)));
  const v = Object.fromEntries(gradeWithStaffKey(gemini.join('\n'), 'gemini.txt'));
  assert.equal(v['1.a'], 'correct');
  assert.equal(v['1.b'], 'correct');
});

test('a response printed compact on one line, and a reply printed as text from a saved response, are read as replies', { skip: devSkip }, () => {
  const text = [
    "$ jq -r '.messages[0].content' req.json",
    'Question 1: Newton-Schulz p(W) = 1/2 (3I - W W^T) W, W is d_out x d_in, an n x m by m x p product costs c n m p.',
    '(a) Runtime of one iteration?',
    '$ curl -s https://api.example.com/v1/messages -d @req.json',
    '{"id":"r1","role":"assistant","content":[{"type":"text","text":"**(a)** The runtime is $2c\\\\,d_{out}^2 d_{in}$."}]}',
    "$ jq -r '.messages[1].content' req2.json",
    '(b) And when d_out >> d_in?',
    "$ jq -r '.content[0].text' resp2.json",
    '**(b)** The runtime is $2c\\,d_{out} d_{in}^2$, with $W^\\top W$.',
  ].join('\n');
  const sub = readWithStaffKey(text, 'session.txt');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(text, 'session.txt')), { '1.a': 'correct', '1.b': 'correct' });
});

test('a write-up whose answer shows a request body in a fenced block keeps its reading', { skip: devSkip }, () => {
  const text = [
    '1(a) The runtime is $2c\\,d_{out}^2 d_{in}$.',
    '',
    '1(b) The runtime is $2c\\,d_{out} d_{in}^2$. I checked both with a model; the request was',
    '',
    '```json',
    '{',
    '  "messages": [{"role": "user", "content": "Is the runtime c d_out^2 d_in?"}, {"role": "assistant", "content": "(a) c d_out^2 d_in"}]',
    '}',
    '```',
  ].join('\n');
  assert.equal(readWithStaffKey(text, 'hw.md').format, 'writeup');
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(text, 'hw.md')), { '1.a': 'correct', '1.b': 'correct' });
});
