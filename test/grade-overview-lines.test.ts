import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts } from './ps6-key.js';

// A chat whose first line gives an overview of the questions it goes through (`PS6 Q1 and Q4
// (a)-(b) on Poe`), then pastes each question with no number: the pasted words say which
// question each turn is, not the last number the overview names. Poe's page copied whole opens
// on the bot's card (`Poe` / `GPT-4o-Mini` / `By @openai`), which is no reply.

const verdicts = (file: string) => ps6Verdicts('overview-lines', file);

const ALL_FOUR = ['1.a correct', '1.b incorrect', '4.a correct', '4.b correct'];

test("an overview line naming two questions, then each pasted with no number: each turn's words place it (Poe's card is no reply)", () => {
  assert.deepEqual(verdicts('poe-overview.txt'), ALL_FOUR);
  assert.deepEqual(verdicts('chat-overview.txt'), ALL_FOUR);
});

test("near miss: a line naming one question's parts still places the paste after it; Poe's card is no answer to (b)", () => {
  assert.deepEqual(verdicts('poe-one-question.txt'), ['4.a correct', '4.b correct']);
});

test('near miss: a turn naming parts of two questions keeps each of its parts where it named them', () => {
  assert.deepEqual(verdicts('chat-parts-of-two.txt'), ['1.b incorrect', '4.a correct']);
});

test('near miss: a paste of two parts answered with no label of its own stays doubtful between them', () => {
  assert.deepEqual(verdicts('poe-unlabelled-reply.txt'), ['1.a needs-review']);
});
