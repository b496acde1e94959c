/**
 * Obsidian's (and GitHub's) callouts: `> [!answer] 2(b)` over `> $c = ...$`. A callout that holds
 * an answer (`answer`, `success`, `check`, `done`, `summary`, `tldr`, `important`) is read as its
 * title on a line of its own, then its lines unquoted, so that a part's label in its title labels
 * what it holds. Other callouts (notes, warnings, scratch work) stay quoted asides.
 */

/** `> [!answer] 2(b)`, `> [!success]+ Result`: a callout's first line, its kind and title. */
const CALLOUT = /^[ \t]*>[ \t]*\[!([A-Za-z-]+)\][-+]?[ \t]*(.*)$/;
const ANSWERS = new Set(['answer', 'success', 'check', 'done', 'summary', 'tldr', 'important', 'result', 'solution']);

/** The text with its answer callouts unwrapped; as it is when it has none. */
export function unwrapAnswerCallouts(text: string): string {
  if (!text.includes('[!')) return text;
  const out: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    const c = CALLOUT.exec(line);
    if (c) {
      inside = ANSWERS.has(c[1]!.toLowerCase());
      out.push(inside ? c[2]!.trim() : line);
      continue;
    }
    if (inside && /^[ \t]*>/.test(line)) {
      out.push(line.replace(/^[ \t]*>[ \t]?/, ''));
      continue;
    }
    inside = false;
    out.push(line);
  }
  return out.join('\n');
}
