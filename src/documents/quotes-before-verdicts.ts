import type { LineLabel } from './part-ids.js';

/**
 * A report that quotes the model's answer to a part first and then judges it on the part's labelled
 * line (`"Forming WWᵀ ... 2c·d_out²·d_in."` then `(a) 2c·d_out²·d_in ✔`, then `"Because ..."` and
 * `(b) 2c·d_out·d_in² ✔`). Cut at its labels, each quote would go with the label above it: (b)'s
 * working read as (a)'s. The order shows in the run's ends: the first judged line has a quote right
 * before it, and the last has none after it (a report that judges first and quotes after has a
 * quote after its last line and none before its first). Then each quote goes with the line after it.
 */

/** A segment of a text cut at its labels: its label, if any, and its text (the label's line first, without the label). */
interface Cut {
  label?: LineLabel;
  text: string;
}

/** A line that ends on a person's tick or cross after an answer (perhaps with a remark after the mark). */
const JUDGED = /^\s*[^\s"“„«>].*?\s[✓✔☑✅✗✘❌]\uFE0F?(?:\s.*)?$/u;

/** A quotation's opening line: a quotation mark, perhaps after the quoted one's name (`Claude: "...`), or a Markdown quote. */
const OPENS = /^\s*(?:[\p{L}][\p{L}\d .'’-]{0,30}:\s*)?["“„«]|^\s*>/u;
/** A quotation's closing line. */
const CLOSES = /["”»][.!?]?\s*$/u;

/** Where the quotation that ends `lines` starts (an index into them), or -1 when they do not end on one. */
function closingQuotation(lines: readonly string[]): number {
  let end = lines.length - 1;
  while (end >= 0 && !lines[end]!.trim()) end--;
  if (end < 0) return -1;
  // A Markdown quote: its `>` lines up to the end.
  if (/^\s*>/.test(lines[end]!)) {
    let start = end;
    while (start > 0 && /^\s*>/.test(lines[start - 1]!)) start--;
    return start;
  }
  if (!CLOSES.test(lines[end]!)) return -1;
  for (let start = end; start >= 0 && end - start < 12; start--) {
    if (!lines[start]!.trim()) return -1;
    if (OPENS.test(lines[start]!)) return start;
  }
  return -1;
}

/** `segs` with each quote moved to the judged line after it, when the text quotes before it judges (see above); else `segs` itself. */
export function quotesBeforeVerdicts<T extends Cut>(segs: T[]): T[] {
  const judged = (s: T | undefined) => !!s?.label?.part && JUDGED.test(s.text.split('\n', 1)[0]!);
  // The cheap test first: most texts judge nothing on their labels' lines.
  if (!segs.some(judged)) return segs;
  const out = [...segs];
  for (let i = 1; i < out.length; i++) {
    // A run of labelled parts, each judged on its label's line, and the segment before it.
    let end = i;
    while (judged(out[end])) end++;
    if (end - i < 2) continue;
    const before = out[i - 1]!.text.split('\n');
    const lead = closingQuotation(before);
    // After each judged line but the last, a quote and nothing else; after the last, nothing.
    const after = out.slice(i, end).map((s) => s.text.split('\n').slice(1));
    const quoted = after.slice(0, -1).every((rest) => firstText(rest) >= 0 && closingQuotation(rest) === firstText(rest));
    if (lead >= 0 && quoted && !after[after.length - 1]!.join('').trim()) {
      const quotes = [before.slice(lead), ...after.slice(0, -1)].map((q) => q.join('\n').trim());
      out[i - 1] = { ...out[i - 1]!, text: before.slice(0, lead).join('\n').trimEnd() };
      // Each part's text in the order it was written: the quote, then the line that judges it.
      for (let k = i; k < end; k++) out[k] = { ...out[k]!, text: `${quotes[k - i]}\n${out[k]!.text.split('\n', 1)[0]!}` };
    }
    i = end;
  }
  return out;
}

/** The index of the first line with text among `lines` (-1 when none has). */
function firstText(lines: readonly string[]): number {
  return lines.findIndex((l) => l.trim());
}
