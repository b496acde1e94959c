import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { acceptInKey } from '../src/documents/key-accept.js';
import { regradeRun } from '../src/run/grading.js';
import { Store } from '../src/store/db.js';
import { Review } from '../src/server/review.js';
import { startServer } from '../src/server/serve.js';
import { demoStore } from './fixtures/review.js';
import { readRoster, canvasCsv } from '../src/report/exports.js';
import { groupAnswers } from '../src/grade/groups.js';
import { segmentsHtml, type TextSegment } from '../src/report/segments.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(ROOT, 'examples', 'demo');

let server: Awaited<ReturnType<typeof startServer>>;
let env: Awaited<ReturnType<typeof demoStore>>;
let csrf = '';
const HOSTILE = 'Problem 3: Part (a)\n$c = 1/d_{in}$ <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) $\\href{javascript:alert(4)}{y}$\n';

before(async () => {
  env = await demoStore({ 'mallory.md': HOSTILE });
  server = await startServer({ db: env.db, port: 0, author: 'ta1' });
  const index = await (await fetch(server.url)).text();
  csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(index)![1]!;
});
after(async () => server?.close());

const post = (path: string, body: object, headers: Record<string, string> = {}) =>
  fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf, ...headers }, body: JSON.stringify(body) });
const get = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, server.url))).json()) as T;

test('the grid: a row per submission, a cell per part, on 127.0.0.1 by default', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const grid = await get<{ parts: { id: string }[]; rows: { name: string; cells: unknown[][] }[] }>('/api/runs/1/grid');
  assert.equal(grid.rows.length, 5);
  assert.equal(grid.parts.length, 7);
  assert.ok(grid.rows.every((r) => r.cells.length === 7));
});

