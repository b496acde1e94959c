import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { headingsToNextPrompt } from '../src/documents/trailing-headings.js';

// A student's report that pastes each reply followed by the heading of the next prompt
// (`... = 108 Q3 (b) — Depthwise Separable Parameters`): the heading opens the next prompt.

const DIR = join(ROOT, 'test', 'fixtures', 'trailing-headings');
const { key } = loadKey(readFileSync(join(ROOT, 'test', 'fixtures', 'real-pdf-chats', 'cnn-hw5.key.yaml'), 'utf8'), 'cnn-hw5.key.yaml');

/** Each answered part's verdict, `id verdict`, in the key's order. */
function verdicts(file: string): string[] {
  const g = gradeSubmission(key!, readSubmission(readFileSync(join(DIR, file), 'utf8'), file, key!));
  return g.parts.filter((p) => p.verdict !== 'missing').map((p) => `${p.id} ${p.verdict}`);
}

test("the next prompt's heading printed at the end of a reply (on its own line or run on) opens that prompt", () => {
  assert.deepEqual(verdicts('report-next-headings.txt'), ['1.a needs-review', '1.b correct', '3.a correct', '3.b correct']);
});

test("near miss: a reply's last line that names its own part with the answer, or names the next part in a sentence, keeps its reading", () => {
  assert.deepEqual(verdicts('reply-names-next-part.txt'), ['1.b correct', '3.a correct', '3.b correct']);
  const chat = [
    { role: 'user' as const, text: 'Q3 (a) and (b), please.' },
    { role: 'assistant' as const, text: '(a) 108.\n(b) follows from (a): 39.' },
    { role: 'user' as const, text: 'Thanks.' },
  ];
  assert.deepEqual(headingsToNextPrompt(chat), chat);
  // A heading before a person's turn that opens on a label of its own stays where it is.
  const labelled = [chat[0]!, { role: 'assistant' as const, text: '108. Q3 (b) — Depthwise Separable' }, { role: 'user' as const, text: '(b) Total parameters?' }];
  assert.deepEqual(headingsToNextPrompt(labelled), labelled);
});
