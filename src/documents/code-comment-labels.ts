/**
 * Code that answers several parts at once, its parts named only by comments (`# (a) output
 * shape`, `// 4(b) pooling`, `-- part (c)`): a coding assistant's reply of helpers, one per part.
 * A comment is code as a rule (a script that checks answers labelled below it names the parts in
 * its comments too), so these comments label parts only when the text around the code labels
 * none of the parts they name, and they name two parts or more.
 */
import { type LineLabel, readLineLabel } from './part-ids.js';

/** A comment's marker at the start of a code line (Python, shell, C, MATLAB, SQL), then its text. */
const COMMENT_MARK = /^\s*(?:#+|\/\/+|%+|--)\s*/;

/**
 * The part a code comment opens with: a letter in brackets (`# (a) ...`), perhaps with its
 * question (`# 4(b)`, `# Q4 (b):`) or `Part (c)`. A bare `# a. ...` or `# c = 3` is code talking.
 */
export function commentLabel(line: string): LineLabel | undefined {
  const mark = COMMENT_MARK.exec(line);
  if (!mark) return undefined;
  const rest = line.slice(mark[0].length);
  const label = readLineLabel(rest);
  if (!label?.part || !(label.question || rest.slice(0, label.length).includes('('))) return undefined;
  return { ...label, length: mark[0].length + label.length };
}

/** A line of a text, where it stands with respect to code fences. */
export interface CodeLine {
  text: string;
  /** Inside a fenced block (or its fence). */
  inside: boolean;
  /** A fence, or a comment inside a fenced block. */
  comment: boolean;
}

/** The key a label names a part by: its question (when given) and letter. */
const named = (l: LineLabel) => `${l.question ?? ''}.${l.part}`;

/**
 * The indexes of the comment lines that label parts: every comment inside fenced code that opens
 * with a part's label, when those name two parts or more and no line outside the code labels one
 * of their letters. Empty otherwise.
 */
export function labellingComments(lines: readonly CodeLine[]): Set<number> {
  const found = new Map<number, LineLabel>();
  lines.forEach((l, i) => {
    if (!l.inside || !l.comment) return;
    const label = commentLabel(l.text);
    if (label) found.set(i, label);
  });
  const parts = new Set([...found.values()].map(named));
  if (parts.size < 2) return new Set();
  // The lines outside the code are read for labels only when comments name two parts: most texts
  // have none, and reading every line's label here as well as in the segmenter was half of the
  // write-ups' label reading (11,596 of 23,292 calls for 100 bench write-ups).
  const outside = new Set<string>();
  for (const l of lines) {
    if (l.inside) continue;
    const label = readLineLabel(l.text);
    if (label?.part) outside.add(label.part);
  }
  if ([...found.values()].some((l) => outside.has(l.part!))) return new Set();
  return new Set(found.keys());
}

/**
 * A segment's text cut where a comment inside its code labels a new part: the code's lines just
 * above the comment (the `def` line of the function it documents, up to a blank line) go with the
 * new part; the code left behind is closed with a fence, or dropped with its opening fence when
 * none is left. `opener` is the fence the code opened with.
 */
export function cutBeforeComment(text: string, opener: string): { before: string; moved: string } {
  const lines = text.split('\n');
  let openAt = -1;
  lines.forEach((l, i) => {
    if (l.trim() === opener.trim()) openAt = i;
  });
  let from = lines.length;
  while (from > openAt + 1 && lines[from - 1]!.trim()) from--;
  const moved = lines.slice(from).join('\n');
  const kept = lines.slice(0, from);
  const code = kept.slice(openAt + 1);
  const before = openAt >= 0 && !code.some((l) => l.trim()) ? kept.slice(0, openAt).join('\n') : `${kept.join('\n').trimEnd()}\n${opener.trim().replace(/[^`~].*$/, '')}`;
  return { before, moved };
}
