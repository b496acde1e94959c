import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { withEnglishConditionWords } from '../src/check/condition-words.js';

// A piecewise answer written one branch per line: each line names the function again and says the
// branch's condition in its own language (`für`, `pour`, `para`, `при`, `当 … 时`, `のとき`), after a
// bullet of any kind (`◦`, `・`), or in a table of ranges. The branches together are the answer, read
// whole rather than as the last line. Each document is our own; near misses (a wrong branch, the tail
// alone) stay wrong, as the staff key gives no credit for some branches right.

const graded = (file: string) => gradedFixtureFile('piecewise-branches', file);
const whole = (tail: string) => `correct: { 0 if n < 0; 2 - ${tail} if 0 ≤ n ≤ 6; `;

test('branches one per line with their conditions in French, Spanish, Russian, Chinese and Japanese are one answer', { skip: devSkip }, async () => {
  const cases: [string, string][] = [
    ['forum-fr-pour.txt', `${whole('(1/2)^n')}127 (1/2)^n if n ≥ 7 }`],
    ['apuntes-es-para.md', `${whole('2^(-n)')}127 · 2^(-n) if n ≥ 7 }`],
    ['telegram-ru-pri.txt', `${whole('2^(-n)')}127/2^n if n ≥ 7 }`],
    ['zhihu-zh-dang-shi.txt', `${whole('(1/2)^n')}127 (1/2)^n if n ≥ 7 }`],
    ['qiita-ja-notoki.md', `${whole('2^(-n)')}127/2^n if n ≥ 7 }`],
  ];
  for (const [file, answer] of cases) assert.equal((await graded(file))['3.a'], answer, file);
});

test('a plain table of ranges and values (no LaTeX) states the cases row by row', { skip: devSkip }, async () => {
  assert.equal((await graded('wiki-table-ranges.md'))['3.a'], `${whole('2^(-n)')}127 · 2^(-n) if n ≥ 7 }`);
});

test('near misses: a piecewise answer with a wrong tail stays incorrect, and the tail alone is no answer in full', { skip: devSkip }, async () => {
  assert.equal((await graded('forum-de-wrong-tail.txt'))['3.a'], 'incorrect: { 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 2^(7 - n) if n ≥ 7 }');
  assert.equal((await graded('chat-ru-tail-only.txt'))['3.a'], 'incorrect: 127/2^n');
});

test('condition words are rewritten only before (or after) a condition; prose keeps its words', () => {
  assert.equal(withEnglishConditionWords('y(n) = 0 für n < 0'), 'y(n) = 0 for n < 0');
  assert.equal(withEnglishConditionWords('y(n) = 127/2^n при $n \\ge 7$'), 'y(n) = 127/2^n for $n \\ge 7$');
  assert.equal(withEnglishConditionWords('当 n ≥ 7 时，y(n) = 1').trim(), 'for n ≥ 7, y(n) = 1');
  // (`para`, `per`, `si` in a sentence, with no condition after them, are words of the sentence.)
  const prose = 'Usé Python para comprobar; per esempio si n = 7, y(7) < 1.';
  assert.equal(withEnglishConditionWords(prose), prose);
  assert.equal(withEnglishConditionWords('no relation here: para n'), 'no relation here: para n');
});
