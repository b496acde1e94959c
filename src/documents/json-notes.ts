import type { Assignment } from './assignment.js';
import { fieldsOf } from './field-names.js';
import { pastedPart } from './pasted-statements.js';
import { labelOfPartId, readLineLabel } from './part-ids.js';
import { restatedPart } from './restatement.js';
import { timeStampOf } from './time-order.js';

/**
 * A JSON document that holds no conversation is often a person's own notes as an app saved them: an
 * annotator's highlights with the notes on them (Hypothesis, the W3C Web Annotation model, Zotero),
 * a note app's notes, or a whiteboard's cards (Obsidian's JSON Canvas, Excalidraw, tldraw). Their
 * free-text fields are the write-up; the rest is the app's bookkeeping (ids, colours, sizes, time
 * stamps). Read as the app shows them:
 * - a board's cards in reading order (top to bottom, a row left to right), each frame or group
 *   heading the cards inside it by its label: where a card stands is all that orders it;
 * - annotations in the order they were written, a reply under the note it answers; the passage a
 *   note is anchored on (`"exact"` of a TextQuoteSelector, a highlight) quotes the question, and so
 *   names the part when it is one part's statement (pasted-statements, restatement), as a label would;
 * - notes by anyone other than their writer (a classmate's reply in a shared group) are comments
 *   on the answers, no answer of the writer's.
 * - a kanban board's cards (Trello, Wekan, Kanboard, Planka: a title and a description, a list's id)
 *   list by list in the board's order, cards in their order, a card's checklists under it; a list
 *   named for a question (`Q2`) heads its cards, one named for a stage of the work (`To do`, `Done`)
 *   is the cards' status, as a tick is; comments are remarks on a card, no answer; an archived card is gone;
 * Records are notes only when shaped as notes (standing at coordinates, anchored on a passage, titled,
 * or of a note's kind): a chat whose speakers no rule knows holds words too, and is no write-up.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields holding a note's own words, most specific first (a field spelled in any case: field-names.ts).
 * (Excalidraw's `originalText` is the text as typed; its `text` is wrapped at the box's width, breaking formulas.)
 */
const TEXT_FIELDS = ['original_text', 'text', 'text_content', 'rich_text', 'content', 'body', 'markdown', 'value', 'desc', 'description'];
/** Fields holding the writer's words beside a highlight whose `text` is the highlighted passage (Readwise, Zotero). */
const COMMENT_FIELDS = ['note', 'comment', 'annotation_comment'];
/** Fields holding the passage a note is anchored on. */
const QUOTE_FIELDS = ['exact', 'quote', 'highlight', 'highlighted_text', 'annotation_text', 'selected_text', 'quoted_text'];
/** Fields the anchor is nested in (the W3C model's `target` and its `selector`s). */
const ANCHOR_FIELDS = ['target', 'targets', 'selector', 'selectors', 'anchor', 'position'];
/** Fields naming a card, a frame or a note (a group's `label`, a frame's `name`, a note's `title`). */
const TITLE_FIELDS = ['title', 'label', 'name', 'heading'];
/** Fields naming who wrote a note: a string, or an object whose id or name is one. */
const AUTHOR_FIELDS = ['user', 'creator', 'author', 'created_by', 'owner', 'user_id', 'author_id'];
/** Fields naming the note a reply answers (Hypothesis lists its thread's ids from the root). */
const REPLY_FIELDS = ['references', 'in_reply_to', 'reply_to', 'replies_to', 'parent_annotation'];
/** Fields naming the frame a board's shape sits in (tldraw's `parentId`, Excalidraw's `frameId`). */
const PARENT_FIELDS = ['parent_id', 'frame_id', 'parent'];
/** Fields a record keeps its properties in, one level down (tldraw's `props`, Standard Notes' `content`). */
const PROPS_FIELDS = ['props', 'properties', 'data', 'content'];
/** Kinds of a board's item that frame others: their label heads what they hold. */
const CONTAINER = /^(?:group|frame|magicframe|section)$/i;
/** Kinds of an item whose words are no answer: an embedded file, a link, a tag or reply's body. */
const NOT_NOTE = /^(?:file|link|image|embed|video|arrow|line|connector|edge|tag|tagging|linking|bookmark)$/i;
/** Fields naming a record's kind, and the kinds that say it is a note. */
const KIND_FIELDS = ['type', 'content_type', 'kind', 'annotation_type', 'item_type'];
const NOTE_KIND = /^(?:notes?|annotations?|highlights?|cards?|sticky|sticky_note|memos?)$/i;
/**
 * A collection's name that says its records are notes whatever fields they have (Simplenote's
 * `activeNotes`, a memo app's `memos`): its last word a note's kind. Untitled notes whose title is
 * their first line are notes all the same.
 */
