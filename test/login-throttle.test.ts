import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ATTEMPT_WINDOW_MS } from '../src/server/auth.js';
import { hashPassword } from '../src/server/passwords.js';
import { startServer } from '../src/server/serve.js';
import { createUser, ensureCourse, setMembership } from '../src/store/accounts.js';
import { openStore } from '../src/store/db.js';
import { Client, PASSWORD } from './fixtures/accounts.js';
import { CLI } from './fixtures/cli.js';
import { dropTestDatabases, ENGINES, freshSqlite } from './fixtures/pg.js';
import { startServe } from './fixtures/review.js';

after(dropTestDatabases);

// Wrong passwords are counted in the store: a guesser gets five tries per quarter hour however many serve processes share it.
for (const engine of ENGINES) {
  test(`${engine.name}: login throttling holds across a serve process and another app instance on one store`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    const setup = await openStore(at);
    try {
      const hash = await hashPassword(PASSWORD);
      const course = await ensureCourse(setup, 'Course A');
      for (const name of ['guesser', 'bystander', 'patient']) await setMembership(setup, await createUser(setup, name, hash), course.id, 'ta');
    } finally {
      await setup.close();
    }
    const inProcess = await startServer({ db: at, port: 0 });
    const spawned = await startServe(CLI, ['--db', at, '--port', '0'], /\(staff accounts: log in\): open (http:\/\/127\.0\.0\.1:\d+\/)/);
    const direct = await openStore(at);
    try {
      const servers = [inProcess.url, spawned.url];
      // Five wrong tries, alternating between the two servers: each saw only two or three.
      for (let i = 0; i < 5; i++) assert.equal((await new Client(servers[i % 2]!).login('guesser', `wrong guess ${i}`)).status, 401);
      const stored = JSON.stringify(await direct.db.selectFrom('login_failures').selectAll().execute());
      assert.ok(!stored.includes('guesser') && !stored.includes('127.0.0.1'), 'no name or address in clear');
      for (const base of servers) {
        const blocked = await new Client(base).login('guesser');
        assert.equal(blocked.status, 429, `${base}: the sixth try is held, even with the right password`);
        const wait = Number(blocked.headers.get('retry-after'));
        assert.ok(wait > 0 && wait <= ATTEMPT_WINDOW_MS / 1000, `Retry-After ${wait}`);
        const { error } = (await blocked.json()) as { error: string };
        assert.match(error, /^too many wrong passwords for guesser from your address \(5 in 15 minutes\): try again in \d+ (s|min), or ask an instructor to reset your password$/);
      }
      // Near misses that must not be held: another name from the same address, and the name in another case is the same name.
      assert.equal((await new Client(servers[1]!).login('bystander')).status, 200, 'another name is not held up');
      assert.equal((await new Client(servers[0]!).login('GUESSER')).status, 429, 'the name in capitals is the same name');

      // Many tries at once, spread over both servers: no more than five ever reach the password check.
      const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => new Client(servers[i % 2]!).login('patient', `burst ${i}`)));
      const statuses = burst.map((r) => r.status);
      // At most five: tries recorded before any is counted are all held (a refused try is taken
      // back, so how many of the first five get through depends on the interleaving; a local run once saw 4).
      const checked = statuses.filter((s) => s === 401).length;
      assert.ok(checked <= 5, `${checked} tries reached the password check: statuses ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 429).length, 16 - checked, `statuses ${statuses.join(',')}`);

      // Once the window has passed (the stored tries aged), the right password works and clears the count.
      await direct.db
        .updateTable('login_failures')
        .set({ at: new Date(Date.now() - ATTEMPT_WINDOW_MS - 1000).toISOString() })
        .execute();
      assert.equal((await new Client(servers[1]!).login('guesser')).status, 200);
      assert.equal((await new Client(servers[0]!).login('patient')).status, 200);
      const left = await direct.db.selectFrom('login_failures').select('key').execute();
      assert.deepEqual(left, [], 'expired tries are pruned and a right password clears its own');
    } finally {
      spawned.child.kill('SIGTERM');
      await direct.close();
      await inProcess.close();
    }
  });
}

// Behind a reverse proxy every request comes from the proxy's address: with --trust-proxy the
// throttle counts by the address the proxy forwards; without it the header is a client's word
// and is ignored, so forging it buys a guesser nothing.
test('login throttling behind a proxy: counted by the forwarded address only with --trust-proxy', async () => {
  const at = freshSqlite();
  const setup = await openStore(at);
  try {
    const course = await ensureCourse(setup, 'Course A');
    for (const name of ['guesser', 'other']) await setMembership(setup, await createUser(setup, name, await hashPassword(PASSWORD)), course.id, 'ta');
  } finally {
    await setup.close();
  }
  const proxied = await startServer({ db: at, port: 0, trustProxy: true });
  const direct = await startServer({ db: at, port: 0 });
  const from = async (base: string, name: string, address: string, password = 'wrong') => {
    const client = await new Client(base).open();
    // A client may send its own X-Forwarded-For; the proxy appends the address it saw.
    return (await client.post('/api/login', { name, password }, { 'x-forwarded-for': `10.9.9.9, ${address}` })).status;
  };
  try {
    for (let i = 0; i < 5; i++) assert.equal(await from(proxied.url, 'guesser', '203.0.113.7'), 401);
    assert.equal(await from(proxied.url, 'guesser', '203.0.113.7', PASSWORD), 429, 'the sixth try from that address is held');
    assert.equal(await from(proxied.url, 'guesser', '198.51.100.4', PASSWORD), 200, 'another person behind the same proxy is not');
    // Without --trust-proxy, a forged header does not give a guesser fresh tries: every try counts for the socket's address.
    for (let i = 0; i < 5; i++) assert.equal(await from(direct.url, 'other', `192.0.2.${i}`), 401);
    assert.equal(await from(direct.url, 'other', '192.0.2.99', PASSWORD), 429, 'a new forwarded address each time changes nothing');
  } finally {
    await proxied.close();
    await direct.close();
  }
});
