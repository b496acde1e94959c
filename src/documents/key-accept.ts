import { isMap, isSeq, parseDocument, type YAMLMap, YAMLSeq, Scalar } from 'yaml';
import { UserError } from '../model/errors.js';
import { canonicalPartId } from './part-ids.js';

/** How an answer goes into a part of the key. */
export type AcceptAs = { as: 'accept' } | { as: 'partial'; credit: number; feedback?: string } | { as: 'conventions'; label: string; credit?: number };

/**
 * The key file's text with one answer added to a part's `accept`, `partial` or `conventions`
 * list, and a comment above it saying who added it and why. Everything else in the file, its
 * comments and its layout included, stays as written (yaml's Document API edits the tree
 * the file was read into).
 */
export function acceptInKey(text: string, partId: string, answer: string, how: AcceptAs, note: string, file = 'key'): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length) throw new UserError(doc.errors[0]!.message, file);
  const parts = doc.get('parts', true);
  if (!isMap(parts)) throw new UserError('the key has no parts: mapping', file);
  const id = canonicalPartId(partId) ?? partId;
  const pair = parts.items.find((p) => {
    const k = String((p.key as Scalar | undefined)?.value ?? p.key);
    return k === partId || canonicalPartId(k) === id;
  });
  if (!pair) throw new UserError(`the key has no part ${partId}`, file);
  if (pair.value === null || (pair.value instanceof Scalar && pair.value.value === null)) pair.value = doc.createNode({});
  const part = pair.value;
  if (!isMap(part)) throw new UserError(`part ${partId} is not a mapping; add the answer by hand`, file);
  const entry = entryText(answer, how);
  // Block layout: the lines go in as text, so every other byte of the file stays as it was.
  const spliced = splice(text, part, how.as, entry, note);
  if (spliced !== undefined) return spliced;
  let list = part.get(how.as, true) as unknown;
  if (!list) {
    list = new YAMLSeq();
    part.set(how.as, list);
  }
  if (!isSeq(list)) throw new UserError(`part ${partId}, ${how.as}: not a list; add the answer by hand`, file);
  const node = parseDocument(entry).contents as Scalar | YAMLMap;
  node.commentBefore = ` ${oneLine(note)}`;
  list.items.push(node);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A YAML single-quoted scalar: backslashes stay as written. */
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The list entry as flow YAML: `'x'` or `{ answer: 'x', credit: 0.5 }`. */
function entryText(answer: string, how: AcceptAs): string {
  if (how.as === 'accept') return quote(answer);
  if (how.as === 'partial') return `{ answer: ${quote(answer)}, credit: ${how.credit}${how.feedback ? `, feedback: ${quote(oneLine(how.feedback))}` : ''} }`;
  return `{ answer: ${quote(answer)}, label: ${quote(oneLine(how.label))}${how.credit !== undefined ? `, credit: ${how.credit}` : ''} }`;
}

/** Inserts the entry as lines of text into a block-style part (and block list), or undefined. */
function splice(text: string, part: YAMLMap, field: string, entry: string, note: string): string | undefined {
  if (part.flow || !part.range || !part.items.length) return undefined;
  const firstKey = part.items[0]!.key as Scalar;
  if (!firstKey.range) return undefined;
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const partIndent = firstKey.range[0] - lineStart(firstKey.range[0]);
  const list = part.get(field, true) as unknown;
  const pad = (n: number) => ' '.repeat(n);
  if (list === undefined) {
    // After the part's last value: a new list under the part.
    const end = lineEndAfter(text, part.range[1]);
    const lines = `${pad(partIndent)}${field}:\n${pad(partIndent + 2)}# ${oneLine(note)}\n${pad(partIndent + 2)}- ${entry}\n`;
    return text.slice(0, end) + lines + text.slice(end);
  }
  if (!isSeq(list) || list.flow || !list.range || !list.items.length) return undefined;
  const firstItem = list.items[0] as Scalar;
  if (!firstItem.range) return undefined;
  const dash = text.lastIndexOf('-', firstItem.range[0]);
  const itemIndent = dash - lineStart(dash);
  const end = lineEndAfter(text, list.range[1]);
  return `${text.slice(0, end)}${pad(itemIndent)}# ${oneLine(note)}\n${pad(itemIndent)}- ${entry}\n${text.slice(end)}`;
}

/** The offset just past the line holding `at - 1` (the start of the next line). */
function lineEndAfter(text: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}
