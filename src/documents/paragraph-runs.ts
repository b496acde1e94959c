/** A paragraph of a text's lines: its first and last line (0-based) and its text, trimmed. */
export interface ParagraphRun {
  from: number;
  to: number;
  text: string;
}

/**
 * The paragraphs of lines `from..to` (exclusive): runs of non-blank lines. A line `outside` says is
 * not the text's own (code, display math) ends a run and starts none.
 */
export function paragraphRuns(lines: readonly string[], from = 0, to = lines.length, outside?: readonly boolean[]): ParagraphRun[] {
  const out: ParagraphRun[] = [];
  const inText = (i: number) => !!lines[i]!.trim() && !outside?.[i];
  for (let i = from; i < to; i++) {
    if (!inText(i)) continue;
    let j = i;
    while (j + 1 < to && inText(j + 1)) j++;
    out.push({
      from: i,
      to: j,
      text: lines
        .slice(i, j + 1)
        .join('\n')
        .trim(),
    });
    i = j;
  }
  return out;
}
