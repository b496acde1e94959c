import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from './fixtures/accounts.js';
import { demoStore, startServe } from './fixtures/review.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

test('partcredit users / course: the first instructor, invites, a list, removal; mistakes are one line with exit 2', async () => {
  const env = await demoStore();
  const cli = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args, '--db', env.db], { encoding: 'utf8', cwd: env.dir, ...(input !== undefined ? { input } : {}) });
  const oneLine = (r: ReturnType<typeof cli>, pattern: RegExp) => {
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  };

  const add = cli(['users', 'add', 'prof', '--course', 'ML 101', '--role', 'instructor', '--password-stdin'], 'correct horse battery\n');
  assert.equal(add.status, 0, add.stderr);
  assert.equal(add.stdout, 'added prof: instructor in ML 101\n');
  assert.match(add.stderr, /made the course ML 101/);
  oneLine(cli(['users', 'add', 'x', '--course', 'ML 101', '--role', 'tea', '--password-stdin'], 'correct horse battery\n'), /^partcredit: unknown role "tea": use read-only, ta, instructor$/m);
  oneLine(cli(['users', 'add', 'x', '--course', 'ML 101', '--role', 'ta'], ''), /x is a new user: give a password \(--password-stdin\), or send an invite/);
  oneLine(cli(['users', 'add', 'x', '--course', 'ML 101', '--role', 'ta', '--password-stdin'], 'short\n'), /a password needs at least 10 characters/);
  oneLine(cli(['users', 'add', 'bad name', '--course', 'ML 101', '--role', 'ta', '--password-stdin'], 'correct horse battery\n'), /"bad name" is not a user name/);

  const invite = cli(['users', 'invite', 'ta1', '--course', 'ML 101', '--role', 'ta', '--url', 'https://grading.example.edu']);
  assert.equal(invite.status, 0, invite.stderr);
  assert.match(invite.stdout, /^https:\/\/grading\.example\.edu\/login#invite=[\w-]{32}\n$/);
  assert.match(invite.stderr, /works once/);
  oneLine(cli(['users', 'invite', 'prof', '--course', 'ML 101', '--role', 'ta']), /prof already has an account: partcredit users add prof --course 'ML 101' --role ta adds them/);

  const list = cli(['users', 'list']);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^user\tcourse\trole\tstatus\nprof\tML 101\tinstructor\tactive\nta1\tML 101\tta\tinvited until \d{4}-\d\d-\d\d\n$/);
  oneLine(cli(['users', 'remove', 'ta1', '--course', 'ML 101']), /ta1 is not in the course ML 101/);
  assert.equal(cli(['users', 'remove', 'ta1']).status, 0);
  oneLine(cli(['users', 'remove', 'ta1']), /no user ta1/);

  // Runs: the demo's run 1 belongs to no course until given one; grading straight into a course checks the name first.
  oneLine(cli(['course', 'assign', 'ML 101', '--run', '1', '7']), /no run 7 in /);
  assert.equal(cli(['course', 'list']).stdout, 'course\truns\tmembers\nML 101\t0\t1\n', 'a mistyped id moved nothing');
  assert.equal(cli(['course', 'assign', 'ML 101', '--unassigned']).stdout, 'gave run 1 to ML 101\n');
  const submission = join(env.dir, 'submissions', 'alice.md');
  oneLine(cli(['grade', '--key', 'key.yaml', submission, '--course', 'ML 102']), /no course "ML 102" in the store/);
  const graded = cli(['grade', '--key', 'key.yaml', submission, '--course', 'ML 101']);
  assert.equal(graded.status, 0, graded.stderr);
  assert.match(graded.stderr, /saved as run 2 of ML 101/);
  assert.equal(cli(['course', 'list']).stdout, 'course\truns\tmembers\nML 101\t2\t1\n');
});

test('partcredit serve: --auth on a store without users is one line; with users it asks for a login, and an invite printed by the CLI works over HTTP', async () => {
  const env = await demoStore();
  const auth = spawnSync(process.execPath, [CLI, 'serve', '--db', env.db, '--port', '0', '--auth'], { encoding: 'utf8' });
  assert.equal(auth.status, 2);
  assert.match(auth.stderr, /^partcredit: --auth: .* has no users yet: add the first instructor with partcredit users add NAME --role instructor/);
  assert.equal(auth.stderr.trim().split('\n').length, 1);
  const invite = spawnSync(process.execPath, [CLI, 'users', 'invite', 'newta', '--course', 'ML 101', '--role', 'ta', '--db', env.db], { encoding: 'utf8' });
  assert.equal(invite.status, 0, invite.stderr);
  const token = /#invite=([\w-]+)/.exec(invite.stdout)![1]!;
  spawnSync(process.execPath, [CLI, 'course', 'assign', 'ML 101', '--unassigned', '--db', env.db]);
  const { child, url } = await startServe(CLI, ['--db', env.db, '--port', '0'], /\(staff accounts: log in\): open (http:\/\/127\.0\.0\.1:\d+\/)/);
  try {
    const c = await new Client(url).open();
    assert.equal((await c.get('/api/runs')).status, 401);
    const r = await c.post('/api/invite', { token, password: 'my own long password' });
    assert.equal(r.status, 200, await r.clone().text());
    const runs = (await (await c.get('/api/runs')).json()) as { id: number; course: string; role: string }[];
    assert.deepEqual(
      runs.map((x) => [x.id, x.course, x.role]),
      [[1, 'ML 101', 'ta']],
    );
  } finally {
    child.kill('SIGTERM');
  }
});
