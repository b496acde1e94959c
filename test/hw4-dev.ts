import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission, readSubmissionFile } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { measureAgreement } from '../src/cli/agreement.js';
import { percent } from '../src/grade/agreement.js';

// The development homework of issue 9 (../shared/corpus/dev/hw4-fa25) as the blind rounds grade
// their transcripts with it: one place, so every round reads the corpus the same way.

/** The project's folder (above dist/). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The development set's folder, beside the project. */
export const DEV = join(ROOT, '..', 'shared', 'corpus', 'dev', 'hw4-fa25');
/** A test's `skip`: false when the development set is there, else why the test cannot run. */
export const devSkip: string | false = existsSync(join(DEV, 'hw4-fa25.key.yaml')) ? false : '../shared/corpus/dev/hw4-fa25 is absent';

/** The staff key and its problem set. */
export function staffKey() {
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  return { key: key!, problems: parseProblemSet(readFileSync(join(DEV, 'hw4-fa25.problems.md'), 'utf8')) };
}

/** A text read with the staff key and problem set: its format, warnings and responses. */
export function readWithStaffKey(text: string, name = 't.md') {
  const { key, problems } = staffKey();
  return readSubmission(text, name, key, problems);
}

/** A text graded with the staff key and problem set: every part's grade. */
export function gradedPartsWithStaffKey(text: string, name = 't.md') {
  const { key, problems } = staffKey();
  return gradeSubmission(assignmentOf(key, problems), readSubmission(text, name, key, problems)).parts;
}

/** A transcript graded with the staff key and problem set: each answered part's verdict, by part id. */
export function gradeWithStaffKey(text: string, name = 't.md'): Map<string, string> {
  return new Map(
    gradedPartsWithStaffKey(text, name)
      .filter((p) => p.verdict !== 'missing')
      .map((p) => [p.id, p.verdict]),
  );
}

/** A fixture under test/fixtures/<folder> graded with the staff key: each answered part's [verdict, answer as read], by part id. */
export function answeredFixtureParts(folder: string, name: string): Record<string, [string, string]> {
  return Object.fromEntries(
    gradedPartsWithStaffKey(readFileSync(join(ROOT, 'test', 'fixtures', folder, name), 'utf8'), name)
      .filter((p) => p.verdict !== 'missing')
      .map((p) => [p.id, [p.verdict, p.answer ?? '']]),
  );
}

/**
 * A fixture file under test/fixtures/<folder> read from its bytes, as `partcredit grade` reads a file
 * (a sheet, a notebook kept as a script), and graded with the staff key: each answered part as `verdict: answer`.
 */
export async function gradedFixtureFile(folder: string, file: string): Promise<Record<string, string>> {
  return gradedFileBytes(readFileSync(join(ROOT, 'test', 'fixtures', folder, file)), file);
}

/** A file's bytes (a fixture, or a PDF printed from one) read as `partcredit grade` reads a file named `name`, graded as gradedFixtureFile grades. */
export async function gradedFileBytes(bytes: Uint8Array, name: string): Promise<Record<string, string>> {
  const { key, problems } = staffKey();
  const sub = await readSubmissionFile(bytes, name, key, problems, name);
  const parts = gradeSubmission(assignmentOf(key, problems), sub).parts;
  return Object.fromEntries(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, `${p.verdict}: ${p.answer}`]));
}

/** A blind round's labels graded with the staff key and problem set; its overall figures printed under `name`. */
export async function roundAgreement(name: string, labels: string) {
  const r = await measureAgreement({ labels, key: join(DEV, 'hw4-fa25.key.yaml'), problems: join(DEV, 'hw4-fa25.problems.md') });
  const o = r.report.overall;
  console.log(
    `${name}: right-vs-wrong ${percent(o.rightWrong, o.parts)}, exact ${percent(o.exact, o.parts)}, confidently wrong ${percent(o.confidentlyWrong, o.parts)}, needs-review ${o.needsReview}`,
  );
  return r;
}

/** A blind round's agreement measured and held: its size as labelled, and right-vs-wrong at or above `floor`. */
export async function assertRoundFloor(name: string, labels: string, expect: { submissions: number; parts: number; floor: number }) {
  const r = await roundAgreement(name, labels);
  const o = r.report.overall;
  assert.equal(r.report.bySubmission.size, expect.submissions);
  assert.equal(o.parts, expect.parts);
  assert.ok(o.rightWrong >= expect.floor, `right-vs-wrong ${o.rightWrong}/${o.parts} fell below ${expect.floor}`);
}
