import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { decimalCommasInNumberLists } from '../src/documents/decimal-commas.js';

// Round 43's Polish microblog entry gave `g3 = g2 = [0; 0,8; 0]`, read as the four numbers 0, 0, 8, 0, and
// headed its parts `Zadanie 4a)`, which no reader took for a question's word. Writers of decimal-comma
// languages separate a list's numbers by `;` so its commas stay decimals, in any document, not only in a
// sheet saved in their locale; and Polish, Czech and Slovak name a question by their own words.

const graded = (file: string) => gradedFixtureFile('decimal-comma-lists', file);

test('a `;`-separated list of numbers with decimal commas is read as decimals in a forum post (German, `Aufgabe 4f)`)', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('forum-de-mistral-q4cf.txt'), {
    '4.c': 'correct: L (K - 1) + 1',
    '4.f': 'correct: g3: (0, 0.8, 0); g4: (0.8, 0, 0)',
  });
});

test("a Czech post's `Úloha 4c)` heads its part, and a wrong decimal in a `;` list (`[0; 0,5; 0]`) stays wrong", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('forum-cz-bielik-q4cf.txt'), {
    '4.c': 'correct: K + (L - 1) (K - 1)',
    '4.f': 'partial: g3: [0, 0.5, 0]; g4: [0.8, 0, 0]',
  });
});

test('near miss: an English `[0, 8, 0]` stays three numbers, and wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('notes-en-comma-list-q4f.txt'), { '4.f': 'incorrect: g3: (0, 8, 0); g4: (8, 0, 0)' });
});

test("only lists of numbers are read so: a matrix typed row by row, a function's arguments before its parameters, and comma lists stay", () => {
  assert.equal(decimalCommasInNumberLists('g = [0; 0,8; 0] and h = (−1,25; 2)'), 'g = [0; 0.8; 0] and h = (−1.25; 2)');
  assert.equal(decimalCommasInNumberLists('A = [1,2; 3,4]'), 'A = [1,2; 3,4]');
  assert.equal(decimalCommasInNumberLists('p(1,2; θ) and v = [0, 8, 0]'), 'p(1,2; θ) and v = [0, 8, 0]');
  assert.equal(decimalCommasInNumberLists('x_{1,2} = [x_{1,2}; 0]'), 'x_{1,2} = [x_{1,2}; 0]');
});
