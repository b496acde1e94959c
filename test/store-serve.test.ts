import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles, regradeRun } from '../src/run/grading.js';
import { startServer } from '../src/server/serve.js';
import { openStore } from '../src/store/db.js';
import { dropTestDatabases, ENGINES } from './fixtures/pg.js';

after(dropTestDatabases);

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

// The review app's round trip on each engine: grid, override over HTTP, regrade, the override in force.
for (const engine of ENGINES) {
  test(`${engine.name}: serve shows the grid, stores an override over HTTP, and keeps it through a regrade`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    const keyPath = join(DEMO, 'key.yaml');
    const key = loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!;
    const store = await openStore(at);
    await gradeFiles({ key, files: ['alice.md', 'bob.md', 'carol.txt'].map((f) => join(DEMO, 'submissions', f)), store, keyPath });
    await store.close();
    const server = await startServer({ db: at, port: 0, author: 'ta1' });
    try {
      const index = await (await fetch(server.url)).text();
      const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(index)![1]!;
      const grid = (await (await fetch(new URL('/api/runs/1/grid', server.url))).json()) as { rows: { name: string }[]; parts: unknown[] };
      assert.deepEqual(grid.rows.map((r) => r.name).sort(), ['alice.md', 'bob.md', 'carol.txt']);
      const r = await fetch(new URL('/api/runs/1/override', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
        body: JSON.stringify({ submission: 'bob.md', part: '3.a', verdict: 'partial', points: 1.5, comment: 'half' }),
      });
      assert.equal(r.status, 200, await r.clone().text());
      const again = await openStore(at);
      await regradeRun(again, 1, key, keyPath);
      await again.close();
      // An override stored while the new grading is read, then the grid of the new grading: each
      // override once (the new grading starts from the overrides the previous one had read).
      const second = await fetch(new URL('/api/runs/1/override', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
        body: JSON.stringify({ submission: 'alice.md', part: '3.a', verdict: 'incorrect', points: 0, comment: 'no' }),
      });
      assert.equal(second.status, 200, await second.clone().text());
      for (let i = 0; i < 200; i++) {
        const g = (await (await fetch(new URL('/api/runs/1/grid', server.url))).json()) as { grading: number };
        if (g.grading === 2) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const view = (await (await fetch(new URL('/api/runs/1/part?submission=bob.md&part=3.a', server.url))).json()) as { verdict: string; points: number; history: { author: string }[] };
      assert.deepEqual([view.verdict, view.points, view.history[0]!.author, view.history.length], ['partial', 1.5, 'ta1', 1]);
      const alice = (await (await fetch(new URL('/api/runs/1/part?submission=alice.md&part=3.a', server.url))).json()) as { verdict: string; history: unknown[] };
      assert.deepEqual([alice.verdict, alice.history.length], ['incorrect', 1]);
      const regraded = (await (await fetch(new URL('/api/runs/1/grid', server.url))).json()) as { grading: number };
      assert.equal(regraded.grading, 2);
    } finally {
      await server.close();
    }
  });
}
