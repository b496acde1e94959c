import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { parseMath } from '../src/math/latex/parse.js';
import { joinedNames, spellJoinedNames } from '../src/math/latex/joined-names.js';
import { readLineLabel } from '../src/documents/part-ids.js';

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

test("a line led by a geometric bullet (`● 4(c)`, `◆ 4(b)`, a terminal's mark of a message) is labelled by the part after it", { skip: devSkip }, () => {
  const session = (mark: string) =>
    [
      '> answer question 4 (b) and (c)',
      '',
      `${mark} 4(b) Max pooling`,
      '',
      '  No padding and one output map per channel: (floor((W-K)/S)+1) x (floor((H-K)/S)+1) x C',
      '',
      `${mark} 4(c) Receptive field`,
      '',
      '  Each stride-1 layer adds K-1, so after L layers: r = 1 + L(K-1)',
      '',
    ].join('\n');
  for (const mark of ['●', '◆', '■']) {
    assert.deepEqual(readLineLabel(`${mark} 4(c) Receptive field`), { question: '4', part: 'c', length: 6, strong: true }, mark);
    const g = gradeWithStaffKey(session(mark), 'session.txt');
    assert.deepEqual([g.get('4.b'), g.get('4.c')], ['correct', 'correct'], mark);
  }
  // Near miss: a bullet before a sentence that starts with a number labels nothing.
  assert.equal(readLineLabel('● 4 layers of 3x3 convolutions see a 9x9 patch'), undefined);
});

test('letters under a heading that names the question again (`## Question 3 — details`, after a summary of every part) restate its parts', { skip: devSkip }, () => {
  const report = (again: string) =>
    [
      '# My evaluation',
      '',
      '- 3(c): the 3x3 output, see the details',
      '- 3(d)(i): the 5x5 output, see the details',
      '- 4(c): 1 + L(K-1)',
      '',
      again,
      '',
      '**(c)** Flipping h and sliding it over the 3x3 valid positions:',
      '',
      '$$\\begin{bmatrix} -40 & -40 & -40 \\\\ -40 & -40 & -40 \\\\ -40 & -40 & -40 \\end{bmatrix}$$',
      '',
    ].join('\n');
  const g = gradeWithStaffKey(report('## 2. Question 3, in detail'));
  assert.deepEqual([g.get('3.c'), g.get('4.c')], ['correct', 'correct']);
  // Near miss: with no heading between, the letter again is the next question's (a student who never wrote its number).
  const h = gradeWithStaffKey(report(''));
  assert.equal(h.get('4.c'), 'incorrect');
});

test('a part quoted whole (`> **(d)(i)** ...` over `> y = [[...],` and `>      [...]]`) is read without its quote marks', { skip: devSkip }, () => {
  const excerpt = (last: string) =>
    [
      'Question 3',
      '',
      '> **(d)(i)** With one ring of zeros and the kernel flipped:',
      '>',
      '> y = [[-19, -28, -32, -36, -29],',
      '>      [-30, -40, -40, -40, -30],',
      '>      [-30, -40, -40, -40, -30],',
      '>      [-30, -40, -40, -40, -30],',
      `>      ${last}]`,
      '',
      'My note: I checked this one with scipy.',
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(excerpt('[ 49,  68,  72,  76,  59]')).get('3.d.i'), 'correct');
  // Near miss: one entry of the quoted matrix wrong.
  assert.equal(gradeWithStaffKey(excerpt('[ 49,  68,  72,  76,  95]')).get('3.d.i'), 'incorrect');
});

test('a heading whose title ends on the part it holds (`### Appendix A: 3(a)`) labels the text under it', { skip: devSkip }, () => {
  const appendix = (heading: string) =>
    ['# Report', '', 'The model answered everything; the replies are below.', '', heading, '', 'y(n) = 0 for n < 0; y(n) = 2 - 0.5^n for 0 <= n <= 6; y(n) = 127 * 0.5^n for n >= 7.', ''].join('\n');
  assert.equal(gradeWithStaffKey(appendix('### Appendix A: 3(a)')).get('3.a'), 'correct');
  assert.equal(gradeWithStaffKey(appendix('## Reply 1 — 3(a)')).get('3.a'), 'correct');
  // Near miss: a title that ends on a number and a word is no part.
  assert.equal(gradeWithStaffKey(appendix('### Time spent: 3 hours')).get('3.a'), undefined);
});

test('cases listed in one sentence that name the function again in each (`y(n) = 0 for n < 0; y(n) = ... for ...`) are one piecewise answer', { skip: devSkip }, () => {
  const notes = (tail: string) => ['Problem 3', '', `(a) y(n) = 0 for n < 0;  y(n) = (1 - 0.5^(n+1))/0.5 for 0 <= n <= 6;  y(n) = ${tail} for n >= 7.`, ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('0.5^(n-6) (2 - 0.5^6)')).get('3.a'), 'correct');
  // Near miss: the tail that never ends the rect (still 2 - 2^-n after n = 6) is the key's partial answer at best.
  assert.notEqual(gradeWithStaffKey(notes('2 - 0.5^n')).get('3.a'), 'correct');
});

test("a count written before the noun it counts, the answer's name (`K^2 C F weights and F biases`), is that answer", { skip: devSkip }, () => {
  const notes = (weights: string) => ['Problem 4', '', `(a) The layer has ${weights} weights and F biases.`, 'Output shape: (floor((W-K+2P)/S)+1) x (floor((H-K+2P)/S)+1) x F', ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('K·K·C·F')).get('4.a'), 'correct');
  // Near miss: the input depth dropped from the count.
  assert.equal(gradeWithStaffKey(notes('K·K·F')).get('4.a'), 'partial');
});

test("a part's label over nothing but a mark of judgement (`(g) ✓`, `(c): ✗`) is a person scoring it, never its answer", { skip: devSkip }, () => {
  const notes = (last: string) => ['Problem 4', '', '(b) (floor((W-K)/S)+1) x (floor((H-K)/S)+1) x C', '', '(c) r = 1 + L(K-1)', '', 'What I gave each part:', '(b) ✔️', `(c) ${last}`, ''].join('\n');
  for (const mark of ['✓', ': ✗', '✅;']) {
    const g = gradeWithStaffKey(notes(mark));
    assert.deepEqual([g.get('4.b'), g.get('4.c')], ['correct', 'correct'], mark);
  }
  // Near miss: a label over an answer written again still labels (the same part's, 4(c): the letter
  // again with no new run of letters begins no next question; see restarted-labels.ts).
  const textOf = (last: string) => readWithStaffKey(notes(last)).responses.find((r) => r.partId === '4.c')!.final.text;
  assert.ok(textOf('✓').includes('(c) ✓'));
  assert.ok(textOf('r = K + L').includes('\nr = K + L') && !textOf('r = K + L').includes('(c) r'));
});
