import type { Message } from '../model/submission.js';

/**
 * An agent in an editor (Cline, Roo and the like) writes some of its turns as a call to the editor
 * rather than words to the person: one tagged element (`<write_to_file>` with a path and a file's
 * content, `<execute_command>` with a command), which the editor answers in the next turn by naming
 * it back (`[write_to_file for 'check.py'] Result:`). Read as a reply, the script it writes was taken
 * for the next part's answer; read as the person's, the editor's answer was taken for a new question,
 * and the model's reply after it for the next part's. Both are the app's log, notes; the reply the
 * person reads (`<attempt_completion>`) is answered by no one and stays the model's.
 */

/** A text that is one tagged element from its first line to its last: the element's name. */
const WHOLE_ELEMENT = /^<([A-Za-z][\w-]*)>[\s\S]*<\/\1>$/;
/** Rule lines (`---`) an exporter sets between turns, at a turn's end. */
const RULES_AT_END = /(?:\n[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*)+\s*$/;

/**
 * The chat with each reply that is a call the app answers by name, and the app's answer in the
 * person's turn, set apart as notes: the person asked nothing new, and the reply after them
 * answers what they asked before.
 */
export function toolCallsApart(messages: Message[]): Message[] {
  if (!messages.some((m) => m.role === 'assistant' && m.text.startsWith('<'))) return messages;
  const out = [...messages];
  out.forEach((m, k) => {
    if (m.role !== 'assistant') return;
    const name = WHOLE_ELEMENT.exec(m.text.replace(RULES_AT_END, '').trim())?.[1];
    if (!name) return;
    const next = out.findIndex((n, j) => j > k && n.role !== 'note');
    if (next < 0 || out[next]!.role !== 'user' || !new RegExp(String.raw`^\W{0,3}${name}\b`).test(out[next]!.text.trimStart())) return;
    out[k] = { ...m, role: 'note' };
    out[next] = { ...out[next]!, role: 'note' };
  });
  return out;
}
