import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile, gradeWithStaffKey } from './hw4-dev.js';

// Blind round 38's iMessage thread between two students: the partner names each part as people text it,
// its number and letter in one word, anywhere in a message (`did u do 4e yet`, `4c i have 1 + L(K-1)`,
// `4f is just g3 = g2 ... right?`), and the student's reply under it answers that part. Read only when a
// message opened on a part's label, nearly no part was found. A short message naming one part so (not in a
// path, a figure or a dimension, not compared with) asks it while it has no answer. Fixture of our own: an
// Android WhatsApp export between study partners, with an attachment line, a right answer given up after a
// push-back (the newer, wrong one counts) and a wrong answer in the same shape (near misses that stay wrong).

test('a texted thread whose messages name parts as `2b`, `Q4c`, `last one 4f` places each reply under its part; the last answer typed counts', { skip: devSkip }, async () => {
  assert.deepEqual(await gradedFixtureFile('texted-part-ids', 'whatsapp-android-study-partner-q2bd-q4cf.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'correct: 1/sqrt(d_in)',
    '4.c': 'incorrect: K + L - 1',
    '4.f': 'partial: g3: [0, 0, 0.8]; g4: [0.8, 0, 0]',
  });
});

test("near misses: an id in a file path, a dimension (`2d conv`), a part compared with (`same as 2b`), a product's coefficient (`2b d_in`) and an equation's number (`eq 2b`) name no part asked", {
  skip: devSkip,
}, () => {
  const thread = (ask: string) =>
    `16/10/2025, 20:10 - Marco: hey, got a sec for hw4?\n16/10/2025, 20:14 - Marco: ${ask}\n16/10/2025, 20:16 - Lena Fischer: yes: every y_i is a sum of d_in products of unit variance, so scaling by the fan-out I get c = 1/sqrt(d_out) there\n16/10/2025, 20:18 - Marco: ok\n`;
  for (const ask of ['/Users/marco/hw/2b/scan.png', 'the 2d conv one is hard', 'is it the same as 2b?', 'is it 2b d_in^2 or what', 'what does eq 2b mean']) {
    assert.equal(gradeWithStaffKey(thread(ask), 't.txt').get('2.b'), undefined, ask);
  }
  assert.equal(gradeWithStaffKey(thread('did u do 2b yet'), 't.txt').get('2.b'), 'incorrect');
});
