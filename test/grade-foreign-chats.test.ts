import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { foldLabelWords } from '../src/documents/label-words.js';
import { foldFullWidth } from '../src/documents/full-width.js';
import { readLineLabel } from '../src/documents/part-ids.js';

// Chats and reports written in Russian, Ukrainian and Chinese (round 34's GigaChat page copied in Russian and
// its Chinese column with `一、Q2(e)：` headings): the question's word in their language (`задачу 2`, `завдання 4,
// частина (c)`, `第二题`), their speakers' names (`Вы`, `Ви сказали:`, `ChatGPT сказав:`), parts lettered in
// Cyrillic (`пункт б)`), a Chinese section's number before a label (`（一）第2题(e)：`), and the writer's remarks
// (`我的评价：`, `点评：`) kept apart from the answers. Fixtures in other apps' words (Alice, ChatGPT in
// Ukrainian, Doubao, a Kimi report, a Russian write-up) and near misses.

const DIR = join(ROOT, 'test', 'fixtures', 'foreign-chats');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** The parts a fixture is not graded missing on: `part verdict | answer`. */
function graded(name: string): string[] {
  return gradedPartsWithStaffKey(read(name), name)
    .filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict} | ${p.answer}`);
}

test('Russian and Ukrainian question, part, answer and speaker words are labels', () => {
  assert.equal(foldLabelWords('Задание 3, пункт б)'), 'Question 3, Part b)');
  assert.equal(foldLabelWords('Реши, пожалуйста, задачу 2 (MuP)'), 'Реши, пожалуйста, Question 2 (MuP)');
  assert.equal(foldLabelWords('Задача №4.'), 'Question 4.');
  assert.equal(foldLabelWords('Итоговый ответ на (b): c = 1/√d_in.'), 'Final answer (b): c = 1/√d_in.');
  assert.equal(foldLabelWords('Вы\nПривет'), 'User\nПривет');
  assert.equal(foldLabelWords('Ви сказали:\nПривіт'), 'User:\nПривіт');
  assert.equal(foldLabelWords('ChatGPT сказав:'), 'ChatGPT said:');
  // Cyrillic part letters by their place in the alphabet (`в` is the third), or as the Latin letters they look like.
  assert.equal(foldLabelWords('б) константа\nв) норма'), 'b) константа\nc) норма');
  assert.equal(foldLabelWords('(а) почему\n(с) норма'), '(a) почему\n(c) норма');
  // Near misses: a pronoun opening a sentence, a decimal, a name with a version, a letter inside a sentence.
  for (const s of ['Я ошибся, модель права.', 'вопрос 2,5 раза', 'GigaChat 2 MAX', 'это видно в б) и в)']) assert.equal(foldLabelWords(s), s);
});

test('Chinese numerals number a question; a full-width colon keeps its space; a section number heads a label', () => {
  assert.equal(foldFullWidth('第二题（b）'), 'Question 2(b)');
  assert.equal(foldFullWidth('第十二题'), 'Question 12');
  assert.equal(foldFullWidth('Q2(e)：Muon'), 'Q2(e): Muon');
  assert.deepEqual(readLineLabel('一、Q2(e): Muon'), { question: '2', part: 'e', length: 8, strong: true });
  assert.equal(readLineLabel('(三)Question 4(c): 感受野')?.part, 'c');
  // Near miss: a list's ordinal in an answer, with no label after it.
  assert.equal(readLineLabel('一、先写出梯度的表达式'), undefined);
});

test('a Russian chat page (Alice): "Вы" / the model\'s name, "сделай задание 2", a Latin (c) typed in Cyrillic', { skip: devSkip }, () => {
  assert.equal(readWithStaffKey(read('alice-ru-q2bce.txt'), 'a.txt').format, 'markdown-chat');
  assert.deepEqual(graded('alice-ru-q2bce.txt'), ['2.b correct | c = 1/sqrt(d_in)', '2.c correct | ‖Delta W‖₂ ≤ sqrt(d_out)', '2.e correct | alpha = sqrt(d_out)']);
});

test('ChatGPT copied in Ukrainian: "Ви сказали:" / "ChatGPT сказав:", "завдання 4, частина (c)"', { skip: devSkip }, () => {
  assert.deepEqual(graded('chatgpt-uk-q2be-q4c.txt'), ['2.b correct | c = 1/sqrt(d_in)', '2.e correct | alpha = sqrt(d_out)', '4.c correct | L (K - 1) + 1']);
});

test('a Russian write-up: "Задание 2, пункт б)" and "Ответ:" lines, parts lettered in Cyrillic', { skip: devSkip }, () => {
  assert.deepEqual(graded('writeup-ru-zadanie-q2bd-q4c.md'), ['2.b correct | c = 1/sqrt(d_in)', '2.d correct | alpha = 1/sqrt(d_in)', '4.c correct | L (K - 1) + 1']);
});

test('a Doubao chat: "第二题" asked, "一、(b)" headings, "一、" as a list inside an answer, an option said in Chinese', { skip: devSkip }, () => {
  const parts = graded('doubao-zh-q2bg.txt');
  assert.equal(parts[0], '2.b correct | c = 1/sqrt(d_in)');
  assert.match(parts[1]!, /^2\.g correct \| behavior: .*; factor: 1\/sqrt\(d_out\)$/s);
  assert.equal(parts.length, 2);
});

test('a Chinese report: "（一）第2题(e)：" headings, the writer\'s "我的评价：" with a formula of its own is no answer', { skip: devSkip }, () => {
  assert.deepEqual(graded('report-zh-ordinal-remarks-q2e-q4c.md'), ['2.e correct | alpha = sqrt(d_out)', '4.c correct | L (K - 1) + 1']);
});

test('near miss: a Russian remark naming "задаче 2" and "Вопрос 2" in passing heads no part', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-ru-remark-zadacha.md'), ['4.c correct | L (K - 1) + 1']);
});
