/**
 * The PDF reader: per source kind (KaTeX and MathJax 3 printed by Chromium, pdflatex), the share of formulas
 * read back exactly and the share `check` finds equal to the source; pages per second; peak
 * memory reading a 100-page PDF; the real chat exports in ../shared/corpus: turns and the
 * share of formulas the checker's reader can read; and the held-out stand-in: transcripts in
 * other models' styles printed as chat exports, the share of parts graded as from the text.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentFile } from '../src/documents/read-file.js';
import { readMessages, detectFormat } from '../src/documents/transcripts.js';
import { parseMath } from '../src/math/latex/parse.js';
import { checkAnswer } from '../src/check/check.js';
import { FORMULAS } from '../test/fixtures/pdf/formulas.js';
import { answersLatex, answersMarkdown, chromiumPdfs, katexHtml, normalizeTex, pdflatexPdf, readBack } from '../test/fixtures/pdf/generate.js';
import { heldoutPdfPairs, heldoutPdfSkip } from '../test/fixtures/pdf/heldout-pdfs.js';
import { mathjaxHtml } from '../test/fixtures/pdf/mathjax.js';
import { corpusDir } from './corpus.js';

function compare(text: string) {
  const back = readBack(text, FORMULAS.length);
  let exact = 0;
  let equal = 0;
  let checkable = 0;
  FORMULAS.forEach((f, i) => {
    const same = normalizeTex(f) === normalizeTex(back[i]!);
    if (same) exact++;
    const r = checkAnswer({ value: f }, back[i] ? `$${back[i]}$` : '');
    if (!(r.verdict === 'undecided' && /expected answer could not be read/.test(r.reason ?? ''))) checkable++;
    if (r.verdict === 'correct') equal++;
  });
  return { exact, equal, checkable };
}

async function timed(pdf: Uint8Array, pages: number) {
  const t0 = performance.now();
  const doc = await readDocumentFile(pdf, 'bench.pdf');
  const s = (performance.now() - t0) / 1000;
  return { doc, pagesPerSecond: pages / s };
}

/** One source kind's line: the formulas read back from one PDF, pages per second over a longer one. */
async function row(label: string, one: Uint8Array, many: Uint8Array): Promise<string> {
  const n = FORMULAS.length;
  const { doc } = await timed(one, 1);
  const r = compare(doc.text!);
  const pages = (await readDocumentFile(many, 'n.pdf')).source!.pages!;
  const speed = await timed(many, pages);
  return `${label}: ${n} formulas, read back exactly ${r.exact}/${n} = ${pct(r.exact, n)}, equal by check ${r.equal}/${r.checkable} = ${pct(r.equal, r.checkable)} (of those check reads as expected; ${n - r.checkable} it cannot); ${speed.pagesPerSecond.toFixed(1)} pages/s over ${pages} pages`;
}

/** Formulas (inline and display), pages of them, and the readings. */
export async function runPdfBench(): Promise<string[]> {
  const out: string[] = [];
  const twenty = Array.from({ length: 20 }, () => FORMULAS).flat();
  const katex = await chromiumPdfs([katexHtml(answersMarkdown(FORMULAS)), katexHtml(answersMarkdown(twenty))]);
  if (!katex) out.push('KaTeX via Chromium: skipped (no /usr/bin/chromium)');
  else {
    await readDocumentFile(katex[0]!, 'warm.pdf');
    out.push(await row('KaTeX via Chromium', katex[0]!, katex[1]!));
  }
  const mathjax = await chromiumPdfs([mathjaxHtml(answersMarkdown(FORMULAS)), mathjaxHtml(answersMarkdown(twenty))]);
  if (mathjax) out.push(await row('MathJax 3 CHTML via Chromium', mathjax[0]!, mathjax[1]!));
  const latex = pdflatexPdf(answersLatex(FORMULAS));
  const latexMany = latex && pdflatexPdf(answersLatex(twenty));
  if (!latex || !latexMany) out.push('pdflatex: skipped (no /usr/bin/pdflatex)');
  else out.push(await row('pdflatex (Computer Modern)', latex, latexMany));
  // Memory: a 100-page PDF read whole (KaTeX pages, the heaviest to rebuild).
  if (katex) {
    const hundred = await chromiumPdfs([katexHtml(answersMarkdown(Array.from({ length: 38 }, () => FORMULAS).flat()))]);
    const pdf = hundred![0]!;
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t0 = performance.now();
    const doc = await readDocumentFile(pdf, 'hundred.pdf');
    const s = (performance.now() - t0) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const pages = doc.source!.pages!;
    out.push(`${pages}-page PDF: peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - before) / 2 ** 20).toFixed(0)} MB above the process before), ${(pages / s).toFixed(1)} pages/s`);
  }
  out.push(...(await corpusLines()));
  out.push(...(await heldoutLines()));
  return out;
}

