import { fieldsOf } from './field-names.js';
import { isObject } from './json-chat.js';
import { type OutlineItem, outlineLines, plainLines } from './outline-trees.js';

/**
 * Mind maps and outliners that save as JSON keep the person's notes as a tree of items, each item's
 * words in a field of its own and its sub-items in a list under it: XMind's `content.json` (sheets,
 * each a `rootTopic` whose `title` heads `children.attached`, a note in `notes.plain.content`),
 * Roam (`title` pages over `string` blocks), Logseq (`blocks` of `content`), Workflowy's backup
 * (`nm`, `no`, `ch`), jsMind and Mind Elixir (`topic`), Markmap (`content`), Dynalist (`content`,
 * `note`, its `children` the ids of other nodes). Read as the app shows the tree, it is a nested
 * Markdown list, as outline-trees reads OPML and Freeplane: an item's title a bullet (a part's label
 * on an item, its answer in the items under it), its note the paragraph under it. Markers, labels,
 * colours, folding, ids and time stamps are the app's marks, no words of an item.
 *
 * Only a tree is read so: items whose inner items have words of their own (a rich-text document's
 * paragraphs have none, only their runs) nested two deep at least. A flat list of records is a note
 * app's or a board's (json-notes).
 */

/** Fields holding an item's own words, most specific first (`nm` Workflowy's, `topic` jsMind's and Mind Elixir's, `string` Roam's). */
const TEXT_FIELDS = ['title', 'topic', 'string', 'content', 'text', 'nm', 'name'];
/** Fields holding the note an app shows under an item: a string, or XMind's `{plain: {content}}`. */
const NOTE_FIELDS = ['notes', 'note', 'no', 'description'];
/** Fields holding an item's sub-items: a list, XMind's `{attached: [...], detached: [...]}`, or a sheet's one root topic. */
const CHILD_FIELDS = ['children', 'ch', 'root_topic', 'node_data', 'sub_topics'];
/** Fields a document keeps its tree under, one level or two down (Logseq's `blocks`, jsMind's `data`). */
const WRAPPER_FIELDS = ['blocks', 'pages', 'sheets', 'data', 'root', 'node_data', 'nodes', 'items'];
/** Marks an outliner sets on what was deleted. */
const GONE_FIELDS = ['deleted', 'is_deleted', 'trashed'];
/** Logseq's block properties (`collapsed:: true`, `id:: 64f...`): the app's record, no words of the block. */
const BLOCK_PROPERTY = /^[ \t]*[a-z][\w-]*::[ \t].*$|^[ \t]*[a-z][\w-]*::$/gm;
/** How deep a tree is read (an outline nests deep, never this deep). */
const MAX_DEPTH = 64;

/** The words of a field: a string, or a note's `content` under its kind (`{plain: {content}}`, `{content}`). */
function wordsOf(v: unknown, depth = 0): string {
  if (typeof v === 'string') return v;
  if (!isObject(v) || depth > 2) return '';
  const f = fieldsOf(v);
  return wordsOf(f.plain, depth + 1) || wordsOf(f.content, depth + 1) || wordsOf(f.text, depth + 1);
}

/** An item's own words, its app's block properties taken off. */
function textOf(f: Record<string, unknown>): string {
  for (const field of TEXT_FIELDS) {
    const v = f[field];
    if (typeof v === 'string' && v.trim()) return v.replace(BLOCK_PROPERTY, '').trim();
  }
  return '';
}

/** Reads items' sub-items, resolving ids where an app lists its nodes flat and names each one's children (Dynalist). */
class TreeReader {
  private readonly byId = new Map<string, Record<string, unknown>>();
  /** Items shown already: a node that ids name twice (or in a cycle) is shown once. */
  private readonly shown = new Set<Record<string, unknown>>();

  constructor(nodes: readonly unknown[]) {
    for (const n of nodes) {
      if (!isObject(n)) continue;
      const id = fieldsOf(n).id;
      if (typeof id === 'string' && !this.byId.has(id)) this.byId.set(id, n);
    }
  }

