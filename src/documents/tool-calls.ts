import type { Message } from '../model/submission.js';

/**
 * An agent in an editor (Cline, Roo and the like) writes some of its turns as a call to the editor
 * rather than words to the person: one tagged element (`<write_to_file>` with a path and a file's
 * content, `<execute_command>` with a command), which the editor answers in the next turn by naming
 * it back (`[write_to_file for 'check.py'] Result:`). Read as a reply, the script it writes was taken
 * for the next part's answer; read as the person's, the editor's answer was taken for a new question,
 * and the model's reply after it for the next part's. Both are the app's log, notes. A call may follow
 * the model's words in the same turn (`I'll check it.` then `<execute_command>`): the words stay its.
 *
 * The model's words to the person are tagged too (`<attempt_completion><result>...`, a question
 * for the person): when the editor names such an element back, its answer relays what the person
 * typed (`<feedback>`, `<answer>`), a turn of theirs that asks on. In a chat that shows calls
 * answered by name, the tags of every reply are the editor's markup, not the model's words: left in,
 * a closing `</attempt_completion>` was read as a part's answer.
 */

/** Rule lines (`---`) an exporter sets between turns, at a turn's end. */
const RULES_AT_END = /(?:\n[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*)+\s*$/;
/** The element an editor's answer names back, at its start: `[execute_command for 'python q3.py'] Result:`. */
const NAMED_BACK = /^\W{0,3}([A-Za-z][\w-]*)\b/;
/** An element in which the editor relays the person's own words: their feedback on a result, their answer to a question. */
const PERSON_RELAYED = /^[ \t]*<(?:feedback|answer|user_message|user_feedback)>/m;
/** A line that is nothing but one tag, opening or closing. */
const TAG_LINE = /^[ \t]*<\/?[A-Za-z][\w-]*>[ \t]*$/gm;

/**
 * The chat with each reply that is a call the app answers by name, and the app's answer in the
 * person's turn, set apart as notes: the person asked nothing new, and the reply after them
 * answers what they asked before. A reply with words besides the call keeps them, the call blanked.
 * Every reply of a chat with such calls is read without the editor's tags.
 */
export function toolCallsApart(messages: Message[]): Message[] {
  if (!messages.some((m) => m.role === 'assistant' && m.text.includes('</'))) return messages;
  const out = [...messages];
  let calls = 0;
  out.forEach((m, k) => {
    if (m.role !== 'assistant') return;
    const next = out.findIndex((n, j) => j > k && n.role !== 'note');
    if (next < 0 || out[next]!.role !== 'user') return;
    const name = NAMED_BACK.exec(out[next]!.text.trimStart())?.[1];
    const call = name ? elementLines(m.text, name) : undefined;
    if (!call) return;
    calls++;
    // (What the person typed in answer to a result or a question is their next turn; the element was said to them.)
    if (PERSON_RELAYED.test(out[next]!.text)) return;
    const lines = m.text.split('\n');
    const rest = lines.map((l, i) => (i >= call.from && i <= call.to ? '' : l)).join('\n');
    out[k] = rest.replace(RULES_AT_END, '').trim() ? { ...m, text: rest } : { ...m, role: 'note' };
    out[next] = { ...out[next]!, role: 'note' };
  });
  if (!calls) return out;
  return out.map((m) => (m.role === 'assistant' ? { ...m, text: withoutTags(m.text) } : m));
}

/**
 * The first and last line of the element `name` in a reply, its opening tag opening a line and its
 * closing tag ending a later one (or the same); undefined when the reply has no such element.
 */
function elementLines(text: string, name: string): { from: number; to: number } | undefined {
  if (!text.includes(`</${name}>`)) return undefined;
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.trimStart().startsWith(`<${name}>`));
  if (from < 0) return undefined;
  const to = lines.findIndex((l, i) => i >= from && l.trimEnd().endsWith(`</${name}>`));
  return to < 0 ? undefined : { from, to };
}

/**
 * A reply of an agent's export without the editor's tags: a line that is one tag is blanked (line
 * breaks kept), and a tag of an element both opened and closed in the reply is taken off the start
 * or the end of a line (`<result>Done.`); a `<` inside a line (`a <b> c`) stays.
 */
function withoutTags(text: string): string {
  if (!text.includes('<')) return text;
  const paired = new Set([...text.matchAll(/<\/([A-Za-z][\w-]*)>/g)].map((m) => m[1]!).filter((n) => text.includes(`<${n}>`)));
  const bare = text.replace(TAG_LINE, '');
  if (!paired.size) return bare;
  return bare
    .split('\n')
    .map((l) => {
      const open = /^([ \t]*)<([A-Za-z][\w-]*)>/.exec(l);
      let line = open && paired.has(open[2]!) ? open[1]! + l.slice(open[0].length) : l;
      const close = /<\/([A-Za-z][\w-]*)>[ \t]*$/.exec(line);
      if (close && paired.has(close[1]!)) line = line.slice(0, close.index);
      return line;
    })
    .join('\n');
}
