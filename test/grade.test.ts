import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProblemSet, leafParts } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { readLineLabel, canonicalPartId } from '../src/documents/part-ids.js';
import { detectFormat, readMessages } from '../src/documents/transcripts.js';
import { corpusDir } from '../bench/corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(ROOT, 'examples', 'demo');
const read = (p: string) => readFileSync(p, 'utf8');

function demoKey() {
  const { key, problems } = loadKey(read(join(DEMO, 'key.yaml')), 'key.yaml');
  assert.ok(key, problems.map((p) => p.message).join('; '));
  return { key: key!, set: parseProblemSet(read(join(DEMO, 'problems.md'))) };
}

function gradeText(text: string, name = 'x.md') {
  const { key, set } = demoKey();
  return gradeSubmission(key, readSubmission(text, name, key, set));
}

const verdicts = (g: ReturnType<typeof gradeText>) => Object.fromEntries(g.parts.map((p) => [p.id, p.verdict]));

test('part ids and labels in every usual numbering', () => {
  assert.equal(canonicalPartId('1a'), '1.a');
  assert.equal(canonicalPartId('3d.ii'), '3.d.ii');
  assert.equal(canonicalPartId('3(d)(ii)'), '3.d.ii');
  assert.equal(canonicalPartId('Q4 e'), '4.e');
  assert.equal(canonicalPartId('hello'), undefined);
  assert.deepEqual(pick(readLineLabel('1/a). text')), { question: '1', part: 'a' });
  assert.deepEqual(pick(readLineLabel('(b). text')), { part: 'b' });
  assert.deepEqual(pick(readLineLabel('3/d.')), { question: '3', part: 'd' });
  assert.deepEqual(pick(readLineLabel('Part (c): 2D')), { part: 'c' });
  assert.deepEqual(pick(readLineLabel('Problem 4: Part (a)')), { question: '4', part: 'a' });
  assert.deepEqual(pick(readLineLabel('Question 7')), { question: '7' });
  assert.deepEqual(pick(readLineLabel('**(a)** Blurring')), { part: 'a' });
  assert.deepEqual(pick(readLineLabel('ii. Consider')), { subpart: 'ii' });
  assert.equal(readLineLabel('In order to'), undefined);
});

function pick(l: ReturnType<typeof readLineLabel>) {
  return l && Object.fromEntries(Object.entries(l).filter(([k]) => k === 'question' || k === 'part' || k === 'subpart'));
}

test('a problem set in the "## Problem N (x points)" / "**(a)**" style', () => {
  const set = parseProblemSet(read(join(DEMO, 'problems.md')));
  assert.equal(set.title, 'CNN Basics — Practice Set');
  assert.deepEqual(
    leafParts(set).map((p) => p.id),
    ['1.a', '1.b', '2.a', '3.a', '3.b', '4.a', '4.b'],
  );
  assert.equal(set.questions[0]!.points, 4);
  assert.equal(set.questions[0]!.title, 'Convolution arithmetic');
});

test('a problem set where numbered lists inside questions are not questions', () => {
  const set = parseProblemSet(
    ['1. First question', '', 'Steps:', '1. do this', '2. do that', '', '(a) part one', '', '2. Second question', '', '(a) part', '(b) part', '', '5. A later question', '', '(a) skipped ahead'].join(
      '\n',
    ),
  );
  assert.deepEqual(
    set.questions.map((q) => q.number),
    ['1', '2', '5'],
  );
  assert.deepEqual(
    leafParts(set).map((p) => p.id),
    ['1.a', '2.a', '2.b', '5.a'],
  );
});

