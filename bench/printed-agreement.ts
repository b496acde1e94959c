/**
 * A stand-in for issue 10's held-out figure (PDF exports of the seeds' homework by other models,
 * graded with the staff key, right-vs-wrong with a TA): labelled blind rounds printed as the PDFs
 * people hand in, and graded from the PDFs with `partcredit agreement`'s own code, beside the
 * same rounds graded from their text. A chat prints as Claude Exporter's PDF (its layout showed
 * every loss the other five exporters' did; see test/pdf-blind-rounds-19-22.test.ts), a page
 * copied as text or a plain write-up as a page of text, a LaTeX source compiled by pdflatex, an
 * HTML report as Chromium prints it.
 *
 * `node dist/bench/printed-agreement.js [--keep DIR] [round ...]` (folders under test/fixtures;
 * default: every folder with a labels file of hw4-fa25). Needs Chromium (and pdflatex for LaTeX
 * sources); prints are cached as the tests' are (PARTCREDIT_TEST_PDF_CACHE). `--keep DIR` leaves
 * each round's prints and labels copies in DIR/ROUND, so `partcredit agreement
 * DIR/ROUND/printed.labels.yaml` lists what printing cost, part by part.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { measureAgreement } from '../src/cli/agreement.js';
import { agreementReport, percent } from '../src/grade/agreement.js';
import { captionsAsText } from '../src/documents/captions.js';
import { flashcardDeckAsMarkdown } from '../src/documents/flashcard-deck.js';
import { noteExportAsText } from '../src/documents/note-exports.js';
import { outlineAsMarkdown } from '../src/documents/outline-trees.js';
import { notebookScriptAsMarkdown } from '../src/documents/notebook-script.js';
import { readDocumentFile } from '../src/documents/read-file.js';
import { sniffFile } from '../src/documents/sniff.js';
import { scriptCellsAsMarkdown } from '../src/documents/script-cells.js';
import type { Delimiter } from '../src/documents/sheet-delimiter.js';
import { sheetCells } from '../src/documents/spreadsheet.js';
import { chatExport, textPage } from '../test/fixtures/pdf/chat-export.js';
import { CHROMIUM, PDFLATEX, chromiumPdfs, pdflatexDocument } from '../test/fixtures/pdf/generate.js';
import { asMarkdownChat } from '../test/fixtures/pdf/heldout-pdfs.js';
import { corpusDir } from './corpus.js';
import { labelledRounds, labelsCopy, labelsPathOf } from './labelled-rounds.js';

/** How the app a file belongs to shows it: mail, rich text, captions, notebooks kept as scripts, note apps' exports, decks, outlines. */
const APP_VIEWS: readonly ((text: string) => string)[] = [captionsAsText, scriptCellsAsMarkdown, notebookScriptAsMarkdown, noteExportAsText, flashcardDeckAsMarkdown, outlineAsMarkdown];

/**
 * What a person sees of a file in the app it belongs to, and so prints from it: a mail client shows
 * the messages, not their MIME source; a word processor the text, not its RTF; a player the
 * captions' words; Jupyter a notebook's cells; a note app the note; a flashcard app its cards; an outliner its outline. Undefined for a file read as it is.
 */
async function shownByItsApp(file: string, bytes: Uint8Array, text: string): Promise<string | undefined> {
  // (Only mail and rich text need their bytes read by the file reader; every other view is of the decoded text.)
  const kind = sniffFile(bytes, file);
  if (kind === 'mail' || kind === 'rtf') return (await readDocumentFile(bytes, file)).text;
  for (const view of APP_VIEWS) {
    const shown = view(text);
    if (shown !== text) return shown;
  }
  return undefined;
}

/** What a student hands in for one submission's source: a chat's export, a page of text, a compiled source, a printed page; undefined when it cannot be made here. */
async function printJob(file: string, bytes: Uint8Array): Promise<{ kind: string; job?: Parameters<typeof chromiumPdfs>[0][number]; pdf?: () => Uint8Array | undefined; printedText?: string }> {
  const text = new TextDecoder().decode(bytes);
  if (file.endsWith('.tex'))
    return {
      kind: 'pdflatex',
      pdf: () => {
        // A source that does not compile as it stands (a fragment, a package TeX Live here lacks) is handed in as no PDF.
        try {
          return PDFLATEX ? pdflatexDocument(text) : undefined;
        } catch {
          return undefined;
        }
      },
    };
  if (file.endsWith('.html')) return { kind: 'html', job: text };
  // A grading sheet is handed in as the spreadsheet prints it (File → Download → PDF): a grid, landscape.
  if (/\.(?:csv|tsv)$/i.test(file))
    return {
      kind: 'sheet',
      job: { html: sheetPage(text, file.endsWith('.tsv') ? '\t' : ','), pdf: { width: '297mm', height: '210mm', margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } } },
    };
  const shown = await shownByItsApp(file, bytes, text);
  if (shown !== undefined) return /^\s*</.test(shown) ? { kind: 'app view', job: shown, printedText: shown } : { kind: 'app view', job: textPage(shown), printedText: shown };
  const chat = asMarkdownChat(text, file, true);
  if (chat) return { kind: 'claude-exporter', job: chatExport(chat, 'claude-exporter'), printedText: chat };
  return { kind: 'page', job: textPage(text) };
}

