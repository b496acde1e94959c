import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, answeredFixtureParts, readWithStaffKey } from './hw4-dev.js';

// Blind round 34's reading failures, in other apps' and people's words: a terminal agent whose `> `
// prompts are answered by glyphed messages (`⏺`, `✦`), a piecewise answer listed by conditions on a
// named length (`0 ≤ n ≤ L-1`), and a forum's `##...##` inline TeX. Each with near misses that keep
// their reading: a write-up's `> ` quotes over `●` bullets, a `## 3(a) ##` heading, a list of
// conditions whose values are words.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'answers-round34', name), 'utf8');

/** Each answered part's verdict and answer as read. */
const graded = (name: string) => answeredFixtureParts('answers-round34', name);

test("a terminal agent's `> ` prompts answered by `⏺` messages are a chat: the answer it caved to is its last", { skip: devSkip }, () => {
  const read = readWithStaffKey(fixture('claude-code-session.txt'), 'claude-code-session.txt');
  assert.equal(read.format, 'chat-text');
  assert.deepEqual(
    read.messages?.filter((m) => m.role !== 'note').map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant'],
  );
  const parts = graded('claude-code-session.txt');
  assert.deepEqual(Object.keys(parts), ['3.a', '3.b']);
  // The piecewise list with the named length's bounds is the whole answer, not its middle branch.
  assert.equal(parts['3.a']![0], 'correct');
  assert.match(parts['3.a']![1], /^\{ 0 if n < 0; 2 - 2\^\(-n\) if 0 ≤ n ≤ 7 - 1; /);
  // (b): first y(n - 5), then y(n + 5) after the person's wrong push: the last committed answer counts.
  assert.equal(parts['3.b']![0], 'partial');
  assert.match(parts['3.b']![1], /n \+ 5/);
});

test("an agent's `✦` replies with `*` lists of cases bounded by a named length (`0 ≤ n ≤ L−1`, `n ≥ L`) are read as one piecewise answer", { skip: devSkip }, () => {
  const parts = graded('gemini-cli-session.txt');
  assert.deepEqual(parts['4.f'], ['correct', 'g3: [0, 0.8, 0]ᵀ; g4: [0.8, 0, 0]ᵀ']);
  assert.equal(parts['3.a']![0], 'correct');
  assert.match(parts['3.a']![1], /^\{ 0 if n < 0; 2 - 2\^\(-n\) if 0 ≤ n ≤ 7 - 1; \(2\^7 - 1\)/);
});

test("near miss: a write-up's `> ` quotes over `●` bullets stay a write-up; `## 3(a) ##` is a heading; conditions with words are no cases", { skip: devSkip }, () => {
  assert.equal(readWithStaffKey(fixture('quoted-writeup.md'), 'quoted-writeup.md').format, 'writeup');
  const parts = graded('quoted-writeup.md');
  assert.deepEqual(Object.keys(parts), ['3.a', '3.b']);
  assert.deepEqual(parts['3.a'], ['correct', '{ 0 if n < 0; 2 - 2^(-n) if 0 ≤ n ≤ 6; 127 (1/2)^n if n ≥ 7 }']);
  assert.equal(parts['3.b']![0], 'correct');
});

test("a forum's `##...##` inline TeX is read as the formula it sets; a helper's numbers in a later post are not the student's answer", { skip: devSkip }, () => {
  assert.deepEqual(graded('forum-inline-tex.txt'), {
    '2.b': ['correct', 'c = 1/sqrt(d_in)'],
    '2.e': ['correct', 'alpha = sqrt(d_out)'],
    '4.c': ['correct', 'L (K - 1) + 1'],
  });
});
