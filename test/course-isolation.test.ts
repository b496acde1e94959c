import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, test } from 'node:test';
import { createApp, UI_DIR } from '../src/server/app.js';
import { startServer } from '../src/server/serve.js';
import { courseByName } from '../src/store/accounts.js';
import { openStore } from '../src/store/db.js';
import { overridesOf } from '../src/store/overrides.js';
import { Client, twoCourses } from './fixtures/accounts.js';
import { dropTestDatabases, ENGINES } from './fixtures/pg.js';

after(dropTestDatabases);

/** Bodies a write route is sent: what a member of the run's course would send, so a missing check would act. */
const BODIES: Record<string, object> = {
  '/api/runs/:run/override': { submission: 'bob.md', part: '3.a', verdict: 'correct', points: 2, comment: 'leak?' },
  '/api/runs/:run/groups/grade': { part: '3.a', submissions: ['bob.md'], verdict: 'correct', comment: 'leak?' },
  '/api/runs/:run/accept': { part: '3.a', answer: 'c = 7', as: 'accept' },
  '/api/runs/:run/export/canvas': { roster: 'Student,ID,SIS User ID,SIS Login ID,Section\nBob,1,1,bob,A\n' },
  '/api/courses/:course/invite': { name: 'planted', role: 'instructor' },
  '/api/courses/:course/role': { name: 'other', role: 'instructor' },
  '/api/courses/:course/remove': { name: 'prof' },
};

/** Query strings that name a real submission and part of the run, so a route without its check would answer with content. */
const QUERY = '?submission=bob.md&part=3.a&release=1';

/** Routes that name no run or course; each is checked for what it shows instead. Anything else new must be added here or carry :run / :course. */
const UNSCOPED = new Set(['GET /api/runs', 'GET /api/me', 'POST /api/login', 'POST /api/invite', 'POST /api/logout', 'GET /', 'GET /login', 'GET /staff', 'GET /assets/*']);

/** Text that only course A's run holds: its submissions' names and the course's. */
const A_ONLY = ['bob.md', 'alice.md', 'Course A'];

// Every route of the app, walked as the instructor of another course: nothing of course A answers.
for (const engine of ENGINES) {
  test(`${engine.name}: every route, walked as a user of another course, answers as for a run that does not exist`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    await twoCourses(at);
    const server = await startServer({ db: at, port: 0 });
    const direct = await openStore(at);
    try {
      const A = (await courseByName(direct, 'Course A'))!.id;
      // The routes as the app defines them (a route added later is walked too, or fails the check below).
      const { app } = createApp({ review: server.review, hosts: [], auth: { store: direct, cookieName: 'audit' } });
      const routes = [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()];
      assert.ok(routes.length >= 20, `${routes.length} routes`);
      const other = new Client(server.url);
      await other.login('other');
      const member = new Client(server.url);
      await member.login('prof');
      const before = JSON.stringify(await overridesOf(direct, 1)) + JSON.stringify(await direct.db.selectFrom('memberships').selectAll().orderBy('user_id').orderBy('course_id').execute());
      const asset = readdirSync(`${UI_DIR}assets`).find((f) => f.endsWith('.js'))!;

      let scoped = 0;
      for (const { method, path } of routes) {
        const id = `${method} ${path}`;
        if (!path.includes(':run') && !path.includes(':course')) {
          assert.ok(UNSCOPED.has(id), `${id}: a route that names no run or course; add it to the audit with what it may show`);
          continue;
        }
        scoped++;
        const send = (c: Client, url: string) => (method === 'GET' ? c.get(url) : c.post(url, BODIES[path] ?? {}));
        const target = path.replace(':run', '1').replace(':course', String(A));
        const missing = path.replace(':run', '999').replace(':course', '999');
        const r = await send(other, target + QUERY);
        const text = await r.text();
        assert.equal(r.status, 404, `${id}: ${r.status} ${text.slice(0, 200)}`);
        for (const s of A_ONLY) assert.ok(!text.includes(s), `${id} shows ${s}`);
        // Indistinguishable from a run or course that does not exist: ids of other courses tell nothing.
        const none = await send(other, missing + QUERY);
        assert.equal(text.replace(/\b1\b|\b999\b|\b\d+\b/g, 'N'), (await none.text()).replace(/\b1\b|\b999\b|\b\d+\b/g, 'N'), id);
        // The control: the route answers course A's own instructor (so the 404 above is the check, not a bad request).
        if (method === 'GET') {
          const own = await send(member, target + QUERY);
          assert.ok(own.status === 200 || (path.endsWith('answer.png') && own.status === 404 && /no page image/.test(await own.text())), `${id}: control got ${own.status}`);
        }
      }
      assert.ok(scoped >= 14, `${scoped} run and course routes walked`);
      const afterWalk = JSON.stringify(await overridesOf(direct, 1)) + JSON.stringify(await direct.db.selectFrom('memberships').selectAll().orderBy('user_id').orderBy('course_id').execute());
      assert.equal(afterWalk, before, 'no write of another course went through');
      assert.equal((await direct.db.selectFrom('key_changes').selectAll().execute()).length, 0);
      assert.equal(await direct.db.selectFrom('users').select('id').where('name', '=', 'planted').executeTakeFirst(), undefined);

      // The routes that name nothing: what they show the other course's user holds nothing of course A.
      const runs = (await (await other.get('/api/runs')).json()) as { id: number }[];
      assert.deepEqual(
        runs.map((r) => r.id),
        [2],
      );
      for (const path of ['/api/runs', '/api/me', '/', '/staff', `/assets/${asset}`]) {
        const r = await other.get(path);
        assert.equal(r.status, 200, path);
        const text = await r.text();
        for (const s of A_ONLY) assert.ok(!text.includes(s), `${path} shows ${s}`);
      }
    } finally {
      await direct.close();
      await server.close();
    }
  });
}
