import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { endsAskingLearner } from '../src/documents/tutor-questions.js';

// Blind round 23's parts partcredit found but graded against the TA (issue 9), by class, each in a
// document of our own, not the round's, with a near miss that must stay as it was.

test("a tutor's question back (study mode): the reply after the person's answer or `just tell me` is the part's answer going on", { skip: devSkip }, () => {
  const tutored = [
    "**User:** 2(b) Which forward scalar c reproduces Xavier's variance?",
    '',
    "**Assistant:** Let's derive it together. Each output is $y_i = c\\sum_j W_{ij} x_j$ with unit-variance weights and inputs. Adding up the variances of the $d_{in}$ terms, what do you get for $\\mathrm{Var}(y_i)$?",
    '',
    '**User:** c^2 d_in? just give me c',
    '',
    '**Assistant:** Yes. Setting $c^2 d_{in} = 1$ gives $c = \\frac{1}{\\sqrt{d_{in}}}$.',
    '',
  ].join('\n');
  assert.equal(gradeWithStaffKey(tutored).get('2.b'), 'correct');
  // Near miss: a reply that answers in full and then offers more (`Would you like to see why ...?`):
  // the explanation asked for after it is discussion, and its `sqrt(d_in)` is no new answer.
  const offered = [
    "**User:** 2(b) Which forward scalar c reproduces Xavier's variance?",
    '',
    '**Assistant:** Each output is $y_i = c\\sum_j W_{ij} x_j$, so $\\mathrm{Var}(y_i) = c^2 d_{in}$ and $c = \\frac{1}{\\sqrt{d_{in}}}$. Would you like to see why the variances add?',
    '',
    '**User:** yes please',
    '',
    '**Assistant:** The terms are independent, so the spread of the sum grows like $\\sqrt{d_{in}}$.',
    '',
  ].join('\n');
  assert.equal(gradeWithStaffKey(offered).get('2.b'), 'correct');
  assert.equal(endsAskingLearner('So how many filters are there in total? 🙂'), true);
  for (const reply of ['Want me to explain why (W W^T) W = W (W^T W)?', 'Does that make sense?', 'The answer is 4.']) assert.equal(endsAskingLearner(reply), false, reply);
});
