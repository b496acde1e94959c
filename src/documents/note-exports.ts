import { type ChildNode, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { textOf } from './dom.js';

/**
 * Note apps export a note wrapped in their own format. Evernote's ENEX is XML: each `<note>` holds its
 * `<title>` and, in CDATA, its body in ENML (XHTML with `<en-todo checked="true"/>` for a check box and
 * `<en-media/>` for an attachment). Joplin's raw export, and other apps' sync files, append the note's
 * record as `key: value` lines (`id: 8c1e...`, `parent_id:`, `created_time:`, `type_: 1`). Read as
 * written, the wrapper's markup and the record's fields are taken for the last part's answer; read as
 * the app shows the note, they are no text of it. A check box is kept as Markdown's task mark, so an
 * open to-do in place of an answer is still seen as one.
 *
 * Tomboy's and Gnote's `.note` is XML: the note's `<title>`, then its text in `<note-content>`, whose
 * first line repeats the title, its headings marked by size (`<size:large>`), its lists by `<list-item>`,
 * its struck text by `<strikethrough>`; dates, tags and the cursor's place after it are the app's.
 *
 * Boostnote (legacy) saves each note as CSON, CoffeeScript's object notation: the app's fields
 * (`type: "MARKDOWN_NOTE"`, `folder:`, `tags: [...]`, `isStarred: false`) around the note's Markdown in a
 * block string (`content: '''` ... `'''`) indented under its field. The note is that string, its indent
 * taken off as CoffeeScript takes it off; a snippet note (`SNIPPET_NOTE`) is its description, then each
 * snippet's code fenced in its language under its name. The fields around it are no text of it.
 *
 * A journal's export (Day One's plain text) is its entries in the order they were written, each under
 * the app's record of it in tab-separated fields (`\tDate:\t12 October 2025 at 23:41`, `Location:`,
 * `Weather:`, `Tags:`). The record is no text of the entry (a `Tags:\tcs182, hw4` line is no answer of
 * the part written above it): it is left out, and a later entry's words read on after an earlier
 * one's, as the person wrote them. (A rule between entries would read as one between a chat's exchanges.)
 */

/** The cheap test of an ENEX file: its root element. */
const ENEX = /<en-export\b/;
/** A note's title and its content element in an ENEX file. */
const ENEX_NOTE = /<note>[\s\S]*?<\/note>/g;

/** An ENML check box: ticked is `[x]`, open (or with no state) is `[ ]`. */
function todoMark(tag: string): string {
  return /\bchecked\s*=\s*["']true["']/i.test(tag) ? '[x] ' : '[ ] ';
}

/** One ENEX note as the app shows it: its title as a heading, then its ENML body as HTML. */
function enexNote(note: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(note)?.[1]?.trim();
  const content = /<content>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/content>/.exec(note);
  const body = (content?.[1] ?? content?.[2] ?? '')
    .replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>/gi, '')
    .replace(/<\/?en-note\b[^>]*>/gi, '')
    .replace(/<en-todo\b[^>]*\/?>(?:\s*<\/en-todo>)?/gi, todoMark)
    .replace(/<en-media\b[^>]*\/?>(?:\s*<\/en-media>)?|<en-crypt\b[\s\S]*?<\/en-crypt>/gi, '')
    // (A block's end is a line's end, as the app shows it: each `<div>` its own line.)
    .replace(/<\/div>\s*/gi, '</div>\n')
    .trim();
  return `${title ? `# ${title}\n\n` : ''}${body}`;
}

/** An ENEX export's notes, one after another; any other text as it is. */
function enexAsHtml(text: string): string {
  if (!ENEX.test(text.slice(0, 2000))) return text;
  const notes = text.match(ENEX_NOTE);
  return notes ? `${notes.map(enexNote).join('\n\n---\n\n')}\n` : text;
}

/** The cheap test of a Tomboy or Gnote note: its root, and the element holding its text. */
const TOMBOY = /<note\b[^>]*\bxmlns="http:\/\/beatniksoftware\.com\/tomboy"[\s\S]*<note-content\b/;
/** How deep a note's marks are followed (lists in lists); deeper ones are read as their words. */
const TOMBOY_DEPTH = 64;

/** A Tomboy note's marked text as Markdown: a line in a large size a heading, a list's items bullets indented by depth, struck text struck. */
function tomboyMarkdown(nodes: readonly ChildNode[], out: string[], lists: number, depth: number): void {
  const atLineStart = () => !out.length || out[out.length - 1]!.endsWith('\n');
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    if (!isTag(node)) continue;
    if (depth > TOMBOY_DEPTH) {
      out.push(textOf(node));
      continue;
    }
    const name = node.name.toLowerCase();
    if (name === 'list-item') out.push(`${atLineStart() ? '' : '\n'}${'  '.repeat(Math.max(0, lists - 1))}- `);
    if ((name === 'size:huge' || name === 'size:large') && atLineStart()) out.push('## ');
    if (name === 'strikethrough') out.push('~~');
    tomboyMarkdown(node.children, out, lists + (name === 'list' ? 1 : 0), depth + 1);
    if (name === 'strikethrough') out.push('~~');
  }
}

