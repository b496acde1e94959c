import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { startServer } from '../src/server/serve.js';
import { openStore } from '../src/store/db.js';
import { saveOverride } from '../src/store/overrides.js';
import { dropTestDatabases, ENGINES } from './fixtures/pg.js';

after(dropTestDatabases);

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

type Server = Awaited<ReturnType<typeof startServer>>;
interface View {
  version: number | null;
  verdict: string;
  points: number;
  override: { author: string } | null;
  history: { id: number; author: string }[];
  cell: (number | string | null)[];
}
interface Grid {
  rows: { name: string; total: number; cells: (number | string | null)[][] }[];
  parts: { id: string }[];
}

async function client(server: Server) {
  const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(await (await fetch(server.url)).text())![1]!;
  return {
    view: async (submission: string, part: string) => (await (await fetch(new URL(`/api/runs/1/part?submission=${submission}&part=${part}`, server.url))).json()) as View,
    grid: async () => (await (await fetch(new URL('/api/runs/1/grid', server.url))).json()) as Grid,
    post: (body: object) =>
      fetch(new URL('/api/runs/1/override', server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf }, body: JSON.stringify(body) }),
  };
}

function cell(grid: Grid, submission: string, part: string): (number | string | null)[] {
  return grid.rows.find((r) => r.name === submission)!.cells[grid.parts.findIndex((p) => p.id === part)]!;
}

// Two `serve` processes (here: two servers, each with its own cache) on one store, and the CLI writing beside them.
for (const engine of ENGINES) {
  test(`${engine.name}: every server shows an override another one (or the CLI) stored, at once; a base that a withdrawal made stale is refused`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    const keyPath = join(DEMO, 'key.yaml');
    const setup = await openStore(at);
    await gradeFiles({ key: loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!, files: ['alice.md', 'bob.md'].map((f) => join(DEMO, 'submissions', f)), store: setup, keyPath });
    await setup.close();
    const servers = [await startServer({ db: at, port: 0, author: 'one' }), await startServer({ db: at, port: 0, author: 'two' })];
    try {
      const [a, b] = await Promise.all(servers.map(client));
      // Both have read the run (and cached it) before anything changes.
      const before = await b!.grid();
      assert.equal(cell(before, 'bob.md', '1.b')[4], 0, 'not overridden yet');
      assert.equal((await a!.view('bob.md', '1.b')).version, null);

      const first = await a!.post({ submission: 'bob.md', part: '1.b', verdict: 'correct', comment: 'from a', author: 'ta1', base: null });
      assert.equal(first.status, 200);
      const { version: v1 } = (await first.json()) as { version: number };
      // Server b shows it in its grid, its cell and its part view, without a restart.
      const seen = await b!.view('bob.md', '1.b');
      assert.deepEqual([seen.verdict, seen.version, seen.override?.author], ['correct', v1, 'ta1']);
      assert.equal(cell(await b!.grid(), 'bob.md', '1.b')[0], 0, 'correct (verdict index 0) in b\u2019s grid');
      assert.equal(seen.cell[0], 0);

      // b withdraws it, having seen it; a still holds v1 as what it saw.
      const withdrawn = await b!.post({ submission: 'bob.md', part: '1.b', comment: 'withdrawn by b', author: 'ta2', base: v1 });
      assert.equal(withdrawn.status, 200);
      const afterWithdrawal = await a!.view('bob.md', '1.b');
      assert.equal(afterWithdrawal.override, null, 'no override in force');
      assert.notEqual(afterWithdrawal.version, v1, 'the withdrawal is the part\u2019s newest version');
      // Near miss: v1 is no longer in force nor the newest: a write based on it is refused, not applied over the withdrawal.
      const stale = await a!.post({ submission: 'bob.md', part: '1.b', verdict: 'incorrect', comment: 'a, from an old view', author: 'ta1', base: v1 });
      assert.equal(stale.status, 409);
      assert.match(((await stale.json()) as { error: string }).error, /ta2 changed this part meanwhile \(.*withdrew the override, "withdrawn by b"\)/);
      assert.equal((await a!.post({ submission: 'bob.md', part: '1.b', verdict: 'incorrect', comment: 'a, after reading', author: 'ta1', base: afterWithdrawal.version })).status, 200);

      // The CLI (or any other process) writes straight to the store: both servers show it on their next request.
      const cli = await openStore(at);
      await saveOverride(
        cli,
        { runId: 1, submission: 'alice.md', partId: '3.a', verdict: 'partial', points: 1, comment: 'cli', author: 'cli' },
        { verdict: 'correct', points: 2 },
        { verdict: 'correct', points: 2 },
        1,
      );
      await cli.close();
      for (const c of [a!, b!]) {
        const grid = await c.grid();
        assert.deepEqual(cell(grid, 'alice.md', '3.a').slice(0, 2), [1, 1], 'partial, 1 point');
        assert.deepEqual(cell(grid, 'bob.md', '1.b').slice(0, 2), [2, 0], 'incorrect, 0 points');
        assert.deepEqual(
          (await c.view('bob.md', '1.b')).history.map((h) => h.author),
          ['ta1', 'ta2', 'ta1'],
        );
      }
      // The grid answers 304 to a client holding the current version, and 200 once an override changed it.
      const r1 = await fetch(new URL('/api/runs/1/grid', servers[0]!.url));
      const etag = r1.headers.get('etag')!;
      await r1.arrayBuffer();
      assert.equal((await fetch(new URL('/api/runs/1/grid', servers[0]!.url), { headers: { 'if-none-match': etag } })).status, 304);
      assert.equal((await b!.post({ submission: 'alice.md', part: '3.a', verdict: 'correct', comment: 'b', author: 'ta2' })).status, 200);
      const r2 = await fetch(new URL('/api/runs/1/grid', servers[0]!.url), { headers: { 'if-none-match': etag } });
      assert.equal(r2.status, 200, 'another server\u2019s override is a new version');
      assert.deepEqual(cell((await r2.json()) as Grid, 'alice.md', '3.a').slice(0, 2), [0, 2]);
    } finally {
      for (const s of servers) await s.close();
    }
  });
}
