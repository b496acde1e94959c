/**
 * What pdflatex prints around a write-up's answers, read as the page shows it: the page number is
 * the page's, never the last part's answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentFile } from '../src/documents/read-file.js';
import { PDFLATEX, pdflatexPdf } from './fixtures/pdf/generate.js';

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
