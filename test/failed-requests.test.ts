import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { isErrorBody } from '../src/documents/sheet-attempts.js';

// A request log's row whose request failed (an HTTP 4xx or 5xx status, or a provider's error body
// where the reply would be) was never answered: the error's numbers and words are no answer, a part
// whose only request failed is unanswered, and a retry that succeeded is the part's answer.
// Documents of our own: an LLM gateway's log export and an eval sheet with error bodies in its outputs.

const graded = (file: string) => gradedFixtureFile('failed-requests', file);

test("a gateway log's failed rows (429, 500) hold no answer: a part whose only request failed is unanswered, a successful retry is read", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('gateway-logs-gpt41mini-q2bcde.csv'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: sqrt(d_out)',
    // The near miss: an answered request with a wrong rate stays wrong.
    '2.e': 'incorrect: alpha = d_out',
  });
});

test("a sheet with no status column: a provider's error body in the output column is no answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('eval-sheet-errors-q4abc.csv'), { '4.c': 'correct: L (K - 1) + 1' });
});

test("an error body is a provider's error object holding no reply", () => {
  assert.equal(isErrorBody('{"error":{"message":"Rate limit","code":429}}'), true);
  assert.equal(isErrorBody('{"object":"error","message":"Requests rate limit exceeded","code":"1300"}'), true);
  assert.equal(isErrorBody('{"type":"error","error":{"type":"overloaded_error"}}'), true);
  // A reply, or an answer that speaks of an error, is no error body.
  assert.equal(isErrorBody('{"choices":[{"message":{"content":"c = 1/sqrt(d_in)"}}],"error":null}'), false);
  assert.equal(isErrorBody('{"g3": [0, 0.8, 0], "error": "none"}'), false);
  assert.equal(isErrorBody('the error is 1/sqrt(d_in)'), false);
  assert.equal(isErrorBody('{"error": broken'), false);
});
