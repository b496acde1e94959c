import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadKey } from '../src/documents/key.js';
import { ROOT, runCli } from './fixtures/cli.js';

const DEMO = join(ROOT, 'examples', 'demo');
const run = runCli;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-cli-'));
  for (const f of ['problems.md', 'key.yaml']) copyFileSync(join(DEMO, f), join(dir, f));
  for (const f of ['alice.md', 'bob.md', 'carol.txt', 'chat-transcript.md']) copyFileSync(join(DEMO, 'submissions', f), join(dir, f));
  return dir;
}

test('grade --format json: one object per submission, stored in a real SQLite file', () => {
  const dir = workspace();
  const r = run(['grade', '--key', 'key.yaml', '--format', 'json', 'alice.md', 'bob.md', 'carol.txt', 'chat-transcript.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    out.map((o) => [o.submission, o.total, o.max]),
    [
      ['alice.md', 12, 12],
      ['bob.md', 3, 12],
      ['carol.txt', 8, 12],
      ['chat-transcript.md', 12, 12],
    ],
  );
  const part = out[1].parts.find((p: { id: string }) => p.id === '1.b');
  assert.deepEqual(Object.keys(part).sort(), ['answer', 'expected', 'feedback', 'id', 'maxPoints', 'points', 'score', 'verdict'].sort());
  assert.equal(part.verdict, 'partial');
  const chat = out[3].parts.find((p: { id: string }) => p.id === '2.a');
  assert.deepEqual(chat.first, { verdict: 'incorrect', answer: '[-4, -4; -4, -4]' });
  const db = new Database(join(dir, 'partcredit.db'), { readonly: true });
  assert.equal((db.prepare('select count(*) n from submissions').get() as { n: number }).n, 4);
  assert.equal((db.prepare('select count(*) n from grades').get() as { n: number }).n, 28);
  db.close();
});

test('regrade after a key change: stored responses graded again, no file read', () => {
  const dir = workspace();
  assert.equal(run(['grade', '--key', 'key.yaml', 'bob.md'], dir).code, 0);
  // The key now accepts cross-correlation in 2.a; the submission file is gone.
  const key = readFileSync(join(dir, 'key.yaml'), 'utf8').replace(
    'label: cross-correlation (kernel not flipped) instead of convolution',
    'label: cross-correlation (kernel not flipped) instead of convolution\n        credit: 1',
  );
  writeFileSync(join(dir, 'key.yaml'), key);
  writeFileSync(join(dir, 'bob.md'), 'this file changed after grading and must not be read');
  const r = run(['regrade', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const bob = JSON.parse(r.stdout.trim());
  assert.equal(bob.parts.find((p: { id: string }) => p.id === '2.a').verdict, 'partial');
  assert.equal(bob.total, 5);
  const db = new Database(join(dir, 'partcredit.db'), { readonly: true });
  assert.equal((db.prepare('select count(*) n from gradings').get() as { n: number }).n, 2);
  db.close();
});

test('grade --out writes the reports; a missing file is reported and the rest graded', () => {
  const dir = workspace();
  const r = run(['grade', '--key', 'key.yaml', '--no-store', '--format', 'csv', '--out', 'reports', 'alice.md', 'nope.md', 'bob.md'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nope\.md: ENOENT/);
  assert.equal(r.stdout.split('\n')[0], 'submission,1.a,1.b,2.a,3.a,3.b,4.a,4.b,total,max');
  for (const f of ['index.html', 'alice.md.html', 'bob.md.html', 'grades.csv', 'grades.json']) assert.ok(existsSync(join(dir, 'reports', f)), f);
  assert.ok(!existsSync(join(dir, 'partcredit.db')));
});

test('a key with errors stops grading with every error located', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'bad.yaml'), "partcredit: 1\nparts:\n  1.a:\n    answer: '\\frac{1}{'\n  1.b:\n    anwser: '2'\n");
  const r = run(['grade', '--key', 'bad.yaml', 'alice.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.yaml:4:13: error: part 1\.a, answer: the answer does not check against itself/);
  assert.match(r.stderr, /bad\.yaml:6:5: error: part 1\.b: unknown field "anwser"/);
  const lint = run(['key', 'lint', 'bad.yaml'], dir);
  assert.equal(lint.code, 1);
  assert.match(lint.stdout, /2 errors/);
});

test('key init and key import write keys that lint', () => {
  const dir = workspace();
  const init = run(['key', 'init', 'problems.md', '-o', 'skeleton.yaml'], dir);
  assert.equal(init.code, 0, init.stderr);
  const skeleton = readFileSync(join(dir, 'skeleton.yaml'), 'utf8');
  for (const id of ['1.a', '1.b', '2.a', '3.a', '3.b', '4.a', '4.b']) assert.match(skeleton, new RegExp(`^  ${id.replace('.', '\\.')}:$`, 'm'));
  const lint = run(['key', 'lint', 'skeleton.yaml'], dir);
  assert.match(lint.stdout, /7 errors/); // every answer is still to write
  writeFileSync(
    join(dir, 'sol.md'),
    '1. Shapes\n\n(a) Output shape?\n\n(b) Parameters?\n\nSOL:\n\n(a) The output is $(28, 28, 16)$.\n\n(b) **TO BE GRADED:** $(5 \\cdot 5 \\cdot 3 + 1) \\cdot 16 = 1216$\n',
  );
  const imported = run(['key', 'import', 'sol.md', '-o', 'imported.yaml'], dir);
  assert.equal(imported.code, 0, imported.stderr);
  const key = readFileSync(join(dir, 'imported.yaml'), 'utf8');
  assert.match(key, /1\.a:\n {4}graded: false\n {4}answer: '\(28, 28, 16\)'/);
  assert.match(key, /1\.b:\n {4}answer: '1216'/);
  assert.match(run(['key', 'lint', 'imported.yaml'], dir).stdout, /0 errors/);
  // The worked solution is kept whole (a model run shows it as the last hint), indented lines too.
  const long = `  Each filter has $5 \\cdot 5 \\cdot 3$ weights.\n\n${'and one bias, '.repeat(60)}so $(75 + 1) \\cdot 16 = 1216$`;
  writeFileSync(join(dir, 'sol2.md'), `1. Params\n\n(a) How many?\n\nSOL:\n\n(a)${long}\n`);
  assert.equal(run(['key', 'import', 'sol2.md', '-o', 'imported2.yaml'], dir).code, 0);
  const solution = loadKey(readFileSync(join(dir, 'imported2.yaml'), 'utf8')).key!.parts[0]!.solution!;
  assert.equal(solution, long.replace(/^ +/, ''));
});

test("key lint on other staffs' keys: good keys pass; each fault is located at file:line:column, and only real faults are reported", () => {
  const courses = join(ROOT, 'test', 'fixtures', 'other-courses');
  for (const k of ['ee120-ps6/ps6.key.yaml', 'stat134-hw5/hw5.key.yaml', 'math-opt-hw3/hw3.key.yaml', 'phys7a-ps4/ps4.key.yaml']) {
    const r = run(['key', 'lint', join(courses, k)], ROOT);
    assert.equal(r.code ?? 0, 0, r.stdout);
    assert.match(r.stdout, /: \d+ parts, 0 errors, 0 warnings\n$/);
  }
  const dir = workspace();
  copyFileSync(join(courses, 'stat134-hw5', 'hw5.problems.txt'), join(dir, 'hw5.problems.txt'));
  const bad = [
    'partcredit: 1',
    'problems: hw5.problems.txt',
    'symbols: { lambda: { positive: true } }',
    'parts:',
    "  1.a: { answer: '3' }",
    "  1.b: { anwser: '2.1' }",
    "  1.c: { answer: '0.7^{10}' }",
    "  2.a: { answer: { type: expresion, value: '\\frac{2}{\\lambda^2}' } }",
    "  2.b: { answer: 'e^{-\\lambda t}' }",
    "  2.c: { answer: '\\frac{\\ln 2}{\\lambda' }",
    "  3: { answer: '[48.08, 55.92]' }",
    "  4: { answer: { type: choice, options: ['B'], wrong: ['A', 'b'] } }",
    "  6: { answer: '1' }",
  ].join('\n');
  writeFileSync(join(dir, 'bad.key.yaml'), `${bad}\n`);
  const lines = run(['key', 'lint', 'bad.key.yaml'], dir).stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1), [
    'bad.key.yaml:6:10: error: part 1.b: unknown field "anwser" (did you mean "answer"?)',
    'bad.key.yaml:8:26: error: part 2.a, answer: unknown answer type "expresion" (did you mean "expression"?); the types are number, expression, equation, relation, matrix, vector, tuple, shape, set, interval, piecewise, choice, text, table, update',
    'bad.key.yaml:10:18: error: part 2.c, answer: the answer does not check against itself (undecided: the expected answer could not be read: expected "}" at the end)',
    'bad.key.yaml:12:16: error: part 4, answer: "B" is both an option and a wrong answer',
    'bad.key.yaml:13: warning: part 6: not a part of hw5.problems.txt',
    'hw5.problems.txt:26: warning: part 5: the problem set has this part; the key (bad.key.yaml) does not grade it',
  ]);
});
