import { htmlAsText } from './html-text.js';
import { sniffDelimiter } from './sheet-delimiter.js';
import { delimitedRows } from './spreadsheet.js';

/**
 * A flashcard deck exported as text (Anki's "Notes in Plain Text", and the apps that write its
 * format): one note per line, its fields split by a separator, the fields' HTML as the card shows it
 * (`<br>`, `<b>`, `<table>`, `&times;`), with a tags column and, since 2.1.55, `#key:value` header
 * lines (`#separator:tab`, `#html:true`, `#columns:Front;Back;Tags`, `#tags column:3`). Read as
 * written, no note's label heads a line and the tags end every answer; read as a person studies the
 * deck, each note is a question and its answer: the front as a heading, then the back's fields
 * rendered from their HTML, the columns of the app's own bookkeeping (tags, guid, deck, note type)
 * left out.
 */

/** A header line of the export: `#separator:tab`, `#tags column:3`, `#columns:Front;Back`. */
const HEADER_LINE = /^#(separator|html|columns|tags|deck|notetype|guid|if matches|(?:tags|deck|notetype|guid) column)[ \t]*:[ \t]*(.*)$/i;
/** The cheap test of a headed deck: the first line is one of the format's own header lines. */
const HEADED = /^\uFEFF?#(?:separator|html|columns|notetype|deck|tags|guid)\b[^:\n]*:/i;
/** The keys only the format writes (a `#tags:` line alone may be a writer's hashtag line). */
const FORMAT_KEY = /^(?:separator|html|columns|\w+ column)$/i;
/** The separators the header names in words. */
const NAMED_SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };
/** Columns the app keeps for itself, by the name `#columns:` gives them. */
const BOOKKEEPING_NAME = /^(?:tags?|guid|deck|note ?type)$/i;
/** A field's HTML markup, as the old headerless export leaves it in most notes. */
const MARKUP = /<(?:br|div|b|i|u|sub|sup|span|table|img|p|ol|ul|li)\b[^>]*>|&(?:nbsp|lt|gt|amp|quot|#\d+|[a-z]{2,8});/i;
/** A cell of tags: tokens without spaces or markup, as the app writes them (`cs182::hw4 cnn-dims`). */
const TAG_CELL = /^[\p{L}\p{N}_:./-]+(?: [\p{L}\p{N}_:./-]+)*$/u;
/** A cloze deletion, `{{c1::answer}}` or `{{c1::answer::hint}}`: its answer is what the back shows. */
const CLOZE = /\{\{c\d+::([\s\S]*?)(?:::[^}]*)?\}\}/g;

/** How a deck is laid out: its separator, whether its fields are HTML, and the columns that hold no card text. */
interface DeckLayout {
  separator: string;
  html: boolean;
  bookkeeping: Set<number>;
  body: string;
}

/** The layout of a deck with header lines, and the notes under them; undefined when the header is not the format's. */
function headedLayout(text: string): DeckLayout | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header: [string, string][] = [];
  while (header.length < lines.length) {
    const m = HEADER_LINE.exec(lines[header.length]!.replace(/\r$/, ''));
    if (!m) break;
    header.push([m[1]!.toLowerCase(), m[2]!.trim()]);
  }
  if (!header.some(([k]) => FORMAT_KEY.test(k))) return undefined;
  const body = lines.slice(header.length).join('\n');
  const value = (key: string) => header.find(([k]) => k === key)?.[1];
  const named = value('separator');
  const separator = named ? (NAMED_SEPARATORS[named.toLowerCase()] ?? named.slice(0, 1)) : sniffDelimiter(body, '\t');
  const bookkeeping = new Set<number>();
  for (const [k, v] of header) if (/ column$/.test(k) && /^\d+$/.test(v)) bookkeeping.add(Number(v) - 1);
  const columns = value('columns')?.split(separator) ?? [];
  columns.forEach((name, i) => {
    if (BOOKKEEPING_NAME.test(name.trim())) bookkeeping.add(i);
  });
  return { separator, html: value('html')?.toLowerCase() !== 'false', bookkeeping, body };
}

/**
 * The layout of a deck exported without headers (Anki before 2.1.55): two notes at least, every line
 * of the same number of tab-separated fields, and HTML markup in half its notes or more; its last
 * column is the tags when every cell of it is a list of tags.
 */
function headerlessLayout(text: string): DeckLayout | undefined {
  if (!/^[ \r\n]*[^\n\t]*\t/.test(text) || !MARKUP.test(text)) return undefined;
  const lines = text.split('\n').filter((l) => l.trim());
  // (A field's line breaks are `<br>` in such an export: every line is a note's, its fields between tabs.)
  if (lines.length < 2 || !lines.every((l) => l.includes('\t'))) return undefined;
  const rows = delimitedRows(lines.join('\n'), '\t');
  const width = rows[0]!.length;
  if (width < 2 || rows.length !== lines.length || rows.some((r) => r.length !== width)) return undefined;
  if (rows.filter((r) => r.some((c) => MARKUP.test(c))).length * 2 < rows.length) return undefined;
  const last = rows.map((r) => r[width - 1]!);
  const tags = width >= 3 && last.some((c) => c) && last.every((c) => !c || TAG_CELL.test(c));
  return { separator: '\t', html: true, bookkeeping: new Set(tags ? [width - 1] : []), body: text };
}

/** A field as the card shows it: its cloze's answers, its HTML rendered, a no-break space a space. */
function shownField(field: string, html: boolean): string {
  const shown = field.replace(CLOZE, '$1');
  return (html ? htmlAsText(shown) : shown).replace(/\u00a0/g, ' ').trim();
}

/** One note: its first field (the front) as a heading, the others under it as paragraphs. */
function noteAsMarkdown(fields: string[], html: boolean): string {
  const [front, ...back] = fields.map((f) => shownField(f, html)).filter((f) => f);
  if (front === undefined) return '';
  return [`### ${front.replace(/\s*\n\s*/g, ' ')}`, ...back].join('\n\n');
}

/** Whether a text is a flashcard deck's text export, by its header lines or (without them) its tab-separated HTML fields. */
export function isFlashcardDeck(text: string): boolean {
  return (HEADED.test(text) && headedLayout(text) !== undefined) || headerlessLayout(text) !== undefined;
}

/** A flashcard deck's text export as Markdown, one heading per note over its answer; any other text as it is. */
export function flashcardDeckAsMarkdown(text: string): string {
  const layout = HEADED.test(text) ? headedLayout(text) : headerlessLayout(text);
  if (!layout) return text;
  const notes = delimitedRows(layout.body, layout.separator)
    .map((row) =>
      noteAsMarkdown(
        row.filter((_, i) => !layout.bookkeeping.has(i)),
        layout.html,
      ),
    )
    .filter((n) => n);
  return `${notes.join('\n\n')}\n`;
}
