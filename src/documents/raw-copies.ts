/**
 * A paste site's or a code host's page shows what was pasted twice: rendered (highlighted, with line
 * numbers or as Markdown), and again as it was typed under a heading that says so (Pastebin's `RAW
 * Paste Data`, a gist's or a snippet's `Raw`). Copied whole, the page gives every part twice, with the
 * site's own lists (comments, other pastes) between the copies: the second copy's labels continued the
 * first's parts, so each part read its answer twice over with the site's lines in the middle.
 * The raw copy is known by its heading and by repeating, line for line, a run the page showed above
 * it; it is blanked with its heading, so lines keep their numbers.
 */

/** A short line that names the raw text (`RAW Paste Data`, `Raw`, `View raw`, `Raw text`). */
const RAW_HEADING = /^(?:[\p{L} ]{0,20}[ \t])?raw(?:[ \t][\p{L} ]{0,30})?$/iu;

/** How many lines after the heading the copy may start (a blank line or two between). */
const NEAR = 3;

/** The text with a paste's raw copy blanked; as it is without one. */
export function withoutRawCopy(text: string): string {
  // (Cheap: the heading's word must be there.)
  if (!/raw/i.test(text)) return text;
  const lines = text.split('\n');
  const trimmed = lines.map((l) => l.trim());
  const headings = trimmed.flatMap((t, i) => (t.length <= 40 && RAW_HEADING.test(t) ? [i] : []));
  if (!headings.length) return text;
  const firstAt = new Map<string, number>();
  trimmed.forEach((t, i) => {
    if (t && !firstAt.has(t)) firstAt.set(t, i);
  });
  const out = [...lines];
  for (const heading of headings) {
    let start = heading + 1;
    while (start < lines.length && start <= heading + NEAR && !trimmed[start]) start++;
    const source = firstAt.get(trimmed[start] ?? '');
    if (source === undefined || source >= heading) continue;
    // The copy runs while it repeats the page above it line for line (never past the heading).
    let run = 0;
    let said = 0;
    while (start + run < lines.length && source + run < heading && trimmed[start + run] === trimmed[source + run]) {
      if (trimmed[start + run]) said++;
      run++;
    }
    // (One repeated line may be a title the site shows twice; a copy repeats the text's lines.)
    if (said < 2) continue;
    // (Only the copy and its heading: where the copy stops repeating, what the page shows above may still be the text's.)
    for (let i = heading; i < start + run; i++) out[i] = '';
  }
  return out.join('\n');
}