/** A Tomboy or Gnote note as its title over its text; any other text as it is. */
function tomboyNoteAsMarkdown(text: string): string {
  if (!TOMBOY.test(text.slice(0, 4000))) return text;
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: true });
  const find = (nodes: readonly ChildNode[], name: string): ChildNode | undefined => {
    for (const n of nodes) if (isTag(n) && (n.name === name || n.name === 'text' || n.name === 'note')) return n.name === name ? n : find(n.children, name);
    return undefined;
  };
  const content = find(doc.children, 'note-content');
  if (!content || !isTag(content)) return text;
  const out: string[] = [];
  tomboyMarkdown(content.children, out, 0, 0);
  // (The text's first line is the note's title, as the app shows it on top.)
  const [title = '', ...body] = out.join('').replace(/\r\n?/g, '\n').split('\n');
  return `${title.trim() ? `# ${title.trim()}\n` : ''}${body.join('\n').trimEnd()}\n`;
}

/**
 * A field of a note's record: a lower-case snake_case key (a trailing `_` too, `type_`), a colon, and a
 * value or none. A writer's `Note: ...` or `a: 3` is capitalised or too short to be one.
 */
const RECORD_FIELD = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_?:(?:[ \t].*)?$/;
/** The fields that make a block a record and no list of the writer's: an id, a parent's, a time stamp. */
const RECORD_KEY = /^(?:id|parent_id|(?:user_)?(?:created|updated)_time|type_)\s*:/m;
/** How many fields a record has at least: an app writes a dozen, a writer's list rarely five snake_case keys. */
const RECORD_FIELDS = 5;
/** The cheap test: a record's key on a line of its own with a snake_case field after it. */
const ANY_RECORD = /^(?:id|parent_id|type_|created_time|updated_time):/m;

/** The text with a note record of `key: value` lines at its end (or its start) taken off. */
function withoutNoteRecord(text: string): string {
  if (!ANY_RECORD.test(text)) return text;
  const lines = text.split('\n');
  const isField = (l: string) => RECORD_FIELD.test(l.trim());
  // The record's lines at the end, blank lines after it allowed.
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  let start = end;
  while (start > 0 && isField(lines[start - 1]!)) start--;
  const tail = lines.slice(start, end);
  if (tail.length >= RECORD_FIELDS && RECORD_KEY.test(tail.join('\n'))) return `${lines.slice(0, start).join('\n').trimEnd()}\n`;
  // The record's lines at the start (an app that writes its record first), a blank line or the text after it.
  let head = 0;
  while (head < lines.length && isField(lines[head]!)) head++;
  const top = lines.slice(0, head);
  if (top.length >= RECORD_FIELDS && RECORD_KEY.test(top.join('\n'))) return lines.slice(head).join('\n').trimStart();
  return text;
}