  /** An item's sub-items: nested objects, or the nodes its ids name. */
  children(o: Record<string, unknown>): Record<string, unknown>[] {
    const f = fieldsOf(o);
    for (const field of CHILD_FIELDS) {
      const v = f[field];
      if (isObject(v) && field !== 'children') return [v];
      const list = Array.isArray(v) ? v : isObject(v) ? Object.values(fieldsOf(v)).filter(Array.isArray).flat() : undefined;
      if (!list?.length) continue;
      const items = list.map((x) => (typeof x === 'string' ? this.byId.get(x) : x)).filter(isObject);
      if (items.length) return items.filter((x) => !GONE_FIELDS.some((g) => fieldsOf(x)[g] === true));
    }
    return [];
  }

  /** An item as the app shows it: its words, its note, its sub-items. */
  item(o: Record<string, unknown>): OutlineItem<Record<string, unknown>> {
    const f = fieldsOf(o);
    const note = NOTE_FIELDS.map((n) => wordsOf(f[n])).find((w) => w.trim()) ?? '';
    this.shown.add(o);
    const children = this.children(o).filter((c) => !this.shown.has(c));
    for (const c of children) this.shown.add(c);
    return { lines: plainLines(textOf(f)), note: plainLines(note), children };
  }

  /** Whether the items make a tree worth reading as one: inner items with words of their own, two levels deep. */
  isTree(top: readonly Record<string, unknown>[]): boolean {
    let inner = 0;
    let worded = 0;
    let deep = false;
    const stack: [Record<string, unknown>, number][] = top.map((o) => [o, 0]);
    const seen = new Set<Record<string, unknown>>();
    while (stack.length && seen.size < 5000) {
      const [o, depth] = stack.pop()!;
      if (seen.has(o)) continue;
      seen.add(o);
      const kids = depth < MAX_DEPTH ? this.children(o) : [];
      if (!kids.length) continue;
      inner++;
      if (textOf(fieldsOf(o))) worded++;
      if (depth >= 1) deep = true;
      for (const k of kids) stack.push([k, depth + 1]);
    }
    return deep && worded * 2 > inner;
  }
}

/** The list of top items a document's tree starts from: the document itself, or a list under a wrapper's field. */
function topItems(json: unknown, depth = 0): Record<string, unknown>[] | undefined {
  if (depth > 3) return undefined;
  if (Array.isArray(json)) {
    const items = json.filter(isObject);
    return items.length ? items : undefined;
  }
  if (!isObject(json)) return undefined;
  const f = fieldsOf(json);
  if (textOf(f) || CHILD_FIELDS.some((c) => f[c] !== undefined)) return [json];
  for (const field of WRAPPER_FIELDS) {
    const found = f[field] !== undefined ? topItems(f[field], depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Items no other item names as its child (a flat list of nodes that name their children by id): the tree's roots. */
function roots(top: Record<string, unknown>[], reader: TreeReader): Record<string, unknown>[] {
  const named = new Set<Record<string, unknown>>();
  for (const o of top) for (const c of reader.children(o)) named.add(c);
  const unnamed = top.filter((o) => !named.has(o));
  // (Every item named by another is a cycle of ids: the first item listed starts it.)
  return unnamed.length ? unnamed : top.slice(0, 1);
}

/**
 * A JSON document holding a mind map's or an outliner's tree as a nested Markdown list (module
 * comment), or undefined when it holds no such tree. Asked of a document only once it is known to
 * hold no conversation.
 */
export function jsonOutlineAsMarkdown(text: string): string | undefined {
  if (!/^\s*[[{]/.test(text) || !/"(?:children|ch|rootTopic|root_topic|nodeData)"\s*:/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const top = topItems(json);
  if (!top) return undefined;
  const reader = new TreeReader(top);
  const tops = roots(top, reader);
  if (!reader.isTree(tops)) return undefined;
  const lines = outlineLines(tops, (o) => reader.item(o));
  const markdown = `${lines.join('\n').trim()}\n`;
  return markdown.trim() ? markdown : undefined;
}
