import type { Key } from '../model/key.js';
import { readLineLabel } from './part-ids.js';

/**
 * A forum thread copied as text (XenForo's and vBulletin's `name` / `Oct 9, 2025` / `#4` headers,
 * Discourse's `name` over a date, or its raw topic's `name | 2025-10-12 21:44:01 UTC | #1` with a rule
 * of dashes after each post, Reddit's `u/name · 3h`) is one person's question and everyone's
 * replies. Only the thread starter's posts are their answers: a helper's hint or a mentor's worked
 * line is someone else's, and read as the starter's it joins the part the starter last named. So
 * the thread is read as the starter's posts alone, in order, a rule between them, without the
 * site's furniture (`Reply`, `Report`, `Like`). A later post that comes back to a part whose
 * subparts are numbered in Roman (`Corrected: $$y_{(i)} = ...$$ and then (ii): ...`) answers
 * that part again: each such subpart is headed by the full label of the part the writer last
 * named with it, so it is not read as the last label's (the new post has no label of its own).
 */

/** A unit of a relative age in the languages sites are read in (`giorni`, `horas`, `heures`, `Stunden`). */
const AGE_UNIT =
  '(?:giorn[oi]|or[ae]|minut[oi]|settiman[ae]|mes[ei]|ann[oi]|d[ií]as?|horas?|minutos?|semanas?|meses|años?|jours?|heures?|minutes?|semaines?|mois|ans?|Tagen?|Stunden?|Minuten?|Wochen?|Monaten?|Jahren?|h|min)';
/** A relative age as other languages write it, before or after its number (`1 giorno fa`, `hace 5 horas`, `il y a 2 jours`, `vor 3 Stunden`, `há 2 dias`). */
const FOREIGN_AGE = String.raw`\d{1,3}\s*${AGE_UNIT}\s+fa|(?:hace|il y a|vor|há)\s+\d{1,3}\s*${AGE_UNIT}`;
/** A month's name in the languages forums are read in, in the case a date puts it (`novembre`, `noviembre`, `November`, `novembro`, `ноября`). */
const FOREIGN_MONTH =
  '(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|januar|februar|m[äa]rz|april|juni|juli|august|oktober|dezember|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
/**
 * A post's date as forums in other languages stamp it: the year first in digits (`2025/11/13 23:41`,
 * `2025年11月13日 23:41`, `2025. 11. 13. 23:41`), the day first (`13.11.2025, 23:41`, `13/11/2025`), or the
 * month in words (`14 novembre 2025 à 18:02`, `14 de noviembre de 2025`, `14. November 2025 um 18:02`, `14 ноября 2025 в 18:02`).
 */
const FOREIGN_DATE = String.raw`(?:\d{4}(?:[/.][ \t]?\d{1,2}[/.][ \t]?\d{1,2}\.?|年\d{1,2}月\d{1,2}日)(?:[ \t]*[(（][^)）\n]{1,4}[)）])?|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\.?[ \t]+(?:de[ \t]+)?${FOREIGN_MONTH}\.?[ \t]+(?:de[ \t]+)?\d{4})(?:,?[ \t]+(?:(?:à|a las|um|às|alle|в|at)[ \t]+)?\d{1,2}[:h]\d{2}(?::\d{2})?)?`;
/** A month's name or a relative age, the sign of a header's date (`Oct 9, 2025`, `3 hr. ago`, `2h`, `1 giorno fa`, `14 novembre 2025 à 18:02`). */
export const DATE = String.raw`(?:${FOREIGN_AGE}|${FOREIGN_DATE}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[AaPp][Mm])?)?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,3}\s*(?:m|h|d|w|mo|y|min|hr|hrs|hours?|days?|weeks?|months?|years?)\.?\s+ago|\d{1,3}(?:m|h|d|w|mo|y))`;
/** A post's number (`#4`), alone or after its date, the last line of a XenForo or vBulletin header. */
const POST_NUMBER = new RegExp(String.raw`^[ \t]*(?:${DATE}[ \t]*[·•]?[ \t]*)?#\d{1,4}[ \t]*$`, 'i');
/** A date alone on its line, the last line of a header with no post number (Discourse, phpBB's copy). */
const DATE_ONLY = new RegExp(String.raw`^[ \t]*(?:(?:posted|replied|edited|updated|answered)\s+)?${DATE}[ \t]*$`, 'i');
/** A handle or a short name alone on its line: a header's first line (a Q&A site may mask part of it, `dai*****さん`). */
const AUTHOR = /^[ \t]*(?:u\/)?([\p{L}\p{N}_][\p{L}\p{N}_.*-]{1,30}(?:@[\p{L}\p{N}][\p{L}\p{N}.-]{1,60}|(?:[ \t][\p{L}\p{N}_.-]{1,20}){0,2}))[ \t]*$/u;
/** Reddit's and Lemmy's one-line header: the author, a dot, the post's age (`Posted by u/name · 3h`, `name · 2 hr. ago`). */
const ONE_LINE_HEADER = new RegExp(String.raw`^[ \t]*(?:Posted by\s+)?(?:u\/)?([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,30})(?:[ \t]+OP)?[ \t]*[·•][ \t]*${DATE}[ \t]*$`, 'iu');
/**
 * A reply's one-line header as Q&A sites in other languages set it: the (perhaps masked) name, then the full
 * date and time (`dai*****さん 2025/11/14 09:15`, `Lukas_M 14.11.2025, 21:03`).
 */
