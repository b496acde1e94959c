import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { texToMarkdown } from '../src/documents/tex.js';
import { expandTexMacros } from '../src/documents/tex-macros.js';

// Blind round 18's reading classes still lost after its first fixes (issue 9), each in a document
// of our own, not the round's, with a near miss that must read as it did before.

/** A LaTeX write-up of problem 2 whose (b) answer is `answer`, with `preamble` before the document. */
function texWriteup(preamble: string, answer: string): string {
  return [
    '\\documentclass{article}',
    '\\usepackage{enumitem}',
    preamble,
    '\\begin{document}',
    '\\section*{Problem 2}',
    '\\begin{enumerate}[label=(\\alph*)]',
    '\\item Unit-scale weights keep fp8 values where the grid is dense.',
    `\\item Matching Xavier's output variance: ${answer}`,
    '\\end{enumerate}',
    '\\end{document}',
  ].join('\n');
}

test("a LaTeX source's own macros (`\\newcommand`, with and without arguments, `\\def`, `\\DeclareMathOperator`) are written out before its answers are read; a wrong answer through them stays wrong", {
  skip: devSkip,
}, () => {
  const preamble = ['\\newcommand\\fanin{d_{\\text{in}}}', '\\newcommand{\\inv}[1]{\\frac{1}{#1}}', '\\def\\half#1{#1/2}', '\\DeclareMathOperator{\\Var}{Var}'].join('\n');
  assert.equal(expandTexMacros(`${preamble}\n$\\Var(y) = \\inv{\\fanin} + \\half{x}$`).trim(), '$\\operatorname{Var}(y) = \\frac{1}{d_{\\text{in}}} + x/2$');
  const right = texToMarkdown(texWriteup(preamble, '$$c = \\inv{\\sqrt{\\fanin}}.$$'));
  // The reader of .tex sources writes them out (the grade below alone would not show it: the checker reads an unknown command's argument).
  assert.ok(right.includes('\\frac{1}{\\sqrt{d_{\\text{in}}}}') && !right.includes('\\inv'), right);
  assert.equal(gradeWithStaffKey(right, 'zhou.tex').get('2.b'), 'correct');
  // Near miss: the same shorthand around a wrong scale is still wrong.
  const wrong = texToMarkdown(texWriteup(preamble, '$$c = \\inv{\\fanin}.$$'));
  assert.equal(gradeWithStaffKey(wrong, 'zhou.tex').get('2.b'), 'incorrect');
  // A macro the source never defines is left as written, not guessed at.
  assert.equal(expandTexMacros('\\newcommand{\\R}{\\mathbb{R}}\n$\\din \\in \\R$').trim(), '$\\din \\in \\mathbb{R}$');
  // A macro that uses itself stops expanding instead of growing without end.
  assert.ok(expandTexMacros('\\newcommand{\\loop}{a\\loop}\n$\\loop$').length < 200);
});

const RECEPTIVE = 'Each stride-1 layer adds $K-1$ to the field and the first covers $K$: the last output sees $L(K-1)+1$ pixels per side.';
/** A write-up's first question, answered before the section under test. */
const FIRST = '### Question 2\n\n(b) $c = 1/\\sqrt{d_{in}}$\n';
const POOLING = 'Channel by channel, no padding: $\\left(\\lfloor\\frac{W-K}{S}\\rfloor+1\\right) \\times \\left(\\lfloor\\frac{H-K}{S}\\rfloor+1\\right) \\times C$.';

test("a write-up's heading that names several parts of a question (`### Question 4 (b)-(c): ...`) over those parts' own letters is the question's section, not an answer to its first part; a heading over its one part's answer still answers it", {
  skip: devSkip,
}, () => {
  // (Past a first question: a text's opening heading naming its parts was read so already.)
  const sectioned = [FIRST, '### Question 4 (b)-(c): shapes by hand', '', 'I worked both on a 32 x 32 x 3 input before writing the general forms.', '', `(b) ${POOLING}`, '', `(c) ${RECEPTIVE}`].join(
    '\n',
  );
  const g = gradeWithStaffKey(sectioned, 'sectioned.md');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('2.b'), 'correct');
  assert.equal(g.get('7.b'), undefined, 'the letters under the heading stay question 4');
  // Near miss: a heading that labels its one part, the answer under it and the next letter after, reads as before.
  const plain = [FIRST, '### Question 4 (b): pooling', '', POOLING, '', `(c) ${RECEPTIVE}`].join('\n');
  const p = gradeWithStaffKey(plain, 'plain.md');
  assert.equal(p.get('4.b'), 'correct');
  assert.equal(p.get('4.c'), 'correct');
});

