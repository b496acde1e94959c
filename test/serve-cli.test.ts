import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoStore, startServe } from './fixtures/review.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

test('partcredit serve prints a loopback URL that serves the app; a missing store is one line', async () => {
  const env = await demoStore();
  const { child, url } = await startServe(CLI, ['--db', env.db, '--port', '0']);
  try {
    const index = await (await fetch(url)).text();
    assert.match(index, /<title>partcredit review<\/title>/);
    assert.match(index, /name="partcredit-csrf"/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    assert.equal((await fetch(new URL(asset, url))).status, 200, 'the built UI is served from the package');
    assert.equal((await fetch(new URL('/assets/../../package.json', url))).status, 404);
  } finally {
    child.kill('SIGTERM');
  }
  const missing = spawnSync(process.execPath, [CLI, 'serve', '--db', join(env.dir, 'none.db')], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^partcredit: no store at .*none\.db: grade something first/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});

test('partcredit export: gradebook, Canvas from a roster, Gradescope results, student pages with the key hidden', async () => {
  const env = await demoStore();
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'export', '--db', env.db, ...args], { encoding: 'utf8', cwd: env.dir });
  const gradebook = run('--format', 'gradebook');
  assert.equal(gradebook.status, 0, gradebook.stderr);
  assert.match(gradebook.stdout, /^submission,1\.a,1\.b,2\.a,3\.a,3\.b,4\.a,4\.b,total,max\n/);
  writeFileSync(join(env.dir, 'roster.csv'), 'Student,ID,SIS User ID,SIS Login ID,Section\n"Lee, Alice",1001,s1,alice,A\n"Stone, Bob",1002,s2,bob,A\n"Nobody, Ned",1003,s3,ned,B\n');
  const canvas = run('--format', 'canvas', '--roster', 'roster.csv', '--assignment', 'HW 1');
  assert.equal(canvas.status, 0, canvas.stderr);
  assert.deepEqual(canvas.stdout.trim().split('\n'), [
    'Student,ID,SIS User ID,SIS Login ID,Section,HW 1',
    '    Points Possible,,,,,12',
    '"Lee, Alice",1001,s1,alice,A,12',
    '"Stone, Bob",1002,s2,bob,A,3',
    '"Nobody, Ned",1003,s3,ned,B,',
  ]);
  assert.match(canvas.stderr, /submission carol\.txt matches no student/);
  const noRoster = run('--format', 'canvas');
  assert.equal(noRoster.status, 2);
  assert.match(noRoster.stderr, /needs --roster/);
  const agreement = run('--format', 'agreement');
  assert.equal(agreement.status, 0, agreement.stderr);
  assert.match(agreement.stdout, /^part,decided,overridden,exact,right_vs_wrong,confidently_wrong\n1\.a,4,0,4,4,0\n/);
  assert.equal(run('--format', 'gradescope', '-o', 'gs').status, 0);
  const results = JSON.parse(readFileSync(join(env.dir, 'gs', 'bob.md', 'results.json'), 'utf8')) as { score: number; tests: { output: string }[] };
  assert.equal(results.score, 3);
  assert.doesNotMatch(JSON.stringify(results), /expected/);
  assert.equal(run('--format', 'students', '-o', 'pages').status, 0);
  assert.ok(existsSync(join(env.dir, 'pages', 'bob.md.html')));
  assert.doesNotMatch(readFileSync(join(env.dir, 'pages', 'bob.md.html'), 'utf8'), /expected:/);
  assert.equal(run('--format', 'students', '-o', 'released', '--release').status, 0);
  assert.match(readFileSync(join(env.dir, 'released', 'bob.md.html'), 'utf8'), /expected:/);
});
