import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { isOrgMode } from '../src/documents/org-mode.js';

// The tenth blind round (issue 9): hw4-fa25 answered by models, apps and habits the earlier rounds
// did not cover (a Discord export, an org-mode file, Obsidian callouts, a Mathematica notebook, Grok's
// "Thinking" section, Perplexity's numbered sources, ChatGPT's regenerated "< 2/2 >" answer, a TA-bot's
// email reply, a LaTeX enumerate, Japanese / Korean / Hindi prose, HuggingChat restating questions, a
// Slack thread where the student corrects the bot, Copilot weighing two candidates, AsciiMath "Part B"
// labels, SymPy prints, an answer in the middle of a long derivation), labelled as a TA would against
// the staff key before partcredit graded them.
const skip = devSkip;

// Measured once, on 2026-12-04 before any fix: 30/63 right-vs-wrong (18/63 exact) over 17 submissions;
// the 9 labelled text parts (2a, 2f, 4d, 7c, 7d) are not counted without a judge. 24 of the 33
// misses are correct parts graded missing (8 submissions had no part recognised, 3 only some).
// Merged into fix15 (blind round 15's classes and class 5's fixed, written without seeing this
// round): 32/63 right-vs-wrong (22/63 exact), 30/63 confidently wrong - the held-out figure of those fixes.
// Then 39/63 once org-mode, Obsidian callouts and questions' words in Japanese, Korean or Hindi are
// read; 43/63 with AsciiMath's `d_(in)`; 48/63 with MATLAB rows and typeset minus signs in matrices;
// 50/63 with plain-text piecewise cases; 51/63 with `y2(n)` read as `y_2(n)`. Merged with the value
// and final-answer classes fixed beside them (grade-blind-round16-values.test.ts: regenerated replies,
// a formula pointed at as the answer, programs' powers, bold sentences ending on a formula): 53/63.
// 62/63 once a part's letter opening the sentence after one that names its question is read (announced-questions:
// the Discord study group's parts). Left: a Mathematica notebook's `(* ... *)` comments and `din` names, a long
// derivation's answers mid-text, a Hindi answer line after a SymPy list of both roots.
test('the tenth blind round: agreement with the TA stays at its measured floor', { skip }, () =>
  assertRoundFloor('blind round 16', join(ROOT, 'test', 'fixtures', 'blind-round16', 'blind-round16.labels.yaml'), { submissions: 17, parts: 63, floor: 62 }),
);

const grade = gradeWithStaffKey;

/** Question 4 (b) and (c) in an org-mode file: star headings, a source block, org's `*bold*`. */
const orgNotes = (field: string) =>
  `#+TITLE: cnn shapes\n#+OPTIONS: toc:nil\n\n* Problem 4\n** (b) pooling\n   no padding, per channel:\n   #+begin_src python\n   out = ((W - K) // S + 1, (H - K) // S + 1, C)\n   #+end_src\n   *Result:* $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$\n** (c) receptive field\n   *Result:* $${field}$\n`;

test('an org-mode file (`* Problem 4`, `** (b) ...`, `#+begin_src`) is read by its headings as Markdown is', { skip }, () => {
  assert.deepEqual(Object.fromEntries(grade(orgNotes('1 + L(K-1)'))), { '4.b': 'correct', '4.c': 'correct' });
  // Near misses: a wrong field stays wrong; a Markdown list of `* ` items with no org keyword line is no org file.
  assert.equal(grade(orgNotes('1 + LK')).get('4.c'), 'incorrect');
  assert.equal(isOrgMode('* first item\n** not a heading\n'), false);
});

/** Question 4 (c) in Obsidian: the answer in a `[!success]` callout, a `[!tip]` aside after it. */
const callout = (field: string) => `# CNN notes — Problem 4\n\n## receptive field\n\n> [!success] 4(c)\n> $${field}$\n\n> [!tip] sanity check\n> with K = 3 and L = 2 I first wrote $LK = 6$\n`;

test("an answer callout (`> [!success] 4(c)`) is its title's part and what it holds; an aside's callout is no answer", { skip }, () => {
  assert.equal(grade(callout('L(K-1) + 1')).get('4.c'), 'correct');
  // Near miss: a wrong field in the callout stays wrong.
  assert.equal(grade(callout('L(K-1)')).get('4.c'), 'incorrect');
});

