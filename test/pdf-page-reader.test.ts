import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLlmServer, TEST_KEY } from './fixtures/llm-server.js';
import { Store } from '../src/store/db.js';
import { pageTranscriber, PAGE_PROMPT } from '../src/run/page-reader.js';

test('a vision model reads a page image over the provider protocol, once per page image', async () => {
  const server = await startLlmServer({ rules: [{ match: /./, reply: '```markdown\n1.a) $x^{2}$\n```' }] });
  const store = new Store(join(mkdtempSync(join(tmpdir(), 'pc-pages-')), 'p.db'));
  try {
    const reader = pageTranscriber(store, `openai:vision@${server.url}/v1`, { OPENAI_API_KEY: TEST_KEY });
    // A 1×1 PNG stands for a rendered page.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const first = await reader.transcribe({ number: 1, png, hash: 'h' });
    assert.equal(first, '1.a) $x^{2}$');
    assert.equal(server.log.length, 1);
    assert.match(server.log[0]!.messages, /"type":"image_url"/);
    assert.ok(server.log[0]!.messages.includes(PAGE_PROMPT.slice(0, 40)));
    // The same page again is answered from the store's cache: not paid for twice.
    assert.equal(await reader.transcribe({ number: 1, png, hash: 'h' }), first);
    assert.equal(server.log.length, 1);
  } finally {
    await store.close();
    await server.close();
  }
});
