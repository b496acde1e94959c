import { DATE, FURNITURE, STAFF_NAME } from './forum-thread.js';
import { readLineLabel } from './part-ids.js';
import { foldFullWidth } from './full-width.js';

/**
 * A post (a blog's article, a link aggregator's story, a Q&A site's write-up) ends in its readers'
 * comment section: a heading that names it, often with a count (`Comments (2)`, `7 comments`, `댓글 3`,
 * `评论 6`, `コメント 1`, `Комментарии 2`), over comments each headed by its writer's name or handle and
 * a date. What readers write there is theirs, not the post's answer, even when it opens on a part's
 * label (`3-(b) 출력은 y₂(n) = y(n − 5) 이에요!`, `For 4(f) ... g4 = g1`). Only the post's author's own
 * comments are the submission's: the page badges them (`Author`, `作者`, `OP`), or the commenter's name
 * is the one the post's header shows as its writer (its byline, `via mtorvik`, a name over the post's
 * date). A course page's thread under a submission is another thing: there the only people who comment
 * are the course's staff and the submission's writer, so where a commenter is named as staff the
 * section is left to the forum reader, which drops the staff's hints and keeps the writer's words.
 */

/** The heading of a comment section, perhaps with its count (`共 7 条评论`, "7 comments in all"), in the languages pages are read in. */
const COMMENTS_TITLE =
  /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?[ \t]*(?:共[ \t]*)?(?:\d{1,5}[ \t]*(?:件の|개의|条)?[ \t]*)?(?:(?:top|all|latest|newest|reader|readers'?)[ \t]+)?(?:comments?|responses?|discussion|コメント(?:一覧)?|комментари[йияев]{0,2}|全部评论|评论|評論|留言|댓글|kommentare|commentaires|comentarios|comentários|commenti|yorumlar|reacties)[ \t]*(?:[(（]?[ \t]*\d{1,5}[ \t]*[)）]?)?[ \t]*(?:件|개|条)?(?:\*\*)?[ \t]*$/imu;

/** A date as pages stamp a comment with it, besides a forum's (`2025-10-16 09:40`, `2025.11.03`, `2025. 11. 4. 09:12`, `2025年10月16日`, `15 окт 2025`). */
const COMMENT_DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{4}[-/.][ \t]?\d{1,2}[-/.][ \t]?\d{1,2}\.?(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}[ \t]+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*\.?[ \t]+\d{4}(?:[ \t]+в[ \t]+\d{1,2}:\d{2})?|${DATE})(?![\p{L}\p{N}])`,
  'iu',
);

/** The badges a page sets by a commenter's name when they wrote the post, in the languages pages are read in. */
const BADGE_WORDS = 'author|op|original poster|creator|作者|博主|楼主|著者|投稿者|글쓴이|작성자|블로그 주인|автор|autor|auteur|autore';
/** Such a badge among a header's words (`(Author)`, `· 作者`). */
const AUTHOR_BADGE = new RegExp(String.raw`(?:^|[\s(（[【·•|])(?:${BADGE_WORDS})(?=$|[\s)）\]】·•|])`, 'iu');
/** Such a badge on a line of its own. */
const BADGE_ALONE = new RegExp(String.raw`^[ \t]*(?:${BADGE_WORDS})[ \t]*$`, 'iu');

/** A reply set on one line under the comment it answers (CSDN's `name 回复 other：...`): its writer, and where its words start. */
const INLINE_REPLY = /^[ \t]*([^\s:：]{2,30})[ \t]+(?:回复|回覆|답글|返信|replied to|ответил[аи]?)[ \t]+[^:：\n]{1,40}[:：][ \t]*/iu;

/** A vote's arrows and count before a commenter's name (`▲ 6 ▼`, `+3`), and the words and marks around a name. */
const VOTES = /^[ \t]*(?:[▲△⇧↑][ \t]*[+-]?\d{0,5}[ \t]*[▼▽⇩↓]?|[+-]\d{1,5})[ \t]+/u;
const NAME_DECOR = /\*\*|__|\[|\]\([^)]*\)|[(（][^)）]{0,20}[)）]|^[ \t]*(?:via|by|von|par|por|da)[ \t]+|@|[·•|—–:,][ \t]*$|^[ \t]*[·•|—–][ \t]*/giu;

/** A line of a comment's buttons and counts (`답글`, `❤️ 4 · Reply`, `+1`, `Like · Reply`, `Ответить`): the page's. */
const BUTTON_FILL = String.raw`(?:\p{So}\uFE0F?|[\dKkMm+·•|.,\t -])*`;
const BUTTONS = new RegExp(
  String.raw`^[ \t]*(?:${BUTTON_FILL}(?:reply|like|share|report|flag|link|답글|공감|신고|回复|点赞|赞|举报|返信|いいね|ответить|нравится|展开[ \t]*\d{1,4}[ \t]*条回复))+${BUTTON_FILL}$|^[ \t]*[+-]?\d{1,5}[ \t]*$`,
  'iu',
);

/** What a name never holds: math, a sentence's stop at its end. */
// (An initial's point ends a name, `Elena K.`: no sentence's stop.)
const NOT_A_NAME = /[$=\\{}^]|(?:[。!?！？:：]|(?<!(?:^|\s)\p{Lu})\.)[ \t]*$/u;

/** A name as it may stand in a comment's header: a few short words. */
function asName(raw: string): string | undefined {
  let name = raw;
  for (let k = 0; k < 3; k++) name = name.replace(VOTES, '').replace(NAME_DECOR, '').trim();
  name = name.replace(AUTHOR_BADGE, '').trim();
  if (name.length < 2 || name.length > 40 || NOT_A_NAME.test(name) || name.split(/\s+/).length > 4 || /^\d+$/.test(name)) return undefined;
  return name;
}

/** One comment: who wrote it, whether the page badges them as the post's author, and where its words are. */
interface Comment {
  name: string;
  badged: boolean;
  /** The line its words start on, and (for a reply on one line) the column they start at there. */
  body: number;
  column: number;
  /** The line its header starts on. */
  start: number;
}

/**
 * The comment whose header stands on line `i` (its date on the line, its writer's name before the date or
 * on the line above, in the same paragraph), or undefined when line `i` heads none.
 */
function commentAt(lines: readonly string[], i: number): Comment | undefined {
  const line = lines[i]!;
  if (line.length > 100) return undefined;
  const reply = INLINE_REPLY.exec(line);
  if (reply) {
    const name = asName(reply[1]!);
    return name ? { name, badged: false, body: i, column: reply[0].length, start: i } : undefined;
  }
  const date = COMMENT_DATE.exec(line);
  if (!date) return undefined;
  const after = line.slice(date.index + date[0].length);
  if (after.length > 30 || NOT_A_NAME.test(after)) return undefined;
  const before = line.slice(0, date.index);
  const badged = AUTHOR_BADGE.test(before) || AUTHOR_BADGE.test(after);
  if (before.replace(NAME_DECOR, '').trim()) {
    const name = asName(before);
    return name ? { name, badged, body: i + 1, column: 0, start: i } : undefined;
  }
  // (The date alone: the name stands above it.)
  return dateAlone(lines, i, badged);
}

/** An avatar's picture as a page copy keeps it (`![](https://.../avatar.jpeg)`): a header's line, no name. */
const PICTURE = /^[ \t]*!\[[^\]\n]{0,80}\]\([^)\n]*\)[ \t]*$/;

