/**
 * The .docx reader: the share of formulas (the PDF classes and the .docx ones) pandoc writes as
 * Office Math that come back equal to their source by `check`; documents per second and the
 * input sizes, for one answer sheet and a write-up twenty times its length; the committed
 * Word-style write-up too (no pandoc needed).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docxToMarkdown } from '../src/documents/docx/index.js';
import { FORMULAS } from '../test/fixtures/pdf/formulas.js';
import { answersMarkdown } from '../test/fixtures/pdf/generate.js';
import { roundTrip } from '../test/fixtures/pdf/round-trip.js';
import { DOCX_FORMULAS, DOCX_NEAR_MISSES } from '../test/fixtures/docx/formulas.js';
import { PANDOC, pandocDocx } from '../test/fixtures/docx/pandoc.js';

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const kb = (b: Uint8Array) => `${(b.length / 1024).toFixed(1)} KB`;

/** Documents per second reading `bytes` (at least 20 reads, at least half a second). */
function speed(bytes: Uint8Array): number {
  docxToMarkdown(bytes, 'warm.docx');
  let n = 0;
  const t0 = performance.now();
  while (n < 20 || performance.now() - t0 < 500) {
    docxToMarkdown(bytes, 'bench.docx');
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** One line per measurement. */
export async function runDocxBench(): Promise<string[]> {
  const out: string[] = [];
  const committed = new Uint8Array(readFileSync(fileURLToPath(new URL('../../test/fixtures/docx/word-writeup.docx', import.meta.url))));
  out.push(`Word-style write-up (committed, ${kb(committed)}): ${speed(committed).toFixed(0)} documents/s`);
  if (!PANDOC) return [...out, 'pandoc round trip: skipped (no pandoc; apt-get install pandoc)'];
  for (const [label, formulas, near] of [
    ['PDF classes', FORMULAS, undefined],
    ['.docx classes', DOCX_FORMULAS, DOCX_NEAR_MISSES],
  ] as const) {
    const one = pandocDocx(answersMarkdown([...formulas]))!;
    const many = pandocDocx(answersMarkdown(Array.from({ length: 20 }, () => formulas).flat()))!;
    const r = await roundTrip(one, 'bench.docx', [...formulas], near ? [...near] : undefined);
    const n = formulas.length;
    out.push(
      `pandoc .docx, ${label}: ${n} formulas, read back exactly ${r.exact}/${n} = ${pct(r.exact, n)}, equal by check ${r.equal}/${n} = ${pct(r.equal, n)}, near misses accepted ${r.accepted.length}; ${kb(one)} at ${speed(one).toFixed(0)} documents/s, ${n * 20} formulas in ${kb(many)} at ${speed(many).toFixed(1)} documents/s`,
    );
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) for (const line of await runDocxBench()) console.log(line);
