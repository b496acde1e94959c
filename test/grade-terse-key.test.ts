import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assignmentOf } from '../src/documents/assignment.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

// A key written as many course staffs write one: answers only, no `symbols:` block. The symbols
// of the question are still the question's: those of the key's other answers to it, those of its
// text, and a declared matrix's sizes (positive integers).
const DIR = fileURLToPath(new URL('../../test/fixtures/terse-key/', import.meta.url));
const read = (name: string) => readFileSync(`${DIR}${name}`, 'utf8');

function grade(text: string): Map<string, { verdict: string; feedback: string }> {
  const { key } = loadKey(read('key.yaml'), 'key.yaml');
  const problems = parseProblemSet(read('problems.md'));
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'answer.md', key!, problems));
  return new Map(g.parts.map((p) => [p.id, { verdict: p.verdict, feedback: p.feedback }]));
}

test('a key without symbols: a general bound in the c another part solves for, with the response defining c, is right', () => {
  const v = grade(read('transcript.md'));
  assert.equal(v.get('1.a')?.verdict, 'correct', v.get('1.a')?.feedback);
  assert.equal(v.get('1.b')?.verdict, 'correct', v.get('1.b')?.feedback);
  // Near miss: a general bound that is wrong stays wrong once c is put in.
  const wrong = read('transcript.md').replace('|c|\\,\\sqrt{m}\\, n$$', '|c|\\,\\sqrt{m}\\,\\sqrt{n}$$');
  assert.equal(grade(wrong).get('1.b')?.verdict, 'incorrect');
});

test('a key without symbols: a symbol neither the key nor the question uses is still one the response made up', () => {
  const made = read('transcript.md').replace('$$\\|y\\|_2 \\le |c|\\,\\sqrt{m}\\, n$$', '$$\\|y\\|_2 \\le \\sqrt{k}$$');
  assert.equal(grade(made).get('1.b')?.verdict, 'incorrect');
});

test("a key without symbols: the question's own h, x and N are defined for its answers; a made-up delay is not", () => {
  assert.equal(grade(read('transcript.md')).get('2.a')?.verdict, 'correct');
  const made = read('transcript.md').replace('= y(n - N)$$', '= y(n - M)$$');
  assert.equal(grade(made).get('2.a')?.verdict, 'incorrect');
});
