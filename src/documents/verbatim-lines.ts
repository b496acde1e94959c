/**
 * Lines whose breaks are the content itself: fenced code, display math ($$ ... $$, \[ ... \]) and
 * YAML front matter. Passes that rebuild a text's paragraphs (hard-wrap.ts, paragraph-breaks.ts)
 * leave them as they are: a line of code or a row of a displayed matrix is a line, not a wrap.
 */
export function verbatimLines(lines: readonly string[]): boolean[] {
  return verbatimBlocks(lines).map((b) => b > 0);
}

/**
 * The index of the line after a YAML front matter at the text's top (`---`, `key: value` lines, `---`: an
 * exporter's or a site generator's metadata), or 0 without one. Only `key: value` lines, their indented
 * values, list items and comments between the rules: a text that opens on a rule over prose has none.
 */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  for (let i = 1; i < Math.min(lines.length, 60); i++) {
    if (lines[i]!.trim() === '---') return i > 1 ? i + 1 : 0;
    if (!/^(?:[\w.-]+\s*:|\s+\S|\s*-\s|\s*#|\s*$)/.test(lines[i]!)) return 0;
  }
  return 0;
}

/** For each line, the number of the verbatim block it is in (1, 2, ...), or 0 when it is in none. */
export function verbatimBlocks(lines: readonly string[]): number[] {
  const out = lines.map(() => 0);
  let block = 0;
  let fence: string | undefined;
  let display: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (i === 0) {
      const end = frontMatterEnd(lines);
      if (end > 0) {
        block++;
        for (let j = 0; j < end; j++) out[j] = block;
        i = end - 1;
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