/**
 * The comment a date alone on line `i` stamps: its writer's name stands above it, in the same paragraph or
 * the one before it (Medium sets a blank line between), perhaps with their avatar's picture and a badge; a
 * header's block is short, so more than three lines above is someone's words, no header.
 */
function dateAlone(lines: readonly string[], i: number, badgedAfter: boolean): Comment | undefined {
  let j = i - 1;
  if (j >= 0 && !lines[j]!.trim()) j--;
  const block: number[] = [];
  for (; j >= 0 && lines[j]!.trim(); j--) block.push(j);
  if (!block.length || block.length > 4) return undefined;
  // (dev.to sets the name twice, its avatar's and its link's, and a dot apart.)
  const named = block.filter((k) => !PICTURE.test(lines[k]!) && !BADGE_ALONE.test(lines[k]!) && !/^[ \t]*[·•|][ \t]*$/.test(lines[k]!));
  if (new Set(named.map((k) => lines[k]!.trim())).size !== 1) return undefined;
  const name = asName(lines[named[0]!]!);
  const badged = badgedAfter || block.some((k) => AUTHOR_BADGE.test(lines[k]!));
  return name ? { name, badged, body: i + 1, column: 0, start: block[block.length - 1]! } : undefined;
}

/**
 * A comment's date under its words, perhaps with where it was written (Xiaohongshu's and Douyin's `11-02 加利福尼亚`,
 * `昨天 21:40`, `3天前 上海`, Zhihu's `2025-11-05 · 上海`): such apps set the writer's name over the words and the date below them.
 */