test('the grid is sent gzip-compressed to a client that accepts it, the same JSON at the same version', async () => {
  const raw = (encoding?: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request(new URL('/api/runs/1/grid', server.url), { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  const plain = await raw();
  const zipped = await raw('br, gzip;q=0.8');
  const refused = await raw('gzip;q=0, identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(refused.headers['content-encoding'], undefined);
  assert.equal(zipped.headers.etag, plain.headers.etag);
  assert.equal(zipped.headers.vary, 'Accept-Encoding');
  assert.equal(gunzipSync(zipped.body).toString('utf8'), plain.body.toString('utf8'));
  assert.deepEqual(JSON.parse(refused.body.toString('utf8')), JSON.parse(plain.body.toString('utf8')));
  assert.ok(zipped.body.length < plain.body.length);
});

test('writes need the CSRF header, JSON, and the app origin; other hosts are refused', async () => {
  const body = { submission: 'bob.md', part: '3.a', verdict: 'correct', comment: 'x' };
  assert.equal((await post('/api/runs/1/override', body, { 'x-partcredit-csrf': 'wrong' })).status, 403);
  assert.equal((await post('/api/runs/1/override', body, { origin: 'http://evil.example' })).status, 403);
  const form = await fetch(new URL('/api/runs/1/override', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-partcredit-csrf': csrf },
    body: 'submission=bob.md',
  });
  assert.equal(form.status, 415);
  const broken = await fetch(new URL('/api/runs/1/override', server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf }, body: '{not json' });
  assert.equal(broken.status, 400);
  assert.deepEqual(await broken.json(), { error: 'the request body is not JSON' });
  const unknown = await post('/api/runs/1/override', { submission: 'nobody.md', part: '3.a', verdict: 'correct' });
  assert.equal(unknown.status, 400);
  assert.match(((await unknown.json()) as { error: string }).error, /no part 3\.a of nobody\.md/);
  // A DNS-rebinding page reaches 127.0.0.1 under another name: refused by its Host header.
  const status = await new Promise<number>((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path: '/api/runs', headers: { host: `evil.example:${server.port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
  assert.equal(status, 403);
});

test('an override keeps who, when and the previous value, and survives a regrade that then conflicts', async () => {
  const r = await post('/api/runs/1/override', { submission: 'bob.md', part: '3.a', verdict: 'partial', points: 1, comment: 'forgot the root only' });
  assert.equal(r.status, 200);
  const view = await get<{ verdict: string; points: number; history: { author: string; previous: { verdict: string } }[]; override: { author: string } }>(
    '/api/runs/1/part?submission=bob.md&part=3.a',
  );
  assert.equal(view.verdict, 'partial');
  assert.equal(view.points, 1);
  assert.equal(view.history[0]!.author, 'ta1');
  assert.equal(view.history[0]!.previous.verdict, 'incorrect');
  // Accepting 1/d_in in the key and regrading: partcredit now says correct; the override stays and shows the conflict.
  const keyText = readFileSync(env.keyPath, 'utf8');
  const accepted = await post('/api/runs/1/accept', { part: '3.a', answer: 'c = 1/d_{in}', as: 'accept' });
  assert.equal(accepted.status, 200, await accepted.clone().text());
  const after = readFileSync(env.keyPath, 'utf8');
  assert.ok(after.startsWith(keyText.slice(0, keyText.indexOf('  3.b:'))), 'the key before the insertion is unchanged');
  assert.match(after, /# accepted in review by ta1 on \d{4}-\d\d-\d\d\n\s+- 'c = 1\/d_\{in\}'/);
  assert.equal(loadKey(after).key!.parts.find((p) => p.id === '3.a')!.accept.length, 1);
  const again = await get<{ verdict: string; auto: { verdict: string }; conflict: { was: { verdict: string }; now: { verdict: string } } }>('/api/runs/1/part?submission=bob.md&part=3.a');
  assert.equal(again.verdict, 'partial', 'the override is still in force');
  assert.equal(again.auto.verdict, 'correct');
  assert.deepEqual([again.conflict.was.verdict, again.conflict.now.verdict], ['incorrect', 'correct']);
  // A regrade from the CLI's library function keeps it too.
  const store = new Store(env.db);
  await regradeRun(store, 1, loadKey(after, env.keyPath).key!, env.keyPath);
  await store.close();
});

test('answer groups: equivalent answers together (not string equality), a whole group graded at once', async () => {
  const { groups } = await get<{ groups: { representative: string; forms: string[]; submissions: string[] }[] }>('/api/runs/1/groups?part=3.a');
  const right = groups.find((g) => g.submissions.includes('alice.md'))!;
  assert.ok(right.submissions.includes('carol.txt'), 'd_in^(-1/2) is grouped with 1/sqrt(d_in)');
  assert.ok(right.forms.length >= 2);
  const wrong = groups.find((g) => g.submissions.includes('bob.md'))!;
  assert.notEqual(wrong, right);
  const r = await post('/api/runs/1/groups/grade', { part: '3.a', submissions: right.submissions, verdict: 'correct', comment: 'group' });
  assert.deepEqual(await r.json(), { graded: right.submissions.length });
  const agreement = await get<{ partId: string; parts: number; overridden: number; exact: number }[]>('/api/runs/1/agreement');
  const a = agreement.find((x) => x.partId === '3.a')!;
  // bob's 3.a was overridden (incorrect → partial); the group grading re-stated correct verdicts, which is no change.
  assert.equal(a.overridden, 1);
  assert.equal(a.parts, 5);
  assert.equal(a.exact, 4);
});

test('submission text is escaped in the part view: no tags, no javascript: links', async () => {
  // The view sends the text as Markdown data; the UI turns it into HTML with segmentsHtml, as here.
  const view = await get<{ segments: TextSegment[]; answerHtml: string }>('/api/runs/1/part?submission=mallory.md&part=3.a');
  assert.match(view.segments.map((x) => x.markdown).join('\n'), /<script>/, 'the text itself, as data');
  const html = segmentsHtml(view.segments);
  assert.doesNotMatch(html, /<script|<img|href="javascript/i);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /\\href/, '\\href without trust is shown as source, not a link');
  assert.equal(view.segments.filter((x) => x.answer).length, 1, "the answer's lines are one segment");
});

test('exports apply overrides; student pages hide the key until released', async () => {
  const csv = await (await fetch(new URL('/api/runs/1/export/grades.csv', server.url))).text();
  const bob = csv.split('\n').find((l) => l.startsWith('bob.md'))!;
  assert.equal(bob.split(',')[4], '1', 'bob 3.a: the override (1 point)');
  const hidden = await (await fetch(new URL('/api/runs/1/export/student?submission=bob.md', server.url))).text();
  assert.doesNotMatch(hidden, /expected:/);
  assert.match(hidden, /staff: forgot the root only/);
  const released = await (await fetch(new URL('/api/runs/1/export/student?submission=bob.md&release=1', server.url))).text();
  assert.match(released, /expected:/);
  const results = await get<Record<string, { score: number; tests: { name: string; score: number; output: string }[] }>>('/api/runs/1/export/results.json');
  assert.equal(results['bob.md']!.tests.find((t) => t.name === 'Part 3.a')!.score, 1);
  assert.doesNotMatch(JSON.stringify(results), /expected/);
});

test('the Canvas roster is read by a CSV parser: a quoted name with a comma keeps its id', () => {
  const roster = readRoster('Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n"Lee, Dana",1001,s1001,dlee,A\nBob Stone,1002,bob,bob,B\n');
  assert.equal(roster.length, 2);
  assert.deepEqual(roster[0], { student: 'Lee, Dana', id: '1001', sisUserId: 's1001', sisLoginId: 'dlee', section: 'A' });
  const { csv, unmatched, missing } = canvasCsv(
    [
      { submission: 'dana_lee.md', parts: [], total: 9, max: 12 },
      { submission: 'bob.md', parts: [], total: 3, max: 12 },
      { submission: 'zed.md', parts: [], total: 1, max: 12 },
    ],
    roster,
    'HW 1',
  );
  assert.equal(csv.split('\n')[0], 'Student,ID,SIS User ID,SIS Login ID,Section,HW 1');
  assert.equal(csv.split('\n')[2], '"Lee, Dana",1001,s1001,dlee,A,9');
  assert.equal(csv.split('\n')[3], 'Bob Stone,1002,bob,bob,B,3');
  assert.deepEqual(unmatched, ['zed.md']);
  assert.deepEqual(missing, []);
  assert.throws(() => readRoster('name,number\nx,1\n', 'r.csv'), /r\.csv:1: a roster needs a header row with Student and ID/);
});

test('accept in key keeps comments and layout; a part written in flow style gets the list too', () => {
  const text = "partcredit: 1\n# top comment\nparts:\n  1.a:\n    answer: '2'   # two\n    accept:\n      - '2.0'\n  1.b: { answer: '3' }\n";
  const out = acceptInKey(text, '1.a', '4/2', { as: 'accept' }, 'by ta');
  assert.equal(out, "partcredit: 1\n# top comment\nparts:\n  1.a:\n    answer: '2'   # two\n    accept:\n      - '2.0'\n      # by ta\n      - '4/2'\n  1.b: { answer: '3' }\n");
  const flow = acceptInKey(out, '1.b', '6/2', { as: 'partial', credit: 0.5 }, 'half');
  assert.match(flow, /# top comment/);
  assert.match(flow, /# two/);
  assert.equal(loadKey(flow).key!.parts.find((p) => p.id === '1.b')!.partial[0]!.credit, 0.5);
  assert.throws(() => acceptInKey(text, '9.z', 'x', { as: 'accept' }, 'n', 'k.yaml'), /k\.yaml: the key has no part 9\.z/);
});

test('grouping: a near miss stays apart (1/d_in is not 1/sqrt(d_in))', () => {
  const { key } = loadKey(readFileSync(join(DEMO, 'key.yaml'), 'utf8'));
  const part = key!.parts.find((p) => p.id === '3.a')!;
  const groups = groupAnswers(key!, part, [
    { submission: 'a', answer: 'c = 1/sqrt(d_in)', verdict: 'correct' },
    { submission: 'b', answer: 'c = \\frac{1}{\\sqrt{d_{in}}}', verdict: 'correct' },
    { submission: 'c', answer: 'c = 1/d_in', verdict: 'incorrect' },
    { submission: 'd', answer: '', verdict: 'missing' },
  ]);
  assert.deepEqual(
    groups.map((g) => g.submissions),
    [['a', 'b'], ['c'], ['d']],
  );
});

test('grouping numbers: a correct rounding and a thousands separator join the exact value; a near miss does not', () => {
  const { key } = loadKey("partcredit: 1\nparts:\n  1.a:\n    answer: '\\frac{1}{3}'\n  2.a:\n    answer: '1473'\n");
  const [third, big] = key!.parts;
  const g1 = groupAnswers(
    key!,
    third!,
    ['1/3', '0.33', '0.34', '0.333333333', '\\frac{2}{6}'].map((answer, i) => ({ submission: `s${i}`, answer, verdict: 'correct' as const })),
  );
  assert.deepEqual(
    g1.map((g) => g.submissions),
    [['s0', 's1', 's3', 's4'], ['s2']],
  );
  const g2 = groupAnswers(
    key!,
    big!,
    ['1473', '1,473', '1474', '1,474'].map((answer, i) => ({ submission: `s${i}`, answer, verdict: 'correct' as const })),
  );
  assert.deepEqual(
    g2.map((g) => g.submissions.sort()),
    [
      ['s0', 's1'],
      ['s2', 's3'],
    ],
  );
});

test('--host other than loopback needs a token', async () => {
  const s = await startServer({ db: env.db, port: 0, host: '127.0.0.2', token: 'a-long-enough-token-1234' });
  try {
    const base = `http://127.0.0.2:${s.port}`;
    assert.equal((await fetch(`${base}/api/runs`)).status, 401);
    assert.equal((await fetch(`${base}/api/runs`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 401);
    assert.equal((await fetch(`${base}/api/runs`, { headers: { authorization: 'Bearer a-long-enough-token-1234' } })).status, 200);
    assert.match(s.url, /\?token=a-long-enough-token-1234$/);
  } finally {
    await s.close();
  }
  await assert.rejects(startServer({ db: env.db, port: 0, host: '0.0.0.0', token: 'short' }), /at least 16/);
});

test('hostile text in the key (title, feedback, expected answer) is escaped in the part view and the static page', async () => {
  const hostileKey = `partcredit: 1
title: '<script>window.__xss=1</script>'
problems: problems.md
parts:
  1.a:
    title: '<img src=x onerror=alert(1)>'
    answer: '\\href{javascript:alert(2)}{3}'
    feedback: '<script>alert(3)</script> [x](javascript:alert(4))'
`;
  const env2 = await demoStore({}, hostileKey);
  writeFileSync(join(env2.dir, 'problems.md'), '# Set\n\n## Problem 1\n\n(a) What is <script>alert(5)</script> <img src=x onerror=alert(6)> [y](javascript:alert(7))?\n');
  const store = new Store(env2.db);
  try {
    const review = new Review(store, 'ta');
    const view = (await review.partView(1, 'alice.md', '1.a')) as { title: string; expectedHtml: string; feedback: string; question: string };
    assert.doesNotMatch(view.expectedHtml, /<a |href=/i, 'no link from \\href without trust');
    assert.match(view.question, /&lt;script&gt;alert\(5\)/, 'the question is shown, escaped');
    assert.doesNotMatch(view.question, /<script|<img|href="javascript/i);
    const page = await review.studentPage(1, 'alice.md', true);
    assert.doesNotMatch(page, /<script|<img|href="javascript/i);
    assert.match(page, /&lt;script&gt;alert\(3\)/);
  } finally {
    await store.close();
  }
});
