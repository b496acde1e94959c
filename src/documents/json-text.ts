import { fieldKey } from './field-names.js';
import { isObject, jsonDocument } from './json-chat.js';
import { readLineLabel } from './part-ids.js';
import { listedNewestFirst, timeStampOf } from './time-order.js';

/**
 * The last reading of structured data whose shape no reader knows (an app's own export: a mind map's
 * topics, a social site's notes, a tracing tool's spans, a bot's message log). A TA opening it would
 * still read the words in it, so we do: every string a person or a model wrote, in the order written,
 * one paragraph each, and the part finding of a write-up does the rest. An app's bookkeeping is left
 * out: ids, hashes, stamps, links, file names, enum values, colours. A text repeated later (a trace's
 * request replays the conversation so far) is read once, where it first stood.
 */

/** Fields an app keeps for itself, whatever they hold (snake_case: field-names.ts). */
const BOOKKEEPING_FIELD =
  /(?:^|_)(?:id|ids|uuid|guid|hash|sha|key|token|type|kind|class|style|color|colour|icon|emoji|url|uri|href|src|path|file_name|mime|mime_type|version|status|lang|language|locale|timezone|encoding|format)$/;

/** A string of one token that is still somebody's words: it holds a formula's sign or names a part. */
const FORMULA_SIGN = /[=^\\()/*+√≤≥×·]/;

/** Whether a string is somebody's words rather than the app's bookkeeping. */
function isWords(text: string): boolean {
  const t = text.trim();
  if (t.length < 2) return false;
  if (/^(?:https?|ftp|file|mailto|data):/i.test(t)) return false;
  // (A date, a time, a stamp: `2025-11-12T08:14:10Z`, `08:14`.)
  if (/^\d{4}-\d\d-\d\d(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?$/.test(t) || /^\d\d?:\d\d(?::\d\d)?$/.test(t)) return false;
  if (/\s/.test(t)) return true;
  return FORMULA_SIGN.test(t) || /^-?\d+(?:\.\d+)?$/.test(t) || !!readLineLabel(t);
}

/** An array's items in the order they were written: a log listed newest first is read from its end. */
function inWrittenOrder(items: readonly unknown[]): readonly unknown[] {
  if (items.length < 2 || !items.every(isObject)) return items;
  return listedNewestFirst(items.map((o) => stampOf(o as Record<string, unknown>))) ? [...items].reverse() : items;
}

/** A record's time stamp, or its wrapped record's (`{"msg": {..., "sent_at": ...}}`). */
function stampOf(record: Record<string, unknown>): number | undefined {
  const own = timeStampOf(record);
  if (own !== undefined) return own;
  const fields = Object.values(record);
  return fields.length === 1 && isObject(fields[0]) ? timeStampOf(fields[0]) : undefined;
}

/** The strings of a value that are somebody's words, depth first, in the order written. */
function collectWords(value: unknown, out: string[], seen: Set<string>, depth: number): void {
  if (depth > 40) return;
  if (typeof value === 'string') {
    const t = value.trim();
    if (!seen.has(t) && isWords(t)) {
      seen.add(t);
      out.push(t);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of inWrittenOrder(value)) collectWords(item, out, seen, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  for (const [name, inner] of Object.entries(value)) {
    if (BOOKKEEPING_FIELD.test(fieldKey(name))) continue;
    collectWords(inner, out, seen, depth + 1);
  }
}

/**
 * A JSON or JSON Lines document's words as a plain text, one paragraph per string in the order
 * written; undefined when it is not JSON or holds too few words to be anyone's answers.
 */
export function jsonWordsAsText(text: string): string | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  const json = jsonDocument(trimmed);
  if (json === undefined) return undefined;
  const words: string[] = [];
  collectWords(json, words, new Set(), 0);
  const joined = words.join('\n\n');
  // (A settings file or an empty log: a few labels and no sentence are nobody's write-up.)
  return joined.length >= 40 && words.some((w) => /\s/.test(w)) ? joined : undefined;
}
