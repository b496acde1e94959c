/**
 * A chat saved as lines of `time<TAB>sender<TAB>message` (LINE's "Save chat" text, and any app that
 * writes its history as tab-separated columns), a message over several lines wrapped in double
 * quotes as a spreadsheet's cell is (`""` for a quote inside). The readers of chats copied from
 * messaging apps know each message headed `[22:03] sender: message`; without it, the person's and
 * the model's lines are one write-up, and a label after the sender's column (`22:09<TAB>Bot<TAB>"■ 4(d)`)
 * heads no line.
 *
 * An IRC client's log is written the same way, its date before the time (`2025-10-11 21:02:13<TAB>nick<TAB>text`,
 * WeeChat's), and its own notices in the sender's column as signs, no name (`-->` a join, `<--` a quit, `--` the
 * topic or a mode, `*` an action): no one's message, dropped.
 *
 * A messenger's history saved as a sheet's rows (CSV, TSV) is the same chat in cells: chatRowsAsStamped
 * writes its rows as the stamped lines a copied chat has.
 */

/** A message's first line: its date perhaps (`2025-10-11`, `11/10/2025`), its time (`22:03`, `10:03 PM`, `午後10:03`), sender and text, in tab-separated columns. */
const TABBED_MESSAGE = /^((?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[ \t])?(?:[AaPp][Mm][ \t]?|午[前後])?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?)\t([^\t\n]{1,60})\t(.*)$/;

/** A sender's column of signs only: the client's notice (a join, a quit, the topic), no one's message. */
const NOTICE = /^[^\p{L}\p{N}]+$/u;

