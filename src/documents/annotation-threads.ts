import { DATE } from './forum-thread.js';
import { pastedAnswer } from './pasted-answers.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';

/**
 * Conversations on a highlighted document copied as text (Perusall's conversations, Hypothesis' threads,
 * Google Docs' and Word's comment threads, Kami's, NB's): each thread opens on the passage it is anchored to
 * (`Page 2 · Highlight: "What learning rate α ...?"`), then its posts, each under its writer's name and time,
 * replies indented, with the page's buttons and counts (`Reply`, `👍 2`) between them. Highlighting a problem
 * set, the passage is a question's, and names the part as its label would (quoted-statements reads it so).
 *
 * Whose words answer it: when people paste a model's replies into the threads (`Copilot: "..."`,
 * `ChatGPT gave:` over a quoted block, `it answered "..."`), the model's words are the answer and every
 * post around them is a remark on them: a peer's `Key says α = √d_out` is the key's value, and a verdict
 * the student's, neither the model's. When no one pastes a model's words, the posts are the people's own
 * answers, in order, a later reply correcting an earlier one. Either way the thread becomes its passage as
 * a quote (`“...”`) over those words, without names, times and buttons, so no post's writer is read as a
 * chat's speaker.
 */

/** A location before a thread's anchor (`Page 2 ·`, `p. 3 —`, `Slide 4 |`). */
const LOCATION = String.raw`(?:(?:page|p\.|pg\.?|slide|seite|página|pagina)[ \t]*\d{1,4}[ \t]*[·•|,:—–-][ \t]*)?`;
/** The word a thread's anchor is introduced by (`Highlight:`, `Quoted text:`, `Comment on`, `Selected text:`). */
const ANCHOR_WORD = String.raw`(?:highlight(?:ed)?(?:[ \t]+(?:text|passage))?|quote[ds]?(?:[ \t]+text)?|selected[ \t]+text|selection|anchor(?:ed)?(?:[ \t]+text)?|annotated(?:[ \t]+text)?|comment(?:ed)?[ \t]+on)`;
/** A thread's first line: its anchor's quoted passage, perhaps after its location and the word that introduces it. */
const ANCHOR = new RegExp(String.raw`^[ \t]*${LOCATION}${ANCHOR_WORD}[ \t]*:?[ \t]*[“"„«‘「](.{12,}?)[”"“»’」][ \t]*$`, 'i');
/** A reply's mark before its writer (`↳ sam.o · ...`). */
const REPLY_MARK = String.raw`(?:[↳↪└>][ \t]*)?`;
/**
 * A post's header: its writer and time, perhaps with a tag the site gives the post (`Ana Ferreira · Oct 16 11:12 PM · Question`),
 * or the time alone under the writer's name on a line of its own (Google Docs' `Oct 18, 2025, 9:02 PM`).
 */
const POST_HEADER = new RegExp(
  String.raw`^[ \t]*${REPLY_MARK}(?:[\p{L}@][\p{L}\p{N}._'’ -]{0,40}?[ \t]*(?:[·•|—–,-][ \t]*)?(?:replied[ \t]+)?)?(?:${DATE})(?:,?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?)?(?:[ \t]*[·•|][ \t]*[\p{L} ]{1,20})?[ \t]*$`,
  'iu',
);
/** A writer's name alone on its line, over the line of its post's time: one to four words, no sentence. */
const WRITER_ALONE = /^[ \t]*(?:[↳↪└>][ \t]*)?[\p{L}@][\p{L}\p{N}._'’-]{0,30}(?:[ \t][\p{L}][\p{L}\p{N}._'’-]{0,30}){0,3}[ \t]*$/u;

/** Whether `lines[i]` heads a post: its writer and time, or the writer's name over the time. */
function headsPost(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return POST_HEADER.test(line) || (WRITER_ALONE.test(line) && lines[i + 1] !== undefined && POST_HEADER.test(lines[i + 1]!));
}

/** A word of a page's buttons and counts between posts (`Reply`, `👍 2`, `3 upvotes`, `Resolve`). */
const FURNITURE_WORD = /^(?:reply|replies|like|likes|upvotes?|resolve|resolved|re-?open|edit|delete|share|report|more|reactions?|\d{1,5})$/i;
/** A rule between threads. */
const RULE = /^[ \t]*[─━—–=_*-]{3,}[ \t]*$/;

/** Whether a line is the page's (its buttons, counts and emoji reactions, a rule, or blank), no one's words. */
function isFurniture(line: string): boolean {
  if (RULE.test(line)) return true;
  return line
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')
    .split(/[ \t·•|]+/)
    .every((w) => !w || FURNITURE_WORD.test(w));
}

