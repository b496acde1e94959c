import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameLine } from '../src/documents/speaker-shapes.js';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// A chat copied from a model provider's playground or chat room (Together, Fireworks, OpenRouter, Groq):
// each turn under a bare line naming who speaks, the person by name or `You`, the model by the display
// name the page gives it, whose version, size and release are words of their own (`Nous Hermes 3 405B
// Instruct`). Read as a name of three words at most, that line was no speaker's, the replies ran on as
// the person's turn, and no part was found. Words with a digit in them are the model's version, not
// more of its name. Near miss: a reply in the same shape whose answer is wrong stays wrong.

test("a chat room's copy whose model turns are headed by its display name (`Nous Hermes 3 405B Instruct`) is read by its turns; the wrong receptive field stays wrong", {
  skip: devSkip,
}, async () => {
  const graded = await gradedFixtureFile('playground-copies', 'openrouter-chatroom-hermes3-q4abc.txt');
  assert.deepEqual(Object.keys(graded).sort(), ['4.a', '4.b', '4.c']);
  assert.match(graded['4.a']!, /^correct: /);
  assert.match(graded['4.b']!, /^correct: .*× C$/);
  assert.equal(graded['4.c'], 'incorrect: L (K - 1)');
});

test("a model's version words do not count among a name's three words; a line of more plain words is no name", () => {
  assert.equal(nameLine('Llama 3.3 70B Instruct Turbo', 0)?.name, 'llama 3.3 70b instruct turbo');
  assert.equal(nameLine('Mistral Small 3.1 24B', 0)?.name, 'mistral small 3.1 24b');
  assert.equal(nameLine('The model got 70 percent', 0), undefined);
  assert.equal(nameLine('Results for the 405B model', 0), undefined);
  // (A model's tier in lower case is its name's; a provider's slug a printed page sets beside the name is not.)
  assert.equal(nameLine('GPT-5 mini', 0)?.name, 'gpt-5 mini');
  assert.equal(nameLine('Kimi K2 0905 moonshotai', 0), undefined);
});
