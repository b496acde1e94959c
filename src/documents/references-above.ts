import type { Attempt, PartResponse } from '../model/submission.js';
import { PART_REFERENCE, partNamed } from './part-references.js';

/**
 * An answer given by pointing at an object printed earlier: "the 5x5 above", "table above", "see the
 * matrix above", or by describing a matrix in words: "all −40", "every entry 3". A summary row or a
 * list item written by a person says where the answer is instead of repeating it; read as it stands
 * the words are a product (`a l l − 40`, `5 x · 5 a b o v e`). The object is looked for upwards from
 * the reference, past the block the reference stands in: a matrix of the named shape, a table, or a
 * matrix every entry of which is the value named. Found unambiguously (the nearest block that holds
 * one of the kind holds only one), the attempt reads as that object; not found, the attempt keeps its
 * words and says why it is doubtful, so it is reviewed rather than graded as a garbled formula.
 */

/** A reference to an object above, the whole of what an attempt says: `the 5x5 above`, `see the table above`. */
const REFERENCE =
  /^(?:(?:see|as\s+in|same\s+as)\s+)?(?:the\s+)?(?:(?:(\d+)\s*[x×]\s*(\d+))|(table|matrix|array|grid))?(?:\s+(table|matrix|array|grid|output|result))?\s+(?:shown\s+|printed\s+|given\s+)?above$/i;

/** A matrix described by its entries in words: `all −40`, `every entry 3`, `all entries are 0`. */
const ALL_ENTRIES = /^(?:all(?:\s+entries)?|every\s+entry|each\s+entry)(?:\s+(?:is|are|equal(?:s)?|=))?\s*([−-]?\d+(?:\.\d+)?)$/i;

/** What an attempt asks for, read from its words. */
type Wanted = { kind: 'matrix'; rows?: number; cols?: number } | { kind: 'table' } | { kind: 'entries'; value: number };

/** A line with its marks, bullets, a part's label, a table's bars and emphasis left out: the words it says. */
function wordsOf(line: string): string {
  return line
    .replace(/[|*_✓✔✗✘❌✅]/g, ' ')
    .replace(/^\s*(?:[-•+]\s+)?(?:\(?[ivx]{1,4}\)|\(?[a-h]\)|\d+\s*\(?[a-h]\)?(?:\s*\([ivx]{1,4}\))*)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '');
}

/**
 * What the last lines of an attempt ask for, when they say one reference (a label's remnant
 * `answers:` aside), and the attempt's text before them: a report that returns to a part in its
 * summary ends the part's text on the reference, which is the answer it commits to.
 */
function wanted(text: string): { wanted: Wanted; words: string; before: string } | undefined {
  let found: { wanted: Wanted; words: string; before: string } | undefined;
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const w = wordsOf(lines[i]!);
    // (What is left of a label the line opened with: `answers:`, `Answer:`.)
    if (!w || /^[A-Za-z ]{0,20}:$/.test(w)) continue;
    const ref = REFERENCE.exec(w);
    const all = ref ? undefined : ALL_ENTRIES.exec(w);
    if (!ref && !all) return found;
    const want: Wanted = all
      ? { kind: 'entries', value: Number(all[1]!.replace('−', '-')) }
      : ref![1]
        ? { kind: 'matrix', rows: Number(ref![1]), cols: Number(ref![2]) }
        : /table/i.test(`${ref![3] ?? ''} ${ref![4] ?? ''}`)
          ? { kind: 'table' }
          : { kind: 'matrix' };
    if (found && JSON.stringify(found.wanted) !== JSON.stringify(want)) return undefined;
    found = { wanted: want, words: w, before: lines.slice(0, i).join('\n').trim() };
  }
  return found;
}

/** The numbers of one matrix row: `-19 -28 -32`, `−40, −40, −40`, `1 & 2 & 3`. */
function rowNumbers(row: string): number[] | undefined {
  const cells = row
    .replace(/−/g, '-')
    .split(/[\s,&]+/)
    .filter(Boolean);
  if (!cells.length || !cells.every((c) => /^[-+]?\d+(?:\.\d*)?(?:e[-+]?\d+)?$/i.test(c))) return undefined;
  return cells.map(Number);
}

