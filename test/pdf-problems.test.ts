/**
 * A problem set typed in LaTeX and compiled with pdflatex serves as the LaTeX source does:
 * `key init`, `key import` and `grade --problems` find the same parts in the PDF.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdflatexPdf, PDFLATEX } from './fixtures/pdf/generate.js';
import { runCli } from './fixtures/cli.js';
import { checkAnswer } from '../src/check/check.js';
import { openStore } from '../src/store/db.js';
import { Review } from '../src/server/review.js';

const BODY = String.raw`\section*{Problem 1}
Let $f(x) = x^3 - 2x$.

(a) Find $f'(x)$.

(b) Evaluate $f'(2)$.

\section*{Problem 2}
Solve for $x$.

(a) $2x + 3 = 7$.

(b) $x^2 = 9$ with $x > 0$.
`;
const SOURCE = `\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n${BODY}\n\\end{document}\n`;

const parts = (yaml: string) => [...yaml.matchAll(/^ {2}(\d+\.[a-z]):$/gm)].map((m) => m[1]);

test('a problem set compiled by pdflatex: key init, key import and grade --problems find the parts the .tex has', { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-psets-'));
  writeFileSync(join(dir, 'ps.tex'), SOURCE);
  writeFileSync(join(dir, 'ps.pdf'), pdflatexPdf(BODY)!);
  const fromTex = runCli(['key', 'init', 'ps.tex'], dir);
  const fromPdf = runCli(['key', 'init', 'ps.pdf'], dir);
  assert.equal(fromPdf.code, 0, fromPdf.stderr);
  assert.deepEqual(parts(fromPdf.stdout), ['1.a', '1.b', '2.a', '2.b']);
  assert.deepEqual(parts(fromPdf.stdout), parts(fromTex.stdout));

  // Solutions typed in LaTeX (a SOL: block after each problem), compiled: the same answers.
  const solBody = `${BODY.replace('\\section*{Problem 2}', "SOL:\n\n(a) $f'(x) = 3x^2 - 2$\n\n(b) $f'(2) = 10$\n\n\\section*{Problem 2}")}\nSOL:\n\n(a) $x = 2$\n\n(b) $x = 3$\n`;
  writeFileSync(join(dir, 'sol.tex'), `\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n${solBody}\n\\end{document}\n`);
  writeFileSync(join(dir, 'sol.pdf'), pdflatexPdf(solBody)!);
  const imTex = runCli(['key', 'import', 'sol.tex'], dir);
  const imPdf = runCli(['key', 'import', 'sol.pdf'], dir);
  assert.equal(imPdf.code, 0, imPdf.stderr);
  const answers = (yaml: string) => [...yaml.matchAll(/^ {4}answer: '(.*)'/gm)].map((m) => m[1]!);
  assert.deepEqual(parts(imPdf.stdout), ['1.a', '1.b', '2.a', '2.b']);
  assert.deepEqual(parts(imPdf.stdout), parts(imTex.stdout));
  const [fromSource, fromPrint] = [answers(imTex.stdout), answers(imPdf.stdout)];
  assert.equal(fromPrint.length, 4, imPdf.stdout);
  // The same answers by check (the PDF's `x^{2}` is the source's `x^2`), and nothing after them (no page number).
  fromPrint.forEach((a, i) => assert.equal(checkAnswer({ value: fromSource[i]! }, `$${a}$`).verdict, 'correct', `${a} vs ${fromSource[i]}`));
  assert.doesNotMatch(imPdf.stdout, /^ {6}1$/m);

  // grade --problems with the PDF: the same grades as with the source.
  writeFileSync(join(dir, 'key.yaml'), 'partcredit: 1\nparts:\n  1.a: { answer: "3x^2 - 2" }\n  1.b: { answer: "10" }\n  2.a: { answer: "2" }\n  2.b: { answer: "3" }\n');
  writeFileSync(join(dir, 'alice.md'), '1.a) $3x^2 - 2$\n\n1.b) $10$\n\n2.a) $x = 2$\n\n2.b) $x = -3$\n');
  const grade = (problems: string) => runCli(['grade', '--key', 'key.yaml', '--problems', problems, '--no-store', '--format', 'json', 'alice.md'], dir);
  const withTex = grade('ps.tex');
  const withPdf = grade('ps.pdf');
  assert.equal(withPdf.code, 0, withPdf.stderr);
  const summary = (out: string) => {
    const o = JSON.parse(out.trim().split('\n')[0]!);
    return [o.total, o.max, o.parts?.map((p: { id?: string; part?: string; verdict?: string }) => [p.id ?? p.part, p.verdict])];
  };
  assert.deepEqual(summary(withPdf.stdout), summary(withTex.stdout));
  // Near miss: the wrong root in 2.b stays wrong whichever file the problems came from.
  assert.equal(JSON.parse(withPdf.stdout.trim().split('\n')[0]!).total, 3);
});

// The class: a PDF problem set reached any other way than `grade --problems` (a key's
// `problems:`, the run a regrade reads again, key lint's cross-check) is read as the .tex is.
test('a key whose problems: names the PDF grades, regrades and lints as with the .tex; a missing or textless PDF is named', { skip: !PDFLATEX && 'no /usr/bin/pdflatex' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-psets-key-'));
  writeFileSync(join(dir, 'ps.tex'), SOURCE);
  writeFileSync(join(dir, 'ps.pdf'), pdflatexPdf(BODY)!);
  const keyWith = (problems: string) => `partcredit: 1\nproblems: ${problems}\nparts:\n  1.a: { answer: "3x^2 - 2" }\n  1.b: { answer: "10" }\n  2.a: { answer: "2" }\n  2.b: { answer: "3" }\n`;
  writeFileSync(join(dir, 'tex.yaml'), keyWith('ps.tex'));
  writeFileSync(join(dir, 'pdf.yaml'), keyWith('ps.pdf'));
  writeFileSync(join(dir, 'alice.md'), '1.a) $3x^2 - 2$\n\n1.b) $10$\n\n2.a) $x = 2$\n\n2.b) $x = -3$\n');
  const summary = (out: string) => {
    const o = JSON.parse(out.trim().split('\n')[0]!);
    return [o.total, o.max, o.parts?.map((p: { id?: string; part?: string; verdict?: string }) => [p.id ?? p.part, p.verdict])];
  };
  const withTex = runCli(['grade', '--key', 'tex.yaml', '--no-store', '--format', 'json', 'alice.md'], dir);
  const withPdf = runCli(['grade', '--key', 'pdf.yaml', '--db', 'store.db', '--format', 'json', 'alice.md'], dir);
  assert.equal(withPdf.code, 0, withPdf.stderr);
  assert.doesNotMatch(withPdf.stderr, /not found|not read/);
  assert.deepEqual(summary(withPdf.stdout), summary(withTex.stdout));
  // Near miss: the wrong root in 2.b stays wrong.
  assert.equal(summary(withPdf.stdout)[0], 3);

  // regrade reads the run's problem set (the PDF) again and decides as grade did.
  const regraded = runCli(['regrade', '--db', 'store.db', '--format', 'json'], dir);
  assert.equal(regraded.code, 0, regraded.stderr);
  assert.deepEqual(summary(regraded.stdout), summary(withPdf.stdout));

  // The review app shows each part's question as grade read it from the PDF.
  const store = await openStore(join(dir, 'store.db'));
  try {
    const view = (await new Review(store, 'ta').partView(1, 'alice.md', '1.b')) as { question: string };
    assert.match(view.question, /Evaluate/);
  } finally {
    await store.close();
  }

  // key lint cross-checks the key's parts against the PDF's: none missing on either side.
  const lint = runCli(['key', 'lint', 'pdf.yaml'], dir);
  assert.equal(lint.code, 0, lint.stdout + lint.stderr);
  assert.doesNotMatch(lint.stdout, /not a part of|does not grade it/);

  // A PDF without a text layer: one line naming the file, exit 2, no stack trace, no silent zero.
  writeFileSync(join(dir, 'scan.pdf'), pdflatexPdf('\\thispagestyle{empty}\\rule{4cm}{4cm}')!);
  writeFileSync(join(dir, 'scan.yaml'), keyWith('scan.pdf'));
  const textless = runCli(['grade', '--key', 'scan.yaml', '--no-store', 'alice.md'], dir);
  assert.equal(textless.code, 2, textless.stdout + textless.stderr);
  assert.match(textless.stderr, /scan\.pdf: the problem set PDF has no text layer/);
  assert.equal(textless.stderr.trim().split('\n').length, 1, textless.stderr);
  assert.equal(textless.stdout, '');

  // Near miss: a problems: naming a file that is not there is named, not read as an empty set.
  writeFileSync(join(dir, 'gone.yaml'), keyWith('gone.pdf'));
  const gone = runCli(['grade', '--key', 'gone.yaml', '--no-store', 'alice.md'], dir);
  assert.match(gone.stderr, /problems: gone\.pdf not found beside the key/);
  const goneFlag = runCli(['grade', '--key', 'tex.yaml', '--problems', 'gone.pdf', '--no-store', 'alice.md'], dir);
  assert.equal(goneFlag.code, 2);
  assert.match(goneFlag.stderr, /no problem set at gone\.pdf/);
});
