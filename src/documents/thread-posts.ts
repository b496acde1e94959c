import { isStampedChat } from './stamped-senders.js';

/**
 * A thread copied from a social site's page (Mastodon, Bluesky, X, Threads, LinkedIn): each post opens
 * on the poster's count of the thread (`🧵 1/7`, `2/7`, `(3/7)`, `[4/7]`, `5/`) and sits among the
 * page's furniture: the author's name over their handle (`@dana@sigmoid.social`), the time and client
 * (`Oct 12, 2025, 18:02 · Web · 🌐`, `6:02 PM · Oct 12, 2025`), the counts (`4 boosts · 11 favorites`,
 * `12 likes`) and the buttons (`Reposted`, `Reply`). The count before `Q1(a), ...` hid the label from
 * every reader of labels, and the furniture was read as the last part's words (`11` its answer).
 *
 * A count is a thread's only when the text counts up with it: two posts or more open on one, each of
 * one total (or none), rising. So a date (`10/12 did Q1(a)`) or a fraction (`2/7 of the weights`) at a
 * line's start stays. The count is taken off and the furniture blanked, so lines keep their places.
 */

/** A post's count at a line's start: perhaps the thread's emoji, perhaps brackets; its number and the thread's total. */
const COUNT = /^[ \t]*(?:🧵[ \t]*)?([([]?)(\d{1,2})\/(\d{1,2})?([)\]]?)(?:[ \t]*🧵)?(?:[ \t]+|$)/u;

