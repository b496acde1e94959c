import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile, staffKey } from './hw4-dev.js';
import { jsonWordsAsText } from '../src/documents/json-text.js';
import { readSubmissionFile } from '../src/documents/submission.js';

// Blind round 43 held four JSON exports whose shape no reader knew (a mind map's topics, a social
// site's notes, a tracing tool's spans, a bot's message log), and each was read as nothing at all.
// A TA opening such a file still reads the words in it: the last reading of structured data is its
// strings in the order written (a log listed newest first read from its end), the app's bookkeeping
// (ids, stamps, links, colours, enum values) left out and a replayed text read once.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'json-words');
const graded = (file: string) => gradedFixtureFile('json-words', file);

test("a note app's export in a shape no reader knows is read as the notes' words, with a warning that says so", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('labnotes-export.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: 1 + L (K - 1)',
  });
  const file = join(FIXTURES, 'labnotes-export.json');
  const { key, problems } = staffKey();
  const read = await readSubmissionFile(readFileSync(file), 'labnotes-export', key, problems, file);
  assert.ok(
    read.warnings.some((w) => /no conversation found.*read the words in it as a write-up instead/.test(w)),
    read.warnings.join('\n'),
  );
});

test("a bot's log listed newest first is read in the order written: the correction after a wrong answer is the answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('relay-bot-log.jsonl'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test('near misses: wrong answers in the same export stay wrong; a settings file holds no words and gives no answers', { skip: devSkip }, async () => {
  const wrong = await graded('labnotes-wrong.json');
  assert.match(wrong['2.b'] ?? '', /^incorrect/);
  assert.match(wrong['4.c'] ?? '', /^incorrect/);
  assert.equal(jsonWordsAsText(readFileSync(join(FIXTURES, 'settings.json'), 'utf8')), undefined);
  assert.deepEqual(await graded('settings.json'), {});
});

test("the app's bookkeeping is no one's words: ids, stamps, links, colours and enum values are left out, a replayed text read once", () => {
  const text = jsonWordsAsText(
    JSON.stringify({
      spans: [
        { spanId: 'a1b2c3d4e5f6', startTime: '2025-11-05T10:00:00Z', kind: 'LLM', input: ['Q2(b) what is c?'], output: 'c = 1/sqrt(d_in) because Var(y) = c^2 d_in' },
        {
          spanId: 'f6e5d4c3b2a1',
          startTime: '2025-11-05T10:01:00Z',
          kind: 'LLM',
          input: ['Q2(b) what is c?', 'c = 1/sqrt(d_in) because Var(y) = c^2 d_in', 'and 4(c)?'],
          output: '4(c) 1 + L(K - 1)',
          href: 'https://example.org/t/1',
          color: '#aabbcc',
        },
      ],
    }),
  );
  assert.equal(text, 'Q2(b) what is c?\n\nc = 1/sqrt(d_in) because Var(y) = c^2 d_in\n\nand 4(c)?\n\n4(c) 1 + L(K - 1)');
});