const NOTES_COLLECTION = /(?:^|_)(?:notes?|memos?)$/;
/** A collection's name that says it holds what the writer threw away (`trashedNotes`, `deleted_items`, `bin`): drafts, never answers. */
const BIN_COLLECTION = /^(?:trash(?:ed)?|deleted|removed|recycled?|bin|recycle_bin)(?:_[a-z]+)?$/;
/** Marks an app sets on what was deleted or put in the bin. */
const GONE_FIELDS = ['is_deleted', 'deleted', 'is_trashed', 'trashed', 'archived', 'is_archived', 'closed'];
/** Fields naming the list (a board's column) a card is in. */
const LIST_FIELDS = ['id_list', 'list_id', 'column_id'];
/** Fields ranking a card in its list, or a list on its board. */
const RANK_FIELDS = ['pos', 'position', 'sort', 'sort_order', 'rank'];
/** Fields naming the card a checklist is on, holding its items, and naming the checklist an item kept apart is on (Wekan's). */
const CARD_FIELDS = ['id_card', 'card_id'];
const CHECK_ITEM_FIELDS = ['check_items', 'items'];
const CHECKLIST_FIELDS = ['id_checklist', 'checklist_id'];

/** A board's item or an annotation, as read. */
interface Note {
  id?: string;
  text: string;
  title?: string;
  quote?: string;
  author?: string;
  repliesTo?: string;
  parent?: string;
  /** The list (a board's column) a card is in, and its rank there. */
  list?: string;
  rank?: number;
  container: boolean;
  /** Whether the record's kind says it is a note (`"type": "Note"`, `"annotationType": "highlight"`). */
  noteKind: boolean;
  box?: { x: number; y: number; w: number; h: number };
  stamp?: number;
  order: number;
}

/** A record's fields with those it keeps one level down (PROPS_FIELDS) laid under them. */
function fieldsWithProps(o: Record<string, unknown>): Record<string, unknown> {
  const f = fieldsOf(o);
  const props = PROPS_FIELDS.map((p) => f[p]).find(isObject);
  return props ? { ...fieldsOf(props), ...f } : f;
}

/**
 * The words a field holds: a string, or blocks of them (the W3C model's `body` list, a rich-text
 * tree of paragraphs and runs); tags, links and pictures left out.
 */
function wordsOf(v: unknown, depth = 0): string {
  if (typeof v === 'string') return v;
  if (depth > 8) return '';
  if (Array.isArray(v)) {
    return v
      .map((x) => wordsOf(x, depth + 1))
      .filter((s) => s.trim())
      .join('\n');
  }
  if (!isObject(v)) return '';
  const f = fieldsOf(v);
  for (const kind of [f.purpose, f.motivation, f.type]) if (typeof kind === 'string' && NOT_NOTE.test(kind)) return '';
  // (A rich-text paragraph's runs are one line: `{"type": "paragraph", "content": [{"text": "y = "}, {"text": "2", "marks": [...]}]}`.)
  if (typeof f.type === 'string' && /^(?:paragraph|heading)$/i.test(f.type) && Array.isArray(f.content)) return f.content.map((x) => wordsOf(x, depth + 1)).join('');
  for (const field of TEXT_FIELDS) {
    const words = wordsOf(f[field], depth + 1);
    if (words.trim()) return words;
  }
  return '';
}