const NAME_DATE_HEADER = new RegExp(String.raw`^[ \t]*([\p{L}\p{N}_][\p{L}\p{N}_.*-]{1,30})[ \t]+${FOREIGN_DATE}[ \t]*$`, 'u');
/** A raw topic's one-line header, Discourse's `/raw/` text: the author, the date and time, the post's number, between bars. */
const RAW_TOPIC_HEADER =
  /^[ \t]*([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,30})[ \t]+\|[ \t]+\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:UTC|GMT|Z|[+-]\d{2}:?\d{2}))?[ \t]+\|[ \t]+#\d{1,5}[ \t]*$/u;
/**
 * A code host's one-line header of a comment (GitHub's issues and gists, GitLab): the author, the verb, the
 * date (`hk-lau commented 2 days ago`, `dana commented on Oct 12, 2025`, `... • edited`).
 */
const COMMENTED_HEADER = new RegExp(
  String.raw`^[ \t]*([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,38})[ \t]+(?:commented|replied|answered)(?:[ \t]+on)?[ \t]+${DATE}(?:[ \t]*[·•]?[ \t]*\(?edited\)?)?[ \t]*$`,
  'iu',
);
/**
 * What a page copy keeps of the picture above a post's header: its alt text (Quora's `Profile photo for Nadia
 * Farouk`, `dana's avatar`) or the handle it links to (GitHub's `@hk-lau`). No one's words.
 */
