import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { answerCandidates } from '../src/check/extract.js';

// A leftover of the fourth blind round (o3 1.b): a reply that ends its answer with the factor it
// improves by ("— cheaper by $n_{out}/n_{in}$") had the factor graded as the answer.
const skip = devSkip;
const grade = gradeWithStaffKey;

test('a factor the line compares the answer by ("— cheaper by $n_{out}/n_{in}$") is a comment on the answer, not the answer', { skip }, () => {
  const reply = '**(b)** Re-associate: $p(W)=\\tfrac12 W(3I-W^\\top W)$.\n\n$T_{\\text{iter}} = 2c\\,d_{out}\\,d_{in}^2$ — cheaper by $d_{out}/d_{in}$.\n';
  assert.equal(answerCandidates(reply)[0]!.text, 'T_{\\text{iter}} = 2c\\,d_{out}\\,d_{in}^2');
  assert.equal(grade(`1(b) ${reply.replace('**(b)** ', '')}`).get('1.b'), 'correct');
  assert.equal(answerCandidates('$T = 2c\\,d_{out} d_{in}^2$, a speed-up of $d_{out}/d_{in}$.')[0]!.text, 'T = 2c\\,d_{out} d_{in}^2');
  // Near miss: the factor stated alone (a question that asks for it) is still the answer.
  assert.equal(answerCandidates('The new method is faster by a factor of $d_{out}/d_{in}$.')[0]!.text, 'd_{out}/d_{in}');
});
