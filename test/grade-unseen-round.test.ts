import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV, ROOT, devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { splitInlineLabels } from '../src/documents/inline-labels.js';
import { jsonAnswerLines } from '../src/documents/json-answers.js';
import { measureAgreement } from '../src/cli/agreement.js';
import { percent } from '../src/grade/agreement.js';

// A blind round (issue 9): sixteen transcripts, and four more written after its fixes, of hw4-fa25 written in styles the earlier rounds do
// not name, labelled as a TA would against the staff key before partcredit graded them; each
// class they found is fixed with a near miss that must stay wrong.
const ROUND = join(ROOT, 'test', 'fixtures', 'unseen-round');
const skip = devSkip;
const grade = gradeWithStaffKey;

const fixture = (name: string) => readFileSync(join(ROUND, name), 'utf8');

/** Right-vs-wrong agreement each transcript must keep (of its labelled parts); most agree fully. */
const FLOORS: Record<string, number> = {
  'r1-think-conv': 3,
  'claude-numbered': 4,
  'gpt-restates': 6,
  'student-strikeout': 5,
  'unicode-math': 7,
  'nested-lists': 4,
  'final-table': 2,
  'out-of-order': 5,
  screenshots: 5,
  refuses: 4,
  'prose-plugin': 3,
  'typical-wrong': 5,
  'latex-align': 3,
  'json-answers': 7,
  'inline-prose': 4,
  'one-line-answers': 5,
  // The second blind set (2.d there is placed by its screenshot's name, q2d.png: its words fit 7.a nearly as well).
  'uploads-md-images': 2,
  'json-inline': 3,
  'plain-student': 4,
  'writeup-answers-line': 3,
};

test('the unseen round: right-vs-wrong agreement with the labels per transcript, and nothing confidently wrong beyond the known', { skip }, async () => {
  const r = await measureAgreement({ labels: join(ROUND, 'unseen-round.labels.yaml'), key: join(DEV, 'hw4-fa25.key.yaml'), problems: join(DEV, 'hw4-fa25.problems.md') });
  const o = r.report.overall;
  console.log(
    `unseen round: right-vs-wrong ${percent(o.rightWrong, o.parts)}, exact ${percent(o.exact, o.parts)}, confidently wrong ${percent(o.confidentlyWrong, o.parts)}, needs-review ${o.needsReview}`,
  );
  const below = [...r.report.bySubmission].filter(([name, f]) => f.rightWrong < (FLOORS[name] ?? f.parts)).map(([name, f]) => `${name}: ${f.rightWrong}/${f.parts}`);
  assert.deepEqual(below, []);
  assert.equal(Object.keys(FLOORS).length, r.report.bySubmission.size);
  assert.ok(o.confidentlyWrong <= 1, `confidently wrong ${o.confidentlyWrong}`);
});

test('"Problem 7 (a) and (b) please. Conv layer, ..." is question 7 by its number; the body after the part letters is no title', { skip }, () => {
  const text = fixture('final-table.md');
  assert.deepEqual(Object.fromEntries(grade(text)), { '7.a': 'correct', '7.b': 'partial' });
  // Near miss: a number the key does not have is still aligned by the pasted text (the key's 7).
  assert.deepEqual(Object.fromEntries(grade(text.replace('Problem 7 (a)', 'Problem 5 (a)'))), { '7.a': 'correct', '7.b': 'partial' });
});

test('a reply that quotes each part\'s question ("> **(a) ...**") before answering it', { skip }, () => {
  const text = fixture('gpt-restates.md');
  assert.deepEqual(Object.fromEntries(grade(text)), { '1.a': 'correct', '1.b': 'correct', '2.b': 'correct', '2.c': 'correct', '2.d': 'incorrect', '2.e': 'partial' });
  // Near miss: a quoted question with no answer after it is no answer (its formulas are the question's).
  const unanswered = text.replace(/All singular values of \$UV\^\\top\$[\s\S]*$/, '');
  assert.notEqual(grade(unanswered).get('2.e'), 'correct');
});

