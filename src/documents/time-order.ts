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
 * The moment a stamp an app prints stands for, as a number that orders the stamps of one document
 * (`Oct 15, 2025, 9:31:07 PM PDT`, `15 Oct 2025, 21:31:07 BST`, `15.10.2025, 21:31:07 MESZ`, `2025-10-15 21:31`); undefined for
 * anything else. A zone's abbreviation is dropped, as one document's stamps share their zone.
 */
export function printedStamp(text: string): number | undefined {
  const bare = text.trim().replace(/\s+(?:[A-Z]{2,5}|UTC[+-]\d{1,2}(?::?\d\d)?)$/, '');
  if (!/\d{4}/.test(bare) || !/\d:\d\d/.test(bare)) return undefined;
  // (`15.10.2025, 21:31:07`: the day first, as German and Russian apps print it, which Date.parse does not read.)
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}:\d\d(?::\d\d)?)$/.exec(bare);
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
