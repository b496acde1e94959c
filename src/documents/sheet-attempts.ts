import { headerWords } from './column-headers.js';

/**
 * A sheet exported from a table of attempts (a database's grid such as Airtable's, Grist's or
 * NocoDB's, a log of API calls, a form's responses): a row per attempt at a part, numbered in an
 * attempt column or stamped with a time. A person reads the latest attempt as the part's answer and
 * the earlier ones as superseded; a row whose answer is empty (skipped, not pasted) is no attempt and
 * supersedes none. Such a sheet's bookkeeping columns (counters, ticks, booleans, time stamps) hold no answer.
 * A log's request that failed (an HTTP error status, a 429 or a 500; a provider's error body where the
 * reply would be) was never answered: its row is no attempt either, whatever its cells hold.
 */

/** A header naming a column that counts attempts: `Attempt`, `Try #`, `Version`, `Revision`, `Run`, `Versuch`, `Essai`, `Intento`. */
const ATTEMPT_HEADER = /\b(?:attempts?|tries|try|trial|version|revision|rev|iteration|run|take)\b|(?<!\p{L})(?:versuch|essai|tentative|intento|tentativa|tentativo|poging)(?!\p{L})/iu;
/** A count of attempts: `2`, `#2`, `v2`. */
const COUNT_CELL = /^(?:[#v]\s*)?\d{1,3}$/i;
/** A header naming a column of time stamps: `Updated_At`, `Last modified time`, `Timestamp`, `Created`. */
const TIME_HEADER = /\b(?:time(?:stamp)?|date|updated|modified|created|edited|saved|submitted)\b/i;
/** A time stamp as exports write one: ISO (`2025-10-17 20:02:11`, `2025-10-17T20:02:11Z`) or a locale's (`17.10.2025 20:02`, `10/17/2025, 8:02 PM`). */
const TIME_CELL = /^(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)?)$/i;
/** A tick or a boolean: `true`, `FALSE`, `yes`, `✓`. */
const FLAG_CELL = /^(?:true|false|yes|no|[yn]|ok|[✓✔✗✘])$/i;
/** A cell of a sheet's bookkeeping rather than an answer: a counter, a tick or boolean, a time stamp. */
const isBookkeeping = (cell: string) => COUNT_CELL.test(cell) || FLAG_CELL.test(cell) || TIME_CELL.test(cell);

/** A column whose every filled cell (two at least) is bookkeeping: a counter, a tick or a time stamp, never an answer. */
export function isBookkeepingColumn(rows: readonly (readonly string[])[], column: number): boolean {
  const filled = rows.map((r) => r[column] ?? '').filter((c) => c);
  return filled.length >= 2 && filled.every(isBookkeeping);
}

/** The columns that order a part's rows as attempts: one counting them, one stamping their times. */
export interface AttemptColumns {
  count?: number;
  time?: number;
}

/** The column the header names and whose every filled cell fits, if any. */
function namedColumn(header: readonly string[], rows: readonly (readonly string[])[], named: RegExp, fits: RegExp): number | undefined {
  const c = header.findIndex((h, k) => named.test(headerWords(h)) && rows.every((r) => !r[k] || fits.test(r[k]!)) && rows.some((r) => r[k]));
  return c < 0 ? undefined : c;
}

/** A sheet's attempt columns, by its header and its cells; undefined when it has neither. */
export function attemptColumns(header: readonly string[] | undefined, rows: readonly (readonly string[])[]): AttemptColumns | undefined {
  if (!header) return undefined;
  const count = namedColumn(header, rows, ATTEMPT_HEADER, COUNT_CELL);
  const time = namedColumn(header, rows, TIME_HEADER, TIME_CELL);
  return count === undefined && time === undefined ? undefined : { count, time };
}

/** One part's row of a sheet, with its answer's cells (the row's and those of the unlabelled rows under it). */
export interface PartRow {
  label: string;
  row: readonly string[];
  answer: string[];
}

/**
 * Where a row stands among a part's attempts: one with an answer before one left empty, then by its count, then by its time (unstamped or unreadable rows keep the sheet's order).
 */
function rank(entry: PartRow, columns: AttemptColumns): number[] {
  const answered = entry.answer.some((c) => c) ? 1 : 0;
  const count = columns.count === undefined ? 0 : Number((entry.row[columns.count] ?? '').replace(/\D/g, '') || 0);
  const cell = columns.time === undefined ? '' : (entry.row[columns.time] ?? '');
  // (JavaScript's reader takes `10/21/2025 14:09` as it is and some ISO stamps only with their `T`.)
  const stamp = cell ? Date.parse(cell) || Date.parse(cell.replace(' ', 'T')) : Number.NaN;
  return [answered, count, Number.isNaN(stamp) ? 0 : stamp];
}

/** Whether rank `a` stands after `b` or with it (a tie goes to the later row). */
function atOrAfter(a: readonly number[], b: readonly number[]): boolean {
  const k = a.findIndex((x, i) => x !== b[i]);
  return k < 0 || a[k]! > b[k]!;
}

/**
 * Each part's final row among its attempts, where the first of its rows stood: the latest attempt
 * with an answer (a part with none keeps its empty row, and is read as unanswered).
 */
export function latestAttempts(entries: readonly PartRow[], columns: AttemptColumns): PartRow[] {
  const latest = new Map<string, { entry: PartRow; rank: number[] }>();
  for (const entry of entries) {
    const r = rank(entry, columns);
    const best = latest.get(entry.label);
    if (!best || atOrAfter(r, best.rank)) latest.set(entry.label, { entry, rank: r });
  }
  const seen = new Set<string>();
  const out: PartRow[] = [];
  for (const { label } of entries) {
    if (seen.has(label)) continue;
    seen.add(label);
    out.push(latest.get(label)!.entry);
  }
  return out;
}

/** A header naming a request's outcome: `Status`, `Status Code`, `HTTP Status`, `Response Status`. */
const STATUS_HEADER = /^(?:(?:http|response|request)\s+)?status(?:\s+code)?$/i;
/** An HTTP status code. */
const HTTP_STATUS = /^[1-5]\d\d$/;

/** A request log's column of HTTP status codes: so named, and every filled cell (one at least) a code. */
export function statusColumn(header: readonly string[] | undefined, rows: readonly (readonly string[])[]): number | undefined {
  return header ? namedColumn(header, rows, STATUS_HEADER, HTTP_STATUS) : undefined;
}

/**
 * A provider's error body where a reply would be: a JSON object that is an error (`{"error": {...}}`,
 * Mistral's `{"object": "error", ...}`, Anthropic's `{"type": "error", ...}`) and holds no reply (an answer's
 * `"error": "none"` field is no error object).
 */
export function isErrorBody(cell: string): boolean {
  const t = cell.trim();
  if (!t.startsWith('{') || !t.endsWith('}') || !/error/i.test(t)) return false;
  let body: unknown;
  try {
    body = JSON.parse(t);
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const o = body as Record<string, unknown>;
  if (['choices', 'content', 'candidates', 'output', 'outputs', 'completion'].some((k) => k in o)) return false;
  return (typeof o.error === 'object' && o.error !== null) || o.object === 'error' || o.type === 'error';
}

/** Whether a log's row is a request that failed: its status a client's or a server's error (4xx, 5xx), or its reply an error body. */
export function failedRequest(row: readonly string[], status: number | undefined, reply: string): boolean {
  return (status !== undefined && /^[45]/.test(row[status] ?? '')) || isErrorBody(reply);
}
