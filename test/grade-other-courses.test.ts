import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadKey } from '../src/documents/key.js';
import { readProblemSetFile } from '../src/documents/problem-set-file.js';
import { leafParts, parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission, readSubmissionFile } from '../src/documents/submission.js';
import { texToMarkdown } from '../src/documents/tex.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';

// Three other courses' problem sets and keys, written as their staffs write them (signals and
// systems, probability, optimisation), with transcripts and write-ups a reader graded per part:
// the material the hidden measurement brings besides hw4.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COURSES = join(ROOT, 'test', 'fixtures', 'other-courses');
const LABELS = ['ee120-ps6/ps6.labels.yaml', 'stat134-hw5/hw5.labels.yaml', 'math-opt-hw3/hw3.labels.yaml', 'phys7a-ps4/ps4.labels.yaml'];

interface Labels {
  key: string;
  submissions: Record<string, { source: string; parts: Record<string, { verdict: string }> }>;
}

/** partcredit's verdict on every labelled part of one course, beside the reader's. */
async function verdicts(labelsPath: string): Promise<{ at: string; want: string; got: string }[]> {
  const dir = dirname(join(COURSES, labelsPath));
  const labels = parse(readFileSync(join(COURSES, labelsPath), 'utf8')) as Labels;
  const keyPath = join(dir, labels.key);
  const { key } = loadKey(readFileSync(keyPath, 'utf8'), keyPath);
  const problems = readProblemSetFile(join(dir, key!.problems!));
  const assignment = assignmentOf(key!, problems);
  const out: { at: string; want: string; got: string }[] = [];
  for (const [name, s] of Object.entries(labels.submissions)) {
    const path = join(dir, s.source);
    const sub = await readSubmissionFile(new Uint8Array(readFileSync(path)), name, key!, problems, path);
    const graded = new Map(gradeSubmission(assignment, sub).parts.map((p) => [p.id, p.verdict]));
    for (const [id, label] of Object.entries(s.parts)) out.push({ at: `${labelsPath} ${name} ${id}`, want: label.verdict, got: graded.get(id) ?? 'missing' });
  }
  return out;
}

test("other courses: every labelled part gets the reader's verdict", async () => {
  const all = (await Promise.all(LABELS.map(verdicts))).flat();
  const wrong = all.filter((v) => v.got !== v.want).map((v) => `${v.at}: reader ${v.want}, partcredit ${v.got}`);
  assert.deepEqual(wrong, []);
});

test('a LaTeX problem set or write-up keeps the letters its lists print: enumerate[label=(\\alph*)] items are parts', () => {
  const tex = [
    '\\documentclass{article}',
    '\\title{Physics 7B --- Problem Set 2}',
    '\\begin{document}',
    '\\section*{Problem 1 (Heat engines)}',
    '\\begin{enumerate}[label=(\\alph*)]',
    '  \\item Find the efficiency of the cycle.',
    '  \\item Find the work done per cycle.',
    '\\end{enumerate}',
    '\\section*{Problem 2}',
    'A gas expands isothermally.',
    '\\begin{enumerate}',
    '\\item Find the entropy change. \\item Find the heat absorbed.',
    '\\end{enumerate}',
    '\\end{document}',
  ].join('\n');
  const set = parseProblemSet(texToMarkdown(tex));
  assert.equal(set.title, 'Physics 7B --- Problem Set 2');
  assert.deepEqual(
    leafParts(set).map((p) => p.id),
    ['1.a', '1.b', '2.a', '2.b'],
  );
  // Near miss: bullets (itemize) are no parts; the question stays one part.
  const bullets = parseProblemSet(
    texToMarkdown(tex.replace('\\begin{enumerate}[label=(\\alph*)]', '\\begin{itemize}').replace('\\end{enumerate}\n\\section*{Problem 2}', '\\end{itemize}\n\\section*{Problem 2}')),
  );
  assert.deepEqual(
    leafParts(bullets).map((p) => p.id),
    ['1', '2.a', '2.b'],
  );
});

test("a multiple-choice question's options (A) ... (D), on one line or one a line, are its text, not parts", () => {
  const set = parseProblemSet(
    [
      'Problem 1. (Multiple choice) Which of the following distributions is memoryless?',
      '  (A) Normal   (B) Exponential   (C) Uniform on [0,1]   (D) Beta(2,2)',
      '',
      'Problem 2. Which test fits paired samples?',
      '(A) Welch t-test',
      '(B) paired t-test',
      '',
      'Problem 3. Two parts labelled by capitals, as some staffs write them:',
      '(A) Find the mean of the sample.',
      '(B) Find its variance.',
    ].join('\n'),
  );
  assert.deepEqual(
    leafParts(set).map((p) => p.id),
    ['1', '2', '3.a', '3.b'],
  );
  assert.match(set.questions[0]!.text, /\(B\) Exponential/);
});

