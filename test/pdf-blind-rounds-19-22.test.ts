/**
 * Blind rounds 19-22's chats (copied pages, students' remarks, seeds' genre) printed as chat exports
 * and as pages of text, graded with the staff key and set beside the text they print, as rounds
 * 9-18 are (pdf-blind-rounds.test.ts, pdf-blind-rounds-16-18.test.ts). Their LaTeX write-ups are
 * compiled in pdf-blind-rounds-16-18.test.ts, so this file prints no pdflatex layout.
 *
 * First measured in all six chat layouts and as pages (parts compared / parts differing): 19 207 / 12,
 * 20 190 / 27, 21 252 / 31, 22 219 / 45. Three classes were the reader's, rebuilt in
 * pdf-losses-round9.test.ts: two messages the person sent in a row (a remark on how the chat was
 * made, then the question) read as one in the layouts with bubbles, and as a reply in Claude
 * Exporter's, whose stamps alone had made the turns alternate (its shading now says whose each
 * message is: 21 and 22, 34 parts in all); and a header's fields naming the model and the student
 * (`Model: GPT-4.1 ...`, `Student: R. Okafor`) read as a one-exchange chat (21, 10 parts). Then,
 * pdflatex's parts left out: 19 207 / 12, 20 181 / 27, 21 243 / 12, 22 207 / 20. The text reader's
 * classes merged the same night moved the lists: four parts it reads better now (a plain-text
 * table, a `<<` note cut from its line) differ where the page hides why, and eight listed parts
 * agree now. Every listed difference must still occur (assertPrintedRound).
 *
 * Printed in one of the six chat layouts, Claude Exporter's (stamps and shading tell the turns),
 * and as pages: every chat difference the other five showed showed in it too, and the bubbles'
 * class is rebuilt in pdf-losses-round9.test.ts. On two shared cores at a load of 11-12, the file
 * took 104 s with no print cached and 55 s with all of them (112 s cold with Gemini's print as well;
 * all six layouts took 189 s to print alone at a load of 5).
 *
 * Then the reader kept a page's blank line before a line opening in lower case, spaces typed in a
 * row (Le Chat's and Grok's buttons, `Copy   Regenerate`, which tell a copied chat's turns), a bold
 * answer the column wrapped, and measured a typed first word by its glyphs (pdf-losses-round10.test.ts):
 * round 19's 8 parts, 20's and 21's one each read as their text does.
 *
 * Round 23 (held out: listed, not read to fix anything), in Claude Exporter's layout and as pages:
 * 67 parts compared, 25 differing, 20 of them where the text reader finds fewer parts than the PDF's
 * reading does. Measured back to back at a load of 5-8: 43 s cold and 18 s warm without it, 51 s
 * cold and 21-26 s warm with it (and 10 s more cold for its LaTeX report in the 16-18 file).
 */
import { test } from 'node:test';
import { printedRounds } from './fixtures/pdf/heldout-pdfs.js';

const ROUNDS = ['blind-round19', 'blind-round20', 'blind-round21', 'blind-round22', 'blind-round23', 'blind-round24'];
const LAYOUTS = ['claude-exporter'];
// Every round printed in LAYOUTS and as pages, ahead of the tests (see printedRounds).
const { skip, printedRound } = printedRounds(ROUNDS, LAYOUTS);

// Why a part differs where the printed page does not show what the text says.
const EDGE = 'a line ended within a word of the edge looks wrapped on the page';
// A chat copied as text keeps its single line breaks; a printed chat is Markdown, which runs them
// together: the page shows one paragraph (`Layer 1: CONV3-10 Input 28 × 28 × 1. ...`).
const JOINED = "the print runs the text's single line breaks together (Markdown): the page shows one paragraph";
// A rule typed with `=` or `-` (a title's underline, one wider than the column that the page wraps)
// is a line of its own: it once read as the line above's rest or took the line under it in
// (rounds 19, 20, 21 and 23 listed 26 parts so); no rule is (grade-table-columns.test.ts).

test('blind round 19 printed as chat exports and pages grades as its text does', { skip }, async () => {
  await printedRound(['blind-round19'], 70);
});

test('blind round 20 printed as chat exports and pages grades as its text does but for line breaks the print runs together', { skip }, async () => {
  await printedRound(['blind-round20'], 60, {
    'gemini-flash-docs.txt as claude-exporter: 4.e partial -> incorrect': JOINED,
    'gemini-flash-docs.txt as claude-exporter: 4.f correct -> incorrect': JOINED,
    // `... = (n − k + 1)^2 σ_x^2 σ_g^2` / `Standard deviation = ...`: the next line read as its rest.
    'student-gdoc-typed.txt as page: 7.b correct -> partial': EDGE,
  });
});

test('blind round 21 printed as chat exports and pages grades as its text does', { skip }, async () => {
  await printedRound(['blind-round21'], 60);
});

test('blind round 22 printed as chat exports and pages grades as its text does but for a placement by content', { skip }, async () => {
  await printedRound(['blind-round22'], 70, {
    // (`━━━━` / `(a) Gradient with respect to w` / `━━━━`, printed as one line, is a label framed by rules with
    // its title, read since round 42's Usenet thread: qwen-app's 7.a and 7.d grade as from the text.)
    // Rendered as this exporter's transcript, the phone app's chat has at most one part the reader
    // recognises: the content placement sends 4.a to review from the transcript's text, and places
    // nothing from its print.
    'gemini-android-photos-q4.txt as claude-exporter: 4.a needs-review -> missing': 'placed by content from the text only',
  });
});

test('blind round 23 printed as chat exports and pages grades as its text does', { skip }, async () => {
  // Its Notion report is HTML and its LaTeX report compiles in pdf-blind-rounds-16-18.test.ts. A copied
  // chat page whose role lines sit between rules wider than the column (`────` / `You` / `────`) once
  // read apart from its text: the rules are lines of their own now. The studymode, T3 Chat and LMArena
  // losses first listed here read as the text does too (pdf-losses-rounds23-24.test.ts).
  await printedRound(['blind-round23'], 60);
});

test('blind round 24 printed as chat exports and pages grades as its text does', { skip }, async () => {
  // Its bracket-tagged page once read another value for 2.b: the print ran the conclusion
  // (`=> c = 1/sqrt(d_in)`) into a prose line, and a variance written in `c²` won; such a value is
  // working now (test/grade-found-parts-round25.test.ts).
  await printedRound(['blind-round24'], 50);
});