/** The text with each tab-separated message as a stamped line (`[22:03] sender: message`) and its quotes taken off. */
export function tabbedChatAsStamped(text: string): string {
  // (A tab first: most texts have none, and the pattern is tried from each of their characters.)
  if (!text.includes('\t') || !/^[^\t\n]{0,23}\d:\d\d(?::\d\d)?[^\t\n]{0,5}\t[^\t\n]+\t/m.test(text)) return text;
  const lines = text.split('\n');
  // (Two messages at least: one such line is a table's row or a log's, not a chat.)
  if (lines.filter((l) => TABBED_MESSAGE.test(l)).length < 2) return text;
  const out: string[] = [];
  let quoted = false;
  for (const line of lines) {
    const m = quoted ? null : TABBED_MESSAGE.exec(line);
    if (m) {
      const [, time, sender, said] = m as unknown as [string, string, string, string];
      // (Blanked, not dropped: lines keep their numbers.)
      if (NOTICE.test(sender.trim())) {
        out.push('');
        continue;
      }
      const opens = said.startsWith('"');
      const body = opens ? said.slice(1) : said;
      quoted = opens && !closes(body);
      // (`@lena`, `+helper`: an IRC client shows the nick's mode before it, no letter of the name.)
      out.push(`[${time}] ${sender.trim().replace(/^[@+%&~](?=\p{L})/u, '')}: ${unquoted(opens && !quoted ? body.slice(0, -1) : body)}`);
    } else if (quoted) {
      quoted = !closes(line);
      out.push(unquoted(quoted ? line : line.replace(/"\s*$/, '')));
    } else out.push(line);
  }
  return out.join('\n');
}

/** Whether a line of a quoted message ends it: a closing quote that is no doubled quote inside it. */
function closes(line: string): boolean {
  const end = /"+\s*$/.exec(line)?.[0].trim().length ?? 0;
  return end % 2 === 1;
}

/** A quoted message's line with its doubled quotes as the single quotes they stand for. */
function unquoted(line: string): string {
  return line.replace(/""/g, '"');
}

/**
 * A cell that is a messenger's stamp, a date or a time or both, and no more words than a month's, a weekday's
 * or the half of the day's: `11/11/2025`, `19:02:41`, `2025-11-11T19:02:41.000Z`, `Nov 11, 2025 7:02 PM`.
 */
function isStampCell(cell: string): boolean {
  if (cell.length < 4 || cell.length > 40 || !/\d{1,2}:\d\d|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/.test(cell)) return false;
  const words = cell.match(/\p{L}+/gu) ?? [];
  return words.length <= 3 && words.every((w) => w.length <= 9) && /^[\p{L}\d ,./:+-]*$/u.test(cell);
}

/** A stamp as the stamped readers know one: the date and the time apart (`2025-11-11 19:02:41`), without an ISO stamp's fraction or zone. */
function readableStamp(stamp: string): string {
  return stamp
    .replace(/(\d)T(?=\d)/, '$1 ')
    .replace(/(?<=\d:\d\d(?::\d\d)?)(?:\.\d+)?(?:Z|[ ]?(?:UTC|GMT)?[+-]\d\d:?\d\d|[ ](?:UTC|GMT))$/, '')
    .trim();
}

/** A sender's cell as a stamped header's name: the letters, digits and marks a name is written with, four words at most (an emoji after it is no part of it). */
function senderName(cell: string): string {
  return cell
    .replace(/[^\p{L}\p{N}._'’ ()+-]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');
}

/** The share of `rows` whose cell in `column` passes `test`. */
function share(rows: readonly (readonly string[])[], column: number, test: (cell: string) => boolean): number {
  return rows.filter((r) => test(r[column] ?? '')).length / rows.length;
}

/**
 * A messenger's history saved as a table (Viber's emailed CSV, WhatsApp's and Signal's CSV exporters, an
 * iMessage or SMS backup's sheet), with or without a header, as its stamped messages (`[date time] sender:
 * message`), for the stamped readers to tell the person from the model; undefined when the rows are no chat.
 * Whatever the app names its columns, a person knows them by their cells: the stamp's are dates and times,
 * the message's the long free text, the sender's short names that repeat and change as the senders take
 * turns (a phone or an account beside the name repeats with it; the name is the column filled on every
 * row). A row above the first stamped one is the header's or a title's. A sheet of one row per student (a
 * gradebook) has no sender who writes twice, and a sheet with no long text no messages: neither is a chat.
 */
export function chatRowsAsStamped(rows: readonly (readonly string[])[]): string | undefined {
  if (rows.length < 3) return undefined;
  const width = Math.max(...rows.map((r) => r.length));
  if (width < 3) return undefined;
  // (The header's cells are no stamps: the columns are told by the rows under it.)
  const stamps = Array.from({ length: width }, (_, c) => c).filter((c) => share(rows.slice(1), c, isStampCell) >= 0.8);
  if (!stamps.length) return undefined;
  const messages = rows.filter((r) => stamps.every((c) => isStampCell(r[c] ?? '')));
  if (messages.length < 2 || !messages.every((r) => stamps.some((c) => /\d:\d\d/.test(r[c]!)))) return undefined;
  const others = Array.from({ length: width }, (_, c) => c).filter((c) => !stamps.includes(c));
  const length = (c: number) => messages.reduce((n, r) => n + (r[c] ?? '').length, 0);
  const text = [...others].sort((a, b) => length(b) - length(a))[0];
  if (text === undefined) return undefined;
  const written = messages.filter((r) => r[text]);
  if (written.length < messages.length * 0.6 || length(text) < written.length * 12 || share(written, text, (c) => /\s/.test(c)) < 0.5) return undefined;
  const senders = others.filter((c) => c !== text && isSenderColumn(messages, c));
  // (A column of names that differ on every row is a roster's: each row is someone's record, no message.)
  if (others.some((c) => c !== text && isRosterColumn(messages, c))) return undefined;
  // The name is on every row; an account or a phone beside it may be left empty (the bot has none).
  const filled = (c: number) => messages.filter((r) => r[c]).length;
  const sender = [...senders].sort((a, b) => filled(b) - filled(a) || a - b)[0];
  if (sender === undefined) return undefined;
  const out: string[] = [];
  for (const row of messages) {
    const said = row[text] ?? '';
    const name = senderName([row[sender], ...senders.map((c) => row[c])].find((c) => c && senderName(c)) ?? '');
    // (A row with no sender is the app's own: a member added, a call missed.)
    if (!said || !name) continue;
    out.push(`[${readableStamp(stamps.map((c) => row[c]).join(' '))}] ${name}: ${said}`);
  }
  return out.join('\n');
}

/** A phone number as a contact's cell gives it: seven digits at least (`+14155550187`, `+1 (415) 555-0187`). */
const PHONE_CELL = /^\+?[\d ().-]{7,20}$/;

/** Whether a column holds a name on each row, no two alike (three rows at least): a roster's people, whose rows are records. */
function isRosterColumn(rows: readonly (readonly string[])[], column: number): boolean {
  const cells = rows.map((r) => r[column] ?? '');
  return rows.length >= 3 && cells.every((c) => /^\p{L}[\p{L} .'’-]{0,60}$/u.test(c)) && new Set(cells).size === cells.length;
}

/**
 * Whether a column holds the rows' senders: short one-line cells, two values at least, each written on
 * several rows, that change between rows at least twice (the senders take turns).
 */
function isSenderColumn(rows: readonly (readonly string[])[], column: number): boolean {
  const cells = rows.map((r) => r[column] ?? '');
  // (A sender is named, or known by a phone number; a column of scores or grades' digits is no one.)
  if (cells.some((c) => c.length > 60 || c.includes('\n') || (c && !/\p{L}/u.test(c) && !PHONE_CELL.test(c)))) return false;
  const values = new Set(cells.filter((c) => c));
  const changes = cells.filter((c, k) => k > 0 && c !== cells[k - 1]).length;
  return values.size >= 2 && values.size <= Math.max(2, rows.length / 2) && changes >= 2;
}