/** The words of the first of `fields` that holds any, trimmed. */
function firstWords(f: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const words = wordsOf(f[field]).trim();
    if (words) return words;
  }
  return undefined;
}

/** A name on one short line: a frame's label or a note's title, never a paragraph. */
const isTitle = (v: unknown): v is string => typeof v === 'string' && !!v.trim() && v.length <= 200 && !v.includes('\n');

/** The passage a note is anchored on, where its anchor holds one (a quote field, perhaps inside `target` and its `selector`s). */
function quoteOf(f: Record<string, unknown>, depth = 0): string | undefined {
  for (const field of QUOTE_FIELDS) if (typeof f[field] === 'string' && (f[field] as string).trim()) return (f[field] as string).trim();
  if (depth > 4) return undefined;
  for (const field of ANCHOR_FIELDS) {
    const v = f[field];
    for (const x of Array.isArray(v) ? v : [v]) {
      const q = isObject(x) ? quoteOf(fieldsOf(x), depth + 1) : undefined;
      if (q) return q;
    }
  }
  return undefined;
}

/** An id as a string, from a string or a number. */
const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
/** A record's own id (MongoDB's `_id` in Wekan's export). */
const recordId = (f: Record<string, unknown>): string | undefined => idOf(f.id) ?? idOf(f._id);

/** Who wrote a note: the first author field's value, or its id or name. */
function authorOf(f: Record<string, unknown>): string | undefined {
  for (const field of AUTHOR_FIELDS) {
    const v = f[field];
    const id = isObject(v) ? (idOf(fieldsOf(v).id) ?? idOf(fieldsOf(v).name) ?? idOf(fieldsOf(v).nickname)) : idOf(v);
    if (id) return id;
  }
  return undefined;
}

