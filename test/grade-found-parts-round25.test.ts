import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';

// Blind round 25's parts partcredit found but graded against the TA (issue 9), by class, each in a
// document of our own, not the round's, with a near miss that must stay as it was.

test('a bound on another quantity written in the asked one (`RMS(Δy) ≤ ... = ‖ΔW‖₂/√d_out`) is working; the bound after it answers', { skip: devSkip }, () => {
  const notes = (bound: string) =>
    [
      'Problem 2',
      '',
      'c) With y = c W x the change of the output is Δy = c ΔW x, and ‖x‖₂ = √d_in.',
      'Hence RMS(Δy) = c‖ΔW x‖₂/√d_out ≤ c·√d_in·‖ΔW‖₂/√d_out = ‖ΔW‖₂/√d_out. Asking for at most 1:',
      '',
      `  ${bound}`,
      '',
    ].join('\n');
  assert.equal(gradeWithStaffKey(notes('‖ΔW‖₂ ≤ √d_out')).get('2.c'), 'correct');
  // Near miss: the same working before a wrong bound on the asked quantity stays wrong.
  assert.equal(gradeWithStaffKey(notes('‖ΔW‖₂ ≤ √(d_out/d_in)')).get('2.c'), 'incorrect');
});

test('the bound of an expression of the asked quantity (`‖c α U Vᵀ‖₂ ≤ √d_out ⇒`) gives no value of it; the value after it does', { skip: devSkip }, () => {
  const notes = (rate: string) => ['Problem 2', '', 'e) The layer sees the scaled step c ΔW, so the budget is spent on that: ‖c α U Vᵀ‖₂ ≤ √d_out ⇒', '', `  ${rate}`, ''].join('\n');
  // The disputed official rate: the key's convention, half credit.
  assert.equal(gradeWithStaffKey(notes('α = √(d_out d_in)')).get('2.e'), 'partial');
  // Near miss: a bound on the asked quantity itself still gives its value.
  assert.equal(gradeWithStaffKey(notes('α ≤ √d_out')).get('2.e'), 'correct');
});

test('a sum typed with the capital sigma and its index lowered (`Σ_{i=1}^{m}`) is read as the sum it writes', { skip: devSkip }, () => {
  const notes = (gradient: string) => ['Question 7', '', 'Part (a)', '', `gradient: ${gradient}`, '', 'update: w_{h,l} ← w_{h,l} − η dw_{h,l}', ''].join('\n');
  assert.equal(gradeWithStaffKey(notes('dw_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i+h−1, j+l−1}')).get('7.a'), 'correct');
  // Near miss: the flipped (convolution) indices, in the same notation, stay wrong.
  assert.notEqual(gradeWithStaffKey(notes('dw_{h,l} = Σ_{i=1}^{m} Σ_{j=1}^{m} dy_{i,j} x_{i−h+1, j−l+1}')).get('7.a'), 'correct');
});
