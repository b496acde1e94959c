import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assignmentOf } from '../src/documents/assignment.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// A person's first line that opens on the model's name (`ChatGPT (o4-mini), question 1 ...`) says
// which model answered; it is not ChatGPT's turn in a page copy, so the `User:` turns below are read.
const DIR = fileURLToPath(new URL('../../test/fixtures/naming-lines/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const read = (text: string) => readSubmission(text, 'w.md', key!);
const verdicts = (text: string) => new Map(gradeSubmission(assignmentOf(key!), read(text)).parts.map((p) => [p.id, p.verdict]));

test("a first line naming the model and its version is a note: the chat's User:/ChatGPT: turns are read", () => {
  const v = verdicts(readFileSync(join(DIR, 'chatgpt-note-first.md'), 'utf8'));
  assert.equal(v.get('1.b'), 'correct');
  assert.equal(v.get('1.c'), 'correct');
  assert.equal(v.get('1.a'), 'missing');
});

test("near miss: ChatGPT's page text (`You said:` / `ChatGPT said:`, or the name alone) is still its turns", () => {
  const page = 'You said:\nQ1 (b). How high does it rise?\nChatGPT said:\nAt the top, $h = 10$ m.\nYou said:\nQ1 (c). How long is it in the air?\nChatGPT\nTo the nearest second, $t = 3$ s.\n';
  const s = read(page);
  assert.equal(s.format, 'chatgpt-text');
  assert.deepEqual(
    s.messages?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
});
