import type { Message } from '../model/submission.js';
import { readLineLabel } from './part-ids.js';
import { ASKS, asksForNext, isContinuation, isRecheck } from './segment.js';
import { PASTED, type StatementIndex } from './pasted-statements.js';
import { isRemark, onlyQuestionNamed, pushUserTurn, pushReply, isQuestionNote } from './transcripts.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';
import { RULE } from './rule-line.js';
import { UPLOAD_EXTENSIONS } from './upload-names.js';
import { isTurnTail } from './turn-tails.js';

/**
 * Chats copied as text from a web app in which the person's turns carry no label: only the
 * reply is marked (DeepSeek's "Thought for 31 seconds", Gemini's "Show thinking", Qwen's
 * "Thinking completed", the model's name alone: "Le Chat", "Copilot"), or the person's turn by
 * their initials avatar (claude.ai's "JD") or the buttons under the reply before it ("Copy",
 * "Retry"). Read as a write-up, the pasted question's own text would be graded as the answer.
 * These cues decide the turns; where a reply ends and the next pasted question starts, the
 * problem set's text (when there is one) and the question's wording do.
 */

/** A site's note that the model reasoned, on a line of its own: the reply follows it (DeepSeek's Chinese page: `已深度思考（用时 38 秒）`). */
const REASONING =
  /^(?:\*\*|_)?(?:thought for\b[^.\n]{1,30}|reasoned for\b[^.\n]{1,30}|thinking completed\b[^.\n]{0,40}|done thinking\b[^.\n]{0,30}|show thinking|thought process|thinking(?:\.\.\.|…)?|已深度思考[^\n]{0,20}|已思考[^\n]{0,20}|思考过程|深度思考中)(?:\*\*|_)?$/i;

/**
 * The model's name alone on a line (`Le Chat`, `Qwen3-Max`, `Mistral Medium 3`, `ChatGPT said:`), perhaps with the
 * app's note beside it (`Model · o4-mini`, `Assistant  9:02 PM`): the reply follows it.
 */
const NAME = new RegExp(String.raw`^(?:${ASSISTANT_NAMES})${VERSION}(?:\s+said)?\s*:?$`, 'i');
/** The same name with something after it on the line, which is the app's note when it is only that (isTurnTail). */
const NAME_THEN = new RegExp(`^(?:${ASSISTANT_NAMES})${VERSION}(?![A-Za-z])(.+)$`, 'i');

/**
 * A turn's name line whose note after a separator names the model, whatever the app calls its side
 * (`**Agent**  · claude 4.5 sonnet`, `Cascade — GPT-5`, `Assistant | o4-mini`): the reply follows it. (A
 * heading is a section's title; a name of more than three words is a sentence.)
 */
const MODEL_NOTED = new RegExp(String.raw`^(?:\*\*|__)?\p{L}[\p{L}\p{N}'’.-]*(?:[ \t]\p{L}[\p{L}\p{N}'’.-]*){0,2}(?:\*\*|__)?[ \t]+[—–·|•][ \t]*(?:${ASSISTANT_NAMES})${VERSION}[ \t]*$`, 'iu');

/** A site's header over a reply, naming the model (Phind: `ANSWER | PHIND-70B MODEL`; `Answer | linear model` names none). */
const REPLY_HEADER = new RegExp(String.raw`^answer\s*\|\s*(?:phind|${ASSISTANT_NAMES})[\w .-]{0,30}?\s+model$`, 'i');

/** A person's initials avatar alone on a line (claude.ai: `JD`, `S`), or `You said`: their turn follows it. */
const AVATAR = /^(?:[A-Z]{1,2}|(?:You|User|Me)(?:\s+said|\s+sent)?:?)$/;

/** The person's label alone on a line as a page in another language heads their turn (`Sie`, `Vous`, `Tú`, `你`). */
const YOU_WORD = /^(?:You|User|Me|Sie|Du|Vous|Toi|Tú|Usted|Você|Voi|Tu|你|您|あなた|당신)(?:\s+said|\s+sent)?:?$/;

