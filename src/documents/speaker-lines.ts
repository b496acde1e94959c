import { ASKS } from './segment.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';
import { withoutSenderFields } from './sender-fields.js';
import { stampedGroupChat } from './stamped-senders.js';
import { CONTINUATION } from './repl-prompts.js';

/**
 * Chats whose turns are headed in ways the transcript reader does not know, rewritten so that
 * each person's turn starts `User:` (the model's keeps its name): a messaging app's export
 * (`[10/3/25, 21:40:12] Dani: ...` then `... Meta AI: ...`), an editor's chat with the person's
 * handle (`smolina: ...` then `GitHub Copilot: ...`), and a terminal session with a local model
 * (`>>> prompt` under `ollama run`). Lines stay where they are, so locations still point into the file.
 */

/** A messaging app's stamp before a sender's name: `[10/3/25, 21:40:12] ` (iOS) or `10/03/2025, 21:40 - ` (Android). */
const STAMP = String.raw`^[ \t]*\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:-[ \t]+)?`;
const MESSAGE_STAMP = new RegExp(String.raw`${STAMP}(?=[^\s:][^:\n]{0,40}:[ \t])`, 'gm');

/** A model's name heading its turn, with a colon (`Meta AI: ...`, `GitHub Copilot:`). */
const MODEL_SAYS = new RegExp(String.raw`^[ \t]*(?:\*\*)?(?:${ASSISTANT_NAMES})${VERSION}(?:\*\*)?[ \t]*:`, 'i');
/** The same, anywhere in a text: most submissions have no such line and skip the line by line search. */
const MODEL_SAYS_IN = new RegExp(MODEL_SAYS.source, 'im');

/**
 * A sender's handle heading a line: one to three words or a login (`smolina`, `Dani`, `@jlee`, `Ana María`).
 * (A chat exporter's bold label alone on its line, `**Hannah:**` over the turn, heads it as well.)
 */
const HANDLE = /^[ \t]*(?:\*\*)?(@?[\p{L}][\p{L}\p{N}._-]{0,30}(?: [\p{L}][\p{L}\p{N}._-]{0,30}){0,2})(?:\*\*)?:(?:[ \t]|\*\*[ \t]*$)/u;

/**
 * Words a reply heads its own lines with (`Answer:`, `Max pooling:`), never a person's name; nor is a label
 * a possessive opens (`My verdict:`, `Our take:`): the writer heading their own remark in a report that
 * quotes a model, whose every part it follows.
 */
const NOT_A_HANDLE =
  /^(?:user|human|you|me|student|prompt|answer|final answer|solution|note|notes|hint|step \d+|part|question|problem|proof|result|summary|weights|biases|output|input|shape|runtime|cost|total|so|thus|therefore|example|explanation|reason|why|check|verify|max pooling|average pooling|conclusion|(?:my|our)[ \t].*)$/i;

/** A terminal session with a local model: `ollama run deepseek-r1:14b`, then `>>> prompt` lines. */
const OLLAMA = /^[ \t]*(?:\$[ \t]*)?ollama[ \t]+run[ \t]+\S+/m;
const PROMPT = /^>>>[ \t]+(\S.*)$/;

/** A stamped line's sender: the name between the stamp and its colon. */
const STAMPED_SENDER = new RegExp(String.raw`${STAMP}([^\s:][^:\n]{0,40}):[ \t]`);

/**
 * A messaging app's chat with a bot the reader has no name for (`StudyBuddy`, a course's own assistant):
 * two senders, by their stamps, the one who writes first and asks is the person, and the other's
 * replies outrun the questions. Each sender's name, as a turn's label: undefined unless exactly two send.
 */
function stampedRoles(text: string): Map<string, 'User' | 'Assistant'> | undefined {
  // (A message runs on to the next stamp: a reply's first line is often its shortest, `Great question!`.)
  const sent: { name: string; words: string }[] = [];
  for (const l of text.split('\n')) {
    const m = STAMPED_SENDER.exec(l);
    if (m) sent.push({ name: m[1]!.trim(), words: l.slice(m[0].length) });
    else if (sent.length) sent[sent.length - 1]!.words += `\n${l}`;
  }
  const names = [...new Set(sent.map((s) => s.name))];
  if (names.length !== 2) return undefined;
  const first = sent.filter((s) => s.name === names[0]);
  if (!first.some((s) => s.words.includes('?') || ASKS.test(s.words))) return undefined;
  // A model's replies outrun what it is asked; a friend's `yes, 8` does not, and two friends stay two people.
  const size = (name: string) => sent.filter((s) => s.name === name).reduce((n, s) => n + s.words.trim().length, 0);
  if (size(names[1]!) <= size(names[0]!)) return undefined;
  return new Map([
    [names[0]!, 'User'],
    [names[1]!, 'Assistant'],
  ]);
}

