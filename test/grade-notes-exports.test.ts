import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, readWithStaffKey, ROOT } from './hw4-dev.js';

// Mail threads and note apps' exports, in other clients' and apps' words than the round that showed
// them: a thread's headers and its replies' quotes of earlier messages are no answers, and the reply
// a sender relays after a correction is the part's last answer; a note export's wrapper (ENEX's XML),
// its check boxes and the app's record of the note (`id:`, `parent_id:`, `type_:`) are no answers, and
// a part a note leaves as an open to-do is missing.

const DIR = join(ROOT, 'test', 'fixtures', 'notes-exports');
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const verdicts = (file: string) => [...gradeWithStaffKey(text(file), file)].map(([id, v]) => `${id} ${v}`);
const answerOf = (file: string, part: string) => readWithStaffKey(text(file), file).responses.find((r) => r.partId === part)?.final.text;

test('an Outlook thread: the copy of an earlier message under `-----Original Message-----` is not read again after the relayed correction', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('outlook-thread.txt'), ['3.c correct', '4.c correct']);
});

test("a Thunderbird thread: `On ..., X wrote:` quotes are the earlier message's, and a relayed prompt naming 3(c) heads the reply", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('thunderbird-thread.txt'), ['3.c correct', '4.c correct']);
  assert.match(answerOf('thunderbird-thread.txt', '3.c') ?? '', /-40, -40, -40\]\]"$/);
});

test('an ENEX export is read as its notes: open check boxes mark a part left to do, ticked ones and attachments are no answer', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('converted-notes.enex'), ['3.c correct', '4.c correct']);
  assert.equal(answerOf('converted-notes.enex', '3.d.ii'), '[ ] not done yet, need the padded picture first');
});

test("a synced note's record of the note (`id:`, `parent_id:`, `type_:`) is no answer; a part left as an open to-do is missing", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('synced-note-record.md'), ['4.b correct', '4.c correct']);
  assert.doesNotMatch(answerOf('synced-note-record.md', '4.f') ?? '', /parent_id|type_/);
});

test("near misses: a write-up with its author's address stays a write-up; an open to-do holding a value answers; a writer's `key: value` lines stay", { skip: devSkip }, () => {
  assert.deepEqual(verdicts('writeup-with-address.md'), ['3.c correct', '4.c correct']);
  assert.deepEqual(verdicts('near-miss-lists.md').slice(0, 2), ['4.b correct', '4.c correct']);
  assert.match(answerOf('near-miss-lists.md', '4.f') ?? '', /stride: 1\npadding: 1\nkernel: 3$/);
});
