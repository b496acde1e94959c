import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps6Verdicts, readPs6 } from './ps6-key.js';
import { withoutHeaderFields } from '../src/documents/header-fields.js';

// A write-up's header of fields in bold, several to a line (`**Student:** ... **Section:** ...`), with
// a field under it that names the assistant in words the reader does not know (`**Assistant:** Andi
// (its default "Search" mode ...)`): read as a chat's two labelled turns, the whole document became
// the model's one reply, and the person's quoted requests under it were never turns (round 22's
// You.com write-up, printed as a page whose wrap put `**Assistant:**` at a line's start).

const DIR = 'header-fields';
const roles = (file: string) => (readPs6(DIR, file).messages ?? []).map((m) => m.role[0]).join('');

test("a line of several bold fields, and a speaker's field right under it, are a header's: the quoted requests below are the turns", () => {
  assert.equal(roles('fields-block-quoted-chat.md'), 'nnnuaua');
  assert.deepEqual(ps6Verdicts(DIR, 'fields-block-quoted-chat.md'), ['2.a correct', '2.b correct']);
});

test('near miss: a chat whose turns are labelled with the same bold words, one to a line, stays a chat', () => {
  assert.equal(roles('speaker-labelled-chat.md'), 'nuaua');
  assert.deepEqual(ps6Verdicts(DIR, 'speaker-labelled-chat.md'), ['2.a correct', '2.b correct']);
  // A turn's words with a bold phrase of their own (`**Student:** Is **the factor:** 2 / 8?`, `... **Hint:** ...?`) are no fields line.
  for (const words of ['What is **the factor:** 2 / 8?', 'By what factor is it scaled? **Hint:** use the norm, **Note:** 8 > 2?']) {
    const turn = `# Title\n\n**Student:** ${words}\n**Assistant:** 0.25.\n`;
    assert.equal(withoutHeaderFields(turn), turn);
  }
  // A turn's label over a bold label of its own (`**Assistant:** **Answer:**`) is the turn's.
  const labelled = '**User:** (a) What is the factor?\n\n**Assistant:** **Answer:**\n\n0.25\n';
  assert.equal(withoutHeaderFields(labelled), labelled);
});
