import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { drawnMathAsText } from '../src/documents/drawn-math.js';
import { ruledLabelsApart } from '../src/documents/ruled-labels.js';

// Blind round 29: a write-up typed in vim heads its parts with rules that end on the label
// (`------ Q4 (a)`) and draws its formulas in two dimensions (scripts on the lines above and below,
// fractions over dashes, floors as `| |_`, sums as `===`, `\`, `>`, `/`): nothing was found. In
// documents of our own (a Maxima-style display, rules of `=`), with near misses.

/** Question 7 typed in a plain-text editor: a sum as Maxima draws it, scripts set by column. */
const maxima = [
  '=============================================== Problem 7(a)',
  '',
  'Chain rule through Y = X * W (valid, no flip). The display:',
  '',
  '                   m     m',
  '                  ====  ====',
  '                  \\     \\',
  '        dw      =  >     >    dy      x',
  '          h, l    /     /       i, j   i + h - 1, j + l - 1',
  '                  ====  ====',
  '                  i = 1 j = 1',
  '',
  'and the step with learning rate eta:',
  '',
  '         new',
  '        w      =  w      -  eta dw',
  '         h, l      h, l           h, l',
  '',
  '=============================================== Problem 7(b)',
  '',
  'Both factors have mean zero, so the mean is 0. The m^2 = (n-k+1)^2 terms are uncorrelated:',
  '',
  '                                   2      2      2',
  '        Var(dw    )  =  (n - k + 1)  sigma  sigma',
  '              h, l                        x      g',
  '',
  'so the standard deviation grows like O(n), linearly.',
  '',
].join('\n');

test('part labels at the end of rule lines head their parts; formulas drawn in two dimensions are read by where their characters stand', { skip: devSkip }, () => {
  const read = readWithStaffKey(maxima, 'notes.txt');
  assert.deepEqual(
    read.responses.map((r) => r.partId),
    ['7.a', '7.b'],
  );
  const g = gradeWithStaffKey(maxima, 'notes.txt');
  assert.deepEqual([g.get('7.a'), g.get('7.b')], ['correct', 'correct']);
  // The same write-up with a wrong variance drawn (n - k for n - k + 1): read, and given the key's partial credit.
  const wrong = maxima.replace('(n - k + 1)  sigma', '(n - k)      sigma');
  assert.equal(gradeWithStaffKey(wrong, 'notes.txt').get('7.b'), 'partial');
});

test('a rule with a label beside it, at its start, end or middle, is the label; two are needed, and words that are no label stay', () => {
  const two = ['----------- Q4 (a)', 'x', '==== 4(b) ====', 'y'].join('\n');
  assert.equal(ruledLabelsApart(two), ['Q4 (a)', 'x', '4(b)', 'y'].join('\n'));
  assert.equal(ruledLabelsApart(['Problem 2(c) ----------', 'x', '---------- Problem 2(d)'].join('\n')), ['Problem 2(c)', 'x', 'Problem 2(d)'].join('\n'));
  // (One alone may be a drawing or a remark; a rule beside words that name no part is a rule.)
  assert.equal(ruledLabelsApart('----------- Q4 (a)\nx'), '----------- Q4 (a)\nx');
  const notes = ['---------- end of my notes', 'x', '---------- see you friday'].join('\n');
  assert.equal(ruledLabelsApart(notes), notes);
});

test('drawn formulas: scripts, fractions, floors and tall brackets, sums with limits wider than their sign', () => {
  // (Each read paragraph keeps its count of lines: blank ones after the formula's.)
  assert.equal(drawnMathAsText(['a     + b', ' i,j     k', ''].join('\n')), ['a_{i,j} + b_{k}', '', ''].join('\n'));
  assert.equal(drawnMathAsText(['      /  | H - F |     \\', '  n = |  | ----- | + 1 |', '      \\  |_  T  _|     /'].join('\n')), ['  n = ( floor( (H - F)/(T) ) + 1 )', '', ''].join('\n'));
  // A superscript typed a column late, over the bracket it follows; a numerator typed off its bar.
  assert.equal(drawnMathAsText(['         2', '    E[u ]  = 1'].join('\n')), ['    E[u ]^{2} = 1', ''].join('\n'));
  assert.equal(drawnMathAsText(['    d f', ' g =     ----', '         d t'].join('\n')), [' g = (d f)/(d t)', '', ''].join('\n'));
  assert.equal(drawnMathAsText(['     n', '    ===', '    \\', ' s = >   a', '    /     k', '    ===', '   k = 0'].join('\n')), [' s = sum_{k = 0}^{n} a_{k}', '', '', '', '', '', ''].join('\n'));
});

test('the lines after a drawn formula keep their numbers (a report points at them); code and display math are not read as drawings', () => {
  const text = ['Q7 (b)', '', '         2   2', '    E[dy ] E[x ] = 1', '', 'Q4 (a)', '', 'weights K^2 C F'].join('\n');
  const read = drawnMathAsText(text).split('\n');
  assert.equal(read.length, text.split('\n').length);
  assert.equal(read[3 - 1], '    E[dy ]^{2} E[x^{2} ] = 1');
  assert.equal(read.indexOf('Q4 (a)'), 5);
  // Near misses: the same drawing inside a code block or a display is left as it is.
  for (const [open, close] of [
    ['```', '```'],
    ['$$', '$$'],
  ]) {
    const kept = [open, '         2', '    E[dy ] = 1', close, ''].join('\n');
    assert.equal(drawnMathAsText(kept), kept, open);
  }
});

test('near misses: prose and lists with indented lines, a drawn matrix, scripts that follow no word end stay as they are', () => {
  const kept = [
    ['- a', '  x = 2'],
    ['Answer: 42', '  (b) 17'],
    ['The answer is x', '   = 5'],
    // (A list item's line wrapped under its text: the rest of the line, not an index of the word above it.)
    ['   - n >= 7: y[n] = 127 \\cdot', '     2^{-n}'],
    ['    [ 1  2 ]', 'A = [      ]', '    [ 3  4 ]'],
    ['Some prose that runs on', 'and on over two lines.'],
    ['| a | b |', '|   | c |'],
  ];
  for (const lines of kept) assert.equal(drawnMathAsText(`${lines.join('\n')}\n`), `${lines.join('\n')}\n`, lines.join(' / '));
});
