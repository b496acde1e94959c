/**
 * OpenDocument texts handed in: pandoc's (MathML formula objects, list styles) and LibreOffice
 * Writer's (`math:`-prefixed MathML with its StarMath annotation, lists that continue after a
 * paragraph, bold runs by automatic style, tables), each class with a near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { readDocumentFile } from '../src/documents/read-file.js';
import { sniffFile } from '../src/documents/sniff.js';
import { loadKey } from '../src/documents/key.js';
import { readSubmission, readSubmissionFile } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { checkAnswer } from '../src/check/check.js';
import { FORMULAS, NEAR_MISSES } from './fixtures/pdf/formulas.js';
import { PANDOC, pandocConvert } from './fixtures/docx/pandoc.js';
import { MARKDOWN_WRITEUP } from './fixtures/docx/writeups.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/docx/', import.meta.url));
const { key } = loadKey(readFileSync(join(DIR, 'key.yaml'), 'utf8'), 'key.yaml');
const noPandoc = !PANDOC && 'pandoc is not installed (apt-get install pandoc): the pandoc .odt round trips are skipped';
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;
const verdicts = (g: ReturnType<typeof gradeSubmission>) => g.parts.map((p) => `${p.id} ${p.verdict}`);

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** A LibreOffice formula object: `math:`-prefixed MathML and the StarMath source beside it. */
const formulaObject = (mathml: string, starmath: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><math:math xmlns:math="http://www.w3.org/1998/Math/MathML" display="block"><math:semantics>${mathml}<math:annotation math:encoding="StarMath 5.0">${starmath}</math:annotation></math:semantics></math:math>`;
const frame = (object: string) =>
  `<draw:frame draw:name="${object}" text:anchor-type="as-char"><draw:object xlink:href="./${object}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>`;

/** An .odt as LibreOffice Writer saves one: the parts named, `mimetype` first. */
function writerOdt(
  body: string,
  objects: Record<string, string> = {},
  manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
  mimetype = 'application/vnd.oasis.opendocument.text',
): Uint8Array {
  const styles = `<office:automatic-styles>
    <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
    <text:list-style style:name="L1">
      <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
      <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
    </text:list-style>
    <text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
  </office:automatic-styles>`;
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3">${styles}<office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  // The mimetype entry comes first and stored, not compressed, so its bytes tell the file's kind.
  const files: Zippable = { mimetype: [strToU8(mimetype), { level: 0 }], 'content.xml': strToU8(content), 'META-INF/manifest.xml': strToU8(manifest) };
  for (const [name, xml] of Object.entries(objects)) files[`${name}/content.xml`] = strToU8(xml);
  return zipSync(files);
}

const WRITER_BODY = [
  '<text:h text:outline-level="1">HW 2</text:h>',
  '<text:list xml:id="list1" text:style-name="L1"><text:list-item><text:p>Matrix products</text:p>',
  '<text:list><text:list-item><text:p>Multiplying row by column, ',
  frame('Object 1'),
  '</text:p></text:list-item>',
  '<text:list-item><text:p>The trace: <text:span text:style-name="T1">tr</text:span><text:s/>= ',
  frame('Object 2'),
  '</text:p></text:list-item></text:list></text:list-item></text:list>',
  '<text:p>Some words between the questions, then the list goes on.</text:p>',
  '<text:list text:continue-list="list1" text:style-name="L1"><text:list-item><text:p>Sums and integrals</text:p>',
  '<text:list><text:list-item><text:p>Pairing the first and last terms,</text:p><text:p>',
  frame('Object 3'),
  '</text:p></text:list-item>',
  '<text:list-item><text:p>The area is ',
  frame('Object 4'),
  '</text:p></text:list-item>',
  '<text:list-item><text:p>Weights and biases: <text:span text:style-name="T1">',
  frame('Object 5'),
  '</text:span> parameters.</text:p></text:list-item></text:list></text:list-item></text:list>',
  '<text:list text:style-name="L2"><text:list-item><text:p>a bullet, not a part</text:p></text:list-item></text:list>',
  '<table:table><table:table-row><table:table-cell><text:p>Layer</text:p></table:table-cell><table:table-cell><text:p>Params</text:p></table:table-cell></table:table-row>',
  '<table:table-row><table:table-cell><text:p>FC</text:p></table:table-cell><table:table-cell><text:p>1470</text:p></table:table-cell></table:table-row></table:table>',
  '<text:p><draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/1.png"/></draw:frame></text:p>',
].join('');

const WRITER_OBJECTS = {
  'Object 1': formulaObject(
    '<math:mrow><math:mi mathvariant="italic">AB</math:mi><math:mo>=</math:mo><math:mrow><math:mo fence="true">[</math:mo><math:mtable><math:mtr><math:mtd><math:mn>2</math:mn></math:mtd><math:mtd><math:mn>1</math:mn></math:mtd></math:mtr><math:mtr><math:mtd><math:mn>4</math:mn></math:mtd><math:mtd><math:mn>3</math:mn></math:mtd></math:mtr></math:mtable><math:mo fence="true">]</math:mo></math:mrow></math:mrow>',
    'AB = left[ matrix{2 # 1 ## 4 # 3} right]',
  ),
  'Object 2': formulaObject('<math:mn>5</math:mn>', '5'),
  'Object 3': formulaObject(
    '<math:mrow><math:munderover><math:mo>∑</math:mo><math:mrow><math:mi>i</math:mi><math:mo>=</math:mo><math:mn>1</math:mn></math:mrow><math:mi>n</math:mi></math:munderover><math:mi>i</math:mi><math:mo>=</math:mo><math:mfrac><math:mrow><math:mi>n</math:mi><math:mo>(</math:mo><math:mi>n</math:mi><math:mo>+</math:mo><math:mn>1</math:mn><math:mo>)</math:mo></math:mrow><math:mn>2</math:mn></math:mfrac></math:mrow>',
    'sum from{i=1} to{n} i = {n(n+1)} over 2',
  ),
  'Object 4': formulaObject(
    '<math:mrow><math:msubsup><math:mo>∫</math:mo><math:mn>0</math:mn><math:mn>1</math:mn></math:msubsup><math:msup><math:mi>x</math:mi><math:mn>2</math:mn></math:msup><math:mi>d</math:mi><math:mi>x</math:mi><math:mo>=</math:mo><math:mfrac><math:mn>1</math:mn><math:mn>3</math:mn></math:mfrac></math:mrow>',
    'int from 0 to 1 x^2 dx = 1 over 3',
  ),
  'Object 5': formulaObject(
    '<math:mrow><math:msub><math:mi>d</math:mi><math:mtext>out</math:mtext></math:msub><math:msub><math:mi>d</math:mi><math:mtext>in</math:mtext></math:msub><math:mo>+</math:mo><math:msub><math:mi>d</math:mi><math:mtext>out</math:mtext></math:msub></math:mrow>',
    'd_"out" d_"in" + d_"out"',
  ),
};

test('a LibreOffice Writer .odt grades part by part: list labels its styles draw, continued after a paragraph; formulas from their MathML', async () => {
  const bytes = writerOdt(WRITER_BODY, WRITER_OBJECTS);
  assert.equal(sniffFile(bytes, 'dana.odt'), 'odt');
  // The mimetype entry tells an .odt by its bytes too, whatever its name.
  assert.equal(sniffFile(bytes, 'upload'), 'odt');
  const doc = await readDocumentFile(bytes, 'dana.odt');
  assert.equal(
    doc.text,
    `${[
      '# HW 2',
      '1. Matrix products',
      '(a) Multiplying row by column, $AB=\\begin{bmatrix} 2 & 1 \\\\ 4 & 3 \\end{bmatrix}$',
      '(b) The trace: **tr** = $5$',
      'Some words between the questions, then the list goes on.',
      '2. Sums and integrals',
      '(a) Pairing the first and last terms,',
      '$$\\sum_{i=1}^{n}i=\\frac{n(n+1)}{2}$$',
      '(b) The area is $\\int_{0}^{1}x^{2}dx=\\frac{1}{3}$',
      '(c) Weights and biases: **$d_{\\text{out}}d_{\\text{in}}+d_{\\text{out}}$** parameters.',
      '- a bullet, not a part',
      '| Layer | Params |\n| --- | --- |\n| FC | 1470 |',
    ].join('\n\n')}\n`,
  );
  assert.deepEqual(doc.warnings, ['dana.odt: 1 image was not read; an equation pasted as an image is not graded']);
  const sub = await readSubmissionFile(bytes, 'dana', key!, undefined, 'dana.odt');
  assert.equal(sub.source?.kind, 'odt');
  assert.deepEqual(verdicts(gradeSubmission(key!, sub)), ['1.a correct', '1.b correct', '2.a correct', '2.b correct', '2.c correct']);
  // Near miss: the second list is numbered on from the first only because it says so; without
  // `continue-list` it starts again at 1, and its parts are question 1's again.
  const restarted = await readDocumentFile(writerOdt(WRITER_BODY.replace(' text:continue-list="list1"', ''), WRITER_OBJECTS), 'r.odt');
  assert.match(restarted.text!, /^1\. Sums and integrals$/m);
});

test('an .odt that cannot be read says why in one line: encrypted, a spreadsheet, a broken zip', async () => {
  const encrypted = writerOdt(
    '<text:p>x</text:p>',
    {},
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
  );
  assert.deepEqual((await readDocumentFile(encrypted, 'e.odt')).warnings, ['e.odt: the document is password-protected (encrypted); save it without a password, or export it as PDF']);
  const sheet = writerOdt('<text:p>x</text:p>', {}, undefined, 'application/vnd.oasis.opendocument.spreadsheet');
  assert.deepEqual((await readDocumentFile(sheet, 's.odt')).warnings, ['s.odt: the file is an OpenDocument spreadsheet, not a text document; export it as PDF']);
  const broken = writerOdt('<text:p>x</text:p>').slice(0, 200);
  const r = await readDocumentFile(broken, 'b.odt');
  assert.equal(r.text, undefined);
  assert.match(r.warnings[0]!, /^b\.odt: the file is not a readable \.odt \(a broken zip/);
  // Near miss: a Word 97-2003 .doc is still refused as before, naming what to do.
  const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('WordDocument', 'utf16le')]);
  assert.match((await readDocumentFile(doc, 'old.doc')).warnings[0]!, /^old\.doc: not a document: the file is a Word 97-2003 document \(\.doc\)/);
});

