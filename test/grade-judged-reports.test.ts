import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { alignedRows } from '../src/documents/aligned-rows.js';

// Reports on a model whose parts were found but read wrong (blind round 28, issue 9): a person
// quotes the model's answers in plain text and judges each with a tick or a cross. Each class in a
// document of our own (other apps, other media), with a near miss that must stay as it was.

test('a quotation mark closing a quoted plain-text answer (`"... 1 + L(K − 1)."`, `«... dw_{h,l}.»`) ends no formula early', { skip: devSkip }, () => {
  const report = (c: string) =>
    [
      'Le Chat (Mistral Large 2) on HW4 — notes for the participation post',
      'Sam Ortiz',
      '',
      'Q4(c) receptive field',
      `Le Chat wrote: "Every extra stride-1 layer widens the field by K − 1, so after L layers it is ${c}."`,
      'My grade: full marks.',
      '',
      'Q7(a) weight gradient and one SGD step',
      'Le Chat wrote: «The gradient is dw_{h,l} = ∂L/∂w_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i+h−1, j+l−1}, i.e. a valid correlation. The step is w_{h,l} ← w_{h,l} − η dw_{h,l}.»',
      'My grade: full marks.',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(report('1 + L(K − 1)'));
  assert.deepEqual([right.get('4.c'), right.get('7.a')], ['correct', 'correct']);
  // Near miss: a wrong count quoted the same way is read whole, and wrong (not unreadable).
  assert.equal(gradeWithStaffKey(report('1 + L(K − 2)')).get('4.c'), 'incorrect');
});

test("a tick or a cross after an answer closes it: the person's remark, quote or correction after the mark is none of it", { skip: devSkip }, () => {
  const outline = [
    'Gemini 2.5 Pro vs. HW4',
    'Keynote outline export — Priya N.',
    '',
    'Q1 Newton–Schulz cost',
    '\t(a) 2c·d_out²·d_in ✓ (two GEMMs)',
    '\t(b) 2c·d_out·d_in² ✓ — faster by d_out/d_in, as the staff note says',
    '',
    'Q2',
    '\t(c) ‖ΔW‖₂ ≤ √d_in ✗ should be ‖ΔW‖₂ ≤ √d_out',
    '\t(d) α = 1/√d_in ✓ ("sign(G) has spectral norm √(d_in d_out)")',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(outline);
  assert.deepEqual([g.get('1.a'), g.get('1.b'), g.get('2.d')], ['correct', 'correct', 'correct']);
  // Near miss: the model's answer the person crossed out stays wrong, whatever the right one after the cross says.
  assert.equal(g.get('2.c'), 'incorrect');
});

test('cases listed in plain text, each value with its condition in brackets (`2 − (½)ⁿ (0 ≤ n ≤ 6)`), are one piecewise answer', { skip: devSkip }, () => {
  const note = (y: string) => ['HW4 3(a) — what Copilot said (copied from my phone)', '', '3(a)', `Copilot: y(n) = ${y}`, 'looks right to me', ''].join('\n');
  assert.equal(gradeWithStaffKey(note('0 (n < 0), 2 − (½)ⁿ (0 ≤ n ≤ 6), 127·2⁻ⁿ (n ≥ 7)')).get('3.a'), 'correct');
  // The decay left out is the key's half-credit answer, read as the same list.
  assert.equal(gradeWithStaffKey(note('2 − 2⁻ⁿ (n ≥ 0), 0 (n < 0)   ✓')).get('3.a'), 'partial');
  // Near miss: brackets of words are no conditions, and make no cases.
  assert.notEqual(gradeWithStaffKey(note('2 − 2⁻ⁿ (rising), 0 (before the rect)')).get('3.a'), 'correct');
});

test("a report's summary table laid out with spaces (`1b     2c·d_out·d_in²     correct`) gives each part its row, and ends its last part", { skip: devSkip }, () => {
  const report = [
    'Grok 4 on EECS 182 HW4 (Google Docs, downloaded as plain text)',
    'Ana Petrović',
    '',
    'Question 1(a)',
    'Grok: "Two products, WWᵀ and then (3I − WWᵀ)W, each c·d_out²·d_in; per iteration 2c·d_out²·d_in."',
    'Correct.',
    '',
    'Question 4(c)',
    'Grok: "Each stride-1 layer adds K − 1, so after L layers the field is L(K − 1) + 1."',
    'Correct.',
    '',
    'Summary',
    "Q      Grok's final answer         Verdict",
    '1a     2c·d_out²·d_in              correct',
    '1b     2c·d_out·d_in²              correct',
    '4c     L(K − 1) + 1                correct',
    '',
    'Score: 3 / 3',
    '',
  ].join('\n');
  const g = gradeWithStaffKey(report);
  // 1(b) is only in the table; the score after the table is no answer of 4(c).
  assert.deepEqual([g.get('1.a'), g.get('1.b'), g.get('4.c')], ['correct', 'correct', 'correct']);
});

test('a space-aligned table of parts is one by its header or its column of marks; labels over working in a column are none', () => {
  const table = ['  Part    Answer            Mine', '  ----    --------------    ----', '  1a      2c·d_out²·d_in    ✔', '  2(c)    √d_out            ✔', '', 'Score: 2 / 2'];
  assert.deepEqual(
    [...alignedRows(table)].map(([at, r]) => `${at} ${r.label.question}.${r.label.part} ${r.text}`),
    ['2 1.a 2c·d_out²·d_in', '3 2.c √d_out'],
  );
  // With no header, a column of marks makes the rows a table.
  assert.equal(alignedRows(['1a     2c·d_out²·d_in     ✓', '1b     2c·d_out·d_in²     ✗']).size, 2);
  // Near misses: a scan's labels with working under them, and labels whose answers start in no one column.
  const scan = [' (a)  W is dout x din.   p(W) = 1/2 (3I - WWT) W', '      runtime per iteration  =  2 dout² din', ' (b)  use W(3I - WTW):  2c dout din²', '      faster by dout/din'];
  assert.equal(alignedRows(scan).size, 0);
  assert.equal(alignedRows(['Part  Answer', '1a  2c·d_out²·d_in', '1b     2c·d_out·d_in²']).size, 0);
});

test("quotes of the model's answers before the lines that judge them go with the line after them, not the label above", { skip: devSkip }, () => {
  const deck = (order: 'quote first' | 'judge first') => {
    const a = ['Le Chat: «Each of W·Wᵀ and (3I − W·Wᵀ)·W is a d_out × d_in × d_out product. Per iteration,', 'T = 2c·d_out²·d_in»'];
    const b = ['Le Chat: «Regroup as W(3I − WᵀW)/2, so that the Gram matrix is only d_in × d_in. Then', 'T = 2c·d_out·d_in²»'];
    const judged = { a: '(a) 2c·d_out²·d_in ✓', b: '(b) 2c·d_out·d_in² ✓ (d_out/d_in times faster)' };
    const body = order === 'quote first' ? [...a, judged.a, ...b, judged.b] : [judged.a, ...a, judged.b, ...b];
    return ['Le Chat on HW4, question 1 (PowerPoint, saved as outline text)', '', 'Newton–Schulz — what Le Chat answered, and my mark', ...body, ''].join('\n');
  };
  const g = gradeWithStaffKey(deck('quote first'));
  assert.deepEqual([g.get('1.a'), g.get('1.b')], ['correct', 'correct']);
  const first = readWithStaffKey(deck('quote first')).responses.find((r) => r.partId === '1.a')!.final.text;
  assert.ok(first.includes('d_out × d_in × d_out') && !first.includes('Regroup'), first);
  // Near miss: a deck that judges first and quotes after keeps each quote under the line above it.
  const after = readWithStaffKey(deck('judge first')).responses.find((r) => r.partId === '1.a')!.final.text;
  assert.ok(after.includes('d_out × d_in × d_out') && !after.includes('Regroup'), after);
  const h = gradeWithStaffKey(deck('judge first'));
  assert.deepEqual([h.get('1.a'), h.get('1.b')], ['correct', 'correct']);
});
