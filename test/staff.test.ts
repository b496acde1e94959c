import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startServer } from '../src/server/serve.js';
import { courseByName } from '../src/store/accounts.js';
import { openStore } from '../src/store/db.js';
import { overridesOf } from '../src/store/overrides.js';
import { Client, twoCourses } from './fixtures/accounts.js';
import { dropTestDatabases, ENGINES } from './fixtures/pg.js';

after(dropTestDatabases);

const OVERRIDE = { submission: 'bob.md', part: '3.a', verdict: 'partial', points: 1, comment: 'root missing' };

/** The token of an invite link the API returned: what the new user's browser opens. */
const tokenOf = (link: string) => /\/login#invite=([\w-]+)$/.exec(link)![1]!;

// Instructors staff their course from the browser over real HTTP, on each engine; TAs and other courses cannot.
for (const engine of ENGINES) {
  test(`${engine.name}: an instructor invites, changes roles and removes staff of their course; a TA and another course cannot`, { skip: engine.skip }, async (t) => {
    const at = await engine.fresh();
    await twoCourses(at);
    const server = await startServer({ db: at, port: 0 });
    const direct = await openStore(at);
    try {
      const base = server.url;
      const A = (await courseByName(direct, 'Course A'))!.id;
      const B = (await courseByName(direct, 'Course B'))!.id;
      const prof = new Client(base);
      await prof.login('prof');
      const staffOf = async (c: Client, course: number) =>
        (await (await c.get(`/api/courses/${course}/staff`)).json()) as { course: string; members: { name: string; role: string; active: boolean }[] };

      await t.test('the instructor sees the staff and gets a one-time link that the new user accepts', async () => {
        const list = await staffOf(prof, A);
        assert.equal(list.course, 'Course A');
        assert.deepEqual(
          list.members.map((m) => [m.name, m.role, m.active]),
          [
            ['gone', 'ta', true],
            ['guesser', 'ta', true],
            ['prof', 'instructor', true],
            ['ro', 'read-only', true],
            ['ta', 'ta', true],
          ],
        );
        const r = await prof.post(`/api/courses/${A}/invite`, { name: 'newbie', role: 'ta', days: 2 });
        assert.equal(r.status, 200, await r.clone().text());
        const invite = (await r.json()) as { name: string; role: string; link: string; expiresAt: string };
        assert.equal(invite.link.startsWith(`${base}login#invite=`), true, invite.link);
        const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000;
        assert.ok(days > 1.9 && days <= 2, `expires in ${days} days`);
        const pending = (await staffOf(prof, A)).members.find((m) => m.name === 'newbie')!;
        assert.deepEqual([pending.role, pending.active], ['ta', false]);
        const stored = JSON.stringify(await direct.db.selectFrom('invites').selectAll().execute());
        assert.ok(!stored.includes(tokenOf(invite.link)), 'the store keeps a hash of the token, not the token');
        assert.match(stored, /"created_by":"prof"/);

        const newbie = await new Client(base).open();
        const accepted = await newbie.post('/api/invite', { token: tokenOf(invite.link), password: 'newbie long password' });
        assert.equal(accepted.status, 200, await accepted.clone().text());
        const runs = (await (await newbie.get('/api/runs')).json()) as { id: number; course: string; role: string }[];
        assert.deepEqual(
          runs.map((x) => [x.id, x.course, x.role]),
          [[1, 'Course A', 'ta']],
        );
        // Near miss: the same link a second time is refused, and sets no password.
        const again = await (await new Client(base).open()).post('/api/invite', { token: tokenOf(invite.link), password: 'an attacker password' });
        assert.equal(again.status, 400);
        assert.equal((await new Client(base).login('newbie', 'an attacker password')).status, 401);
      });

      await t.test('an expired link and a taken-back invite do not work; a new link replaces the old', async () => {
        const first = tokenOf(((await (await prof.post(`/api/courses/${A}/invite`, { name: 'late', role: 'read-only' })).json()) as { link: string }).link);
        const second = tokenOf(((await (await prof.post(`/api/courses/${A}/invite`, { name: 'late', role: 'read-only' })).json()) as { link: string }).link);
        assert.equal((await (await new Client(base).open()).post('/api/invite', { token: first, password: 'late long password' })).status, 400, 'the older link stopped working');
        await direct.db
          .updateTable('invites')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('used_at', 'is', null)
          .execute();
        assert.equal((await (await new Client(base).open()).post('/api/invite', { token: second, password: 'late long password' })).status, 400, 'expired');
        const third = tokenOf(((await (await prof.post(`/api/courses/${A}/invite`, { name: 'late', role: 'read-only' })).json()) as { link: string }).link);
        const removed = await prof.post(`/api/courses/${A}/remove`, { name: 'late' });
        assert.deepEqual(await removed.json(), { message: 'the invite of late to Course A no longer works' });
        assert.equal((await (await new Client(base).open()).post('/api/invite', { token: third, password: 'late long password' })).status, 400, 'taken back');
      });

      await t.test('roles change at once; the last instructor cannot leave the course without one', async () => {
        const ro = new Client(base);
        await ro.login('ro');
        assert.equal((await ro.post('/api/runs/1/override', OVERRIDE)).status, 403);
        assert.equal((await prof.post(`/api/courses/${A}/role`, { name: 'ro', role: 'ta' })).status, 200);
        assert.equal((await ro.post('/api/runs/1/override', OVERRIDE)).status, 200, 'the new role holds on the next request');
        assert.equal((await prof.post(`/api/courses/${A}/role`, { name: 'ro', role: 'read-only' })).status, 200);
        assert.equal((await ro.post('/api/runs/1/override', OVERRIDE)).status, 403);

        const self = await prof.post(`/api/courses/${A}/role`, { name: 'prof', role: 'ta' });
        assert.equal(self.status, 400);
        assert.deepEqual(await self.json(), { error: 'Course A would have no instructor left: make someone else instructor first' });
        assert.equal((await prof.post(`/api/courses/${A}/remove`, { name: 'prof' })).status, 400);
        const unknownRole = await prof.post(`/api/courses/${A}/role`, { name: 'ro', role: 'admin' });
        assert.equal(unknownRole.status, 400);
        assert.match(((await unknownRole.json()) as { error: string }).error, /unknown role "admin"/);
        const badName = await prof.post(`/api/courses/${A}/invite`, { name: 'two words', role: 'ta' });
        assert.equal(badName.status, 400);
        // Another course's member is not this course's to change.
        const outsider = await prof.post(`/api/courses/${A}/role`, { name: 'other', role: 'ta' });
        assert.equal(outsider.status, 404);
        assert.deepEqual(await outsider.json(), { error: 'other is not a member of Course A' });
      });

      await t.test('a removed member loses the course on their next request', async () => {
        const gone = new Client(base);
        await gone.login('gone');
        assert.equal((await gone.get('/api/runs/1/grid')).status, 200);
        assert.deepEqual(await (await prof.post(`/api/courses/${A}/remove`, { name: 'gone' })).json(), { message: 'removed gone from Course A' });
        assert.equal((await gone.get('/api/runs/1/grid')).status, 404);
      });

      await t.test('a TA, a read-only member and another course cannot manage staff', async () => {
        const ta = new Client(base);
        await ta.login('ta');
        const ro = new Client(base);
        await ro.login('ro');
        const other = new Client(base);
        await other.login('other');
        for (const [c, who] of [
          [ta, 'ta is a TA'],
          [ro, 'ro is a read-only member'],
        ] as const) {
          const list = await c.get(`/api/courses/${A}/staff`);
          assert.equal(list.status, 403);
          assert.deepEqual(await list.json(), { error: `${who} of Course A: only an instructor can manage its staff` });
          assert.equal((await c.post(`/api/courses/${A}/invite`, { name: 'sneaky', role: 'instructor' })).status, 403);
          assert.equal((await c.post(`/api/courses/${A}/role`, { name: c === ta ? 'ta' : 'ro', role: 'instructor' })).status, 403, 'no promoting oneself');
          assert.equal((await c.post(`/api/courses/${A}/remove`, { name: 'prof' })).status, 403);
        }
        assert.equal((await other.get(`/api/courses/${A}/staff`)).status, 404, 'another course: as if there were no such course');
        assert.equal((await other.post(`/api/courses/${A}/invite`, { name: 'sneaky', role: 'ta' })).status, 404);
        assert.equal((await other.get('/api/courses/999/staff')).status, 404);
        assert.equal(await direct.db.selectFrom('users').select('id').where('name', '=', 'sneaky').executeTakeFirst(), undefined, 'nothing was made');
        // The TA is instructor of Course B: there they may.
        assert.equal((await ta.get(`/api/courses/${B}/staff`)).status, 200);
        // Without the session's CSRF token an instructor's write is refused too.
        assert.equal((await prof.post(`/api/courses/${A}/invite`, { name: 'csrf', role: 'ta' }, { 'x-partcredit-csrf': 'wrong' })).status, 403);
        assert.equal((await new Client(base).open().then((c) => c.get(`/api/courses/${A}/staff`))).status, 401);
      });

      await t.test('an existing account invited to a course is added at once, without a link', async () => {
        const r = await prof.post(`/api/courses/${A}/invite`, { name: 'other', role: 'read-only' });
        assert.deepEqual(await r.json(), { name: 'other', role: 'read-only', added: true });
        const other = new Client(base);
        await other.login('other');
        const runs = (await (await other.get('/api/runs')).json()) as { id: number; role: string }[];
        assert.deepEqual(runs.map((x) => [x.id, x.role]).sort(), [
          [1, 'read-only'],
          [2, 'instructor'],
        ]);
      });

      await t.test('overrides, group gradings and key changes record the logged-in author, whatever the body says', async () => {
        const ta = new Client(base);
        await ta.login('ta');
        assert.equal((await ta.post('/api/runs/1/override', { ...OVERRIDE, comment: 'by ta', author: 'prof' })).status, 200);
        assert.equal((await ta.post('/api/runs/1/groups/grade', { part: '1.a', submissions: ['alice.md'], verdict: 'correct', comment: 'group', author: 'prof' })).status, 200);
        assert.equal((await prof.post('/api/runs/1/accept', { part: '3.a', answer: 'c = 1/d_{in}', as: 'accept', author: 'ta' })).status, 200);
        const rows = await overridesOf(direct, 1);
        assert.equal(rows.find((o) => o.comment === 'by ta')!.author, 'ta');
        assert.equal(rows.find((o) => o.comment === 'group')!.author, 'ta');
        const changes = await direct.db.selectFrom('key_changes').select(['author', 'part_id']).execute();
        assert.deepEqual(
          changes.map((c) => [c.author, c.part_id]),
          [['prof', '3.a']],
        );
      });
    } finally {
      await direct.close();
      await server.close();
    }
  });
}

test('single-user mode has no staff to manage: the routes say so and /staff goes back to the app', async () => {
  const { demoStore } = await import('./fixtures/review.js');
  const env = await demoStore();
  const server = await startServer({ db: env.db, port: 0 });
  try {
    const r = await fetch(new URL('/api/courses/1/staff', server.url));
    assert.equal(r.status, 404);
    assert.match(((await r.json()) as { error: string }).error, /runs without accounts/);
    const page = await fetch(new URL('/staff', server.url), { redirect: 'manual' });
    assert.equal(page.status, 302);
  } finally {
    await server.close();
  }
});
