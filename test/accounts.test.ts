import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { inviteUser, removeUser } from '../src/server/accounts.js';
import { startServer } from '../src/server/serve.js';
import { hashPassword, verifyPassword } from '../src/server/passwords.js';
import { createUser } from '../src/store/accounts.js';
import { copyStore } from '../src/store/copy.js';
import { openStore } from '../src/store/db.js';
import { overridesOf } from '../src/store/overrides.js';
import { Client, PASSWORD, twoCourses } from './fixtures/accounts.js';
import { demoStore } from './fixtures/review.js';
import { dropTestDatabases, ENGINES, freshSqlite } from './fixtures/pg.js';

after(dropTestDatabases);

const OVERRIDE = { submission: 'bob.md', part: '3.a', verdict: 'partial', points: 1, comment: 'root missing' };
const ACCEPT = { part: '3.a', answer: 'c = 1/d_{in}', as: 'accept' };

// Staff accounts over real HTTP on each engine: who may read, override and change the key, in which course.
for (const engine of ENGINES) {
  test(`${engine.name}: logins, roles per course, course isolation, CSRF per session, expiry, logout, invites`, { skip: engine.skip }, async (t) => {
    const at = await engine.fresh();
    const { keyA, keyB } = await twoCourses(at);
    const server = await startServer({ db: at, port: 0 });
    const direct = await openStore(at);
    try {
      assert.equal(server.accounts, true, 'a store with users turns accounts on by itself');
      const base = server.url;

      await t.test('no session: the API answers 401, the app sends the browser to the login page', async () => {
        const anon = await new Client(base).open();
        assert.ok(anon.csrf, 'the login page carries a CSRF token');
        assert.equal((await anon.get('/api/runs')).status, 401);
        assert.equal((await anon.get('/api/runs/1/grid')).status, 401);
        assert.equal((await anon.get('/api/runs/1/export/grades.csv')).status, 401);
        assert.equal((await anon.post('/api/runs/1/override', OVERRIDE)).status, 401, "the login page's token opens no write");
        const root = await anon.get('/');
        assert.equal(root.status, 302);
        assert.equal(root.headers.get('location'), '/login');
      });

      await t.test('a wrong password and an unknown name get the same 401; the right one a http-only SameSite session cookie', async () => {
        const c = new Client(base);
        const wrong = await c.login('prof', 'not the password');
        const nobody = await c.login('nobody', PASSWORD);
        assert.deepEqual([wrong.status, nobody.status], [401, 401]);
        assert.deepEqual(await wrong.json(), await nobody.json());
        assert.equal(c.cookie, '', 'no cookie for a failed login');
        const ok = await c.login('prof');
        assert.equal(ok.status, 200);
        const cookie = ok.headers.get('set-cookie')!;
        assert.match(cookie, /HttpOnly/);
        assert.match(cookie, /SameSite=Strict/);
        assert.match(cookie, /Max-Age=43200/);
        assert.match(cookie, new RegExp(`^partcredit_session_${server.port}=`));
        const stored = await direct.db.selectFrom('sessions').select('token_hash').execute();
        const token = /=([^;]+)/.exec(cookie)![1]!;
        assert.ok(!stored.some((s) => s.token_hash === token), 'the store keeps a hash of the token, not the token');
      });

      await t.test("nobody reads another course's runs: 404, as for a run that does not exist", async () => {
        const other = new Client(base);
        await other.login('other');
        const runs = (await (await other.get('/api/runs')).json()) as { id: number; course: string; role: string }[];
        assert.deepEqual(
          runs.map((r) => [r.id, r.course, r.role]),
          [[2, 'Course B', 'instructor']],
        );
        for (const path of [
          '/api/runs/1/grid',
          '/api/runs/1/part?submission=bob.md&part=3.a',
          '/api/runs/1/groups?part=3.a',
          '/api/runs/1/export/grades.csv',
          '/api/runs/1/export/results.json',
          '/api/runs/1/agreement',
        ]) {
          const r = await other.get(path);
          assert.equal(r.status, 404, path);
          assert.deepEqual(await r.json(), { error: 'no run 1' }, path);
        }
        assert.deepEqual(await (await other.get('/api/runs/99/grid')).json(), { error: 'no run 99' }, 'the same answer as a run that does not exist');
        assert.equal((await other.post('/api/runs/1/override', OVERRIDE)).status, 404);
        assert.equal((await other.post('/api/runs/1/accept', ACCEPT)).status, 404);
        assert.equal((await other.post('/api/runs/1/export/canvas', { roster: 'Student,ID\nBob,1\n' })).status, 404);
        assert.equal((await other.get('/api/runs/2/grid')).status, 200, 'their own course');
      });

      await t.test('a TA overrides (recorded as themselves, whatever the request says) but cannot change the key', async () => {
        const ta = new Client(base);
        await ta.login('ta');
        const r = await ta.post('/api/runs/1/override', { ...OVERRIDE, author: 'prof' });
        assert.equal(r.status, 200, await r.clone().text());
        const rows = await overridesOf(direct, 1);
        assert.equal(rows.at(-1)!.author, 'ta', 'the author is the session user, not the body');
        assert.equal((await ta.post('/api/runs/1/groups/grade', { part: '1.a', submissions: ['alice.md'], verdict: 'correct', comment: 'group' })).status, 200);
        const keyBefore = readFileSync(keyA, 'utf8');
        const refused = await ta.post('/api/runs/1/accept', ACCEPT);
        assert.equal(refused.status, 403);
        assert.match(((await refused.json()) as { error: string }).error, /ta is a TA of Course A: only an instructor can change the key/);
        assert.equal(readFileSync(keyA, 'utf8'), keyBefore, 'the key file is untouched');
        assert.equal((await direct.db.selectFrom('key_changes').selectAll().execute()).length, 0);
        // Near miss: instructor of course B does not make them one of course A; in B they are.
        const inB = await ta.post('/api/runs/2/accept', ACCEPT);
        assert.equal(inB.status, 200, await inB.clone().text());
        assert.match(readFileSync(keyB, 'utf8'), /# accepted in review by ta on /);
      });

      await t.test('read-only members see everything of their course and change nothing', async () => {
        const ro = new Client(base);
        await ro.login('ro');
        assert.equal((await ro.get('/api/runs/1/grid')).status, 200);
        assert.equal((await ro.get('/api/runs/1/part?submission=bob.md&part=3.a')).status, 200);
        assert.equal((await ro.post('/api/runs/1/export/canvas', { roster: 'Student,ID,SIS User ID,SIS Login ID,Section\nBob,1,b,bob,A\n' })).status, 200, 'an export is reading');
        const before = (await overridesOf(direct, 1)).length;
        const refused = await ro.post('/api/runs/1/override', { ...OVERRIDE, verdict: 'correct' });
        assert.equal(refused.status, 403);
        assert.match(((await refused.json()) as { error: string }).error, /ro is a read-only member of Course A: only a TA or an instructor can override grades/);
        assert.equal((await ro.post('/api/runs/1/groups/grade', { part: '1.a', submissions: ['bob.md'], verdict: 'correct', comment: '' })).status, 403);
        assert.equal((await ro.post('/api/runs/1/accept', ACCEPT)).status, 403);
        assert.equal((await overridesOf(direct, 1)).length, before, 'nothing was stored');
      });

      await t.test("an instructor's key change is written and recorded with its author", async () => {
        const prof = new Client(base);
        await prof.login('prof');
        const r = await prof.post('/api/runs/1/accept', { ...ACCEPT, author: 'someone else' });
        assert.equal(r.status, 200, await r.clone().text());
        assert.match(readFileSync(keyA, 'utf8'), /# accepted in review by prof on /);
        const changes = await direct.db.selectFrom('key_changes').selectAll().where('run_id', '=', 1).execute();
        assert.deepEqual(
          changes.map((c) => [c.author, c.part_id, c.answer, c.as_what]),
          [['prof', '3.a', 'c = 1/d_{in}', 'accept']],
        );
      });

      await t.test("writes need this session's CSRF token: none, another session's, or the login page's are refused", async () => {
        const prof = new Client(base);
        await prof.login('prof');
        const ta = new Client(base);
        await ta.login('ta');
        const loginPage = await new Client(base).open();
        for (const token of ['', ta.csrf, loginPage.csrf]) assert.equal((await prof.post('/api/runs/1/override', OVERRIDE, { 'x-partcredit-csrf': token })).status, 403);
        assert.equal((await prof.post('/api/runs/1/override', OVERRIDE, { origin: 'http://evil.example' })).status, 403);
        assert.equal((await prof.post('/api/runs/1/override', OVERRIDE)).status, 200, 'its own token');
      });

      await t.test('an expired session is refused (401) and its cookie dropped; logout ends a session in the store', async () => {
        const ro = new Client(base);
        await ro.login('ro');
        const userId = (await direct.db.selectFrom('users').select('id').where('name', '=', 'ro').executeTakeFirstOrThrow()).id;
        await direct.db
          .updateTable('sessions')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('user_id', '=', userId)
          .execute();
        const cookie = ro.cookie;
        const expired = await ro.get('/api/runs');
        assert.equal(expired.status, 401);
        assert.match(expired.headers.get('set-cookie') ?? '', /Max-Age=0/);
        const prof = new Client(base);
        await prof.login('prof');
        const kept = prof.cookie;
        assert.equal((await prof.post('/api/logout', {})).status, 200);
        const replay = new Client(base);
        replay.cookie = kept;
        assert.equal((await replay.get('/api/runs')).status, 401, 'the cookie of a logged-out session opens nothing');
        replay.cookie = cookie;
        assert.equal((await replay.get('/api/runs')).status, 401);
      });

      await t.test('a removed user is out at once, session and all', async () => {
        const gone = new Client(base);
        await gone.login('gone');
        assert.equal((await gone.get('/api/runs/1/grid')).status, 200);
        await removeUser(direct, 'gone');
        assert.equal((await gone.get('/api/runs/1/grid')).status, 401);
        assert.equal((await new Client(base).login('gone')).status, 401);
      });

      await t.test('an invite link: a short password does not use it up; it works once; an expired one never', async () => {
        const { token } = await inviteUser(direct, { name: 'newta', role: 'ta', course: 'Course A', by: 'prof', days: 7 });
        const c = await new Client(base).open();
        assert.equal((await new Client(base).login('newta', '')).status, 401, 'an invited user cannot log in before choosing a password');
        const short = await c.post('/api/invite', { token, password: 'short' });
        assert.equal(short.status, 400);
        assert.match(((await short.json()) as { error: string }).error, /at least 10 characters/);
        const r = await c.post('/api/invite', { token, password: 'a new long password' });
        assert.equal(r.status, 200, await r.clone().text());
        c.csrf = ((await r.json()) as { csrf: string }).csrf;
        const runs = (await (await c.get('/api/runs')).json()) as { id: number; role: string }[];
        assert.deepEqual(
          runs.map((x) => [x.id, x.role]),
          [[1, 'ta']],
        );
        assert.equal((await new Client(base).login('newta', 'a new long password')).status, 200);
        const again = await (await new Client(base).open()).post('/api/invite', { token, password: 'another long password' });
        assert.equal(again.status, 400, 'used once');
        const old = await inviteUser(direct, { name: 'late', role: 'ta', course: 'Course A', by: 'prof', days: 1 });
        await direct.db
          .updateTable('invites')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('used_at', 'is', null)
          .execute();
        assert.equal((await (await new Client(base).open()).post('/api/invite', { token: old.token, password: 'a long enough one' })).status, 400);
        assert.equal((await (await new Client(base).open()).post('/api/invite', { token: 'made-up', password: 'a long enough one' })).status, 400);
      });

      await t.test('after five wrong passwords the sixth try waits, even with the right password', async () => {
        const c = new Client(base);
        for (let i = 0; i < 5; i++) assert.equal((await c.login('guesser', `guess ${i} is wrong`)).status, 401);
        const blocked = await c.login('guesser');
        assert.equal(blocked.status, 429);
        assert.ok(Number(blocked.headers.get('retry-after')) > 0);
        assert.equal((await new Client(base).login('prof')).status, 200, 'other names are not held up');
      });
    } finally {
      await direct.close();
      await server.close();
    }
  });
}

test('single-user mode stays the default for a store without accounts; --auth and the single-user flags say what is wrong', async () => {
  const env = await demoStore();
  const plain = await startServer({ db: env.db, port: 0 });
  try {
    assert.equal(plain.accounts, false);
    assert.equal((await fetch(new URL('/api/runs', plain.url))).status, 200, 'the quick start needs no login');
    assert.equal((await fetch(new URL('/login', plain.url), { redirect: 'manual' })).status, 302);
  } finally {
    await plain.close();
  }
  await assert.rejects(startServer({ db: env.db, port: 0, auth: true }), /--auth: .* has no users yet: add the first instructor with partcredit users add/);
  const at = (await demoStore()).db;
  await twoCourses(at);
  await assert.rejects(startServer({ db: at, port: 0, author: 'x' }), /--user is for single-user mode/);
  await assert.rejects(startServer({ db: at, port: 0, token: 'a-long-enough-token-1234' }), /--token is for single-user mode/);
  // demoStore's run 1 belongs to no course: said when the server starts, and no account sees it.
  const s = await startServer({ db: at, port: 0 });
  try {
    assert.match(s.notes.join('\n'), /1 run\(s\) belong to no course/);
    const prof = new Client(s.url);
    await prof.login('prof');
    assert.deepEqual(((await (await prof.get('/api/runs')).json()) as { id: number }[]).map((r) => r.id).sort(), [2]);
    assert.equal((await prof.get('/api/runs/1/grid')).status, 404);
  } finally {
    await s.close();
  }
});

test('passwords: scrypt hashes with their parameters, salted (two hashes of one password differ), a near miss fails', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.match(a, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse batter', a), false);
  assert.equal(await verifyPassword('Correct horse battery', a), false);
  assert.equal(await verifyPassword('correct horse battery', null), false, 'no password set: nothing matches');
  assert.equal(await verifyPassword('x'.repeat(5000), a), false);
});

for (const engine of ENGINES) {
  test(`db copy of a store with accounts, SQLite → ${engine.name}: logins, roles and courses work on the copy; new users get new ids`, { skip: engine.skip }, async () => {
    const source = freshSqlite();
    await twoCourses(source);
    const from = await openStore(source);
    const to = await openStore(await engine.fresh());
    try {
      const tables = await copyStore(from, to);
      const rows = new Map(tables.map((x) => [x.table, x.rows]));
      assert.deepEqual([rows.get('courses'), rows.get('users'), rows.get('memberships')], [2, 6, 7]);
      const id = await createUser(to, 'after', null);
      assert.equal(id, 7, "the copy's sequence is past the copied ids");
    } finally {
      await from.close();
      await to.close();
    }
    const server = await startServer({ db: to.path, port: 0 });
    try {
      const ta = new Client(server.url);
      assert.equal((await ta.login('ta')).status, 200);
      const runs = (await (await ta.get('/api/runs')).json()) as { id: number; role: string }[];
      assert.deepEqual(
        runs.map((r) => [r.id, r.role]),
        [
          [2, 'instructor'],
          [1, 'ta'],
        ],
      );
    } finally {
      await server.close();
    }
  });
}
