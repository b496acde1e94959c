import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

const demo = (p: string) => readFileSync(fileURLToPath(new URL(`../../examples/demo/${p}`, import.meta.url)), 'utf8');

// A verdict reached through a key's `partial` or `conventions` entry still shows the key's own
// answer as expected: showing the matched wrong form there tells a student the wrong answer is
// the expected one.
test('a partial or convention match shows the key answer as expected, not the matched form', () => {
  const { key } = loadKey(demo('key.yaml'), 'key.yaml');
  const bob = gradeSubmission(key!, readSubmission(demo('submissions/bob.md'), 'bob.md', key!));
  const part = (id: string) => bob.parts.find((p) => p.id === id)!;
  assert.equal(part('1.b').verdict, 'partial');
  assert.match(part('1.b').expected, /\+ 16/, part('1.b').expected);
  assert.equal(part('2.a').category, 'convention');
  assert.doesNotMatch(part('2.a').expected, /-/, part('2.a').expected);
  assert.match(part('2.a').expected, /4/);
});