/** The verdicts of a text submission against a key and problem set given inline. */
function gradeText(keyYaml: string, problemsMd: string, text: string, name = 'chat.md'): Record<string, string> {
  const { key } = loadKey(keyYaml, 'k.key.yaml');
  const problems = parseProblemSet(problemsMd);
  const g = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, name, key!, problems));
  return Object.fromEntries(g.parts.map((p) => [p.id, p.verdict]));
}

test('a reply\'s "**Problem 3.**" heading answers question 3 when the question is one part', () => {
  const key = "partcredit: 1\nparts:\n  1.a: { answer: '3' }\n  1.b: { answer: '2.1' }\n  2: { answer: '6' }\n  3: { answer: '8' }\n";
  const problems = 'Problem 1. X ~ Bin(10, 0.3).\n  a) Find E[X].\n  b) Find Var(X).\n\nProblem 2. Find 2 times 3.\n\nProblem 3. Find 2 cubed.\n';
  const chat = '**User:** Problems 2 and 3 of my homework: find 2 times 3, and 2 cubed.\n\n**Assistant:** **Problem 2.** Multiplying, we get $6$.\n\n**Problem 3.** $2^3 = 8$.\n';
  assert.deepEqual(gradeText(key, problems, chat), { '1.a': 'missing', '1.b': 'missing', '2': 'correct', '3': 'correct' });
  // Near miss: a question with parts, named alone, gives none of its parts an answer.
  const withParts = '**User:** Problem 1 please.\n\n**Assistant:** **Problem 1.** The binomial has mean $np$; here that is $3$.\n';
  assert.deepEqual(gradeText(key, problems, withParts), { '1.a': 'missing', '1.b': 'missing', '2': 'missing', '3': 'missing' });
});

test('a write-up that numbers its questions "1)" on a line of their own, with "a)" parts under them', () => {
  const key = "partcredit: 1\nparts:\n  1.a: { answer: '3' }\n  1.b: { answer: '2.1' }\n  2.a: { answer: '6' }\n";
  const problems = 'Problem 1. X ~ Bin(10, 0.3).\n  a) Find E[X].\n  b) Find Var(X).\n\nProblem 2.\n  a) Find 2 times 3.\n';
  const writeup = 'HW 5, Priya R.\n\n1)\na) E[X] = np = 3\nb) Var(X) = np(1-p) = 2.1\n\n2)\na) 2 * 3 = 6\n';
  assert.deepEqual(gradeText(key, problems, writeup, 'hw.txt'), { '1.a': 'correct', '1.b': 'correct', '2.a': 'correct' });
  // Near miss: steps numbered 1), 2) inside question 1's answer do not open question 2.
  const steps = 'HW 5\n\n1)\na) E[X] = np = 3\nb) Two steps:\n1) E[X^2] = 11.1\n2) Var(X) = 11.1 - 9 = 2.1\n\n2)\na) 6\n';
  assert.deepEqual(gradeText(key, problems, steps, 'hw.txt'), { '1.a': 'correct', '1.b': 'correct', '2.a': 'correct' });
});

/** A key of one whole-question part 1 with this answer (YAML flow mapping). */
function oneAnswerKey(answer: string): string {
  return `partcredit: 1\nparts:\n  1: ${answer}\n`;
}

/** A Markdown chat of one question and its reply. */
function chat(user: string, assistant: string): string {
  return `**User:** ${user}\n\n**Assistant:** ${assistant}\n`;
}

test('a strict bound the reply concludes with ("stable for $a < 0$") is its answer over a condition it discussed ("for $a \\ge 0$")', () => {
  const key = oneAnswerKey("{ answer: 'a < 0' }");
  const problems = 'Problem 1. For which real a is h(t) = e^{at}u(t) BIBO stable?\n';
  const reply = (cond: string, final: string) =>
    chat(
      'Problem 1: for which a is h(t) = e^{at}u(t) stable?',
      `**Problem 1.** Stability needs $\\int |h(t)|\\,dt < \\infty$. For ${cond} the exponential does not decay, so the integral diverges.\n\n**Final Answer:** The system is stable for ${final}.`,
    );
  assert.equal(gradeText(key, problems, reply('$a \\ge 0$', '$a < 0$'))['1'], 'correct');
  // Near miss: the discussed condition is right and the concluded one wrong: wrong.
  assert.equal(gradeText(key, problems, reply('$a < 0$', '$a > 0$'))['1'], 'incorrect');
});

