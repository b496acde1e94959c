import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';
import { frontMatterEnd } from './verbatim-lines.js';

/**
 * The fields a person or a site puts over a chat they copy: `Model: GPT-4.1 (ChatGPT web)`,
 * `Student: R. Okafor`, AI Studio's run settings (`Model: Gemini 2.5 Pro` over `Temperature: 1`),
 * ChatGPT's page header (`ChatGPT 4.1` over its `Share` button). Their labels are the words turns
 * are headed with, so read as turns they would make the model's name its reply and the student's
 * name their question. Only the top of a text is looked at: a header is where a document starts.
 */

/** How many lines from the top a header may reach. */
const HEAD_LINES = 15;

/** A field labelled with a word that also heads a turn, and its value. */
const SPEAKER_FIELD = /^\s*(?:[-*]\s+)?(?:\*\*)?(Model|Assistant|Bot|AI|Student|User|Human)(?:\*\*)?\s*:(?:\*\*)?\s*(.+?)\s*$/i;
const PERSON_ROLE = /^(?:Student|User|Human)$/i;
/**
 * A model's name and version, perhaps with a note after it (`GPT-4.1 (ChatGPT web, ...)`, `Grok, in X`), and nothing said;
 * perhaps as a router or a model hub names it, under its maker (`qwen/qwen3-coder`, `meta-llama/Llama-3.1-8B`).
 */
const MODEL_VALUE = new RegExp(String.raw`^(?:[\w.-]+/)?(?:${ASSISTANT_NAMES})${VERSION}(?![A-Za-z])\s*(?:$|[(,;·—–-])`, 'i');
/** A person's name: two to four capitalised words or initials (`R. Okafor`, `Priya N.`). */
const PERSON_VALUE = /^[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3}$/;
/**
 * Words that open a person's turn in Title Case and are no one's name (`User: Hello There`,
 * `Human: Solve Part C`): with one of them the line is what the person said.
 */
const NOT_A_NAME =
  /\b(?:hi|hello|hey|thanks|thank|please|solve|explain|help|continue|next|now|part|question|problem|exercise|homework|task|what|how|why|can|could|do|the|is|are|and|of|for|with|my|this)\b/i;
/** A chat site's model picker over its page, the model's name and version alone (`ChatGPT 4.1`, `ChatGPT 4o`). */
const PICKER = new RegExp(String.raw`^\s*(?:${ASSISTANT_NAMES})[ \t]+[\w.-]*\d[\w.-]*(?:[ \t]+[A-Z][a-z]+)?\s*$`, 'i');

/** A bold field's label, a capitalised word or three (`**Course:**`, `**Due date**:`). */
const BOLD_FIELD = /\*\*\p{Lu}\p{L}*(?:[ \t]\p{L}+){0,2}(?::\*\*|\*\*:)/gu;
/** Any field of a header (`**Course:** EECS 182`, `Date: 3 Nov`): a block of fields goes on over it. */
const ANY_FIELD = /^\s*(?:[-*]\s+)?(?:\*\*)?\p{Lu}[\p{L} ]{0,24}(?:\*\*)?\s*:(?:\*\*)?\s*\S/u;
/**
 * A header's line of fields: a speaker's field and another after it, each bold label with its value
 * (`**Student:** A. R. **Course:** EECS 182`), asking nothing.
 */
function fieldsLine(line: string): boolean {
  if (!SPEAKER_FIELD.test(line) || /\?\s*$/.test(line)) return false;
  // Each label has its value after it (`**Assistant:** **Answer:**` is a turn's label and its first words).
  const values = line.split(BOLD_FIELD).slice(1);
  return values.length >= 2 && values.every((v) => v.trim());
}

/** A model's turn (`Assistant: Sure, ...`): a line headed with a model's word that names no model. */
function isReply(line: string | undefined): boolean {
  const m = line === undefined ? null : SPEAKER_FIELD.exec(line);
  return !!m && !PERSON_ROLE.test(m[1]!) && !MODEL_VALUE.test(m[2]!);
}

/**
 * Whether a line of the head is a field naming the model or the person rather than a turn, given
 * the line after it: a person's line the model answers on the next (`Human: Good Morning` /
 * `Assistant: Good morning! ...`) was said in the chat.
 */
function isHeaderField(line: string, next: string | undefined): boolean {
  const m = SPEAKER_FIELD.exec(line);
  if (!m) return false;
  if (!PERSON_ROLE.test(m[1]!)) return MODEL_VALUE.test(m[2]!);
  // (A header set in columns: the name ends at a wide gap, `Student: R. Okafor      Course: ...`.)
  const name = m[2]!.split(/ {3,}|\t/)[0]!;
  return PERSON_VALUE.test(name) && !NOT_A_NAME.test(name) && !isReply(next);
}

/**
 * The text with its header's fields blanked (each line kept, so line numbers still point into the
 * file). A field is never the text's first line: `User: Alice Smith` opening a chat is its first turn;
 * the picker's name is one there too, with `Share` under it.
 */
export function withoutHeaderFields(text: string): string {
  // Cheap test first: most texts name no field with a turn's word near their top.
  const head = text.slice(0, 3000);
  if (!/(?:model|assistant|bot|ai|student|user|human)\s*(?:\*\*)?\s*:|^\s*\S+[ \t]+[\w.-]*\d/im.test(head)) return text;
  const lines = text.split('\n');
  // (A YAML front matter's `model: gpt-4.1` is an exporter's; what follows it says how turns are headed.)
  const matter = frontMatterEnd(lines);
  const first = lines.findIndex((l, i) => i >= matter && l.trim());
  let changed = false;
  // Under a line of several bold fields: a block of bold fields goes on until a line that is none.
  let inFields = false;
  for (let i = first; i < Math.min(lines.length, first + HEAD_LINES); i++) {
    const l = lines[i]!;
    const next = lines.slice(i + 1, i + 4).find((x) => x.trim());
    // `**Student:** A. R. **Course:** EECS 182` over `**Assistant:** You.com (the default agent ...)`:
    // a line of several bold fields is the header's, and so is a speaker's bold field in the block under
    // it, whatever it names (a model's name the reader does not know, a wrapped sentence about it), unless
    // it asks. (A field alone, `Student: Dana W. Fry`, names the person over the chat's first turn.)
    const inBlock: boolean = inFields && SPEAKER_FIELD.test(l) && /^\s*(?:[-*]\s+)?\*\*/.test(l) && !/\?\s*$/.test(l);
    const several = i > first && fieldsLine(l);
    if ((i > first && (isHeaderField(l, next) || several || inBlock)) || (PICKER.test(l) && /^\s*share\s*$/i.test(next ?? ''))) {
      lines[i] = '';
      changed = true;
      inFields = several || inBlock;
    } else inFields = inFields && ANY_FIELD.test(l);
  }
  return changed ? lines.join('\n') : text;
}