/** Initials alone (`MS`): an avatar only when a message's words or an attachment follow on the next line. */
const INITIALS = /^[A-Z]{1,2}$/;
/** A message's first line under an avatar: a sentence of three words or more, or a picture's file name (a formula's pieces are neither). */
const MESSAGE_START = new RegExp(String.raw`^[A-Za-z(][\w'’(),]*(?:\s+[\w'’(),?.!:-]+){2,}|\.(?:${UPLOAD_EXTENSIONS})$`, 'i');
/** A line naming an attached file (`[File]: q4_page1.png`). */
const UPLOAD_LINE = new RegExp(String.raw`^\s*\[File\]:\s*\S.*\.(?:${UPLOAD_EXTENSIONS})\s*$`, 'i');

/**
 * The buttons under a message (`Copy`, `Retry`, `Share`) and the site's closing line (`Claude can
 * make mistakes.`). (A time is left out: sites put it under either kind of message.)
 */
const BUTTON =
  /^(?:copy(?: code| response)?|edit(?: message)?|edited|retry|regenerate|share|like|dislike|compare|good response|bad response|read aloud|export|rewrite|try again|[👍👎↻⎘]|\d+\s*\/\s*\d+|.{0,40}\bcan make mistakes\b.{0,80}|AI-generated content may be incorrect\.?)$/iu;

/** Buttons only a reply has: a block of buttons with one of these, or without `Edit`, ends a reply. */
const REPLY_BUTTON = /^(?:retry|regenerate|share|like|dislike|compare|good response|bad response|read aloud|export|rewrite|try again|.*can make mistakes.*|AI-generated.*)$/i;

/** The opening of a question as people paste it: `3. Understanding Convolution ...`, `Q7 (b) ...`, `Problem 2:`. */
const QUESTION_OPENING = /^(?:(?:Q|Question|Problem|Exercise)\s*\d{1,2}\b|\d{1,2}\.\s+[A-Z][^.$\n]{3,80}$)/;

/** The line a bot's card names its maker on: `By @anthropic` (Poe). */
const BY_HANDLE = /^by\s+@[\w.-]{2,40}$/i;

/**
 * A bot's card over its page, a few short lines that name it and its maker (Poe: `Poe` /
 * `Claude-3.5-Sonnet-200k` / `By @anthropic`): the page's, no reply of the model's.
 */
function isCard(b: Block): boolean {
  const t = b.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return t.length <= 5 && t.some((l) => BY_HANDLE.test(l)) && t.every((l) => l.length <= 40 && !/[$.:?]$/.test(l));
}

/** How many blocks around a question's opening are looked at (a bound: a reply of many numbered lines stays linear). */
const NEAR = 6;

/** `reply`/`sent` (the buttons under the person's message: `Edit`): a reply follows; `user`/`buttons` (under a reply): the person's turn follows. */
type Kind = 'reply' | 'sent' | 'user' | 'buttons' | 'text';

/** A cue: its blocks (`from`..`at`, several in a row are one cue), and whose turn follows it. */
interface Mark {
  from: number;
  at: number;
  role: 'user' | 'reply';
}

interface Block {
  /** First and last line (0-based) of the block in the text. */
  from: number;
  to: number;
  text: string;
  kind: Kind;
}

/** A line that marks a reply: the model's name, the site's note that it reasoned, or a header naming it. */
function isReplyCue(line: string): boolean {
  return REASONING.test(line) || NAME.test(line) || REPLY_HEADER.test(line) || isTurnTail(NAME_THEN.exec(line)?.[1] ?? '') || MODEL_NOTED.test(line);
}

/** An answer engine's `Answer` header over its reply (Perplexity's thread: `**Sources**` then `**Answer**`). */
const ANSWER_HEADER = /^(?:#{1,6}\s*)?(?:\*\*)?answer(?:\*\*)?\s*:?$/i;
/** Its `Sources` header, the first line of the block that lists them. */
const SOURCES_HEADER = /^(?:#{1,6}\s*)?(?:\*\*)?sources(?:\*\*)?\s*:?$/i;
/** A listed source: a numbered or bulleted item that names a site or a link. */
const SOURCE_ITEM = /^(?:\d{1,2}[.)]|[-*•]|\[\d{1,2}\])\s+.*(?:https?:\/\/|\b[\w-]+\.(?:com|org|net|io|ai|pub|edu|gov|dev|co|uk|de)\b)/i;

/** Whether a block is an answer engine's list of sources: its header, then items that each name a site. */
function isSources(lines: readonly string[]): boolean {
  const t = lines.map((l) => l.trim());
  return t.length >= 2 && SOURCES_HEADER.test(t[0]!) && t.slice(1).every((l) => SOURCE_ITEM.test(l));
}

/**
 * Whether a text is an answer engine's thread: somewhere a list of sources stands right above an
 * `Answer` header. Only then is `Answer` alone a reply's cue (a write-up's `**Answer**` heads its own text).
 */
function answerThread(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (!SOURCES_HEADER.test(lines[i]!.trim())) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.trim()) j++;
    let k = j + 1;
    while (k < lines.length && !lines[k]!.trim()) k++;
    if (isSources(lines.slice(i, j + 1)) && ANSWER_HEADER.test(lines[k]?.trim() ?? '')) return true;
  }
  return false;
}

