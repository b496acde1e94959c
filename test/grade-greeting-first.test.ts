import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';

// A chat whose assistant speaks first (blind round 33's document chat, printed to PDF and read back:
// `ChatPDF:` opens with "Hello and welcome ... questions you might ask", then `Me:` asks). Its names
// are no words the readers know, so they are told apart by shape and order; the one who offers help
// before anyone asks is the answerer, however the turns' lengths fall. Near misses: a person whose first
// question says "how can I help ..." still asks; a report whose sections are headed by names is no chat.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'greeting-first');

function graded(file: string): Record<string, string> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

test("a document chat's bot that greets first and suggests questions is the answerer", { skip: devSkip }, () => {
  assert.deepEqual(graded('askdoc-hw4.txt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '2.e': 'correct: alpha = sqrt(d_out)',
  });
});

test("a tutor's offer of help opens the chat: the person's short questions are not its answers", { skip: devSkip }, () => {
  const got = graded('tutor-widget-q4.md');
  assert.match(got['4.a']!, /^correct: weights: K K C F; biases: F/);
  assert.equal(got['4.c'], 'correct: L (K - 1) + 1');
});

test('near miss: a report headed by section and model names stays a write-up', { skip: devSkip }, () => {
  assert.deepEqual(graded('near-miss-report-sections.md'), { '2.b': 'correct: c = 1/sqrt(d_in)', '2.d': 'incorrect: alpha = 1/d_in' });
});

test('near miss: a person asking "how can I help SignSGD ...?" first is still the asker, read by the names\' shape', { skip: devSkip }, () => {
  const file = 'near-miss-person-asks-how-can-I-help.txt';
  assert.equal(readWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file).format, 'markdown-chat');
  assert.deepEqual(graded(file), { '2.d': 'correct: alpha = 1/sqrt(d_in)', '2.e': 'correct: alpha = sqrt(d_out)' });
});
