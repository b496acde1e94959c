import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { detectFormat } from '../src/documents/transcripts.js';

// Chats kept as JSON by apps other than ChatGPT's and Claude's exports: API logs with a system
// prompt and tool traffic, generate-content bodies with thought parts, [person, reply] pairs kept
// raw and HTML-escaped, `from`/`value` records, a bot under its own name, a tree of request /
// think / response fragments, JSON Lines with `is_user`, turns kept in versions, answers keyed by
// part. Before, every one of them but a plain role list was refused ("expected a list of
// messages"), a system prompt refused the whole chat, and every part was graded missing.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'json-chats');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

function warnings(file: string): string[] {
  return readWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file).warnings;
}

test('an API log: the system prompt and tool results are no turns; the reply is graded', { skip: devSkip }, () => {
  assert.deepEqual(graded('api-request-log.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    '2.d': 'incorrect: alpha = 1/d_in',
  });
});

test("a model's thought parts and thinking blocks are no answer (their wrong tries stay out)", { skip: devSkip }, () => {
  assert.deepEqual(graded('generate-content-body.json'), { '1.a': 'correct: 2 c d_out^2 d_in', '1.b': 'correct: 2 c d_out d_in^2' });
  assert.deepEqual(graded('messages-api-blocks.json'), { '2.e': 'correct: alpha = sqrt(d_out)' });
  // The tree's THINK fragment says the right answer; the RESPONSE, which counts, says the wrong one.
  assert.deepEqual(graded('tree-fragments.json'), { '1.b': 'incorrect: 2 c d_out^2 d_in' });
});

test('[person, reply] pairs, `from`/`value` records, JSON Lines with is_user, and the shown version of a turn', { skip: devSkip }, () => {
  assert.deepEqual(graded('webui-pairs.json'), { '4.c': 'correct: L (K - 1) + 1' });
  assert.deepEqual(graded('from-value-records.json'), { '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]' });
  assert.deepEqual(graded('roleplay-log.jsonl'), { '2.b': 'incorrect: c = sqrt(2/d_in)' });
  // The first version (d_out) was regenerated; the selected one is the answer.
  assert.deepEqual(graded('selected-versions.json'), { '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)' });
});

test('a bot under its own name is the model when the list names one person', { skip: devSkip }, () => {
  const got = graded('named-bot-author.json');
  assert.equal(got['4.c'], 'incorrect: L K');
  assert.match(got['4.a']!, /^partial/);
});

test('answers keyed by part are a write-up', { skip: devSkip }, () => {
  const text = readFileSync(join(FIXTURES, 'answers-by-part.json'), 'utf8');
  assert.equal(detectFormat(text, 'answers-by-part.json'), 'writeup');
  assert.deepEqual(graded('answers-by-part.json'), { '2.b': 'correct: c = 1/sqrt(d_in)', '2.c': 'correct: sqrt(d_out)', '4.c': 'correct: L (K - 1) + 1' });
  // Near miss: an object whose keys are not all parts stays JSON to read as a chat.
  assert.equal(detectFormat('{"2b": "x", "model": "gpt-4.1"}', 'a.json'), 'json-messages');
});

test('near misses: unknown speakers, a settings file and a chat with no reply say why, and grade nothing', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-speakers.json'), {});
  assert.match(warnings('near-miss-speakers.json')[0]!, /^near-miss-speakers\.json: no conversation found: its speakers \("robot", "alien"\) are neither/);
  assert.deepEqual(graded('near-miss-settings.json'), {});
  assert.match(warnings('near-miss-settings.json')[0]!, /^near-miss-settings\.json: no conversation found: expected a list of messages/);
  // A system prompt that states an answer is no reply of the model's.
  assert.deepEqual(graded('near-miss-system-only.json'), {});
  assert.match(warnings('near-miss-system-only.json')[0]!, /no model's reply found/);
});