test('a lettered multiple-choice answer: "The answer is (B)" names B, not the A of "answer"; the other options discussed after it do not count', () => {
  const key = oneAnswerKey("{ answer: { type: choice, options: ['B', 'Exponential'], wrong: ['A', 'C', 'D', 'Normal', 'Uniform'] } }");
  const problems = 'Problem 1. Which is memoryless?\n(A) Normal (B) Exponential (C) Uniform (D) Beta(2,2)\n';
  const reply = (pick: string) =>
    chat(
      'Problem 1: which is memoryless? (A) Normal (B) Exponential (C) Uniform (D) Beta(2,2)',
      `The answer is **${pick}**.\n\nNone of (A), (C) or (D) has the property: for the uniform, $P(X > 0.9 \\mid X > 0.5) = 0.2$.`,
    );
  assert.equal(gradeText(key, problems, reply('(B) Exponential'))['1'], 'correct');
  // Near misses: the wrong letter stated; a wrong letter alone.
  assert.equal(gradeText(key, problems, reply('(C) Uniform'))['1'], 'incorrect');
  assert.equal(gradeText(key, problems, reply('D'))['1'], 'incorrect');
});

test('a set answered in a sentence that lists its elements ("the poles are $z = 0.8$ and $z = -0.5$")', () => {
  const key = oneAnswerKey("{ answer: { type: set, value: '\\{0.8, -0.5\\}' } }");
  const problems = 'Problem 1. Find the poles of H(z) = z^2/(z^2 - 0.3z - 0.4).\n';
  const reply = (a: string, b: string) => chat('Problem 1: poles of H(z)?', `The denominator factors as $(z - 0.8)(z + 0.5)$, so the poles are $z = ${a}$ and $z = ${b}$.`);
  assert.equal(gradeText(key, problems, reply('0.8', '-0.5'))['1'], 'correct');
  // Near miss: one wrong element in the list.
  assert.equal(gradeText(key, problems, reply('0.8', '0.5'))['1'], 'incorrect');
});

test('a follow-up that names the next question after a lead-in word ("Now Problem 2: ..."), answered under "## (a)" headings', () => {
  const key = "partcredit: 1\nparts:\n  1.a: { answer: '7/4' }\n  1.b: { answer: '6' }\n  2.a: { answer: '0.8' }\n  2.b: { answer: '2' }\n";
  const problems = 'Problem 1.\n(a) Find y[2].\n(b) Find the sum.\n\nProblem 2.\n(a) Find the pole.\n(b) Find the order.\n';
  const chat = (prompt: string) =>
    `**Human:** Problem 1 from my homework: (a) y[2]? (b) the sum?\n\n**Assistant:** ## (a) The value\n\n$y[2] = \\tfrac{7}{4}$\n\n## (b) The sum\n\nThe sum is $6$.\n\n**Human:** ${prompt}\n\n**Assistant:** ## (a) The pole\n\nThe pole is at $z = 0.8$.\n\n## (b) The order\n\nThe order is $2$.\n`;
  assert.deepEqual(gradeText(key, problems, chat('Now Problem 2: (a) the pole, (b) the order.')), { '1.a': 'correct', '1.b': 'correct', '2.a': 'correct', '2.b': 'correct' });
  assert.deepEqual(gradeText(key, problems, chat('OK, next: Question 2. (a) the pole, (b) the order.')), { '1.a': 'correct', '1.b': 'correct', '2.a': 'correct', '2.b': 'correct' });
  // Near miss: a remark that mentions another problem asks for none; the reply's (a), (b) stay question 1's (its later answers).
  const remark = gradeText(key, problems, chat('Now explain how this relates to Problem 2.'));
  assert.equal(remark['2.a'], 'missing');
});

