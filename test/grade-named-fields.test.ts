import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';

// Grading a found answer as a TA does (blind rounds 30 and 31): an answer of several named fields
// gives each field the value next to its own name, however the line writes the names (a count's
// words before it, inline code after it); an order of growth where the exact cost is asked earns
// the key's partial when its growth is right; a formula stated under a condition keeps it. Each in
// documents of our own, with near misses that must stay as they are.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'named-fields');

/** Each answered part of a fixture: its verdict and what was read, by part id. */
function graded(file: string): Map<string, { verdict: string; answer: string }> {
  const parts = gradedPartsWithStaffKey(readFileSync(join(FIXTURES, file), 'utf8'), file);
  return new Map(parts.filter((p) => p.verdict !== 'missing').map((p) => [p.id, { verdict: p.verdict, answer: p.answer }]));
}

test('a label that counts its field (`Number of weights:`, `Total biases:`) in a quoted summary names that field', { skip: devSkip }, () => {
  // Before, `Number of biases` named no field, and every field took the first formula of the quote.
  const notes = graded('obsidian-lab-notes.md');
  assert.equal(notes.get('4.a')?.verdict, 'correct');
  assert.match(notes.get('4.a')!.answer, /^weights: K K C F; biases: F; output_shape: /);
  assert.equal(notes.get('4.b')?.verdict, 'correct');
});

test('fields each followed by their value in inline code (`weights `K*K*C*F`, biases `F``) take their own values', { skip: devSkip }, () => {
  const chat = graded('copilot-chat-terse.md');
  assert.deepEqual(chat.get('4.a'), {
    verdict: 'correct',
    answer: 'weights: K K C F; biases: F; output_shape: (⌊(W - K + 2 P)/S⌋ + 1) × (⌊(H - K + 2 P)/S⌋ + 1) × F',
  });
  assert.equal(chat.get('7.b')?.verdict, 'correct');
  assert.match(chat.get('7.b')!.answer, /^mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2; /);
});

test('near misses: a field that is wrong stays wrong, and a label naming two fields at once names neither', { skip: devSkip }, () => {
  const draft = graded('near-miss-fields.md');
  assert.equal(draft.get('4.a')?.verdict, 'partial');
  assert.match(draft.get('4.a')!.answer, /^weights: K\^2 C; biases: F; output_shape: /);
  assert.equal(draft.get('7.b')?.verdict, 'partial');
  assert.match(draft.get('7.b')!.answer, /^mean: 0; variance: \(n - k \+ 1\) sigma_x\^2 sigma_g\^2; /);
  // `Number of weights and biases: K²CF + F`: one value for two fields is neither's own.
  const shared = graded('near-miss-shared-count.md');
  assert.equal(shared.get('4.a')?.verdict, 'partial');
  assert.doesNotMatch(shared.get('4.a')!.answer, /weights: K\^2 C F/);
});

test("an order of growth typed with Θ earns the key's partial when its growth is right, and stays incorrect when it is not", { skip: devSkip }, () => {
  const notes = graded('tutor-notes-growth.md');
  assert.deepEqual(notes.get('1.a'), { verdict: 'partial', answer: 'Theta(d_out^2 d_in)' });
  assert.deepEqual(notes.get('1.b'), { verdict: 'incorrect', answer: 'Theta(d_out^3)' });
});

test('a factor in bold followed by a bracketed remark (`**1/√d_out** (at every layer)`) is the factor, not the remark', { skip: devSkip }, () => {
  const notes = graded('tutor-notes-growth.md');
  assert.equal(notes.get('2.g')?.verdict, 'correct');
  assert.match(notes.get('2.g')!.answer, /factor: 1\/sqrt\(d_out\)$/);
});

test("a summary's cell that states its formula and then how it was found, and a branch with its `$$` condition, are graded as the key's rubric says", { skip: devSkip }, () => {
  const table = graded('summary-table-cells.md');
  // Big-O with the right growth: the key's partial; with the wrong growth: incorrect.
  assert.deepEqual(table.get('1.a'), { verdict: 'partial', answer: 'O(d_out^2 d_in)' });
  assert.deepEqual(table.get('1.b'), { verdict: 'incorrect', answer: 'O(d_out d_in^3)' });
  // 2 - 2^{-n} for n ≥ 0 only (the rect's end ignored): the key's partial, not a formula that is nonzero before 0.
  assert.deepEqual(table.get('3.a'), { verdict: 'partial', answer: '{ 2 - 2^(-n) if n ≥ 0 }' });
});

test('an ellipsis for indices left out (`E[x_{…}]`) stays inside its formula, so the field takes the chain’s last side', { skip: devSkip }, () => {
  // Before, the formula ended at the ellipsis and the mean took a stray number of the paragraph.
  const file = 'notebooklm-elided-indices.md';
  const notes = graded(file);
  assert.equal(notes.get('7.b')?.verdict, 'correct');
  assert.match(notes.get('7.b')!.answer, /^mean: 0; /);
  // Near miss: a mean that is genuinely wrong at the chain's end stays wrong.
  const text = readFileSync(join(FIXTURES, file), 'utf8').replace('E[x_{…}] = 0.', 'E[x_{…}] = m² σ_x σ_g.');
  const wrong = gradedPartsWithStaffKey(text, file).find((p) => p.id === '7.b')!;
  assert.equal(wrong.verdict, 'partial');
  assert.match(wrong.answer, /^mean: m\^2 sigma_x sigma_g; /);
});
