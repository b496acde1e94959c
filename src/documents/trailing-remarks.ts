import type { Message } from '../model/submission.js';

/**
 * A person who annotates a chat they hand in marks their own lines with a lead of their choosing
 * (`💬 HO:`, `NB(jl):`, `REVIEW:`), the same lead wherever they write, and adds their verdict after
 * the model's last words. Left in the reply, its letters and formulas were read as the model's
 * answer (`... the growth of the STANDARD DEVIATION, which is (n−k+1)σxσg = O(n)` for a reply that
 * said O(n²)). No word list says which leads are marks: a lead that opens a paragraph of the
 * person's own (their turn, a note over the chat) and opens the paragraphs that end a reply is
 * theirs there too. A part's label (`Q4(e):`) or an answer's word (`Answer:`) is no such mark: a
 * prompt's `Q4(e): ...` and the reply's answer under the same label are both what they say.
 */

/** A paragraph's lead: a few characters and perhaps a short second word, then a colon (`💬 HO:`, `NB(jl):`). */
const LEAD = /^[ \t]*(?:\*\*|__)?([^\s:*]{1,12}(?:[ \t][^\s:*]{1,6})?)(?:\*\*|__)?:(?=[ \t]|$)/u;
/** Leads that name a part, an answer or a step: the document's own words, never a person's mark. */
const CONTENT_LEAD = /\d|^(?:q|question|problem|part|exercise|task|answer|final|result|solution|summary|step|case|hint|given|note|example|proof|output|input|user|assistant|model|me|you)\b/i;
/** A rule line (`---`) the person draws above what they add. */
const RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$/;

/** The lead of a paragraph that may be a person's mark, lower-cased. */
function markOf(paragraph: string): string | undefined {
  const lead = LEAD.exec(paragraph)?.[1];
  return lead && !CONTENT_LEAD.test(lead) ? lead.toLowerCase() : undefined;
}

/** The chat with the person's marked paragraphs at the end of each reply set apart as notes. */
export function trailingRemarksApart(messages: Message[]): Message[] {
  const marks = new Set<string>();
  for (const m of messages) {
    if (m.role === 'assistant') continue;
    for (const p of m.text.split(/\n[ \t]*\n/)) {
      const mark = markOf(p.trim());
      if (mark) marks.add(mark);
    }
  }
  if (!marks.size) return messages;
  const out: Message[] = [];
  for (const m of messages) {
    if (m.role !== 'assistant') {
      out.push(m);
      continue;
    }
    const paras = m.text.split(/\n[ \t]*\n/);
    const notes: string[] = [];
    let end = paras.length;
    while (end > 1) {
      const p = paras[end - 1]!.trim();
      const mark = markOf(p);
      if (RULE.test(p) || !p) end--;
      else if (mark && marks.has(mark)) {
        notes.unshift(p);
        end--;
      } else break;
    }
    if (!notes.length) {
      out.push(m);
      continue;
    }
    out.push({ ...m, text: paras.slice(0, end).join('\n\n').trimEnd() });
    for (const n of notes) out.push({ role: 'note', text: n, ...(m.line ? { line: m.line } : {}) });
  }
  return out;
}
