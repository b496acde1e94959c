import { headerWords } from './column-headers.js';

/**
 * A task manager's export (Todoist's CSV template, Asana's, TickTick's, a tracker's issue list) is a
 * tree of items kept as rows: each row an item of a kind (a section, a task, a comment on a task),
 * its title in one column and the words under it in another, its depth in an indent column or its
 * group in a section column. Read as the app shows the list, a section and a task are headings (a
 * part's label in a task's title, its answer in the task's description), a sub-task one level below
 * its task; a comment is a remark on the task, no answer of it (as a board's comments: json-notes.ts);
 * the app's own rows (Todoist's `meta` view settings) and columns (priority, dates, people) no text.
 */

/** Headers of the column naming an item: `CONTENT` (Todoist), `Title`, `Name`, `Task Name`, `Summary`. */
const TITLE = /^(?:content|title|name|task(?: name)?|summary|subject)$/;
/** Headers of the column holding the words under an item. */
const TEXT = /^(?:description|notes?|content|details|body)$/;
/** Headers of the column naming an item's kind. */
const KIND = /^(?:type|kind|item type|issue type|task type)$/;
/** Headers of the column giving an item's depth (Todoist counts from 1). */
const INDENT = /^(?:indent|level|depth|outline level)$/;
/** Headers of the column naming the group an item is in: Asana's `Section/Column`, TickTick's `List Name`. */
const SECTION = /^(?:section(?:\/column)?|column|list(?: name)?)$/;
/** Kinds of item that head others, and kinds that are remarks on the item above or the app's settings. */
const SECTION_KIND = /^(?:section|heading|header|group|project)$/i;
const REMARK_KIND = /^(?:notes?|comments?|meta)$/i;

/** How many rows the header may stand under. */
const HEADER_WITHIN = 8;

/** The columns of a task list's export, by its header. */
interface TaskColumns {
  title: number;
  text?: number;
  kind?: number;
  indent?: number;
  section?: number;
}

/** The columns, when the header is a task list's: a title and the words under it, with a kind, an indent or a section column to say the tree. */
function taskColumns(header: readonly string[]): TaskColumns | undefined {
  const names = header.map((h) => headerWords(h).toLowerCase().replace(/\s+/g, ' ').trim());
  const find = (re: RegExp, not?: number) => {
    const c = names.findIndex((n, k) => k !== not && re.test(n));
    return c < 0 ? undefined : c;
  };
  // (Todoist's `CONTENT` is the task's title; beside a `Title`, TickTick's `Content` is the words under it.)
  const titled = names.findIndex((n) => n !== 'content' && TITLE.test(n));
  const title = titled >= 0 ? titled : find(TITLE);
  if (title === undefined) return undefined;
  const text = find(TEXT, title);
  const kind = find(KIND);
  const indent = find(INDENT);
  const section = find(SECTION);
  if (text === undefined || (kind === undefined && indent === undefined && section === undefined)) return undefined;
  return { title, text, kind, indent, section };
}

/**
 * A task list's rows (its header first) as Markdown, each section a heading and each task one below
 * it, deeper by its indent, the words under it after it; undefined when the header is no task list's,
 * or when a column other than the titles' holds the parts' labels (`partColumn`: a grading sheet's
 * `Part | Name | Notes | Type` names its parts in a column of their own).
 */
export function taskListAsMarkdown(rows: readonly (readonly string[])[], partColumn?: number): string | undefined {
  // (The header may stand under the app's lines about the export: TickTick's `Date:` and `Version:`.)
  let start = -1;
  let columns: TaskColumns | undefined;
  for (let r = 0; r < Math.min(rows.length, HEADER_WITHIN) && !columns; r++) {
    columns = taskColumns(rows[r]!);
    start = r;
  }
  if (!columns || (partColumn !== undefined && partColumn !== columns.title)) return undefined;
  const out: string[] = [];
  let section = '';
  const cell = (row: readonly string[], c: number | undefined) => (c === undefined ? '' : (row[c] ?? '').trim());
  for (const row of rows.slice(start + 1)) {
    const title = cell(row, columns.title).replace(/\s+/g, ' ');
    const kind = cell(row, columns.kind);
    if (!title || REMARK_KIND.test(kind)) continue;
    if (SECTION_KIND.test(kind)) {
      out.push(`## ${title}`, '');
      continue;
    }
    const group = cell(row, columns.section).replace(/\s+/g, ' ');
    if (group && group !== section) out.push(`## ${group}`, '');
    section = group || section;
    const depth = Math.max(1, Number.parseInt(cell(row, columns.indent), 10) || 1);
    out.push(`${'#'.repeat(Math.min(2 + depth, 6))} ${title}`, '');
    const words = cell(row, columns.text);
    if (words) out.push(words, '');
  }
  return out.length ? `${out.join('\n').trimEnd()}\n` : undefined;
}
