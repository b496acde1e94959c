import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// A chat exported with a heading per speaker and every message inside a blockquote under it (blind
// round 30's Continue transcript, `#### _User_` / `> ...`). In an app and names of our own: an editor
// extension's chat pasted as Markdown, `**Dana**` / `**Pilot**`, a remark of the person's outside the
// quotes. A near miss: a write-up that quotes each problem under its own heading keeps its reading.

const chat = [
  '# Chat export, pair-programming panel',
  '',
  '**Dana**',
  '',
  '> Question 1, Newton-Schulz: p(W) = 1/2 (3I - W W^T) W with W of size d_out x d_in, a product of n x m and m x p costs c n m p.',
  '> (a) What is the runtime of one iteration?',
  '',
  '**Pilot**',
  '',
  '> Forming W W^T costs c d_out^2 d_in, and multiplying (3I - W W^T) by W costs c d_out^2 d_in again.',
  '>',
  '> **(a)** The runtime is $2c\\,d_{out}^2 d_{in}$.',
  '',
  'checked against my notes, fine',
  '',
  '**Dana**',
  '',
  '> 1(b) and if d_out is much larger than d_in, is there a faster way? what runtime then?',
  '',
  '**Pilot**',
  '',
  '> Regroup as p(W) = 1/2 W (3I - W^T W): W^T W costs c d_in^2 d_out and the product with W the same.',
  '>',
  '> **(b)** The runtime is $2c\\,d_{out} d_{in}^2$.',
];

test('a chat whose messages are quoted under alternating speaker headings is read as the chat it is', { skip: devSkip }, () => {
  const text = chat.join('\n');
  const sub = readWithStaffKey(text, 'export.md');
  assert.deepEqual(
    sub.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  assert.ok(sub.messages?.some((m) => m.role === 'note' && /checked against my notes/.test(m.text)));
  const v = Object.fromEntries(gradeWithStaffKey(text, 'export.md'));
  assert.equal(v['1.a'], 'correct');
  assert.equal(v['1.b'], 'correct');
});

test('a write-up that quotes each question under a repeated heading, its answers unquoted, is no chat of quoted turns', { skip: devSkip }, () => {
  const text = [
    '#### Question',
    '',
    '> 1(a) What is the runtime of one Newton-Schulz iteration?',
    '',
    '#### Answer',
    '',
    '1(a) Two products of $c\\,d_{out}^2 d_{in}$ each: $2c\\,d_{out}^2 d_{in}$.',
    '',
    '#### Question',
    '',
    '> 1(b) Is there a faster way when d_out is much larger than d_in?',
    '',
    '#### Answer',
    '',
    '1(b) Use $W^\\top W$: $2c\\,d_{out} d_{in}^2$.',
  ].join('\n');
  // (Only one of the two headings opens a quote: the answers are the writer's own, not a speaker's container.)
  assert.ok(!readWithStaffKey(text, 'hw.md').messages?.some((m) => m.role === 'user' && /Two products/.test(m.text)));
  assert.deepEqual(Object.fromEntries(gradeWithStaffKey(text, 'hw.md')), { '1.a': 'correct', '1.b': 'correct' });
});