test('several parts answered in one line: "For 4(a), ... For 4(b), ..." and "**Final answers:** (b) ...; (c) ...; (d) ..."', { skip }, () => {
  assert.deepEqual(Object.fromEntries(grade(fixture('inline-prose.md'))), { '2.b': 'correct', '4.a': 'correct', '4.b': 'correct', '4.c': 'correct' });
  const line = fixture('one-line-answers.md');
  assert.deepEqual(Object.fromEntries(grade(line)), { '2.b': 'correct', '2.c': 'correct', '2.d': 'correct', '2.e': 'correct', '2.g': 'correct' });
  // Near miss: a wrong value in the line is that part's, and wrong.
  assert.equal(grade(line.replace('(d) $\\alpha = 1/\\sqrt{d_{in}}$', '(d) $\\alpha = 1/\\sqrt{d_{out}}$')).get('2.d'), 'incorrect');
  // Near misses: parts mentioned in passing, or out of order, split nothing.
  for (const s of ['Using the bound from (c). Then (b) gives the rest.', '(c) follows from (b). (a) is similar.', 'e.g. (a) $x$ then (b) $y$']) assert.equal(splitInlineLabels(s), s);
});

test('answers returned as a JSON object keyed by part ("1a", "3d_ii"), matrices as nested arrays, named answers as an object', { skip }, () => {
  const text = fixture('json-answers.md');
  assert.deepEqual(Object.fromEntries(grade(text)), { '1.a': 'correct', '1.b': 'correct', '2.b': 'correct', '2.d': 'correct', '3.d.ii': 'correct', '4.c': 'correct', '4.f': 'partial' });
  // Near miss: a code block of data whose keys are no part ids is left as it is.
  const data = '```json\n{"lr": 0.1, "batch": 32}\n```';
  assert.equal(jsonAnswerLines(data), data);
  // Near miss: a transposed matrix in the object is wrong.
  assert.equal(grade(text.replace('[[-19, -32, -29], [-30, -40, -30], [49, 72, 59]]', '[[-19, -30, 49], [-32, -40, 72], [-29, -30, 59]]')).get('3.d.ii'), 'incorrect');
});

test("a question pasted with all its parts in one line and no number: its words name the question, the reply's labels the parts", { skip }, () => {
  const text = fixture('unicode-math.md');
  const v = grade(text);
  assert.equal(v.get('1.a'), 'correct');
  assert.equal(v.get('1.b'), 'correct');
  // Near miss: a prompt whose words name no question gives its reply's labels no question.
  const vague = text.replace(/^User: Newton–Schulz question:.*$/m, 'User: can you help me with these two?');
  assert.equal(grade(vague).get('1.a'), undefined);
});

test('questions sent as pictures ("[image]", "solve this") with no number anywhere: each reply placed by its own words, a two-part reply by its bold section titles', { skip }, () => {
  const text = fixture('screenshots.md');
  assert.deepEqual(Object.fromEntries(grade(text)), { '1.a': 'correct', '1.b': 'correct', '3.c': 'correct', '4.f': 'correct', '7.b': 'correct' });
  // Near miss: a wrong g3 under the same words is graded wrong, not placed elsewhere.
  assert.equal(
    grade(text.replace('\\mathbf{g}_3 = \\mathbf{g}_2 = \\begin{bmatrix} 0 \\\\ 0.8 \\\\ 0 \\end{bmatrix}', '\\mathbf{g}_3 = \\begin{bmatrix} 0 \\\\ 0 \\\\ 0.8 \\end{bmatrix}')).get('4.f'),
    'partial',
  );
  // Near miss: a reply to a picture whose words name nothing is not guessed at.
  const vague = 'user [image]\n\nsolve this\n\nChatGPT Sure! The answer is $42$.\n';
  assert.deepEqual(Object.fromEntries(grade(vague)), {});
});

test('"Here\'s question 4 of my homework": a numbered list answering the asked (a), (b), (c), (e) under bold titles that run into their text', { skip }, () => {
  const text = fixture('claude-numbered.md');
  assert.deepEqual(Object.fromEntries(grade(text)), { '4.a': 'correct', '4.b': 'correct', '4.c': 'correct', '4.e': 'partial' });
  // Near miss: a wrong receptive field in its item is that part's, and wrong.
  assert.equal(grade(text.replace('$$K + (L-1)(K-1) = L(K-1) + 1$$', '$$L(K-1)$$')).get('4.c'), 'incorrect');
  // Near miss: bold titles that name no asked part are no sections (the reply is placed as before).
  const vague = text.replace('**Weights, biases and output shape of the convolutional layer.**', '**First.**').replace('**Output shape of the max pooling layer.**', '**Second.**');
  assert.equal(grade(vague).get('4.a'), undefined);
});

