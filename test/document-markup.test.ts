import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { texmacsAsMarkdown } from '../src/documents/texmacs.js';
import { readDocumentFile } from '../src/documents/read-file.js';

// Blind round 41's TeXmacs document gave "no part recognised": its sections are `<section*|2(c)>`
// and its formulas markup (`<math|..>`, `<frac|a|b>`, `<rsub|..>`, `<around*|\<\|\|\>|v|\<\|\|\>>`,
// `\<geqslant\>`). A structured document's markup is converted to the Markdown + LaTeX the readers
// know (sections as headings, math as `$...$`, equation blocks as displays, matrices as LaTeX's)
// before it is read, so its parts are found and its formulas checked as mathematics. LibreOffice's
// Flat XML text (.fodt) is the same fact for OpenDocument: the .odt package's XML in one file, its
// formulas' MathML inline, read by the .odt reader instead of as a page of tags.

const graded = (file: string) => gradedFixtureFile('document-markup', file);

test('a TeXmacs document is read as Markdown + LaTeX: sections and run-in paragraphs head parts, equation arrays, matrices, norms and fractions are checked as formulas', {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('newton-schulz-and-cnn.tm'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'correct: 2 c d_out d_in^2',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near misses: a bound in the wrong direction (`\\<geqslant\\>`) and a wrong formula in TeXmacs markup stay wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('bound-reversed.tm'), {
    '2.c': 'incorrect: ‖Delta W‖₂ ≥ sqrt(d_out)',
    '4.c': 'incorrect: L (K + 1) - 1',
  });
});

test("TeXmacs markup's symbols, escapes and invisible multiplication become LaTeX; the editor's settings after the body are no text", () => {
  const doc =
    '<TeXmacs|2.1>\n\n<\\body>\n  <section*|Q 2(b)>\n\n  <math|c=<frac|1|<sqrt|d<rsub|in>>>*x\\<in\\>\\<bbb-R\\><rsup|n>>, a \\| b \\<less\\> c\n</body>\n\n<\\initial>\n  <\\collection>\n    <associate|page-medium|paper>\n  </collection>\n</initial>\n';
  assert.equal(texmacsAsMarkdown(doc), '## Q 2(b)\n\n$c=\\frac{1}{\\sqrt{d_{in}}} x\\in \\mathbb{R}^{n}$, a | b < c\n');
});

test('near misses: text that is no TeXmacs file, and a file nested past any editor, are left as they are', () => {
  const markdown = '## 2(c)\n\n<math|x> is how TeXmacs writes math.\n';
  assert.equal(texmacsAsMarkdown(markdown), markdown);
  const deep = `<TeXmacs|2.1>\n<\\body>\n${'<frac|'.repeat(1000)}x\n</body>\n`;
  assert.equal(texmacsAsMarkdown(deep), deep);
  // (Unclosed tags and stray closes end where the file does; nothing throws.)
  assert.equal(texmacsAsMarkdown('<TeXmacs|2.1>\n<\\body>\n  </equation*> 2(a) <math|x<rsub|1'), '2(a) $x_{1}$\n');
});

test("a Flat XML OpenDocument text (.fodt) is read as its .odt would be: headings, bold run-in labels, inline MathML formulas as LaTeX; a reviewer's comment is no answer, and a wrong formula stays wrong", {
  skip: devSkip,
}, async () => {
  // (4.c's paragraph carries a comment, `Ravi got L(K+1) - 1 here`: the answer is the formula before it.)
  assert.deepEqual(await graded('flat-odt-writeup.fodt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '2.b': 'incorrect: c = 1/d_in',
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('near misses: a flat OpenDocument spreadsheet is refused with a message, and XML of another vocabulary is no OpenDocument text', async () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const sheet = await readDocumentFile(
    bytes('<?xml version="1.0"?>\n<office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body/></office:document>'),
    'marks.fods',
  );
  assert.equal(sheet.kind, 'text');
  const named = await readDocumentFile(
    bytes('<?xml version="1.0"?>\n<office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body/></office:document>'),
    'marks.fodt',
  );
  assert.equal(named.text, undefined);
  assert.match(named.warnings.join('\n'), /flat OpenDocument spreadsheet, not a text document/);
  const other = await readDocumentFile(bytes('<?xml version="1.0"?>\n<office:documents><p>(a) 3</p></office:documents>'), 'notes.xml');
  assert.equal(other.kind, 'text');
});
