import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// Parts a TA grades that partcredit called `missing`: documents whose conventions the reader had
// not met (issue 9, blind round 23's class of unread documents), each class in words and layouts of
// our own, with a near miss that must stay as it was.

const verdicts = (text: string, name: string) =>
  Object.fromEntries(
    gradedPartsWithStaffKey(text, name)
      .filter((p) => p.verdict !== 'missing')
      .map((p) => [p.id, p.verdict]),
  );

/** A battle of two questions, each column's header set in a rule, the vote buttons side by side in brackets. */
const battle = (bOnFirst: string, aOnSecond: string, bOnSecond: string) =>
  [
    'Arena copy, two rounds in one battle. I am scoring Assistant B only.',
    '',
    'Me:',
    'Newton-Schulz step p(W) = 1/2 (3I - W W^T) W for a d_out x d_in matrix W; an n x m times m x p product costs c n m p. Question 1 (a): runtime of each iteration?',
    '',
    '=== Assistant A ===',
    '',
    'Only the product with W counts: $c\\,d_{out}^2 d_{in}$.',
    '',
    '=== Assistant B ===',
    '',
    bOnFirst,
    '',
    '[ A is better ]   [ B is better ]   [ Tie ]   [ Both are bad ]',
    '',
    'my note: B counted both products.',
    '',
    'Me:',
    'Question 1 (b): and when d_out >> d_in, a faster way with the Gram matrix?',
    '',
    '=== Assistant A ===',
    '',
    aOnSecond,
    '',
    '=== Assistant B ===',
    '',
    bOnSecond,
    '',
    '[ A is better ]   [ B is better ]   [ Tie ]   [ Both are bad ]',
    '',
  ].join('\n');

test("a battle of several questions whose column headers are set in rules (`=== Assistant B ===`) is read round by round, the graded model's column alone", { skip: devSkip }, () => {
  const right = '$W W^T$ then its product with $W$: two products, $2c\\,d_{out}^2 d_{in}$ per iteration.';
  const gram = 'Use $p(W) = \\tfrac12 W (3I - W^T W)$: $2c\\,d_{out} d_{in}^2$ per iteration.';
  assert.deepEqual(verdicts(battle(right, 'It cannot be made faster: $2c\\,d_{out}^2 d_{in}$.', gram), 'arena.txt'), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: the model not graded has the right answer to the second question; the graded one's
  // wrong answer stays wrong, never replaced by the other column's.
  assert.deepEqual(verdicts(battle(right, gram, 'It cannot be made faster: $2c\\,d_{out}^2 d_{in}$.'), 'arena.txt'), { '1.a': 'correct', '1.b': 'incorrect' });
});

/** A scanned page numbering its problems with the number sign, its parts in brackets under each. */
const scanned = (scale: string) =>
  ['Lens scan, page 1 of 1', '', '#2 Initialisation in fp8', ' (b) Var(y) = c² d_in must be 1, so', `     c = ${scale}`, '', '#4 Receptive fields', ' (c) receptive field = L(K-1)+1', ''].join('\n');

test('a problem numbered with the number sign against its number (`#2 Initialisation`) heads the part letters under it', { skip: devSkip }, () => {
  assert.deepEqual(verdicts(scanned('1/√d_in'), 'scan.txt'), { '2.b': 'correct', '4.c': 'correct' });
  // Near miss: read under its label, a wrong scale is graded wrong, not looked for elsewhere.
  assert.equal(verdicts(scanned('1/d_in'), 'scan.txt')['2.b'], 'incorrect');
});
