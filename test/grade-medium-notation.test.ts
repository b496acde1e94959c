import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';
import { mathSpansAsText } from '../src/documents/math-spans.js';
import { starMathAsLatex } from '../src/documents/starmath.js';
import { asciiMathAsLatex } from '../src/documents/asciimath.js';
import { asciiDocAsMarkdown } from '../src/documents/asciidoc.js';
import { flattenedSubscriptsAsScripts } from '../src/documents/flattened-subscripts.js';
import { mediaWikiAsMarkdown } from '../src/documents/mediawiki.js';
import { staffKey } from './hw4-dev.js';

// Mathematics written in the notation of the medium a document came from (issue 9, round 26's
// AsciiDoc report, LibreOffice Math between guillemets, handwriting converted to text), by class,
// each in documents of our own in other media of the same class, with near misses that stay as they were.

test("lightweight markups' math roles and blocks (reStructuredText `:math:` and `.. math::`) are read as the formulas they mark", { skip: devSkip }, () => {
  const report = (bound: string, variance: string) =>
    [
      '=====================================',
      'HW4 notes - checked against Claude',
      '=====================================',
      '',
      ':Author: P. Nakamura',
      '',
      'Problem 1',
      '=========',
      '',
      '(a) Forming :math:`WW^\\top` costs :math:`c\\,d_{out}^2 d_{in}` and multiplying by :math:`W` costs the same, so one',
      'iteration costs :math:`2c\\,d_{out}^2 d_{in}`.',
      '',
      'Problem 2',
      '=========',
      '',
      '(b) Each output has variance :math:`c^2 d_{in}`, so',
      '',
      '.. math::',
      '',
      '   c = \\frac{1}{\\sqrt{d_{in}}}',
      '',
      `(c) The spectral norm bound is :math:\`${bound}\`.`,
      '',
      'See the `Muon post <https://kellerjordan.github.io/posts/muon/>`_ and :ref:`appendix` for the derivation.',
      '',
      'Problem 7',
      '=========',
      '',
      `(b) The mean is :math:\`0\`, the variance :math:\`${variance}\`, so the standard deviation grows`,
      'linearly, :math:`\\Theta(n)`.',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(report('\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}', '(n-k+1)^2\\sigma_x^2\\sigma_g^2'), 'notes.rst');
  assert.deepEqual([right.get('1.a'), right.get('2.b'), right.get('2.c'), right.get('7.b')], ['correct', 'correct', 'correct', 'correct']);
  // Near misses: the same roles around wrong formulas stay wrong; a link and a cross-reference are no math.
  const wrong = gradeWithStaffKey(report('\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}/d_{in}}', '(n-k+1)\\sigma_x^2\\sigma_g^2'), 'notes.rst');
  assert.deepEqual([wrong.get('2.c'), wrong.get('7.b')], ['incorrect', 'partial']);
  const prose = 'See the `Muon post <https://kellerjordan.github.io/posts/muon/>`_ and :ref:`appendix`.';
  assert.equal(mathSpansAsText(prose), prose);
});

test("AsciiDoc's math macros in either notation (`asciimath:[...]`, `latexmath:[...]`, `stem:` by the document's attribute) and its section titles are read", { skip: devSkip }, () => {
  const notes = (bound: string) =>
    [
      '= HW 4 written answers',
      'Priya Raman',
      ':stem:',
      '',
      '== Problem 2',
      '',
      '(b):: Each output has variance stem:[c^2 d_(in)], so stem:[c = 1/sqrt(d_(in))].',
      `(c):: stem:[${bound}], see link:https://kellerjordan.github.io/posts/muon/[the Muon post].`,
      '',
      '== Problem 7',
      '',
      '=== (a)',
      '',
      '[asciimath]',
      '++++',
      'dw_(h,l) = sum_(i=1)^m sum_(j=1)^m dy_(i,j) x_(i+h-1,j+l-1)',
      '++++',
      '',
      'After one SGD step the weight is latexmath:[w_{h,l} - \\eta\\, dw_{h,l}].',
      '',
      '=== (b)',
      '',
      'The mean is stem:[0] and the variance stem:[(n-k+1)^2 sigma_x^2 sigma_g^2], so the standard deviation grows like stem:[O(n)].',
      '',
      'image::fig/variance.png[Variance against n]',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(notes('||Delta W||_2 <= sqrt(d_(out))'), 'hw4.adoc');
  assert.deepEqual(
    ['2.b', '2.c', '7.a', '7.b'].map((p) => right.get(p)),
    ['correct', 'correct', 'correct', 'correct'],
  );
  // Near miss: a wrong bound in the same macro stays wrong; link and image macros are left as they are.
  assert.equal(gradeWithStaffKey(notes('||Delta W||_2 <= sqrt(d_(out)/d_(in))'), 'hw4.adoc').get('2.c'), 'incorrect');
  for (const line of ['see link:https://example.org/a[the post] and image:fig.png[a figure]', 'xref:appendix[Appendix A]']) assert.equal(mathSpansAsText(line), line);
  assert.equal(asciiMathAsLatex('||Delta W||_2 <= sqrt(d_(out))'), '\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}');
  // A Markdown text with a setext `===` title and a `----` rule is no AsciiDoc.
  const markdown = 'Answers\n=======\n\n== not a title\n\n----\n\n== nor this\n\n*emphasis* stays';
  assert.equal(asciiDocAsMarkdown(markdown), markdown);
});

test("a wiki page's source (`== Problem 2 ==` titles, `'''bold'''`, `<math>` spans) is read as its sections and formulas", { skip: devSkip }, () => {
  const page = (bound: string) =>
    [
      "'''HW4 - my answers''' (kept on our study group's wiki)",
      '',
      '== Problem 2 ==',
      '',
      '=== (b) ===',
      'Each output has variance <math>c^2 d_{in}</math>, so <math>c = \\frac{1}{\\sqrt{d_{in}}}</math>.',
      '',
      '=== (c) ===',
      `<math>${bound}</math>, see [https://kellerjordan.github.io/posts/muon/ the Muon post].`,
      '',
      '== Problem 7 ==',
      '',
      '=== (b) ===',
      'The mean is <math>0</math>; the variance is <math>(n-k+1)^2\\sigma_x^2\\sigma_g^2</math>; the spread grows linearly.',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(page('\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}}'), 'wiki.txt');
  assert.deepEqual([right.get('2.b'), right.get('2.c'), right.get('7.b')], ['correct', 'correct', 'correct']);
  // Near misses: a wrong bound stays wrong; setext underlines, a lone framed line and `==` in code are no titles.
  assert.equal(gradeWithStaffKey(page('\\|\\Delta W\\|_2 \\le \\sqrt{d_{out}/d_{in}}'), 'wiki.txt').get('2.c'), 'incorrect');
  // A log's framed separators are its turns, not a page's sections, though they frame their words the same way.
  const log = '=== prompt [3a] ===\nQuestion: (a) ...\n\n=== response (o4-mini) ===\nX = [[x11, x12], [x21, x22]]\n\n=== prompt [3b] ===\n';
  for (const text of ['Answers\n=======\n\ntext', "== banner ==\n\n'''plain''' text", 'if a == b:\n    x = 1\n== not ==\n=====', log]) assert.equal(mediaWikiAsMarkdown(text), text);
});

test("a formula editor's linear notation quoted in an export (LibreOffice Math between « »: `over`, `sqrt{}`, `%sigma`, `sum from{} to{}`, `matrix{}`) is read; prose in guillemets is not", {
  skip: devSkip,
}, () => {
  const export_ = (c: string, matrix: string) =>
    [
      'HW4 - written part (typed in LibreOffice Writer; the text export keeps each formula as its LibreOffice Math source between « »)',
      '',
      'Q2',
      `(b) «Var(y_i) = c^2 d_{in}» so ${c}.`,
      '(c) «lline %DELTA W rline_2 <= sqrt{d_{out}}»',
      '',
      'Q3',
      `(c) «y = left[ matrix{ ${matrix} } right]»`,
      '',
      'Q7',
      '(a) «dw_{h,l} = sum from{i=1} to{m} sum from{j=1} to{m} dy_{i,j} cdot x_{i+h-1, j+l-1}»',
      'one step of SGD: «w_{h,l} leftarrow w_{h,l} - %eta cdot dw_{h,l}»',
      '(b) mean «0», variance «(n-k+1)^2 %sigma_x^2 %sigma_g^2», so the spread grows «O(n)»',
      '',
    ].join('\n');
  const right = gradeWithStaffKey(export_('«c = 1 over sqrt{d_{in}}»', '-40 # -40 # -40 ## -40 # -40 # -40 ## -40 # -40 # -40'), 'hw4.txt');
  assert.deepEqual(
    ['2.b', '2.c', '3.c', '7.a', '7.b'].map((p) => right.get(p)),
    ['correct', 'correct', 'correct', 'correct', 'correct'],
  );
  // Near misses: wrong formulas in the same notation stay wrong.
  const wrong = gradeWithStaffKey(export_('«c = 1 over d_{in}»', '-40 # -40 # -40 ## -40 # -40 # -40 ## -40 # -40 # 40'), 'hw4.txt');
  assert.deepEqual([wrong.get('2.b'), wrong.get('3.c')], ['incorrect', 'incorrect']);
  assert.equal(starMathAsLatex('left( lfloor {W - K + 2P} over S rfloor + 1 right) times F'), '\\left( \\lfloor \\frac{{W - K + 2 P}}{S} \\rfloor + 1 \\right) \\times F');
  // The same notation pasted into Markdown as code spans or between curly quotes.
  const slides = (c: string) =>
    [
      '# HW4 - answers from my Impress slides (formulas pasted as their LibreOffice Math source)',
      '',
      '## Q2',
      '',
      `**(b)** \`${c}\``,
      '',
      '**(d)** “%alpha = 1 over sqrt{d_{in}}”',
      '',
      '## Q7',
      '',
      '**(b)** mean: 0; variance: `(n-k+1)^2 %sigma_x^2 %sigma_g^2`; growth: linear.',
      '',
    ].join('\n');
  const pasted = gradeWithStaffKey(slides('c = 1 over sqrt{d_{in}}'), 'slides.md');
  assert.deepEqual([pasted.get('2.b'), pasted.get('2.d'), pasted.get('7.b')], ['correct', 'correct', 'correct']);
  assert.equal(gradeWithStaffKey(slides('c = sqrt{2 over d_{in}}'), 'slides.md').get('2.b'), 'incorrect');
  // Code that is a program's (`np.sqrt(...)`, `times = 3`, `%d`) and curly quotes around words stay as they are.
  for (const line of ['Checked with `np.sqrt(1/d_in)`, `times = 3` and `print("%d" % n)`.', 'He said “the mean is over there” and ‹ceci›.']) {
    assert.equal(mathSpansAsText(line), line);
  }
  // Words between guillemets (a French quote, a term, a part's label) are no formula.
  for (const line of ['Il a répondu « je ne sais pas » puis «peut-être».', 'the «standard» answer from the literature', '«2b» see above', 'Mistral calls it «the Muon scaling»']) {
    assert.equal(mathSpansAsText(line), line);
  }
});

test('subscripts written on the line as separate words (`dw h,l`, `x i+h-1, j+l-1`) are the entries of the names the key indexes', { skip: devSkip }, () => {
  const pages = (gradient: string) => ['converted from my Boox notebook (handwriting to text)', '', 'Q7', `a) grad: ${gradient}`, 'one step: w h,l <- w h,l - η dw h,l', ''].join('\n');
  assert.equal(gradeWithStaffKey(pages('dw h,l = Σ_{i=1}^{m} Σ_{j=1}^{m} x i+h-1, j+l-1 · dy i,j')).get('7.a'), 'correct');
  // Near miss: the flipped (convolution) indices, written the same way, stay wrong.
  assert.notEqual(gradeWithStaffKey(pages('dw h,l = Σ_{i=1}^{m} Σ_{j=1}^{m} x i-h+1, j-l+1 · dy i,j')).get('7.a'), 'correct');
  // A name the key does not index, a list with a space after a bare letter's comma, prose: as they are.
  const { key } = staffKey();
  for (const line of ['the cost c h,l is the same', 'for x i, j run over the output', 'sum over i,j of the products']) {
    assert.equal(flattenedSubscriptsAsScripts(line, key), line);
  }
});