/** Whether lines are a cue of an answer engine's reply: its sources, or its `Answer` header alone. */
function isAnswerCue(lines: readonly string[]): boolean {
  return isSources(lines) || (lines.length === 1 && ANSWER_HEADER.test(lines[0]!.trim()));
}

/** Whether a block read as a reply's cue is an answer engine's. */
function answerCue(b: Block | undefined): boolean {
  return b?.kind === 'reply' && isAnswerCue(b.text.split('\n'));
}

function blocksOf(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  const thread = answerThread(lines);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.trim()) j++;
    // claude.ai copied as text puts the avatar right above the message, no blank line between
    // (`MS` / `Screenshot ... .png` / `solve a, b, c`): the avatar is a block of its own.
    // (So does a page's word for the person, `You` / `Sie`, right above their message.)
    if (j > i && (INITIALS.test(lines[i]!.trim()) || YOU_WORD.test(lines[i]!.trim())) && MESSAGE_START.test(lines[i + 1]!.trim())) {
      out.push({ from: i, to: i, text: lines[i]!, kind: 'user' });
      i++;
    }
    // A model's name (and its status) right above its reply, no blank line between (`Qwen3-Max` /
    // `We want ...`, as a page copied as text sets them): the name is a cue of its own.
    // (Not a sentence wrapped after a model's name, `Claude` / `suggested a Gram matrix`: the words go on in lower case.)
    let cue = i;
    while (cue < j && isReplyCue(lines[cue]!.trim())) cue++;
    if (cue > i && cue - i <= 2 && !/^[a-z]/.test(lines[cue]!.trim())) {
      out.push({ from: i, to: cue - 1, text: lines.slice(i, cue).join('\n'), kind: 'reply' });
      i = cue;
    }
    const text = lines.slice(i, j + 1).join('\n');
    const one = i === j ? text.trim() : undefined;
    // (The model's name and its status stacked with no blank line, `DeepSeek` / `Thought for 38 seconds`, are one cue.)
    const kind: Kind =
      lines.slice(i, j + 1).every((l) => isReplyCue(l.trim())) || (thread && isAnswerCue(lines.slice(i, j + 1)))
        ? 'reply'
        : one !== undefined && AVATAR.test(one)
          ? 'user'
          : lines.slice(i, j + 1).every((l) => buttonWords(l) !== undefined)
            ? buttonsOf(lines.slice(i, j + 1).flatMap((l) => buttonWords(l)!))
            : 'text';
    out.push({ from: i, to: j, text, kind });
    i = j;
  }
  return out;
}

/**
 * The buttons a line holds: one, or a row of them copied as one line, spaced apart (Le Chat:
 * `Copy   Regenerate   👍   👎`); undefined when the line is not buttons.
 */
function buttonWords(line: string): string[] | undefined {
  const t = line.trim();
  if (BUTTON.test(t)) return [line];
  const words = t.split(/\s{2,}|\t/);
  return words.length >= 2 && words.every((w) => BUTTON.test(w)) ? words : undefined;
}

/** A block of attached pictures only (`[File]: q4_page1.png`): a question sent as images. */
function isUpload(b: Block): boolean {
  return b.kind === 'text' && b.text.split('\n').every((l) => UPLOAD_LINE.test(l));
}

/** Whose buttons: `Edit` (with `Copy`) sits under the person's message, `Retry`, `Share` and the rest under a reply. */
function buttonsOf(lines: readonly string[]): Kind {
  const t = lines.map((l) => l.trim());
  return t.some((l) => /^edit(?: message)?$/i.test(l)) && !t.some((l) => REPLY_BUTTON.test(l)) ? 'sent' : 'buttons';
}