/** Matrices written in a block of lines: NumPy's print or a nested list (`[[1 2] [3 4]]`), or a LaTeX matrix environment. */
function matricesIn(block: string): number[][][] {
  const out: number[][][] = [];
  if (block.includes('[[') || block.includes('[ [')) {
    for (const m of block.matchAll(/\[\s*(\[[^[\]]*\](?:\s*,?\s*\[[^[\]]*\])*)\s*\]/g)) {
      const rows = [...m[1]!.matchAll(/\[([^[\]]*)\]/g)].map((r) => rowNumbers(r[1]!));
      if (rows.length && rows.every((r): r is number[] => !!r)) out.push(rows);
    }
  }
  // `y = [ 40  40  40` / `40  40  40 ]`: one bracket around rows on lines of their own, as MATLAB prints one and people type it.
  if (block.includes('\n') && block.includes('[')) {
    for (const m of block.matchAll(/\[([^[\]]*\n[^[\]]*)\]/g)) {
      const rows = m[1]!
        .split('\n')
        .map((r) => r.trim().replace(/;$/, ''))
        .filter(Boolean)
        .map(rowNumbers);
      if (rows.length >= 2 && rows.every((r): r is number[] => !!r && r.length === rows[0]!.length)) out.push(rows);
    }
  }
  if (block.includes('\\begin{')) {
    for (const m of block.matchAll(/\\begin\{([bpvBV]?matrix|array)\}(?:\{[^}]*\})?([\s\S]*?)\\end\{\1\}/g)) {
      const rows = m[2]!
        .split('\\\\')
        .map((r) => r.trim())
        .filter(Boolean)
        .map(rowNumbers);
      if (rows.length && rows.every((r): r is number[] => !!r)) out.push(rows);
    }
  }
  return out;
}

/** A rule line of a table drawn in text: `────`, `-----`, `=====`, `+----+----+`. */
const RULE = /^\s*[-─━═=+|]{5,}\s*$/;

/**
 * A block of lines read as a table, as a Markdown table the table reader knows: a Markdown table as
 * it is, or rows aligned in columns under a header, cut where the header's cells start.
 */
function tableIn(lines: readonly string[]): string | undefined {
  const rows = lines.filter((l) => l.trim() && !RULE.test(l));
  if (rows.length >= 3 && rows.every((l) => l.trim().startsWith('|'))) return lines.join('\n');
  if (rows.length < 3 || rows.some((l) => l.includes('|'))) return undefined;
  const header = rows[0]!;
  const starts = [...header.matchAll(/(?:^|\s{2,})(\S)/g)].map((m) => m.index! + m[0].length - 1);
  if (starts.length < 2) return undefined;
  // Every row fills the header's first column and starts no cell inside another header cell's words.
  const cells = rows.map((r) => starts.map((s, i) => r.slice(s, starts[i + 1] ?? r.length).trim()));
  if (!rows.every((r) => /^\S/.test(r.slice(starts[0]!)) && (r.length <= starts[1]! || r[starts[1]! - 1] === ' '))) return undefined;
  if (cells.filter((c) => c.filter(Boolean).length >= 2).length < 3) return undefined;
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  return [line(cells[0]!), `|${' --- |'.repeat(starts.length)}`, ...cells.slice(1).map(line)].join('\n');
}

/** The blocks (runs of non-blank lines) above line `at` (0-based), nearest first, past the block `at` stands in. */
function* blocksAbove(lines: readonly string[], at: number): Generator<string[]> {
  let i = at;
  while (i >= 0 && lines[i]!.trim()) i--;
  while (i >= 0) {
    while (i >= 0 && !lines[i]!.trim()) i--;
    const end = i;
    while (i >= 0 && lines[i]!.trim()) i--;
    if (end >= 0) yield lines.slice(i + 1, end + 1);
  }
}

