import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allMatches } from '../src/math/all-matches.js';

/** What matchAll gives, as plain data (a match's text, groups, index). */
const viaMatchAll = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => ({ all: [...m], index: m.index, groups: m.groups }));
const viaAllMatches = (pattern: RegExp, text: string) => allMatches(pattern, text).map((m) => ({ all: [...m], index: m.index, groups: m.groups }));

test('allMatches gives the matches matchAll gives, empty ones and Unicode ones included', () => {
  const cases: [RegExp, string][] = [
    [/\$([^$]+)\$/g, 'so $x = 1$ and then $y = 2$.'],
    [/(?:^|\n)\s*total\b/gi, 'Total: 3\n  total 4\nsubtotal 5'],
    [/x*/g, 'axxbx'],
    [/(?<word>[a-z]+)/g, 'one two'],
    [/^\s*(\w+):/gm, 'Answer: 1\nResult: 2\nno colon'],
    [/\p{L}*/gu, 'a😀b'],
    [/(?:)/gu, '😀😀'],
    [/(?:)/g, '😀'],
    [/z/g, ''],
  ];
  for (const [pattern, text] of cases) assert.deepEqual(viaAllMatches(pattern, text), viaMatchAll(pattern, text), `${pattern} on ${JSON.stringify(text)}`);
});

test('allMatches starts where the pattern stands and leaves it there, as matchAll does', () => {
  const pattern = /\d/g;
  pattern.lastIndex = 2;
  const expected = viaMatchAll(pattern, '1234');
  assert.deepEqual(viaAllMatches(pattern, '1234'), expected);
  assert.equal(expected.length, 2);
  assert.equal(pattern.lastIndex, 2);
});

test('allMatches refuses a pattern that is not global, as matchAll does', () => {
  assert.throws(() => allMatches(/a/, 'aa'), TypeError);
  assert.throws(() => 'aa'.matchAll(/a/), TypeError);
});
