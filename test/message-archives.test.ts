import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { declaredCharset, decodeDeclaredText } from '../src/documents/text-encoding.js';
import { printedStamp } from '../src/documents/time-order.js';

// Blind round 41's VK archive: message archives name their code page (`<meta charset="windows-1251">`)
// and list a conversation newest first, each message headed by its sender and a stamp whose month is
// named in the page's language (`Вы, 12 ноя 2025 в 19:52:03`). Decoded as declared and read in time
// order, the person's push-back comes before the reply that answers it, and a model that holds a wrong
// answer after the person argued for the right one stays wrong. In documents of our own.

const graded = (file: string) => gradedFixtureFile('message-archives', file);

test('a page is decoded in the code page it declares, unless its bytes are UTF-8', () => {
  const koi8 = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-u"></head><body>'), Buffer.from([0xf7, 0xc9]), Buffer.from('</body></html>')]);
  assert.equal(declaredCharset(koi8), 'koi8-u');
  assert.match(decodeDeclaredText(koi8), /Ви/);
  const resaved = Buffer.from('<meta charset="windows-1251"><p>Вы</p>', 'utf8');
  assert.match(decodeDeclaredText(resaved), /Вы/);
  assert.equal(declaredCharset(Buffer.from('<p>no declaration</p>')), undefined);
});

test('stamps with a month named in another language order a document', () => {
  assert.ok(printedStamp('12 ноя 2025 в 19:52:03')! > printedStamp('12 ноя 2025 в 19:38:02')!);
  assert.ok(printedStamp('3 de dic. de 2025, 21:04')! > printedStamp('30 de nov. de 2025, 23:59')!);
  assert.equal(printedStamp('4 лис 2025 о 22:17'), Date.UTC(2025, 10, 4, 22, 17));
});

test("a koi8-u archive listed newest first is read oldest first: Ukrainian parts found, the person's push-back no answer, a held wrong answer wrong", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('backup-uk-koi8u-newest-first.html'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    // The near miss: the person argues for 1/√d_in, the model keeps √d_in.
    '2.d': 'incorrect: alpha = sqrt(d_in)',
  });
});

test('a chat copied as text newest first, its stamps in Spanish, gives each part the reply that followed its question', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('copia-chat-es-mas-recientes-primero.txt'), {
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    // The near miss: the person's √d_out is not the model's answer, which it holds.
    '2.e': 'incorrect: alpha = 1/sqrt(d_out)',
  });
});
