/**
 * Web pages handed in: chats saved from the browser in each app's markup, pages typeset by KaTeX
 * or MathJax, write-ups pandoc converted. Each class with a near miss that must stay as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToMarkdown } from '../src/documents/html/index.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { sniffFile } from '../src/documents/sniff.js';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { problemSetText } from '../src/documents/problem-set-file.js';
import { readSubmission, readSubmissionFile } from '../src/documents/submission.js';
import { assignmentOf } from '../src/documents/assignment.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { checkAnswer } from '../src/check/check.js';
import { FORMULAS, NEAR_MISSES } from './fixtures/pdf/formulas.js';
import { transcriptTurns } from './fixtures/pdf/chat-export.js';
import { katexPage, mathjaxPage, SAVED_LAYOUTS, savedChat } from './fixtures/html/saved-chat.js';
import { PANDOC, pandocConvert } from './fixtures/docx/pandoc.js';
import { MARKDOWN_WRITEUP } from './fixtures/docx/writeups.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEV = join(ROOT, '..', 'shared', 'corpus', 'dev', 'hw4-fa25');
const noDev = !existsSync(join(DEV, 'hw4-fa25.key.yaml')) && '../shared/corpus/dev/hw4-fa25 is absent: the saved chats are graded with its key';
const noPandoc = !PANDOC && 'pandoc is not installed (apt-get install pandoc): the pandoc write-ups are skipped';
const verdict = (expected: string, answer: string) => checkAnswer({ value: expected }, `$${answer}$`).verdict;
const displays = (text: string) => [...text.matchAll(/^\$\$(.*)\$\$$/gm)].map((m) => m[1]!);

test('the held-out styles and the blind rounds saved as web pages in four apps grade part by part as their text does', { skip: noDev }, async () => {
  const { key } = loadKey(readFileSync(join(DEV, 'hw4-fa25.key.yaml'), 'utf8'), 'hw4-fa25.key.yaml');
  const problems = parseProblemSet(readFileSync(join(DEV, 'hw4-fa25.problems.md'), 'utf8'));
  const assignment = assignmentOf(key!, problems);
  const differ: string[] = [];
  let pairs = 0;
  for (const dir of ['heldout-styles', 'unseen-round', 'blind-round9'].map((d) => join(ROOT, 'test', 'fixtures', d))) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      if (!transcriptTurns(text).length) continue;
      const asText = new Map(gradeSubmission(assignment, readSubmission(text, f, key!, problems)).parts.map((p) => [p.id, p.verdict]));
      for (const layout of SAVED_LAYOUTS) {
        const sub = await readSubmissionFile(Buffer.from(savedChat(text, layout)), f, key!, problems, f.replace(/\.md$/, '.html'));
        assert.equal(sub.source?.kind, 'html');
        const asPage = new Map(gradeSubmission(assignment, sub).parts.map((p) => [p.id, p.verdict]));
        for (const [part, v] of asText) {
          const w = asPage.get(part) ?? 'missing';
          if (v === 'missing' && w === 'missing') continue;
          pairs++;
          if (v !== w) differ.push(`${f} as ${layout}: ${part} ${v} from the text, ${w} from the page`);
        }
      }
    }
  }
  assert.ok(pairs >= 400, `only ${pairs} parts graded`);
  assert.deepEqual(differ, []);
});

test("formulas come back from a page equal to their source: KaTeX's TeX annotation, MathJax 3's assistive MathML; near misses stay wrong", () => {
  for (const [name, page] of [
    ['KaTeX', katexPage],
    ['MathJax', mathjaxPage],
  ] as const) {
    const read = displays(htmlToMarkdown(page(FORMULAS.map((f) => `$$${f}$$`).join('\n\n')), 'answers.html').text);
    assert.equal(read.length, FORMULAS.length, name);
    const unequal = FORMULAS.filter((f, i) => verdict(f, read[i]!) !== 'correct').map((f) => `${name}: ${f} read as ${read[FORMULAS.indexOf(f)]}`);
    assert.deepEqual(unequal, []);
    const misses = displays(htmlToMarkdown(page(NEAR_MISSES.map(([, wrong]) => `$$${wrong}$$`).join('\n\n')), 'misses.html').text);
    NEAR_MISSES.forEach(([right], i) => assert.equal(verdict(right, misses[i]!), 'incorrect', `${name}: ${NEAR_MISSES[i]![1]} read as ${misses[i]}`));
  }
});

test("a chat's turns come from its markup; the page's furniture is left out; a page whose markup marks no turns is no chat", () => {
  const chat = savedChat('## User\n\nProblem 1 (a): what is $x$?\n\n## Assistant\n\nHere:\n\n```python\nprint(2)\n```\n\nSo $x = 2$.\n', 'chatgpt-saved');
  const { text, chat: isChat } = htmlToMarkdown(chat, 'c.html');
  assert.equal(isChat, true);
  assert.equal(text, '**User:**\n\nProblem 1 (a): what is $x$?\n\n**Assistant:**\n\nHere:\n\n```python\nprint(2)\n```\n\nSo $x = 2$.\n');
  // The sidebar's other chats, the screen-reader labels ("You said:") and the buttons are not the chat's text.
  assert.doesNotMatch(text, /Homework 3 help|You said|ChatGPT said|Copy|Read aloud|window\.__app/);
  // Near miss: a homework page whose own classes say `question` and `answer` is a write-up.
  const writeup = htmlToMarkdown('<html><body><div class="question"><h2>Problem 1</h2><p>(a) Find $x$.</p></div><div class="answer"><p>(a) $x = 2$</p></div></body></html>', 'w.html');
  assert.equal(writeup.chat, false);
  assert.equal(writeup.text, '## Problem 1\n\n(a) Find $x$.\n\n(a) $x = 2$\n');
});

test("a person's message keeps the line breaks they typed; a paragraph's wrapped source lines are one line", () => {
  const page = savedChat('## User\n\n1(a) first line\n1(b) second line\n\n## Assistant\n\n(a) $2$\n(b) $3$\n', 'chatgpt-saved');
  const { text } = htmlToMarkdown(page, 'c.html');
  assert.match(text, /^1\(a\) first line\n1\(b\) second line$/m);
  // Near miss: the reply's Markdown paragraph (a soft break, rendered as a space) stays as the app shows it.
  assert.match(text, /^\(a\) \$2\$ \(b\) \$3\$$/m);
});

test("a picture the person posts is their turn's attachment, named as uploaded; a figure in a reply is no text", () => {
  const page = savedChat('## User\n\n![q2b.png](https://files.example/abc?sig=1)\nsolve this\n\n## Assistant\n\n![plot](plot.png)\n\n$c = 2$\n', 'claude-saved');
  const { text } = htmlToMarkdown(page, 'c.html');
  assert.match(text, /\*\*User:\*\*\n\n\[File\]: q2b\.png\n+solve this/);
  assert.doesNotMatch(text, /plot/);
  // Near miss: an upload whose alt text is no file name is named by its address.
  const other = htmlToMarkdown(savedChat('## User\n\n![Uploaded image](https://files.example/file-9.png?x=1)\n\n## Assistant\n\nok\n', 'chatgpt-saved'), 'c.html').text;
  assert.match(other, /\[File\]: file-9\.png/);
});

test('formulas MathJax drew as pictures, without their MathML, are counted in a warning, never lost in silence', async () => {
  const page =
    '<!DOCTYPE html><html><body><p>(a) <mjx-container class="MathJax" jax="SVG"><svg><path d="M0 0"/></svg></mjx-container></p><p>(b) <mjx-container class="MathJax" jax="SVG"><svg/></mjx-container></p></body></html>';
  const doc = await readDocumentFile(Buffer.from(page), 'answers.html');
  assert.equal(doc.kind, 'html');
  assert.deepEqual(doc.warnings, ['answers.html: 2 formulas are drawn as pictures (MathJax SVG without its MathML) and cannot be read; export the page as PDF or with MathML kept']);
  // Near miss: MathJax with its assistive MathML warns of nothing.
  assert.deepEqual((await readDocumentFile(Buffer.from(mathjaxPage('$$x^{2}$$')), 'ok.html')).warnings, []);
});

test("a write-up pandoc made a web page of (MathML, MathJax's or KaTeX's delimiters) grades as its Markdown does", { skip: noPandoc }, async () => {
  const dir = fileURLToPath(new URL('../../test/fixtures/docx/', import.meta.url));
  const { key } = loadKey(readFileSync(join(dir, 'key.yaml'), 'utf8'), 'key.yaml');
  const verdicts = (bytes: Uint8Array | string, path: string) =>
    (typeof bytes === 'string' ? Promise.resolve(readSubmission(bytes, 'dana', key!, undefined, path)) : readSubmissionFile(bytes, 'dana', key!, undefined, path)).then((s) =>
      gradeSubmission(key!, s).parts.map((p) => `${p.id} ${p.verdict}`),
    );
  const markdown = await verdicts(MARKDOWN_WRITEUP, 'dana.md');
  assert.deepEqual(markdown, ['1.a correct', '1.b correct', '2.a correct', '2.b correct', '2.c correct']);
  for (const math of ['--mathml', '--mathjax', '--katex']) {
    const html = pandocConvert(MARKDOWN_WRITEUP, ['-t', 'html5', '-s', math, '--metadata', 'title=Homework'])!;
    assert.deepEqual(await verdicts(html, 'dana.html'), markdown, math);
  }
});

test('a web page is told by its first bytes or its name; a Markdown file that shows some HTML is still Markdown', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s));
  assert.equal(sniffFile(bytes('<!DOCTYPE html>\n<html><body>x</body></html>')), 'html');
  assert.equal(sniffFile(bytes('<!-- saved from url=(0014)about:internet -->\n<html lang="en"><body>x</body></html>')), 'html');
  assert.equal(sniffFile(bytes('<p>answers</p>'), 'answers.htm'), 'html');
  // Near misses: Markdown with inline HTML, and a page's source quoted in a Markdown code block.
  assert.equal(sniffFile(bytes('# Answers\n\n<details><summary>1(a)</summary>$x = 2$</details>\n'), 'a.md'), 'text');
  assert.equal(sniffFile(bytes('1(a) The page was:\n\n```html\n<!DOCTYPE html>\n<html></html>\n```\n'), 'a.md'), 'text');
});

test('a problem set published as a web page is read as its Markdown', () => {
  const html =
    '<!DOCTYPE html><html><head><title>HW 1</title></head><body><h1>Homework 1</h1><ol><li><p>Convolution.</p><ol type="a"><li>Compute <span class="math inline">\\(y = x * h\\)</span>.</li></ol></li></ol></body></html>';
  const text = problemSetText(html, 'hw1.html');
  assert.match(text, /^# Homework 1\n\n1\. Convolution\.\n {3}\(a\) Compute \\\(y = x \* h\\\)\.$/m);
  // The problem set's parts are found in it as in its Markdown.
  assert.deepEqual(
    parseProblemSet(text).questions.flatMap((q) => q.parts.map((p) => p.id)),
    ['1.a'],
  );
  assert.doesNotMatch(text, /<|HW 1/);
});

test('a page nested deeper than any saved page is read without exhausting the stack, and says so; an ordinary depth says nothing', async () => {
  const nested = (depth: number, inner: string) => `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;
  // 30,000 levels: past the stack of any recursive walk (about 10,000 frames); htmlparser2's time
  // grows with the square of the depth, so deeper only makes the test slower.
  const deep = await readDocumentFile(Buffer.from(nested(30_000, '(a) $x = 2$')), 'deep.html');
  assert.match(deep.text!, /\(a\) \$x = 2\$/);
  assert.deepEqual(deep.warnings, ['deep.html: the page nests elements more than 256 deep; what lies deeper is read as plain text']);
  const math = await readDocumentFile(Buffer.from(`<!DOCTYPE html><p>(a) <math>${'<mrow>'.repeat(30_000)}<mi>x</mi>${'</mrow>'.repeat(30_000)}</math></p>`), 'math.html');
  assert.match(math.text!, /^\(a\)/);
  // Near miss: a chat app's own nesting (a few dozen levels) is read as it is, with no warning.
  const ordinary = await readDocumentFile(Buffer.from(nested(60, '<p>(a) $x = 2$</p>')), 'ok.html');
  assert.equal(ordinary.text, '(a) $x = 2$\n');
  assert.deepEqual(ordinary.warnings, []);
});
