/**
 * A terminal chat whose prompts are drawn in frames, copied as text and printed as the page it is.
 * Frames wider than the page's column wrap: read back, a frame's bottom runs into the line above it
 * (its last words, or the right side that wrapped with it) and the print's paragraph breaks fall
 * inside it. The frames are still the person's turns. Near misses: a framed summary with no prompt
 * mark is no chat, printed or not, and a frame whose bottom never comes is no frame.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxedPromptTurns } from '../src/documents/boxed-prompts.js';
import { textPage } from './fixtures/pdf/chat-export.js';
import { CHROMIUM } from './fixtures/pdf/generate.js';
import { printedBeforeTests } from './fixtures/pdf/printed-pages.js';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';

const rule = (left: string, right: string, width = 96) => `${left}${'─'.repeat(width - 2)}${right}`;
const framed = (lines: string[], width = 96) => [rule('┌', '┐', width), ...lines.map((l) => `│ ${l.padEnd(width - 4)} │`), rule('└', '┘', width)];

const session = [
  'Terminal log for HW4, questions 1 and 2 (copied from the window, one sitting)',
  '',
  ...framed(['» look at questions.md and answer question 1, (a) then (b); use the c*n*m*p matrix cost and give', '  exact counts, not big-O']),
  '',
  ...framed(['⚙ ReadFile questions.md', '', '  read 212 lines (9.8 KB) from the working directory; 4 problems, 13 parts in all, 2 figures']),
  '',
  '◆ Question 1.',
  '',
  '  (a) One step forms W W^T, a d_out x d_in by d_in x d_out product costing c d_out^2 d_in, then',
  '  multiplies the result by W, another c d_out^2 d_in. Per iteration:',
  '',
  '      2 c d_out^2 d_in',
  '',
  '  (b) Group the product the other way, W (W^T W): the Gram matrix is d_in x d_in and costs',
  '  c d_in^2 d_out, and the second product the same. Per iteration:',
  '',
  '      2 c d_out d_in^2',
  '',
  ...framed(['» good. now question 2 parts (b) and (c) only, one line of reasoning each, then stop, nothing more']),
  '',
  '◆ Question 2.',
  '',
  '  (b) Unit RMS in and out needs c = 1/sqrt(d_in).',
  '',
  '  (c) The RMS of the change is at most c sqrt(d_in) ||dW|| / sqrt(d_out), so the spectral norm may be',
  '  as large as',
  '',
  '      ||dW||_2 <= sqrt(d_out)',
  '',
].join('\n');

const summary = ['Question 2', '', '(b) c = 1/sqrt(d_in)', '', ...framed(['Summary of my answers to question 2, for the TA: (b) c = 1/sqrt(d_in), and the rest is in the appendix']), ''].join('\n');

const printed = printedBeforeTests(
  [
    { name: 'session', job: textPage(session) },
    { name: 'summary', job: textPage(summary) },
  ],
  !CHROMIUM || !!devSkip,
);

test("a framed terminal chat printed as a page: its frames, wrapped at the column's edge, are the person's turns", { skip: (!CHROMIUM && 'no /usr/bin/chromium') || devSkip }, () => {
  const text = printed.texts.get('session')!;
  const roles = readWithStaffKey(text, 'session.pdf.txt').messages?.map((m) => m.role);
  assert.deepEqual(roles, ['user', 'assistant', 'user', 'assistant']);
  const g = gradeWithStaffKey(text, 'session.pdf.txt');
  for (const id of ['1.a', '1.b', '2.b', '2.c']) assert.equal(g.get(id), 'correct', id);
  // Near miss: a write-up's framed summary, printed the same way, has no prompt mark: no chat.
  assert.equal(boxedPromptTurns(printed.texts.get('summary')!), undefined);
  assert.equal(gradeWithStaffKey(printed.texts.get('summary')!, 'summary.pdf.txt').get('2.b'), 'correct');
});

test('a frame read back from a print closes on a bottom run into its last line; a frame whose bottom never comes is none', () => {
  const runIn = ['┌────────────────────────┐', '│ ❯ solve question 3 (a) │ └────────────────────────┘', '', 'The output is y[n] = 2 - 2^{-n}.', ''].join('\n');
  assert.deepEqual(
    boxedPromptTurns(runIn)?.map((m) => m.role),
    ['user', 'assistant'],
  );
  const straySide = ['┌────────────────────────┐', '│ ❯ solve question 3 (a)', '', '│ └────────────────────────┘', '', 'The output is y[n] = 2 - 2^{-n}.', ''].join('\n');
  assert.deepEqual(
    boxedPromptTurns(straySide)?.map((m) => m.role),
    ['user', 'assistant'],
  );
  // Near miss: no bottom at all, the frame's lines followed by the reply, is no frame.
  const open = ['┌────────────────────────┐', '│ ❯ solve question 3 (a)', '', 'The output is y[n] = 2 - 2^{-n}.', ''].join('\n');
  assert.equal(boxedPromptTurns(open), undefined);
});
