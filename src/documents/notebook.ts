import { UserError } from '../model/errors.js';
import { markdownTable } from './markdown-table.js';

/**
 * A notebook is one author's document made of text cells, code cells and the outputs the code
 * printed, whatever app saved it: Jupyter's `.ipynb` (Colab, Kaggle, Polynote, nteract and VS Code
 * save that too), Apache Zeppelin's note (`.zpln`, or `note.json` before 0.9: `paragraphs[]` whose
 * `text` opens on its interpreter, `%md`, `%python`, `%sql`), and Databricks' notebook JSON (the
 * files inside a `.dbc` archive: `commands[]`, `%md` opening a text command). Each is read into the
 * same cells and written as one Markdown: text cells as they are, code cells fenced, and their text
 * outputs after them (a coding part's printed answer is graded like any other). A note's `user`
 * field names whoever ran a paragraph, no speaker: a notebook is never a conversation.
 */

/** One cell of a notebook, whatever app saved it. */
interface NotebookCell {
  kind: 'text' | 'code';
  source: string;
  /** The language a code cell runs (`python`, `sql`); the notebook's own when the cell names none. */
  language?: string;
  /** What the code printed: text, or a table already written as Markdown's. */
  outputs: Output[];
}

/** One output of a code cell. */
interface Output {
  text: string;
  table?: true;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((s) => typeof s === 'string').join('') : '');

/** A cell's interpreter tag on its first line: `%md`, `%pyspark`, `%spark.sql`, `%python(venv)`, `%md-sandbox`. */
const INTERPRETER_TAG = /^[ \t]*%([\w.-]+)(?:\([^)\n]*\))?[ \t]*(?:\n|$)/;
/** Interpreters whose cells are the author's text. */
const TEXT_INTERPRETER = /^(?:md|markdown|md-sandbox)$/i;

/** A cell's text without its interpreter tag, and the interpreter it names (the part after a group's dot: `spark.pyspark` runs `pyspark`). */
function interpreterOf(text: string): { tag?: string; body: string } {
  const m = INTERPRETER_TAG.exec(text);
  if (!m) return { body: text };
  return { tag: m[1]!.split('.').at(-1)!, body: text.slice(m[0].length) };
}

/** A language as a code fence names it: Zeppelin's and Databricks' interpreters run Python, SQL, Scala, R or a shell. */
function fenceLanguage(tag: string | undefined, fallback: string): string {
  if (!tag) return fallback;
  if (/^(?:py|pyspark|python|ipython|jupyter)$/i.test(tag)) return 'python';
  if (/sql$/i.test(tag)) return 'sql';
  if (/^(?:spark|scala)$/i.test(tag)) return 'scala';
  if (/^(?:r|sparkr)$/i.test(tag)) return 'r';
  if (/^(?:sh|shell)$/i.test(tag)) return 'sh';
  return tag.toLowerCase();
}

/** A table's rows as a Markdown table, its first row the header (Zeppelin's TABLE result is tab-separated so). */
function tableOf(rows: readonly (readonly string[])[]): string {
  return markdownTable(
    rows.map((r) =>
      r.map((c) =>
        c
          .replace(/\|/g, '\\|')
          .replace(/\s*\n\s*/g, ' ')
          .trim(),
      ),
    ),
  );
}

/** Jupyter's cells (nbformat 4, and 3's worksheets). */
function jupyterCells(nb: Json): NotebookCell[] | undefined {
  const worksheets = Array.isArray(nb.worksheets) ? nb.worksheets.flatMap((w) => (isObject(w) && Array.isArray(w.cells) ? w.cells : [])) : undefined;
  const cells = Array.isArray(nb.cells) ? nb.cells : worksheets;
  if (!cells) return undefined;
  const meta = isObject(nb.metadata) ? nb.metadata : {};
  const language = str(isObject(meta.language_info) ? meta.language_info.name : undefined) || 'python';
  return cells.filter(isObject).flatMap((cell): NotebookCell[] => {
    const source = str(cell.source ?? cell.input);
    if (cell.cell_type === 'markdown' || cell.cell_type === 'raw' || cell.cell_type === 'heading') return [{ kind: 'text', source, outputs: [] }];
    if (cell.cell_type !== 'code') return [];
    const outputs = (Array.isArray(cell.outputs) ? cell.outputs : []).filter(isObject).map((o) => {
      const data = isObject(o.data) ? o.data : {};
      return { text: str(o.text) || str(data['text/latex']) || str(data['text/markdown']) || str(data['text/plain']) };
    });
    return [{ kind: 'code', source, language, outputs }];
  });
}

/** A Zeppelin result's text: TEXT as printed, TABLE as a table; HTML, images and widgets are the page's rendering. */
function zeppelinOutput(result: Json): Output[] {
  const data = str(result.data ?? result.msg);
  if (result.type === 'TEXT') return [{ text: data }];
  if (result.type === 'TABLE') {
    const rows = data
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.split('\t'));
    return rows.length ? [{ text: tableOf(rows), table: true }] : [];
  }
  return [];
}

