import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// An arena battle copied side by side (the question, `Model A`'s answer, `Model B`'s, the vote
// buttons): the model the person says they grade is graded alone, never parts of both; when they
// name neither, no part is graded as sure.

const verdicts = (file: string) => ps6Verdicts('arena-battles', file);

test('a battle whose person names the model graded (`I voted B is better`): only Model B is graded', () => {
  assert.deepEqual(verdicts('vote-b.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
});

test('a battle naming no model: every part needs review, no part is read from the other column', () => {
  assert.deepEqual(verdicts('unnamed.txt'), ['3.a needs-review', '3.b.i needs-review', '3.b.ii needs-review']);
  const sub = readPs6('arena-battles', 'unnamed.txt');
  assert.match(sub.warnings.join('\n'), /Model A and Model B/);
});

test('near miss: a write-up that mentions Model A and Model B in its sentences is graded as written', () => {
  assert.deepEqual(verdicts('compared-in-prose.txt'), ['3.a correct', '3.b.i correct', '3.b.ii correct']);
});
