/**
 * How pdflatex lays out a write-up, read as the page shows it: a list item's text wrapped under
 * its hanging indent is one line again, as the source wrote it; the page number is the page's,
 * never the last part's answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { PDFLATEX, pdflatexPdf } from './fixtures/pdf/generate.js';
import { readSubmissionFile } from '../src/documents/submission.js';
import { loadKey } from '../src/documents/key.js';

const noTex = !PDFLATEX && 'no /usr/bin/pdflatex';

test("pdflatex's page number under a write-up whose last line is a list item is not read as a display formula", { skip: noTex }, async () => {
  // The centred folio is a lone upright digit, centred under lines that fill the text's width
  // (as a display formula is): it read as `$$1$$` after the last answer.
  const body = String.raw`\section*{Problem 6}
\begin{enumerate}
\item Each layer sees the one below it through a window as wide as its kernel, and the windows overlap, so the stride is $s = 2$.
\item The kernel is $3 \times 3$, so the field grows by $2$ per layer.
\end{enumerate}`;
  const text = (await readDocumentFile(pdflatexPdf(body)!, 'short.pdf')).text!;
  assert.match(text, /grows by \$?2\$? per layer\.\s*$/, text);
  assert.doesNotMatch(text, /\$\$\s*1\s*\$\$/, text);
});

test('a number displayed last on the page, right above the page number or with none, stays', { skip: noTex }, async () => {
  // Near miss: centred numbers at the foot of the text, the page's own number among them.
  const page = (answer: number, folio: boolean) => String.raw`${folio ? '' : '\\thispagestyle{empty}'}
\section*{Problem 8}
The count is $m$ and the total is
\vspace*{\fill}
\[ ${answer} \]`;
  const [above, alone] = await Promise.all([pdflatexPdf(page(7, true))!, pdflatexPdf(page(1, false))!].map((b) => readDocumentFile(b, 'answer.pdf')));
  assert.match(above!.text!, /the total is\s+(?:\$\$)?7(?:\$\$)?\s*$/, above!.text);
  assert.match(alone!.text!, /the total is\s+(?:\$\$)?1(?:\$\$)?\s*$/, alone!.text);
});

test("a list item's text wrapped under its hanging indent is one line again, on a long page and on a short one", { skip: noTex }, async () => {
  const long = String.raw`\section*{Problem 2}
\begin{enumerate}
\item[(a)] The layer slides its kernel over every position where it fits entirely inside the input, one step at a time in each direction, and each position it stops at gives one entry of the output, so along the rows it stops $m - k + 1$ times.

The same count holds for the columns, where it stops $n - k + 1$ times.
\item[(b)] With padding $p$ on each side the count becomes $m + 2p - k + 1$.
\end{enumerate}`;
  // Two items wrapped once each: only two lines reach the right edge, where the justified text ends.
  const short = String.raw`\section*{Problem 3}
\begin{enumerate}
\item For $n < 0$ the output is 0; for $0 \le n \le 6$ it is $2 - 2^{-n}$; after that it decays as $127 \cdot 2^{-n}$.
\item Shifting the input by $N = 5$ shifts the output: $y_2[n] = y[n-5]$. This is time invariance.
\item Short.
\end{enumerate}`;
  const [a, b] = await Promise.all([pdflatexPdf(long)!, pdflatexPdf(short)!].map((x) => readDocumentFile(x, 'items.pdf')));
  const lines = a!.text!.split('\n');
  assert.ok(
    lines.some((l) => l.startsWith('(a) The layer slides') && l.endsWith('it stops $m-k+1$ times.')),
    a!.text,
  );
  // Near miss: a second paragraph of the item starts at the same indent, after a line that ends short.
  assert.ok(lines.includes('The same count holds for the columns, where it stops $n - k + 1$ times.'), a!.text);
  const items = b!.text!.split('\n');
  assert.ok(
    items.some((l) => l.startsWith('1. For $n < 0$') && l.endsWith('it decays as $127 \\cdot 2^{-n}$.')),
    b!.text,
  );
  assert.ok(
    items.some((l) => l.startsWith('2. Shifting') && l.endsWith('This is time invariance.')),
    b!.text,
  );
  assert.ok(items.includes('3. Short.'), b!.text);
});

test("pdflatex's default enumerate: `1.` `2.` under a question heading are its lettered parts, `(a)` `(b)` inside one its subparts; numbered steps stay steps", { skip: noTex }, async () => {
  const key = loadKey(
    [
      'partcredit: 1',
      'parts:',
      '  1.a: { answer: "3", points: 1 }',
      '  1.b: { answer: "5", points: 1 }',
      '  1.c.i: { answer: "7", points: 1 }',
      '  1.c.ii: { answer: "9", points: 1 }',
      '  2.a: { answer: "11", points: 1 }',
      '  2.b: { answer: "13", points: 1 }',
      '  3.a: { answer: "17", points: 1 }',
      '  3.b: { answer: "19", points: 1 }',
      '  4: { answer: "23", points: 1 }',
      '',
    ].join('\n'),
    'key.yaml',
  ).key!;
  const body = String.raw`\section*{Problem 1}
\begin{enumerate}
\item The first count is $3$.
\item The second count is $5$.
\item
\begin{enumerate}
\item With padding the output has $7$ entries.
\item With stride two it has $9$.
\end{enumerate}
\end{enumerate}
\section*{Problem 2}
We work it out in steps.
\begin{enumerate}
\item Flip the kernel.
\item Slide it: every entry is $11$.
\end{enumerate}
\section*{Problem 3}
\begin{enumerate}
\item Count the windows.
\item Add the border.
\item Multiply by the channels.
\item So the total is $17$.
\end{enumerate}
\section*{Problem 4}
\begin{enumerate}
\item Shift the input.
\item The output shifts the same way: $23$.
\end{enumerate}`;
  const sub = await readSubmissionFile(pdflatexPdf(body)!, 'enumerate.pdf', key);
  const answered = new Map(sub.responses.map((r) => [r.partId, r.final?.text ?? r.first?.text ?? '']));
  assert.match(answered.get('1.a') ?? '', /first count is \$?3\$?\./, sub.text);
  assert.match(answered.get('1.b') ?? '', /second count is \$?5\$?\./, sub.text);
  assert.match(answered.get('1.c.i') ?? '', /\$?7\$? entries/, sub.text);
  assert.match(answered.get('1.c.ii') ?? '', /has \$?9\$?\./, sub.text);
  // Near misses: steps after the question's own sentence, more steps than the question has parts,
  // and steps under a question without parts are not its parts.
  assert.equal(answered.has('2.a') || answered.has('2.b'), false, [...answered.keys()].join(' '));
  assert.equal(answered.has('3.a') || answered.has('3.b'), false, [...answered.keys()].join(' '));
  assert.match(answered.get('4') ?? '', /Shift the input[\s\S]*\$?23\$?\./, sub.text);
});
