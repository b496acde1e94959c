import { fieldsOf } from './field-names.js';

/**
 * Some chat exports list a conversation's messages newest first (Facebook's and Instagram's
 * "Download your information", several phone apps' backups), each stamped with when it was sent.
 * Read top down, such a chat has every reply above its question, and the person's last follow-up
 * (which may change an answer) read as their first. A list whose every item carries a time stamp
 * under the same field, and whose stamps never rise and fall at least once, is read oldest first.
 * A list without stamps, or with stamps in any other order, is read as it is written. Activity logs
 * (Google's My Activity) list their entries so too, each under the time printed as a person reads it.
 */

/**
 * Fields apps stamp a message's sending time under (epoch seconds or milliseconds, or a date), in any
 * spelling (`Created`, `sent_at`); last, the time an edit was made, which orders a message's versions.
 */
const TIME_FIELDS = ['timestamp_ms', 'timestamp', 'ts', 'date_unixtime', 'date', 'created_at', 'create_time', 'created', 'sent_at', 'time', 'edited_at', 'updated_at'];

/**
 * The epoch time in seconds or milliseconds a field's value holds, as a number that orders stamps of one
 * field: a number, digits in a string (`"1760295731"`, Slack's `"1760380800.000100"`), or a date. A
 * small number (`"time": 3.2`, the seconds a reply took) is no moment and no stamp.
 */
function stampValue(v: unknown): number | undefined {
  const epoch = (n: number) => (Number.isFinite(n) && n >= 1e9 ? n : undefined);
  if (typeof v === 'number') return epoch(v);
  if (typeof v !== 'string' || !v.trim()) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(v.trim())) return epoch(Number(v));
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** When a record was made, by the first of its time fields (TIME_FIELDS) that holds a stamp; undefined when none does. */
export function timeStampOf(record: Record<string, unknown>): number | undefined {
  const fields = fieldsOf(record);
  for (const field of TIME_FIELDS) {
    const stamp = stampValue(fields[field]);
    if (stamp !== undefined) return stamp;
  }
  return undefined;
}

/**
 * Whether stamps, in the order their items are listed, say the list is newest first: every item has
 * one, none is later than the one above it, and at least one is earlier (equal stamps alone say nothing).
 */
export function listedNewestFirst(stamps: readonly (number | undefined)[]): boolean {
  let fell = false;
  for (let k = 1; k < stamps.length; k++) {
    const [above, here] = [stamps[k - 1], stamps[k]];
    if (above === undefined || here === undefined || here > above) return false;
    if (here < above) fell = true;
  }
  return fell && stamps[0] !== undefined;
}

/**
 * The stems of month names as apps in other languages print them, by month (Russian, Ukrainian, German,
 * French, Spanish, Portuguese, Italian, Dutch: `12 ноя 2025`, `3 de dic. de 2025`, `5. März 2025`); a
 * name is its stem and any ending (`ноября`, `novembre`). French `juin` and `juil` come before the
 * shorter stems they share a start with.
 */
const MONTH_STEMS: readonly (readonly string[])[] = [
  ['jan', 'ene', 'gen', 'янв', 'січ'],
  ['feb', 'fév', 'fev', 'фев', 'лют'],
  ['mar', 'mär', 'maa', 'мар', 'бер'],
  ['apr', 'avr', 'abr', 'апр', 'кві'],
  ['may', 'mai', 'mag', 'mei', 'ма', 'тра'],
  ['juin', 'jun', 'giu', 'июн', 'чер'],
  ['juil', 'jul', 'lug', 'июл', 'лип'],
  ['aug', 'aoû', 'aou', 'ago', 'авг', 'сер'],
  ['sep', 'set', 'сен', 'вер'],
  ['oct', 'okt', 'ott', 'out', 'окт', 'жов'],
  ['nov', 'ноя', 'лис'],
  ['dec', 'dez', 'déc', 'dic', 'дек', 'гру'],
];

