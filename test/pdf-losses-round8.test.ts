/**
 * Classes of reading failure found triaging blind rounds 16-18 printed as chat exports
 * (test/pdf-blind-rounds.test.ts), each rebuilt here in a PDF of its own, in words of its own,
 * with a near miss that must stay as it is. Every page is printed in one browser launch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatExport } from './fixtures/pdf/chat-export.js';
import { CHROMIUM } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';

const noChromium = !CHROMIUM && 'no /usr/bin/chromium';

// A chat copied with the time each message was sent, its first line, printed by an exporter that
// labels every turn ("You said:" / "ChatGPT said:").
const dated = [
  '## User',
  '',
  '3/14/2025, 8:02:11 AM',
  '',
  'What learning rate would you start with for Adam on a small transformer?',
  '',
  '## Assistant',
  '',
  '3/14/2025, 8:02:40 AM',
  '',
  'Start at 3e-4 with a short warmup.',
  '',
  '## User',
  '',
  '3/14/2025, 8:05:02 AM',
  '',
  'And the batch size?',
  '',
  '## Assistant',
  '',
  '3/14/2025, 8:05:19 AM',
  '',
  'Take 64 sequences per step.',
  '',
].join('\n');
// Near miss: the exporter that closes each message with its stamp (Claude Exporter) and no labels.
const undated = dated.replace(/^\d+\/\d+\/\d+, [\d:]+ AM\n\n/gm, '');

// Section titles led by icons the print's font may have no character for; near misses: a line
// with no icon, and an icon closing a sentence, gain no mark.
const iconed = [
  '📌 Warmup length',
  '',
  'Use about 2% of the steps.',
  '',
  '🔍 Why warmup helps',
  '',
  "Adam's second moment is noisy at first, so early steps are too large. That is all 🙂",
  '',
  'Plain closing line',
].join('\n');

// Answers a reply closes a line on in bold, after its text face; near misses: a bold word inside
// the sentence, and a bold phrase long enough that the column wraps it onto the next line.
const closingBold = [
  'Bounding both sides, ‖W‖ ≤ 3, hence **η = 1/12**',
  '',
  'So the map shrinks to **7 × 7**.',
  '',
  'Keep **momentum** at that value.',
  '',
  'The spread grows, so **the variance of every output entry grows linearly in the number of summed products**',
  '',
].join('\n');

const pages = [
  { name: 'dated', job: chatExport(dated, 'chatgpt-exporter') },
  { name: 'undated', job: chatExport(undated, 'claude-exporter') },
  { name: 'closing-bold', job: chatExport(`## User\n\nWhat rate and what size?\n\n## Assistant\n\n${closingBold}\n`, 'chatgpt-print') },
  { name: 'iconed', job: chatExport(`## User\n\nHow long a warmup?\n\n## Assistant\n\n${iconed}\n`, 'chatgpt-print') },
] as const;
const { texts } = printedBeforeTests(pages, !!noChromium);

/** The rebuilt chat's turns: each label and the text under it. */
const turnsOf = (text: string) => [...text.matchAll(/\*\*(User|Assistant):\*\*\n([\s\S]*?)(?=\n\*\*(?:User|Assistant):\*\*|$)/g)].map((m) => `${m[1]}: ${m[2]!.replace(/\s+/g, ' ').trim()}`);

test("stamps that open each labelled message leave the labels to tell the turns apart; an exporter's stamps closing messages still do", { skip: noChromium }, () => {
  const text = texts.get('dated')!;
  const turns = turnsOf(text);
  assert.equal(turns.length, 4, text);
  assert.match(turns[0]!, /^User: .*What learning rate would you start with/, text);
  assert.match(turns[1]!, /^Assistant: .*Start at 3e-4 with a short warmup\./, text);
  assert.match(turns[2]!, /^User: .*And the batch size\?/, text);
  assert.match(turns[3]!, /^Assistant: .*Take 64 sequences per step\./, text);
  const closed = turnsOf(texts.get('undated')!);
  assert.deepEqual(
    closed.map((t) => t.split(':')[0]),
    ['User', 'Assistant', 'User', 'Assistant'],
    texts.get('undated'),
  );
  assert.match(closed[1]!, /Start at 3e-4/, texts.get('undated'));
});

test('an icon opening a line keeps a mark there though the font names no character for it; a line without one, or with one at its end, gains none', { skip: noChromium }, () => {
  const text = texts.get('iconed')!;
  assert.match(text, /^\p{Extended_Pictographic}\uFE0F? Warmup length$/mu, text);
  assert.match(text, /^\p{Extended_Pictographic}\uFE0F? Why warmup helps$/mu, text);
  assert.match(text, /^Use about 2% of the steps\.$/m, text);
  assert.match(text, /^Plain closing line$/m, text);
  assert.doesNotMatch(text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, JSON.stringify(text));
  assert.match(text, /That is all\s*\p{Extended_Pictographic}?$/mu, text);
});

test('bold words closing a line are marked as the chat wrote them (the answer a reply commits to); a bold word inside a sentence, or a bold phrase the column wraps, is not', {
  skip: noChromium,
}, () => {
  const text = texts.get('closing-bold')!;
  assert.match(text, /hence \*\*.*1\/12.*\*\*$/mu, text);
  assert.match(text, /shrinks to \*\*.*7.*\*\*\.$/mu, text);
  assert.match(text, /^Keep momentum at that value\.$/m, text);
  const wrapped = text.slice(text.indexOf('The spread'));
  assert.doesNotMatch(wrapped, /\*\*/, text);
});
