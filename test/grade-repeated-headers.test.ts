import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { inlineSpeakers } from '../src/documents/inline-speakers.js';
import { speakerShapes } from '../src/documents/speaker-shapes.js';
import { withoutDeclaredRemarks } from '../src/documents/declared-remarks.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Chats whose turns are headed by lines that repeat in one shape, in shapes no reader knew: names
// after a console's prompt sign (`>> Ravi` / `>> Scilab Helper`), a sender's line with the app's
// field between the name and the time (`StudyPal, Bot, 21:40`), a reply's name line whose note names
// the model (`**Cascade** — GPT-5`) over a request with no label, and labels in bold that share
// their line with the turn's words (`**🔎 Query:** ...` / `**Helper:** ...`). Read as write-ups, the
// person's questions were graded with the answers; and the person's remarks, declared by a mark,
// must not take the turns' lines nor leave their own tallies in a reply.

const DIR = 'repeated-headers';
const verdicts = (file: string) => ps6Verdicts(DIR, file);
const fixture = (file: string) => readFileSync(join(ROOT, 'test', 'fixtures', DIR, file), 'utf8');
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');
const said = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.text).join('\n');

test("names after a console's prompt sign head the turns; the person's push-back gives the corrected answer", () => {
  assert.equal(roles('console-prompt-names.txt'), 'nuaua');
  assert.deepEqual(verdicts('console-prompt-names.txt'), ['2.a correct', '2.b correct']);
  // The writer's tally under a `// me:` remark, its lines led by the same signs, is no reply's text.
  assert.doesNotMatch(said('console-prompt-names.txt'), /tally|4 first/);
  assert.equal(speakerShapes(fixture('console-prompt-names.txt')).split('\n').length, fixture('console-prompt-names.txt').split('\n').length);
});

test("near miss: a console session's own `>> name` lines in a write-up head no turns", () => {
  assert.equal(speakerShapes(fixture('console-commands-writeup.txt')), fixture('console-commands-writeup.txt'));
  assert.equal(readPs6(DIR, 'console-commands-writeup.txt').format, 'writeup');
  assert.deepEqual(verdicts('console-commands-writeup.txt'), ['2.a correct', '2.b correct']);
});

test("a sender's line with the app's field between name and time (`StudyPal, Bot, 21:40`) heads a turn", () => {
  assert.equal(roles('comma-badge-senders.txt'), 'nuaua');
  assert.deepEqual(verdicts('comma-badge-senders.txt'), ['2.b correct', '4.a correct', '4.b correct']);
});

test("near miss: one writer's dated entries with a field after the name are a write-up's", () => {
  assert.equal(readPs6(DIR, 'comma-badge-log.txt').format, 'writeup');
  assert.deepEqual(verdicts('comma-badge-log.txt'), ['4.a correct', '4.b correct']);
});

test("a reply's name line whose note names the model heads the reply; the request above it is the person's, and the title over the writer's rule names the question", () => {
  const sub = readPs6(DIR, 'agent-noted-model.md');
  assert.equal(roles('agent-noted-model.md'), 'nua');
  assert.equal(sub.messages![0]!.text, 'Question 4');
  assert.match(sub.messages![1]!.text, /ask the agent: question 4/);
  assert.doesNotMatch(sub.messages![2]!.text, /ask the agent/);
  assert.deepEqual(verdicts('agent-noted-model.md'), ['4.a correct', '4.b correct']);
});

test("a declared one-sign remark mark (`~`) takes its remarks, not a shell prompt's `~/ps6 $` lines", () => {
  const out = withoutDeclaredRemarks(fixture('agent-noted-model.md'));
  assert.match(out, /~\/ps6 \$ # ask the agent/);
  assert.match(out, /~\/ps6 \$ sed -n/);
  assert.doesNotMatch(out, /both right/);
});

test("near miss: a write-up's line with a model's name after a dash heads no reply", () => {
  assert.equal(readPs6(DIR, 'noted-model-writeup.md').format, 'writeup');
  assert.deepEqual(verdicts('noted-model-writeup.md'), ['4.a correct', '4.b correct']);
});

test('labels in bold sharing their line with the turn head the turns, whatever their words', () => {
  assert.equal(roles('inline-labelled-turns.md'), 'uaua');
  assert.deepEqual(verdicts('inline-labelled-turns.md'), ['4.a correct', '4.b correct']);
  const text = fixture('inline-labelled-turns.md');
  assert.equal(inlineSpeakers(text).split('\n').length, text.split('\n').length);
});

test("near miss: a write-up's alternating bold labels that ask nothing are read as written", () => {
  const text = fixture('inline-labelled-writeup.md');
  assert.equal(inlineSpeakers(text), text);
  assert.equal(readPs6(DIR, 'inline-labelled-writeup.md').format, 'writeup');
  // Two names the readers know already are theirs to read.
  const known = '**User:** What is 2 + 2?\n\n**Assistant:** It is 4, since adding two and two gives four.\n\n**User:** And 3 + 3?\n\n**Assistant:** It is 6, twice three.\n';
  assert.equal(inlineSpeakers(known), known);
});

test("a model's name with its version (`**GPT-5 mini** · 8:02 PM`) heads its turns; the person's `ok now Q3.` names the question, a wrapped `2 taps, ...` line none", () => {
  assert.equal(roles('versioned-model-names.md'), 'uaua');
  assert.deepEqual(verdicts('versioned-model-names.md'), ['1.a correct', '3.a correct']);
});
