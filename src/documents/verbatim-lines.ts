/**
 * Lines whose breaks are the content itself: fenced code, display math ($$ ... $$, \[ ... \]) and
 * YAML front matter. Passes that rebuild a text's paragraphs (hard-wrap.ts, paragraph-breaks.ts)
 * leave them as they are: a line of code or a row of a displayed matrix is a line, not a wrap.
 */
export function verbatimLines(lines: readonly string[]): boolean[] {
  return verbatimBlocks(lines).map((b) => b > 0);
}

/** For each line, the number of the verbatim block it is in (1, 2, ...), or 0 when it is in none. */
export function verbatimBlocks(lines: readonly string[]): number[] {
  const out = lines.map(() => 0);
  let block = 0;
  let fence: string | undefined;
  let display: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (i === 0 && t === '---') {
      const end = lines.findIndex((l, j) => j > 0 && l.trim() === '---');
      if (end > 0) {
        block++;
        for (let j = 0; j <= end; j++) out[j] = block;
        i = end;
        continue;
      }
    }
    if (fence) {
      out[i] = block;
      if (t.startsWith(fence)) fence = undefined;
      continue;
    }
    const f = /^(```+|~~~+)/.exec(t);
    if (f) {
      out[i] = ++block;
      fence = f[1];
      continue;
    }
    if (display) {
      out[i] = block;
      if (t.includes(display)) display = undefined;
      continue;
    }
    if (t.startsWith('$$') || t.startsWith('\\[') || /^\\begin\{/.test(t)) {
      out[i] = ++block;
      const close = t.startsWith('$$') ? '$$' : t.startsWith('\\[') ? '\\]' : '\\end{';
      if (!t.slice(2).includes(close)) display = close;
    }
  }
  return out;
}

/** A Markdown table row, a heading, or a line of an indented code block: lines that are one line by their form. */
export function lineByForm(line: string): boolean {
  // (A row without its outer pipes has cells apart by spaced pipes; a norm's `\|x\|` or `|x|` has none.)
  return /^\s*\|/.test(line) || /\S\s+\|\s+\S.*\s\|\s/.test(line) || /^\s{0,3}#{1,6}\s/.test(line) || /^\t/.test(line);
}

/** A table's row, with its outer pipes or without them (cells apart by a spaced pipe). */
export function tableRow(line: string): boolean {
  return /^\s*\|/.test(line) || /\S\s+\|\s+\S/.test(line);
}