/** The note a reply answers: its thread's root (the first id a list names), or the W3C model's target when it is a note's id. */
function repliedTo(f: Record<string, unknown>): string | undefined {
  for (const field of REPLY_FIELDS) {
    const v = f[field];
    const id = idOf(Array.isArray(v) ? v[0] : isObject(v) ? fieldsOf(v).id : v);
    if (id) return id;
  }
  if (f.motivation === 'replying') return idOf(isObject(f.target) ? fieldsOf(f.target).id : f.target);
  return undefined;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A card's or a list's rank on its board, where a rank field holds a number. */
const rankOf = (f: Record<string, unknown>): number | undefined => RANK_FIELDS.map((r) => f[r]).find(finite);

/** The first line of a note's words as its title, and the words under it; undefined when it is a part's label or the note's only line. */
function firstLineTitle(text: string): { title: string; text: string } | undefined {
  const trimmed = text.trim();
  const end = trimmed.indexOf('\n');
  if (end < 0) return undefined;
  const title = trimmed
    .slice(0, end)
    .replace(/^#{1,6}\s+/, '')
    .trim();
  if (!isTitle(title) || readLineLabel(title)?.part) return undefined;
  return { title, text: trimmed.slice(end + 1).trim() };
}

/** A record read as a note, or undefined when it holds no words and frames nothing; `listedAsNote` when its collection's name says it is one. */
function noteOf(o: Record<string, unknown>, order: number, listedAsNote = false): Note | undefined {
  const f = fieldsWithProps(o);
  if (GONE_FIELDS.some((g) => f[g] === true)) return undefined;
  const kind = typeof f.type === 'string' ? f.type : '';
  if (NOT_NOTE.test(kind)) return undefined;
  const container = CONTAINER.test(kind);
  // (A highlight's `text` is the passage when the writer's words are in a note field beside it.)
  const comment = firstWords(f, COMMENT_FIELDS);
  const words = firstWords(f, TEXT_FIELDS);
  const written = container ? '' : (comment ?? words ?? '');
  const quote = quoteOf(f) ?? (comment ? words : undefined);
  const field = TITLE_FIELDS.map((t) => f[t])
    .find(isTitle)
    ?.trim();
  // (A note kept with no title field is shown titled by its first line, as Simplenote and Apple Notes show one: that line heads its words.)
  const shown = !field && listedAsNote && !quote ? firstLineTitle(written) : undefined;
  const title = field ?? shown?.title;
  const text = shown?.text ?? written;
  const list = LIST_FIELDS.map((l) => idOf(f[l])).find(Boolean);
  // (A card in a list may hold its answer in its title alone: `Q4(c) RF = L(K-1)+1`.)
  if (!text && !((container || list) && title)) return undefined;
  const x = f.x;
  const y = f.y;
  const w = f.width ?? f.w;
  const h = f.height ?? f.h;
  const author = authorOf(f);
  const id = recordId(f);
  const repliesTo = repliedTo(f);
  const parent = PARENT_FIELDS.map((p) => idOf(f[p])).find(Boolean);
  const stamp = timeStampOf(o);
  const noteKind = listedAsNote || KIND_FIELDS.some((k) => typeof f[k] === 'string' && NOTE_KIND.test(f[k] as string));
  const rank = rankOf(f);
  return {
    text,
    container,
    noteKind,
    order,
    ...(id ? { id } : {}),
    ...(title ? { title } : {}),
    ...(quote ? { quote } : {}),
    ...(author ? { author } : {}),
    ...(repliesTo ? { repliesTo } : {}),
    ...(parent ? { parent } : {}),
    ...(list ? { list } : {}),
    ...(rank !== undefined ? { rank } : {}),
    ...(stamp !== undefined ? { stamp } : {}),
    ...(finite(x) && finite(y) ? { box: { x, y, w: finite(w) ? w : 0, h: finite(h) ? h : 0 } } : {}),
  };
}

/**
 * The lists of records a document holds, as deep as a few levels (a canvas's `nodes`, an export's
 * `annotations`, a store keyed by ids), and those whose collection's name says they are notes
 * (NOTES_COLLECTION). A collection named for the bin is not walked (BIN_COLLECTION).
 */
function recordLists(json: unknown): { lists: Record<string, unknown>[][]; named: Set<Record<string, unknown>[]> } {
  const lists: Record<string, unknown>[][] = [];
  const named = new Set<Record<string, unknown>[]>();
  // (A note app that saves one note per file, `{"title": ..., "textContent": ...}`, holds a list of one: the document.)
  if (isObject(json)) lists.push([json]);
  const walk = (v: unknown, depth: number, key: string) => {
    if (depth > 5) return;
    if (Array.isArray(v)) {
      const records = v.filter(isObject);
      if (records.length) lists.push(records);
      if (records.length && NOTES_COLLECTION.test(key)) named.add(records);
      for (const x of records.slice(0, 50)) walk(x, depth + 1, '');
      return;
    }
    if (!isObject(v)) return;
    const values = Object.values(v);
    // (A store keyed by ids, `{"shape:a1": {...}, "shape:b2": {...}}`, is a list in an object's clothes.)
    if (values.length >= 2 && values.every(isObject)) lists.push(values as Record<string, unknown>[]);
    for (const [k, x] of Object.entries(fieldsOf(v))) if (typeof x === 'object' && x !== null && !BIN_COLLECTION.test(k)) walk(x, depth + 1, k);
  };
  walk(json, 0, '');
  return { lists, named };
}

/** Whether items stand in one row: the later one's top above the middle of the first's. */
const sameRow = (first: Note, other: Note) => other.box!.y < first.box!.y + Math.max(first.box!.h / 2, 1);

/** Items in reading order: by their tops, those in one row left to right. */
function readingOrder(items: Note[]): Note[] {
  const byTop = [...items].sort((a, b) => a.box!.y - b.box!.y || a.box!.x - b.box!.x);
  const out: Note[] = [];
  for (let i = 0; i < byTop.length; ) {
    let j = i + 1;
    while (j < byTop.length && sameRow(byTop[i]!, byTop[j]!)) j++;
    out.push(...byTop.slice(i, j).sort((a, b) => a.box!.x - b.box!.x));
    i = j;
  }
  return out;
}

/** Whether a container's box holds an item's centre. */
function holds(c: Note, item: Note): boolean {
  const b = c.box!;
  const cx = item.box!.x + item.box!.w / 2;
  const cy = item.box!.y + item.box!.h / 2;
  return b.w > 0 && b.h > 0 && cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h;
}

/**
 * A board's items read in reading order, each container's label heading the items it holds (by the
 * parent an item names, else by where it stands; the smallest box that holds it). A shape placed
 * relative to its parent frame (tldraw) is placed on the page first.
 */
function boardAsMarkdown(notes: Note[]): string {
  const byId = new Map(notes.filter((n) => n.id).map((n) => [n.id!, n]));
  const placed = new Map<Note, Note>();
  const absolute = (n: Note, depth = 0): Note => {
    const parent = n.parent ? byId.get(n.parent) : undefined;
    if (!parent?.box || depth > 8) return n;
    let p = placed.get(n);
    if (!p) {
      const origin = absolute(parent, depth + 1).box!;
      p = { ...n, box: { ...n.box!, x: n.box!.x + origin.x, y: n.box!.y + origin.y } };
      placed.set(n, p);
    }
    return p;
  };
  // (Only a board whose shapes name a container parent places them relative to it.)
  const relative = notes.some((n) => n.parent && byId.get(n.parent)?.container);
  const items = relative ? notes.map((n) => absolute(n)) : notes;
  const containers = items.filter((n) => n.container);
  const containersById = new Map(containers.filter((c) => c.id).map((c) => [c.id!, c]));
  const containerOf = (n: Note): Note | undefined => {
    const named = n.parent ? containersById.get(n.parent) : undefined;
    if (named) return named;
    return containers.filter((c) => c !== n && holds(c, n)).sort((a, b) => a.box!.w * a.box!.h - b.box!.w * b.box!.h)[0];
  };
  const inside = new Map<Note | undefined, Note[]>();
  for (const n of items) {
    const c = containerOf(n);
    const list = inside.get(c) ?? [];
    list.push(n);
    inside.set(c, list);
  }
  const lines: string[] = [];
  const seen = new Set<Note>();
  const emit = (n: Note, depth: number) => {
    if (seen.has(n) || depth > 8) return;
    seen.add(n);
    if (n.container) {
      if (n.title) lines.push(`${'#'.repeat(Math.min(depth + 1, 3))} ${n.title}`, '');
      for (const m of readingOrder(inside.get(n) ?? [])) emit(m, depth + 1);
      return;
    }
    lines.push(n.title && !n.text.includes(n.title) ? `**${n.title}**\n\n${n.text}` : n.text, '');
  };
  for (const n of readingOrder(inside.get(undefined) ?? [])) emit(n, 0);
  return `${lines.join('\n').trim()}\n`;
}

/** Whether a checklist's item is ticked, as the apps mark it (Trello's `state`, others' flags). */
function ticked(f: Record<string, unknown>): boolean {
  return f.state === 'complete' || [f.checked, f.is_finished, f.finished, f.completed, f.done].some((v) => v === true);
}

/** A checklist as Markdown: its name, then its items (its own, or those kept apart that name it) as task marks. */
function checklistLines(f: Record<string, unknown>, apart: readonly Record<string, unknown>[]): string[] {
  const items = CHECK_ITEM_FIELDS.map((c) => f[c]).find(Array.isArray) ?? apart;
  const ranked = items.filter(isObject).map((x, i) => ({ f: fieldsOf(x), i }));
  ranked.sort((a, b) => (rankOf(a.f) ?? a.i) - (rankOf(b.f) ?? b.i) || a.i - b.i);
  const lines = ranked.flatMap(({ f: item }) => {
    const words = firstWords(item, ['name', 'title', ...TEXT_FIELDS]);
    return words ? [`- [${ticked(item) ? 'x' : ' '}] ${words.replace(/\n+/g, ' ')}`] : [];
  });
  const name = TITLE_FIELDS.map((t) => f[t]).find(isTitle);
  return lines.length ? [...(name ? [name.trim(), ''] : []), ...lines, ''] : [];
}

/**
 * A kanban board's cards as Markdown, or undefined when most of them name no list the document
 * holds: list by list in the board's order (their ranks, else as exported), a list named for a
 * question a heading over its cards, cards in their order, each card's title a heading over its
 * description and its checklists. A card in an archived list is gone with it.
 */
function boardListsAsMarkdown(cards: Note[], records: Record<string, unknown>[][]): string | undefined {
  const byId = new Map<string, Record<string, unknown>>();
  const named = new Map<string, Record<string, unknown>[]>();
  const itemsOf = new Map<string, Record<string, unknown>[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  const seen = new Set<Record<string, unknown>>();
  for (const list of records) {
    for (const r of list) {
      if (seen.has(r)) continue;
      seen.add(r);
      const f = fieldsOf(r);
      const id = recordId(f);
      if (id && !byId.has(id)) byId.set(id, f);
      const checklist = CHECKLIST_FIELDS.map((c) => idOf(f[c])).find(Boolean);
      if (checklist) push(itemsOf, checklist, f);
      const card = CARD_FIELDS.map((c) => idOf(f[c])).find(Boolean);
      if (card && !checklist) push(named, card, f);
    }
  }
  // (What names a card is a checklist when it holds items or items name it; a comment names its card too, and is none.)
  const checklistsOf = (card: string) => (named.get(card) ?? []).filter((f) => CHECK_ITEM_FIELDS.some((c) => Array.isArray(f[c])) || itemsOf.has(recordId(f) ?? ''));
  const listOf = (n: Note) => (n.list ? byId.get(n.list) : undefined);
  const listed = cards.filter((n) => isTitle(listOf(n)?.name ?? listOf(n)?.title));
  if (listed.length * 2 <= cards.length) return undefined;
  const groups = new Map<string | undefined, Note[]>();
  for (const n of cards) {
    const key = listOf(n) ? n.list : undefined;
    push(groups, key, n);
  }
  const order = [...groups.keys()];
  const listRank = (key: string | undefined) => (key ? rankOf(byId.get(key)!) : undefined) ?? Number.NEGATIVE_INFINITY;
  const ranked = [...order].sort((a, b) => listRank(a) - listRank(b) || order.indexOf(a) - order.indexOf(b));
  const lines: string[] = [];
  for (const key of ranked) {
    const list = key ? byId.get(key) : undefined;
    if (list && GONE_FIELDS.some((g) => list[g] === true)) continue;
    const name = list ? [list.name, list.title].find(isTitle)?.trim() : undefined;
    // (A list named for a stage of the work, `To do` / `Done`, is the cards' status, no words of theirs; one named for a question heads its parts.)
    if (name && readLineLabel(name)) lines.push(`## ${name}`, '');
    const inList = [...groups.get(key)!].sort((a, b) => (a.rank ?? a.order) - (b.rank ?? b.order) || a.order - b.order);
    for (const card of inList) {
      if (card.title) lines.push(`### ${card.title}`, '');
      if (card.text) lines.push(card.text, '');
      for (const checklist of card.id ? checklistsOf(card.id) : []) lines.push(...checklistLines(checklist, itemsOf.get(recordId(checklist) ?? '') ?? []));
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

/** The part a quoted passage states: a copy of one part's statement, else a passage whose distinctive tokens are one part's. */
function partQuoted(quote: string, assignment: Assignment): string | undefined {
  return pastedPart(quote, assignment.outline) ?? restatedPart(quote, assignment)?.id;
}

/**
 * Annotations (or notes) read in the order they were written, each own reply under the note it
 * answers; a note anchored on one part's statement headed by that part's label, unless its own
 * first line has a label; notes by anyone but the writer (the author of most notes) left out.
 */
function annotationsAsMarkdown(notes: Note[], assignment: Assignment): string {
  const byId = new Map(notes.filter((n) => n.id).map((n) => [n.id!, n]));
  const rootOf = (n: Note) => (n.repliesTo && byId.has(n.repliesTo) ? byId.get(n.repliesTo)! : undefined);
  const tops = notes.filter((n) => !rootOf(n));
  const counts = new Map<string, number>();
  for (const n of tops) if (n.author) counts.set(n.author, (counts.get(n.author) ?? 0) + 1);
  const writer = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = (n: Note) => !n.author || !writer || n.author === writer;
  const written = (list: Note[]) => (list.every((n) => n.stamp !== undefined) ? [...list].sort((a, b) => a.stamp! - b.stamp! || a.order - b.order) : list);
  const replies = new Map<Note, Note[]>();
  for (const n of notes) {
    const root = rootOf(n);
    if (!root) continue;
    const thread = replies.get(root);
    if (thread) thread.push(n);
    else replies.set(root, [n]);
  }
  const lines: string[] = [];
  for (const top of written(tops)) {
    if (!own(top)) continue;
    const part = top.quote ? partQuoted(top.quote, assignment) : undefined;
    const labelled = !!readLineLabel(top.text.split('\n')[0] ?? '');
    if (part && !labelled) lines.push(`## ${labelOfPartId(part)}`, '');
    else if (top.title) lines.push(`## ${top.title}`, '');
    lines.push(top.text, '');
    for (const reply of written(replies.get(top) ?? [])) if (own(reply)) lines.push(reply.text, '');
  }
  return `${lines.join('\n').trim()}\n`;
}

/** The cheap test: a JSON object or list. */
const JSON_START = /^\s*[[{]/;

/**
 * A JSON document's notes as a Markdown write-up (module comment), or undefined when it holds none:
 * its list of records with the most words in their text fields, read as a board when most of its
 * items stand at coordinates, else as annotations or notes. Asked of a document only once it is
 * known to hold no conversation.
 */
export function jsonNotesAsMarkdown(text: string, assignment: Assignment): string | undefined {
  if (!JSON_START.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  let best: { notes: Note[]; words: number } | undefined;
  const { lists: records, named } = recordLists(json);
  for (const list of records) {
    const notes = list.map((o, i) => noteOf(o, i, named.has(list))).filter((n): n is Note => !!n);
    const words = notes.reduce((s, n) => s + n.text.length + (n.list && n.title ? n.title.length : 0), 0);
    if (words && (!best || words > best.words)) best = { notes, words };
  }
  if (!best) return undefined;
  const placed = best.notes.filter((n) => n.box).length;
  const board = placed * 2 > best.notes.length;
  // (Records with words but no anchor, title or kind of a note's are a log's or a chat's whose speakers no rule knew: no notes.)
  if (!board && !best.notes.some((n) => n.quote || n.title || n.noteKind)) return undefined;
  const lists = board ? undefined : boardListsAsMarkdown(best.notes, records);
  const markdown = lists ?? (board ? boardAsMarkdown(best.notes.filter((n) => n.box)) : annotationsAsMarkdown(best.notes, assignment));
  return markdown.trim() ? markdown : undefined;
}
