/**
 * Hostile bytes and faults at the command line (issue 12): terminal escapes, a YAML alias bomb,
 * an --out that cannot be written, a locked store, empty runs, report folders that must be
 * replaced whole and never through a link, and spreadsheet formulas in the gradebook.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runCli } from './fixtures/cli.js';
import Database from 'better-sqlite3';
import { gradebookCsv } from '../src/report/csv.js';
import { comparisonTable } from '../src/report/compare.js';
import { printable } from '../src/report/printable.js';
import { Store } from '../src/store/db.js';
import { isUserError } from '../src/model/errors.js';
import { loadKey } from '../src/documents/key.js';

const DEMO = join(ROOT, 'examples', 'demo');
const run = runCli;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-robust-'));
  for (const f of ['problems.md', 'key.yaml']) copyFileSync(join(DEMO, f), join(dir, f));
  for (const f of ['alice.md', 'bob.md']) copyFileSync(join(DEMO, 'submissions', f), join(dir, f));
  return dir;
}

const STACK = /\n\s+at .+:\d+:\d+/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('terminal escapes in a submission and its name never reach the terminal', () => {
  const dir = workspace();
  const evil = '\x1b]0;owned\x07';
  const name = `${evil}x\x1b[2J.md`;
  const text = readFileSync(join(dir, 'bob.md'), 'utf8').replace(/^1\/a\).*$/m, `1/a) ${evil}The output is 28 \\times 28 \\times 15 \x9b31m${evil}`);
  writeFileSync(join(dir, name), text);
  for (const format of ['table', 'md', 'csv', 'html', 'json']) {
    const r = run(['grade', '--key', 'key.yaml', '--no-store', '--format', format, name, 'alice.md', `missing${evil}.md`], dir);
    assert.ok(!CONTROL.test(r.stdout), `${format} stdout: ${JSON.stringify(r.stdout.slice(0, 400))}`);
    assert.ok(!CONTROL.test(r.stderr.replace(/\r/g, '')), `${format} stderr: ${JSON.stringify(r.stderr)}`);
    if (format !== 'json') assert.match(r.stdout, /x\.md/, format);
  }
  // JSON keeps every character, escaped.
  const json = run(['grade', '--key', 'key.yaml', '--no-store', '--format', 'json', name], dir);
  assert.equal(JSON.parse(json.stdout.trim()).submission, name);
  assert.equal(printable(`a${evil}b\x1b[31mc\u009b1md\te\nf\r`), 'abcd\te\nf');
  // A near miss: text in any script, with tabs and newlines, is printed as it is.
  const fine = 'naïve — 28 × 28 ✓ 日本語 Ω\tnext\nline';
  assert.equal(printable(fine), fine);
  // An unterminated string ends with its line, not with the report.
  assert.equal(printable('a\x1b]0;owned\nb'), 'a\nb');
  const table = comparisonTable({
    models: [`m${evil}`],
    parts: ['1.a'],
    cells: { [`m${evil}`]: { '1.a': { outcome: 'one-shot', hintsUsed: 0, solved: 1, samples: 1, answer: evil } } },
    totals: { [`m${evil}`]: { oneShot: 1, withHints: 0, notSolved: 0, needsReview: 0, inputTokens: 0, outputTokens: 0, seconds: 0 } },
    categories: { [`m${evil}`]: {} },
    disputed: [{ partId: '1.a', answer: `7${evil}`, models: [`m${evil}`] }],
  });
  assert.ok(!CONTROL.test(table), JSON.stringify(table));
});

test('a YAML alias bomb in a key is one located error, not a stack trace', () => {
  const dir = workspace();
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [prev, name] of [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
    ['f', 'g'],
  ])
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  writeFileSync(join(dir, 'bomb.yaml'), `partcredit: 1\n${levels.join('\n')}\nparts:\n  1.a: { answer: '1' }\n`);
  const { key, problems } = loadKey(readFileSync(join(dir, 'bomb.yaml'), 'utf8'), 'bomb.yaml');
  assert.equal(key, undefined);
  assert.match(problems[0]!.message, /alias/);
  const lint = run(['key', 'lint', 'bomb.yaml'], dir);
  assert.doesNotMatch(lint.stderr + lint.stdout, STACK);
  assert.match(lint.stdout + lint.stderr, /bomb\.yaml.*alias/);
  const grade = run(['grade', '--key', 'bomb.yaml', 'alice.md'], dir);
  assert.equal(grade.code, 2);
  assert.doesNotMatch(grade.stderr, STACK);
  assert.match(grade.stderr, /bomb\.yaml.*alias/);
  // A near miss: a few aliases are fine.
  writeFileSync(join(dir, 'aliases.yaml'), "partcredit: 1\nparts:\n  1.a: { answer: &x '1216' }\n  1.b: { answer: *x }\n");
  assert.ok(loadKey(readFileSync(join(dir, 'aliases.yaml'), 'utf8')).key);
});

test('an --out that is a file, or under a file, is refused before anything is graded or stored', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'afile'), 'mine');
  for (const out of ['afile', join('afile', 'reports')]) {
    const r = run(['grade', '--key', 'key.yaml', '--out', out, 'alice.md'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
    assert.match(r.stderr, /--out/);
    assert.equal(r.stdout, '', 'nothing was graded');
  }
  assert.equal(readFileSync(join(dir, 'afile'), 'utf8'), 'mine');
  if (existsSync(join(dir, 'partcredit.db'))) {
    const db = new Database(join(dir, 'partcredit.db'), { readonly: true });
    assert.equal((db.prepare('select count(*) n from runs').get() as { n: number }).n, 0);
    db.close();
  }
});

test('--out replaces its own folder whole: no stale page, never through a link, never over other files', () => {
  const dir = workspace();
  assert.equal(run(['grade', '--key', 'key.yaml', '--no-store', '--out', 'reports', 'alice.md', 'bob.md'], dir).code, 0);
  assert.ok(existsSync(join(dir, 'reports', 'bob.md.html')));
  // A link planted where a page will go, pointing out of the folder.
  writeFileSync(join(dir, 'outside.txt'), 'keep me');
  rmSync(join(dir, 'reports', 'index.html'));
  symlinkSync(join(dir, 'outside.txt'), join(dir, 'reports', 'index.html'));
  const again = run(['grade', '--key', 'key.yaml', '--no-store', '--out', 'reports', 'alice.md'], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(join(dir, 'outside.txt'), 'utf8'), 'keep me');
  assert.ok(lstatSync(join(dir, 'reports', 'index.html')).isFile());
  assert.ok(!existsSync(join(dir, 'reports', 'bob.md.html')), 'the page of a submission no longer graded is gone');
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.startsWith('.reports')),
    [],
    'no temporary folder is left',
  );
  // A folder of the user's own files is not replaced.
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), '<p>my site</p>');
  writeFileSync(join(dir, 'site', 'notes.txt'), 'mine');
  const site = run(['grade', '--key', 'key.yaml', '--no-store', '--out', 'site', 'alice.md'], dir);
  assert.equal(site.code, 2);
  assert.match(site.stderr, /--out site/);
  assert.doesNotMatch(site.stderr, STACK);
  assert.equal(readFileSync(join(dir, 'site', 'index.html'), 'utf8'), '<p>my site</p>');
  // An --out that is itself a link is not followed.
  mkdirSync(join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'elsewhere'), join(dir, 'linked'));
  const linked = run(['grade', '--key', 'key.yaml', '--no-store', '--out', 'linked', 'alice.md'], dir);
  assert.equal(linked.code, 2);
  assert.match(linked.stderr, /--out linked.*link/);
  assert.deepEqual(readdirSync(join(dir, 'elsewhere')), []);
  // Two submissions whose names make the same page, and one named like the index, each get their own.
  writeFileSync(join(dir, 'a b.md'), readFileSync(join(dir, 'alice.md')));
  writeFileSync(join(dir, 'a_b.md'), readFileSync(join(dir, 'bob.md')));
  writeFileSync(join(dir, 'index'), readFileSync(join(dir, 'bob.md')));
  assert.equal(run(['grade', '--key', 'key.yaml', '--no-store', '--out', 'three', 'a b.md', 'a_b.md', 'index'], dir).code, 0);
  const pages = readdirSync(join(dir, 'three')).filter((f) => f.endsWith('.html'));
  assert.equal(pages.length, 4, pages.join(', '));
});

test('a store locked by another process: grading waits, says who holds it, and goes on when it is free', { timeout: 60_000 }, async () => {
  const dir = workspace();
  const db = join(dir, 'partcredit.db');
  new Store(db).close();
  // Another process takes the write lock and holds it until told (by a line on its stdin) or 30 s.
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))}); const d = new D(${JSON.stringify(db)}); d.exec('BEGIN IMMEDIATE'); d.exec("INSERT INTO runs (created_at) VALUES ('x')"); process.stdout.write('locked\\n'); const free = () => { d.exec('ROLLBACK'); d.close(); process.exit(0); }; process.stdin.on('data', free); setTimeout(free, 30000);`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((r) => holder.stdout.once('data', () => r()));
  const child = spawn(process.execPath, [CLI, 'grade', '--key', 'key.yaml', '--format', 'json', 'alice.md'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    // The holder lets go once the grader has said it waits.
    if (/waiting for/.test(stderr)) holder.stdin.end('go\n');
  });
  const code = await new Promise((r) => child.on('close', r));
  const r = { code, stdout, stderr };
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`waiting for .*partcredit\\.db.*process ${holder.pid}`));
  assert.equal(JSON.parse(r.stdout.trim()).total, 12);
});

test('a store locked for longer than the wait: a one-line error naming the holder', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-locked-'));
  const db = join(dir, 'runs.db');
  new Store(db).close();
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))}); const d = new D(${JSON.stringify(db)}); d.exec('BEGIN IMMEDIATE'); d.exec("INSERT INTO runs (created_at) VALUES ('x')"); process.stdout.write('locked\\n'); setTimeout(() => {}, 20000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await new Promise<void>((r) => holder.stdout.once('data', () => r()));
    const store = new Store(db, { busyWaitMs: 1500 });
    const { key } = loadKey(readFileSync(join(DEMO, 'key.yaml'), 'utf8'));
    await assert.rejects(store.startRun(key!), (e: unknown) => isUserError(e) && new RegExp(`runs\\.db.*locked.*process ${holder.pid}`).test((e as Error).message));
    await store.close();
  } finally {
    holder.kill('SIGKILL');
  }
});

test('a grade whose every file is missing stores no run; regrade of an empty run is an error', () => {
  const dir = workspace();
  const r = run(['grade', '--key', 'key.yaml', 'nope1.md', 'nope2.md'], dir);
  assert.notEqual(r.code, 0);
  if (existsSync(join(dir, 'partcredit.db'))) {
    const db = new Database(join(dir, 'partcredit.db'), { readonly: true });
    assert.equal((db.prepare('select count(*) n from runs').get() as { n: number }).n, 0);
    db.close();
  }
  const regrade = run(['regrade'], dir);
  assert.equal(regrade.code, 2);
  assert.doesNotMatch(regrade.stderr, STACK);
  // A run with no submissions (as older versions left them) is refused by id.
  const store = new Store(join(dir, 'partcredit.db'));
  const { key } = loadKey(readFileSync(join(dir, 'key.yaml'), 'utf8'), join(dir, 'key.yaml'));
  return store.startRun(key!, join(dir, 'key.yaml')).then(async ({ runId }) => {
    await store.close();
    const empty = run(['regrade', '--run', String(runId)], dir);
    assert.equal(empty.code, 2, empty.stderr);
    assert.match(empty.stderr, new RegExp(`run ${runId} has no submissions`));
    assert.doesNotMatch(empty.stderr, STACK);
  });
});

test('regrade works from another folder: the key path is stored absolute', () => {
  const dir = workspace();
  assert.equal(run(['grade', '--key', 'key.yaml', 'bob.md'], dir).code, 0);
  const elsewhere = mkdtempSync(join(tmpdir(), 'partcredit-elsewhere-'));
  const r = run(['regrade', '--db', join(dir, 'partcredit.db'), '--format', 'json'], elsewhere);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout.trim()).total, 3);
});

test('CSV cells that a spreadsheet would run as formulas are quoted as text', () => {
  const dir = workspace();
  const names = ['=HYPERLINK("evil.example","x").md', '+1.md', '-2.md', '@SUM(A1).md', '\tx.md'];
  for (const n of names) copyFileSync(join(dir, 'alice.md'), join(dir, n));
  const r = run(['grade', '--key', 'key.yaml', '--no-store', '--format', 'csv', '--', ...names], dir);
  assert.equal(r.code, 0, r.stderr);
  const firstCells = r.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!.replace(/^"/, ''));
  for (const c of firstCells) assert.match(c, /^'/, c);
  // Numbers stay numbers, a near miss too: a negative score is not text.
  const csv = gradebookCsv([
    { submission: 'ok.md', parts: [{ id: '1.a', verdict: 'incorrect', score: 0, points: -1, maxPoints: 2, graded: true, answer: '', expected: '', feedback: '' }], total: -1, max: 2 },
  ]);
  assert.equal(csv.split('\n')[1], 'ok.md,-1,-1,2');
});

test('a single report file (compare --out) replaces a link at its path instead of writing through it; a folder there is refused', async () => {
  const { writeFileReplacing } = await import('../src/report/write-out.js');
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-onefile-'));
  writeFileSync(join(dir, 'target.txt'), 'keep me');
  symlinkSync(join(dir, 'target.txt'), join(dir, 'compare.html'));
  writeFileReplacing(join(dir, 'compare.html'), '<p>report</p>');
  assert.equal(readFileSync(join(dir, 'target.txt'), 'utf8'), 'keep me');
  assert.ok(lstatSync(join(dir, 'compare.html')).isFile());
  assert.equal(readFileSync(join(dir, 'compare.html'), 'utf8'), '<p>report</p>');
  mkdirSync(join(dir, 'folder'));
  assert.throws(
    () => writeFileReplacing(join(dir, 'folder'), 'x'),
    (e: unknown) => isUserError(e) && /--out .*folder: is a folder/.test((e as Error).message),
  );
  assert.deepEqual(readdirSync(dir).sort(), ['compare.html', 'folder', 'target.txt']);
});

test('the progress line of a batch shows a file name without its escapes', async () => {
  const { progressBar } = await import('../src/cli/grade.js');
  const line = progressBar(1, 2, '\x1b]0;owned\x07a\x1b[2Jb.md');
  assert.ok(line.startsWith('\r'));
  assert.ok(!CONTROL.test(line.slice(1)), JSON.stringify(line));
  assert.match(line, /ab\.md/);
});
