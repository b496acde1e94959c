import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadKey } from '../src/documents/key.js';
import { gradeFiles } from '../src/run/grading.js';
import { startServer } from '../src/server/serve.js';
import { copyStore } from '../src/store/copy.js';
import { openStore } from '../src/store/db.js';
import { overridesOf } from '../src/store/overrides.js';
import { dropTestDatabases, ENGINES, freshSqlite, PG_SKIP, freshPostgres } from './fixtures/pg.js';

after(dropTestDatabases);

const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

/** A chat export whose JSON escapes a NUL into the model's answer (the file's bytes hold none, so it is read as text). */
function chatWithNul(): string {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-nul-'));
  const file = join(dir, 'nul-chat.json');
  const answer = 'Problem 3: Part (a)\n$c = \\frac{1}{\\sqrt{d_{in}}}$\u0000 and a literal \\u0000 written out';
  writeFileSync(
    file,
    JSON.stringify([
      { role: 'user', content: 'Solve problem 3 (a).' },
      { role: 'assistant', content: answer },
    ]),
  );
  return file;
}

// A NUL character reaches the store from a JSON export, a PDF's text layer or a request: both engines keep the same text, with U+FFFD in its place.
for (const engine of ENGINES) {
  test(`${engine.name}: a NUL in a submission or an override's comment is stored as U+FFFD; a written-out \\u0000 stays as written`, { skip: engine.skip }, async () => {
    const at = await engine.fresh();
    const keyPath = join(DEMO, 'key.yaml');
    const store = await openStore(at);
    const result = await gradeFiles({ key: loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!, files: [chatWithNul(), join(DEMO, 'submissions', 'bob.md')], store, keyPath });
    assert.deepEqual(
      result.results.map((r) => r.error),
      [undefined, undefined],
      'both submissions graded and stored',
    );
    const row = await store.db.selectFrom('submissions').select(['text', 'responses']).where('name', '=', 'nul-chat.json').executeTakeFirstOrThrow();
    const answer = (JSON.parse(row.responses) as { partId: string; final: { text: string } }[]).find((r) => r.partId === '3.a')!.final.text;
    assert.ok(!answer.includes('\u0000') && answer.includes('}}$\ufffd and'), `NUL replaced in the segmented answer: ${JSON.stringify(answer)}`);
    assert.ok(answer.includes('a literal \\u0000 written out'), 'the six characters \\u0000 a person typed are kept');
    // A reader that hands the store a NUL in the text itself (a PDF's text layer can).
    const ids = (await store.db.selectFrom('gradings').select(['id', 'run_id']).executeTakeFirstOrThrow()) as { id: number; run_id: number };
    const grade = result.results[1]!.grade!;
    await store.saveGraded(ids.run_id, ids.id, { ...result.results[1]!.submission!, id: 'pdf-like.md', text: 'page 1\u0000page 2' }, { ...grade, submission: 'pdf-like.md' });
    const pdfLike = await store.db.selectFrom('submissions').select('text').where('name', '=', 'pdf-like.md').executeTakeFirstOrThrow();
    assert.equal(pdfLike.text, 'page 1\ufffdpage 2');
    await store.close();

    const server = await startServer({ db: at, port: 0, author: 'ta1' });
    try {
      const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(await (await fetch(server.url)).text())![1]!;
      const r = await fetch(new URL('/api/runs/1/override', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
        body: JSON.stringify({ submission: 'bob.md', part: '3.a', verdict: 'partial', points: 1, comment: 'pasted\u0000from a PDF' }),
      });
      assert.equal(r.status, 200, await r.clone().text());
    } finally {
      await server.close();
    }
    const check = await openStore(at);
    assert.deepEqual(
      (await overridesOf(check, 1)).map((o) => o.comment),
      ['pasted\ufffdfrom a PDF'],
    );
    await check.close();
  });
}

test('db copy of a SQLite store written before NUL was replaced: into PostgreSQL and back, identical checksums', { skip: PG_SKIP }, async () => {
  const file = freshSqlite();
  const keyPath = join(DEMO, 'key.yaml');
  const lite = await openStore(file);
  await gradeFiles({ key: loadKey(readFileSync(keyPath, 'utf8'), keyPath).key!, files: [join(DEMO, 'submissions', 'bob.md')], store: lite, keyPath });
  await lite.close();
  // What an older partcredit left in the file: a raw NUL in the text and in a grade's answer.
  const raw = new Database(file);
  raw.prepare(`UPDATE submissions SET text = text || ?`).run('tail\u0000end');
  raw.prepare(`UPDATE grades SET answer = ? WHERE part_id = '3.a'`).run('c = 1/d\u0000');
  raw.close();
  const from = await openStore(file);
  const pgUrl = await freshPostgres();
  const to = await openStore(pgUrl);
  const back = await openStore(freshSqlite());
  try {
    const up = await copyStore(from, to);
    const down = await copyStore(to, back);
    assert.deepEqual(down, up, 'every table: the same count and checksum both ways');
    const text = (await to.db.selectFrom('submissions').select('text').executeTakeFirstOrThrow()).text;
    assert.ok(text.endsWith('tail\ufffdend'));
  } finally {
    for (const s of [from, to, back]) await s.close();
  }
});
