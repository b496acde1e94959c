import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';

// A request that opens on the homework's own tag, its number glued on, then the part it asks
// (`PS6 2(b). A gradient has norm 8 ...`, `HW4 3(b). x(n) is ...`): the tag names the homework, and
// the part after it is the one asked. A long request that names it nowhere else was read as the
// question's first part. A remark on a part after the tag (`PS6 2(a) is right.`) asks nothing.

const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));
const parts = (text: string) => readSubmission(text, 'chat', key!, problems).responses.map((r) => `${r.partId}: ${r.final.text}`);

test('the part after a homework tag glued to its number is the part the long request asks', () => {
  const chat = [
    'User: PS6 2(b). A gradient has norm 8 and the clipping threshold is 2, and clipping rescales it by min(1, threshold / norm). After clipping, what is its norm? Explain which property of the rescaling makes this work.',
    '',
    'Assistant: The factor is 2/8 = 0.25, so the norm after clipping is 8 · 0.25 = 2.',
    '',
    'User: PS6 4(a). A 2x2 max pool with stride 2 is applied to a 16x16 map, windows do not overlap. What is the output side? Which property of pooling is this?',
    '',
    'Assistant: (16 - 2)/2 + 1 = 8.',
  ].join('\n');
  assert.deepEqual(parts(chat), ['2.b: The factor is 2/8 = 0.25, so the norm after clipping is 8 · 0.25 = 2.', '4.a: (16 - 2)/2 + 1 = 8.']);
});

test('near miss: a remark on a part after the tag (`PS6 2(a) is right.`) asks no part', () => {
  const chat = [
    'User: PS6 2(a). A gradient has norm 8 and the clipping threshold is 2, and clipping rescales it by min(1, threshold / norm). By what factor is it scaled? Explain which property of the rescaling makes this work.',
    '',
    'Assistant: The factor is 2/8 = 0.25.',
    '',
    'User: PS6 2(a) is right. A 2x2 max pool with stride 2 is applied to a 16x16 map, windows do not overlap, and the map has 3 channels. What is the output side? Which property of pooling is this?',
    '',
    'Assistant: (16 - 2)/2 + 1 = 8.',
  ].join('\n');
  assert.deepEqual(parts(chat), ['2.a: The factor is 2/8 = 0.25.', '4.a: (16 - 2)/2 + 1 = 8.']);
});
