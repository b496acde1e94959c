import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadKey } from '../src/documents/key.js';
import { readProblemSetFile } from '../src/documents/problem-set-file.js';
import { leafParts, parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmissionFile } from '../src/documents/submission.js';
import { texToMarkdown } from '../src/documents/tex.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';

// Three other courses' problem sets and keys, written as their staffs write them (signals and
// systems, probability, optimisation), with transcripts and write-ups a reader graded per part:
// the material the hidden measurement brings besides hw4.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COURSES = join(ROOT, 'test', 'fixtures', 'other-courses');
const LABELS = ['ee120-ps6/ps6.labels.yaml', 'stat134-hw5/hw5.labels.yaml', 'math-opt-hw3/hw3.labels.yaml'];

interface Labels {
  key: string;
  submissions: Record<string, { source: string; parts: Record<string, { verdict: string }> }>;
}

/** partcredit's verdict on every labelled part of one course, beside the reader's. */
async function verdicts(labelsPath: string): Promise<{ at: string; want: string; got: string }[]> {
  const dir = dirname(join(COURSES, labelsPath));
  const labels = parse(readFileSync(join(COURSES, labelsPath), 'utf8')) as Labels;
  const keyPath = join(dir, labels.key);
  const { key } = loadKey(readFileSync(keyPath, 'utf8'), keyPath);
  const problems = readProblemSetFile(join(dir, key!.problems!));
  const assignment = assignmentOf(key!, problems);
  const out: { at: string; want: string; got: string }[] = [];
  for (const [name, s] of Object.entries(labels.submissions)) {
    const path = join(dir, s.source);
    const sub = await readSubmissionFile(new Uint8Array(readFileSync(path)), name, key!, problems, path);
    const graded = new Map(gradeSubmission(assignment, sub).parts.map((p) => [p.id, p.verdict]));
    for (const [id, label] of Object.entries(s.parts)) out.push({ at: `${labelsPath} ${name} ${id}`, want: label.verdict, got: graded.get(id) ?? 'missing' });
  }
  return out;
}

test("other courses: every labelled part gets the reader's verdict", async () => {
  const all = (await Promise.all(LABELS.map(verdicts))).flat();
  const wrong = all.filter((v) => v.got !== v.want).map((v) => `${v.at}: reader ${v.want}, partcredit ${v.got}`);
  assert.deepEqual(wrong, []);
});

test('a LaTeX problem set or write-up keeps the letters its lists print: enumerate[label=(\\alph*)] items are parts', () => {
  const tex = [
    '\\documentclass{article}',
    '\\title{Physics 7B --- Problem Set 2}',
    '\\begin{document}',
    '\\section*{Problem 1 (Heat engines)}',
    '\\begin{enumerate}[label=(\\alph*)]',
    '  \\item Find the efficiency of the cycle.',
    '  \\item Find the work done per cycle.',
    '\\end{enumerate}',
    '\\section*{Problem 2}',
    'A gas expands isothermally.',
    '\\begin{enumerate}',
    '\\item Find the entropy change. \\item Find the heat absorbed.',
    '\\end{enumerate}',
    '\\end{document}',
  ].join('\n');
  const set = parseProblemSet(texToMarkdown(tex));
  assert.equal(set.title, 'Physics 7B --- Problem Set 2');
  assert.deepEqual(
    leafParts(set).map((p) => p.id),
    ['1.a', '1.b', '2.a', '2.b'],
  );
  // Near miss: bullets (itemize) are no parts; the question stays one part.
  const bullets = parseProblemSet(
    texToMarkdown(tex.replace('\\begin{enumerate}[label=(\\alph*)]', '\\begin{itemize}').replace('\\end{enumerate}\n\\section*{Problem 2}', '\\end{itemize}\n\\section*{Problem 2}')),
  );
  assert.deepEqual(
    leafParts(bullets).map((p) => p.id),
    ['1', '2.a', '2.b'],
  );
});
