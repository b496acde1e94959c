import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Round 43's Webex space headed the bot's messages `StudyBot  Bot 8:02 PM`: the app's badge as a word, not
// in capitals or brackets, so no message header was read and the whole space was one write-up, the
// person's pasted questions graded as answers. Workplace chats (Webex, Google Chat, Teams) badge a bot or an
// app so beside its name; with the badge read, the bot's turns are the model's and the apps' footers
// (`Responses are AI-generated ...`), date separators and reactions stay out of the answers.

const graded = (file: string) => gradedFixtureFile('team-chat-bots', file);

test("a Google Chat space's `Homework Helper  App  8:41 PM` heads the app's turns, over two days", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('google-chat-space-gemini-app-q4cf-q7a.txt'), {
    '4.c': 'correct: 1 + L (K - 1)',
    '4.f': 'correct: g3: (0, 0.8, 0); g4: (0.8, 0, 0)',
    '7.a': 'correct: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}',
  });
});

test('near miss: a bot badged `Bot` that holds a wrong answer when questioned stays wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('teams-chat-copilot-bot-near-miss-q4c.txt'), { '4.c': 'incorrect: L (K - 1)' });
});
