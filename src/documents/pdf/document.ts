import { createHash } from 'node:crypto';
import type { Message } from '../../model/submission.js';
import { linesToMarkdown, lineSteps, readPdfLayout, type PdfText, type TextLine } from './index.js';
import { splitStampRemarks, splitTurns } from './chat.js';
import { renderRegion } from './render.js';

/** Reads a page image into Markdown + LaTeX (a vision model, injected by `run/`). */
export interface PageTranscriber {
  /** A name for the store and for messages (`openai:gpt-5`). */
  readonly name: string;
  transcribe(page: { number: number; png: Buffer; hash: string }): Promise<string>;
}

/** Where a line of the rebuilt text stands in the PDF. */
export interface PdfRegion {
  /** 1-based line of the rebuilt text. */
  line: number;
  page: number;
  box: [number, number, number, number];
}

/** A PDF rebuilt as text a transcript or write-up reader takes. */
export interface PdfDocument {
  text: string;
  /** `markdown-chat` when turns were told apart, else a write-up. */
  chat: boolean;
  regions: PdfRegion[];
  /** Remarks a person typed on the pages ("Evaluation: correct"), kept apart from the answers. */
  notes: Message[];
  warnings: string[];
  pages: number;
  /** Pages read by a vision model, with what it read (kept so a person can check it). */
  transcribed: { page: number; model: string; hash: string; text: string }[];
}

/** Paragraphs that are a reader's verdict on the model, not the model's text. */
const REMARK_LINE = /^(?:\*\*)?(?:Evaluation|Observation|Grader'?s? (?:note|comment)|My (?:note|comment)|Comment|Remark|Verdict)s?(?:\*\*)?\s*[:.]/i;

/** Run-in labels of a report on a chat ("... data. Model Reply. Weight sharing ..."): each starts a line. */
const RUN_IN = /(?<=[.!?)\]]\s+)(?=(?:Prompt|Model Reply|Model Response|Reply|Response|Observation|Evaluation)[.:](?:\s|$))/;

function splitRunIn(lines: TextLine[]): TextLine[] {
  return lines.flatMap((l) => {
    const parts = l.text.split(RUN_IN);
    return parts.length > 1 ? parts.map((text) => ({ ...l, text: text.trim() })) : [l];
  });
}

function pullRemarks(lines: TextLine[], notes: Message[]): TextLine[] {
  const kept: TextLine[] = [];
  let inRemark = false;
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (REMARK_LINE.test(l.text)) inRemark = true;
    // A remark runs to the paragraph's end: a wider step or another page.
    else if (inRemark && prev && (prev.page !== l.page || prev.box.y0 - l.box.y1 > 0.8 * l.size)) inRemark = false;
    if (inRemark) {
      const last = notes[notes.length - 1];
      if (last && !REMARK_LINE.test(l.text)) last.text += ` ${l.text}`;
      else notes.push({ role: 'note', text: l.text });
    } else kept.push(l);
  });
  return kept;
}

/**
 * Reads a PDF: the text layer rebuilt into Markdown + LaTeX, a chat export's turns told apart
 * (written as a Markdown chat the transcript reader takes), pages without text read by the
 * transcriber when there is one, else named in a warning.
 */