/** A line of a post that introduces the model's words under it, naming the model (`Copilot gave a piecewise answer (image not copyable):`). */
const NAMES_MODEL = new RegExp(String.raw`(?:^|[^\p{L}])(?:${ASSISTANT_NAMES})${VERSION}(?![\p{L}])`, 'iu');
/** A quotation a post attributes to the one it answered (`it answered "..."`, `Copilot replied: “...”`). */
const SAID_QUOTE = /\b(?:answered|replied|said|says|wrote|responded|insisted|repeated|gave)[ \t]*:?[ \t]*[“"]([^”"\n]{8,})[”"]/giu;

/** Quotation marks around a pasted passage, opening and closing. */
const QUOTE_OPEN = /^[ \t]*[“"„«]/;
const QUOTE_CLOSE = /[”"“»][ \t]*[.,;]?[ \t]*$/;

/** The passage a quoted block holds, its quotation marks taken off. */
function unquoted(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .join('\n')
    .replace(/^[“"„«]/, '')
    .replace(/[”"“»][ \t]*[.,;]?$/, '')
    .trim();
}

/** The lines of a quoted block opening at `lines[from]`, up to the line its quotation closes on (a block never closed is its line alone). */
function quotedBlock(lines: readonly string[], from: number): readonly string[] {
  if (QUOTE_CLOSE.test(lines[from]!.replace(QUOTE_OPEN, ''))) return [lines[from]!];
  for (let i = from + 1; i < lines.length && i < from + 40; i++) {
    if (headsPost(lines, i)) break;
    if (QUOTE_CLOSE.test(lines[i]!)) return lines.slice(from, i + 1);
  }
  return [lines[from]!];
}

/** The model's words a thread's lines hold (module comment), in order; none when no line pastes them. */
function modelWords(lines: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tagged = pastedAnswer(line);
    if (tagged !== undefined) {
      const body = [tagged, ...lines.slice(i + 1)];
      const block = QUOTE_OPEN.test(tagged) ? quotedBlock(body, 0) : [tagged];
      words.push(unquoted(block));
      i += block.length - 1;
      continue;
    }
    if (/:[ \t]*$/.test(line) && NAMES_MODEL.test(line) && lines[i + 1] !== undefined && QUOTE_OPEN.test(lines[i + 1]!)) {
      const block = quotedBlock(lines, i + 1);
      words.push(unquoted(block));
      i += block.length;
      continue;
    }
    for (const m of line.matchAll(SAID_QUOTE)) words.push(m[1]!.trim());
  }
  return words.filter((w) => w);
}

/** The posts' own words of a thread, a paragraph each: its lines without the writers' headers and the page's buttons. */
function postWords(lines: readonly string[]): string[] {
  return lines
    .map((l, i) => (headsPost(lines, i) || isFurniture(l) ? '' : l.trim()))
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p);
}

/** A sign of mathematics in a post: a relation or an operator, a digit, a symbol's capital letter (not `I`, `A`). */
const MATH_SIGN = /[=<>≤≥√∑∫^×·*/]|\d|\b(?![IA]\b)[A-Z]\b/;
/** A post that only agrees (`+1`, `+1, same here`). */
const AGREES = /^[ \t]*[+]1\b/;

/**
 * The thread's answer among people's posts: the last that states one (it settles the discussion; the posts
 * before it were drafts), no agreement (`agreed, pooling works channel by channel`), nor a question
 * (`so L K?`); all the posts when none does.
 */
function settledAnswer(posts: readonly string[]): string[] {
  const states = (p: string) => MATH_SIGN.test(p) && !AGREES.test(p) && !/\?[ \t]*$/.test(p);
  const last = posts.findLastIndex(states);
  return last < 0 ? [...posts] : [posts[last]!];
}

/**
 * The text with each annotation thread written as its anchor's quote over the words that answer it (module
 * comment); as it is when it holds fewer than two threads anchored to quoted passages.
 */
export function annotationThreadsAsText(text: string): string {
  // (Cheap test first: an anchor's word before a quotation mark.)
  if (!/(?:highlight|quote|select|anchor|annotated|comment)[^\n:]{0,12}:?[ \t]*[“"„«‘「]/i.test(text)) return text;
  const lines = text.split('\n');
  const anchors = lines.flatMap((l, i) => (ANCHOR.test(l) ? [i] : []));
  if (anchors.length < 2) return text;
  const threads = anchors.map((at, k) => ({ passage: ANCHOR.exec(lines[at]!)![1]!, lines: lines.slice(at + 1, anchors[k + 1] ?? lines.length) }));
  // (Threads need writers: a list of quotes with answers under them is the quoted statements' form already, and a
  // chat whose person writes `Quote: "..."` twice is a chat.)
  if (threads.filter((t) => t.lines.some((_, i) => headsPost(t.lines, i))).length * 2 < threads.length) return text;
  const pasted = threads.map((t) => modelWords(t.lines));
  const modelAnswers = pasted.some((w) => w.length);
  const out = lines.slice(0, anchors[0]).filter((l) => !isFurniture(l) || !l.trim());
  for (const [k, t] of threads.entries()) {
    out.push(`“${t.passage}”`, '');
    const words = modelAnswers ? pasted[k]! : settledAnswer(postWords(t.lines));
    for (const w of words) out.push(w, '');
  }
  return out.join('\n');
}