test('a piecewise answer worked case by case under headings ("**Case $n < 0$:** ... so $y[n] = 0$", then a display formula per case)', () => {
  const key =
    "partcredit: 1\nparts:\n  1: { answer: { type: piecewise, value: '\\begin{cases} 0 & n < 0 \\\\ 2 - (1/2)^n & 0 \\le n \\le 2 \\\\ 7 (1/2)^n & n \\ge 3 \\end{cases}', domain: { n: { integer: true, min: -5, max: 15 } } } }\n";
  const problems = 'Problem 1. Compute y[n] = (x * h)[n] for x[n] = u[n] - u[n-3], h[n] = (1/2)^n u[n].\n';
  const reply = (last: string) =>
    [
      '**User:** Problem 1: compute the convolution y[n].',
      '',
      '**Assistant:** $$y[n] = \\sum_{k=0}^{2} h[n-k]$$',
      '',
      '**Case $n < 0$:** every term has $u[n-k] = 0$, so $y[n] = 0$.',
      '',
      '**Case $0 \\le n \\le 2$:** only $k \\le n$ contribute:',
      '$$y[n] = \\sum_{k=0}^{n} (1/2)^{n-k} = 2 - (1/2)^{n}$$',
      '',
      '**Case $n \\ge 3$:** all three terms contribute:',
      `$$y[n] = (1/2)^{n}(1 + 2 + 4) = ${last}$$`,
      '',
    ].join('\n');
  assert.equal(gradeText(key, problems, reply('7 (1/2)^{n}'))['1'], 'correct');
  // Near miss: one case's value wrong (the last branch 8 (1/2)^n).
  assert.equal(gradeText(key, problems, reply('8 (1/2)^{n}'))['1'], 'incorrect');
  // Near miss: values worked out after the last case (`- $n \ge 3$: $y[n] = ...$`, then `$n = 4$ gives ...`) are not its value.
  const listed = reply('7 (1/2)^{n}').replace(
    '$$y[n] = (1/2)^{n}(1 + 2 + 4) = 7 (1/2)^{n}$$',
    'so $y[n] = 7 (1/2)^{n}$\n\nValues for $n = 3$ to 5: $y[3] = 0.875$, $y[4] = 0.4375$, $y[5] = 0.21875$.',
  );
  assert.equal(gradeText(key, problems, listed)['1'], 'correct');
});

test("the optimum's star on the key's quantity (\\eta^\\star = ...) states that quantity", () => {
  const key = "partcredit: 1\nsymbols: { eta: { positive: true } }\nparts:\n  1: { answer: '\\eta = \\frac{1}{2}' }\n";
  const problems = 'Problem 1. Which step size eta converges fastest?\n';
  const reply = (lhs: string, value: string) =>
    `**User:** Problem 1: the fastest step size?\n\n**Assistant:** **Problem 1.** $$${lhs} = \\dfrac{2}{\\lambda_{\\min} + \\lambda_{\\max}} = ${value}$$\n`;
  assert.equal(gradeText(key, problems, reply('\\eta^\\star', '\\dfrac{1}{2}'))['1'], 'correct');
  assert.equal(gradeText(key, problems, reply('\\eta_{opt}', '0.5'))['1'], 'correct');
  // Near misses: the wrong optimum; the star on another quantity.
  assert.equal(gradeText(key, problems, reply('\\eta^\\star', '\\dfrac{2}{3}'))['1'], 'incorrect');
  assert.equal(gradeText(key, problems, reply('x^\\star', '\\dfrac{1}{2}'))['1'], 'incorrect');
});

test('a write-up that numbers a one-part question in bold ("**4.** T = ..."), after "**3b.**"', () => {
  const key = "partcredit: 1\nparts:\n  3.a: { answer: '40.8' }\n  3.b: { answer: '10.2' }\n  4: { answer: '7' }\n  5: { answer: '0.5' }\n";
  const problems = 'Q3. A ball.\n(a) Range?\n(b) Height?\n\nQ4. Seven?\n\nQ5. A half?\n';
  const writeup = (steps: string) => `# PS4\n\n**3a.** R = 40.8 m\n\n**3b.** H = 10.2 m\n${steps}\n**4.** It is 7.\n\n**5.** x = 0.5\n`;
  assert.deepEqual(gradeText(key, problems, writeup(''), 'w.md'), { '3.a': 'correct', '3.b': 'correct', '4': 'correct', '5': 'correct' });
  // Near miss: bold step numbers inside (b)'s answer that are not the next question stay in it.
  assert.deepEqual(gradeText(key, problems, writeup('\n**1.** first the time of flight, t = 2.9 s\n\n**2.** then H = 10.2 m\n'), 'w.md'), {
    '3.a': 'correct',
    '3.b': 'correct',
    '4': 'correct',
    '5': 'correct',
  });
});