export async function readPdfDocument(bytes: Uint8Array, path: string, transcriber?: PageTranscriber): Promise<PdfDocument> {
  const layout: PdfText = await readPdfLayout(bytes);
  const warnings: string[] = [];
  const transcribed: PdfDocument['transcribed'] = [];
  let lines = layout.lines;
  // Formulas drawn as paths have no text to read: the page needs eyes, as a scan does.
  if (layout.pathDrawn.length && !transcriber) {
    const list = `page${layout.pathDrawn.length > 1 ? 's' : ''} ${layout.pathDrawn.join(', ')}`;
    warnings.push(
      `${path}: formulas drawn as shapes, not text, on ${list} (MathJax's SVG output?); they are not read: read ${layout.pathDrawn.length > 1 ? 'them' : 'it'} with --read-with MODEL, a vision model`,
    );
  }
  // What the page cut off is not in the PDF: the line is read as far as it is printed, and said so.
  for (const l of layout.cutOff) {
    const start = l.text.length > 48 ? `${l.text.slice(0, 45)}...` : l.text;
    warnings.push(`${path}: page ${l.page}: "${start}" runs past the edge of the page or of its column and is cut off there; it is read only as far as it is printed`);
  }
  const eyes = transcriber ? [...layout.textless, ...layout.pathDrawn].sort((a, b) => a - b) : layout.textless;
  if (transcriber) lines = lines.filter((l) => !layout.pathDrawn.includes(l.page));
  if (eyes.length) {
    if (!transcriber) {
      const list = layout.textless.length === layout.pages.length ? 'any page' : `page${layout.textless.length > 1 ? 's' : ''} ${layout.textless.join(', ')}`;
      warnings.push(`${path}: no text layer on ${list} (a scan or images); read ${layout.textless.length > 1 ? 'them' : 'it'} with --read-with MODEL, a vision model`);
    } else {
      const extra: TextLine[] = [];
      for (const n of eyes) {
        const png = await renderRegion(bytes, n, undefined, 2);
        const hash = createHash('sha256').update(png).digest('hex');
        const text = await transcriber.transcribe({ number: n, png, hash });
        transcribed.push({ page: n, model: transcriber.name, hash, text });
        const info = layout.pages[n - 1]!;
        for (const t of text.split('\n')) extra.push({ page: n, box: { x0: 0, y0: 0, x1: info.width, y1: info.height }, text: t, size: 12, mono: false, display: false, bubble: false });
      }
      lines = [...lines, ...extra].sort((a, b) => a.page - b.page);
    }
  }
  const notes: Message[] = layout.annotations.map((a) => ({ role: 'note', text: a.text }));
  lines = pullRemarks(splitRunIn(lines), notes);
  const stamped = splitStampRemarks(lines);
  const turns = splitTurns(stamped.lines);
  // Beside a stamp only when the stamps make the turns: elsewhere such a line is left as it was.
  if (turns && stamped.remarks.length) {
    lines = stamped.lines;
    for (const text of stamped.remarks) notes.push({ role: 'note', text });
  }
  const out: string[] = [];
  const regions: PdfRegion[] = [];
  const widths = new Map(layout.pages.map((p) => [p.number, p.width]));
  const steps = lineSteps(lines);
  const emit = (ls: TextLine[]) => {
    const md = linesToMarkdown(ls, widths, steps);
    md.text.split('\n').forEach((t, i) => {
      out.push(t);
      const src = md.lineOf[i];
      const l = src === undefined ? undefined : ls[src];
      if (!l) return;
      // A paragraph joined from wrapped lines stands where all of them stand.
      const all = ls.slice(src, (md.lastOf[i] ?? src!) + 1).filter((x) => x.page === l.page);
      regions.push({
        line: out.length,
        page: l.page,
        box: [Math.min(...all.map((x) => x.box.x0)), Math.min(...all.map((x) => x.box.y0)), Math.max(...all.map((x) => x.box.x1)), Math.max(...all.map((x) => x.box.y1))],
      });
    });
  };
  // A picture is an attachment of the person's message; in a reply or a write-up it is a figure, not text.
  const withoutPictures = (ls: TextLine[]) => ls.filter((l) => !l.image);
  if (turns) {
    for (const t of turns) {
      const ls = t.role === 'user' ? t.lines : withoutPictures(t.lines);
      if (!ls.length) continue;
      if (!t.head) out.push(t.role === 'user' ? '**User:**' : '**Assistant:**');
      emit(ls);
      out.push('');
    }
  } else emit(withoutPictures(lines));
  const rebuilt = `${out.join('\n')}\n`;
  if (!rebuilt.trim() && !layout.textless.length) warnings.push(`${path}: the PDF has no text`);
  return { text: rebuilt, chat: !!turns, regions, notes, warnings, pages: layout.pages.length, transcribed };
}

/**
 * The page region of lines `from`..`to` of a rebuilt text (1-based, as an attempt's `line` or a
 * message's `line` counts): the union of their boxes on the first page they reach, for
 * `renderRegion` to show beside a verdict. Undefined when no line there came from the PDF.
 */
export function regionOfLines(regions: PdfRegion[], from: number, to = from): { page: number; box: { x0: number; y0: number; x1: number; y1: number } } | undefined {
  const hits = regions.filter((r) => r.line >= from && r.line <= to);
  if (!hits.length) return undefined;
  const page = hits[0]!.page;
  const same = hits.filter((r) => r.page === page);
  return {
    page,
    box: { x0: Math.min(...same.map((r) => r.box[0])), y0: Math.min(...same.map((r) => r.box[1])), x1: Math.max(...same.map((r) => r.box[2])), y1: Math.max(...same.map((r) => r.box[3])) },
  };
}

/**
 * Where an answer's text stands in the PDF it was rebuilt from: its lines found in the
 * submission's text (a write-up's part or a chat turn), their region on the first page they
 * reach. At most `maxLines` lines from the answer's end, where the final answer usually is.
 */
export function regionOfAnswer(text: string, answer: string, regions: PdfRegion[], maxLines = 12): ReturnType<typeof regionOfLines> {
  const lines = answer.split('\n').filter((l) => l.trim());
  const first = lines[0]?.trim();
  if (!first) return undefined;
  const at = text.indexOf(first);
  if (at < 0) return undefined;
  const start = text.slice(0, at).split('\n').length;
  const end = start + answer.trim().split('\n').length - 1;
  return regionOfLines(regions, Math.max(start, end - maxLines + 1), end);
}
