import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { splitInlineLabels } from '../src/documents/inline-labels.js';

// Blind round 39: a diary's entry `Q4 today. (e) the table ...` starts part 4(e) mid-line, the part's
// bracketed letter opening the sentence after one that names its question. A bracketed letter inside a
// sentence (`as in (b)`, `see (c) above`) refers back and starts nothing. In documents of our own.

const graded = (file: string) => gradedFixtureFile('announced-questions', file);

test('a part label opening the sentence after one naming its question (`Back to problem 2. (b) ...`, `Now question 4: (c) ...`) starts that part', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('obsidian-daily-note.md'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near misses: a wrong answer in the same shape stays wrong; a bracketed letter inside a sentence refers back and answers nothing', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('standup-bot-log.txt'), { '4.c': 'incorrect: receptive field L*K' });
  assert.deepEqual(await graded('referring-back.txt'), {});
});

test('only a short head naming one question, ended by a stop, announces it', () => {
  assert.equal(splitInlineLabels('Q4 today. (e) the table'), 'Q4 today.\n4(e): the table');
  for (const line of ['Same slip as in (e) of the last sheet.', 'Compare problems 2 and 4. (e) is the table', 'I reused the bound, see (b) above, here too.', 'Today. (e) the table']) {
    assert.equal(splitInlineLabels(line), line);
  }
});
