import { readLineLabel } from './part-ids.js';

/**
 * A reading app's highlights exported as records: a sheet of one highlight per row (Readwise's CSV, Glasp's,
 * Hypothesis' and Diigo's, Instapaper's `Selection`), or Kindle's `My Clippings.txt` (entries between
 * `==========` lines, each `- Your Highlight on page 5 | Location 70-72 | Added on ...` over its passage). Each
 * record is a passage someone highlighted and the note they wrote on it, in a document of their library.
 *
 * Two kinds of reading are exported so. A reader who highlights a chat (a shared ChatGPT page) marks the
 * model's words, and the note beside them is their remark on them (`Q4(b) ✓`, `wrong, key uses floor`):
 * such notes name the part the highlight answers, and their verdicts and the key's values they quote are no
 * answer. A reader who highlights the problem set quotes its questions, and the note is their answer: the
 * form quoted-statements reads (`“passage” note`). The notes tell which: when any note opens on a part's
 * label the export names its parts in its notes, each passage is the answer of the part its note, or the
 * note above it, named, and the notes go.
 *
 * A library's export holds the highlights of every document in it: a paper highlighted for background, an
 * announcement. The document graded is the one annotated most; one with a note or two beside it is not it.
 */

/** One highlight: the document it is in, the passage, and the reader's note on it. */
export interface HighlightRecord {
  source: string;
  passage: string;
  note: string;
}

/** A header cell naming the column of highlighted passages (Readwise's `Highlight`, Hypothesis' `Quote`, Instapaper's `Selection`). */
const PASSAGE_COLUMN = /^(?:highlights?|highlight(?:ed)?[ _]?text|quote|quoted[ _]text|exact|selection|selected[ _]text|excerpt|passage|clipping|annotation[ _]quote|target[ _]text)$/i;
/** A header cell naming the column of the reader's notes (`Note`, Hypothesis' `Annotation`, `Comment`). */
const NOTE_COLUMN = /^(?:notes?|your[ _]note|my[ _]note|annotations?|annotation[ _]text|comments?|highlight[ _]note)$/i;
/** A header cell naming the document a highlight is in (`Book Title`, `Title`, `Document`, `URL`). */
const SOURCE_COLUMN = /^(?:(?:book|document|source|article|page)?[ _]?title|document|source|book|url|uri|link)$/i;

/** The index of the first header cell `pattern` names, or -1. */
function columnNamed(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((c) => pattern.test(c.trim()));
}

/**
 * A sheet's rows read as a highlights export (module comment), as Markdown; undefined when its first row is no
 * header of one: a column of passages beside a column of notes or of the documents they are in.
 */
export function highlightRowsAsMarkdown(rows: readonly (readonly string[])[]): string | undefined {
  const header = rows[0];
  if (!header || rows.length < 2) return undefined;
  const passage = columnNamed(header, PASSAGE_COLUMN);
  const note = columnNamed(header, NOTE_COLUMN);
  const source = columnNamed(header, SOURCE_COLUMN);
  if (passage < 0 || (note < 0 && source < 0)) return undefined;
  const records = rows
    .slice(1)
    .map((r) => ({ source: r[source] ?? '', passage: r[passage] ?? '', note: note < 0 ? '' : (r[note] ?? '') }))
    .filter((r) => r.passage || r.note);
  return records.length ? highlightsAsMarkdown(records) : undefined;
}

/** Kindle's line over a clipping: the kind of clipping, its page and location, when it was added, between bars. */
const CLIPPING_META = /^-[ \t]*(.+?)[ \t]*\|/;
/** The kind of a clipping in the languages Kindle is set to: a note (`Your Note`, `Votre note`, `Ihre Notiz`, `Tu nota`) or a bookmark. */
const CLIPPING_NOTE = /\b(?:note|notiz|nota|notitie|メモ)\b/i;
const CLIPPING_BOOKMARK = /\b(?:bookmark|signet|lesezeichen|marcador|segnalibro|bladwijzer|ブックマーク)\b/i;
/** The location numbers a clipping's line gives (`Location 70-72`, `Emplacement 70-72`, `Position 70-72`), the last range on it. */
const CLIPPING_LOCATION = /(\d+)(?:[ \t]*-[ \t]*(\d+))?(?=[ \t]*\|)/g;

/** A clipping as Kindle files it: its book, whether it is a note, the locations it spans, and its text. */
interface Clipping {
  source: string;
  isNote: boolean;
  from: number;
  to: number;
  text: string;
}

