import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { startServer } from '../src/server/serve.js';
import { openStore } from '../src/store/db.js';
import { overridesOf } from '../src/store/overrides.js';
import { dropTestDatabases, ENGINES } from './fixtures/pg.js';

after(dropTestDatabases);

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

// Two reviewers on one part: the second, working from what it saw before the first's change, is refused with the current value; nothing is lost.
for (const engine of ENGINES) {
  test(`${engine.name}: a stale override is refused (409) with the current value; twenty racing writers leave exactly one winner per base`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    const keyPath = join(DEMO, 'key.yaml');
    const store = await openStore(at);
    await gradeFiles({ key: loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!, files: ['alice.md', 'bob.md'].map((f) => join(DEMO, 'submissions', f)), store, keyPath });
    await store.close();
    const server = await startServer({ db: at, port: 0, author: 'staff' });
    try {
      const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(await (await fetch(server.url)).text())![1]!;
      const post = (body: object) =>
        fetch(new URL('/api/runs/1/override', server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf }, body: JSON.stringify(body) });
      const first = await post({ submission: 'bob.md', part: '1.b', verdict: 'correct', comment: 'ta1 thinks so', author: 'ta1', base: null });
      assert.equal(first.status, 200, await first.clone().text());
      const second = await post({ submission: 'bob.md', part: '1.b', verdict: 'incorrect', comment: 'ta2 disagrees', author: 'ta2', base: null });
      assert.equal(second.status, 409);
      const refused = (await second.json()) as { error: string; current: { author: string; verdict: string; id: number } };
      assert.match(refused.error, /^bob\.md 1\.b: ta1 changed this part meanwhile \(.*set correct, "ta1 thinks so"\)/);
      assert.deepEqual([refused.current.author, refused.current.verdict], ['ta1', 'correct']);
      // Having seen it, ta2 writes on top of it: accepted.
      assert.equal((await post({ submission: 'bob.md', part: '1.b', verdict: 'partial', points: 1, comment: 'ta2, after reading ta1', author: 'ta2', base: refused.current.id })).status, 200);
      // Twenty writers from the same base at once: one is stored, nineteen are told; none vanishes silently.
      const reader = await openStore(at);
      const base = (await overridesOf(reader, 1)).at(-1)!.id;
      await reader.close();
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post({ submission: 'bob.md', part: '1.b', points: i % 3, comment: `racer ${i}`, author: `ta${i}`, base }).then((r) => r.status)),
      );
      assert.deepEqual([statuses.filter((s) => s === 200).length, statuses.filter((s) => s === 409).length], [1, 19]);
      const check = await openStore(at);
      const rows = await overridesOf(check, 1);
      await check.close();
      assert.equal(rows.length, 3);
    } finally {
      await server.close();
    }
  });
}
