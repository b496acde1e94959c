import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assignmentOf } from '../src/documents/assignment.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// A note's opening line or a pasted question that names parts in one line, over a reply that
// labels the same parts again: the line names the question, the reply's labels are its parts.
const DIR = fileURLToPath(new URL('../../test/fixtures/naming-lines/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const verdicts = (text: string) => new Map(gradeSubmission(assignmentOf(key!), readSubmission(text, 'w.md', key!)).parts.map((p) => [p.id, p.verdict]));
const fixture = (name: string) => verdicts(readFileSync(join(DIR, name), 'utf8'));

test('an opening line listing a range of parts names their question; the pasted question on one line is no answer', () => {
  const v = fixture('opening-list.md');
  for (const id of ['1.a', '1.b', '1.c']) assert.equal(v.get(id), 'correct', id);
  for (const id of ['2.a', '2.b', '2.c', '3.a', '3.b', '3.c']) assert.equal(v.get(id), 'missing', id);
});

test("a question pasted on one line asking several parts: the reply's labels are that question's parts, not the next one's", () => {
  const v = fixture('pasted-line.md');
  assert.equal(v.get('2.b'), 'correct');
  assert.equal(v.get('2.c'), 'correct');
  for (const id of ['3.b', '3.c']) assert.equal(v.get(id), 'missing', id);
});

test('near miss: an opening line answering two parts at once, whose letters come no more, still answers both', () => {
  const v = verdicts('1(a), (b): both follow from energy, $v = 14$ and $h = 10$.\n\n(c) $t = 3$');
  assert.equal(v.get('1.c'), 'correct');
  assert.notEqual(v.get('1.a'), 'missing');
  assert.notEqual(v.get('1.b'), 'missing');
});

test('near miss: a line of answers with formulas, then the same letters again, is answers; the letters again are the next question', () => {
  const v = verdicts('1 (a) Speed: $v = 14$. (b) Height: $h = 10$. (c) Time: $t = 3$.\n\n(a) $F = 6$\n\n(b) $a = 2$\n\n(c) $F = 12$');
  for (const id of ['1.a', '1.b', '1.c', '2.a', '2.b', '2.c']) assert.equal(v.get(id), 'correct', id);
});
