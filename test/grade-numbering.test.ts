import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { readLineLabel } from '../src/documents/part-ids.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/numbering/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const problems = parseProblemSet(readFileSync(join(DIR, 'problems.md'), 'utf8'));

const ANSWERS: Record<string, string> = {
  '1.a': 'The output width is $30$.',
  '1.b': 'Weights and biases: $3 \\cdot 3 \\cdot 3 \\cdot 10 + 10 = 280$.',
  '2.a': 'So $\\eta \\le 0.25$ gives $\\eta = 0.25$.',
  '2.b': 'It takes $12$ steps.',
};

/** A numbering style: how a part is labelled, and what (if anything) heads each question. */
const STYLES: { name: string; part: (q: number, p: string) => string; question?: (q: number) => string }[] = [
  { name: '1a.', part: (q, p) => `${q}${p}.` },
  { name: '1.a', part: (q, p) => `${q}.${p}` },
  { name: '1a:', part: (q, p) => `${q}${p}:` },
  { name: 'Q1a', part: (q, p) => `Q${q}${p}` },
  { name: 'Q1(a)', part: (q, p) => `Q${q}(${p})` },
  { name: 'Problem 1a', part: (q, p) => `Problem ${q}${p}` },
  { name: 'Question 1 (a)', part: (q, p) => `Question ${q} (${p})` },
  { name: '**1a**', part: (q, p) => `**${q}${p}**` },
  { name: '### 1(a)', part: (q, p) => `### ${q}(${p})` },
  { name: '## 1(a)', part: (q, p) => `## ${q}(${p})` },
  { name: '1/a).', part: (q, p) => `${q}/${p}).` },
  { name: '1(a)', part: (q, p) => `${q}(${p})` },
  { name: '1a)', part: (q, p) => `${q}${p})` },
  { name: '**Q1(a).**', part: (q, p) => `**Q${q}(${p}).**` },
  { name: 'Problem 1: Part (a)', part: (q, p) => `Problem ${q}: Part (${p})` },
  { name: '### Part 1(a): title', part: (q, p) => `### Part ${q}(${p}): The answer` },
  { name: '1. then (a)', question: (q) => `${q}.`, part: (_q, p) => `(${p})` },
  { name: 'Problem 1 then Part (a)', question: (q) => `Problem ${q}`, part: (_q, p) => `Part (${p})` },
  { name: '## Question 1 then a)', question: (q) => `## Question ${q}`, part: (_q, p) => `${p})` },
  { name: '- **1a.**', part: (q, p) => `- **${q}${p}.**` },
  { name: '1. then a.', question: (q) => `${q}.`, part: (_q, p) => `${p}.` },
  { name: 'Question 1 then **a.**', question: (q) => `Question ${q}`, part: (_q, p) => `**${p}.**` },
  { name: '## Problem 1 then **(a):**', question: (q) => `## Problem ${q}`, part: (_q, p) => `**(${p}):**` },
  { name: 'Problem 1 then Solution (a):', question: (q) => `Problem ${q}`, part: (_q, p) => `Solution (${p}):` },
  { name: 'Question 1 then **Answer to (a).**', question: (q) => `Question ${q}`, part: (_q, p) => `**Answer to (${p}).**` },
  // A typed write-up's tag in a pair of delimiters, whichever pair the writer reached for.
  { name: '{1.a}', part: (q, p) => `{${q}.${p}}` },
  { name: '<Q1a>:', part: (q, p) => `<Q${q}${p}>:` },
  { name: '【1a】', part: (q, p) => `【${q}${p}】` },
  { name: '**[1(a)]**', part: (q, p) => `**[${q}(${p})]**` },
  { name: 'Question 1 then [a]', question: (q) => `Question ${q}`, part: (_q, p) => `[${p}]` },
];

function writeup(style: (typeof STYLES)[number], answers = ANSWERS, sameLine = true): string {
  const lines = ['My homework', ''];
  for (const q of [1, 2]) {
    if (style.question) lines.push(style.question(q), '');
    for (const p of ['a', 'b']) {
      const answer = answers[`${q}.${p}`]!;
      if (sameLine) lines.push(`${style.part(q, p)} ${answer}`, '');
      else lines.push(style.part(q, p), answer, '');
    }
  }
  return lines.join('\n');
}

const grade = (text: string) => gradeSubmission(key!, readSubmission(text, 'w.md', key!, problems));