/** A matrix as a nested list, one line: the form every reader of matrices knows. */
function written(m: number[][]): string {
  return `[${m.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
}

/** The object `want` names, looked for upwards from line `at`: its text, or why none was taken. */
function objectAbove(lines: readonly string[], at: number, want: Wanted): { text?: string; doubt?: string } {
  for (const block of blocksAbove(lines, at)) {
    if (want.kind === 'table') {
      const table = tableIn(block);
      if (table) return { text: table };
      continue;
    }
    const joined = block.join('\n');
    const fits = matricesIn(joined).filter((m) =>
      want.kind === 'entries'
        ? m.every((r) => r.every((x) => x === want.value)) && m.length > 1
        : (want.rows === undefined || m.length === want.rows) && (want.cols === undefined || m.every((r) => r.length === want.cols)),
    );
    if (fits.length === 1) return { text: written(fits[0]!) };
    if (fits.length > 1) return { doubt: 'more than one matrix above fits it' };
  }
  return { doubt: 'no such object was found above it' };
}

/** The line (0-based) of `lines` at or after `from` that says `words`, or undefined. */
function lineOf(lines: readonly string[], from: number, words: string): number | undefined {
  for (let i = Math.max(0, from); i < lines.length; i++) if (wordsOf(lines[i]!).includes(words)) return i;
  return undefined;
}

/** A response whose whole final attempt names another part's answer, read as that answer (or doubted when there is none). */
function withPartReference(r: PartResponse, byId: ReadonlyMap<string, PartResponse>): PartResponse {
  const words = r.final.text
    .split('\n')
    .map(wordsOf)
    .filter((w) => w && !/^[A-Za-z ]{0,20}:$/.test(w));
  const ref = words.length === 1 ? PART_REFERENCE.exec(words[0]!) : null;
  if (!ref) return r;
  const id = partNamed(r.partId, ref[1], ref[2]!);
  const target = id === r.partId ? undefined : byId.get(id);
  if (!target || PART_REFERENCE.test(wordsOf(target.final.text))) return { ...r, alignmentDoubt: r.alignmentDoubt ?? `its answer "${words[0]}" refers to another part's, and none was read for ${id}` };
  const read: Attempt = { ...r.final, text: target.final.text };
  return { ...r, final: read, attempts: [...r.attempts.slice(0, -1), read], ...(r.first === r.final ? { first: read } : {}) };
}

/**
 * Responses whose final attempt ends on pointing at an object above (or describing a matrix by its
 * entries) with those words read as the object, found in `text` (the text the responses' lines count
 * in); one whose final attempt only names another part's answer (`see the matrix in (i)`) reads as that answer.
 */
export function withReferencesResolved(responses: PartResponse[], text: string): PartResponse[] {
  // (Cheap: a text that says neither `above` nor `all`/`every`/`each`, nor `see`/`same as`/`as in`, has nothing to resolve.)
  if (!/\babove\b|\b(?:all|every|each|see|same\s+as|as\s+(?:in|for))\b|\b(?:in|of|from|for)\s+(?:part\s+)?\(/i.test(text)) return responses;
  let lines: string[] | undefined;
  const byId = new Map(responses.map((r) => [r.partId, r]));
  return responses.map((r) => {
    const final = r.final;
    if (final.text.length <= 80) {
      const named = withPartReference(r, byId);
      if (named !== r) return named;
    }
    if (final.line === undefined || final.text.length > 300) return r;
    const w = wanted(final.text);
    if (!w) return r;
    lines ??= text.split('\n');
    const at = lineOf(lines, final.line - 1, w.words);
    if (at === undefined) return r;
    const found = objectAbove(lines, at, w.wanted);
    if (!found.text) return { ...r, alignmentDoubt: r.alignmentDoubt ?? `its answer "${w.words}" refers to an object: ${found.doubt}` };
    const read: Attempt = { ...final, text: w.before ? `${w.before}\n\n${found.text}` : found.text };
    return { ...r, final: read, attempts: [...r.attempts.slice(0, -1), read], ...(r.first === final ? { first: read } : {}) };
  });
}
