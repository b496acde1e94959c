import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { detectFormat } from '../src/documents/transcripts.js';

// The eleventh blind round (issue 9), written to be held out: ordinary web-chat exports (ChatGPT's
// "You said" / "ChatGPT said", Claude's exporter, Gemini and DeepSeek page copies, Kimi, Qwen, Grok,
// Le Chat, Meta AI, Perplexity, Copilot, HuggingChat) and a student's Notion write-up, labelled
// against the staff key by a writer who had not read the reader, and measured once on the morning's
// main (19deec2): 43/70 right-vs-wrong (31/70 exact, 22/70 confidently wrong). Measured again once
// rounds 15 and 16's fixes were merged, before anything was fixed for it: 43/70 - the fixes written
// for those rounds' styles did not carry over to this one's, the honest held-out figure of the day.
// Then 44/70 with bold `**ChatGPT said:**` headings read as turns, 48/70 with a follow-up that
// presents its question after a greeting (`nice. ok next is question 2, ...`, `here's q1:`).
test('the eleventh blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 17', join(ROOT, 'test', 'fixtures', 'blind-round17', 'blind-round17.labels.yaml'), { submissions: 13, parts: 70, floor: 65 }),
);

test("a model's turn headed `**Gemini said:**` in bold, as the person's `**You said:**`, is a turn; a sentence saying what a model said is not", () => {
  assert.equal(detectFormat('**You said:**\n\nWhat is 2+2?\n\n**Gemini said:**\n\nIt is $4$.\n'), 'markdown-chat');
  assert.equal(detectFormat('### You said:\n\nWhat is 2+2?\n\n### Claude said:\n\nIt is $4$.\n'), 'markdown-chat');
  // Near miss: a write-up that reports what a model said, with no heading of its own.
  assert.equal(detectFormat('1(a) I asked a model and ChatGPT said the runtime is $c\\,d_{out}^2 d_{in}$, but I counted two products.\n'), 'writeup');
});

/** A chat that asks question 1 (b), then, after a word of thanks, another question's (b) in passing words. */
const secondQuestion = (followUp: string) =>
  [
    '**User:**',
    '',
    'for the newton-schulz one, (b): with d_out >> d_in, how do we compute p(W) faster?',
    '',
    '**Assistant:**',
    '',
    '### (b) Faster',
    '',
    'Use the Gram matrix: $p(W) = \\tfrac12 W(3I - W^\\top W)$, runtime $2c\\,d_{out} d_{in}^2$.',
    '',
    '**User:**',
    '',
    `${followUp} (b) which constant c recovers Xavier initialization for y = c W x with W ~ N(0,1)?`,
    '',
    '**Assistant:**',
    '',
    '### (b) The constant',
    '',
    'Each output has variance $c^2 d_{in}$, so $c = 1/\\sqrt{d_{in}}$.',
    '',
  ].join('\n');

test('a follow-up that presents its question after a greeting (`thanks! next up is question 2`, `here is q2`) asks that question', { skip: devSkip }, () => {
  for (const followUp of ['thanks! next up is question 2, the mup one.', 'Great. Here is q2:', 'ok. moving on to problem 2 now.']) {
    const g = gradeWithStaffKey(secondQuestion(followUp));
    assert.equal(g.get('1.b'), 'correct', followUp);
    assert.equal(g.get('2.b'), 'correct', followUp);
  }
  // Near miss: a remark that mentions another question presents none; the (b) it asks stays question 1's.
  const g = gradeWithStaffKey(secondQuestion('thanks. my friend said question 2 is harder, but redo this:'));
  assert.equal(g.get('2.b'), undefined);
});
