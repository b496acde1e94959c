import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devSkip, gradeWithStaffKey, ROOT } from './hw4-dev.js';
import { withoutRenderedCopies } from '../src/documents/rendered-copies.js';

// A formula copied from a page rendered by KaTeX or MathJax comes out two or three times, glued:
// the MathML's letters, the LaTeX source, the drawn glyphs (a zero-width space after each script).
// Each run is read once, from its source; the copies are known by spelling the same letters.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'rendered-copies', name), 'utf8');
const verdicts = (name: string) => [...gradeWithStaffKey(fixture(name), name)].map(([id, v]) => `${id} ${v}`);
const Z = '\u200b';

test('three copies of each formula (letters, LaTeX, glyphs with zero-width spaces) are read once, from the LaTeX', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('shared-page-three-copies.txt'), ['2.b correct', '2.c correct', '2.d incorrect', '2.e correct', '4.c correct']);
  // A rendered fraction draws its denominator first: the glyphs spell the same letters in another order.
  assert.equal(withoutRenderedCopies(`so c=1dinc = \\frac{1}{\\sqrt{d_{in}}}c=din${Z}${Z}1${Z}.`), 'so $c = \\frac{1}{\\sqrt{d_{in}}}$.');
  // In a page with KaTeX's marks, a formula typed without any command is copied three times too.
  assert.equal(withoutRenderedCopies(`x${Z}\nr=L(K−1)+1r = L(K-1) + 1r=L(K−1)+1`), `x${Z}\n$r = L(K-1) + 1$`);
});

test('two copies: the LaTeX then its glyphs, or the letters then the glyphs (no LaTeX copied), are read once', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('tutor-source-then-glyphs.txt'), ['1.a correct', '1.b correct']);
  assert.equal(withoutRenderedCopies(`rate α=1doutα=dout${Z}${Z}1${Z} here`), 'rate α=1dout here');
  // Brackets around the copies are the sentence's.
  assert.equal(withoutRenderedCopies(`(∥x∥2=1\\|x\\|_2 = 1∥x∥2${Z}=1).`), '($\\|x\\|_2 = 1$).');
});

test('near misses: a formula written twice in words, LaTeX beside another formula, stray zero-width spaces, dollars, stay as written', { skip: devSkip }, () => {
  assert.deepEqual(verdicts('own-latex-near-misses.txt'), ['1.a correct', '1.b correct', '2.b correct', '2.d incorrect']);
  const kept = [
    'Again: T = 2c d_out^2 d_in, so T = 2c d_out^2 d_in',
    'x = 2, so x = 2',
    // A product of a letter with its transpose is no copy of it.
    'the iteration forms WW^\\top W and W^{\\top}W',
    // Glued, but not the same formula: the letters differ.
    'so a=b+1a = b - 1 here',
    'n=5n = 6',
    `zero-width${Z} spaces in prose, and α = 1/d_in${Z}`,
    '$\\mathrm{Var}(y_i) = c^2 d_{in}$ must be $1$, so $c^2 = 1/d_{in}$, $c = d_{in}^{-1/2}$, and the scale is $c = 1/\\sqrt{d_{in}}$.',
  ];
  for (const line of kept) assert.equal(withoutRenderedCopies(line), line);
  // Beside them, a real run of copies is still read once.
  assert.equal(withoutRenderedCopies('cost dout2dind_{out}^2 d_{in}, then'), 'cost $d_{out}^2 d_{in}$, then');
  assert.equal(withoutRenderedCopies('so WW⊤WW^\\topWW⊤ and WW^\\top W'), 'so $WW^\\top$ and WW^\\top W');
});