const SCALE = 'Variances add over the $d_{in}$ terms, so $c = \\frac{1}{\\sqrt{d_{in}}}$.';

test("a turn that asks its questions as a list, of several problems, answered in sections numbered by that list (`**1. ...**` ... `**3. ...**`): each section is its item's part, and a follow-up naming one in words is about that one; a list with an item that asks nothing of the problem set reads as before", {
  skip: devSkip,
}, () => {
  const chat = [
    'User: three quick ones from my homework:',
    '1. weights drawn from N(0,1) lost the Xavier scaling: what scalar c in y = cWx gives the same output as Xavier initialization?',
    '2. if I stack L conv layers, filter size K and stride 1, how big is the receptive field of the last output?',
    '3. max pooling with stride S and filter size K on a W x H x C input: what output feature shape comes out?',
    '',
    'Assistant: Happy to help.',
    '',
    '**1. The scale factor**',
    '',
    SCALE,
    '',
    '**2. Stacked receptive field**',
    '',
    RECEPTIVE,
    '',
    '**3. Pooling output**',
    '',
    POOLING,
    '',
    "User: the scalar one, shouldn't it be 1/d_in with no root?",
    '',
    "Assistant: You're right, I slipped there. Corrected: $c = 1/d_{in}$.",
  ].join('\n');
  const g = gradeWithStaffKey(chat, 'list.txt');
  // (The model gives in to a wrong objection: the scale part's final answer is its wrong one.)
  assert.equal(g.get('2.b'), 'incorrect', 'the follow-up on the first section is about that one');
  assert.equal(g.get('4.c'), 'correct');
  assert.equal(g.get('4.b'), 'correct', 'not about the last one');
  // Near miss: a list whose other item asks nothing of the problem set is read as before: its one part.
  const remark = [
    'User: two things:',
    '- if I stack L conv layers, filter size K and stride 1, how big is the receptive field of the last output?',
    '- and sorry for all the messages today!',
    '',
    `Assistant: No problem. ${RECEPTIVE}`,
  ].join('\n');
  assert.deepEqual([...gradeWithStaffKey(remark, 'remark.txt')], [['4.c', 'correct']]);
});

test('a follow-up that words an unanswered part as closely as its statement asks that part, even with words of doubt in it (`again`, `should`); a recheck of the last part in such words is still a recheck', {
  skip: devSkip,
}, () => {
  const opening = ['User: if I stack L conv layers, filter size K and stride 1, how big is the receptive field of the last output?', '', `Assistant: ${RECEPTIVE}`, ''];
  const next = [
    ...opening,
    'User: ok, again from the same homework: a max pooling layer has 2 architectural hyperparameters, the stride S and filter size K. what is the output feature shape of max pooling for a W x H x C input?',
    '',
    `Assistant: ${POOLING}`,
  ].join('\n');
  const g = gradeWithStaffKey(next, 'next.txt');
  assert.equal(g.get('4.b'), 'correct');
  assert.equal(g.get('4.c'), 'correct', 'the pooling reply is not a revision of the receptive field');
  // Near miss: doubt about the part just answered, in words that name no other part, revises that part.
  const recheck = [...opening, 'User: wait, I thought the receptive field was just L times K, can you check again?', '', "Assistant: You're right, I slipped. Corrected: the field is $LK$."].join(
    '\n',
  );
  assert.deepEqual([...gradeWithStaffKey(recheck, 'recheck.txt')], [['4.c', 'incorrect']]);
});
