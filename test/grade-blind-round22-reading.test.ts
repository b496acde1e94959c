import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { arabicQuestionNumbers } from '../src/documents/roman-questions.js';
import { numberedPromptsAsTurns } from '../src/documents/numbered-prompts.js';

// Blind round 22's reading classes (issue 9), each in a document of our own, not the round's,
// with a near miss that must read as it did before.

test('questions numbered in upper-case Roman numerals (`## Problem IV`, `IV(c)`, `I.b)`) are read as questions 4 and 1', { skip: devSkip }, () => {
  const writeup = [
    '# HW4 answers (my questions go I, II, III ... as on the sheet I was given)',
    '',
    '## Problem I',
    '',
    'I.a) Two matmuls, W W^T and (3I - W W^T) W.',
    'Answer: 2c d_out^2 d_in',
    '',
    'I.b) Reassociate through the Gram matrix.',
    'Answer: 2c d_out d_in^2',
    '',
    '## Problem IV',
    '',
    'IV(c)',
    'Each stride-1 layer adds K - 1 to the field.',
    'Answer: L(K-1)+1',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(writeup, 'roman.md');
  assert.equal(g.get('1.a'), 'correct');
  assert.equal(g.get('1.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
});

test('a report whose sections are numbered I., II. with no numeral run into a part letter keeps its numbering; subparts (ii) are never turned', () => {
  const report = ['I. Setup', 'We asked the model question 3 of the homework.', '', 'II. Results', 'Question 3', '(d) (ii) the stride-2 output is 3x3.', 'III. Discussion', ''].join('\n');
  assert.equal(arabicQuestionNumbers(report), report);
  // The same report with one numeral run into a part (`II.(a)`) is the convention: its numerals become numbers, its subparts stay.
  const marked = report.replace('(d) (ii)', 'II.(a) (ii)');
  assert.equal(arabicQuestionNumbers(marked), marked.replace('I. Setup', '1. Setup').replace('II. Results', '2. Results').replace('II.(a)', '2.(a)').replace('III. Discussion', '3. Discussion'));
});

test('a person who numbers their prompts (`Prompt #1:`, `T2 (student):`) heads their turns with them; `Q2 (b):` in a write-up is a part label still', { skip: devSkip }, () => {
  const chat = [
    'Evaluating Opus on HW4 question 4, my turns numbered for the write-up.',
    '',
    'Prompt #1:',
    'Question 4 of the attached homework, part (c) only please.',
    '',
    'Claude:',
    '### Part (c): receptive field',
    '',
    'Each stride-1 layer grows the field by K - 1, so the answer is $L(K-1)+1$.',
    '',
    'T2 (student):',
    'thanks. Is that per side?',
    '',
    'Claude:',
    'Yes, per side of the square field.',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(chat, 'numbered-prompts.txt');
  assert.equal(g.get('4.c'), 'correct');
  // (The grade above reads as well without the labels: the reply names its part. What the reader
  // owes is the person's turns, labelled as the person's; an aside after `Prompt #2` goes with it.)
  assert.equal(numberedPromptsAsTurns('P1 (me):\nhi\n\n**Prompt #2 (follow-up):** and (b)?\n\nT3 (student): thanks'), 'Prompt:\nhi\n\n**Prompt:** and (b)?\n\nPrompt: thanks');
  // Near miss: a tag with a number and no person in its brackets (`Q4 (c):`) labels a part as before.
  const writeup = ['Q4 (c): L(K-1)+1', ''].join('\n');
  assert.equal(numberedPromptsAsTurns(writeup), writeup);
  assert.equal(gradeWithStaffKey(writeup, 'q-labels.txt').get('4.c'), 'correct');
});
