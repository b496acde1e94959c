import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// What a chat file says about itself is not what was said in it: an exporter's YAML front matter
// (`model: gpt-4o-mini` reads as a model's turn, `title:` as the person's), and a follow-up that
// opens on how many dimensions the next task has (`now 1D.`, `now 2D.`), which reads as a
// question's number and part letter (question 2, part (d)).

const DIR = 'chat-metadata';
const roles = (file: string) =>
  (readPs6(DIR, file).messages ?? [])
    .filter((m) => m.role !== 'note')
    .map((m) => m.role[0])
    .join('');

test("an exporter's front matter is no turn: the chat starts at its first who-speaks line", () => {
  assert.equal(roles('front-matter.md'), 'ua');
  assert.deepEqual(ps6Verdicts(DIR, 'front-matter.md'), ['2.a correct', '2.b correct']);
});

test('a follow-up that opens on `now 1D.` asks for the next task, not question 1', () => {
  assert.deepEqual(ps6Verdicts(DIR, 'dimensions.md'), ['2.a correct', '2.b correct', '3.a correct', '3.b.i correct', '3.b.ii correct']);
});

test("near misses: `now 2b.` still asks for question 2's part (b), and a write-up's front matter leaves it a write-up", () => {
  const s = readPs6(DIR, 'part-follow-up.md');
  assert.equal(s.responses.find((r) => r.partId === '2.b')?.final.text, 'The clipped norm is 8 · 0.25 = 2.');
  assert.deepEqual(ps6Verdicts(DIR, 'part-follow-up.md'), ['2.a correct', '2.b correct']);
  assert.equal(readPs6(DIR, 'writeup-front-matter.md').format, 'writeup');
  assert.deepEqual(ps6Verdicts(DIR, 'writeup-front-matter.md'), ['2.a correct', '2.b correct']);
});