/** The clipping an entry of `My Clippings.txt` holds (its book's line, the line of its kind, its text), or undefined for a bookmark or no clipping. */
function clippingOf(entry: string): Clipping | undefined {
  const lines = entry
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const meta = lines[1] === undefined ? null : CLIPPING_META.exec(lines[1]);
  if (!meta || CLIPPING_BOOKMARK.test(meta[1]!)) return undefined;
  const at = [...lines[1]!.matchAll(CLIPPING_LOCATION)].at(-1);
  const from = at ? Number(at[1]) : Number.NaN;
  return { source: lines[0]!.trim(), isNote: CLIPPING_NOTE.test(meta[1]!), from, to: at?.[2] ? Number(at[2]) : from, text: lines.slice(2).join('\n').trim() };
}

/**
 * Kindle's `My Clippings.txt` as Markdown (module comment), or the text as it is when it is none. Kindle files
 * a note as a clipping of its own at the location where the highlight it was typed on ends: the two are one
 * highlight and its note.
 */
export function clippingsAsMarkdown(text: string): string {
  if (!text.includes('==========')) return text;
  const entries = text.replace(/\r\n?/g, '\n').split(/^={10}[ \t]*$/m);
  const clippings = entries.map(clippingOf);
  // (Every entry but a trailing blank one is a clipping, and two at least: a rule of `=` alone is a Markdown heading's.)
  const kept = clippings.filter((c): c is Clipping => !!c);
  if (kept.length < 2 || clippings.filter((c, i) => !c && entries[i]!.trim() && !/\n-[^\n]*\|/.test(entries[i]!)).length) return text;
  const records: (HighlightRecord & { from: number; to: number; isNote: boolean })[] = [];
  for (const c of kept) {
    const last = records.at(-1);
    // (Kindle files a note just after its highlight, or on some models just before it: either way beside it, at its end.)
    const pairs = last && last.source === c.source && last.isNote !== c.isNote && !(last.isNote ? last.passage : last.note);
    const [note, highlight] = c.isNote ? [c, last] : [last, c];
    if (pairs && note && highlight && note.from >= highlight.from && note.from <= highlight.to) {
      last.passage ||= c.isNote ? '' : c.text;
      last.note ||= c.isNote ? c.text : '';
      continue;
    }
    records.push({ source: c.source, passage: c.isNote ? '' : c.text, note: c.isNote ? c.text : '', from: c.from, to: c.to, isNote: c.isNote });
  }
  return highlightsAsMarkdown(records.map(({ source, passage, note }) => ({ source, passage, note })));
}

/** The part a note names by opening on its label (`Q4(b) ✓`, `1a - wrong`), as a line's label writes it; a question's number alone names no part. */
function partLabelOf(note: string): string | undefined {
  const label = readLineLabel(note.trim());
  if (!label?.part) return undefined;
  return `${label.question ?? ''}(${label.part})${label.subpart ? `(${label.subpart})` : ''}`;
}

/**
 * The documents of an export that are graded: the one with the most notes, and any other with half as many
 * and two at least (a reader may have highlighted two chats); every one when no highlight has a note.
 */
function gradedSources(records: readonly HighlightRecord[]): Set<string> {
  const notes = new Map<string, number>();
  for (const r of records) notes.set(r.source, (notes.get(r.source) ?? 0) + (r.note.trim() ? 1 : 0));
  const most = Math.max(...notes.values());
  return new Set([...notes].filter(([, n]) => n === most || (n >= 2 && n * 2 >= most)).map(([s]) => s));
}

/** A passage on one line, as a quote of it is written. */
function oneLine(passage: string): string {
  return passage.replace(/\s*\n\s*/g, ' ').trim();
}

/** Highlight records as Markdown (module comment): under the labels their notes open on, or as quotes and notes. */
export function highlightsAsMarkdown(records: readonly HighlightRecord[]): string {
  const sources = gradedSources(records);
  const graded = records.filter((r) => sources.has(r.source));
  const labelled = graded.some((r) => partLabelOf(r.note));
  const out: string[] = [];
  let heading: string | undefined;
  for (const r of graded) {
    if (!labelled) {
      // (A note with no passage is a note on the page: the reader's own words.)
      out.push(r.passage ? `“${oneLine(r.passage)}” ${r.note}`.trim() : r.note, '');
      continue;
    }
    const label = partLabelOf(r.note);
    if (label && label !== heading) out.push(`### ${label}`, '');
    heading = label ?? heading;
    if (r.passage) out.push(r.passage, '');
  }
  return out.join('\n');
}
