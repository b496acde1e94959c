/**
 * A text copied out of a terminal pane or a block with its border: every line starts (and perhaps ends)
 * with the same bar (`│ 3(a) y(n) = ...`, `┃ ...`), a tmux pane beside another, a block of a terminal
 * that draws a gutter down its output. The bar is the pane's, no line's first sign: behind it no label
 * starts a line and no speaker heads one. With the bar on every line it is taken off every line; a bar
 * on some lines only (a person's messages, a tool's output) is left to the readers of those.
 */

/** A border's bar: box-drawing verticals and the left block eighths (not `|`: a Markdown table's rows start with it). */
const BARS = '│┃║▌▍▎▏';
/** The cheap test: the text's first sign is a bar. */
const STARTS_BARRED = new RegExp(`^\\s*[${BARS}]`, 'u');

/** The text with a bar drawn down its left margin (and one down its right, if every line has it too) taken off; as it is otherwise. */
export function withoutPaneGutter(text: string): string {
  if (!STARTS_BARRED.test(text)) return text;
  const lines = text.split('\n');
  const filled = lines.filter((l) => l.trim());
  const bar = filled[0]!.trim()[0]!;
  const left = new RegExp(`^[ \\t]*${bar}(?:[ \\t]|$)`, 'u');
  if (filled.length < 3 || !filled.every((l) => left.test(l))) return text;
  const right = new RegExp(`[ \\t]${bar}[ \\t]*$`, 'u');
  const closed = filled.every((l) => right.test(l) || l.trim() === bar);
  return lines
    .map((l) => {
      if (!l.trim()) return l;
      const inner = l.replace(left, '');
      return (closed ? inner.replace(right, '') : inner).trimEnd();
    })
    .join('\n');
}
