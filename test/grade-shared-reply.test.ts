import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { agreementRows, reviewFiguresByReason } from '../src/grade/agreement.js';
import { alsoNamed, readLineLabel } from '../src/documents/part-ids.js';
import type { SubmissionGrade } from '../src/model/grade.js';

// Question 1: (a) 330 parameters, (b) 32 multiplications per output. Question 2: (a) 330, (b) n.
const DIR = fileURLToPath(new URL('../../test/fixtures/shared-reply/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

function graded(text: string): SubmissionGrade {
  return gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'w.md', key!, problems));
}
const part = (g: SubmissionGrade, id: string) => g.parts.find((p) => p.id === id)!;

test('a label naming several parts gives each the block, knowing it is shared', () => {
  for (const [line, also] of [
    ['(a) and (b) x', ['b']],
    ['**(a) and (b)** x', ['b']],
    ['Parts (a), (b): x', ['b']],
    ['(a)–(c) x', ['b', 'c']],
    ['(a) & (b) x', ['b']],
  ] as const) {
    const l = readLineLabel(line)!;
    assert.equal(l.part, 'a', line);
    const got = alsoNamed(l.part!, line.slice(l.length));
    assert.deepEqual(got.parts, also, line);
    assert.equal(line.slice(l.length + got.length).trim(), 'x', line);
  }
  // Near misses: a sentence that goes on after the label names no other part.
  for (const line of ['(a) and b is small', '(b) and (a) swapped']) {
    const l = readLineLabel(line)!;
    assert.deepEqual(alsoNamed(l.part!, line.slice(l.length)).parts, [], line);
  }
  const s = readSubmission('1(a) and (b): the layer has $\\boxed{330}$ parameters.\n\n1(c) $10$', 'w.md', key!, problems);
  const byId = new Map(s.responses.map((r) => [r.partId, r]));
  assert.deepEqual(byId.get('1.a')!.final.sharedWith, ['1.b']);
  assert.deepEqual(byId.get('1.b')!.final.sharedWith, ['1.a']);
  assert.equal(byId.get('1.a')!.final.text, byId.get('1.b')!.final.text);
  assert.equal(byId.get('1.c')!.final.sharedWith, undefined);
});

