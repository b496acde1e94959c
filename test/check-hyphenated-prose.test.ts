import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerCandidates } from '../src/check/extract.js';

// Words of prose joined by a hyphen in a remark after a formula (issue 9, round 37: a sheet's answer cell
// `2*c*d_out*d_in^2 (speed-up d_out/d_in)`, read as `... (s·p·e·e·d − u·p ...)`): the remark is no part of the
// formula. Near misses: differences of letters, which a hyphen writes as a minus, stay formulas.

const first = (line: string) => answerCandidates(line)[0]?.text;

test('a remark in brackets with a hyphenated word of prose is no part of the formula before it', () => {
  assert.equal(first('T = 2 c d_out d_in^2 (speed-up d_out/d_in)'), 'T = 2 c d_out d_in^2');
  assert.equal(first('dW = alpha U V^T (rank-one d_out x d_in)'), 'dW = alpha U V^T');
  assert.equal(first('dX = dY/4 (row-wise sum)'), 'dX = dY/4');
});

test('near misses: letters joined by a hyphen are a difference', () => {
  assert.equal(first('y = ab-cd'), 'y = ab-cd');
  assert.equal(first('L = d-k+1'), 'L = d-k+1');
  assert.equal(first('r = (n-k+1)^2 s'), 'r = (n-k+1)^2 s');
});
