import { readLineLabel } from './part-ids.js';
import { JUDGEMENT_WORDS } from './verdict-lists.js';

/**
 * A report that quotes the model and judges each quote after it (`> ... **α = √d_out**.` then
 * `Verdict: **PASS**.`; `Verdict 1(a): **PASS**.` after a quote that names no part; `Assessment:
 * *WRONG* — it should be L(K-1)+1`) writes its verdicts in one repeated shape: a lead word, perhaps
 * a part's label, a colon, a mark of judgement in emphasis or capitals. Those paragraphs are the
 * person's, never an answer: read as one, `PASS` or the person's correction is graded. They are
 * left out, and a part's label one carries heads the quote it judges when the quote names no
 * part itself. The quotes are Markdown's `>` blocks here, and reStructuredText's quotation
 * directives in its reader, which use the same shape and choice.
 */

/** A verdict's lead word, its mark, and the part label between them if any. */
export interface VerdictShape {
  lead: string;
  mark: string;
  label?: string;
}

/** A paragraph right after a quote that has a verdict's shape: its lines in the text, and where the quote it follows starts. */
export interface JudgedQuote {
  at: number;
  length: number;
  shape: VerdictShape;
  quoteStart: number;
  quoteHasLabel: boolean;
}

/** Words of judgement a mark in emphasis may be in any case (`*OK*`, `**Correct**`); other marks are in capitals (`PASS`, `FAIL`). */
const JUDGEMENT_WORD = new RegExp(`^(?:${JUDGEMENT_WORDS}|good|bad|partial|partly|pass|passed|fail|failed)$`, 'i');

/** `Verdict 1(a): **PASS**.`, `Grade: FAIL — ...`: a lead word, perhaps a label, a colon, a mark; undefined for any other paragraph. */
export function verdictShape(paragraph: string): VerdictShape | undefined {
  const m = /^([A-Za-z][A-Za-z'’ ]{0,24}?)((?:\s+[^\s:]{1,14}){0,2})\s*:\s*(?:\*\*([^*\s]{1,16})\*\*|\*([^*\s]{1,16})\*|([A-Z]{2,16}|[✓✔✗✘✅❌]))(?=$|[\s.,;!—–-])/u.exec(paragraph.trim());
  if (!m) return undefined;
  const mark = (m[3] ?? m[4] ?? m[5])!;
  // (An answer in emphasis, `Answer: **Yes**`, is no mark: a mark is a judgement's word or in capitals.)
  if (!JUDGEMENT_WORD.test(mark) && !/^(?:[A-Z]{2,16}|[✓✔✗✘✅❌])$/u.test(mark)) return undefined;
  const rest = m[2]!.trim();
  const label = rest ? readLineLabel(`${rest} `) : undefined;
  // Words after the lead that are no label (`Final answer is: **YES**`) make it a sentence, not a verdict's lead.
  if (rest && (!label || label.length < rest.length)) return undefined;
  return { lead: m[1]!.trim().toLowerCase(), mark: mark.toLowerCase(), ...(rest ? { label: rest } : {}) };
}

/**
 * `lines` without the verdict paragraphs among `found`: those whose lead opens two of them or more
 * with one of its marks given twice or more (a scale repeats, `PASS` ... `PASS`; answers after
 * quoted questions seldom repeat one). A label one names heads its quote when the quote names no part.
 */
export function withoutVerdicts(lines: string[], found: JudgedQuote[]): string[] {
  const verdicts = found.filter((f) => {
    const same = found.filter((g) => g.shape.lead === f.shape.lead);
    return same.length >= 2 && same.some((g) => same.filter((h) => h.shape.mark === g.shape.mark).length >= 2);
  });
  if (!verdicts.length) return lines;
  const drop = new Set(verdicts.flatMap((f) => Array.from({ length: f.length }, (_, k) => f.at + k)));
  const heads = new Map(verdicts.filter((f) => f.shape.label && !f.quoteHasLabel).map((f) => [f.quoteStart, f.shape.label!]));
  return lines.flatMap((line, k) => [...(heads.has(k) ? [`**${heads.get(k)}**`, ''] : []), ...(drop.has(k) ? [] : [line])]);
}

const QUOTED = /^\s{0,3}>/;

/** A Markdown text without the verdicts it writes after its `>` quotes (see above); as it is when it has none. */
export function withoutQuoteVerdicts(text: string): string {
  // Cheap test first (every text passes here): a quote, and a colon after it.
  if (!/^\s{0,3}>/m.test(text)) return text;
  const lines = text.split('\n');
  const found: JudgedQuote[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!QUOTED.test(lines[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && QUOTED.test(lines[i]!)) i++;
    const hasLabel = lines.slice(start, i).some((l) => readLineLabel(l.replace(/^\s*(?:>\s?)+/, '').replace(/^#+\s*/, ''))?.part);
    let j = i;
    while (j < lines.length && !lines[j]!.trim()) j++;
    if (j >= lines.length || QUOTED.test(lines[j]!)) continue;
    let end = j;
    while (end < lines.length && lines[end]!.trim() && !QUOTED.test(lines[end]!)) end++;
    const shape = verdictShape(lines.slice(j, end).join('\n'));
    if (shape) found.push({ at: j, length: end - j, shape, quoteStart: start, quoteHasLabel: hasLabel });
    i = end;
  }
  return found.length ? withoutVerdicts(lines, found).join('\n') : text;
}
