import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission, SUBMISSION_LIMITS } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { answerCandidates } from '../src/check/extract.js';
import { LIMITS } from '../src/math/limits.js';
import { UserError } from '../src/model/errors.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/numbering/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

test('a file over the submission size limit is refused with a message, at once', () => {
  const huge = `1a. ${'x'.repeat(SUBMISSION_LIMITS.chars)}`;
  assert.throws(
    () => readSubmission(huge, 'huge.md', key!, problems),
    (e: unknown) => e instanceof UserError && /huge\.md: the file is [\d.]+ MB of text; the limit is \d+ MB/.test(e.message),
  );
});

test('a part response over the response limit is unparseable, with the limit named, and the other parts are graded', () => {
  const text = `1a. ${'word '.repeat(LIMITS.responseChars / 5 + 10)}\n\n1b. The answer is $280$.\n`;
  const g = gradeSubmission(key!, readSubmission(text, 'long.md', key!, problems));
  const a = g.parts.find((p) => p.id === '1.a')!;
  assert.equal(a.verdict, 'unparseable');
  assert.match(a.feedback, /characters long; the limit is 2,000,000/);
  assert.equal(g.parts.find((p) => p.id === '1.b')!.verdict, 'correct');
});

test('candidates in a long response: the marked final answer still wins after thousands of formulas and "so" sentences', () => {
  const working = Array.from({ length: 3000 }, (_, i) => `so we get $x_{${i}} = ${i}$ and $$y_{${i}} = ${i + 1}$$`).join('\n');
  const c = answerCandidates(`${working}\n\nFinal answer: $42$`);
  assert.equal(c[0]!.text, '42');
});