/** The cheap test of a Boostnote CSON note: its type field, unindented. */
const BOOSTNOTE = /^type:[ \t]*["'](?:MARKDOWN|SNIPPET)_NOTE["'][ \t]*$/m;
/** A CSON field holding a string: its indent, name, and a block string's opening quotes or a one-line string. */
const CSON_STRING_FIELD = /^([ \t]*)(content|description|name|mode):[ \t]*(?:('''|""")[ \t]*$|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[ \t]*$)/;

/** A CSON one-line string's value (`"a\nb"` or `'a'`), its escapes read. */
function csonString(quoted: string): string {
  if (quoted.startsWith('"')) {
    try {
      return JSON.parse(quoted) as string;
    } catch {
      return quoted.slice(1, -1);
    }
  }
  return quoted.slice(1, -1).replace(/\\(['\\])/g, '$1');
}

/** A block string's lines without the indent they share (CoffeeScript's rule), blank lines at its ends dropped. */
function dedented(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)).trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A Boostnote CSON note as the Markdown it holds (its snippets fenced); any other text as it is. */
function boostnoteAsMarkdown(text: string): string {
  if (!BOOSTNOTE.test(text)) return text;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fields: { indent: number; name: string; value: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CSON_STRING_FIELD.exec(lines[i]!);
    if (!m) continue;
    if (m[4] !== undefined) {
      fields.push({ indent: m[1]!.length, name: m[2]!, value: csonString(m[4]) });
      continue;
    }
    const close = m[3]!;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== close) end++;
    fields.push({ indent: m[1]!.length, name: m[2]!, value: dedented(lines.slice(i + 1, end)) });
    i = end;
  }
  const top = fields.filter((f) => f.indent === 0);
  const content = top.find((f) => f.name === 'content');
  if (content) return `${content.value}\n`;
  // (A snippet note: its description, then its snippets, each a name, a language and its code.)
  const out: string[] = [];
  const description = top.find((f) => f.name === 'description');
  if (description?.value.trim()) out.push(description.value, '');
  let snippet: { name?: string; mode?: string } = {};
  for (const f of fields.filter((f) => f.indent > 0)) {
    if (f.name === 'name' || f.name === 'mode') snippet[f.name] = f.value;
    if (f.name !== 'content') continue;
    const lang = (snippet.mode ?? '').replace(/[^\w+-]/g, '');
    out.push(...(snippet.name?.trim() ? [snippet.name.trim(), ''] : []), `\`\`\`${lang === 'text' ? '' : lang}`, f.value, '```', '');
    snippet = {};
  }
  return out.length ? `${out.join('\n').trimEnd()}\n` : text;
}

/**
 * A field of a journal entry's record as the app writes it: a capitalised name of a word or two, a
 * colon, then a tab (the app's column; a writer puts a space there), perhaps indented by a tab.
 */
const ENTRY_FIELD = /^\t?\p{Lu}\p{L}+(?: \p{L}+)?:\t+\S.*$/u;
/** The field that opens an entry's record: its date, a year in it. */
const ENTRY_DATE = /^\t?(?:Date|Created|Creation Date):\t+.*\b\d{4}\b/;
/** The cheap test: an entry's date field. */
const ANY_ENTRY_DATE = /^\t?(?:Date|Created|Creation Date):\t/m;

/** A journal's entries without each entry's record of fields (opened by its date, two fields at least); any other text as it is. */
function journalEntriesApart(text: string): string {
  if (!ANY_ENTRY_DATE.test(text)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  let records = 0;
  for (let i = 0; i < lines.length; ) {
    let end = i;
    if (ENTRY_DATE.test(lines[i]!)) while (end < lines.length && ENTRY_FIELD.test(lines[end]!.replace(/\r$/, ''))) end++;
    if (end - i >= 2) {
      if (out.some((l) => l.trim())) out.push('');
      records++;
      i = end;
      while (i < lines.length && !lines[i]!.trim()) i++;
      continue;
    }
    out.push(lines[i]!);
    i++;
  }
  return records ? out.join('\n') : text;
}

/** A note app's export read as the note it holds: ENEX's notes as HTML, a Tomboy note as Markdown, a Boostnote CSON note's Markdown, a sync file's record taken off, a journal's entries apart; any other text as it is. */
export function noteExportAsText(text: string): string {
  return journalEntriesApart(withoutNoteRecord(boostnoteAsMarkdown(tomboyNoteAsMarkdown(enexAsHtml(text)))));
}