/** The held-out stand-in: the held-out-style transcripts printed as chat exports, graded from the PDF and from the text. */
async function heldoutLines(): Promise<string[]> {
  const skip = heldoutPdfSkip();
  if (skip) return [`held-out styles as chat-export PDFs: skipped (${skip})`];
  const pairs = await heldoutPdfPairs();
  const same = pairs.filter((p) => p.text === p.pdf).length;
  const layouts = new Set(pairs.map((p) => p.layout));
  const fixtures = new Set(pairs.map((p) => p.fixture));
  const pdfs = new Set(pairs.map((p) => `${p.fixture}|${p.layout}`)).size;
  return [
    `held-out styles as chat-export PDFs (${pdfs} PDFs of ${fixtures.size} transcripts; ${[...layouts].join(', ')}): part verdicts equal to the text's ${same}/${pairs.length} = ${pct(same, pairs.length)}`,
    ...(VERBOSE ? pairs.filter((p) => p.text !== p.pdf).map((p) => `    ${p.fixture} as ${p.layout}: ${p.part} ${p.text} from the text, ${p.pdf} from the PDF`) : []),
  ];
}

/** `--verbose`: every formula of the real exports the checker's reader cannot read, with why. */
const VERBOSE = process.argv.includes('--verbose');

/** The checker's reader's refusals of complete, well-formed LaTeX (its policy, not a misreading). */
const REFUSED = /an elided list|needs an index and both bounds/;

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

/** The real chat exports: format found, turns, formulas the checker's reader reads. */
async function corpusLines(): Promise<string[]> {
  const dir = corpusDir();
  const chats = dir ? join(dir, 'dev/pdf-chats') : undefined;
  if (!chats || !existsSync(chats)) return ['real chat exports: skipped (../shared/corpus is not beside the project)'];
  const out: string[] = [];
  let readable = 0;
  let byDesign = 0;
  let total = 0;
  for (const f of readdirSync(chats).filter((x) => x.endsWith('.pdf'))) {
    const bytes = new Uint8Array(readFileSync(join(chats, f)));
    const t0 = performance.now();
    const doc = await readDocumentFile(bytes, f);
    const s = (performance.now() - t0) / 1000;
    const text = doc.text ?? '';
    const format = detectFormat(text, f);
    const messages = format === 'writeup' ? [] : readMessages(text, format);
    const formulas = [...text.matchAll(/\$\$([^$]+)\$\$|\$([^$\n]+)\$/g)].map((m) => (m[1] ?? m[2])!);
    let ok = 0;
    let refused = 0;
    const unreadable: string[] = [];
    for (const x of formulas) {
      try {
        parseMath(x);
        ok++;
      } catch (e) {
        // Counted as unreadable; apart, what the checker refuses by design (`\ldots`, `\sum_j`).
        if (REFUSED.test((e as Error).message)) refused++;
        if (VERBOSE) unreadable.push(`    ${f}: ${(e as Error).message} | ${x.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
    readable += ok;
    byDesign += refused;
    total += formulas.length;
    const turns =
      format === 'writeup'
        ? 'a write-up (no turns)'
        : `${messages.filter((m) => m.role === 'user').length} user / ${messages.filter((m) => m.role === 'assistant').length} model turns, ${messages.filter((m) => m.role === 'note').length + doc.notes.length} remarks`;
    out.push(`  ${f}: ${doc.source?.pages} pages, ${(doc.source!.pages! / s).toFixed(1)} pages/s, ${turns}, formulas readable ${ok}/${formulas.length} = ${pct(ok, formulas.length)}`, ...unreadable);
  }
  return [
    `real chat exports (../shared/corpus/dev/pdf-chats): formulas readable by the checker's reader ${readable}/${total} = ${pct(readable, total)}; with the ${byDesign} it refuses by design (elided lists, sums without bounds) ${pct(readable + byDesign, total)}`,
    ...out,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runPdfBench()) console.log(line);
