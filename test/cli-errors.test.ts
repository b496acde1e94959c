import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expandSubmissions } from '../src/cli/grade.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const DEMO = join(ROOT, 'examples', 'demo');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-errors-'));
  for (const f of ['problems.md', 'key.yaml']) copyFileSync(join(DEMO, f), join(dir, f));
  mkdirSync(join(dir, 'subs', 'late'), { recursive: true });
  for (const f of ['alice.md', 'bob.md']) copyFileSync(join(DEMO, 'submissions', f), join(dir, 'subs', f));
  copyFileSync(join(DEMO, 'submissions', 'carol.txt'), join(dir, 'subs', 'late', 'carol.txt'));
  writeFileSync(join(dir, 'subs', '.notes.md'), 'not a submission');
  writeFileSync(join(dir, 'subs', 'roster.csv'), 'not a submission either');
  return dir;
}

/** A user's mistake: exit 2, one line on stderr naming what and where, no stack trace. */
function assertOneLine(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `more than one line:\n${r.stderr}`);
  assert.match(lines[0]!, /^partcredit: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

test('user mistakes end with one line, exit 2, no stack trace', () => {
  const dir = workspace();
  assertOneLine(run(['chek', '5', '5'], dir), /unknown command 'chek'/);
  assertOneLine(run(['grade', 'subs'], dir), /required option '-k, --key <file>'/);
  assertOneLine(run(['grade', '--key', 'subs', 'subs/alice.md'], dir), /subs: is a folder/);
  assertOneLine(run(['grade', '--key', 'nokey.yaml', 'subs/alice.md'], dir), /nokey\.yaml: no key file there/);
  assertOneLine(run(['key', 'init', 'problems.md', '-o', 'missing/dir/key.yaml'], dir), /missing\/dir\/key\.yaml: the folder missing\/dir does not exist/);
  assertOneLine(run(['check', '1', '2', '--type', 'integer'], dir), /--type: .*expected one of/);
  assertOneLine(run(['check', '1', '2', '--options', '{"tolerance": "big"}'], dir), /--options: tolerance/);
  assertOneLine(run(['check', '1'], dir), /give EXPECTED and ANSWER/);
  assertOneLine(run(['grade', '--key', 'key.yaml', '--fail-under', 'most', 'subs'], dir), /--fail-under takes a percentage/);
  // A model without its API key is refused before any run is stored (nothing to --resume).
  const noKey = spawnSync(process.execPath, [CLI, 'run', '--key', 'key.yaml', '--model', 'openai:gpt-5', '--db', 'runs.db'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
  assertOneLine({ code: noKey.status, stderr: noKey.stderr }, /--model openai:gpt-5: .*OPENAI_API_KEY/);
  assert.ok(!existsSync(join(dir, 'runs.db')));
  assertOneLine(run(['run', '--key', 'key.yaml', '--model', 'gpt-5'], dir), /--model gpt-5: "gpt-5" is not a model/);
  // A YAML syntax error in the key: file:line:column, once.
  writeFileSync(join(dir, 'broken.yaml'), 'partcredit: 1\nparts:\n  1.a:\n    answer: [1, 2\n');
  assertOneLine(run(['grade', '--key', 'broken.yaml', 'subs'], dir), /broken\.yaml:5:1: error: not valid YAML/);
  mkdirSync(join(dir, 'nothing'));
  assertOneLine(run(['grade', '--key', 'key.yaml', '--no-store', 'nothing'], dir), /nothing: a folder with no submissions/);
});

test('--debug shows the stack trace of the same mistake', () => {
  const dir = workspace();
  const r = run(['grade', '--key', 'subs', 'subs/alice.md', '--debug'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^partcredit: subs: is a folder/);
  assert.match(r.stderr, /\n\s+at /);
});

test('--help lists every command without loading them; help COMMAND shows its options', () => {
  const dir = workspace();
  const r = run(['--help'], dir);
  assert.equal(r.code, 0);
  for (const c of ['check', 'grade', 'regrade', 'key', 'variants', 'run', 'compare']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  const check = run(['help', 'check'], dir);
  assert.equal(check.code, 0);
  assert.match(check.stdout, /--jsonl/);
  const grade = run(['grade', '--help'], dir);
  assert.match(grade.stdout, /--fail-under/);
});

test('grade expands folders (sorted, subfolders too, hidden and other files skipped)', () => {
  const dir = workspace();
  const r = run(['grade', '--key', 'key.yaml', '--no-store', '--format', 'csv', 'subs'], dir);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
  assert.deepEqual(rows, ['alice.md', 'bob.md', 'carol.txt']);
});

test('a folder contributes the documents people hand in (PDFs, notebooks, pages, word files), not rosters or keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-folder-'));
  for (const f of ['a.pdf', 'b.ipynb', 'c.html', 'd.docx', 'e.odt', 'f.jsonl', 'g.md', 'roster.csv', 'key.yaml', 'photo.png']) writeFileSync(join(dir, f), 'x');
  assert.deepEqual(
    expandSubmissions([dir]).map((f) => f.slice(dir.length + 1)),
    ['a.pdf', 'b.ipynb', 'c.html', 'd.docx', 'e.odt', 'f.jsonl', 'g.md'],
  );
});

test('grade --fail-under exits 1 when a submission scores below it, 0 when none does', () => {
  const dir = workspace();
  // alice 12/12, bob 3/12 (25%), carol 8/12.
  const below = run(['grade', '--key', 'key.yaml', '--no-store', '--format', 'csv', '--fail-under', '50', 'subs'], dir);
  assert.equal(below.code, 1, below.stderr);
  assert.match(below.stderr, /bob\.md: 25\.0% is below --fail-under 50%/);
  assert.doesNotMatch(below.stderr, /carol|alice/);
  // The near miss: bob's 25% is not below 25%.
  const at = run(['grade', '--key', 'key.yaml', '--no-store', '--format', 'csv', '--fail-under', '25', 'subs'], dir);
  assert.equal(at.code, 0, at.stderr);
});

test('key schema is a JSON Schema of keys; key init points editors at it', () => {
  const dir = workspace();
  const r = run(['key', 'schema'], dir);
  assert.equal(r.code, 0, r.stderr);
  const schema = JSON.parse(r.stdout);
  assert.match(schema.$schema, /json-schema\.org/);
  assert.equal(schema.type, 'object');
  assert.ok(schema.properties.parts, 'parts');
  assert.ok(schema.properties.symbols, 'symbols');
  mkdirSync(join(dir, 'keys'));
  assert.equal(run(['key', 'init', 'problems.md', '-o', 'keys/new.key.yaml'], dir).code, 0);
  const first = readFileSync(join(dir, 'keys', 'new.key.yaml'), 'utf8').split('\n')[0]!;
  const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
  assert.ok(m, first);
  // The path is relative to the key, and the file there is the same schema.
  const path = resolve(dir, 'keys', m[1]!);
  assert.ok(existsSync(path), path);
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), schema);
  // The line is a comment: the key still lints (every answer is still to write).
  assert.match(run(['key', 'lint', 'keys/new.key.yaml'], dir).stdout, /7 errors/);
});