/** A sheet's rows as a spreadsheet prints them: a grid of cells, text wrapped within each. */
function sheetPage(text: string, named: Delimiter): string {
  const escape = (c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // The separator as the spreadsheet reads it: a decimal-comma locale's `.csv` is `;`-separated.
  const rows = sheetCells(text, named).rows.filter((r) => r.some((c) => c));
  const css = 'body{font:10px Arial,sans-serif;margin:0} table{border-collapse:collapse} td{border:1px solid #999;padding:2px 4px;vertical-align:top;white-space:pre-wrap;max-width:260px}';
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
}

/** One round graded from its text, from the text it prints and from its prints. */
interface RoundFigures {
  lines: string[];
  parts: number;
  pdfRight: number;
  textRight: number;
  printedRight: number;
}

async function printedRound(round: string, tmp: string): Promise<RoundFigures> {
  const labelsPath = labelsPathOf(round);
  const dir = dirname(labelsPath);
  const doc = parseDocument(readFileSync(labelsPath, 'utf8'));
  const submissions = (doc.get('submissions') as { toJSON(): Record<string, { source: string }> }).toJSON();
  const out = join(tmp, round);
  const kinds = new Map<string, number>();
  const jobs: { name: string; job: Parameters<typeof chromiumPdfs>[0][number] }[] = [];
  const written = new Map<string, string>();
  // What each print shows as text: a chat's Markdown as printed (site chrome and remarks left out), what an app shows of its file, else the file itself.
  const printedTexts = new Map<string, string>();
  mkdirSync(out, { recursive: true });
  const unprinted: string[] = [];
  for (const [name, s] of Object.entries(submissions)) {
    // One file the bench cannot print is reported and left out; the rest of the round is still measured.
    const p = await printJob(s.source, readFileSync(join(dir, s.source))).catch((e: unknown) => {
      unprinted.push(`  not printed: ${s.source}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    if (!p) continue;
    const pdfName = `${basename(s.source).replace(/\.[^.]+$/, '')}.pdf`;
    if (p.pdf) {
      const pdf = p.pdf();
      if (!pdf) continue;
      writeFileSync(join(out, pdfName), pdf);
    } else if (p.job) jobs.push({ name: pdfName, job: p.job });
    written.set(name, pdfName);
    if (p.printedText !== undefined) {
      writeFileSync(join(out, `${name}.printed.md`), p.printedText);
      printedTexts.set(name, `${name}.printed.md`);
    } else printedTexts.set(name, join(dir, s.source));
    kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  }
  const pdfs = await chromiumPdfs(jobs.map((j) => j.job));
  jobs.forEach((j, i) => writeFileSync(join(out, j.name), pdfs![i]!));
  // A submission that could not be printed is left out of every figure.
  const printed = new Set(written.keys());
  const asText = agreementReport((await measureAgreement({ labels: labelsPath })).report.rows.filter((r) => printed.has(r.submission))).overall;
  const asPrintedText = (await measureAgreement({ labels: labelsCopy(labelsPath, printedTexts, join(out, 'printed-text.labels.yaml')) })).report.overall;
  const o = (await measureAgreement({ labels: labelsCopy(labelsPath, written, join(out, 'printed.labels.yaml')) })).report.overall;
  const lines = [
    `${round}: ${written.size} of ${Object.keys(submissions).length} submissions printed (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${o.parts} non-text parts`,
    `  right-vs-wrong from the PDFs ${percent(o.rightWrong, o.parts)} (exact ${percent(o.exact, o.parts)}, confidently wrong ${o.confidentlyWrong}, needs-review ${o.needsReview}); from the text they print ${percent(asPrintedText.rightWrong, asPrintedText.parts)}; from the files ${percent(asText.rightWrong, asText.parts)}`,
    ...unprinted,
  ];
  return { lines, parts: o.parts, pdfRight: o.rightWrong, textRight: asText.rightWrong, printedRight: asPrintedText.rightWrong };
}

/** Every round asked for (or every labelled one), printed and graded; the total over them. */
export async function runPrintedAgreement(rounds = labelledRounds(), keep?: string): Promise<string[]> {
  const corpus = corpusDir();
  if (!corpus || !existsSync(join(corpus, 'dev', 'hw4-fa25', 'hw4-fa25.key.yaml'))) return ['skipped: ../shared/corpus/dev/hw4-fa25 is not beside the project'];
  if (!CHROMIUM) return ['skipped: no /usr/bin/chromium to print with'];
  const tmp = keep ?? mkdtempSync(join(tmpdir(), 'pc-printed-'));
  const lines: string[] = [];
  let parts = 0;
  let pdfRight = 0;
  let textRight = 0;
  let printedRight = 0;
  try {
    for (const round of rounds) {
      const r = await printedRound(round, tmp);
      lines.push(...r.lines);
      parts += r.parts;
      pdfRight += r.pdfRight;
      textRight += r.textRight;
      printedRight += r.printedRight;
    }
    lines.push(
      `all ${rounds.length} rounds: ${parts} non-text parts printed; right-vs-wrong from the PDFs ${percent(pdfRight, parts)} (issue 10's held-out target >= 85%), from the text they print ${percent(printedRight, parts)}, from the files ${percent(textRight, parts)}`,
    );
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
  if (keep) lines.push(`prints kept in ${keep}: partcredit agreement ${join(keep, '<round>', 'printed.labels.yaml')} lists each part printing cost`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--keep');
  const keep = at >= 0 ? args.splice(at, 2)[1] : undefined;
  if (at >= 0 && !keep) {
    console.error('--keep needs a folder to keep the prints in');
    process.exit(2);
  }
  for (const line of await runPrintedAgreement(args.length > 0 ? args : undefined, keep)) console.log(line);
}