test("a student's Markdown write-up converted to .odt by pandoc grades as the Markdown does", { skip: noPandoc }, async () => {
  const sub = await readSubmissionFile(pandocConvert(MARKDOWN_WRITEUP, ['-t', 'odt'])!, 'dana', key!, undefined, 'dana.odt');
  const markdown = gradeSubmission(key!, readSubmission(MARKDOWN_WRITEUP, 'dana', key!, undefined, 'dana.md'));
  assert.deepEqual(verdicts(gradeSubmission(key!, sub)), verdicts(markdown));
  assert.deepEqual(sub.warnings, []);
});

test('formulas come back from pandoc .odt equal to their source; near misses stay wrong', { skip: noPandoc }, async () => {
  const read = async (formulas: string[]) => {
    const text = (await readDocumentFile(pandocConvert(formulas.map((f) => `$$${f}$$`).join('\n\n'), ['-t', 'odt'])!, 'f.odt')).text!;
    return [...text.matchAll(/^\$\$(.*)\$\$$/gm)].map((m) => m[1]!);
  };
  const back = await read(FORMULAS);
  assert.equal(back.length, FORMULAS.length);
  assert.deepEqual(
    FORMULAS.filter((f, i) => verdict(f, back[i]!) !== 'correct').map((f) => `${f} read as ${back[FORMULAS.indexOf(f)]}`),
    [],
  );
  const misses = await read(NEAR_MISSES.map(([, wrong]) => wrong));
  NEAR_MISSES.forEach(([right, wrong], i) => assert.equal(verdict(right, misses[i]!), 'incorrect', `${wrong} read as ${misses[i]}`));
});
