import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile, gradeWithStaffKey } from './hw4-dev.js';
import { readLineLabel } from '../src/documents/part-ids.js';

// Q&A sites and forums in other languages (blind round 42's Yahoo!知恵袋 page and les-mathematiques.net
// thread): a part's heading set in brackets with its title (`【(b) Xavier の利点…】`, `〔문제 2(c) …〕`,
// `[4(c) Campo receptivo]`); posts headed by a (masked) name over a date as those sites write it
// (`2025/11/13 23:41`, `2025.11.16. 22:47`, `16 de noviembre de 2025, 20:14`), with buttons in their
// language (`ナイス！ 3`, `신고`, `Responder   Citar`, `举报`), where only the asker's posts are their
// answers; a post's quote of another (`pablo_g escribió:` over `>` lines) repeats someone else's words;
// an answer stated in another language's words (`crece linealmente`) and a value a colon introduces
// after the few words a formula counts (`Cada capa añade $K-1$ píxeles: $1+L(K-1)$`). Each in pages
// of our own, with near misses in the same shapes that stay wrong.

const graded = (file: string) => gradedFixtureFile('foreign-forums', file);

test("a heading in brackets holding a part label and its title is the part's label, the title cut with it; a bracketed phrase or data is none", () => {
  assert.deepEqual(readLineLabel('【(b) Xavier の利点を取り戻す定数 c】'), { part: 'b', length: 25, strong: false });
  assert.equal(readLineLabel('[4(c) Campo receptivo tras L capas]')?.question, '4');
  assert.equal(readLineLabel('『Q2(c) ΔW の最大スペクトルノルム』')?.part, 'c');
  // Near misses: braces are data, a phrase that opens on a word names no part, a bracket the line goes on after is inline.
  assert.equal(readLineLabel('{a: 1, b: 2}'), undefined);
  assert.equal(readLineLabel('[a note about (b) here]'), undefined);
  assert.equal(readLineLabel('【注意】(b) を先に読む'), undefined);
});

test("a Naver 지식iN page: the asker's pasted answers under bracketed headings are graded, the chosen answer's and other answerers' wrong values are theirs", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('naver-kin-ko-gemini-q2bc-q4c.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: sqrt(d_out)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a Spanish forum thread: bracketed headings, an answer's growth in Spanish words, a value after a colon, and a later post quoting a helper's wrong value", { skip: devSkip }, async () => {
  const parts = await graded('rincon-matematico-es-mistral-q4c-q7b.txt');
  assert.deepEqual(Object.keys(parts), ['4.c', '7.b']);
  assert.equal(parts['4.c'], 'correct: 1 + L (K - 1)');
  assert.match(parts['7.b']!, /^correct: mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2; growth: .*crece linealmente/);
});

test('near misses: the same thread with the wrong values in the same shapes, a helper quoting them and giving the right ones, stays wrong', { skip: devSkip }, async () => {
  const parts = await graded('rincon-matematico-es-near-miss-q4c-q7b.txt');
  assert.equal(parts['4.c'], 'incorrect: L K');
  assert.match(parts['7.b']!, /^partial: /);
});

test("near miss: a Zhihu page whose model holds a wrong answer after a push-back stays wrong; a commenter's correction quoting it is theirs", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('zhihu-zh-qwen-holds-wrong-q2de.txt'), {
    '2.d': 'incorrect: alpha = 1/sqrt(d_out)',
    '2.e': 'correct: alpha = sqrt(d_out)',
  });
});

test("a French forum post's quote of the asker (`Julien_M a dit :` over `>` lines) marks a thread; only the asker's posts are read", { skip: devSkip }, () => {
  const thread = [
    'Julien_M',
    '14 novembre 2025 à 18:02',
    '',
    '**Question 4(c)**',
    'Réponse : $1+L(K-1)$',
    '',
    'Lebesgue_mtp',
    '14 novembre 2025 à 19:15',
    '',
    'Julien_M a dit :',
    '> Réponse : $1+L(K-1)$',
    '',
    '**4(c)** : je trouve plutôt $LK$.',
    '',
  ].join('\n');
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(thread)), { '4.c': 'correct' });
});
