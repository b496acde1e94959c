import { htmlAsText } from './html-text.js';
import { HOMEWORK_NAME, readLineLabel } from './part-ids.js';
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
 *
 * Study apps (Quizlet, Knowt, Brainscape) export a set the same way, plainer: one card a line, its term
 * and its definition split by a tab, no HTML and no header, perhaps under a title the writer kept. A
 * student who turns homework into cards files each answer's term under the part it answers, often after
 * the homework's name (`HW4 2(b) constant c ...`); the set's other cards (`Muon update`, `fp8 E4M3`) are
 * the course's terms, which answer nothing, and are left out when some cards name a part.
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
  /** A study set's cards, one a line, as they are split (their fields are never quoted); the title lines above them. */
  plain?: { rows: string[][]; title: string };
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

/** How many lines a title above a study set's cards may take (a title, the app's note, a blank line). */
const TITLE_LINES = 3;

/** A header row's cell (`Term`, `Definition`, `Part`, `Model answer`): a few words, nothing else, as a sheet's columns are named. */
const COLUMN_NAME = /^\p{L}+(?: \p{L}+){0,2}$/u;

/**
 * The layout of a study set exported as `term<TAB>definition` lines under at most a few title lines:
 * three cards at least, each of two fields with words in both, no two terms alike (a log's or a chat's
 * first column repeats its senders) and a first row that is no sheet's header of column names.
 */
function plainLayout(text: string): DeckLayout | undefined {
  if (!text.includes('\t')) return undefined;
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let top = 0;
  while (top < Math.min(TITLE_LINES, lines.length) && !lines[top]!.includes('\t')) top++;
  const rows = lines
    .slice(top)
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
  if (rows.length < 3 || rows.some((r) => r.length !== 2 || !/\p{L}/u.test(r[0]!) || !r[1]!.trim())) return undefined;
  if (new Set(rows.map((r) => r[0]!.trim().toLowerCase())).size !== rows.length) return undefined;
  if (rows[0]!.every((c) => COLUMN_NAME.test(c.trim()))) return undefined;
  return { separator: '\t', html: false, bookkeeping: new Set(), body: lines.slice(top).join('\n'), plain: { rows, title: lines.slice(0, top).join('\n').trim() } };
}

/** A card's front with the homework's name before the part it names taken off (`HW4 2(b) ...` is `2(b) ...`); undefined when it names no part. */
function namedFront(front: string): string | undefined {
  const unfiled = front.replace(HOMEWORK_NAME, '');
  const label = readLineLabel(unfiled);
  return label && (label.question || label.part) ? unfiled : undefined;
}

/** A field as the card shows it: its cloze's answers, its HTML rendered, a no-break space a space. */
function shownField(field: string, html: boolean): string {
  const shown = field.replace(CLOZE, '$1');
  return (html ? htmlAsText(shown) : shown).replace(/\u00a0/g, ' ').trim();
}

/** A note's fields as the card shows them, the empty ones left out: the front first. */
const shownFields = (fields: string[], html: boolean) => fields.map((f) => shownField(f, html)).filter((f) => f);

/** One note: its first field (the front) as a heading, the others under it as paragraphs; `onlyParts`: a card whose front names no part is none. */
function noteAsMarkdown(fields: string[], onlyParts: boolean): string {
  const [shown, ...back] = fields;
  const front = shown === undefined ? undefined : (namedFront(shown) ?? (onlyParts ? undefined : shown));
  if (front === undefined) return '';
  return [`### ${front.replace(/\s*\n\s*/g, ' ')}`, ...back].join('\n\n');
}

/** Whether a text is a flashcard deck's text export: by its header lines, or (without them) its tab-separated HTML fields or a study set's term and definition lines. */
export function isFlashcardDeck(text: string): boolean {
  return (HEADED.test(text) && headedLayout(text) !== undefined) || headerlessLayout(text) !== undefined || plainLayout(text) !== undefined;
}

/** A flashcard deck's text export as Markdown, one heading per note over its answer; any other text as it is. */
export function flashcardDeckAsMarkdown(text: string): string {
  const layout = HEADED.test(text) ? headedLayout(text) : (headerlessLayout(text) ?? plainLayout(text));
  if (!layout) return text;
  const cards = (layout.plain?.rows ?? delimitedRows(layout.body, layout.separator)).map((row) =>
    shownFields(
      row.filter((_, i) => !layout.bookkeeping.has(i)),
      layout.html,
    ),
  );
  // (A set that files its answers under the parts they answer: its other cards are the course's terms, no answer.)
  const onlyParts = cards.some((c) => c[0] !== undefined && namedFront(c[0]) !== undefined);
  const notes = cards.map((c) => noteAsMarkdown(c, onlyParts)).filter((n) => n);
  return `${[layout.plain?.title ?? '', ...notes].filter((n) => n).join('\n\n')}\n`;
}