/** Zeppelin's paragraphs: 0.8 and later keep `results.msg[]`, earlier versions one `result`. */
function zeppelinCells(note: Json): NotebookCell[] | undefined {
  if (!Array.isArray(note.paragraphs)) return undefined;
  const paragraphs = note.paragraphs.filter(isObject);
  if (!paragraphs.some((p) => typeof p.text === 'string')) return undefined;
  const fallback = fenceLanguage(str(note.defaultInterpreterGroup) || undefined, 'python');
  return paragraphs.flatMap((p): NotebookCell[] => {
    const { tag, body } = interpreterOf(str(p.text));
    // (A markdown paragraph's HTML result is its own text rendered: the text is read once.)
    if (tag && TEXT_INTERPRETER.test(tag)) return [{ kind: 'text', source: body, outputs: [] }];
    const results = isObject(p.results) ? p.results : isObject(p.result) ? p.result : undefined;
    // (A failed run's message is the interpreter's error, no answer of the author's.)
    const failed = results?.code === 'ERROR' || p.status === 'ERROR';
    const messages = !results || failed ? [] : Array.isArray(results.msg) ? results.msg.filter(isObject) : [results];
    return [{ kind: 'code', source: body, language: fenceLanguage(tag, fallback), outputs: messages.flatMap(zeppelinOutput) }];
  });
}

/** A Databricks command's result: `raw` text as printed, a `table`'s rows, a `listResults` list of either. */
function databricksOutput(result: unknown): Output[] {
  if (!isObject(result)) return [];
  if (result.type === 'listResults' && Array.isArray(result.data)) return result.data.flatMap(databricksOutput);
  if (result.type === 'raw' || result.type === 'text') return [{ text: str(result.data) }];
  if (result.type === 'table' && Array.isArray(result.data)) {
    const schema = Array.isArray(result.schema) ? result.schema.filter(isObject).map((c) => str(c.name)) : [];
    const rows = result.data.filter(Array.isArray).map((r) => r.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
    return rows.length ? [{ text: tableOf(schema.length ? [schema, ...rows] : rows), table: true }] : [];
  }
  return [];
}

/** Databricks' commands, in the order of their `position`. */
function databricksCells(nb: Json): NotebookCell[] | undefined {
  if (!Array.isArray(nb.commands)) return undefined;
  const commands = nb.commands.filter((c): c is Json => isObject(c) && typeof c.command === 'string');
  if (!commands.length) return undefined;
  const position = (c: Json) => (typeof c.position === 'number' ? c.position : 0);
  const fallback = fenceLanguage(str(nb.language) || undefined, 'python');
  return [...commands]
    .sort((a, b) => position(a) - position(b))
    .map((c): NotebookCell => {
      const { tag, body } = interpreterOf(str(c.command));
      if (tag && TEXT_INTERPRETER.test(tag)) return { kind: 'text', source: body, outputs: [] };
      const failed = c.state === 'error' || (isObject(c.results) && c.results.type === 'error');
      return { kind: 'code', source: body, language: fenceLanguage(tag, fallback), outputs: failed ? [] : databricksOutput(c.results) };
    });
}

/** The notebook's cells, by whichever app's shape the JSON has; undefined when it has none of them. */
function notebookCells(json: unknown): NotebookCell[] | undefined {
  if (!isObject(json)) return undefined;
  return jupyterCells(json) ?? zeppelinCells(json) ?? databricksCells(json);
}

/** The cheap test of a notebook's JSON that is not named as one: the fields its app always writes. */
export function looksLikeNotebookJson(sample: string): boolean {
  if (!sample.startsWith('{')) return false;
  if (/"cells"\s*:/.test(sample) && /"nbformat"\s*:/.test(sample)) return true;
  // Zeppelin: paragraphs whose text opens on an interpreter, or that carry the job Zeppelin runs them as; Databricks: its notebook's version.
  if (/"paragraphs"\s*:\s*\[/.test(sample) && ((/"text"\s*:\s*"%[\w.-]+/.test(sample) && /"(?:jobName|dateUpdated|config)"\s*:/.test(sample)) || /"jobName"\s*:\s*"paragraph_/.test(sample)))
    return true;
  return /"commands"\s*:\s*\[/.test(sample) && /"version"\s*:\s*"(?:NotebookV1|CommandV1)"/.test(sample);
}

/** The cells as one Markdown: text as it is, code fenced, each cell's outputs fenced after it. */
function cellsAsMarkdown(cells: readonly NotebookCell[]): string {
  const out: string[] = [];
  for (const cell of cells) {
    const src = cell.source.trimEnd();
    if (cell.kind === 'text') {
      if (src.trim()) out.push(src);
      continue;
    }
    if (src.trim()) out.push(`\`\`\`${cell.language ?? 'python'}\n${src}\n\`\`\``);
    const printed = cell.outputs
      .filter((o) => !o.table)
      .map((o) => o.text)
      .filter((s) => s.trim())
      .join('\n')
      .trimEnd();
    if (printed) out.push(`Output:\n\`\`\`\n${printed}\n\`\`\``);
    // (A table is read as Markdown's own: fenced, its rows would be one output's text.)
    for (const o of cell.outputs) if (o.table) out.push(`Output:\n\n${o.text}`);
  }
  return `${out.join('\n\n')}\n`;
}

/**
 * A notebook's JSON (Jupyter, Zeppelin or Databricks) as Markdown: text cells as they are, code
 * cells fenced, and their text outputs after them.
 */
export function notebookToMarkdown(json: string, path: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new UserError(`not a valid notebook (${e instanceof Error ? e.message : String(e)})`, path);
  }
  const cells = notebookCells(parsed);
  if (!cells) throw new UserError('not a notebook: no "cells" list (Jupyter), "paragraphs" (Zeppelin) or "commands" (Databricks)', path);
  return cellsAsMarkdown(cells);
}