test("one block answers two parts and the answer taken for one is the other's: needs-review, candidates listed, no points", () => {
  // Nothing beside the answers says which part each answers.
  const g = graded('1(a) and (b): $\\boxed{330}$ and $32$.\n\n1(c) $10$');
  assert.equal(part(g, '1.a').verdict, 'correct');
  const b = part(g, '1.b');
  assert.equal(b.verdict, 'needs-review');
  assert.equal(b.review, 'shared-reply');
  assert.equal(b.points, 0);
  assert.ok(b.confidence!.overall < 0.5);
  assert.match(b.feedback, /1\.a's answer/);
  const listed = b.candidates!.map((c) => `${c.verdict} ${c.answer}`);
  assert.equal(listed[0], 'incorrect 330');
  assert.ok(listed.includes('correct 32'), listed.join(' | '));
  // The bench and `partcredit agreement` count it under its own signal.
  const rows = agreementRows(g, { name: 'w', attempt: 'final', parts: new Map([['1.b', { verdict: 'correct' as const, answer: '32' }]]) }, () => true);
  assert.deepEqual(reviewFiguresByReason(rows).get('shared-reply'), { parts: 1, review: 1, rightSent: 1, caught: 1 });
  assert.equal(reviewFiguresByReason(rows).get('conflicting-answers')!.review, 0);
});

test('one answer taken for two parts whose keys differ, right for neither: both to review', () => {
  const g = graded('1(a)–(b): $\\boxed{31}$');
  for (const id of ['1.a', '1.b']) {
    assert.equal(part(g, id).verdict, 'needs-review', id);
    assert.equal(part(g, id).review, 'shared-reply', id);
  }
});

test("near miss: separate labels, (a) giving (b)'s number, stays a decided wrong answer", () => {
  const g = graded('1(a) $32$\n\n1(b) $32$\n\n1(c) $10$');
  assert.equal(part(g, '1.a').verdict, 'incorrect');
  assert.equal(part(g, '1.a').review, undefined);
  assert.equal(part(g, '1.b').verdict, 'correct');
});

test("near miss: a wrong answer in a shared block that is no other part's stays a decided wrong answer", () => {
  const g = graded('2(a) and (b): one output takes $n$ multiplications; with 32 inputs the layer has $\\boxed{320}$ parameters.');
  assert.equal(part(g, '2.a').verdict, 'incorrect');
  assert.ok(part(g, '2.a').confidence!.overall >= 0.5);
  assert.equal(part(g, '2.b').verdict, 'correct');
  // And a shared block whose answers each fit their own part is graded as usual.
  const right = graded('2(a) and (b): one output takes $n$ multiplications; with 32 inputs the layer has $\\boxed{330}$ parameters.');
  assert.equal(part(right, '2.a').verdict, 'correct');
  assert.equal(part(right, '2.b').verdict, 'correct');
});

test('in a shared block the words beside each answer say which part it answers, as a TA reads it', () => {
  const g = graded('1(a) and (b): Each output takes $32$ multiplications, so the layer has $32 \\cdot 10 + 10 = \\boxed{330}$ parameters.\n\n1(c) $10$');
  assert.equal(part(g, '1.a').verdict, 'correct');
  assert.equal(part(g, '1.b').verdict, 'correct');
  assert.equal(part(g, '1.b').answer, '32');
  // Two boxed answers, each in its own clause: each part's own, neither a rival of the other.
  const both = graded('1(a)–(b): The layer has $\\boxed{330}$ parameters and one output takes $\\boxed{32}$ multiplications.');
  assert.equal(part(both, '1.a').verdict, 'correct');
  assert.equal(part(both, '1.b').verdict, 'correct');
});

test("near miss: in a shared block a wrong answer beside its own part's words stays a decided wrong answer (never the other part's right one)", () => {
  const g = graded('1(a)–(b): The layer has $\\boxed{330}$ parameters and one output takes $\\boxed{31}$ multiplications.');
  assert.equal(part(g, '1.a').verdict, 'correct');
  const b = part(g, '1.b');
  assert.equal(b.verdict, 'incorrect');
  assert.equal(b.answer, '31');
  assert.ok(b.confidence!.overall >= 0.5);
  const wrongA = graded('1(a)–(b): The layer has $\\boxed{320}$ parameters and one output takes $\\boxed{32}$ multiplications.');
  assert.equal(part(wrongA, '1.a').verdict, 'incorrect');
  assert.equal(part(wrongA, '1.a').answer, '320');
  assert.equal(part(wrongA, '1.b').verdict, 'correct');
});

test('a chat reply labelled for two parts: the same reading in a transcript, each part its own answer or review', () => {
  const chat = (reply: string) =>
    gradeSubmission(
      assignmentOf(key!, problems),
      readSubmission(
        ['**User:** Question 1. A fully connected layer maps 32 inputs to 10 outputs. (a) How many parameters? (b) How many multiplications per output?', `**Assistant:** ${reply}`].join('\n\n'),
        'chat.md',
        key!,
        problems,
      ),
    );
  const read = chat('**(a) and (b)** Each output takes $32$ multiplications, so the layer has $\\boxed{330}$ parameters.');
  assert.equal(part(read, '1.a').verdict, 'correct');
  assert.equal(part(read, '1.b').verdict, 'correct');
  const unclear = chat('**(a) and (b)** $\\boxed{330}$, $32$');
  assert.equal(part(unclear, '1.a').verdict, 'correct');
  assert.equal(part(unclear, '1.b').verdict, 'needs-review');
  // Near miss: the same wrong number for (b) under its own label is a decided wrong answer.
  const own = chat('**(a)** $\\boxed{330}$\n\n**(b)** $\\boxed{330}$');
  assert.equal(part(own, '1.b').verdict, 'incorrect');
});