test('key lint: every mistake with its line, part id and field; the rest still load', () => {
  const text = [
    'partcredit: 1',
    'parts:',
    '  1a:',
    "    answer: '2 c'",
    '  1.b:',
    "    anwser: 'x'",
    '  2:',
    "    answer: '\\frac{1}{'",
    '  3:',
    '    answer: { type: choice }',
    '  4: { partial: [{ answer: "1", credit: 2 }] }',
  ].join('\n');
  const { key, problems } = loadKey(text, 'k.yaml');
  const lines = problems.map((p) => `${p.line}:${p.part ?? ''}:${p.field ?? ''}:${p.message}`);
  assert.ok(key);
  assert.ok(
    lines.some((l) => /^6:1\.b::unknown field "anwser" \(did you mean "answer"\?\)/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => /^8:2:answer:the answer does not check against itself/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => /^10:3:answer:a choice needs options/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => /:4:partial\.0\.credit:/.test(l)),
    lines.join('\n'),
  );
  assert.deepEqual(
    key!.parts.map((p) => p.id),
    ['1.a', '2', '3'],
  );
  const bad = loadKey('partcredit: 1\nparts: [unclosed', 'bad.yaml');
  assert.equal(bad.key, undefined);
  assert.match(bad.problems[0]!.message, /not valid YAML/);
});

test("a write-up: right, partial (the key's partial credit), convention, missing", () => {
  const bob = gradeText(read(join(DEMO, 'submissions', 'bob.md')), 'bob.md');
  const v = verdicts(bob);
  assert.equal(v['1.a'], 'correct');
  assert.equal(v['1.b'], 'partial');
  assert.equal(bob.parts.find((p) => p.id === '1.b')!.points, 1);
  assert.equal(v['2.a'], 'incorrect');
  assert.equal(bob.parts.find((p) => p.id === '2.a')!.category, 'convention');
  assert.equal(v['3.b'], 'missing');
  assert.equal(v['4.b'], 'incorrect');
  assert.equal(bob.total, 3);
  assert.equal(bob.max, 12);
});

test('a write-up with bare numbered questions and "a)." labels', () => {
  const carol = gradeText(read(join(DEMO, 'submissions', 'carol.txt')), 'carol.txt');
  assert.deepEqual(verdicts(carol), { '1.a': 'correct', '1.b': 'correct', '2.a': 'incorrect', '3.a': 'correct', '3.b': 'incorrect', '4.a': 'correct', '4.b': 'correct' });
  assert.match(carol.parts.find((p) => p.id === '2.a')!.feedback, /entry \(2,2\) is 5, expected 4/);
});

test('the final answer is chosen by fit, not by whether it is right', () => {
  // The right expression appears mid-derivation; the final answer is wrong and is graded as such.
  const g = gradeText('3/b) Some say $c\\, d_{out} d_{in}^2$ but I think\n\n$$\\text{cost} = 2 c\\, d_{out} d_{in}^2$$');
  assert.equal(g.parts.find((p) => p.id === '3.b')!.verdict, 'incorrect');
  // A response's own definitions are read into its answer.
  const h = gradeText('1/a) $W_{out} \\times H_{out} \\times 16$ where $W_{out} = (32 - 5)/1 + 1$ and $H_{out} = 28$');
  assert.equal(h.parts.find((p) => p.id === '1.a')!.verdict, 'correct');
});

test('a chat transcript: first and final answer after "check again"', () => {
  const g = gradeText(read(join(DEMO, 'submissions', 'chat-transcript.md')), 'chat.md');
  const p = g.parts.find((x) => x.id === '2.a')!;
  assert.equal(p.verdict, 'correct');
  assert.equal(p.first?.verdict, 'incorrect');
  assert.equal(g.total, 12);
});

test('transcripts: a "why" question is discussion; an unlabeled reply after an upload answers the next part', () => {
  const text = [
    'Question 1',
    '',
    'user [File]: shot1.png',
    '',
    'ChatGPT The output is $28 \\times 28 \\times 16$.',
    '',
    'user why is it 28?',
    '',
    'ChatGPT Because $(32-5)/1+1 = 28$; so it is $28 \\times 28$ in space.',
    '',
    'user [File]: shot2.png',
    '',
    'ChatGPT There are $1216$ parameters.',
  ].join('\n');
  assert.equal(detectFormat(text), 'chatgpt-text');
  const g = gradeText(text, 'chat.txt');
  assert.equal(g.parts.find((p) => p.id === '1.a')!.verdict, 'correct');
  assert.equal(g.parts.find((p) => p.id === '1.a')!.first, undefined);
  assert.equal(g.parts.find((p) => p.id === '1.b')!.verdict, 'correct');
});

