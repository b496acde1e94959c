import { readLineLabel } from './part-ids.js';

/**
 * A list of the parts at the top of a write-up, with nothing but their labels (a notes app's
 * checklist `☑ q4a` / `☐ q4d (later)`, a contents list `- 2(b)` / `- 2(c)`): the writer's index of
 * what follows, or of what is done. A person skips it and reads each part where its label comes
 * again with work under it; read as labels, each line would cut an empty part and the real one's
 * label would be taken for another question's.
 */

/** What may stand before a label in such a list: a box (ticked or not), a tick, a bullet. */
const MARK = /^\s*(?:[-*+•]\s+)?(?:\[[ xX✓✔]?\]\s*|[☐☑☒□■▢✓✔✗✘✅❌]\s*)?/u;
/** What may stand after it: a subpart's numeral, a word or two in brackets (`(later)`, `[done]`), a tick. */
const AFTER = /^[\s.:)]*(?:\(?[ivx]{1,4}\)?)?\s*(?:[([][^)\]\n]{0,20}[)\]])?\s*[✓✔✗✘✅❌]?\s*$/u;

/** A line with a box, tick or bullet and a few characters after it. */
const SHORT_MARKED = /^[ \t]*(?:[-*+•]|\[[ xX✓✔]?\]|[☐☑☒□■▢✓✔✗✘✅❌])[ \t]*\S[^\n]{0,24}$/mu;

/** Whether a line is a part's label alone, marked or not. */
function labelOnly(line: string): boolean {
  if (line.length > 48) return false;
  const mark = MARK.exec(line)![0];
  const rest = line.slice(mark.length);
  const label = readLineLabel(rest);
  return !!label?.part && AFTER.test(rest.slice(label.length));
}

/**
 * The text with its index of parts blanked (lines kept, so locations still point into the file):
 * three lines or more in a row, each a part's label alone, at least one of them with a box or a bullet,
 * and parts labelled again later in the text.
 */
export function withoutPartIndex(text: string): string {
  // Cheap test first: a short marked line (`☑ q4a`, `- 2(b)`) somewhere; most texts have none.
  if (!SHORT_MARKED.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (!labelOnly(lines[i]!)) continue;
    let j = i;
    while (j + 1 < lines.length && labelOnly(lines[j + 1]!)) j++;
    const run = lines.slice(i, j + 1);
    const marked = run.some((l) => MARK.exec(l)![0].trim());
    // (Labels again after the list, with work: the list was an index of them.)
    const later = lines.slice(j + 1).filter((l) => readLineLabel(l)?.part).length;
    if (run.length >= 3 && marked && later >= 2) {
      for (let k = i; k <= j; k++) lines[k] = '';
      changed = true;
    }
    i = j;
  }
  return changed ? lines.join('\n') : text;
}
