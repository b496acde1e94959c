import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { taskListAsMarkdown } from '../src/documents/task-exports.js';

// A task manager's CSV export (Todoist's template: TYPE, CONTENT, DESCRIPTION, INDENT, ...; Asana's:
// Name, Section/Column, Notes, ...) is a tree of items kept as rows: sections and tasks are headings
// (a part's label in a task's title, its answer in the description), INDENT is depth, a section
// column groups the tasks, comments (`note` rows) are remarks and no answer. Documents of our own.

const graded = (file: string) => gradedFixtureFile('task-exports', file);

test("a Todoist CSV is read as its sections and tasks over their descriptions: a sub-task's part answered, a comment's formula no answer, a skipped task unanswered", {
  skip: devSkip,
}, async () => {
  const parts = await graded('todoist-board-q1ab-q4ac.csv');
  assert.equal(parts['1.a'], 'correct: 2 c d_out^2 d_in');
  assert.match(parts['4.a'] ?? '', /^partial: .*output_shape: \(⌊\(W - K \+ 2 P\)\/S⌋ \+ 1\)/);
  // The near miss: a receptive field in the same shape, K + L - 1, stays wrong.
  assert.equal(parts['4.c'], 'incorrect: K + L - 1');
  assert.deepEqual(Object.keys(parts).sort(), ['1.a', '4.a', '4.c']);
});

test('an Asana CSV is read as its tasks (Name) over their Notes, grouped by Section/Column', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('asana-project-q2cde-q3c.csv'), {
    '2.c': 'correct: sqrt(d_out)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '2.e': 'partial: alpha = sqrt(d_out d_in)',
    // The near miss: the cross-correlation's +40 in the right shape stays wrong.
    '3.c': 'incorrect: [40, 40, 40; 40, 40, 40; 40, 40, 40]',
  });
});

test('a sheet whose header is no task list is left to the sheet reader', () => {
  assert.equal(
    taskListAsMarkdown([
      ['Part', 'Answer', 'Notes'],
      ['1a', '2c d_out^2 d_in', 'ok'],
    ]),
    undefined,
  );
  assert.equal(taskListAsMarkdown([]), undefined);
  assert.equal(
    taskListAsMarkdown([
      ['TYPE', 'CONTENT', 'DESCRIPTION', 'INDENT'],
      ['section', 'Q4'],
      ['task', 'Q4c receptive field', 'L(K-1)+1', '1'],
      ['note', 'ask about dilation'],
    ]),
    '## Q4\n\n### Q4c receptive field\n\nL(K-1)+1\n',
  );
});

test("a grading sheet whose parts stand in a column of their own is no task list, whatever its other columns' names", () => {
  const sheet = [
    ['Part', 'Name', 'Notes', 'Type'],
    ['1a', 'Newton-Schulz cost', '2c d_out^2 d_in', 'formula'],
  ];
  assert.equal(taskListAsMarkdown(sheet, 0), undefined);
  assert.equal(taskListAsMarkdown(sheet, 1)?.startsWith('### Newton-Schulz cost'), true);
});