test('transcripts in JSON: ChatGPT export, Claude export, a message list; a broken one is a warning', () => {
  const chatgpt = JSON.stringify([
    {
      current_node: 'c',
      mapping: {
        a: { message: null, parent: null, children: ['b'] },
        b: { message: { author: { role: 'user' }, content: { parts: ['Problem 4. (a) pooled shape? (b) gradient?'] } }, parent: 'a', children: ['c'] },
        c: { message: { author: { role: 'assistant' }, content: { parts: ['(a) $14 \\times 14 \\times 10$\n\n(b) to the maximum only'] } }, parent: 'b', children: [] },
      },
    },
  ]);
  assert.equal(detectFormat(chatgpt, 'conversations.json'), 'chatgpt-json');
  assert.deepEqual(verdicts(gradeText(chatgpt, 'c.json'))['4.a'], 'correct');
  const claude = JSON.stringify({
    chat_messages: [
      { sender: 'human', text: 'Problem 4. (a)?' },
      { sender: 'assistant', text: '(a) $(14, 14, 10)$' },
    ],
  });
  assert.equal(detectFormat(claude, 'claude.json'), 'claude-json');
  assert.equal(verdicts(gradeText(claude, 'claude.json'))['4.a'], 'correct');
  const list = JSON.stringify([
    { role: 'user', content: 'Problem 3. (a)?' },
    { role: 'assistant', content: '(a) $c = d_{in}^{-1/2}$' },
  ]);
  assert.equal(verdicts(gradeText(list, 'list.json'))['3.a'], 'correct');
  const { key, set } = demoKey();
  const broken = readSubmission('{"mapping": ', 'broken.json', key, set);
  assert.equal(broken.responses.length, 0);
  assert.match(broken.warnings[0]!, /broken\.json: not valid JSON/);
  assert.throws(() => readMessages('[{"role": "robot", "content": "x"}]', 'json-messages'), /speakers \("robot"\) are neither a person's .* nor a model's/);
});

const corpus = corpusDir();
const SEEDS = corpus ? join(corpus, 'seeds') : undefined;
const seed = (prefix: string) => (SEEDS && existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith(prefix)) : undefined);

test('seeds 003 and 004: the problem trees', (t) => {
  if (!seed('003') || !seed('004')) return t.skip('../shared/corpus is absent: seeds not read');
  const s003 = parseProblemSet(read(join(SEEDS!, seed('003')!)));
  assert.deepEqual(
    s003.questions.map((q) => q.number),
    ['1', '2', '3', '4', '5', '6', '7', '8'],
  );
  assert.deepEqual(
    s003.questions[3]!.parts.map((p) => [p.id, p.parts.map((s) => s.id)]),
    [
      ['4.a', ['4.a.i', '4.a.ii']],
      ['4.b', []],
      ['4.c', []],
      ['4.d', ['4.d.i', '4.d.ii']],
    ],
  );
  assert.deepEqual(
    s003.questions[1]!.parts.map((p) => p.id),
    ['2.a', '2.b', '2.c', '2.d', '2.e', '2.f'],
  );
  const s004 = parseProblemSet(read(join(SEEDS!, seed('004')!)));
  assert.deepEqual(
    leafParts(s004).map((p) => p.id),
    ['1.a', '1.b', '1.c', '2', '3', '4.a', '4.b', '4.c', '5.a', '5.b', '5.c', '5.d', '5.e', '6', '7'],
  );
});

