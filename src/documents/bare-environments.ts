/**
 * A LaTeX environment that only exists in math (`bmatrix`, `pmatrix`, `cases`, `aligned`, ...)
 * written over several lines with no `$$` or `\[` around it, as a notebook's Markdown cell exported
 * to text, a Jupyter or Quarto export, or a person typing for MathJax writes one: it is one formula
 * whatever its lines, and is read as a `$$` display from the line it begins on (with what that line
 * says before it, `y = \begin{bmatrix}`) to the line it ends on. The `$$` go on those lines, so
 * every line keeps its number. Inside math already (a display, `\[...\]`, an `equation` or `align`),
 * in code, and in a LaTeX document (whose reader knows its environments) nothing changes.
 */

/** Environments that are only ever math: one written outside math is a formula with its delimiters lost. */
const MATH_ONLY = /\\begin\{((?:[bBpvV]?|small)matrix|array|cases|dcases|aligned|alignedat|gathered|split)\}/;

/** A line that begins a math environment it does not end. */
function opensBeyondItsLine(line: string): boolean {
  if (!line.includes('\\begin{')) return false;
  const env = MATH_ONLY.exec(line);
  return env !== null && !line.includes(`\\end{${env[1]}}`);
}

/** Whether a line of the text opensBeyondItsLine: only the lines with a `\begin{` are looked at, found without splitting the text. */
function anyLineOpensBeyond(text: string): boolean {
  for (let at = text.indexOf('\\begin{'); at >= 0; ) {
    const end = text.indexOf('\n', at);
    const line = text.slice(text.lastIndexOf('\n', at) + 1, end < 0 ? text.length : end);
    if (opensBeyondItsLine(line)) return true;
    if (end < 0) return false;
    at = text.indexOf('\\begin{', end);
  }
  return false;
}

/** Displays of their own: what is inside one is math already. */
const DISPLAY_ENV = /\\begin\{(equation|align|alignat|gather|multline|eqnarray|displaymath|math)\*?\}/;

/** A text with each bare math environment over several lines set in a `$$` display. */
export function bareEnvironmentsAsDisplays(text: string): string {
  if (!text.includes('\\begin{') || text.includes('\\documentclass') || text.includes('\\begin{document}')) return text;
  // Only an environment left open on its line is set as a display: most texts' matrices close where they begin.
  if (!anyLineOpensBeyond(text)) return text;
  const lines = text.split('\n');
  let fence = '';
  let display = false;
  let bracket = false;
  let displayEnv = '';
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      if (line.trim().startsWith(fence)) fence = '';
      continue;
    }
    const opens = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opens) {
      fence = opens[1]!;
      continue;
    }
    if (displayEnv) {
      if (line.includes(`\\end{${displayEnv}`)) displayEnv = '';
      continue;
    }
    const env = line.includes('\\begin{') ? MATH_ONLY.exec(line) : null;
    if (!env && !line.includes('$') && !line.includes('\\')) continue;
    const before = env ? line.slice(0, env.index) : line;
    // The state of math where the environment begins: `$$` and `\[` toggled by what comes before it.
    const dollars = (before.match(/\$\$/g) ?? []).length;
    const singles = (before.replace(/\$\$/g, '').match(/(?<!\\)\$/g) ?? []).length;
    const inDisplay = display !== (dollars % 2 === 1);
    const inBracket = bracket ? !before.includes('\\]') : before.lastIndexOf('\\[') > before.lastIndexOf('\\]');
    if (env && !inDisplay && !inBracket && singles % 2 === 0 && !DISPLAY_ENV.test(before)) {
      const name = env[1]!;
      let end = i;
      // (A matrix is a few dozen lines at most: an environment never closed is not looked for to the text's end each time.)
      const limit = Math.min(lines.length, i + 200);
      while (end < limit && !lines[end]!.includes(`\\end{${name}}`)) end++;
      // (One line: the readers of formulas read it as it is; no end: no formula to set.)
      if (end > i && end < limit && !lines.slice(i + 1, end).some((l) => l.includes('$'))) {
        const close = lines[end]!.indexOf(`\\end{${name}}`) + `\\end{${name}}`.length;
        const last = lines[end]!;
        const tail = last.slice(close);
        // (What follows the environment on its last line, a comma or a full stop, stays inside; words go after.)
        const after = /^[\s,.;]*$/.test(tail) ? '' : tail;
        // (A name set equal to it, `y = \begin{bmatrix}`, is the formula's; words before it are not.)
        const named = /(?:^|\s)([A-Za-z][\w^{}_']*\s*:?=\s*)$/.exec(before);
        const from = named ? before.length - named[1]!.length : before.length;
        lines[i] = `${line.slice(0, from)}$$${line.slice(from)}`;
        lines[end] = `${after ? last.slice(0, close) : last}$$${after}`;
        changed = true;
        i = end;
        continue;
      }
    }
    // The math the line leaves open for the next.
    const all = line.match(/\$\$/g)?.length ?? 0;
    if (all % 2 === 1) display = !display;
    if (line.lastIndexOf('\\[') > line.lastIndexOf('\\]')) bracket = true;
    else if (line.includes('\\]')) bracket = false;
    const d = DISPLAY_ENV.exec(line);
    if (d && !line.includes(`\\end{${d[1]}`)) displayEnv = d[1]!;
  }
  return changed ? lines.join('\n') : text;
}
