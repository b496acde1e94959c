/**
 * Word documents (.docx): equations in Office Math read as LaTeX the checker finds equal to
 * their source, Word's automatic list labels written out so parts align as in a Markdown
 * write-up, and files that are no readable .docx told apart in one line each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { readDocumentFile } from '../src/documents/read-file.js';
import { readSubmission, readSubmissionFile } from '../src/documents/submission.js';
import { loadKey } from '../src/documents/key.js';
import { loadProblemSet } from '../src/documents/problem-set-file.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { ommlToLatex } from '../src/documents/docx/omml.js';
import { ListNumbering } from '../src/documents/docx/numbering.js';
import { parseXml } from '../src/documents/docx/xml.js';
import { FORMULAS } from './fixtures/pdf/formulas.js';
import { answersMarkdown } from './fixtures/pdf/generate.js';
import { roundTrip } from './fixtures/pdf/round-trip.js';
import { DOCX_FORMULAS, DOCX_NEAR_MISSES } from './fixtures/docx/formulas.js';
import { PANDOC, pandocDocx } from './fixtures/docx/pandoc.js';
import { MARKDOWN_WRITEUP, wordWriteup } from './fixtures/docx/writeups.js';
import { frac, mathItalic, mel, mr, nary, oMath, partsNumbering, wordDocx, wp, wr } from './fixtures/docx/word-xml.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/docx/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const noPandoc = !PANDOC && 'pandoc is not installed (apt-get install pandoc): the round trip through pandoc is skipped';

const verdicts = (g: ReturnType<typeof gradeSubmission>) => g.parts.map((p) => `${p.id} ${p.verdict}`);
const M_NS = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const omml = (inner: string) => ommlToLatex(parseXml(`<m:oMath ${M_NS}>${inner}</m:oMath>`, 'test'));

test('a Word write-up (committed, as Word writes it) grades part by part: auto-numbered (a), (b) under 1., 2.; a MathType answer is named, not silent', async () => {
  const bytes = new Uint8Array(readFileSync(join(DIR, 'word-writeup.docx')));
  // The committed file is what the fixture's builder writes: regenerate it from writeups.ts when that changes.
  assert.equal((await readDocumentFile(bytes, 'w.docx')).text, (await readDocumentFile(wordWriteup(), 'w.docx')).text);
  const sub = await readSubmissionFile(bytes, 'dana', key!, undefined, 'dana.docx');
  assert.equal(sub.source?.kind, 'docx');
  // Near miss: the problems' own items (`1.`, `2.`) and the bullet inside 2(a) are not parts.
  assert.deepEqual(
    sub.responses.map((r) => r.partId),
    ['1.a', '1.b', '2.a', '2.b', '2.c'],
  );
  assert.deepEqual(verdicts(gradeSubmission(key!, sub)).slice(0, 4), ['1.a correct', '1.b correct', '2.a correct', '2.b correct']);
  assert.notEqual(gradeSubmission(key!, sub).parts.find((p) => p.id === '2.c')!.verdict, 'correct');
  assert.ok(
    sub.warnings.some((w) => /^dana\.docx: 1 equation could not be read \(MathType.*paragraph 11\)/.test(w)),
    sub.warnings.join('\n'),
  );
});

test("a student's Markdown write-up converted to .docx by pandoc grades as the Markdown does", { skip: noPandoc }, async () => {
  const sub = await readSubmissionFile(pandocDocx(MARKDOWN_WRITEUP)!, 'dana', key!, undefined, 'dana.docx');
  const markdown = gradeSubmission(key!, readSubmission(MARKDOWN_WRITEUP, 'dana', key!, undefined, 'dana.md'));
  assert.deepEqual(verdicts(gradeSubmission(key!, sub)), verdicts(markdown));
  assert.deepEqual(verdicts(markdown), ['1.a correct', '1.b correct', '2.a correct', '2.b correct', '2.c correct']);
  assert.deepEqual(sub.warnings, []);
});

test('formulas written in Markdown + LaTeX come back from pandoc .docx equal to their source; near misses stay wrong', { skip: noPandoc }, async () => {
  for (const [formulas, near] of [
    [FORMULAS, undefined],
    [DOCX_FORMULAS, DOCX_NEAR_MISSES],
  ] as const) {
    const r = await roundTrip(pandocDocx(answersMarkdown([...formulas]))!, 'formulas.docx', [...formulas], near ? [...near] : undefined);
    assert.deepEqual(r.wrong, []);
    assert.equal(r.equal, formulas.length);
    assert.deepEqual(r.accepted, []);
    assert.deepEqual(r.doc.warnings, []);
  }
});

test('Office Math as Word writes it: math italic letters, m:ctrlPr, n-ary with m:chr and an integral without, functions, cases, text', () => {
  assert.equal(mathItalic('x'), '𝑥');
  assert.equal(omml(mr('x') + mr('≤', true) + frac(mr('1', true), mr('2', true))).latex, 'x\\le\\frac{1}{2}');
  // Word's sum: the operator in m:chr, limits below and above. Near miss: they are kept, not lost.
  const sum = nary('∑', mr('i') + mr('=', true) + mr('1', true), mr('n'), mr('x') + mr('−', true) + mr('1', true));
  assert.equal(omml(sum).latex, '\\sum_{i=1}^{n} \\left(x-1\\right)');
  assert.equal(omml(nary(undefined, mr('0', true), mr('1', true), mr('f'))).latex, '\\int_{0}^{1} f');
  const lim = mel('func', '', ['fName', mel('limLow', '', ['e', mr('lim', true)], ['lim', mr('n') + mr('→', true) + mr('∞', true)])], ['e', mr('a')]);
  assert.equal(omml(lim).latex, '\\lim_{n\\to\\infty} a');
  const cases = mel('d', '<m:begChr m:val="{"/><m:endChr m:val=""/>', ['e', `<m:eqArr>${['1&amp;x&gt;0', '0&amp;x≤0'].map((row) => `<m:e><m:r><m:t>${row}</m:t></m:r></m:e>`).join('')}</m:eqArr>`]);
  assert.equal(omml(cases).latex, '\\begin{cases}1&x>0 \\\\ 0&x\\le 0\\end{cases}');
  assert.equal(omml(`<m:r><m:rPr><m:nor/></m:rPr><m:t>if </m:t></m:r>${mr('x')}`).latex, '\\text{if }x');
  assert.equal(omml(mel('groupChr', '<m:chr m:val="⏟"/>', ['e', mr('ab')])).latex, '\\underbrace{ab}');
  assert.equal(omml(mel('acc', '<m:chr m:val="̂"/>', ['e', mr('y')])).latex, '\\hat{y}');
  assert.equal(omml(mel('bar', '<m:pos m:val="top"/>', ['e', mr('x')])).latex, '\\overline{x}');
  assert.equal(omml(mr('𝐱', true) + mr('⋅', true) + mr('W')).latex, '\\mathbf{x}\\cdot W');
  // A prime is a superscript in Word; near miss: a real superscript stays one.
  assert.equal(omml(mel('sSup', '', ['e', mr('f')], ['sup', mr('′', true)]) + mr('(x)')).latex, "f'(x)");
  assert.equal(omml(mel('sSup', '', ['e', mr('f')], ['sup', mr('2', true)])).latex, 'f^{2}');
});

test('an OMML element the reader does not know keeps its text and is named', () => {
  const r = omml(`<m:future><m:e>${mr('x')}</m:e></m:future>`);
  assert.equal(r.latex, 'x');
  assert.deepEqual(r.unknown, ['m:future']);
});

const numbering = (xml: string) => new ListNumbering(parseXml(xml, 'word/numbering.xml'));

test("Word's list numbering: (a) restarts under each problem, w:start, a restarted list, legal numbering", () => {
  const n = numbering(partsNumbering(3));
  const labels = [0, 1, 1, 2, 0, 1, 1].map((ilvl) => n.next('1', ilvl));
  // Near miss: the outer level stays 3., 4. (from its w:start) and never reads as a part letter.
  assert.deepEqual(labels, ['3.', '(a)', '(b)', 'i.', '4.', '(a)', '(b)']);
  assert.equal(n.next('2', 0), '-');
  assert.equal(n.next('0', 0), undefined);
  const restart = numbering(
    partsNumbering(
      1,
      '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:isLgl/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="8"><w:abstractNumId w:val="5"/></w:num>',
    ),
  );
  assert.deepEqual([restart.next('1', 1), restart.next('1', 1), restart.next('7', 1), restart.next('1', 1)], ['(a)', '(b)', '(a)', '(c)']);
  assert.deepEqual([restart.next('8', 0), restart.next('8', 1), restart.next('8', 1)], ['1.', '1.1', '1.2']);
});

test('headings by built-in name in any language, bold labels, tables, images warned', async () => {
  const body = [
    wp(wr('Problem set 4'), undefined, 'Heading1'),
    wp(wr('Teil 1'), undefined, 'berschrift2'),
    wp(`${wr('Answer:', '<w:b/>')}${wr(' see below, angle ')}<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>`),
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>layer</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>shape</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>conv1</w:t></w:r></w:p></w:tc><w:tc><w:p>',
    oMath(mr('28') + mr('×', true) + mr('28')),
    '</w:p></w:tc></w:tr></w:tbl>',
    wp(`${wr('Figure: ')}<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r>`),
  ].join('');
  const doc = await readDocumentFile(wordDocx(body), 'ps4.docx');
  assert.equal(doc.text, '# Problem set 4\n\n## Teil 1\n\n**Answer:** see below, angle α\n\n| layer | shape |\n| --- | --- |\n| conv1 | $28\\times 28$ |\n\nFigure: [image]\n');
  assert.deepEqual(doc.warnings, ['ps4.docx: 1 image was not read (paragraph 8); an equation pasted as an image is not graded']);
});

test('a problem set kept in Word is read with its auto-numbered parts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-docx-'));
  try {
    const path = join(dir, 'problems.docx');
    writeFileSync(path, wordDocx([wp(wr('Matrix products'), { numId: 1, ilvl: 0 }), wp(wr('Compute AB.'), { numId: 1, ilvl: 1 }), wp(wr('Give its trace.'), { numId: 1, ilvl: 1 })].join('')));
    const { set } = await loadProblemSet(path);
    const ids = JSON.stringify(set);
    assert.match(ids, /"1\.a"/);
    assert.match(ids, /"1\.b"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files that are not a readable .docx get a one-line message naming them', async () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));
  // A hand-made compound file with the stream names Office writes around an encrypted package.
  const cfb = (stream: string) => {
    const b = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from('Root Entry', 'utf16le').copy(b, 512);
    Buffer.from(stream, 'utf16le').copy(b, 640);
    return new Uint8Array(b);
  };
  const good = wordWriteup();
  const cases: [Uint8Array, string, RegExp][] = [
    [zip({ 'notes.txt': 'hello' }), 'essay.docx', /no word\/document\.xml/],
    [zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), 'grades.docx', /no word\/document\.xml.*spreadsheet/],
    [good.subarray(0, good.length - 40), 'cut.docx', /not a readable \.docx \(a broken zip/],
    [zip({ 'word/document.xml': '<w:document><w:body>' }), 'broken.docx', /word\/document\.xml is not well-formed XML/],
    [cfb('EncryptedPackage'), 'secret.docx', /password-protected/],
    [cfb('EncryptedPackage'), 'secret.bin', /password-protected/],
    [cfb('WordDocument'), 'old.doc', /Word 97-2003 document \(\.doc\).*save it as \.docx/],
    [zip({ mimetype: 'application/vnd.oasis.opendocument.text' }), 'essay.odt', /no content\.xml, so not an OpenDocument text/],
  ];
  for (const [bytes, name, want] of cases) {
    const doc = await readDocumentFile(bytes, name);
    assert.equal(doc.text, undefined, name);
    assert.equal(doc.warnings.length, 1, name);
    assert.match(doc.warnings[0]!, new RegExp(`^${name.replace('.', '\\.')}: `), name);
    assert.match(doc.warnings[0]!, want, name);
    assert.doesNotMatch(doc.warnings[0]!, /\n|\bat .*\.js:\d+/, name);
  }
});

test('an equation nested thousands deep is a one-line refusal, not a crash', async () => {
  const deep = `${'<m:f><m:num>'.repeat(20000)}${mr('x')}${'</m:num><m:den/></m:f>'.repeat(20000)}`;
  const doc = await readDocumentFile(wordDocx(wp(oMath(deep))), 'deep.docx');
  assert.deepEqual(doc.warnings, ['deep.docx: the document is nested too deeply to read (an equation or content control hundreds of levels deep)']);
  // Refused as the parser meets the depth, not after a parse quadratic in it (20 s and more here).
  const started = performance.now();
  await readDocumentFile(wordDocx(wp(oMath(deep.repeat(5)))), 'deeper.docx');
  assert.ok(performance.now() - started < 5000, 'the refusal took seconds');
  // Near miss: deep but below the limit (a hundred fractions, 200 elements) still reads.
  let hundred = mr('x');
  for (let i = 0; i < 100; i++) hundred = frac(hundred, mr('2', true));
  const read = (await readDocumentFile(wordDocx(wp(oMath(hundred))), 'hundred.docx')).text!;
  assert.equal(read.match(/\\frac/g)?.length, 100, read.slice(0, 200));
  // Near miss: ordinary nesting (a fraction in a fraction in a fraction) reads.
  const three = frac(frac(frac(mr('1', true), mr('x')), mr('y')), mr('z'));
  assert.equal((await readDocumentFile(wordDocx(wp(oMath(three))), 'ok.docx')).text, '$\\frac{\\frac{\\frac{1}{x}}{y}}{z}$\n');
});

test("Word's numbered display equation (a one-row array ending in #(n)) is the equation with its \\tag; a display of two equations is two lines", async () => {
  const row = (inner: string) => `<m:e>${inner}</m:e>`;
  const numbered = `<m:eqArr>${row(mr('y') + mr('=', true) + mr('W') + mr('x') + mr('#', true) + mel('d', '', ['e', mr('1', true)]))}</m:eqArr>`;
  assert.equal(omml(numbered).latex, 'y=Wx \\tag{1}');
  // Near misses: two aligned rows stay an alignment; a # with no (n) after it is a # sign.
  const two = `<m:eqArr>${row(`${mr('a')}<m:r><m:t>&amp;=</m:t></m:r>${mr('b')}`)}${row(`${mr('c')}<m:r><m:t>&amp;=</m:t></m:r>${mr('d')}`)}</m:eqArr>`;
  assert.equal(omml(two).latex, '\\begin{aligned}a&=b \\\\ c&=d\\end{aligned}');
  assert.equal(omml(`<m:eqArr>${row(mr('n') + mr('#', true))}</m:eqArr>`).latex, 'n\\#');
  const para = `<m:oMathPara>${oMath(mr('a') + mr('=', true) + mr('1', true))}${oMath(mr('b') + mr('=', true) + mr('2', true))}</m:oMathPara>`;
  assert.equal((await readDocumentFile(wordDocx(wp(wr('So') + para)), 'two.docx')).text, 'So\n$$a=1$$\n\n$$b=2$$\n');
});