const FOOTER_DATE = new RegExp(
  String.raw`^[ \t]*(?:\d{1,2}-\d{1,2}(?:[ \t]+\d{1,2}:\d{2})?|(?:今天|昨天|前天)[ \t]*\d{1,2}:\d{2}|\d{1,2}[ \t]*(?:分钟|小时|天|周)前|${COMMENT_DATE.source})(?:[ \t]*[·•])?(?:[ \t]+[^\s\d·•][^\s]{0,11})?[ \t]*$`,
  'iu',
);

/**
 * The comments under a heading on line `title` whose dates stand under their words (FOOTER_DATE): each is the
 * name on its first line, its words down to the date, then the page's buttons (`赞 12`, `回复`).
 */
function commentsOverFooters(lines: readonly string[], title: number): Comment[] {
  const out: Comment[] = [];
  let start = title + 1;
  for (let i = title + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 40 || !FOOTER_DATE.test(line)) continue;
    let first = start;
    while (first < i && (!lines[first]!.trim() || BUTTONS.test(lines[first]!) || FURNITURE.test(lines[first]!))) first++;
    const raw = lines[first] ?? '';
    const name = first < i - 1 ? asName(raw) : undefined;
    if (name) out.push({ name, badged: AUTHOR_BADGE.test(raw), body: first + 1, column: 0, start: first });
    start = i + 1;
  }
  return out;
}

/** The comments under a heading on line `title`, in order: headed by their writers and dates, or else dated under their words. */
function commentsUnder(lines: readonly string[], title: number): Comment[] {
  const out: Comment[] = [];
  for (let i = title + 1; i < lines.length; i++) {
    const c = commentAt(lines, i);
    if (c && c.start > (out[out.length - 1]?.body ?? title)) out.push(c);
  }
  return out.length ? out : commentsOverFooters(lines, title);
}

/** Whether a commenter's name is one the post's header shows (its byline): the post's author. */
function namedInHeader(name: string, header: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])@?${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(header);
}

/**
 * A post read without its readers' comments (see above): from the comment section's heading on, only the
 * author's comments stay, without their headers and the page's buttons; lines keep their places. As it is
 * when it has no such section under labelled answers, or when the section is a course page's thread.
 */
export function withoutReadersComments(text: string): string {
  if (!COMMENTS_TITLE.test(text)) return text;
  const lines = text.split('\n');
  // (Read as the label passes later fold them: `【第 2 题 (c)】` is a label, though not yet in the words they know.)
  const firstLabel = lines.findIndex((l) => !!readLineLabel(foldFullWidth(l))?.part);
  if (firstLabel < 0) return text;
  for (let t = firstLabel + 1; t < lines.length; t++) {
    if (!COMMENTS_TITLE.test(lines[t]!)) continue;
    const comments = commentsUnder(lines, t);
    // (A heading alone could be a write-up's own `Discussion`: the page's shows a commenter's header soon under it,
    // and, without a count, its buttons or several commenters.)
    const soon = lines.slice(t + 1, (comments[0]?.start ?? t) + 1).filter((l) => l.trim()).length <= 10;
    if (!comments.length || !soon) continue;
    const buttons = lines.slice(t + 1).some((l) => l.trim() && (FURNITURE.test(l) || BUTTONS.test(l)));
    if (!/\d/.test(lines[t]!) && !buttons && new Set(comments.map((c) => c.name)).size < 2) continue;
    const staff = new Set([...text.matchAll(STAFF_NAME)].map((m) => m[1]!.toLowerCase()));
    if (comments.some((c) => staff.has(c.name.toLowerCase()))) return text;
    const header = lines.slice(0, firstLabel).join('\n');
    const read = lines.map((l, i) => (i < t ? l : ''));
    for (const [k, c] of comments.entries()) {
      if (!c.badged && !namedInHeader(c.name, header)) continue;
      const end = comments[k + 1]?.start ?? lines.length;
      for (let i = c.body; i < end; i++) {
        const words = i === c.body ? lines[i]!.slice(c.column) : lines[i]!;
        read[i] = FURNITURE.test(words) || BUTTONS.test(words) ? '' : words;
      }
    }
    return read.join('\n');
  }
  return text;
}
