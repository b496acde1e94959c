import type { Message } from '../model/submission.js';
import { asksSomething } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';
import { verbatimLines } from './verbatim-lines.js';
import { type ParagraphRun, paragraphRuns } from './paragraph-runs.js';

/**
 * Chats an editor or a terminal tool saves as a document, where the person's prompts are headings of
 * one level and the model's replies the text under them: Aider's `.aider.chat.history.md` (`#### `
 * before each line typed), an Emacs gptel buffer (Org's `*** ` prompt prefix, read as `### ` once
 * org-mode.ts has made it Markdown), any log that heads each question so. Read as a write-up, the
 * prompts' part letters and the replies' own were taken for answers with no question to hang on, and
 * no part was found.
 *
 * A level of headings is the person's when its headings read as typed requests, not as titles: one
 * at least is a paragraph (longer than any title), two at least ask (a question mark, a request's
 * verb), no heading above that level comes after the first of them (the prompts are the document's
 * top divisions under its title), and the replies under them outrun them. A copy that kept no heading
 * marks sets the same prompts as bold lines: those that read as requests are a level below every
 * heading's, judged the same way. What stands before the
 * first prompt is the app's or the person's (a title, the app's log lines, a remark) and is a note.
 * When the app sets its own log lines as quotes there (Aider's `> Aider v0.86.1`), its quoted
 * paragraphs inside the replies (`> Tokens: 3.9k sent`, `> Applied edit to q3.py`) are its log too,
 * never the model's words. (A person's marked remarks in the replies are trailing-remarks.ts's.)
 */

/** An ATX heading: its marks and its words. */
const HEADING = /^(#{1,6})[ \t]+(\S.*?)[ \t]*#*[ \t]*$/;
/** The fewest words of a heading that is a paragraph, typed as a request: no section's title runs so long. */
const PARAGRAPH_WORDS = 15;
/** A request in words anywhere in a prompt (`ok give me ...`, `Please redo (c)`). */
const REQUEST = /\b(?:please|can you|could you|redo|solve)\b/i;

interface Heading {
  at: number;
  level: number;
  words: string;
}

/** Whether a heading's words ask something of the model. */
function asks(words: string): boolean {
  return asksSomething(words) || REQUEST.test(words);
}

/** A line set in bold whole: a heading's stand-in where a copy kept no heading marks. */
const BOLD_LINE = /^\*\*([^*\n].*?[^*\n]|[^*\n])\*\*[ \t]*$/;
/** The level a bold line stands at: below every heading's. */
const BOLD = 7;
/** An app's command typed as a prompt (`/run python q3.py`, `/add q3.py`). */
const COMMAND = /^\/[a-z][\w-]*(?:\s|$)/;

/**
 * The headings of a text outside its code and display math; and its bold lines that read as a
 * person's typed request (a paragraph, a question, a request, an app's command), never a reply's
 * own bold titles (`**(a)**`, `**Final answers**`).
 */
function headingsOf(lines: readonly string[]): Heading[] {
  const verbatim = verbatimLines(lines);
  const out: Heading[] = [];
  lines.forEach((l, at) => {
    if (verbatim[at]) return;
    const m = HEADING.exec(l);
    if (m) out.push({ at, level: m[1]!.length, words: m[2]! });
    const b = BOLD_LINE.exec(l);
    if (b && (asks(b[1]!) || COMMAND.test(b[1]!) || b[1]!.split(/\s+/).length >= PARAGRAPH_WORDS)) out.push({ at, level: BOLD, words: b[1]! });
  });
  return out;
}

/** The level whose headings are the person's prompts, or undefined when no level reads so. */
function promptLevel(headings: readonly Heading[]): number | undefined {
  for (let level = 1; level <= BOLD; level++) {
    const at = headings.filter((h) => h.level === level);
    if (at.length < 2) continue;
    if (!at.some((h) => h.words.split(/\s+/).length >= PARAGRAPH_WORDS)) continue;
    if (at.filter((h) => asks(h.words)).length < 2) continue;
    if (headings.some((h) => h.level < level && h.at > at[0]!.at)) continue;
    return level;
  }
  return undefined;
}

/** Whether every line of a paragraph is quoted. */
function allQuoted(paragraph: string): boolean {
  return paragraph.split('\n').every((l) => /^[ \t]*>/.test(l));
}

/** A text's paragraphs outside its code and display math: each one's lines (0-based, from..to). */
function paragraphsOf(lines: readonly string[]): ParagraphRun[] {
  return paragraphRuns(lines, 0, lines.length, verbatimLines(lines));
}

/**
 * A reply (its lines, the first at line `line`, 1-based): with `quotesAreLog`, its quoted paragraphs
 * set apart as the app's notes, the rest the model's (blanked in place, so lines keep their numbers).
 */
function splitReply(lines: string[], line: number, quotesAreLog: boolean, messages: Message[]): void {
  for (const p of quotesAreLog ? paragraphsOf(lines) : []) {
    if (!allQuoted(p.text)) continue;
    messages.push({ role: 'note', text: p.text, line: line + p.from });
    for (let i = p.from; i <= p.to; i++) lines[i] = '';
  }
  pushReply(lines.join('\n'), line, messages);
}

/**
 * A prompt as the person typed it: a heading holds one line, so a request that asks several parts
 * runs their letters into its sentences (`... stride 1. (b) What should c be?`). Each letter after a
 * sentence's end starts a line again, as a typed-out question's parts do, so the part it asks is read.
 */
function typedOut(words: readonly string[]): string {
  return words.join('\n').replace(/([.?!;:])[ \t]+(?=\([a-h]\)[ \t])/g, '$1\n');
}

/** The turns of a chat whose person's prompts are headings of one level, or undefined when the text is not one. */
export function promptHeadingTurns(text: string): Message[] | undefined {
  // (Cheap bail-out: a text with no heading of a paragraph's length is none.)
  if (!/^(?:#{1,6}[ \t]+|\*\*)(?:\S+[ \t]+){14}\S/m.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const headings = headingsOf(lines);
  const level = promptLevel(headings);
  if (level === undefined) return undefined;
  const prompts = headings.filter((h) => h.level === level);
  // A prompt of several lines is several headings in a row, one a line.
  const turns: { at: number; end: number; words: string[] }[] = [];
  for (const h of prompts) {
    const last = turns[turns.length - 1];
    if (last && last.end === h.at) {
      last.words.push(h.words);
      last.end = h.at + 1;
    } else turns.push({ at: h.at, end: h.at + 1, words: [h.words] });
  }
  const replies = turns.map((t, k) => lines.slice(t.end, turns[k + 1]?.at ?? lines.length));
  const size = (s: readonly string[]) => s.reduce((n, x) => n + x.trim().length, 0);
  // The replies answer at some length: a prompt that pastes the problem's statement runs long, and a reply whose
  // person's remarks were taken out (declared-remarks.ts) may be terse, so half the prompts' length is enough.
  if (size(replies.map((r) => r.join('\n'))) * 2 <= size(turns.map((t) => t.words.join('\n')))) return undefined;
  const messages: Message[] = [];
  let quotesAreLog = false;
  for (const p of paragraphsOf(lines.slice(0, turns[0]!.at))) {
    messages.push({ role: 'note', text: p.text, line: p.from + 1 });
    quotesAreLog ||= allQuoted(p.text);
  }
  turns.forEach((t, k) => {
    pushUserTurn(typedOut(t.words), t.at + 1, messages);
    splitReply(replies[k]!, t.end + 1, quotesAreLog, messages);
  });
  return messages;
}
