import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withKeySynonyms, type KeySynonym } from '../src/grade/key-synonyms.js';
import { withSynonymsFirst } from '../src/grade/lazy-readings.js';
import { firstOccurrences } from '../src/check/first-occurrences.js';

const fan: KeySynonym[] = [{ from: 'fan', to: 'd', subscripts: ['in', 'out'] }];

test("a candidate's readings come in the eager order, each once, and a list is made only when the reader gets to it", () => {
  const made: string[] = [];
  const list = (name: string, texts: string[]) => () => {
    made.push(name);
    return texts;
  };
  const lists = [list('a', ['x', 'y']), list('b', ['y', 'z']), list('c', []), list('d', ['x', 'w'])];
  assert.deepEqual([...firstOccurrences(lists)], [...new Set(lists.flatMap((l) => l()))]);
  made.length = 0;
  // A reader that stops at `z` (a right answer) never makes the lists after it.
  for (const text of firstOccurrences(lists)) if (text === 'z') break;
  assert.deepEqual(made, ['a', 'b']);
  // A source may be a text, or make one text or none (the checker's trimmed candidate, a chain's last side).
  assert.deepEqual([...firstOccurrences(['x', () => 'y', () => undefined, 'x', () => ['z', 'y']])], ['x', 'y', 'z']);
});

test('readings with the key’s names put in come first, then the readings as written, as the eager form gave them', () => {
  const readings = ['\\sqrt{\\mathrm{fan}_{out}}', '2 \\cdot \\mathrm{fan}_{in}', 'd_{out}', '\\sqrt{d_{out}}'];
  const eager = [...new Set([...readings.flatMap((r) => withKeySynonyms(r, fan)), ...readings])];
  assert.deepEqual([...withSynonymsFirst(readings, fan)], eager);
  assert.deepEqual(eager.slice(0, 2), ['\\sqrt{d_{out}}', '2 \\cdot d_{in}']);
  // Near miss: readings that name no synonym are tried as written, in their order.
  assert.deepEqual([...withSynonymsFirst(['\\sqrt{fancy_{in}}', 'd_{in}'], fan)], ['\\sqrt{fancy_{in}}', 'd_{in}']);
});