/** The text with its turns headed as the transcript reader reads them; unchanged when it is none of these chats. */
export function speakerLines(text: string): string {
  let t = text;
  if (t.includes(':') && (t.match(MESSAGE_STAMP)?.length ?? 0) >= 2) {
    // (Classmates beside the model, three senders or more: the stamps tell the messages apart, the stamped reader reads them.)
    if (stampedGroupChat(t)) return t;
    const unstamped = t.replace(MESSAGE_STAMP, '');
    const roles = MODEL_SAYS_IN.test(unstamped) ? undefined : stampedRoles(t);
    t = unstamped;
    if (roles) return t.replace(/^([^:\n]{1,41}):(?=[ \t])/gm, (m, name: string) => (roles.has(name.trim()) ? `${roles.get(name.trim())}:` : m));
  }
  if (t.includes('>>>') && OLLAMA.test(t)) t = terminalTurns(t);
  // (Quoting prompts adds no model's line: the one test serves both.)
  // (`Bot: TutorBot (course bot)` over `TutorBot  BOT  9:02 PM` messages says who the model is; it is no turn of its.)
  if (MODEL_SAYS_IN.test(t)) t = withoutSenderFields(t);
  const modelSays = MODEL_SAYS_IN.test(t);
  if (modelSays && t.includes('>')) t = quotedPrompts(t);
  const handle = modelSays ? personsHandle(t) : undefined;
  if (!handle) return t;
  const lines = t.split('\n');
  return lines.map((l) => (HANDLE.exec(l)?.[1] === handle ? l.replace(`${handle}:`, 'User:') : l)).join('\n');
}

/**
 * The person's handle: the one name that heads a line before every turn of the model, and is no
 * word a reply heads its lines with. Undefined when the model's turns are not headed by its name,
 * or no single name precedes them all (a write-up whose lines start `Weights:`).
 */
function personsHandle(text: string): string | undefined {
  let common: Set<string> | undefined;
  let since = new Set<string>();
  let turns = 0;
  for (const line of text.split('\n')) {
    if (MODEL_SAYS.test(line)) {
      common = common ? new Set([...common].filter((n) => since.has(n))) : since;
      since = new Set();
      turns++;
      continue;
    }
    const name = HANDLE.exec(line)?.[1];
    if (name && !NOT_A_HANDLE.test(name) && !MODEL_SAYS.test(`${name}:`)) since.add(name);
  }
  return turns && common?.size === 1 ? [...common][0] : undefined;
}

/** A model's name alone in bold on its line, over its reply (`**Gemini:**`, `**Claude 3.5 Sonnet**:`). */
const MODEL_LABEL = new RegExp(String.raw`^[ \t]*\*\*(?:${ASSISTANT_NAMES})${VERSION}(?::\*\*|\*\*:)[ \t]*$`, 'i');

/**
 * A report's log of a chat: each prompt quoted (`> ...`), the model's answer under its name in bold
 * (`**Gemini:**`), no label over the person's turns. Each quote right above the model's name is
 * headed `**User:**`; only when every such name has a quote above it (a report that quotes the
 * question once and then writes its own text is left alone).
 */
function quotedPrompts(text: string): string {
  const lines = text.split('\n');
  const labels = lines.flatMap((l, i) => (MODEL_LABEL.test(l) ? [i] : []));
  if (labels.length < 2) return text;
  const quotes: number[] = [];
  for (const at of labels) {
    let end = at - 1;
    while (end >= 0 && !lines[end]!.trim()) end--;
    if (end < 0 || !/^\s*>/.test(lines[end]!)) return text;
    let start = end;
    while (start > 0 && /^\s*>/.test(lines[start - 1]!)) start--;
    quotes.push(start);
    for (let i = start; i <= end; i++) lines[i] = lines[i]!.replace(/^\s*>\s?/, '');
  }
  for (const start of quotes) lines[start] = `**User:** ${lines[start]}`;
  return lines.join('\n');
}

/**
 * `>>> prompt` is the person's turn, with the `... ` lines of a multi-line input under it (a paste
 * fenced in `"""`); the model's reply starts on the next line with text, up to the next prompt.
 */
function terminalTurns(text: string): string {
  const lines = text.split('\n');
  let replyStarts = false;
  // (Whether the line above is the person's input, so that a `... ` line goes on with it.)
  let typing = false;
  for (let i = 0; i < lines.length; i++) {
    const prompt = PROMPT.exec(lines[i]!.replace(/^(>>>[ \t]*)"""/, '$1'));
    const wasTyping = typing;
    typing = false;
    if (wasTyping && CONTINUATION.test(lines[i]!)) {
      typing = true;
      lines[i] = lines[i]!.replace(CONTINUATION, '').replace(/"""[ \t]*$/, '');
    } else if (prompt?.[1]?.startsWith('/')) {
      // `/bye`, `/set`: commands to the terminal, no turn.
      lines[i] = '';
      replyStarts = false;
    } else if (prompt || /^>>>[ \t]*"""[ \t]*$/.test(lines[i]!)) {
      lines[i] = `User: ${prompt?.[1] ?? ''}`;
      replyStarts = true;
      typing = true;
    } else if (replyStarts && lines[i]!.trim()) {
      lines[i] = `Assistant: ${lines[i]}`;
      replyStarts = false;
    }
  }
  return lines.join('\n');
}
