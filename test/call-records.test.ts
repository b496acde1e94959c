import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { jsonValues } from '../src/documents/json-chat.js';
import { partIdOfName } from '../src/documents/part-ids.js';

// Round 40's tracing and batch exports: LLM observability and batch tools keep one call per record,
// its prompt under `input` / `inputs` / `request_body` / a request's `messages`, its completion under
// `output` / `outputs` / `response.body.choices[0].message` / `result.message`, and perhaps an id that
// names the part (`custom_id`, a `part` in its metadata); `jq .` prints such records one after another,
// a stream that is neither one JSON value nor JSON Lines. Each record is read as a question turn and an
// answer turn; the part is found by the id, else by the question's words. Documents of our own, from
// other tools, each with a near miss that must stay wrong.

const graded = (file: string) => gradedFixtureFile('call-records', file);

test('JSON values printed one after another (`jq .` over a stream, JSON Lines) are read as the list they make; anything else between them is no stream', () => {
  assert.deepEqual(jsonValues('{\n  "a": 1\n}\n{\n  "b": "}{"\n}\n'), [{ a: 1 }, { b: '}{' }]);
  assert.deepEqual(jsonValues('{"a": 1}\n{"b": 2}\n'), [{ a: 1 }, { b: 2 }]);
  assert.equal(jsonValues('{"a": 1}'), undefined);
  assert.equal(jsonValues('$ jq . out.json\n{"a": 1}\n{"b": 2}'), undefined);
  assert.equal(jsonValues('{"a": 1}\nnote: second one failed\n{"b": 2}'), undefined);
  assert.equal(jsonValues('{"a": 1}\n{"b": '), undefined);
});

test("a machine's id names a part only by a question's word or a part's letter, after the course's and homework's names", () => {
  assert.equal(partIdOfName('hw4-q3-d-ii'), '3.d.ii');
  assert.equal(partIdOfName('pset4_q4_c'), '4.c');
  assert.equal(partIdOfName('cs182-hw4-1a'), '1.a');
  assert.equal(partIdOfName('req-q1a'), '1.a');
  assert.equal(partIdOfName('hw-4-q2-run3'), '2');
  // Near misses: counters and names of runs name no part.
  for (const id of ['task-2', 'request-1', 'hw4-eval', '7', 'batch_req_6721a0c4f2d08190a64c1e7b9d3f2a58', 'ChatOpenAI']) assert.equal(partIdOfName(id), undefined, id);
});

test("Anthropic's batch results printed by jq: each `custom_id` names its part, `result.message` is the reply; an errored request answers nothing", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('anthropic-batch-results-jq.json'), {
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '2.e': 'incorrect: alpha = sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("OpenAI's batch output lines: the reply in `response.body.choices`, a failed request's error no answer; the batch's input file holds no answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('openai-batch-output.jsonl'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'incorrect: 2 c d_out^2 d_in',
  });
  assert.deepEqual(await graded('openai-batch-input.jsonl'), {});
});

test("LangSmith's runs: the last human message of the request (not its system prompt) is the question, found by its words; the generation is the answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('langsmith-runs.json'), {
    '4.b': 'correct: ((W - K)/S + 1) × ((H - K)/S + 1) × C',
    '4.c': 'incorrect: L K',
  });
});

test("Helicone's request log: request and response bodies, the part named by a custom property when the question's words do not", { skip: devSkip }, async () => {
  const parts = await graded('helicone-requests.json');
  assert.deepEqual(Object.keys(parts), ['2.b', '3.b']);
  assert.equal(parts['2.b'], 'correct: c = 1/sqrt(d_in)');
  assert.match(parts['3.b']!, /^incorrect: output: y_\{2\} n = y \[n \+ 5\]; property: /);
});

test("a Braintrust experiment's rows: the model's `output` is graded, never the `expected` value the tool scored it against", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('braintrust-experiment.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '2.c': 'incorrect: sqrt(d_in d_out)',
  });
});