test('a reply typed in plain Unicode math (2c·d_out²·d_in, α = √d_in, ‖ΔW‖₂ ≤ √d_out) and values set as inline code (`g3 = [0, 0.8, 0]`)', { skip }, () => {
  const text = fixture('unicode-math.md');
  const v = grade(text);
  assert.deepEqual([v.get('1.b'), v.get('2.b'), v.get('2.c'), v.get('2.e')], ['correct', 'correct', 'incorrect', 'incorrect']);
  // Near miss: the labelled result, not "which is d_out/d_in times cheaper", is the answer; a wrong one stays wrong.
  assert.equal(grade(text.replace('Updated runtime = 2c·d_out·d_in²', 'Updated runtime = 2c·d_out²·d_in')).get('1.b'), 'incorrect');
  const code = fixture('nested-lists.md');
  assert.equal(grade(code).get('4.f'), 'correct');
  // Near miss: g3 and g4 swapped in their code spans.
  assert.equal(grade(code.replace('`g3 = [0, 0.8, 0]`', '`g3 = [0.8, 0, 0]`').replace('`g4 = [0.8, 0, 0]`', '`g4 = [0, 0.8, 0]`')).get('4.f'), 'incorrect');
});

test('a layer table answered as sentences, one bullet per layer ("The first CONV3-10 ... has $... = 100$ parameters, and its activations are ...")', { skip }, () => {
  const text = fixture('prose-plugin.md');
  assert.equal(grade(text).get('4.e'), 'correct');
  // Near miss: the FC-3 count without its biases, in the sentence, is a wrong cell.
  assert.equal(grade(text.replace('$490 \\times 3 + 3 = 1473$ parameters', '$490 \\times 3 = 1470$ parameters')).get('4.e'), 'partial');
});

test('"multiply each backpropagated gradient by 1/√d_out" in plain text names the factor', { skip }, () => {
  const text = fixture('unicode-math.md');
  assert.equal(grade(text).get('2.g'), 'correct');
  // Near miss: the inverted factor after "by" is wrong.
  assert.equal(grade(text.replace('Multiply each backpropagated gradient by 1/√d_out', 'Multiply each backpropagated gradient by √d_out')).get('2.g'), 'partial');
});

test('an answer given by reference to another part ("Same formula as (a) with P = 0") goes to a person, never wrong', { skip }, () => {
  const text = fixture('out-of-order.md');
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  const problems = parseProblemSet(readFileSync(join(DEV, 'hw4-fa25.problems.md'), 'utf8'));
  const b = gradeSubmission(assignmentOf(key!, problems), readSubmission(text, 'o.md', key!, problems)).parts.find((p) => p.id === '4.b')!;
  assert.equal(b.verdict, 'needs-review');
  assert.match(b.feedback, /reference to part \(a\)/);
  // Near miss: a part that mentions another in passing and states its own wrong value stays wrong.
  assert.equal(grade(text.replace('Using the bound from (c), α = sqrt(d_out).', 'Using the bound from (c), α = sqrt(d_in).')).get('2.e'), 'incorrect');
});

test('the second blind set: a picture as a Markdown image, a one-line JSON object after the speaker, a formula then "because ... is ..."', { skip }, () => {
  assert.deepEqual(Object.fromEntries(grade(fixture('uploads-md-images.md'))), { '2.b': 'correct', '2.d': 'incorrect' });
  // Near miss: with no question under way and a screenshot whose name names no part, a reply whose words fit two questions' parts equally is not placed.
  const alone = fixture('uploads-md-images.md').split('## User').slice(2).join('## User').replace('q2d.png', 'image.png');
  assert.deepEqual(Object.fromEntries(grade(`## User${alone}`)), {});
  const json = fixture('json-inline.md');
  assert.deepEqual(Object.fromEntries(grade(json)), { '3.c': 'correct', '4.b': 'correct', '7.b': 'correct' });
  assert.equal(grade(json.replace('(n-k+1)^2 \\\\sigma_x^2', '(n-k+1) \\\\sigma_x^2')).get('7.b'), 'partial');
  const plain = fixture('plain-student.md');
  assert.deepEqual(Object.fromEntries(grade(plain)), { '2.b': 'correct', '2.c': 'correct', '2.e': 'partial', '2.g': 'correct' });
  // Near miss: a wrong rate before the explanation is the answer, and wrong.
  assert.equal(grade(plain.replace('α = √(d_out·d_in)', 'α = √d_in')).get('2.e'), 'incorrect');
});
