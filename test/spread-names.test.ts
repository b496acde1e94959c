import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';

// Blind round 39: a part asking for a mean, a variance and a growth rate, answered on three lines whose
// variance line is awkward to read (`Var(dw) = Σ over m² terms of ... = (n − k + 1)² σ_x² σ_g²`), had
// the next line's `std = (n − k + 1) σ_x σ_g` taken as the variance. A value named as a standard
// deviation (`std`, `sd`, `σ_dW`, `standard deviation`) is its square root and answers no other named
// quantity. In documents of our own, with a variance stated wrongly (as the root) that stays wrong.

const graded = (file: string) => gradedFixtureFile('spread-names', file);

test('a standard deviation stated after the variance is never read as the variance', { skip: devSkip }, async () => {
  for (const file of ['discord-study-group.txt', 'onenote-page.txt']) {
    assert.match((await graded(file))['7.b'] ?? '', /^correct: mean: 0; variance: \(n - k \+ 1\)\^2 sigma_x\^2 sigma_g\^2;/, file);
  }
});

test('near miss: a variance stated as the root stays wrong', { skip: devSkip }, async () => {
  assert.match((await graded('variance-as-root.txt'))['7.b'] ?? '', /^partial: mean: 0; variance: \(n - k \+ 1\) sigma_x sigma_g;/);
});
