/**
 * Struck-through text (`~~old answer~~` in Markdown, `\sout{...}` with LaTeX's ulem): an answer the
 * writer withdrew and left visible, as a regrade resubmission marks what it corrects. It is no
 * answer: read, it would stand beside (or after) the one that replaced it. Blanked to spaces, so
 * what follows on the line stays where the file has it.
 */

/** `~~...~~` on one line (Markdown's strikethrough never spans lines), and ulem's `\sout{...}` / soul's `\st{...}` without nested braces. */
const STRUCK = /~~(?=\S)[^~\n]*?\S~~|\\(?:sout|st|xout)\{[^{}\n]*\}/g;

/** The text with its struck-through spans blanked; as it is (and cheaply) when it has none. */
export function withoutStruckText(text: string): string {
  if (!text.includes('~~') && !text.includes('\\sout') && !text.includes('\\st{') && !text.includes('\\xout')) return text;
  return text.replace(STRUCK, (m) => ' '.repeat(m.length));
}
