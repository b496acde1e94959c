import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusDir } from '../bench/corpus.js';
import { runCli } from './fixtures/cli.js';

interface Graded {
  submission: string;
  parts: { id: string; verdict: string; answer: string }[];
}

const parse = (stdout: string): Graded[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Graded);

// A regrade with the same key must decide as the grading did: the staff key reads values the
// problem set states (g_1 = ..., L = 7), so a regrade without the problem set graded differently.
test('regrade with the unchanged staff key gives the verdicts grade gave (problem set read again)', (t) => {
  const corpus = corpusDir();
  const dev = corpus && join(corpus, 'dev', 'hw4-fa25');
  if (!corpus || !dev || !existsSync(dev)) return t.skip('../shared/corpus is absent: the staff key and seeds were not read');
  const seeds = readdirSync(join(corpus, 'seeds'))
    .filter((f) => /^00[012]_/.test(f))
    .map((f) => join(corpus, 'seeds', f));
  const dir = mkdtempSync(join(tmpdir(), 'pc-regrade-'));
  const db = join(dir, 'store.db');
  const graded = runCli(['grade', '--key', join(dev, 'hw4-fa25.key.yaml'), '--format', 'json', '--db', db, ...seeds], dir);
  assert.equal(graded.code, 0, graded.stderr);
  const regraded = runCli(['regrade', '--format', 'json', '--db', db], dir);
  assert.equal(regraded.code, 0, regraded.stderr);
  const before = parse(graded.stdout);
  const after = parse(regraded.stdout);
  assert.equal(after.length, before.length);
  for (const [i, g] of before.entries()) {
    assert.deepEqual(
      after[i]!.parts.map((p) => [p.id, p.verdict, p.answer]),
      g.parts.map((p) => [p.id, p.verdict, p.answer]),
      `${g.submission}: regrade decided differently`,
    );
  }
});
