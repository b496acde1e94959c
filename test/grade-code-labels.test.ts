import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hw4-dev.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { splitAtLabels } from '../src/documents/segment.js';

// Code in a write-up or a reply (a script that checks the answers) whose comments name the parts
// (`# (a) AB: n*p entries ...`): a comment is code, not the part's label.

const DIR = join(ROOT, 'test', 'fixtures', 'code-labels');
const KEYS = join(ROOT, 'test', 'fixtures', 'question-headings');
const { key } = loadKey(readFileSync(join(KEYS, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(KEYS, 'problems.md'), 'utf8'));
const read = (file: string) => readSubmission(readFileSync(join(DIR, file), 'utf8'), file, key!, problems);

test("a part's letter in a code comment (`# (a) ...` in a fenced block) labels nothing; the labels after the block do", () => {
  const g = gradeSubmission(assignmentOf(key!, problems), read('commented-code.md'));
  assert.deepEqual(
    g.parts.filter((p) => p.verdict !== 'missing').map((p) => `${p.id} ${p.verdict}`),
    ['1.a correct', '1.b incorrect', '3.a correct', '3.b.i correct', '3.b.ii correct'],
  );
});

test('near miss: a label right after a closing fence (``` or ~~~) is a label', () => {
  assert.deepEqual(
    read('label-after-code.md').responses.map((r) => r.partId),
    ['1.a', '1.b', '2.a', '2.b'],
  );
});

test("near miss: a program's printed output in a fence (`i. stride 1, pad 1:` over its matrix) still labels its subpart", () => {
  const segs = splitAtLabels('```\ni. stride 1, pad 1:\n[[1 2]\n [3 4]]\n# ii. a comment\n```', 1, false, true);
  assert.deepEqual(
    segs.filter((s) => s.label).map((s) => s.label!.subpart),
    ['i'],
  );
});