test("a key's partial answer with credit 0 names a common wrong answer: the verdict is incorrect, with its feedback", () => {
  const key =
    "partcredit: 1\nsymbols: { L: { positive: true }, g: { positive: true } }\nparts:\n  1:\n    answer: 'T = 2\\pi\\sqrt{L/g}'\n    partial:\n      - { answer: 'T = 2\\pi\\sqrt{g/L}', credit: 0, feedback: 'Inverted ratio under the root.' }\n      - { answer: 'T = \\pi\\sqrt{L/g}', credit: 0.5 }\n";
  const { key: k } = loadKey(key, 'k.key.yaml');
  const problems = parseProblemSet('Q1. The period of a pendulum of length L?\n');
  const grade1 = (a: string) => gradeSubmission(assignmentOf(k!, problems), readSubmission(`**User:** Q1. The period?\n\n**Assistant:** **Q1.** $${a}$\n`, 'c.md', k!, problems)).parts[0]!;
  const inverted = grade1('T = 2\\pi\\sqrt{g/L}');
  assert.equal(inverted.verdict, 'incorrect');
  assert.match(inverted.feedback, /Inverted ratio/);
  // Near miss: a partial answer with credit stays partial.
  assert.equal(grade1('T = \\pi\\sqrt{L/g}').verdict, 'partial');
});

test("a plain-text problem set's first line is its title, unless it is a sentence", () => {
  const set = parseProblemSet('STAT 134 - Concepts of Probability\nHomework 5 (due Thursday)\n\nProblem 1. Find E[X].\n');
  assert.equal(set.title, 'STAT 134 - Concepts of Probability');
  // Near miss: a first line that is an instruction is no title.
  assert.equal(parseProblemSet('Answer every question and show your work.\n\nProblem 1. Find E[X].\n').title, undefined);
});

test('one box stating two named answers with commas ("\\det(A) = 3,\\ \\operatorname{tr}(A) = 4"): each is read from its own statement', () => {
  const key = "partcredit: 1\nparts:\n  1:\n    answers:\n      det: '3'\n      trace: '4'\n";
  const problems = 'Problem 1. Compute det(A) and tr(A) for A = [[2,1],[1,2]].\n';
  const reply = (det: string, tr: string) =>
    `**User:** Problem 1: det and trace?\n\n**Assistant:** **Problem 1.** We have $\\lambda_1\\lambda_2 = 3$ and $\\lambda_1 + \\lambda_2 = 4$.\n\n$$\\boxed{\\det(A) = ${det},\\ \\operatorname{tr}(A) = ${tr}}$$\n`;
  assert.equal(gradeText(key, problems, reply('3', '4'))['1'], 'correct');
  // Near misses: the two values swapped are both wrong; one wrong is half right.
  assert.equal(gradeText(key, problems, reply('4', '3'))['1'], 'incorrect');
  assert.equal(gradeText(key, problems, reply('3', '5'))['1'], 'partial');
});

test('a piecewise answer in one sentence whose first condition is plain text ("For n < 0 there is no overlap so $y[n] = 0$. ..., and for $n \\ge 3$, ...")', () => {
  const key =
    "partcredit: 1\nparts:\n  1: { answer: { type: piecewise, value: '\\begin{cases} 0 & n < 0 \\\\ 2 - 2^{-n} & 0 \\le n \\le 2 \\\\ 7 \\cdot 2^{-n} & n \\ge 3 \\end{cases}', domain: { n: { integer: true, min: -5, max: 15 } } } }\n";
  const problems = 'Q1. Compute y[n] for all n.\n';
  const writeup = (last: string) => `Q1. For n < 0 there is no overlap so $y[n] = 0$. For $0 \\le n \\le 2$, $y[n] = 2 - 2^{-n}$, and for $n \\ge 3$, $y[n] = ${last}$.\n`;
  assert.equal(gradeText(key, problems, writeup('7 \\cdot 2^{-n}'), 'w.md')['1'], 'correct');
  // Near miss: the last case wrong.
  assert.equal(gradeText(key, problems, writeup('8 \\cdot 2^{-n}'), 'w.md')['1'], 'incorrect');
});

test('a write-up\'s "Ans:" line under its working states the answer, as "Answer:" does', () => {
  const key = "partcredit: 1\ndefaults: { tolerance: { rel: 0.02 } }\nparts:\n  1.a: { answer: '4.9' }\n  1.b: { answer: '5.42' }\n";
  const problems = 'Q1. A block on a 30 degree incline.\n(a) Its acceleration?\n(b) Its speed at the bottom?\n';
  const writeup = (a: string) => `Q1\n(a) a = g sin(30) = 9.8(0.5)\n    Ans: ${a} m/s^2\n(b) v^2 = 2ad = 29.4\n    Ans: v = 5.42 m/s\n`;
  assert.deepEqual(gradeText(key, problems, writeup('4.9'), 'w.txt'), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: a wrong value after "Ans:" is wrong.
  assert.equal(gradeText(key, problems, writeup('8.49'), 'w.txt')['1.a'], 'incorrect');
});