const AVATAR =
  /^[ \t]*(?:(?:profile[ \t]+(?:photo|picture|image)|avatar)(?:[ \t]+(?:for|of))?[ \t]+\S[^\n]{0,60}|\S[^\n]{0,60}?(?:'s|’s)[ \t]+(?:avatar|profile[ \t]+(?:photo|picture|image))|@[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,38})[ \t]*$/iu;
/** A code host's badge of a commenter's role beside their name (`Owner`, `Member`, `Contributor`): the page's. */
const ROLE_BADGE = /^[ \t]*(?:owner|member|contributor|collaborator|maintainer)[ \t]*$/i;
/** Tumblr's one-line header of a reblog's words: who reblogged it, from whom, and that they wrote something (`sam reblogged this from dana and added:`). */
const REBLOG_HEADER = /^[ \t]*([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,30})[ \t]+reblogged this from[ \t]+[\p{L}\p{N}_][\p{L}\p{N}_.-]{1,30}[ \t]+and added:?[ \t]*$/iu;
/** The rule of dashes a raw topic sets after each post: the page's, no one's words. */
const POST_RULE = /^[ \t]*-{10,}[ \t]*$/;
/** Who started the thread, where the site says so above the first post. */
const STARTER = /^[ \t]*(?:Thread starter|Original Poster|Posted by|Started by)[ \t:]+(?:u\/)?([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,30})/imu;
/**
 * A post's own line saying who posted it, as Lemmy and old Reddit write it in their languages (`submitted 2 days
 * ago by marco_t@feddit.it to ...`, `inviato 2 giorni fa da ...`, `publicado hace 5 horas por ...`).
 */
const POSTED_BY =
  /^[ \t]*(?:submitted|posted|inviato|pubblicato|enviado|publicado|envoyé|publié|gepostet|eingereicht)\b[^\n]{0,40}?[ \t](?:by|da|por|par|von)[ \t]+(?:u\/|@)?([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,30}(?:@[\p{L}\p{N}][\p{L}\p{N}.-]{1,60})?)/imu;
/**
 * The buttons under a post in the languages forums are read in, perhaps with their counts (`ナイス！ 3`, `違反報告`,
 * `返信（1件）`, `Répondre`, `Citer`, `Zitieren`, `Melden`, `Responder`, `Ответить`, `回复`, `举报`, `답글`, `신고`).
 */
const FOREIGN_BUTTONS = String.raw`(?:ナイス|違反報告|返信|共感した|いいね|通報|répondre|citer|signaler|j'aime|antworten|zitieren|melden|gefällt mir|responder|citar|denunciar|me gusta|rispondi|cita|segnala|ответить|цитировать|пожаловаться|нравится|回复|回覆|举报|点赞|赞同|답글|신고|공감)[ \t]*[!！]?[ \t]*(?:\d{1,5}|[(（][ \t]*\d{1,5}[ \t]*件?[)）])?`;
/** A line of the site's buttons and counts under a post: no one's words. */
export const FURNITURE = new RegExp(
  String.raw`^[ \t]*(?:(?:Reply|Report|Like|Likes|Quote|Share|Save|Upvote|Downvote|Vote|Award|Follow|Permalink|Edit|Flag|View upvotes|View (?:\d{1,5} )?shares?|Add a comment(?:\.{3}|…)?|\d[\d.,]{0,6}[KkMm]?\s+(?:Likes?|Replies|Reply|points?|upvotes?|comments?|views|shares?)|${FOREIGN_BUTTONS})[ \t]*[·•|]?[ \t]*)+$`,
  'i',
);
/** A dot alone, where a page sets a header's or a footer's fields apart. */
const SEPARATOR_LINE = /^[ \t]*[·•][ \t]*$/;
/** A count alone on its line (`41`, `1.2K`): among a footer's buttons, the number beside one. */
const BARE_COUNT = /^[ \t]*\d[\d.,]{0,6}[KkMm]?[ \t]*$/;

/**
 * A post's lines without the site's furniture: its buttons and counts (FURNITURE), a separating dot, and
 * a bare count next to either (Quora's `Upvote ·` / `41` / `2` / `Share` / `3`), which alone could be any
 * line's number.
 */
function withoutFurniture(body: readonly string[]): string[] {
  const page = body.map((l) => FURNITURE.test(l) || SEPARATOR_LINE.test(l));
  // (A run of counts is the page's when a button or a dot stands at either end of it.)
  for (let i = 0; i < body.length; i++) {
    if (page[i] || !BARE_COUNT.test(body[i]!)) continue;
    let end = i;
    while (end + 1 < body.length && BARE_COUNT.test(body[end + 1]!)) end++;
    if (page[i - 1] || page[end + 1]) for (let j = i; j <= end; j++) page[j] = true;
    i = end;
  }
  return body.filter((_, i) => !page[i]);
}
/**
 * A post's attribution of the earlier post it quotes, in the languages forums write it (`Julien_M a dit :`,
 * `Lukas schrieb:`, `Zitat von Lukas:`, `dana wrote:`, `marta escribió:`, `Цитата (Иван):`, `Иван написал:`, `小王 写道：`).
 * Groups: the quoted poster's name.
 */
const QUOTE_ATTRIBUTION =
  /^[ \t]*(?:(?:Zitat von|Цитата|Citation de|Cita de|Citação de)[ \t]*[(:]?[ \t]*([\p{L}\p{N}_][\p{L}\p{N}_.*-]{1,30})\)?|([\p{L}\p{N}_][\p{L}\p{N}_.*-]{1,30})[ \t]+(?:a dit|a écrit|schrieb|wrote|said|escribió|dijo|disse|escreveu|ha scritto|scrive|написал[аи]?|пишет|сказал[аи]?|写道|寫道|说|說))[ \t]*[:：]?[ \t]*$/iu;
/** A line of a quote a post sets off from its own words. */
const QUOTED_LINE = /^[ \t]*>/;

/**
 * A post's lines without the earlier posts it quotes: an attribution (QUOTE_ATTRIBUTION) and the `>` lines
 * under it repeat someone else's words, or the poster's own earlier ones, which are read where they were first written.
 */
function withoutQuotes(body: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (!QUOTE_ATTRIBUTION.test(body[i]!) || !QUOTED_LINE.test(body[i + 1] ?? '')) {
      out.push(body[i]!);
      continue;
    }
    while (QUOTED_LINE.test(body[i + 1] ?? '')) i++;
  }
  return out;
}

/** A date alone on its line, or a name and a date as other languages write it: the headers ANY_HEADER finds with no HEADER_SIGN. */
const DATE_LINE = String.raw`^[ \t]*(?:(?:updated|answered)[ \t]+)?${DATE}[ \t]*$|^[ \t]*[\p{L}\p{N}_][\p{L}\p{N}_.*-]{1,30}[ \t]+${FOREIGN_DATE}[ \t]*$`;

/** The cheap test: a post number alone or after a date, a date alone, a one-line header, or a starter named, somewhere in the text. */
const ANY_HEADER = new RegExp(
  // (Every alternative but DATE_LINE's holds a HEADER_SIGN.)
  String.raw`^[ \t]*(?:${DATE}[ \t]*[·•]?[ \t]*)?#\d{1,4}[ \t]*$|\|[ \t]+#\d{1,5}[ \t]*$|\b(?:commented|replied|answered)(?:[ \t]+on)?[ \t]+${DATE}[ \t]*$|[·•][ \t]*${DATE}[ \t]*$|^[ \t]*(?:Thread starter|Original Poster|Started by)\b|reblogged this from\b|${DATE_LINE}`,
  'imu',
);

/**
 * What ANY_HEADER's alternatives other than DATE_LINE's hold (a post's `#4`, a middle dot, a site's words),
 * with its flags. Every text is tested, most have none of them, and the whole pattern tried from each
 * of a write-up's characters was the dearest test of reading it: without a sign only DATE_LINE is tried.
 */
const HEADER_SIGN = /#\d|[·•]|commented|replied|answered|thread starter|original poster|started by|reblogged this from/iu;
const DATE_LINE_ONLY = new RegExp(DATE_LINE, 'imu');
const mayHaveHeader = (text: string): boolean => (HEADER_SIGN.test(text) ? ANY_HEADER : DATE_LINE_ONLY).test(text);

/** One post: its author, the line its header starts on (its avatar's, if any), the line its body starts on, and whether the header is a site's one-line header. */
interface PostHeader {
  author: string;
  start: number;
  body: number;
  oneLine?: boolean;
  /** A name and a date on one line (NAME_DATE_HEADER): a chat app heads its messages so too, so it shows no forum by itself. */
  dated?: boolean;
}

/**
 * Where a header whose name stands on line `i` starts: above it, perhaps the commenter's badges (`Author`,
 * `Owner`) and their avatar's words (AVATAR); the header opens a paragraph, so a blank line (or the text's
 * start) is above that. Undefined when it opens none.
 */
function headerTop(lines: readonly string[], i: number): number | undefined {
  let top = i;
  while (top > 0 && top > i - 3 && (AUTHOR_BADGE.test(lines[top - 1]!) || ROLE_BADGE.test(lines[top - 1]!))) top--;
  if (top > 0 && AVATAR.test(lines[top - 1]!)) top--;
  // (Or the buttons of the post before, `返信（1件）`, right above a reply's header.)
  return top === 0 || !lines[top - 1]!.trim() || FURNITURE.test(lines[top - 1]!) ? top : undefined;
}

/**
 * A member's headline under their name, longer than a title (`EECS @ UC Berkeley | ML Systems | prev. intern`):
 * no sentence (it ends on no stop) and no formula.
 */
const PROFILE_LINE = /^[^=\n]{41,100}(?<![.!?:;])$/;

/**
 * The posts' headers: a name after a blank line, over at most a few short lines (a member's title,
 * `Joined`, a count of messages), ending in a date or a post number; or a one-line header.
 */
function headersOf(lines: readonly string[]): PostHeader[] {
  const out: PostHeader[] = [];
  for (let i = 0; i < lines.length; i++) {
    const top = headerTop(lines, i);
    if (top === undefined) continue;
    const known = ONE_LINE_HEADER.exec(lines[i]!) ?? RAW_TOPIC_HEADER.exec(lines[i]!) ?? REBLOG_HEADER.exec(lines[i]!) ?? COMMENTED_HEADER.exec(lines[i]!);
    const dated = known ? null : NAME_DATE_HEADER.exec(lines[i]!);
    const one = known ?? dated;
    if (one) {
      out.push({ author: one[1]!, start: top, body: i + 1, oneLine: true, ...(one === dated ? { dated: true } : {}) });
      continue;
    }
    const name = AUTHOR.exec(lines[i]!);
    if (!name || FURNITURE.test(lines[i]!)) continue;
    // (A header's lines are short, or a member's headline; a comment's words may run long only above a footer.)
    let long = false;
    for (let j = i + 1; j < Math.min(lines.length, i + 8) && lines[j]!.trim(); j++) {
      if (!POST_NUMBER.test(lines[j]!) && !DATE_ONLY.test(lines[j]!)) {
        long ||= lines[j]!.length > 40 && !PROFILE_LINE.test(lines[j]!);
        continue;
      }
      // (A date over a post number: the number is the header's last line.)
      const last = j + 1 < lines.length && POST_NUMBER.test(lines[j + 1]!) ? j + 1 : j;
      // (A date over the buttons, `2w` / `Like` / `Reply`: Facebook's footer under a comment's words, which follow the name.)
      const footer = last === j && !!lines[j + 1]?.trim() && FURNITURE.test(lines[j + 1]!);
      if (long && !footer) break;
      out.push({ author: name[1]!.replace(/^u\//, ''), start: top, body: footer ? i + 1 : last + 1 });
      i = last;
      break;
    }
  }
  return out;
}

/** A part named in full: its question's number and letter, perhaps a numeral (`3(d)(i)`, `3d`, `Q3(d)`). */
const NAMED_PART = /(?<![\w.])(?:Q|Problem\s*|Question\s*)?(\d{1,2})\s*(?:\.\s*|\(\s*)?([a-h])(?:\s*\))?(?![a-z])/gi;
/** A subpart named by a display's subscript (`y_{(ii)} =`) or opening a line, perhaps after a connective (`and then (ii)`). */
const SUBPART_LINE = /^[ \t]*(?:(?:and\s+)?(?:then|now|also|for|and)\s+)?\(([ivx]{1,4})\)|_\{?\(([ivx]{1,4})\)\}?\s*=/i;
/** A part named in full with perhaps its Roman subpart (`3(d)(ii)`, `4c`), in running text. */
const PART_IN_TEXT = /(?<![\w.(])(?:Q|Problem\s*|Question\s*)?(\d{1,2})\s*(?:\.\s*|\(\s*)?([a-h])(?:\s*\))?(?:\s*(?:\.\s*|\(\s*)([ivx]{1,4})(?:\s*\))?)?(?![\w])/gi;
/** A line that opens with a part named in full: the readers after this take it as a label already. */
const LABELLED_LINE = /^[ \t]*(?:\*\*)?(?:Q|Problem\s*|Question\s*)?\d{1,2}\s*(?:\.\s*|\(\s*)?[a-h]\b/i;
/** A display on a line, or opening the next: what a later post's named part answers with. */
const DISPLAY = /\$\$|\\\[|\\begin\{/;

/**
 * A later post's answers headed by the part they are of. A post opens with no label, so a part it
 * comes back to must be named: in running text over a display (`So 4(c) is` / `$$...$$`), or by a
 * Roman subpart (`and then (ii):` over a display, `$$y_{(ii)} = ...$$`), which is of the last part
 * the writer named that has it, else of the key's only such part. Anything else (a numbered list of
 * prose, a part named in a sentence with no display under it) stays as it is.
 */
function revisitsHeaded(post: readonly string[], namedBefore: string, key: Key): string[] {
  const out: string[] = [];
  let named = namedBefore;
  for (let i = 0; i < post.length; i++) {
    const line = post[i]!;
    const display = DISPLAY.test(line) || /^[ \t]*(?:\$\$|\\\[)/.test(post[i + 1] ?? '');
    if (display && !LABELLED_LINE.test(line)) {
      const parts = new Set([...line.matchAll(PART_IN_TEXT)].map((m) => `${m[1]}(${m[2]!.toLowerCase()})${m[3] ? `(${m[3].toLowerCase()})` : ''}`));
      const m = SUBPART_LINE.exec(line);
      const sub = (m?.[1] ?? m?.[2])?.toLowerCase();
      const part = parts.size === 1 ? [...parts][0] : !parts.size && sub ? partWithSubpart(sub, named, key) : undefined;
      if (part) out.push(`**${part}**`);
    }
    out.push(line);
    named += `\n${line}`;
  }
  return out;
}

/** `3(d)(ii)`: the label of the last part named in `text` that has Roman subpart `sub` in the key, else of the key's only one. */
function partWithSubpart(sub: string, text: string, key: Key): string | undefined {
  const owners = key.parts.map((p) => p.id.split('.')).filter((id) => id.length === 3 && id[2] === sub);
  if (!owners.length) return undefined;
  let owner: string[] | undefined;
  for (const m of text.matchAll(NAMED_PART)) {
    const found = owners.find((id) => id[0] === m[1] && id[1] === m[2]!.toLowerCase());
    if (found) owner = found;
  }
  owner ??= owners.length === 1 ? owners[0] : undefined;
  return owner && `${owner[0]}(${owner[1]})(${owner[2]})`;
}

/** A name the page tags as course staff (`Wen Li (GSI)`, `A. Moreau · Instructor`, `Sam Ortiz, TA`): who grades, never who answers. */
export const STAFF_NAME =
  /([\p{Lu}][\p{L}.'’-]*(?:[ \t]+[\p{Lu}][\p{L}.'’-]*){0,2})[ \t]*(?:\(|\[|,|·|•|[—–-])[ \t]*(?:GSI|TA|UGSI|uGSI|Teacher|Instructor|Professor|Prof\.?|Lecturer|Grader|Tutor|Teaching Assistant|Course Staff)\b/gu;

/** A comment's sentence that opens on a part named in full and a colon, after a short lead (`Thanks! 4(c): ...`): groups the lead and the rest. */
const NAMED_AFTER_LEAD = /^([^\n]{1,40}?[.!?])[ \t]+((?:Q|Problem[ \t]*|Question[ \t]*)?\d{1,2}[ \t]*(?:\([ \t]*[a-h][ \t]*\)|\.?[a-h])[ \t]*:[ \t]+\S.*)$/i;

/** A badge a page sets under a commenter's name when they wrote the post (`Author`, `OP`, `Original poster`). */
const AUTHOR_BADGE = /^[ \t]*(?:author|op|original poster|creator)[ \t]*$/i;

/**
 * Who wrote the post the comments are under, when the page shows it: the commenter the page badges as
 * the post's author (`Author`, `OP`), else the commenter whose name stands alone on a line of the post's
 * own header, above its first answer (LinkedIn's `Priya Raman` over `• 2nd`, Tumblr's `tensorpunk` over
 * `Follow`), else the one the site names (`Posted by`). Lower-cased; undefined when the page does not say.
 */
function postAuthor(lines: readonly string[], headers: readonly PostHeader[]): string | undefined {
  for (const h of headers) if (lines.slice(h.start + 1, h.body).some((l) => AUTHOR_BADGE.test(l))) return h.author.toLowerCase();
  const commenters = new Set(headers.map((h) => h.author.toLowerCase()));
  const firstAnswer = lines.findIndex((l) => readLineLabel(l)?.part);
  const postHeader = lines.slice(0, firstAnswer < 0 ? headers[0]!.start : Math.min(firstAnswer, headers[0]!.start));
  for (const line of postHeader) {
    const name = AUTHOR.exec(line)?.[1]?.toLowerCase();
    if (name && commenters.has(name)) return name;
  }
  const said = STARTER.exec(postHeader.join('\n')) ?? POSTED_BY.exec(postHeader.join('\n'));
  return said?.[1]?.toLowerCase();
}

/**
 * A submission with its comment thread under it: the comments of staff the page names (`Wen Li (GSI)`)
 * are their hints on the answers, left out; the writer's own comments stay where they are, after the
 * answers, as a chat's follow-up does, and a sentence of theirs that names a part and a colon
 * (`Thanks! 4(c): it should be L(K-1) + 1`) heads its line, so it answers that part again. Where the page
 * shows who wrote the post (a social site's post and its comments), everyone else's comments are left out
 * too: a reader's correction (`2(d) with your own (c) is 1/√d_in`) is theirs, not the writer's answer, and
 * the writer's replies keep their words without the page's header over them (their name, a badge, an age).
 */
function submissionComments(text: string, lines: readonly string[], headers: readonly PostHeader[]): string {
  const staff = new Set([...text.matchAll(STAFF_NAME)].map((m) => m[1]!.toLowerCase()));
  const author = postAuthor(lines, headers);
  const read = lines.map((l) => [l]);
  for (const [k, h] of headers.entries()) {
    const name = h.author.toLowerCase();
    const leftOut = staff.has(name) || (author !== undefined && name !== author);
    for (let i = h.start; i < (headers[k + 1]?.start ?? lines.length); i++) {
      const named = !leftOut && i >= h.body ? NAMED_AFTER_LEAD.exec(lines[i]!) : null;
      read[i] = leftOut || (author !== undefined && i < h.body) ? [''] : named ? [named[1]!, named[2]!] : [lines[i]!];
    }
  }
  return read.flat().join('\n');
}

/** Whether a post quotes another by the name a header shows (`Julien_M a dit :` over `>` lines): the sign of a forum, whatever its dates look like. */
function quotesAPoster(lines: readonly string[], headers: readonly PostHeader[]): boolean {
  const names = new Set(headers.map((h) => h.author.toLowerCase()));
  return lines.some((l, i) => {
    const m = l.includes(' ') || /^[ \t]*(?:Zitat|Цитата|Cit)/i.test(l) ? QUOTE_ATTRIBUTION.exec(l) : null;
    return !!m && names.has((m[1] ?? m[2])!.toLowerCase()) && QUOTED_LINE.test(lines[i + 1] ?? '');
  });
}

/** A forum thread read as its starter's posts alone, a rule between them; any other text as it is. */
export function forumThreadAsText(text: string, key: Key): string {
  if (!mayHaveHeader(text)) return text;
  const lines = text.split('\n');
  const headers = headersOf(lines);
  if (headers.length < 2 || new Set(headers.map((h) => h.author.toLowerCase())).size < 2) return text;
  // (A name over a date alone is also how a chat app or a group report heads its messages: a thread
  // shows itself by a post number, a one-line header, a starter named, or the site's buttons.)
  const forumShown =
    headers.some((h) => !h.dated && (h.oneLine || h.body - h.start === 1 || POST_NUMBER.test(lines[h.body - 1]!))) ||
    STARTER.test(text) ||
    POSTED_BY.test(text) ||
    lines.some((l) => l.trim() && FURNITURE.test(l)) ||
    quotesAPoster(lines, headers);
  if (!forumShown) return text;
  // (Answers under their labels above the first header, or a post whose own line says who posted it: a
  // submission with its comments under it, as a course page or a link aggregator shows them, not a thread;
  // its writer's answers come first, whoever comments first.)
  const above = lines.slice(0, headers[0]!.start);
  if (above.filter((l) => readLineLabel(l)?.part).length >= 2 || POSTED_BY.test(above.join('\n'))) return submissionComments(text, lines, headers);
  const starter = (STARTER.exec(lines.slice(0, headers[0]!.start).join('\n'))?.[1] ?? headers[0]!.author).toLowerCase();
  const posts: string[][] = [];
  for (const [k, h] of headers.entries()) {
    if (h.author.toLowerCase() !== starter) continue;
    const body = withoutQuotes(withoutFurniture(lines.slice(h.body, headers[k + 1]?.start ?? lines.length)));
    while (body.length && (!body[body.length - 1]!.trim() || POST_RULE.test(body[body.length - 1]!))) body.pop();
    while (body.length && !body[0]!.trim()) body.shift();
    if (body.length) posts.push(body);
  }
  if (!posts.length) return text;
  const read: string[] = [];
  for (const [k, post] of posts.entries()) read.push((k === 0 ? post : revisitsHeaded(post, read.join('\n'), key)).join('\n'));
  return `${read.join('\n\n---\n\n')}\n`;
}
