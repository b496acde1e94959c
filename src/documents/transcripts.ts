import { RULE } from './rule-line.js';
import { withoutShownThoughts } from './shown-thoughts.js';
import type { Message, SubmissionFormat } from '../model/submission.js';
import { APPENDIX_SECTION } from './part-ids.js';
import { isLabelledRemark } from './labelled-remarks.js';
import { UPLOAD_EXTENSIONS } from './upload-names.js';
import { frontMatterEnd } from './verbatim-lines.js';
import { isTurnTail } from './turn-tails.js';
import { contentWords, jsonConversation, jsonValues } from './json-chat.js';
import { capturedConversation } from './http-captures.js';
import { traceConversation } from './trace-spans.js';
import { jsonAnswerLines } from './json-answers.js';
import { ASSISTANT_NAMES, USER_NAMES, VERSION } from './speaker-names.js';

/** A transcript that cannot be read, with where. */
export class TranscriptError extends Error {
  /** `shapeUnknown`: the document is structured data with nothing shaped as a message in it (its words may still be read). */
  constructor(
    message: string,
    readonly shapeUnknown = false,
  ) {
    super(message);
    this.name = 'TranscriptError';
  }
}

/** Lines a person adds to a transcript they annotate: links to `#`, verdict sentences (`4(b) wrongly uses F`, `matches the key`). */
const REMARK =
  /^\s*\[[^\]]+\]\(#\)\s*$|^\s*\d{0,2}\s*\(?[a-h]\)\s*(?:\(?[ivx]{1,3}\)\s*)?wrongly\b|\b(?:one[- ]shott?(?:ed)?|failed here|got (?:it|this|the answer) (?:right|wrong|correct)|seems to be able|looks correct to me|was (?:wrong|right|correct) (?:here|on)|hallucinat|I prompted it|we have to keep an eye|matches the key|(?:like|as) (?:in )?the key|the key (?:says|has|gives|uses|samples)|(?:got|gets) (?:everything|both|all)|after I (?:pointed|asked|said|told)|I regenerated)/i;

/** Whether a paragraph is a person's remark about the model rather than the model's text. */
export function isRemark(paragraph: string): boolean {
  const t = paragraph.trim();
  if (!t) return false;
  if (/^\[[^\]]+\]\(#\)$/.test(t) || isLabelledRemark(t)) return true;
  return REMARK.test(t) && t.length < 600 && !/\$\$/.test(t);
}

/** Splits assistant text into the model's paragraphs and a person's remarks. */
function separateRemarks(text: string, line: number | undefined, out: Message[]): string {
  const kept: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    if (!isRemark(para)) {
      kept.push(para);
      continue;
    }
    // A PDF export sets a student's note beside the message it is about, and it can be read into
    // the same paragraph: the person's question ("Can you think of a simpler solution?") then
    // the note ("It's able to one-shot the problem ..."). The lines up to the question are the turn's.
    const lines = para.split('\n');
    const asked = lines.findLastIndex((l) => /\?\s*$/.test(l) && !isRemark(l));
    const rest = lines.slice(asked + 1).join('\n');
    if (asked >= 0 && isRemark(rest) && !isRemark(lines.slice(0, asked + 1).join('\n'))) {
      kept.push(lines.slice(0, asked + 1).join('\n'));
      out.push({ role: 'note', text: rest.trim(), ...(line ? { line } : {}) });
    } else out.push({ role: 'note', text: para.trim().replace(/^\[([^\]]+)\]\(#\)$/, '$1'), ...(line ? { line } : {}) });
  }
  return kept.join('\n\n');
}

// `RULES_ABOVE` and `RULES_BELOW` find rules at a text's top or bottom.
const RULES_ABOVE = new RegExp(String.raw`^(?:\s*${RULE}[ \t]*(?:\n|$))+`, 'u');
const RULES_BELOW = new RegExp(String.raw`(?:\n[ \t]*${RULE}\s*)+$`, 'u');

const FILE = new RegExp(String.raw`\[File\]:\s*(\S+(?:\s+\S+)*?\.(?:${UPLOAD_EXTENSIONS}))`, 'gi');

/**
 * A user's turn: the files it attached (`[File]: Screenshot ... .png`, a question posed as an
 * image) named apart from its words, and a person's remarks in it kept as notes.
 */
export function pushUserTurn(body: string, line: number, messages: Message[]): void {
  if (!body.trim()) return;
  const files = [...body.matchAll(FILE)].map((m) => m[1]!);
  // (A rule the person drew between exchanges, `-----`, is no line of the turn: left at its top it would hide the words it opens on.)
  const clean = separateRemarks(body.replace(FILE, '').trim(), line, messages).replace(RULES_ABOVE, '').replace(RULES_BELOW, '');
  messages.push({ role: 'user', text: clean.trim(), line, ...(files.length ? { files } : {}) });
}

/** A reply's turn: the model's words, and a person's remarks in it kept as notes. */
export function pushReply(body: string, line: number, messages: Message[]): void {
  const kept = separateRemarks(body, line, messages).trim();
  if (kept) messages.push({ role: 'assistant', text: kept, line });
}

/**
 * ChatGPT's page text: turns begin with `user` or `ChatGPT` at the start of a line; a
 * student's `Question N` lines and remarks are kept as notes.
 */
export function parseChatGptText(text: string): Message[] {
  const lines = text.split(/\r?\n/);
  const messages: Message[] = [];
  let current: { role: 'user' | 'assistant' | 'note'; lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    if (current.role === 'assistant') {
      const kept = separateRemarks(body, current.line, messages);
      if (kept.trim()) messages.push({ role: 'assistant', text: kept.trim(), line: current.line });
    } else if (current.role === 'user') pushUserTurn(body, current.line, messages);
    else if (body) messages.push({ role: current.role, text: body, line: current.line });
    current = undefined;
  };
  lines.forEach((l, i) => {
    const m = /^(user|You|ChatGPT(?![ \t]*[(,])|Assistant)(?:\s+said:)?(?:\s+|$)(.*)$/.exec(l);
    if (m) {
      flush();
      current = { role: /^(user|You)$/.test(m[1]!) ? 'user' : 'assistant', lines: [m[2]!], line: i + 1 };
      return;
    }
    if (/^\s*(?:Question|Problem)\s+\d+\s*$/i.test(l)) {
      flush();
      messages.push({ role: 'note', text: l.trim(), line: i + 1 });
      return;
    }
    if (!current) {
      if (l.trim()) current = { role: 'note', lines: [l], line: i + 1 };
      return;
    }
    current.lines.push(l);
  });
  flush();
  return messages;
}

const KIMI_REQUEST = /^\s*(?:please\b.*|(?:now\s+)?solve (?:this|these|it)\b.*|continue\b.*|(?:can|could) you (?:solve|do|answer|continue)\b.*)$/i;
const KIMI_UI = /^(?:This model only extracts text from images.*|✓|\+ New Chat|⌘ K|OK Computer|Researcher|Slides|Chat History|All Chats|Mobile App|.*Upgrade)$/;

/**
 * Kimi's page text, copied with the site's menus: no role markers. A user message ends with a
 * short request ("Please solve this problem thoroughly"); the model's reply follows (after a
 * title line ending in ">") and ends at the site's closing line or where the next pasted
 * question starts.
 */
export function parseKimiText(text: string): Message[] {
  const lines = text.split(/\r?\n/);
  const requests: number[] = [];
  lines.forEach((l, i) => {
    if (KIMI_REQUEST.test(l) && l.trim().length < 120) requests.push(i);
  });
  if (!requests.length) throw new TranscriptError('no request lines ("Please solve ...") found: is this a Kimi transcript?');
  const messages: Message[] = [];
  let userStart = 0;
  requests.forEach((r, k) => {
    // The user's message: from the end of the previous reply to the request line.
    const promptLines = lines.slice(userStart, r + 1).filter((l) => !KIMI_UI.test(l.trim()));
    const prompt = separateRemarks(promptLines.join('\n'), userStart + 1, messages).trim();
    if (prompt) messages.push({ role: 'user', text: prompt, line: userStart + 1 });
    // The reply: after the request (and a title line ending in '>'), to the site's closing line
    // or the start of the next user message.
    let start = r + 1;
    while (start < lines.length && (!lines[start]!.trim() || KIMI_UI.test(lines[start]!.trim()) || / >$/.test(lines[start]!.trim()))) start++;
    const nextRequest = requests[k + 1] ?? lines.length;
    let end = start;
    let closing = -1;
    for (let i = start; i < nextRequest; i++) {
      if (/^This model only extracts text from images/.test(lines[i]!.trim())) {
        closing = i;
        break;
      }
    }
    if (closing >= 0) end = closing;
    else end = k + 1 < requests.length ? promptStart(lines, start, nextRequest) : lines.length;
    const reply = separateRemarks(
      lines
        .slice(start, end)
        .filter((l) => !KIMI_UI.test(l.trim()))
        .join('\n'),
      start + 1,
      messages,
    ).trim();
    if (reply) messages.push({ role: 'assistant', text: reply, line: start + 1 });
    userStart = closing >= 0 ? closing + 1 : end;
  });
  return messages;
}

/**
 * Where a pasted question starts between a reply and the next request: the last heading-like
 * line (a numbered title, a "Homework" line, or a short title) with the question's parts after it.
 */
function promptStart(lines: string[], from: number, request: number): number {
  // The site's check mark under a finished reply: what follows it is the user's next paste.
  for (let i = from + 1; i < request; i++) if (lines[i]!.trim() === '✓') return i + 1;
  const hasParts = (i: number) => lines.slice(i + 1, request).some((l) => /^\s*(?:[-*]\s+)?\(a\)\s+\S/.test(l));
  for (let i = request - 1; i > from; i--) {
    const l = lines[i]!.trim();
    // A pasted question's title: `2. MuP at the Unit Scale` — no colon, no bold, no formula — with parts after it.
    if (/^\d{1,2}\.\s+[A-Z][^:*$\\]{3,80}$/.test(l) && !lines[i - 1]?.trim() && hasParts(i)) return i;
    if (/^homework\b/i.test(l)) return i;
  }
  // The first part statement "(a) ..." of the pasted question, and its lead-in paragraph.
  for (let i = from + 1; i < request; i++) {
    if (/^\(a\)\s/.test(lines[i]!.trim()) && lines[i]!.length > 120) {
      let j = i - 1;
      while (j > from && lines[j]!.trim()) j--;
      while (j > from && !lines[j]!.trim()) j--;
      while (j > from && lines[j - 1]!.trim()) j--;
      return j;
    }
  }
  return request;
}

/**
 * `ChatGPT said:`, `**Gemini said:**`: the model's turn headed as the person's is (`You said:`),
 * copied from the page or set in bold by the student who pasted it. Only the heading's own word:
 * `ChatGPT said that ...` in a sentence has no colon and ends no line, and reads as before.
 */
const MODEL_SAID = String.raw`(?:\s+said(?=\s*(?:\*\*)?\s*:|\s*(?:\*\*)?\s*$))?`;

/** One or two capitalised words after a model's name and version on a line of its own: its variant's name. */
const MODEL_VARIANT = /^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*$/;

/** The same variant's name closed by the colon of a speaker line (`Scout:` of `Llama 4 Scout:`). */
const VARIANT_THEN_COLON = /^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*:(?:\*\*)?\s*$/;
const USER_NAME_ONLY = new RegExp(`^(?:${USER_NAMES})$`, 'i');

/** What a page copied as text sets beside a turn's name, three spaces or more to its right: a button's few words, no sentence. */
const BESIDE = String.raw`[ \t]{3,}[^\s.?!:$\\][^.?!:$\\\n]{0,39}$`;

/** A model's name as a turn's line reads it: with its version, perhaps `said` after it. */
const MODEL_NAMES_SAID = `(?:${ASSISTANT_NAMES})${VERSION}${MODEL_SAID}`;
/** Lines opening on a speaker's name, what follows the name caught (for `isTurnTail`): built once, every submission is detected. */
const tailedLines = (names: string) => new RegExp(String.raw`^\s*(?:>\s*)?(?:#{1,6}\s*)?(?:\*\*)?(?:${names})(?![A-Za-z])([^\n]*)$`, 'gim');
const USER_TAILED = tailedLines(USER_NAMES);
const MODEL_TAILED = tailedLines(MODEL_NAMES_SAID);
/**
 * A line that is a speaker's name, perhaps bold, quoted or a heading, closed by a colon, its end, or a
 * button's words beside it (`detectFormat`). Built once: built per submission, its long pattern was a
 * fifth of detecting a write-up's format.
 */
const saidLines = (names: string) => new RegExp(String.raw`^\s*(?:>\s*)?(?:#{1,6}\s*)?(?:\*\*)?(?:${names})(?:\*\*)?(?:\s*(?::|$)|${BESIDE})`, 'im');
const USER_SAID_LINE = saidLines(USER_NAMES);
const MODEL_SAID_LINE = saidLines(MODEL_NAMES_SAID);
const BUTTONS_BESIDE = new RegExp(`^${BESIDE}`);

/**
 * A local model's tag after its name, the name alone on its line (`**gpt-oss:20b**`, `### qwen2.5:7b-instruct`,
 * `deepseek-r1:14b`, `mistral:latest`): the way a local runner names a model, part of the speaker; its colon ends no name.
 */
const LOCAL_TAG = String.raw`(?:[\w.-]*:(?=[\w.-]*[a-z])(?=[\w.-]*\d|latest\b)[\w.-]+(?=(?:\*\*)?[ \t]*$))?`;

/**
 * A speaker line: a heading, bold label or quoted label naming who speaks, perhaps with the start of
 * the turn after a colon. Groups: the speaker; an aside in brackets between the name and its colon
 * (`Prompt (copied from the homework):`, `Me (after a break):`), which makes it a label; the turn's start.
 */
function speakerPattern(assistant: string): RegExp {
  return new RegExp(
    String.raw`^\s*(?:>\s*)?(?:#{1,6}\s*|\*\*)?(${USER_NAMES}|(?:${assistant})${VERSION}${LOCAL_TAG}${MODEL_SAID})(?![A-Za-z])(?:[ \t]*(\([^()\n]{1,60}\))(?=(?:\*\*)?[ \t]*:))?(?:\*\*)?\s*:?(?:\*\*)?\s*(.*)$`,
    'i',
  );
}

/**
 * The model's name in a chat whose exporter heads each turn with it (`## User` then `## Llama
 * 3.1 405B`), when no name a chat site uses heads a turn: a heading written as the user's is,
 * after the user's words, in every user turn that has a reply, and is a short name rather than a
 * section of a reply (`## Part (a)`, `## Summary`) or a title the user pasted (it would differ
 * from turn to turn).
 */
function learnedAssistantName(lines: readonly string[]): string | undefined {
  const known = new RegExp(String.raw`^\s*(?:#{1,6}\s*|\*\*)(?:${ASSISTANT_NAMES})${VERSION}(?![A-Za-z])`, 'i');
  if (lines.some((l) => known.test(l))) return undefined;
  const user = new RegExp(String.raw`^\s*(#{1,6}|\*\*)\s*(?:${USER_NAMES})\s*:?\s*(?:\*\*)?\s*:?\s*$`, 'i');
  let common: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const u = user.exec(lines[i]!);
    if (!u) continue;
    const mark = u[1]!;
    const heading = mark.startsWith('#') ? new RegExp(String.raw`^\s*${mark}\s+(.+?)\s*:?\s*$`) : /^\s*\*\*([^*]+?)\s*:?\*\*\s*:?\s*$/;
    const names: string[] = [];
    let words = false;
    for (let j = i + 1; j < lines.length && !user.test(lines[j]!); j++) {
      const m = heading.exec(lines[j]!);
      if (!m) {
        words ||= lines[j]!.trim() !== '';
        continue;
      }
      const name = m[1]!;
      const short = name.length <= 30 && name.split(/\s+/).length <= 4 && /^[A-Za-z][\w.\- ]*(?::[\w.-]+)?$/.test(name);
      const section = /\b(?:part|problem|question|exercise|solution|answer|step|summary|final|conclusion|overview|key|note|result|approach|analysis)s?\b/i.test(name);
      if (words && short && !section) names.push(name);
    }
    if (!names.length) continue;
    common = common ? common.filter((n) => names.includes(n)) : names;
  }
  const name = common?.[0];
  return name?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * A person's own `Question 3` line between the turns of a chat they annotate (a heading or bold in
 * Markdown), or a report's appendix heading over a pasted chat (`B Task 3: Discrete Convolution`).
 */
// (A report's `### Question 1(a)` over the excerpt of that part's exchange names the part as well.)
const QUESTION_NOTE = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:Question|Problem|Task|Exercise)\s+\d+(?:\s*\([a-h]\)(?:\s*\([ivx]{1,4}\))?)?(?:\s*[:—–-]\s*[A-Z][^$.?!:\n]{0,60})?(?:\*\*)?\s*$/i;

/** A question's number with a part after it, as such a heading has it. */
const PART_IN_NOTE = /\d\s*\([a-h]\)/;

/** Whether a line (or block) is such a heading for the turns after it. */
export function isQuestionNote(text: string): boolean {
  return QUESTION_NOTE.test(text) || (APPENDIX_SECTION.test(text) && QUESTION_NOTE.test(text.replace(APPENDIX_SECTION, '')));
}

/**
 * Whether the lines from `from` up to the next speaker line (or the end) are a person's headings
 * for the next questions: `Question N` lines, each with at most two short lines of title, no formula.
 * A model's own `## Problem 2` heads the text of its answer, so it has more after it.
 */
function questionNoteAt(lines: readonly string[], from: number, isSpeaker: (line: string) => boolean): number | undefined {
  if (!isQuestionNote(lines[from]!)) return undefined;
  // A part's heading (`### Question 1(a)`) heads the turns right under it; with words under it, it is a
  // reply's own section (`**Problem 8(a): Implementation**` / `Answer: 2`).
  const most = PART_IN_NOTE.test(lines[from]!) ? 0 : 2;
  let end = from + 1;
  let words = 0;
  for (; end < lines.length && !isSpeaker(lines[end]!); end++) {
    const l = lines[end]!.trim();
    if (!l) continue;
    if (isQuestionNote(l)) {
      // Questions left out (`Question 5` / `Coding Portion`) come one after another: each has its title.
      words = 0;
      continue;
    }
    if (++words > most || l.length > 80 || /[$\\]/.test(l)) return undefined;
  }
  return end;
}

/** The one question a line names (`HW4 Question 3`, `Q7`), when it names exactly one. */
export function onlyQuestionNamed(line: string): string | undefined {
  const named = new Set([...line.matchAll(/\b(?:q|questions?|problems?)\s*(\d{1,2})\b(?![.,]\d|\s*(?:,|and|&|-|–|to)\s*(?:q\s*)?\d)/gi)].map((m) => m[1]!));
  return named.size === 1 ? [...named][0] : undefined;
}

/** A speaker line's match with no start of the turn after the name: what follows it on the line is the page's, not the turn's. */
function withoutTurnText(m: RegExpExecArray) {
  return Object.assign([...m.slice(0, 3), ''], { index: m.index, input: m.input });
}

/** Markdown chats: `**User:**` / `**Assistant:**`, `### User` / `## Assistant` (or the model's name), `> User:` lines. */
export function parseMarkdownChat(text: string): Message[] {
  const lines = text.split(/\r?\n/);
  const messages: Message[] = [];
  const learned = learnedAssistantName(lines);
  const speaker = speakerPattern(learned ? `${ASSISTANT_NAMES}|${learned}` : ASSISTANT_NAMES);
  // (A whole word: "means: $$...$$" in a reply is no label "Me".) A name alone on its line heads
  // a turn too: chat pages copied as text (AI Studio's `User` / `Model`, `Qwen3-Max`, `Meta AI`).
  const speaks = (l: string) => {
    const m = speaker.exec(l);
    if (!m) return undefined;
    // (`## DeepSeek (Android app) on HW4 Question 3 — chat log`: a heading that goes on in words past the name is the log's title.)
    if (/^\s*#/.test(l) && m[3] && !m[2] && !/^[^:]{0,12}:/.test(l.slice(l.indexOf(m[1]!) + m[1]!.length)) && m[3].split(/\s+/).length >= 4) return undefined;
    // `Llama 4 Scout:`: a variant's name between the model's and the colon that ends the line is the speaker's, not the turn's first words.
    if (m[3] && l.trim().length <= 40 && VARIANT_THEN_COLON.test(m[3]) && !USER_NAME_ONLY.test(m[1]!)) return withoutTurnText(m);
    // `Assistant · o4-mini`, `User  9:02 PM`: the app's note beside the name (which model, when) is no word of the turn.
    if (m[3] && !m[2] && isTurnTail(l.slice(l.indexOf(m[1]!) + m[1]!.length))) return withoutTurnText(m);
    if (/^\s*(?:#{1,6}|\*\*)/.test(l) || m[2] || /:\s*/.test(l.slice(0, m[1]!.length + 8)) || !m[3]) return m;
    // `Model          Thoughts (experimental)  ▸`: the name with the page's buttons copied beside it, far to its right.
    if (BUTTONS_BESIDE.test(l.trimStart().slice(m[1]!.length))) return withoutTurnText(m);
    // A model's name with its variant alone on its line (`Llama 4 Maverick`, `Qwen3-Max Preview`) heads its turn.
    return l.trim().length <= 40 && MODEL_VARIANT.test(m[3]) ? withoutTurnText(m) : undefined;
  };
  // `quoted`: a turn a report quotes (`> **Grok:** ...`); the quote's end ends it, and the person's words after it are notes.
  let current: { role: Message['role']; lines: string[]; line: number; quoted?: boolean } | undefined;
  // An exporter's YAML front matter (`model: gpt-4.1`, `title: ...`) is the file's metadata, never a turn: its
  // fields are read only for the title, which may name the question the chat is about.
  const matter = frontMatterEnd(lines);
  const titleLine = matter ? lines.findIndex((x) => /^title\s*:/i.test(x)) : lines.findIndex((x) => x.trim());
  const flush = () => {
    if (current?.role === 'user') pushUserTurn(current.lines.join('\n'), current.line, messages);
    else if (current) {
      const body = current.role === 'assistant' ? separateRemarks(current.lines.join('\n'), current.line, messages) : current.lines.join('\n');
      if (body.trim()) messages.push({ role: current.role, text: body.trim(), line: current.line });
    }
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (i < matter) {
      const named = i === titleLine ? onlyQuestionNamed(l) : undefined;
      if (named) messages.push({ role: 'note', text: `Question ${named}`, line: i + 1 });
      continue;
    }
    const m = speaks(l);
    if (m) {
      flush();
      const role = new RegExp(`^(?:${USER_NAMES})$`, 'i').test(m[1]!) ? 'user' : 'assistant';
      current = { role, lines: m[3] ? [m[3]] : [], line: i + 1, ...(/^\s*>/.test(l) ? { quoted: true } : {}) };
      continue;
    }
    if (current?.quoted) {
      if (/^\s*>/.test(l)) {
        current.lines.push(l.replace(/^\s*>\s?/, ''));
        continue;
      }
      // (A blank line may sit inside the quote, and a line right under a quoted one is still the
      // quote's; the person's first unquoted words after a blank line end it.)
      if (l.trim() && !lines[i - 1]?.trim() && !questionNoteAt(lines, i, (x) => speaks(x) !== undefined)) {
        flush();
        current = { role: 'note', lines: [l], line: i + 1 };
        continue;
      }
    }
    // As in ChatGPT's page text: a person's `Question 2` (and its title) before the next turn
    // says which question the turns after it are about; it is no part of the reply before it.
    const noteEnd = questionNoteAt(lines, i, (x) => speaks(x) !== undefined);
    if (noteEnd !== undefined) {
      flush();
      for (let j = i; j < noteEnd; j++) if (lines[j]!.trim()) messages.push({ role: 'note', text: lines[j]!.trim().replace(/^#{1,6}\s*|\*\*/g, ''), line: j + 1 });
      i = noteEnd - 1;
      continue;
    }
    if (current) current.lines.push(l);
    else if (!messages.length && (/^\s*#/.test(l) || i === titleLine)) {
      // The log's title over its first turn names the question the chat is about (`DeepSeek on HW4 Question 3`).
      const named = onlyQuestionNamed(l);
      if (named) messages.push({ role: 'note', text: `Question ${named}`, line: i + 1 });
    }
  }
  flush();
  return messages;
}

/**
 * ChatGPT's `conversations.json` export: its first conversation, the branch of its tree of messages
 * that was shown last (from `current_node` up to the root), read as any JSON chat is.
 */
export function parseChatGptJson(json: unknown): Message[] {
  const conv = Array.isArray(json) ? json[0] : json;
  if (!(conv as { mapping?: unknown } | undefined)?.mapping) throw new TranscriptError('a ChatGPT export needs "mapping" (conversations.json)');
  return parseJsonMessages(conv);
}

/** Claude's JSON export: a conversation with `chat_messages` (`sender`: human / assistant). */
export function parseClaudeJson(json: unknown): Message[] {
  const conv = (Array.isArray(json) ? json[0] : json) as { chat_messages?: { sender?: string; text?: string; content?: unknown }[] } | undefined;
  if (!conv?.chat_messages) throw new TranscriptError('a Claude export needs "chat_messages"');
  return conv.chat_messages.map((m): Message => ({ role: m.sender === 'human' ? 'user' : 'assistant', text: (m.text || contentWords(m.content)).trim() })).filter((m) => m.text);
}

/**
 * Any other JSON a chat is kept in: a list of messages (`[{"role": "user", "content": "..."}]`,
 * `{"messages": [...]}`, an app's own names for speaker and text), [question, reply] pairs, a tree
 * of messages (jsonConversation); JSON Lines as the list of their objects.
 */
export function parseJsonMessages(json: unknown): Message[] {
  // (A capture of a chat API's traffic keeps its turns in bodies kept as text, and replays them in every request.)
  const captured = capturedConversation(json);
  if (captured) return captured;
  // (So does an LLM trace, each call's span replaying the history it was sent.)
  const traced = traceConversation(json);
  if (traced) return traced;
  const chat = jsonConversation(json);
  if ('problem' in chat) throw new TranscriptError(chat.problem, !!chat.shapeUnknown);
  return chat.messages;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A line that starts ChatGPT's turn in its page text (`ChatGPT`, `ChatGPT said:`). The name with
 * its version in brackets or a comma after it (`ChatGPT (GPT-4.1), Q2 (c) ...`) is a person's note
 * on which model answered, not a turn.
 */
const CHATGPT_TURN = /^ChatGPT(?![ \t]*[(,])\s/m;

/** The person's turn as ChatGPT's page heads it, alone on its line: `You said:`, `You`, `user`. */
const CHATGPT_PERSON = /^(?:user|You(?:\s+said:)?)[ \t]*$/m;

/** A turn's name alone as a Markdown heading (`##### You said:`, `###### ChatGPT said:`). */
const headingOf = (names: string) => new RegExp(String.raw`^\s*#{1,6}\s*(?:\*\*)?(?:${names})(?:\*\*)?\s*:?\s*$`, 'im');
const USER_HEADING = headingOf(USER_NAMES);
const MODEL_HEADING = headingOf(`(?:${ASSISTANT_NAMES})${VERSION}${MODEL_SAID}`);

/** Which format a submission's text is in. */
export function detectFormat(text: string, fileName = ''): SubmissionFormat {
  const t = text.trimStart();
  // A text that starts with a bracket is JSON only when it is JSON: a transcript may start with a
  // Markdown link (`[Uploading the question as an image](#)`) or a `[File]` line.
  // (A `.json` file's notes read as the write-up they hold are no JSON, whatever the file's name.)
  if ((t.startsWith('{') || t.startsWith('[')) && (/\.json$/i.test(fileName) || isJson(t))) {
    if (/"mapping"\s*:/.test(t)) return 'chatgpt-json';
    if (/"chat_messages"\s*:/.test(t)) return 'claude-json';
    // (`{"1a": "...", "1b": "..."}`: answers keyed by part are a write-up, one labelled line each.)
    if (t.startsWith('{') && jsonAnswerLines(t) !== t) return 'writeup';
    return 'json-messages';
  }
  // JSON Lines (an API's log or a chat app's `.jsonl`, an object per line), or objects printed one after another.
  // (A `.jsonl` file's posts read as the write-up they hold are no JSON, whatever the file's name.)
  if ((/\.jsonl$/i.test(fileName) && /^[{[]/.test(t)) || (t.startsWith('{') && jsonValues(t))) return 'json-messages';
  // A shared-link page copied as Markdown heads both turns as headings (`##### You said:` /
  // `###### ChatGPT said:`); its log-in banner's bare `ChatGPT` line is no turn of ChatGPT's page text.
  if (USER_HEADING.test(text) && MODEL_HEADING.test(text)) return 'markdown-chat';
  // `User:` / `Assistant:` (or the model's name), perhaps bold or quoted: a chat copied as plain text.
  // A name alone on its line heads a turn as well (`User` / `Model`, `You sent` / `Meta AI`), and so
  // does a heading (`### You said:` / `### Claude said:`).
  // (So does the name with the page's buttons far to its right: AI Studio's `Model      Thoughts ▸`.)
  // (Or the app's note beside the name, `Monica · o4-mini`, `User  9:02 PM`: read apart, its capitals and digits are what tell it from words.)
  const tailed = (lines: RegExp) => {
    for (const m of text.matchAll(lines)) if (isTurnTail(m[1]!)) return true;
    return false;
  };
  const labelled = () => (USER_SAID_LINE.test(text) || tailed(USER_TAILED)) && (MODEL_SAID_LINE.test(text) || tailed(MODEL_TAILED));
  // (A page's `ChatGPT 4o` or `ChatGPT can make mistakes` line over turns headed `User:` / `Model:`, no `You said:` among them, is no ChatGPT page's turns.)
  if (/^(?:user|ChatGPT)\s/m.test(text) && CHATGPT_TURN.test(text) && (CHATGPT_PERSON.test(text) || !labelled())) return 'chatgpt-text';
  // (`**Me:**`, `Student:` and `Prompt:` head a person's turns as `User:` does.)
  if (/^\s*(?:\*\*|#{1,6}\s*)?(?:User|Human|You|Me|Student|Prompt)\s*:?\**\s*$|^\s*\*\*(?:User|Human|You|Me|Student|Prompt)\s*:\*\*/im.test(text)) {
    const lines = text.split(/\r?\n/);
    const learned = learnedAssistantName(lines);
    const assistant = new RegExp(String.raw`^\s*(?:\*\*|#{1,6}\s*)?(?:${ASSISTANT_NAMES}${learned ? `|${learned}` : ''})(?![A-Za-z])`, 'i');
    if (lines.some((l) => assistant.test(l))) return 'markdown-chat';
  }
  if (labelled()) return 'markdown-chat';
  const requests = text.split('\n').filter((l) => KIMI_REQUEST.test(l) && l.trim().length < 120).length;
  if (requests >= 1 && (/\bKimi\b|New Chat|OK Computer/.test(text) || requests >= 2)) return 'kimi-text';
  return 'writeup';
}

/** How long a model reasoned, as a site prints it: `14s`, `31 seconds`, `1m 20s`, `a few seconds`. */
const DURATION = String.raw`(?:a few seconds|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?)(?:\s*\d+\s*(?:s|secs?|seconds?))?)`;
/** What a copied page leaves before a folded reasoning's status line: quote marks, then up to three glyphs (`>`, `▸`, `💭`), then emphasis. */
const FOLD_DECORATION = String.raw`[ \t]*(?:>[ \t]*)*(?:[^\p{L}\p{N}\s$\\*_][ \t]*){0,3}(?:\*\*|_|\*)?`;

/**
 * A model's shown reasoning is not its answer: `<think>...</think>` (DeepSeek-R1, Qwen), and a
 * "Thought for 41s" / "Reasoned for 12 seconds" / "Thinking" line with the quoted block under it
 * (ChatGPT, Grok and Gemini page copies). What it tries and drops would otherwise be read as
 * the reply's answers. Line breaks are kept, so locations still point into the file.
 */
export function withoutReasoning(reply: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, '');
  let t = reply.replace(/<(think|thinking|reasoning)>[\s\S]*?(?:<\/\1>|$)/gi, blank);
  t = t.replace(
    /^[ \t]*(?:\*\*|_)?(?:thought|reasoned|thinking)(?: for (?:a few seconds|\d+\s*(?:s|sec|seconds?|m|min|minutes?)(?:\s+\d+\s*(?:s|seconds?))?))?(?:\*\*|_)?[ \t]*:?[ \t]*\n(?:[ \t]*\n)*(?:[ \t]*>.*(?:\n|$))+/gim,
    blank,
  );
  // A status line alone (`Thinking completed · 2,114 tokens`, `Thought for 31 seconds`): the
  // site's note that it reasoned, with the reasoning folded away; the reply starts after it. Copied
  // from a page it may keep the fold's decoration: a quote mark, a disclosure triangle, an emoji
  // (`> Thought for 14s ▸`, `💭 Thought for 9s`).
  t = t.replace(new RegExp(String.raw`^${FOLD_DECORATION}(?:thinking completed|thought for ${DURATION})\b[^\n]{0,40}$`, 'gimu'), '');
  // At the reply's top, any verb's note of time spent before it (`Reasoned for 8s ▾`, `Pondered for
  // 2 min`): nothing after the time but decoration, no sentence's stop. (`Heated for 10 min.` is physics.)
  t = t.replace(new RegExp(String.raw`^(\s*)${FOLD_DECORATION}\p{L}+(?:ed|ing|ght)[ \t]+for[ \t]+${DURATION}[^\p{L}\p{N}\n.,;:]{0,8}(?=\n|$)`, 'iu'), '$1');
  t = t.replace(/^[ \t]*(?:已深度思考|已思考)[^\n]{0,20}$/gm, '');
  t = withoutShownThoughts(t);
  return t.trim() ? t : reply;
}

/** The messages of a transcript in any supported format, the model's shown reasoning left out. */
export function readMessages(text: string, format: SubmissionFormat): Message[] {
  return reasoningLeftOut(messagesOf(text, format));
}

/** Messages with each reply's shown reasoning left out (withoutReasoning). */
export function reasoningLeftOut(messages: Message[]): Message[] {
  return messages.map((m) => (m.role === 'assistant' ? { ...m, text: withoutReasoning(m.text).trim() } : m));
}

function messagesOf(text: string, format: SubmissionFormat): Message[] {
  switch (format) {
    case 'chatgpt-text':
      return parseChatGptText(text);
    case 'kimi-text':
      return parseKimiText(text);
    case 'markdown-chat':
      return parseMarkdownChat(text);
    case 'chatgpt-json':
    case 'claude-json':
    case 'json-messages': {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = jsonValues(text);
        if (!json) throw new TranscriptError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      return format === 'chatgpt-json' ? parseChatGptJson(json) : format === 'claude-json' ? parseClaudeJson(json) : parseJsonMessages(json);
    }
    default:
      throw new TranscriptError(`${format} is not a transcript format`);
  }
}
