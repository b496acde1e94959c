import { ASKS } from './segment.js';

/**
 * A chat copied from a page that heads the model's turn with the model's own name, a name the
 * reader has no word for (`Olmo 3 Think`, `Nemotron Super`, a course's `TutorBot 2`), where the
 * person's header names that model (`Model: Olmo 3 Think (32B)`). A person knows the lone line
 * `Olmo 3 Think` under the question is the model speaking because the header just said so; read
 * without that, the header's `Model:` opens a turn and the reply is taken for more of the question.
 * The header field is blanked and each lone line naming the model is headed `Assistant`, lines kept
 * where they are.
 */

/** How many lines from the top the header may reach. */
const HEAD_LINES = 15;

/** A header field naming the model the chat is with: `Model: Olmo 3 Think (32B)  [open weights]`. */
const MODEL_FIELD = /^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?(?:model|assistant|bot|ai|llm|chatbot)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(.+?)[ \t]*$/i;

/**
 * The model's name in a field's value: up to the note after it (`(32B)`, `[open]`, `, via API`,
 * ` — hosted`, a wide gap), one to five words that start with a letter or digit and say nothing
 * (no sentence's full stop or question mark).
 */
function nameIn(value: string): string | undefined {
  const name = value.split(/[ \t]*(?:[([{,;|]|[ \t]-[ \t]|[ \t][—–][ \t]|[ \t]{2,})/)[0]!.trim();
  if (name.length < 2 || name.length > 40 || /[.?!:]$/.test(name) || !/^[\p{L}\p{N}]/u.test(name)) return undefined;
  return name.split(/\s+/).length <= 5 ? name : undefined;
}

/** A line's words without a heading's or bold's marks and a trailing colon. */
function bare(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}[ \t]+/, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/:$/, '')
    .trim();
}

/**
 * The text with the model's named turns headed `Assistant` and the header's field blanked, or the
 * text as it is when its header names no model, no lone line names it again, or no question comes
 * before the first (a report's section titled with the model's name after its own opening).
 */
export function modelNamedTurns(text: string): string {
  const head = text.slice(0, 2000);
  if (!/(?:model|assistant|bot|ai|llm|chatbot)(?:\*\*)?[ \t]*:/i.test(head)) return text;
  const lines = text.split('\n');
  let field = -1;
  let name: string | undefined;
  for (let i = 0, seen = 0; i < lines.length && seen < HEAD_LINES; i++) {
    if (!lines[i]!.trim()) continue;
    seen++;
    const m = MODEL_FIELD.exec(lines[i]!);
    name = m ? nameIn(m[1]!) : undefined;
    if (name) {
      field = i;
      break;
    }
  }
  if (!name) return text;
  const wanted = name.toLowerCase();
  // The model's turns: the name alone on its line, a blank line or the text's edge either side of it
  // (a sentence that mentions the model is no label).
  const turns = lines.flatMap((l, i) => (i > field && bare(l).toLowerCase() === wanted && !lines[i - 1]!.trim() && !lines[i + 1]?.trim() ? [i] : []));
  if (!turns.length) return text;
  // Someone asked before the model first speaks: the chat's question, not a report's opening.
  const before = lines.slice(field + 1, turns[0]).join('\n');
  if (!before.includes('?') && !before.split('\n').some((l) => ASKS.test(l.trim()))) return text;
  const out = [...lines];
  out[field] = '';
  for (const i of turns) out[i] = 'Assistant';
  return out.join('\n');
}