test("seed 004: our key grades 004's own solutions fully correct", (t) => {
  if (!seed('004')) return t.skip('../shared/corpus is absent: seed 004 not read');
  const { key } = loadKey(read(join(ROOT, 'examples', 'seed-004', 'key.yaml')), 'key.yaml');
  const g = gradeSubmission(key!, readSubmission(read(join(SEEDS!, seed('004')!)), '004', key!));
  assert.deepEqual(
    g.parts.filter((p) => p.verdict !== 'correct').map((p) => `${p.id}: ${p.feedback}`),
    [],
  );
});

test('seeds 000–002 against our key for their homework: per-part verdicts a person would give', (t) => {
  if (!seed('000') || !seed('001') || !seed('002')) return t.skip('../shared/corpus is absent: seeds not read');
  const dir = join(ROOT, 'examples', 'seeds-hw4');
  const { key } = loadKey(read(join(dir, 'key.yaml')), 'key.yaml');
  const set = parseProblemSet(read(join(dir, 'problems.md')));
  const grade = (prefix: string) => verdicts(gradeSubmission(key!, readSubmission(read(join(SEEDS!, seed(prefix)!)), prefix, key!, set)));
  const kimi = grade('000');
  // The student: "Correctly one-shotted the first two parts of question 1"; "Kimi failed here for part c" (3.c, an image).
  assert.equal(kimi['1.a'], 'correct');
  assert.equal(kimi['1.b'], 'correct');
  assert.equal(kimi['2.c'], 'correct');
  assert.notEqual(kimi['3.c'], 'correct');
  // 4.f: the TA's first-answer verdict is partial (g3 guessed as a diagonal edge in turn 15; g4 = g1 right).
  assert.notEqual(kimi['4.f'], 'correct');
  const gpt = grade('001');
  assert.equal(gpt['1.a'], 'correct');
  assert.equal(gpt['3.c'], 'correct');
  assert.equal(gpt['3.d.i'], 'correct');
  assert.equal(gpt['3.d.ii'], 'correct');
  const student = grade('002');
  assert.equal(student['2.b'], 'correct');
  assert.equal(student['3.c'], 'incorrect'); // cross-correlation: a convention mistake
  assert.equal(student['4.c'], 'correct');
  assert.equal(student['4.e'], 'missing');
});

test('a hostile write-up is graded without a crash and within bounds', () => {
  const hostile = `1/a) $${'('.repeat(5000)}x${')'.repeat(5000)}$\n\nb) $\\sum_{k=1}^{10^9} k$\n\n2/a) ${'\\frac{1}{'.repeat(300)}2${'}'.repeat(300)}\n\n3/a) \uFFFD\uFFFD`;
  const t0 = performance.now();
  const g = gradeText(hostile);
  assert.ok(performance.now() - t0 < 5000);
  assert.equal(g.parts.length, 7);
  for (const p of g.parts) assert.notEqual(p.verdict, 'correct');
});

test('seeds 000–002 align the same with a key that has no titles and no problem set', (t) => {
  if (!seed('000') || !seed('001') || !seed('002')) return t.skip('../shared/corpus is absent: seeds not read');
  const dir = join(ROOT, 'examples', 'seeds-hw4');
  const text = read(join(dir, 'key.yaml'));
  const bare = text
    .split('\n')
    .filter((l) => !/^problems:|^ {4}title:/.test(l))
    .join('\n');
  const { key: full } = loadKey(text);
  const { key: plain } = loadKey(bare);
  const set = parseProblemSet(read(join(dir, 'problems.md')));
  for (const prefix of ['000', '001', '002']) {
    const source = read(join(SEEDS!, seed(prefix)!));
    const a = verdicts(gradeSubmission(full!, readSubmission(source, prefix, full!, set)));
    const b = verdicts(gradeSubmission(plain!, readSubmission(source, prefix, plain!)));
    assert.deepEqual(b, a, prefix);
  }
});