/** Letters a month's name goes on with after its stem. */
const MONTH_ENDING = '[a-zà-ÿа-яёіїє]*';

/**
 * A month's name in any of the languages of MONTH_STEMS, its first letter in either case, perhaps
 * abbreviated with a point: a regular expression's source, needing no flags.
 */
export const MONTH_NAME = `(?:${MONTH_STEMS.flat()
  .sort((a, b) => b.length - a.length)
  .map((stem) => `[${stem[0]!.toUpperCase()}${stem[0]}]${stem.slice(1)}`)
  .join('|')})${MONTH_ENDING}\\.?`;

/** The number (1-12) of the month a name stands for (MONTH_NAME), or undefined. */
function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase();
  let best: { month: number; length: number } | undefined;
  MONTH_STEMS.forEach((stems, k) => {
    for (const stem of stems) if (word.startsWith(stem) && stem.length > (best?.length ?? 0)) best = { month: k + 1, length: stem.length };
  });
  return best?.month;
}

/**
 * A stamp whose month is named in another language (`12 ноя 2025 в 19:52:03`, `3 de dic. de 2025, 21:04`,
 * `5. März 2025 um 21:02`): the day, the month's name, the year, and the time after any word that joins them.
 */
const NAMED_MONTH_STAMP = new RegExp(
  `^(\\d{1,2})\\.?[ \\t]+(?:de[ \\t]+)?(${MONTH_NAME})[ \\t]+(?:de[ \\t]+)?(\\d{4})(?:[ \\t]*г\\.)?,?[ \\t]+(?:\\p{L}{1,5}[ \\t]+){0,2}(\\d{1,2}):(\\d\\d)(?::(\\d\\d))?$`,
  'u',
);

/** The moment of a stamp whose month is named in another language (NAMED_MONTH_STAMP), as Date.UTC counts it. */
function namedMonthStamp(bare: string): number | undefined {
  const m = NAMED_MONTH_STAMP.exec(bare);
  const month = m ? monthNumber(m[2]!) : undefined;
  if (!m || month === undefined) return undefined;
  return Date.UTC(Number(m[3]), month - 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/**
 * The moment a stamp an app prints stands for, as a number that orders the stamps of one document
 * (`Oct 15, 2025, 9:31:07 PM PDT`, `15 Oct 2025, 21:31:07 BST`, `15.10.2025, 21:31:07 MESZ`, `2025-10-15 21:31`,
 * `12 ноя 2025 в 19:52:03`); undefined for
 * anything else. A zone's abbreviation is dropped, as one document's stamps share their zone.
 */
export function printedStamp(text: string): number | undefined {
  const bare = text.trim().replace(/\s+(?:[A-Z]{2,5}|UTC[+-]\d{1,2}(?::?\d\d)?)$/, '');
  if (!/\d{4}/.test(bare) || !/\d:\d\d/.test(bare)) return undefined;
  // (`15.10.2025, 21:31:07`: the day first, as German and Russian apps print it, which Date.parse does not read.)
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}:\d\d(?::\d\d)?)$/.exec(bare);
  const named = dotted ? undefined : namedMonthStamp(bare);
  if (named !== undefined) return named;
  const t = Date.parse(dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}T${dotted[4]!.replace(/^(\d):/, '0$1:')}` : bare);
  return Number.isNaN(t) ? undefined : t;
}

/** The list read oldest first: reversed when its items' time stamps say it is newest first (module comment); else the list itself. */
export function oldestFirst(list: unknown[]): unknown[] {
  const first = list[0];
  if (list.length < 2 || typeof first !== 'object' || first === null || Array.isArray(first)) return list;
  const fields = fieldsOf(first as Record<string, unknown>);
  const field = TIME_FIELDS.find((f) => f in fields);
  if (!field) return list;
  const stamps = list.map((item) => (typeof item === 'object' && item !== null ? stampValue(fieldsOf(item as Record<string, unknown>)[field]) : undefined));
  return listedNewestFirst(stamps) ? [...list].reverse() : list;
}