for (const style of STYLES) {
  test(`numbering style ${style.name}: every part aligned, on the label's line and below it`, () => {
    for (const sameLine of [true, false]) {
      const g = grade(writeup(style, ANSWERS, sameLine));
      assert.deepEqual(
        g.parts.map((p) => `${p.id} ${p.verdict}`),
        ['1.a correct', '1.b correct', '2.a correct', '2.b correct'],
        `${style.name} ${sameLine ? 'same line' : 'next line'}`,
      );
    }
    // Near miss: a wrong answer under the same label stays wrong (alignment does not rescue it).
    const g = grade(writeup(style, { ...ANSWERS, '1.b': 'Weights only: $270$.' }));
    assert.equal(g.parts.find((p) => p.id === '1.b')!.verdict, 'incorrect', style.name);
    assert.equal(g.parts.find((p) => p.id === '2.a')!.verdict, 'correct', style.name);
  });
}

test('sentences that look like labels are not labels', () => {
  for (const line of [
    '4. A convolutional layer has',
    '3d convolution is costly',
    'Question 1 A student',
    '2.5 times more',
    'Quite so',
    '1 a word',
    'e.g. the output',
    'A. Smith wrote',
    'Answer: (a) is right',
    'a.k.a. the kernel',
    'Part 3: Short answers',
    'Part 2 of the proof',
    // Bracketed things at a line's start that tag no part: a citation, an interval, a ticked box, a link, a set, a tag.
    '[1] Smith and Jones, 2019',
    '[3, 4] is the interval',
    '- [x] checked the shapes',
    '[1a](https://example.org/notes) has the derivation',
    '{a, b} is the set of weights',
    '<br> then the output',
    '[1a and 1b] together below',
  ]) {
    const l = readLineLabel(line);
    assert.ok(!l?.part, `${line} → ${JSON.stringify(l)}`);
  }
});

test("a part's letter at the start of a wrapped sentence's second line refers to that part; after a finished line it labels one", () => {
  const wrapped = `(a) The output width is $30$.\n\n(b) As in (a), and by the constraint from\n(a) we add the biases: $3 \\cdot 3 \\cdot 3 \\cdot 10 + 10 = 280$.`;
  const sub = readSubmission(`1.\n${wrapped}`, 'w.md', key!, problems);
  assert.deepEqual(
    sub.responses.map((r) => r.partId),
    ['1.a', '1.b'],
  );
  assert.equal(gradeSubmission(key!, sub).parts.find((p) => p.id === '1.b')!.verdict, 'correct');
  // Near misses: after a line that ends its sentence (a full stop, a formula, a colon), or a short answer, the letter labels a part.
  for (const before of ['The answers are:', 'The output width is $30$', 'Thirty']) {
    const s = readSubmission(`1.\n(a) ${before}\n(b) $3 \\cdot 3 \\cdot 3 \\cdot 10 + 10 = 280$`, 'w.md', key!, problems);
    assert.deepEqual(
      s.responses.map((r) => r.partId),
      ['1.a', '1.b'],
      before,
    );
  }
});

test('a write-up with few recognised parts is warned about', () => {
  const g = grade('My homework\n\nI think the answer is 30 and then 280.\n');
  assert.ok(
    g.warnings?.some((w) => /recogni[sz]ed|no part/i.test(w)),
    JSON.stringify(g.warnings),
  );
});

test("a follow-up that opens on a question's part ('Also 4(f): ...') asks that part; a remark that starts on a part asks nothing", () => {
  const small = loadKey(
    `partcredit: 1
parts:
  1.a: { answer: '12' }
  2.a: { answer: '40' }
  2.b: { answer: '0.5' }
`,
    'k.yaml',
  ).key!;
  const chat = (followUp: string, reply: string) => `## User

Question 1 (a): how many edges does the graph have?

## Assistant

(a) It has $12$ edges.

## User

${followUp}

## Assistant

${reply}
`;
  const verdicts = (text: string) =>
    gradeSubmission(small, readSubmission(text, 's', small))
      .parts.map((p) => `${p.id} ${p.verdict}`)
      .join(', ');
  assert.equal(verdicts(chat('Also 2(b): the coin is fair; what is the chance of heads?', 'The chance is $0.5$.')), '1.a correct, 2.a missing, 2.b correct');
  assert.equal(verdicts(chat('Next, 2(b). Same coin, chance of heads?', 'It is $\\frac{1}{2}$.')), '1.a correct, 2.a missing, 2.b correct');
  // Near miss: a remark on a part is no prompt for it; the reply discusses the part answered.
  assert.equal(verdicts(chat('2(b) is what I care about, but first: are you sure about (a)?', 'Yes, $12$ edges.')), '1.a correct, 2.a missing, 2.b missing');
});
