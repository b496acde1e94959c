import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drawParams, readRoster, renderVariant } from '../src/documents/variants.js';
import { loadKey } from '../src/documents/key.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const KEY = [
  'partcredit: 1',
  'title: Variant quiz',
  'problems: problems.md',
  'params:',
  '  a: { min: 1, max: 9 }',
  '  s: { choices: [1, 2] }',
  'data:',
  "  x: '\\begin{bmatrix} {{a}} & 2 & 3 & 4 \\\\ 5 & 6 & 7 & 8 \\\\ 9 & 10 & 11 & 12 \\\\ 13 & 14 & 15 & {{a+1}} \\end{bmatrix}'",
  "  h: '\\begin{bmatrix} 1 & 0 \\\\ 0 & -1 \\end{bmatrix}'",
  'parts:',
  '  1:',
  '    compute: conv2d(x, h, stride={{s}})',
  '  2:',
  "    answer: '{{2*a}}'",
].join('\n');
const PROBLEMS = '1. Convolve\n\nConvolve x (its corner is {{a}}) with h, stride {{s}}.\n\n2. Double\n\nWhat is twice {{a}}?\n';

test("a student's values are drawn from their id, the same every time", () => {
  const params = { a: { min: 1, max: 9 }, s: { choices: [1, 2] } };
  assert.deepEqual(drawParams(params, 'alice', 't'), drawParams(params, 'alice', 't'));
  const many = new Set(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => JSON.stringify(drawParams(params, id, 't'))));
  assert.ok(many.size > 1, 'different students get different values');
  for (let i = 0; i < 50; i++) {
    const v = drawParams({ w: { min: 0.1, max: 0.9, step: 0.1 } }, `s${i}`);
    assert.ok((v.w as number) >= 0.1 && (v.w as number) <= 0.9 && Math.abs((v.w as number) * 10 - Math.round((v.w as number) * 10)) < 1e-9);
  }
});

test("a rendered variant is an ordinary key whose computed parts use that student's data", () => {
  const v = renderVariant(KEY, PROBLEMS, 'alice');
  assert.doesNotMatch(v.key, /params:|\{\{/);
  assert.match(v.key, new RegExp(`variant for student alice: a = ${v.values.a}, s = ${v.values.s}`));
  assert.match(v.problems!, new RegExp(`its corner is ${v.values.a}\\b`));
  const { key, problems } = loadKey(v.key);
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  assert.equal(key!.parts.find((p) => p.id === '2')!.answers[0]!.spec.value, String(2 * (v.values.a as number)));
  assert.throws(() => renderVariant(KEY.replace('{{2*a}}', '{{b}}'), undefined, 'x'), /\{\{b\}\} names no parameter/);
  assert.deepEqual(readRoster('id,name\ns1,Ann\ns2,Bo\n'), ['s1', 's2']);
  assert.throws(() => readRoster('s1\ns1\n'), /appears twice/);
});

test('partcredit variants, then grade --variants: each student graded against their own key, regrade too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-variants-'));
  writeFileSync(join(dir, 'key.yaml'), KEY);
  writeFileSync(join(dir, 'problems.md'), PROBLEMS);
  writeFileSync(join(dir, 'roster.csv'), 'student,name\nalice,Alice\nbob,Bob\n');
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  const made = run(['variants', '--key', 'key.yaml', '--students', 'roster.csv', '--out', 'variants']);
  assert.equal(made.status, 0, made.stderr);
  const alice = renderVariant(KEY, PROBLEMS, 'alice').values;
  const bob = renderVariant(KEY, PROBLEMS, 'bob').values;
  assert.match(readFileSync(join(dir, 'variants', 'alice', 'problems.md'), 'utf8'), new RegExp(`twice ${alice.a}\\?`));
  // Each writes twice their own a; alice also writes bob's value for part 2 in a second file.
  writeFileSync(join(dir, 'alice.md'), `2. $${2 * (alice.a as number)}$`);
  writeFileSync(join(dir, 'bob.md'), `2. $${2 * (bob.a as number)}$`);
  const graded = run(['grade', '--key', 'key.yaml', '--variants', 'variants', '--format', 'json', 'alice.md', 'bob.md']);
  assert.equal(graded.status, 0, graded.stderr);
  const out = graded.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const o of out) assert.equal(o.parts.find((p: { id: string }) => p.id === '2').verdict, 'correct', JSON.stringify(o));
  writeFileSync(join(dir, 'carol.md'), '2. $4$');
  const missing = run(['grade', '--key', 'key.yaml', '--variants', 'variants', '--no-store', '--format', 'json', 'alice.md', 'carol.md']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /carol\.md: no variant for student "carol"/);
  assert.equal(missing.stdout.trim().split('\n').length, 1); // alice still graded
  assert.match(run(['grade', '--key', 'key.yaml', '--variants', 'variants', '--no-store', 'carol.md']).stderr, /none of the submissions has a variant/);
  const regraded = run(['regrade', '--format', 'json']);
  assert.equal(regraded.status, 0, regraded.stderr);
  for (const l of regraded.stdout.trim().split('\n')) assert.equal(JSON.parse(l).parts.find((p: { id: string }) => p.id === '2').verdict, 'correct');
  const db = new Database(join(dir, 'partcredit.db'), { readonly: true });
  assert.equal((db.prepare('select variants_dir from runs').get() as { variants_dir: string }).variants_dir, join(dir, 'variants')); // absolute: regrade works from any folder
  db.close();
});
