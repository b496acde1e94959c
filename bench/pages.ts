/**
 * Web pages and OpenDocument texts: the share of formulas (the PDF classes and the .docx ones)
 * that come back equal to their source by `check` from a KaTeX-rendered page, a page MathJax 3
 * typeset (its assistive MathML), and pandoc's .odt (MathML objects); near misses accepted;
 * documents per second with the input sizes, for one answer sheet and one twenty times its length.
 */
import { fileURLToPath } from 'node:url';
import { htmlToMarkdown } from '../src/documents/html/index.js';
import { odtToMarkdown } from '../src/documents/odt/index.js';
import { FORMULAS } from '../test/fixtures/pdf/formulas.js';
import { answersMarkdown } from '../test/fixtures/pdf/generate.js';
import { roundTrip } from '../test/fixtures/pdf/round-trip.js';
import { DOCX_FORMULAS, DOCX_NEAR_MISSES } from '../test/fixtures/docx/formulas.js';
import { PANDOC, pandocConvert } from '../test/fixtures/docx/pandoc.js';
import { katexPage, mathjaxPage } from '../test/fixtures/html/saved-chat.js';

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const kb = (b: Uint8Array) => `${(b.length / 1024).toFixed(1)} KB`;

/** Documents per second of `read` (at least 20 reads, at least half a second). */
function speed(read: () => unknown): number {
  read();
  let n = 0;
  const t0 = performance.now();
  while (n < 20 || performance.now() - t0 < 500) {
    read();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

type Maker = { label: string; make: (markdown: string) => Uint8Array | undefined; name: string; read: (bytes: Uint8Array) => unknown };

const MAKERS: Maker[] = [
  { label: 'KaTeX page', make: (md) => Buffer.from(katexPage(md)), name: 'bench.html', read: (b) => htmlToMarkdown(Buffer.from(b).toString('utf8'), 'bench.html') },
  { label: 'MathJax 3 page', make: (md) => Buffer.from(mathjaxPage(md)), name: 'bench.html', read: (b) => htmlToMarkdown(Buffer.from(b).toString('utf8'), 'bench.html') },
  { label: 'pandoc .odt', make: (md) => pandocConvert(md, ['-t', 'odt']), name: 'bench.odt', read: (b) => odtToMarkdown(b, 'bench.odt') },
];

/** One line per measurement. */
export async function runPagesBench(): Promise<string[]> {
  const out: string[] = [];
  for (const m of MAKERS) {
    if (m.name.endsWith('.odt') && !PANDOC) {
      out.push(`${m.label}: skipped (no pandoc; apt-get install pandoc)`);
      continue;
    }
    for (const [label, formulas, near] of [
      ['PDF classes', FORMULAS, undefined],
      ['.docx classes', DOCX_FORMULAS, DOCX_NEAR_MISSES],
    ] as const) {
      const one = m.make(answersMarkdown([...formulas]))!;
      const many = m.make(answersMarkdown(Array.from({ length: 20 }, () => formulas).flat()))!;
      const r = await roundTrip(one, m.name, [...formulas], near ? [...near] : undefined);
      const n = formulas.length;
      out.push(
        `${m.label}, ${label}: ${n} formulas, equal by check ${r.equal}/${n} = ${pct(r.equal, n)}, near misses accepted ${r.accepted.length}; ${kb(one)} at ${speed(() => m.read(one)).toFixed(0)} documents/s, ${n * 20} formulas in ${kb(many)} at ${speed(() => m.read(many)).toFixed(1)} documents/s`,
      );
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) for (const line of await runPagesBench()) console.log(line);