/** A site's menu line before the chat (`New chat`, `Today`, a chat's title): short, no formula, no label, no sentence. */
function isChrome(b: Block): boolean {
  const t = b.text.trim();
  const menu = (l: string) => l.length <= 40 && !/[$\\=?]/.test(l) && !/[.:]$/.test(l) && !readLineLabel(l);
  // (A site's side menu copied as a few short lines, `New chat` / `Library` / `Agents`, is one too.)
  const lines = t.split('\n').map((l) => l.trim());
  return b.kind !== 'text' || isRemark(t) || (lines.length <= 6 && lines.every(menu) && (lines.length === 1 || lines.every((l) => !/\s\S+\s/.test(l))));
}

/**
 * The messages of a chat whose person's turns carry no label, or undefined when the text shows
 * no cue strong enough to read it as a chat (a write-up stays one). With `index`, a pasted copy
 * of the problem set's text is the person's. Where the split is a guess, `doubts` says so.
 */
export function unlabelledTurns(text: string, index?: StatementIndex, doubts: string[] = []): Message[] | undefined {
  const lines = text.split(/\r?\n/);
  const all = blocksOf(lines);
  // A page copied whole from its top opens on the bot's card and its buttons: they are the page's,
  // and a line the person wrote above them is a note on the copy, not their first question.
  const card = all.findIndex((b, k) => k < 3 && isCard(b));
  const blocks = card < 0 ? all : all.slice(card + (all[card + 1]?.kind === 'buttons' ? 2 : 1));
  // Every cue is a block read as something other than text: with none, no turn is marked (strongEnough),
  // and a write-up is known before its blocks are weighed as a site's menus.
  if (blocks.every((b) => b.kind === 'text')) return undefined;
  const preface: Message[] = all.slice(0, Math.max(card, 0)).map((b) => ({ role: 'note', text: b.text.trim(), line: b.from + 1 }));
  const pasted = new Map<number, boolean>();
  const isPasted = (k: number) => {
    // (A block past the text's end, after an avatar on its last line, pastes nothing.)
    if (!index || k >= blocks.length) return false;
    let p = pasted.get(k);
    if (p === undefined) pasted.set(k, (p = blocks[k]!.kind === 'text' && !filledTable(blocks[k]!.text) && index.match(blocks[k]!.text).share >= PASTED));
    return p;
  };
  const firstContent = blocks.findIndex((b) => !isChrome(b));
  if (firstContent < 0) return undefined;
  // The cues, in order: where a reply starts (its marker merged with a marker right after it:
  // `Qwen3-Max` then `Thinking completed`), where the person's turn starts.
  const marks: Mark[] = [];
  blocks.forEach((b, k) => {
    // Before the person's first text, a model's name is the site's (`DeepSeek`, `Le Chat` over the page); an avatar heads that text.
    if (b.kind === 'text' || (k < firstContent && b.kind !== 'user')) return;
    const role = b.kind === 'reply' || b.kind === 'sent' ? 'reply' : 'user';
    if (k < firstContent) marks.length = 0;
    const last = marks[marks.length - 1];
    if (last && last.at === k - 1 && last.role === role) last.at = k;
    else marks.push({ from: k, at: k, role });
  });
  if (!strongEnough(blocks, marks, isPasted)) return undefined;
  const messages: Message[] = preface;
  // Before the first cue: the site's menus (left out) and a person's remarks (notes); any other text is the person's first paste.
  const head = marks[0]!.from;
  const note = (k: number) => messages.push({ role: 'note', text: blocks[k]!.text.trim().replace(/^\[([^\]]+)\]\(#\)$/, '$1'), line: blocks[k]!.from + 1 });
  // (A person's `Question 4` above the chat says which question the turns after it are about; before
  // a first turn headed by an avatar, nothing of the page is the person's paste.)
  const lead = marks[0]!.role === 'reply' ? firstContent : head;
  for (let k = 0; k < lead; k++) if (isRemark(blocks[k]!.text) || isQuestionNote(blocks[k]!.text)) note(k);
  const span = (a: number, b: number) => (a < b ? { text: lines.slice(blocks[a]!.from, blocks[b - 1]!.to + 1).join('\n'), line: blocks[a]!.from + 1 } : undefined);
  const user = (a: number, b: number) => {
    const s = span(a, b);
    if (s) pushUserTurn(s.text, s.line, messages);
  };
  const reply = (a: number, b: number) => {
    // A person's `Question 7` between a reply and their next turn heads what comes next; it is no part of the reply.
    let end = b;
    while (end > a + 1 && isQuestionNote(blocks[end - 1]!.text)) end--;
    const s = span(a, end);
    if (s) pushReply(s.text, s.line, messages);
    for (let k = end; k < b; k++) note(k);
  };
  if (marks[0]!.role === 'reply') {
    // A title over the writer's own opening, a rule under it (`# HW4 Q4 — Warp terminal` / ... / `---`), names the
    // question the chat is about, as a chat log's title does. (The opening stays with the first turn: an overview
    // in it, `Questions covered: Q1 (a)(b), Q2 (b)-(e)`, says which question each later turn pastes.)
    const ruled = blocks.some((b, k) => k > firstContent && k < head - 1 && RULE_LINE.test(b.text.trim()));
    const named = ruled ? onlyQuestionNamed(blocks[firstContent]!.text.split('\n')[0]!) : undefined;
    if (named) messages.push({ role: 'note', text: `Question ${named}`, line: blocks[firstContent]!.from + 1 });
    user(firstContent, head);
  } else if (blocks[marks[0]!.at]!.kind === 'buttons') {
    // The buttons under the first reply, no cue before it: the person's first paste, then that reply.
    const start = askedRun(blocks, firstContent, head, isPasted);
    user(firstContent, start);
    reply(start, head);
  }
  marks.forEach((mark, n) => {
    const next = marks[n + 1];
    const end = next?.from ?? blocks.length;
    const from = mark.at + 1;
    if (mark.role === 'reply') {
      // A reply runs to the next cue; when that cue starts another reply, the person's next paste sits unmarked at its end.
      const start = next?.role === 'reply' ? pasteStart(blocks, from, end, isPasted) : end;
      if (next?.role === 'reply' && start === end) {
        doubts.push(`line ${blocks[end]!.from + 1}: a reply follows another with no question found between them (a picture, or a question not recognised); it is read as more of the one before`);
      }
      reply(from, start);
      user(start, end);
    } else if (next?.role === 'reply') user(from, end);
    else {
      // The person's turn, then a reply marked by nothing (claude.ai): the turn is what asks.
      const start = askedRun(blocks, from, end, isPasted);
      user(from, start);
      reply(start, end);
    }
  });
  return messages;
}

/**
 * Whether the cues make a chat: a reasoning line or the model's name after the person's text
 * (a write-up has neither), or an avatar that recurs or heads a copy of the problem set's text,
 * or buttons under both kinds of message, or only replies have under two of them, or under
 * replies with another cue.
 */
function strongEnough(blocks: readonly Block[], marks: readonly Mark[], isPasted: (k: number) => boolean): boolean {
  if (!marks.length) return false;
  const content = (k: number) => blocks[k] && blocks[k]!.kind === 'text' && !isRemark(blocks[k]!.text);
  if (marks.some((m) => blocks.slice(m.from, m.at + 1).some((b) => b.kind === 'reply') && content(m.at + 1))) return true;
  const avatars = marks.filter((m) => blocks[m.at]!.kind === 'user');
  const same = new Set(avatars.map((m) => blocks[m.at]!.text.trim()));
  if (avatars.length >= 2 && same.size === 1) return true;
  if (avatars.some((m) => isPasted(m.at + 1) || isPasted(m.at + 2))) return true;
  // Buttons under both kinds of message (`Edit`, then `Copy` / `Retry`), or under replies with another cue.
  const kinds = new Set(marks.map((m) => blocks[m.at]!.kind));
  // (`Retry`, `Regenerate`, `Good response` under two replies are cue enough: no write-up has them.)
  const buttons = marks.filter((m) => blocks[m.at]!.kind === 'buttons');
  const replyOnly = buttons.filter((m) => blocks[m.at]!.text.split(/\n|\s{2,}|\t/).some((l) => REPLY_BUTTON.test(l.trim())));
  // (One exchange: pictures sent, then the one reply and its buttons, as a chat of a screenshotted question is copied.)
  const oneExchange = replyOnly.length === 1 && marks.length === 1 && blocks.slice(0, replyOnly[0]!.from).some(isUpload);
  return (kinds.has('sent') && kinds.has('buttons')) || replyOnly.length >= 2 || (buttons.length >= 2 && kinds.size > 1) || oneExchange;
}

/**
 * A Markdown table with every cell filled: a reply's answer in the question's rows and columns (a
 * table the question asks to fill in leaves cells blank), however many of its words the problem set has.
 */
function filledTable(text: string): boolean {
  const rows = text
    .trim()
    .split('\n')
    .filter((l) => !/^\s*\|?[\s:|-]+\|?\s*$/.test(l));
  const filled = (row: string) => /^\s*\|.*\|\s*$/.test(row) && !/\|\s*\|/.test(row);
  return rows.length >= 2 && rows.every(filled);
}

/** Whether a block asks: it has a question mark, or is a part statement that asks in words. */
function asks(b: Block): boolean {
  const t = b.text.trim();
  return t.includes('?') || (!!readLineLabel(t)?.part && ASKS.test(t));
}

/** A block a pasted question carries between its statements: a table's rows, a formula alone, a short heading. */
function inert(b: Block): boolean {
  const t = b.text.trim();
  return t.split('\n').every((l) => /^\s*\|.*\|\s*$|^[^|]*(?:\|[^|]*){2,}$/.test(l)) || /^\$\$[\s\S]*\$\$$/.test(t) || (!t.includes('\n') && t.length <= 60 && !/[.$]$/.test(t));
}

/**
 * Where the person's next paste starts in the text between a reply's marker and the next one:
 * the last opening of a numbered question (`4. Feature Dimensions ...`, `Q7 (b) ...`), else the
 * first block of the copy of the problem set's text that ends the span, else of the blocks that
 * ask at its end. `to` when none is found (the reply runs on to the next marker).
 */
function pasteStart(blocks: readonly Block[], from: number, to: number, isPasted: (k: number) => boolean): number {
  // The reply has text of its own first.
  const first = from + 1;
  // An answer engine titles each query as a level-1 heading right above the next reply's sources or `Answer`.
  if (to - 1 >= first && answerCue(blocks[to]) && /^#\s+\S/.test(blocks[to - 1]!.text.trim())) return to - 1;
  for (let k = to - 1; k >= first; k--) {
    if (blocks[k]!.kind !== 'text') continue;
    const t = blocks[k]!.text.trim();
    // (Not a reply's own `## Problem 2` or `**1. Shapes**`.)
    if (!QUESTION_OPENING.test(t) || /^\s*(?:#|\*\*)/.test(t)) continue;
    // What follows it asks, or is the problem set's text (a few blocks on: a paste's heading heads its statement).
    const near = (a: number, b: number) => blocks.slice(Math.max(first, a), Math.min(to, b));
    const followed = asks(blocks[k]!) || near(k + 1, k + NEAR).some((b, i) => b.kind === 'text' && (isPasted(k + 1 + i) || asks(b)));
    // Nor is it an item of the reply's own numbered list (`1. Form the Gram matrix`, `2. Multiply by W`).
    const item = /^(\d{1,2})\.\s/.exec(t);
    const numbered = (n: number) => new RegExp(`^\\s*${n}\\.\\s`, 'm');
    const listed = item && (near(k - NEAR, k).some((b) => numbered(Number(item[1]) - 1).test(b.text)) || near(k + 1, k + NEAR).some((b) => numbered(Number(item[1]) + 1).test(b.text)));
    if (followed && !listed) return k;
  }
  let start = to;
  let copied = false;
  for (let k = to - 1; k >= first; k--) {
    const b = blocks[k]!;
    if (isPasted(k)) {
      copied = true;
      start = k;
    } else if (b.kind === 'text' && (inert(b) || isRemark(b.text))) continue;
    else break;
  }
  if (copied) return start;
  start = to;
  for (let k = to - 1; k >= first && blocks[k]!.kind === 'text' && (asks(blocks[k]!) || inert(blocks[k]!)); k--) if (asks(blocks[k]!)) start = k;
  // A short request in words last (`now do (d) ii: stride 2, pad 1`, `continue`, `are you sure`): the person's.
  const last = blocks[to - 1];
  if (start === to && to - 1 >= first && last?.kind === 'text' && (requests(last.text) || movesOn(last.text))) return to - 1;
  // A picture the person sent, and the few words they typed under it (`[photo: page 6]` / `now 4f`): theirs, whatever the words.
  if (start === to) {
    const sent = pictureSent(blocks, first, to);
    if (sent !== undefined) return sent;
  }
  return start;
}

/** A placeholder for a picture sent, alone on its line, as a copy or its writer leaves it: `[photo: hw4 page 6 — the table]`, `[image]`, `<image>`. */
const PICTURE_LINE = /^(?:\[(?:image|img|photo|picture|screenshot|attachment|figure)s?\b[^\]\n]{0,200}\]|<image>)$/i;

/** A rule drawn between exchanges (`-----`, `────────`), alone on its line. */
const RULE_LINE = new RegExp(`^${RULE}$`, 'u');

/**
 * The few words a person types under a picture: a line or two, no formula (`7a`, `fill in the table in
 * 4(e) please`). A sentence closed by a full stop is a reply's own under its figure, unless it requests.
 */
function typedUnder(lines: readonly string[]): boolean {
  const t = lines.join(' ').trim();
  return t.length < 200 && lines.length <= 3 && !/[$\\=]/.test(t) && (!/\.$/.test(t) || requests(t));
}

/**
 * Where the person's turn starts when the span ends on a picture they sent: a block of a placeholder
 * (after a rule, perhaps) with the words typed under it, or a placeholder's block and a short one of
 * words after it. A reply shows no picture of its own sent as a placeholder: the page shows the
 * person's message so when what they asked is in the picture. Undefined when the span ends otherwise.
 */
function pictureSent(blocks: readonly Block[], first: number, to: number): number | undefined {
  const linesOf = (k: number) =>
    blocks[k]!.text.split('\n')
      .map((l) => l.trim())
      .filter((l) => !RULE_LINE.test(l));
  const pictureThenWords = (k: number) => {
    if (k < first || blocks[k]!.kind !== 'text') return false;
    const lines = linesOf(k);
    const pictures = lines.findIndex((l) => !PICTURE_LINE.test(l));
    const words = pictures < 0 ? [] : lines.slice(pictures);
    return pictures !== 0 && (!words.length || typedUnder(words));
  };
  if (pictureThenWords(to - 1)) return to - 1;
  const onlyWords = (k: number) => k >= first && blocks[k]!.kind === 'text' && typedUnder(linesOf(k));
  if (onlyWords(to - 1) && to - 2 >= first && pictureThenWords(to - 2) && linesOf(to - 2).every((l) => PICTURE_LINE.test(l))) return to - 2;
  return undefined;
}

/**
 * Words a person opens their next question with, whatever they paste after them (`Next part:
 * CONV2-3 -> ReLU ...`, `last one, different question. dw_{h,l} = ...`): they move the chat on.
 */
const MOVES_ON =
  /^(?:next\s+(?:part|question|one|problem)|last\s+(?:one|part|question)|one more\s+(?:question|part|problem)|another (?:one|question|part)|(?:a\s+)?(?:different|new) (?:question|problem|part)|ok(?:ay)?,?\s+(?:next|now|different|new))\b/i;

/** Whether the block right before a reply's cue is the person's next question, led by words that move on (not a reply's own sentence). */
function movesOn(text: string): boolean {
  const t = text.trim();
  return t.length < 1200 && MOVES_ON.test(t);
}

/** A short request a person types between replies: it moves on, asks again or names a part, in words with no formula. */
function requests(text: string): boolean {
  const t = text.trim();
  return (
    t.length < 200 &&
    !/[$\\=]/.test(t) &&
    (asksForNext(t) || isContinuation(t) || isRecheck(t) || /^(?:now|next|ok(?:ay)?|also|then|and|please|can you|could you|what about|how about|do|solve|try)\b/i.test(t))
  );
}

/** The end of a person's unmarked turn after their avatar: the first block, and after it the blocks that copy the problem set or ask. */
function askedRun(blocks: readonly Block[], from: number, to: number, isPasted: (k: number) => boolean): number {
  // (Pictures sent with a short request under them, `solve this`: the request is the person's too.)
  const asking = (k: number) => k < to && blocks[k]!.kind === 'text' && (isPasted(k) || asks(blocks[k]!) || (k === from + 1 && isUpload(blocks[from]!) && requests(blocks[k]!.text)));
  let k = from + 1;
  // (A heading or a formula between two asking blocks is the paste's.)
  while (asking(k) || (k < to && inert(blocks[k]!) && asking(k + 1))) k++;
  return Math.min(k, to);
}
