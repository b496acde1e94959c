/**
 * Classes of reading failure found triaging blind rounds 19-22 printed as chat exports and pages
 * (test/pdf-blind-rounds-19-22.test.ts), each rebuilt here in a PDF of its own, in words of its
 * own, with a near miss that must stay as it is. Every page is printed in one browser launch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatExport, textPage } from './fixtures/pdf/chat-export.js';
import { CHROMIUM } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

// Two messages the person sent one after the other (a remark on how the chat was made, then the
// question): the print shows two bubbles. Near miss: one message of two paragraphs, one bubble.
const twoMessages = [
  '## User',
  '',
  'Sharing this for the participation credit; I used the free plan and did not edit the replies.',
  '',
  '## User',
  '',
  'How many biases does a layer of 16 filters of size 5 by 5 have?',
  '',
  '## Assistant',
  '',
  'One bias per filter, so 16.',
  '',
].join('\n');
const oneMessage = [
  '## User',
  '',
  'Sharing this for the participation credit; I used the free plan and did not edit the replies.',
  '',
  'How many biases does a layer of 16 filters of size 5 by 5 have?',
  '',
  '## Assistant',
  '',
  'One bias per filter, so 16.',
  '',
].join('\n');

// A write-up typed as plain text under a header whose fields are labelled with the words that
// head turns (`Assistant:` naming the model, `User:` naming the student). Near miss: a chat typed
// with those labels heading its turns stays a chat.
const fielded = [
  'EECS 182 - checking a model on homework 4',
  'Assistant: Claude 3.5 Sonnet (claude.ai, default settings)',
  'User: Dana Whitfield',
  '',
  '(a) The layer has K*K*C*F weights and F biases.',
  '(b) The pooled map is floor((W - K)/S) + 1 wide.',
  '',
].join('\n');
const labelled = [
  'EECS 182 - checking a model on homework 4',
  '',
  'User: How many biases does a layer of 16 filters have?',
  'Assistant: One bias per filter, so 16.',
  'User: And the weights, for 5 by 5 filters over 3 channels?',
  'Assistant: 5 * 5 * 3 * 16 = 1200.',
  '',
].join('\n');

// The same two messages printed by an exporter that closes every message with its stamp and
// shades the person's (Claude Exporter), the reply opening on a code block its own box shades.
// Near misses: a chat whose turns alternate keeps them so, a message that is a posted picture alone
// (no shaded prose) among them.
const codeReply = twoMessages.replace('One bias per filter, so 16.', '```python\nbiases = filters  # one each\n```\n\nOne bias per filter, so 16.');
const alternating = [
  '## User',
  '',
  'What padding keeps a 3 by 3 convolution the same size?',
  '',
  '## Assistant',
  '',
  'Padding 1 on every side.',
  '',
  '## User',
  '',
  '![exercise-3.png](attachment)',
  '',
  '## Assistant',
  '',
  'Padding 2.',
  '',
].join('\n');

const pages = [
  { name: 'two-messages', job: chatExport(twoMessages, 'chatgpt-print') },
  { name: 'two-messages-gemini', job: chatExport(twoMessages, 'gemini-print') },
  { name: 'one-message', job: chatExport(oneMessage, 'chatgpt-print') },
  { name: 'two-messages-stamped', job: chatExport(codeReply, 'claude-exporter') },
  { name: 'alternating-stamped', job: chatExport(alternating, 'claude-exporter') },
  { name: 'fielded', job: textPage(fielded) },
  { name: 'labelled', job: textPage(labelled) },
] as const;
const { texts } = printedBeforeTests(pages, !!noChromium);

/** The rebuilt chat's turns: each label and the text under it. */
const turnsOf = (text: string) => [...text.matchAll(/\*\*(User|Assistant):\*\*\n([\s\S]*?)(?=\n\*\*(?:User|Assistant):\*\*|$)/g)].map((m) => `${m[1]}: ${m[2]!.replace(/\s+/g, ' ').trim()}`);

test("two bubbles the person sent one after the other are two of the person's turns; one message of two paragraphs stays one", { skip: noChromium }, () => {
  for (const name of ['two-messages', 'two-messages-gemini']) {
    const text = texts.get(name)!;
    const turns = turnsOf(text);
    assert.deepEqual(
      turns.map((t) => t.split(':')[0]),
      ['User', 'User', 'Assistant'],
      text,
    );
    assert.match(turns[0]!, /participation credit.*did not edit the replies\.$/, text);
    assert.match(turns[1]!, /^User: How many biases/, text);
  }
  const one = texts.get('one-message')!;
  const turns = turnsOf(one);
  assert.deepEqual(
    turns.map((t) => t.split(':')[0]),
    ['User', 'Assistant'],
    one,
  );
  assert.match(turns[0]!, /participation credit.*How many biases/, one);
});

test("a header's fields naming the model and the student head no turns; a chat typed with those labels is still read into turns", { skip: noChromium }, () => {
  const text = texts.get('fielded')!;
  assert.doesNotMatch(text, /\*\*(?:User|Assistant):\*\*/, text);
  assert.match(text, /^Assistant: Claude 3\.5 Sonnet/m, text);
  assert.match(text, /^\(a\) The layer has/m, text);
  const chat = turnsOf(texts.get('labelled')!);
  assert.deepEqual(
    chat.map((t) => t.split(':')[0]),
    ['User', 'Assistant', 'User', 'Assistant'],
    texts.get('labelled'),
  );
  assert.match(chat[3]!, /1200/, texts.get('labelled'));
});

test("an exporter that shades the person's messages tells two of them in a row from a reply by the shading; turns that alternate stay so", { skip: noChromium }, () => {
  const text = texts.get('two-messages-stamped')!;
  const turns = turnsOf(text);
  assert.deepEqual(
    turns.map((t) => t.split(':')[0]),
    ['User', 'User', 'Assistant'],
    text,
  );
  assert.match(turns[1]!, /How many biases/, text);
  assert.match(turns[2]!, /biases = filters.*One bias per filter/, text);
  const plain = texts.get('alternating-stamped')!;
  const alternate = turnsOf(plain);
  assert.deepEqual(
    alternate.map((t) => t.split(':')[0]),
    ['User', 'Assistant', 'User', 'Assistant'],
    plain,
  );
  assert.match(alternate[2]!, /\[File\]/, plain);
  assert.match(alternate[3]!, /Padding 2/, plain);
});
