import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, staffKey } from './hw4-dev.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { partByData } from '../src/documents/part-by-data.js';

// A person in a casual chat asks a part by typing its data, not its words (`x[n] = 1 for n=0..6,
// h[n] = (1/2)^n u[n] ...`, `[[1,2,3,4,5],...] and kernel [[-1,-2,-1],...], valid conv`): no label,
// hardly a word of the statement. Before, such a turn was read as discussion of the part before it
// and the part it asked was missing. A turn whose numbers are one part's data asks that part.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'data-asked-parts');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

test("a person's turn that pastes one part's numbers asks that part; a re-paste about an answered part is discussion", { skip: devSkip }, () => {
  assert.deepEqual(graded('discord-dm.md'), {
    '3.a': 'correct: { 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 127 · 2^(-n) if n ≥ 7 }',
    // The first attempt (not flipped), not the -40 the discussion after it mentions.
    '3.c': 'incorrect: [40, 40, 40; 40, 40, 40; 40, 40, 40]',
  });
});

test('near misses: chit-chat with a few numbers, a turn naming two parts by words, values of an answer', { skip: devSkip }, () => {
  const { outline } = assignmentOf(staffKey().key, staffKey().problems);
  assert.equal(partByData('ok last one, 3 min left lol', outline), undefined);
  assert.equal(partByData('hi, I have 3 questions on hw 4, maybe 2 or 3 more later', outline), undefined);
  assert.equal(partByData('got 40 40 40 for row 1, 2 and 3', outline), undefined);
  assert.deepEqual(partByData('x[n] = 1 for n=0..6, h[n] = (1/2)^n u[n], n = -6 ... 12', outline), { id: '3.a', question: '3' });
  assert.deepEqual(graded('near-miss-chitchat.md'), { '4.c': 'needs-review: L (K - 1) + 1' });
  assert.deepEqual(graded('near-miss-two-parts.md'), { '3.a': 'needs-review: [-40, -40, -40; -40, -40, -40; -40, -40, -40]' });
});