test("a question's word in Korean, Japanese, Chinese or Hindi (`문제 4`, `問題4`, `प्रश्न 4`) names the question of the letters under it", { skip }, () => {
  const notes = (word: string) => `# 과제 — ${word}\n\n## (c)\n\n$$L(K-1)+1$$\n`;
  for (const word of ['문제 4', '問題4', '问题 4', 'प्रश्न 4']) assert.equal(grade(notes(word)).get('4.c'), 'correct', word);
  // Near miss: a question the key does not have names none.
  assert.equal(grade(notes('문제 5')).get('4.c'), undefined);
});

test('AsciiMath subscripts in brackets (`d_(out) d_(in)^2`) are subscripts, as `d_{out}` is', { skip }, () => {
  const typed = (runtime: string) => `Problem 1\n\nPart B\nWith the Gram matrix W^T W first: \`T = ${runtime}\`\n`;
  assert.equal(grade(typed('2 c d_(out) d_(in)^2')).get('1.b'), 'correct');
  // Near miss: the runtime of (a) stays wrong.
  assert.equal(grade(typed('2 c d_(out)^2 d_(in)')).get('1.b'), 'incorrect');
});

test('a matrix typed as MATLAB rows (`**y = [−40 −40 −40; ...]**`) or as a Python list over lines with typeset minus signs is that matrix', { skip }, () => {
  const matlab = (y: string) => `Q3 (c)\n\nFlipped kernel: h_f = [1 2 1; 0 0 0; −1 −2 −1], every window sums to the same value.\n\n**y = ${y}**\n`;
  assert.equal(grade(matlab('[−40 −40 −40; −40 −40 −40; −40 −40 −40]')).get('3.c'), 'correct');
  const python = (last: string) => `Q3 (d)\n\nii. stride 2, pad 1:\n\n[[−19, −32, −29],\n [−30, −40, −30],\n [${last}]]\n`;
  assert.equal(grade(python(' 49,  72,  59')).get('3.d.ii'), 'correct');
  // Near misses: the correlation's signs, or a last row with its signs flipped, stay wrong.
  assert.equal(grade(matlab('[40 40 40; 40 40 40; 40 40 40]')).get('3.c'), 'incorrect');
  assert.equal(grade(python('−49, −72, −59')).get('3.d.ii'), 'incorrect');
});

test('a piecewise answer in plain text: bullets that open on their condition (`- n ≥ 7: ... = 127 · (1/2)^n`), or one sentence of `value for condition` cases', { skip }, () => {
  const bullets = (tail: string) => `Q3 (a)\n\n- n < 0: nothing overlaps, y(n) = 0\n- 0 ≤ n ≤ 6: a partial geometric sum, y(n) = 2 − (1/2)^n\n- n ≥ 7: every one of the seven terms, y(n) = ${tail}\n`;
  assert.equal(grade(bullets('127 · (1/2)^n')).get('3.a'), 'correct');
  const sentence = (tail: string) => `Q3 (a)\n\nSo y(n) = 0 for n < 0, 2 - 2^(-n) for 0 <= n <= 6, ${tail} for n >= 7.\n`;
  assert.equal(grade(sentence('127 (1/2)^n')).get('3.a'), 'correct');
  // Near misses: a tail that never decays stays wrong, in either form.
  assert.notEqual(grade(bullets('2 − (1/2)^n')).get('3.a'), 'correct');
  assert.notEqual(grade(sentence('2 - 2^(-n)')).get('3.a'), 'correct');
});

test('a one-letter signal with its index typed without `_` (`y2(n) = y(n − 5)`) is indexed, as `y_2(n)` is', { skip }, () => {
  const shifted = (by: string) => `Q3 (b)\n\nx2(n) = x(n − 5), so y2(n) = y(n ${by}): time invariance.\n`;
  assert.equal(grade(shifted('− 5')).get('3.b'), 'correct');
  // Near miss: the shift the wrong way stays half right.
  assert.equal(grade(shifted('+ 5')).get('3.b'), 'partial');
});
