/**
 * Math a Markdown dialect writes with code's marks: a fenced block whose info string is `math`
 * (GitHub, GitLab, Julia's Markdown and Documenter, Pluto notebooks) is a display formula, and in
 * Julia's Markdown (a Pluto or Documenter `md"""..."""` string) a span in double backticks
 * (``` ``7 \times 7`` ```) is inline math. Read as code, a formula's matrix (`\begin{bmatrix} ... \end{bmatrix}`
 * over several lines) is taken word by word; read as `$$...$$` and `$...$` it is the formula it is.
 * A fence of another language and a double-backtick span outside Julia's Markdown stay code.
 */

/** A fence that opens a math block: ```` ```math ```` or `~~~math`, indented three spaces at most. */
const MATH_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*math[ \t]*$/;

/** A Julia Markdown string's opening (`md"""`), where ``x`` is math. */
const JULIA_MARKDOWN = /^[ \t]*md"""/m;

/** A text with its math fences as `$$` displays and, in Julia's Markdown, its ``x`` spans as `$x$`. */
export function mathFencesAsMath(text: string): string {
  const fences = text.includes('```math') || text.includes('~~~math');
  const julia = text.includes('``') && JULIA_MARKDOWN.test(text);
  if (!fences && !julia) return text;
  const lines = text.split('\n');
  let close = '';
  let code = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (close) {
      if (line.trim() === close || (line.trim().startsWith(close) && /^[`~]+$/.test(line.trim()))) {
        lines[i] = '$$';
        close = '';
      }
      continue;
    }
    if (code) {
      if (line.trim().startsWith(code)) code = '';
      continue;
    }
    const math = MATH_FENCE.exec(line);
    if (math) {
      lines[i] = '$$';
      close = math[1]!;
      continue;
    }
    const other = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (other) {
      code = other[1]!;
      continue;
    }
    if (julia && line.includes('``')) lines[i] = line.replace(/``(?!`)([^`\n]+?)``/g, (_m, body: string) => `$${body.trim()}$`);
  }
  return lines.join('\n');
}
