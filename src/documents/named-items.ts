/**
 * Parts that ask for items the question names ("(a) What is A? ... (e) What is E?", blanks of a
 * pseudocode) and a reply that answers them all at once, in a table or list keyed by those names
 * (`| A | [h, d, q] | ... |`) rather than under the parts' own labels: each part's answer is the
 * row of the item it asks for.
 */
import type { Message, PartResponse } from '../model/submission.js';

/** "What is A?", "What should B be?": a part that asks for one named item (a capital letter). */
const ASKS_ITEM = /\b[Ww]hat\s+(?:is|are|should)\s+(?:blank\s+)?([A-Z])(?:\s+be)?\s*\?/;

/** A Markdown table row, or a bold or plain run-in label, keyed by one capital letter. */
function itemRows(reply: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of reply.split('\n')) {
    const m = /^\|\s*(?:\*\*)?([A-Z])(?:\*\*)?\s*\|\s*([^|]+?)\s*\|/.exec(line) ?? /^\s*(?:[-*]\s+)?(?:\*\*)?([A-Z])(?:\*\*)?\s*[:=]\s*(\S.*)$/.exec(line);
    if (m && !rows.has(m[1]!)) rows.set(m[1]!, m[2]!.trim());
  }
  return rows;
}

/**
 * The responses with each part that asks for a named item answered by the reply's row for it,
 * when the reply keys at least two of the items the parts ask for (one row named `A` alone may be
 * anything: a matrix, an option). The row is added as the part's final attempt.
 */
export function answersByItem(responses: PartResponse[], messages: readonly Message[]): PartResponse[] {
  const asked = responses.map((r) => ASKS_ITEM.exec(r.final.text)?.[1]);
  if (asked.filter(Boolean).length < 2) return responses;
  return responses.map((r, i) => {
    const item = asked[i];
    const turn = r.final.turn;
    if (!item || turn === undefined) return r;
    const reply = messages[turn];
    if (reply?.role !== 'assistant') return r;
    const rows = itemRows(reply.text);
    const keyed = asked.filter((a, j) => a && rows.has(a) && responses[j]!.final.turn === turn).length;
    const row = rows.get(item);
    if (!row || keyed < 2) return r;
    const final = { ...r.final, text: `${item}: ${row}` };
    return { ...r, final, attempts: [...r.attempts, final] };
  });
}
