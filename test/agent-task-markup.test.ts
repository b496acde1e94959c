import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile, gradeWithStaffKey } from './hw4-dev.js';

// Blind round 38's Roo Code "Export task" file: an editor's agent writes its calls to the editor as
// tagged elements (`<run_python>` with a script) that the editor answers by name (`[run_python for
// '...'] Result:`), and its words to the person in tags too (`<attempt_completion><result>`), answered
// with what the person typed (`<feedback>`). The tags are the editor's markup: a call is the app's log
// (blanked, the words around it kept), the result's body is the model's answer, and a closing
// `</attempt_completion>` is no part's answer. Its answers are written as such replies write them: a
// constant matrix after an arrow from its setting (`stride 1 => 3x3, each entry -40`), a matrix after its
// size as a label (`3x3: [[...]]`).
// In an export of our own with another tool's vocabulary, with a near miss of the same shape kept wrong.

const graded = (file: string) => gradedFixtureFile('agent-task-markup', file);

test("an agent's task export: its calls and the editor's answers are the app's, the completion's result is the answer, and its tags are no answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('kilo-task-qwen.md'), {
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
    '7.a': 'correct: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} - eta dw_{h,l}',
  });
});

test('near miss: the same export with the cross-correlation and a gradient step up stays wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('kilo-task-near-miss.md'), {
    '3.c': 'incorrect: [40, 40, 40; 40, 40, 40; 40, 40, 40]',
    '3.d.ii': 'incorrect: [19, 32, 29; 30, 40, 30; -49, -72, -59]',
    '7.a': 'partial: gradient: dw_{h,l} = sum(i=1..m, sum(j=1..m, dy_{i,j} x_{i + h - 1,j + l - 1})); update: w_{h,l} + eta dw_{h,l}',
  });
});

test("a plain-text reply's equations side by side on one line (`dw = ...,   w ← ...`) are each its statement of a part's named answers", { skip: devSkip }, () => {
  const reply = (sign: string) => `**7(a)** So ∂y_{i,j}/∂w_{h,l} = x_{i+h−1, j+l−1} directly and\n\n  dw_{h,l} = Σ_{i,j=1}^{m} dy_{i,j} x_{i+h−1, j+l−1},   w_{h,l} ← w_{h,l} ${sign} η dw_{h,l}.\n`;
  assert.equal(gradeWithStaffKey(reply('−')).get('7.a'), 'correct');
  // Near miss: a step up the gradient, in the same shape, stays wrong.
  assert.equal(gradeWithStaffKey(reply('+')).get('7.a'), 'partial');
});
