import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assignmentOf } from '../src/documents/assignment.js';
import { loadKey } from '../src/documents/key.js';
import { readLineLabel } from '../src/documents/part-ids.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// Claude Code opens each of its messages with ⏺ (chats with ✅ or ➤): a numbered label after the mark is a label.
const DIR = fileURLToPath(new URL('../../test/fixtures/naming-lines/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');

test('a terminal copy whose messages start with ⏺ before Q1 (b), Q2 (c): each answers its part', () => {
  const sub = readSubmission(readFileSync(join(DIR, 'claude-code-marks.txt'), 'utf8'), 'cc.txt', key!);
  const v = new Map(gradeSubmission(assignmentOf(key!), sub).parts.map((p) => [p.id, p.verdict]));
  assert.equal(v.get('1.b'), 'correct');
  assert.equal(v.get('2.c'), 'correct');
  assert.equal(v.get('2.b'), 'missing');
});

test('near miss: a mark before a count or a tool call labels nothing', () => {
  assert.equal(readLineLabel('⏺ 2 parts answered; tell me if you want the others.'), undefined);
  assert.equal(readLineLabel('⏺ Read(sheet3.pdf)'), undefined);
  assert.equal(readLineLabel('✅ 10 m is the height'), undefined);
  assert.deepEqual(readLineLabel('⏺ Q2 (c) — force'), { question: '2', part: 'c', length: 10, strong: true });
});
