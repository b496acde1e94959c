import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// A chat copied from a page whose bubbles carry no names, the person's own framed line over each
// bubble saying whose it is (blind round 30's Gradio Space, `=== me ===` / `=== SmolLM3 ===`, with
// `Thinking…` ... `Done thinking (4.1s)` around the reasoning). In words of our own: `*** Ines ***`
// / `*** Tutor-7 ***`, a fold `Working...` / `Finished working (2s)` whose wrong try must not be read.
// A near miss: a write-up's two attempts under framed titles of one kind stay the write-up's.

const chat = [
  'copied from the widget; the bubbles had no names so I added them',
  '',
  '*** Ines ***',
  'Question 1 Newton-Schulz, W is d_out x d_in, a product of n x m and m x p costs c n m p. (a) runtime of one iteration?',
  '',
  '*** Tutor-7 ***',
  'Working...',
  '(a) Is it c d_out^2 d_in for one product only? The runtime is 3c d_out^2 d_in maybe.',
  'Finished working (2s)',
  '',
  'Two products, $W W^\\top$ and its product with $W$, each $c\\,d_{out}^2 d_{in}$.',
  '',
  '**(a)** The runtime is $2c\\,d_{out}^2 d_{in}$.',
  '',
  '*** Ines ***',
  '(b) and when d_out >> d_in?',
  '',
  '*** Tutor-7 ***',
  'Regroup with the Gram matrix $W^\\top W$ of size $d_{in} \\times d_{in}$; each of the two products then costs $c\\,d_{out} d_{in}^2$.',
  '',
  '**(b)** The runtime is $2c\\,d_{out} d_{in}^2$.',
];

test('a chat whose bubbles the person named with framed lines is read as the chat, its open reasoning fold left out', { skip: devSkip }, () => {
  const text = chat.join('\n');
  const sub = readWithStaffKey(text, 'widget.txt');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.ok(!sub.messages?.some((m) => /3c d_out/.test(m.text)));
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(text, 'widget.txt')), { '1.a': 'correct', '1.b': 'correct' });
});

test("a write-up's framed titles of one kind are no speakers", { skip: devSkip }, () => {
  const text = [
    '=== Attempt one ===',
    'Question 1 (a) The runtime is $c\\,d_{out}^2 d_{in}$.',
    '',
    '=== Attempt two ===',
    'Question 1 (a) Both products count: the runtime is $2c\\,d_{out}^2 d_{in}$, and (b) $2c\\,d_{out} d_{in}^2$.',
    '',
    '=== Attempt one ===',
    'left as it was',
    '',
    '=== Attempt two ===',
    'final',
  ].join('\n');
  assert.equal(readWithStaffKey(text, 'hw.txt').format, 'writeup');
});
