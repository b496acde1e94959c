import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { plainFormulas } from '../src/check/extract.js';
import { foldLabelWords } from '../src/documents/label-words.js';

// Answers written in Chinese, Japanese and Korean around mathematics (round 33's LINE chat in Japanese, round 32's
// KakaoTalk in Korean): their words end a formula as English words do, their labels of a part's answers are placed
// in the key's order, their question and answer words are labels, a chat saved as tab-separated columns is a chat.
// Fixtures in other apps' words (Kimi, DeepSeek, CLOVA X, Wrtn, an Evernote note, LINE in English) and near misses.

const DIR = join(ROOT, 'test', 'fixtures', 'cjk-text');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** The parts a fixture is not graded missing on: `part verdict | answer`. */
function graded(name: string): string[] {
  return gradedPartsWithStaffKey(read(name), name)
    .filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict} | ${p.answer}`);
}

test('CJK words are no letters of a formula: a word before or after it ends it', () => {
  const texts = (t: string) => plainFormulas(t).map((f) => f.text);
  // (`高さ` is "height": no factor of the formula after it.)
  assert.deepEqual(texts('　高さ ⌊(H − K + 2P) / S⌋ + 1'), ['⌊(H − K + 2P) / S⌋ + 1']);
  assert.deepEqual(texts('1つのフィルタは K×K×C なので、F個で K×K×C×F = K²CF 個'), ['K×K×C', 'K×K×C×F = K²CF']);
  assert.deepEqual(texts('각 층의 역전파 gradient에 1/√d_out 곱하기'), ['1/√d_out']);
  // Near misses: Greek and accented Latin around a formula, and ⌊⌋ × · − in it, read as before.
  assert.deepEqual(texts('La variance : σ² = (n − k + 1)² · σ_x² σ_g²'), ['σ² = (n − k + 1)² · σ_x² σ_g²']);
  assert.deepEqual(texts('Größe: (⌊(W−K)/S⌋+1) × (⌊(H−K)/S⌋+1) × C'), ['(⌊(W−K)/S⌋+1) × (⌊(H−K)/S⌋+1) × C']);
});

test('CJK question and answer words are labels; a part its possessive particle follows is a reference', () => {
  assert.equal(foldLabelWords('問4(a) 重みの数は？'), 'Question 4(a) 重みの数は？');
  assert.equal(foldLabelWords('2번 (b)\n정답: c = 1/√d_in'), 'Question 2 (b)\nAnswer: c = 1/√d_in');
  assert.equal(foldLabelWords('小問(c)\n最終解答: L(K−1)+1'), 'Part (c)\n最終解答: L(K−1)+1'.replace('最終解答', 'Final answer'));
  // Near misses: "three times", and "answer" inside a word of its own (대답 is "reply").
  assert.equal(foldLabelWords('3번 반복해서 물어봐도'), '3번 반복해서 물어봐도');
  assert.equal(foldLabelWords('그 대답: 좋아요'), '그 대답: 좋아요');
});

test('a Chinese write-up (Kimi): labelled answers in the key order, formulas inside sentences', { skip: devSkip }, () => {
  assert.deepEqual(graded('kimi-zh-q4abc.md'), [
    '4.a correct | weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
    '4.b correct | (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c correct | L (K - 1) + 1',
  ]);
});

test('a label that concludes nothing (a remark) is not one of the answers placed in order (DeepSeek)', { skip: devSkip }, () => {
  assert.deepEqual(graded('deepseek-zh-extra-label-q4a.md'), ['4.a correct | weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F']);
});

test('a Korean chat (CLOVA X): "2번 (b)" numbers the question, a factor stated between Korean words', { skip: devSkip }, () => {
  const parts = graded('clovax-ko-q2beg.txt');
  assert.deepEqual(parts.slice(0, 2), ['2.b correct | c = 1/sqrt(d_in)', '2.e correct | alpha = sqrt(d_out)']);
  assert.match(parts[2]!, /^2\.g correct \| .*; factor: 1\/sqrt\(d_out\)$/);
  assert.equal(parts.length, 3);
});

test('a Korean reply (Wrtn) that refers to "(c)의 조건" answers (e), not (c)', { skip: devSkip }, () => {
  assert.deepEqual(graded('wrtn-ko-remarks-q2e.md'), ['2.e correct | alpha = sqrt(d_out)']);
});

test('a Japanese note with full-width labels and a height line that is no answer', { skip: devSkip }, () => {
  assert.deepEqual(graded('evernote-ja-q4acf.md'), [
    '4.a correct | weights: K^2 C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
    '4.c correct | L (K - 1) + 1',
    '4.f correct | g3: (0, 0.8, 0); g4: [0.8, 0, 0]ᵀ',
  ]);
});

test('a chat saved as tab-separated time, sender and quoted message (LINE, in English) is a chat', { skip: devSkip }, () => {
  const sub = readWithStaffKey(read('line-en-q4cf.txt'), 'line-en-q4cf.txt');
  assert.equal(sub.format, 'chat-text');
  assert.deepEqual(graded('line-en-q4cf.txt'), ['4.c correct | L (K - 1) + 1', '4.f correct | g3: [0, 0.8, 0]ᵀ; g4: [0.8, 0, 0]ᵀ']);
  // Near miss: one tab-separated line of a log in a write-up is no chat.
  assert.equal(readWithStaffKey(read('writeup-one-tab-line-q4c.txt'), 'w.txt').format, 'writeup');
  assert.deepEqual(graded('writeup-one-tab-line-q4c.txt'), ['4.c correct | L (K - 1) + 1']);
});
