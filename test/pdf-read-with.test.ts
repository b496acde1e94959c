/**
 * `grade --read-with MODEL` end to end: a PDF whose page is only an image, a loopback server
 * speaking the provider's protocol, the CLI in a child process with a real SQLite store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderRegion } from '../src/documents/pdf/render.js';
import { chromiumPdfs, katexHtml, CHROMIUM } from './fixtures/pdf/generate.js';
import { startLlmServer, TEST_KEY } from './fixtures/llm-server.js';
import { runCliAsync } from './fixtures/cli.js';

const KEY = 'partcredit: 1\nparts:\n  1.a: { answer: "x^2", points: 1 }\n  1.b: { answer: "7", points: 1 }\n';

test('grade --read-with: a scanned page is read by the model once, graded, and named when no model is given', { skip: !CHROMIUM && 'no Debian chromium: scanned PDF not generated' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-readwith-'));
  const [typed] = (await chromiumPdfs([katexHtml('1.a) the answer is $x^{2}$\n\n1.b) $7$')]))!;
  const png = await renderRegion(typed!, 1, undefined, 1);
  const [scan] = (await chromiumPdfs([`<html><body style="margin:0"><img src="data:image/png;base64,${png.toString('base64')}" style="width:60%"></body></html>`]))!;
  writeFileSync(join(dir, 'scan.pdf'), scan!);
  writeFileSync(join(dir, 'key.yaml'), KEY);
  const server = await startLlmServer({ rules: [{ match: /./, reply: '```markdown\n1.a) the answer is $x^{2}$\n\n1.b) $7$\n```' }] });
  try {
    const env = { OPENAI_API_KEY: TEST_KEY };
    const args = ['grade', '--key', 'key.yaml', '--format', 'json', '--db', join(dir, 'store.db'), '--read-with', `openai:vision@${server.url}/v1`, 'scan.pdf'];
    const first = await runCliAsync(args, dir, env);
    assert.equal(first.code, 0, first.stderr);
    const graded = JSON.parse(first.stdout.trim().split('\n')[0]!);
    assert.deepEqual([graded.total, graded.max], [2, 2]);
    assert.equal(server.log.length, 1);
    assert.match(server.log[0]!.messages, /"type":"image_url"/);
    // The same page again: answered from the store by the page image's hash, no request.
    const again = await runCliAsync(args, dir, env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout.trim().split('\n')[0]!).total, 2);
    assert.equal(server.log.length, 1);
    // Without a model: the page without text is named, never a silent zero; --strict fails the run.
    const plain = await runCliAsync(['grade', '--key', 'key.yaml', '--no-store', 'scan.pdf'], dir);
    assert.match(plain.stdout + plain.stderr, /scan\.pdf: no text layer on any page.*--read-with/);
    const strict = await runCliAsync(['grade', '--key', 'key.yaml', '--no-store', '--strict', 'scan.pdf'], dir);
    assert.equal(strict.code, 1, strict.stdout + strict.stderr);
    assert.equal(server.log.length, 1);
  } finally {
    await server.close();
  }
});
