import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey, staffKey } from './hw4-dev.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { placeByContent } from '../src/grade/content-placement.js';

// A submission the reader recognised no part of (an app, a medium or a numbering nobody taught it)
// still has its answers placed, by what they contain, each for a person to review: our own
// documents in conventions no round used, and near misses that must stay unplaced.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'content-placement');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const placed = (text: string) => gradedPartsWithStaffKey(text, 't.txt').filter((p) => p.feedback.includes('placed by its content'));

test('answers introduced by the question in words, with no part labels, are placed by those words for review', { skip: devSkip }, () => {
  const text = fixture('tutor-log.txt');
  assert.equal(readWithStaffKey(text, 't.txt').responses.length, 0, 'the reader recognises no part of it');
  const parts = new Map(placed(text).map((p) => [p.id, p]));
  for (const id of ['1.a', '1.b']) {
    const g = parts.get(id);
    assert.equal(g?.verdict, 'needs-review', id);
    assert.equal(g.candidates?.[0]?.verdict, 'correct', id);
    assert.equal(g.review, 'doubtful-alignment');
    assert.ok((g.confidence?.alignment ?? 1) < 0.5, 'a placement is never a confident verdict');
    assert.equal(g.points, 0);
  }
  // Words fitting two parts (receptive field, in 4.c and 4.d) ask the first in the problem's order;
  // a wrong answer placed so changes no verdict: the part stays missing and says what was found.
  const field = parts.get('4.c');
  assert.equal(field?.verdict, 'missing');
  assert.match(field.feedback, /reads L K \+ 1, which would be incorrect/);
  assert.equal(parts.size, 3);
});

test('a list of bare results, in a submission whose words are about this problem set, is placed where an answer is the key’s own', { skip: devSkip }, () => {
  const parts = new Map(placed(fixture('results-only.txt')).map((p) => [p.id, p]));
  assert.deepEqual([...parts.keys()].sort(), ['1.a', '1.b', '4.c']);
  for (const g of parts.values()) {
    assert.equal(g.verdict, 'needs-review');
    assert.equal(g.candidates?.[0]?.verdict, 'correct');
  }
  assert.equal(parts.get('4.c')!.answer, 'L (K - 1) + 1');
});

test('near misses: another homework, prose with no answer, and a submission whose parts were recognised stay as they are', { skip: devSkip }, () => {
  // Formulas and questions of another course: no words of this problem set, no key answer.
  assert.deepEqual(placed(fixture('other-homework.txt')), []);
  // Results under a question the key does not have: its numbering says they answer something else.
  assert.deepEqual(placed(fixture('results-only.txt').replace('HW4 —', 'Problem 5 —')), []);
  // The problem set's words with no formula or number: nothing answers.
  assert.deepEqual(placed(fixture('prose-only.txt')), []);
  // Recognised parts: the fallback does not run at all (it grades nothing, returns the same grades).
  const { key, problems } = staffKey();
  const assignment = assignmentOf(key, problems);
  const text = `${fixture('tutor-log.txt')}\n\n## 4(a)\n$K^2 C F$ weights and $F$ biases.\n\n## 4(b)\nOutput is $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$.\n`;
  const submission = readWithStaffKey(text, 't.txt');
  assert.ok(submission.responses.length >= 2);
  const grades = gradeSubmission(assignment, submission).parts;
  assert.equal(
    placeByContent(grades, submission, assignment, () => assert.fail('a submission with recognised parts is graded by its labels alone')),
    grades,
  );
  assert.ok(!grades.some((p) => p.feedback.includes('placed by its content')));
});
