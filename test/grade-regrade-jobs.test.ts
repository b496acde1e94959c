import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKey } from '../src/documents/key.js';
import { readProblemSetFile } from '../src/documents/problem-set-file.js';
import { gradeFiles } from '../src/run/grading.js';
import { workRegradeJob } from '../src/run/regrade-jobs.js';
import { openStore } from '../src/store/db.js';
import { enqueueRegrade } from '../src/store/jobs.js';

// The answer is right only through a value the problem set states (g_1), so a worker that
// grades without the problem set decides differently from the grading it repeats.
const PROBLEMS = `# Sheet

## 1. Shifted inputs

A network maps the image $\\mathbf{x}_1$ to $\\mathbf{g}_1 = [0.5, 0, 0.25]^T$.

(a) The image $\\mathbf{x}_2$ is $\\mathbf{x}_1$ shifted by one pixel. What is $\\mathbf{g}_2$?
`;
const KEY = `partcredit: 1
title: Sheet
problems: problems.md
parts:
  1.a:
    answers:
      g_2: { type: vector, value: '(0.5, 0, 0.25)' }
`;

test('a queued regrade grades with the run problem set, deciding as the grading did', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-jobs-problems-'));
  writeFileSync(join(dir, 'problems.md'), PROBLEMS);
  writeFileSync(join(dir, 'key.yaml'), KEY);
  const right = join(dir, 'right.md');
  const wrong = join(dir, 'wrong.md');
  writeFileSync(right, '1(a) The map is shift-invariant, so $\\mathbf{g}_2 = \\mathbf{g}_1$.\n');
  // Near miss: another value of the question, not the one the shift keeps.
  writeFileSync(wrong, '1(a) Shifting moves the response, so $\\mathbf{g}_2 = [0, 0.5, 0.25]^T$.\n');
  const key = loadKey(KEY, join(dir, 'key.yaml')).key!;
  const problemsPath = join(dir, 'problems.md');
  const store = await openStore(join(dir, 'store.db'));
  try {
    const first = await gradeFiles({ key, problems: readProblemSetFile(problemsPath), problemsPath, files: [right, wrong], store, keyPath: join(dir, 'key.yaml') });
    const verdicts = (gradingId: number) => store.gradesOf(gradingId).then((gs) => gs.map((g) => `${g.submission} ${g.parts.map((p) => p.verdict).join(' ')}`));
    assert.deepEqual(await verdicts(first.gradingId!), ['right.md correct', 'wrong.md incorrect']);
    const job = await enqueueRegrade(store, first.runId!, key, join(dir, 'key.yaml'));
    assert.equal(await workRegradeJob(store, job.jobId), 2);
    assert.deepEqual(await verdicts(job.gradingId), ['right.md correct', 'wrong.md incorrect']);
  } finally {
    await store.close();
  }
});