/** What people count in a post's footer (and the buttons that bear those names). */
const ENGAGEMENT = '(?:boosts?|reblogs?|favou?rites?|faves?|likes?|reposts?|retweets?|quotes?|replies|reply|comments?|views|reactions?|shares?|bookmarks?|impressions)';
/** A line of counts only: `4 boosts · 11 favorites`, `12 likes`, `3 Replies  5 Reposts  20 Likes`, `1.2K views`. */
const COUNTS_LINE = new RegExp(
  String.raw`^[ \t]*(?:[\p{So}\uFE0F\u200D]+[ \t]*)?\d[\d.,]*[KkMm]?[ \t]+${ENGAGEMENT}(?:[ \t]*[·•|,]?[ \t]*(?:[\p{So}\uFE0F\u200D]+[ \t]*)?\d[\d.,]*[KkMm]?[ \t]+${ENGAGEMENT})*[ \t]*$`,
  'iu',
);
/** A post's button, perhaps with its count (`Reply`, `Like · Reply · 4 reactions`). */
const BUTTON = String.raw`(?:like|reply|repost|boost|favou?rite|share|send|comment|quote|bookmark|more|\d[\d.,]*[KkMm]?[ \t]+${ENGAGEMENT})`;
/** A line of a post's buttons or its sharing note: `Reposted`, `Like · Reply · Share`, `Reposted by Lena Park`, `Show this thread`. */
const BUTTONS_LINE = new RegExp(
  String.raw`^[ \t]*(?:(?:[\p{L}][\p{L}.'’ -]{0,40}[ \t]+)?(?:reposted|boosted|retweeted|liked)(?:[ \t]+by[ \t]+[\p{L}][\p{L}.'’ -]{0,40})?|${BUTTON}(?:[ \t]*[·•|]?[ \t]*${BUTTON}){0,6}|show (?:this thread|more)|translate (?:post|toot)|see translation|replying to @\S+(?: and \S+)?)[ \t]*$`,
  'iu',
);
/** A handle on a line of its own, `@dana@sigmoid.social`, `@dana.bsky.social`, perhaps after the name and before the time (`Dana Ito @danaito · 2h`). */
const HANDLE_LINE = /^[ \t]*(?:[\p{L}][\p{L}.'’ -]{0,40}[ \t]+)?@[\w.-]{1,40}(?:@[\w.-]{1,60})?(?:[ \t]*[·•][ \t]*[^·•\s][^·•\n]{0,23})?[ \t]*$/u;
/** A month's name, as a post's date writes it. */
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** A post's time: a date in words or digits, a clock time, or a short age (`2h`, `3d`). */
const WHEN = String.raw`(?:${MONTH}[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+${MONTH}(?:[ \t]+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?|\d{1,2}[smhdw])`;
/**
 * A post's time line: its time, then fields after middle dots or commas, each short and no formula's
 * (`Oct 12, 2025, 18:02 · Web · 🌐`, `6:02 PM · Oct 12, 2025 · 1,234 Views`, `3d • Edited • 🌐`).
 */
const TIME_LINE = new RegExp(String.raw`^[ \t]*${WHEN}(?:[ \t]+at[ \t]+${WHEN})?(?:[ \t]*[,·•][ \t]*(?:${WHEN}|[\p{L}\p{So}\uFE0F][\p{L}\p{N}\p{So}\uFE0F ,.]{0,24}))*[ \t]*$`, 'iu');
/** A line of reactions' faces and their count (`👍❤️ 42`), or of a separator alone (`·`, where a page sets the time apart). */
const REACTIONS_LINE = /^[ \t]*(?:(?:[👍❤👏💡🎉🙌😂😮🤔]\uFE0F?){1,6}[ \t]*\d[\d.,]*[KkMm]?|[·•])[ \t]*$/u;
/** A badge a page sets by a comment's author (`Author`, `OP`). */
const BADGE_LINE = /^[ \t]*(?:author|creator|op)[ \t]*$/i;

/** Cheap test first (every text passes here): a count at a line's start, or a footer's counts. */
const MAY_HAVE = new RegExp(String.raw`^[ \t]*(?:🧵[ \t]*)?[([]?\d{1,2}\/(?:\d{1,2})?[)\]]?[ \t]|^[ \t]*\d[\d.,]*[KkMm]?[ \t]+${ENGAGEMENT}[ \t]*(?:$|[·•|,])`, 'imu');

/**
 * The lines that open on a thread's counts, each with the count's length, when the text counts up with
 * them (see above); else none. Each opens a post (the text's first line, or one after a blank line or
 * the page's furniture), and the text shows itself a page's: by its furniture, the thread's emoji, or
 * counts that go up one by one (`1/4` and `3/4` at two paragraphs' starts are fractions).
 */
function countedLines(lines: readonly string[], furniture: readonly boolean[]): Map<number, number> {
  const found = new Map<number, { n: number; total?: string; length: number; emoji: boolean }>();
  lines.forEach((line, i) => {
    const m = COUNT.exec(line);
    if (!m || (i > 0 && lines[i - 1]!.trim() && !furniture[i - 1])) return;
    // (A bracket opened is closed: `(2/7)`, never `(2/7`.)
    if ((m[1] === '(') === (m[4] === ')') && (m[1] === '[') === (m[4] === ']')) found.set(i, { n: Number(m[2]), ...(m[3] ? { total: m[3] } : {}), length: m[0].length, emoji: m[0].includes('🧵') });
  });
  if (found.size < 2) return new Map();
  const counts = [...found.values()];
  const total = counts[0]!.total;
  const rising = counts.every((c, k) => k === 0 || c.n > counts[k - 1]!.n);
  const oneTotal = counts.every((c) => c.total === total && (total === undefined || c.n <= Number(total)));
  const page = furniture.includes(true) || counts.some((c) => c.emoji) || counts.every((c, k) => k === 0 || c.n === counts[k - 1]!.n + 1);
  return rising && oneTotal && page ? new Map([...found].map(([i, c]) => [i, c.length])) : new Map();
}

/** Whether a line is a post's furniture: a handle, a time line, counts, reactions, buttons or a badge. */
function isFurniture(line: string): boolean {
  if (line.length > 160 || !line.trim()) return false;
  return COUNTS_LINE.test(line) || BUTTONS_LINE.test(line) || HANDLE_LINE.test(line) || TIME_LINE.test(line) || REACTIONS_LINE.test(line) || BADGE_LINE.test(line);
}

/** A reply's opening: the handle it answers (`@dana nice thread!`), or the page's note of it. */
const ADDRESSED = /^[ \t]*@[\w.-]{1,40}(?:@[\w.-]{1,60})?[\s,:]/u;
const REPLYING_TO = /^[ \t]*replying to @/i;

/**
 * Which lines are the page's in a thread's copy: its furniture, and the author's name over a handle
 * (a short line of letters right above it).
 */
function furnitureLines(lines: readonly string[]): boolean[] {
  const furniture = lines.map(isFurniture);
  for (let i = 1; i < lines.length; i++) {
    if (/^[ \t]*@/.test(lines[i]!) && HANDLE_LINE.test(lines[i]!) && /^[ \t]*[\p{L}][\p{L}\p{So}.'’ -]{0,40}$/u.test(lines[i - 1]!)) furniture[i - 1] = true;
  }
  return furniture;
}

/**
 * The posts that reply to someone (they open on the handle they answer, or the page says `Replying to
 * @...` above them): another person's words, or the author's answer to them, never a part's answer.
 * A reply under the post on 2(d) that works out the right value would otherwise be read as 2(d)'s.
 */
function replyLines(lines: readonly string[], furniture: readonly boolean[]): Set<number> {
  const replies = new Set<number>();
  let replying = false;
  let inPost = false;
  let reply = false;
  lines.forEach((line, i) => {
    if (furniture[i]) {
      if (inPost) replying = false;
      inPost = false;
      if (REPLYING_TO.test(line)) replying = true;
      return;
    }
    if (!line.trim()) return;
    if (!inPost) {
      inPost = true;
      reply = replying || ADDRESSED.test(line);
      replying = false;
    }
    if (reply) replies.add(i);
  });
  return replies;
}

/**
 * A text copied from a social site's thread without its posts' counts before their words, without
 * the page's furniture between posts, and without the posts that reply to someone (see above); as
 * it is when it is no such copy: one that neither counts its posts nor has a footer of counts
 * (`5 comments · 2 reposts`, a line no write-up has) shows no page.
 */
export function withoutThreadFurniture(text: string): string {
  if (!MAY_HAVE.test(text)) return text;
  const lines = text.split('\n');
  const furniture = furnitureLines(lines);
  const counted = countedLines(lines, furniture);
  if (!counted.size && !lines.some((l) => COUNTS_LINE.test(l))) return text;
  // (A chat app's channel counts a thread's replies too, `2 replies`, under messages headed by a sender and a
  // time: there a time heads a message and `@hw-helper ...` calls the bot, and the stamped reader reads them.)
  if (!counted.size && isStampedChat(text)) return text;
  const replies = replyLines(lines, furniture);
  return lines
    .map((line, i) => {
      if (furniture[i] || replies.has(i)) return '';
      const count = counted.get(i);
      return count === undefined ? line : line.slice(count);
    })
    .join('\n');
}
