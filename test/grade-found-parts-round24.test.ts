import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { parseMath } from '../src/math/latex/parse.js';
import { joinedNames, spellJoinedNames } from '../src/math/latex/joined-names.js';

// Blind round 24's parts partcredit found but graded against the TA (issue 9), by class, each in a
// document of our own, not the round's, with a near miss that must stay as it was.

test('a side of a shape in square brackets (`[floor((W-K)/S) + 1] x ... x C`) only groups, as in a product', { skip: devSkip }, () => {
  const notes = (b: string) => ['Problem 4', '', `(b) pooled output: ${b}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('[floor((W-K)/S) + 1] x [floor((H-K)/S) + 1] x C')).get('4.b'), 'correct');
  // Near miss: the same brackets around a side that lost its + 1 stay wrong.
  assert.equal(gradeWithStaffKey(notes('[floor((W-K)/S)] x [floor((H-K)/S) + 1] x C')).get('4.b'), 'incorrect');
  // A bracket of several items is still a list of them.
  const cross = parseMath('[1, 2] \\times [3, 4]');
  assert.ok(cross.kind === 'cross' && cross.factors.every((f) => f.kind === 'tuple'));
  const grouped = parseMath('[a + 1] \\times [b + 1] \\times C');
  assert.ok(grouped.kind === 'cross' && grouped.factors.every((f) => f.kind !== 'tuple'));
});

test('a phrase opening on a preposition after a formula (`(K-1)L + 1 along each axis`) says what it measures, none of its value', { skip: devSkip }, () => {
  const notes = (c: string) => ['Problem 4', '', `(c) ${c}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('(K-1)L + 1 along each axis')).get('4.c'), 'correct');
  assert.equal(gradeWithStaffKey(notes('K + (L-1)(K-1), for every spatial dimension')).get('4.c'), 'correct');
  // Near miss: a wrong count with the same phrase is read, and wrong (not unreadable).
  assert.equal(gradeWithStaffKey(notes('(K-1)L along each axis')).get('4.c'), 'incorrect');
});

test("the key's subscripted names written without their underscores (`dout din^2`, `fanin`) are those names, not words of prose", { skip: devSkip }, () => {
  const notes = (b: string, c: string) => ['Q1', '', `b. gram trick: cost = 2 c ${b}`, '', 'Q2', '', `b. c = ${c}`, ''].join('\n');
  const right = gradeWithStaffKey(notes('dout din^2', '1/sqrt(fanin)'));
  assert.deepEqual([right.get('1.b'), right.get('2.b')], ['correct', 'correct']);
  // Near miss: the same spelling of a wrong answer (the powers swapped, the fan-out) stays wrong.
  const wrong = gradeWithStaffKey(notes('dout^2 din', '1/sqrt(fanout)'));
  assert.deepEqual([wrong.get('1.b'), wrong.get('2.b')], ['incorrect', 'incorrect']);
  // Words that only start like a name (`dinner`, `doubt`) or are made of no names stay words.
  const joined = joinedNames(['d_in', 'd_out', 'fan_in', 'c', 'h_t']);
  assert.equal(spellJoinedNames('no doubt: 2c doutdin² before dinner, ht', joined), 'no doubt: 2c d_out d_in² before dinner, ht');
});

test('a label set apart from its value by a gap of spaces, as in a column (`=> output shape   (...) x (...) x F`), names it', { skip: devSkip }, () => {
  const notes = (shape: string) => ['Q4', '', 'a) weights   K^2 C F', '   biases    F', `   -> output shape   ${shape}`, ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('(floor((W-K+2P)/S)+1) x (floor((H-K+2P)/S)+1) x F')).get('4.a'), 'correct');
  // Near miss: the shape without its padding is this answer's, and wrong.
  assert.equal(gradeWithStaffKey(notes('(floor((W-K)/S)+1) x (floor((H-K)/S)+1) x F')).get('4.a'), 'partial');
});
