import { correctsItself } from '../check/retraction.js';
import type { PartResponse } from '../model/submission.js';

/**
 * An article or a report that quotes a model's replies tells a chat as prose: the model's first
 * answer in quotes, the writer's objection (`I replied: “Did you flip the kernel?”`), then the
 * model's redone answer, quoted, opening by conceding (`“You're right — I slid h without flipping
 * ...`). The redone reply is the part's final answer, as a chat's reply to a follow-up is; read as
 * one text, the first answer's `so y = ...` would win as the conclusion.
 */

/** A quoted passage's first line: an opening quotation mark (or a Markdown quote) at the line's start. */
const QUOTE_OPENS = /^[ \t]*(?:[“"«„]|>[ \t]*[“"]?)/;

/** Cheap test first: a concession's words opening a quote somewhere in the text. */
const MAY_CONCEDE = /(?:^|\n)[ \t]*(?:[“"«„]|>[ \t]*[“"]?)[ \t]*(?:\W{0,4}\s*)?(?:you(?:'|’)?re|you are|good|my|i|ah|oh|yes|thanks?|sorry|correction|oops)\b/i;

/** The writer's objection put to the model: a question in the lines just before the redone reply. */
const ASKED = /\?[”"»]?/;

/** Each write-up response whose text quotes a conceding redo after an objection: its first attempt up to the redo, its final one from it. */
export function withConcededRedos(responses: PartResponse[]): PartResponse[] {
  return responses.map((r) => {
    const text = r.final.text;
    if (r.attempts.length > 1 || !MAY_CONCEDE.test(text)) return r;
    const lines = text.split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!QUOTE_OPENS.test(lines[i]!) || !correctsItself(lines[i]!.replace(QUOTE_OPENS, ''))) continue;
      const before = lines.slice(0, i);
      if (!before.slice(-4).some((l) => ASKED.test(l)) || !before.some((l) => QUOTE_OPENS.test(l))) continue;
      const first = { ...r.final, text: before.join('\n') };
      const final = { ...r.final, text: lines.slice(i).join('\n'), ...(r.final.line !== undefined ? { line: r.final.line + i } : {}) };
      return { ...r, first, final, attempts: [first, final] };
    }
    return r;
  });
}
