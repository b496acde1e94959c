import type { Message } from '../model/submission.js';
import { ASKS } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';
import { STRUCTURE } from './structure-words.js';
import { pastedAnswer } from './pasted-answers.js';
import { listedNewestFirst, MONTH_NAME, printedStamp } from './time-order.js';

/**
 * Chats copied from a messaging or workplace app, where each message is headed by its sender's
 * name and the time it was sent, and no word says who is the model: `Dana Reyes, [05.12.2025 21:02]`
 * (Telegram's "Copy Selected as Text"), or the name on one line and `Thursday 10:47 PM` under it
 * (Teams, Slack). A person reads the turns off those header lines whatever the names are: two
 * senders alternate, the one who opens and asks is the person, the one who writes long answers is
 * the model. Read as a write-up, the pasted question's parts would be graded as answers; read with
 * the person's name unknown, a report's own opening over the chat would be taken for the first question.
 * Some exports put the stamp first, on its own line, and the sender under it (a phone's text
 * messages: `Dec 03, 2026  9:14:02 PM` / `Me` / the message); a contact the phone has no name for
 * is its number (`+1 (800) 242-8478`).
 */

/** A time of day as apps print it: `21:02`, `10:47 PM`, `9:05am`, `21:02:13`, and East Asian apps' half of the day before it (`下午 8:41`, `오후 8:41`, `午後8:41`). */
const TIME = String.raw`(?:(?:上午|下午|晚上|午前|午後|오전|오후)[ \t]?)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
/**
 * A date as Chinese, Japanese and Korean apps print it, perhaps with its weekday: `2025年10月16日`, `10月16日 星期四`,
 * `2025년 10월 16일 목요일`, `2025. 10. 16.` (KakaoTalk's).
 */
const CJK_DAY = String.raw`(?:(?:\d{4}[ \t]?[年년][ \t]?)?\d{1,2}[ \t]?[月월][ \t]?\d{1,2}[ \t]?[日일](?:[ \t]?(?:星期|周|週)?[一二三四五六日天](?:曜日)?|[ \t]?[월화수목금토일]요일|[ \t]?\([月火水木金土日]\))?|\d{4}\.[ \t]\d{1,2}\.[ \t]\d{1,2}\.)`;
/**
 * A date before or after it: `05.12.2025`, `12/5/25`, `2025-12-05`, `Dec 5`, `5 Dec 2025`, `Thursday`, `Yesterday`,
 * perhaps after its weekday (`Thu, Dec 3 2026`); a month named in another language (`12 ноя 2025`, `3 de dic. de 2025`).
 */
const DAY = String.raw`(?:[A-Z][a-z]{1,8}\.?,?[ \t]+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|${CJK_DAY}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?|\d{1,2}\.?[ \t]+(?:de[ \t]+)?${MONTH_NAME}(?:[ \t]+(?:de[ \t]+)?\d{4}(?:[ \t]*г\.)?)?|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?|[A-Z][a-z]{2,8}day|Today|Yesterday)`;
/** The word between a date and its time (`at`, Russian `в`, Ukrainian `о`, German `um`, French `à`, Spanish `a las`, Italian `alle`, Portuguese `às`, Dutch `om`). */
const AT = '(?:at|в|о|um|à|a las|a la|alle|às|om)';
/** A stamp: a time with perhaps a day, in brackets or not (`[05.12.2025 21:02]`, `Thursday 10:47 PM`, `Yesterday at 9:05`, `12 ноя 2025 в 19:52:03`). */
const STAMP = String.raw`\[?(?:${DAY},?[ \t]+(?:${AT}[ \t]+)?)?${TIME}(?:,?[ \t]+${DAY})?\]?`;
/** A stamp alone on its line over the sender's name, perhaps with the app's note on it in brackets (`May 17, 2022  5:29:42 PM (Read by you after 1 hour)`). */
const STAMP_OVER = new RegExp(String.raw`^[ \t]*${STAMP}(?:[ \t]+\((?:[^()\n]|\([^()\n]{0,20}\)){1,100}\))?[ \t]*$`);
/** A stamp alone on its line (under the sender's name), perhaps set off by the app's dash (` — Yesterday at 8:31 PM`). */
const STAMP_LINE = new RegExp(String.raw`^[ \t]*(?:[—–·-][ \t]*)?${STAMP}[ \t]*$`);
/** A phone number standing for a contact with no name: seven digits or more, as phones print them (`+18002428478`, `+1 (800) 242-8478`). */
const PHONE = String.raw`\+?\(?\d(?:[ \t().-]{0,2}\d){6,14}`;
/**
 * A sender's name: one to four words or a login, no sentence (`Dana Reyes`, `cs182 study bot`, `@lee_j`, `Copilot`),
 * perhaps with a community's bar between its words (`Нейро-помощник | GPT`), or a phone number.
 */
const NAME = String.raw`(?:@?[\p{L}][\p{L}\p{N}._'’-]{0,30}(?:[ \t](?:[|·][ \t])?[\p{L}\p{N}][\p{L}\p{N}._'’-]{0,30}){0,3}|${PHONE})`;
/**
 * The app's badge between a sender and the stamp: a short tag in capitals or brackets set apart from the
 * name (`ask-ai  BOT  9:41 PM`, `cs182-helper [APP] 10:02`), or a field or two in the commas that part the
 * name from the stamp (`Gemini, App, 9:12 PM`, `Tutor, Bot, Yesterday 21:40`), naming the kind of sender, not who;
 * Webex and Google Chat write it as a word (`StudyBot  Bot 8:02 PM`, `Gemini  App  9:12 PM`).
 */
const BADGE = String.raw`(?:[ \t]{2,}(?:\p{Lu}{2,5}|Bot|App)|[ \t]+[([]\p{L}{2,12}[)\]]|(?:,[ \t]*\p{Lu}[\p{L}\p{N}._-]{1,15}){1,2}(?=,))`;
/** A sender and the stamp on one line: `Dana Reyes, [05.12.2025 21:02]`, `Dana Reyes — 21:02`, `ask-ai  BOT  9:41 PM`, the name in bold as a saved page sets it (`**Ви**, 4 лис 2025 о 22:17`). */
const SENDER_STAMPED = new RegExp(String.raw`^[ \t]*(?:\*\*)?(${NAME})(?:\*\*)?(${BADGE})?(?:,|[ \t]+[—–-])?[ \t]+(${STAMP})[ \t]*$`, 'u');
/** A sender's name alone on its line (its stamp on the next). */
const SENDER_ALONE = new RegExp(String.raw`^[ \t]*(${NAME})[ \t]*$`, 'u');
/** The app's badge alone on a line between the name and the stamp, as a copied page breaks them (`study-bot` / `APP` / ` — 8:31 PM`; Rocket.Chat's `Bot`). */
const BADGE_LINE = /^[ \t]*(?:\p{Lu}{2,5}|Bot|App|[([]\p{L}{2,12}[)\]])[ \t]*$/u;
/**
 * The tag a bridge or the app sets after a sender's name (`ircllm (IRC)`, a Matrix room's user from IRC;
 * `Sage [BOT]`). Group: the tag.
 */
const BRIDGED = String.raw`(?:[ \t]+[([](\p{L}{2,12})[)\]])?`;

/**
 * The stamp first and the message on the same line, after the sender and a colon or in angle brackets:
 * `Thu, Dec 3 2026, 21:04 - Priya Raman: ...` (Element), `[03/12/2026, 21:04:11] Dana: ...` (WhatsApp),
 * `12/3/26, 9:04 PM - Dana: ...` (Android), `[21:04] <dana> ...` (IRC), `2025년 10월 16일 오후 8:41, 민준 : ...` (KakaoTalk on a phone),
 * `(08:14:10 PM) **dana.k:** ...` (an IM client's log, Pidgin's, its stamp in parentheses and the nick in bold as its HTML sets it).
 * Groups: stamp, sender, its tag (BRIDGED), the sender in angle brackets, the message's first line.
 */
const STAMP_FIRST = new RegExp(String.raw`^[ \t]*(${STAMP}|\(${STAMP}\)),?[ \t]*(?:[—–-][ \t]*)?(?:(?:\*\*)?(${NAME})${BRIDGED}[ \t]?(?::\*\*|\*\*:|:)|<[ @+%&~]?(${NAME})>)(?:[ \t]+(.*))?$`, 'u');

/**
 * A line opening on a stamp and its sender; only a stamp in brackets or parentheses or with its date, or a
 * sender in angle brackets (IRC's `21:02 <nick> ...`, perhaps with the nick's mode, `<@nick>`): a bare time
 * before a word and a colon is as often a schedule's line (`12:00 Lunch: ...`) as a message.
 */
function stampFirst(line: string): RegExpExecArray | null {
  if (!/\d[:.]\d\d/.test(line.slice(0, 40))) return null;
  const m = STAMP_FIRST.exec(line);
  return m && (m[4] !== undefined || /[[(]|\d[./-]\d|\d[ \t]?[年년月월]|\p{L}{3}/u.test(m[1]!)) ? m : null;
}

/**
 * A stamp in brackets and the sender alone after it, the message on the lines under it (a channel
 * exported as plain text: `[10/11/2025 9:02 PM] tvo`). Group: the sender.
 */
const STAMP_OVER_MESSAGE = new RegExp(String.raw`^[ \t]*\[${STAMP}\][ \t]+(${NAME})[ \t]*$`, 'u');

/**
 * A stamp with its full date and the sender with the account the app knows them by, the message on the lines
 * under it (QQ's exported history: `2025-10-16 20:41:05 王子涵(123456789)`, `... Lena<lena@example.com>`, a
 * group's title in brackets before the name, `【管理员】`). Groups: the sender, their account.
 */
const ACCOUNT_HEADER = new RegExp(String.raw`^[ \t]*\d{4}[./-]\d{1,2}[./-]\d{1,2}[ \t]+${TIME}[ \t]+(?:【[^】\n]{1,12}】)?(${NAME})?[ \t]?(\(\d{5,12}\)|<[^<>\s]{3,60}>)[ \t]*$`, 'u');

/**
 * The sender and the time in brackets and the message after them (KakaoTalk's saved chat on a computer:
 * `[민준] [오후 8:41] ...`, `[Minjun] [8:41 PM] ...`). Groups: the sender, the message's first line.
 */
const BRACKETED_SENDER = new RegExp(String.raw`^[ \t]*\[(${NAME})\][ \t]+\[${TIME}\](?:[ \t]+(.*))?$`, 'u');

/**
 * A client's notice in a channel's log, stamped as a message is but with signs for a sender (`[21:02]
 * -!- tvo has joined`, `*** Joins: tvo`, `* tvo waves`, `-->`): a join, a quit, the topic, no one's message.
 */
const NOTICE_LINE = new RegExp(String.raw`^[ \t]*${STAMP}[ \t]+(?:-!-|\*{1,3}|<?-{1,2}>?|=!=)[ \t]`, 'u');

/**
 * A client's status line in an IM log: stamped in brackets or parentheses as its messages are, but with
 * no sender before a colon (`(08:26:13 PM) mathbot has signed off.`, `[21:40] Dana is now away`). It is
 * never a header (those end the message above), so under one it is the client's, no one's words. (A
 * stamped line with a colon is a message whose sender's name no header reads, `Dana 🌸: ...`: kept.)
 */
const STATUS_LINE = new RegExp(String.raw`^[ \t]*(?:\[${STAMP}\]|\(${STAMP}\))[ \t]+(?!(?:\*\*)?[^:\n]{1,60}:(?:\*\*)?(?:[ \t]|$))\S`, 'u');

/**
 * A chat app's own lines under a message: its reactions (`:thumbsup: 1`, `👍 2`) and the summary of a
 * thread started on it (`Thread`, `2 replies`, `Last reply 10:34 AM`, `View thread`), no one's words.
 */
const APP_LINE = /^[ \t]*(?:(?:(?::[\w+-]{1,40}:|\p{Extended_Pictographic}\uFE0F?)[ \t]*\d{1,4}[ \t]*)+|thread|view thread|\d{1,4}[ \t]+repl(?:y|ies)|last reply[ \t][^\n]{0,40})[ \t]*$/iu;

interface Header {
  /** The header's first line (0-based) and the first line of the message under it. */
  at: number;
  body: number;
  name: string;
  /** The message's first line when it follows the header on the same line. */
  inline?: string;
  /** Whether the app tagged the sender as a bot (`APP`, `[BOT]`). */
  badge: boolean;
  /** The stamp as printed, when the header's shape sets it apart. */
  stamp?: string;
}

/** Every message's header, in the shape that heads more of them: the sender over the stamp (or beside it), or the stamp over the sender. */
function headersOf(lines: readonly string[]): Header[] {
  const senderFirst = headersSenderFirst(lines);
  const stampFirst = headersStampFirst(lines);
  return stampFirst.length > senderFirst.length ? stampFirst : senderFirst;
}

/**
 * Headers whose stamp stands alone on its line over the sender's name alone on the next (a phone's
 * export); a stamp over a line that is not a name, or over another stamp, heads nothing.
 */
function headersStampFirst(lines: readonly string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 140 || !/\d[:.]\d\d/.test(line) || !STAMP_OVER.test(line)) continue;
    // (A dated log's entries are headed `Setup`, `Results` under their stamps: a write-up's words, no sender.)
    const sender = SENDER_ALONE.exec(lines[i + 1]!);
    if (!sender || STAMP_LINE.test(lines[i + 1]!) || STRUCTURE.test(sender[1]!.trim())) continue;
    out.push({ at: i, body: i + 2, name: sender[1]!.trim(), badge: false, stamp: line });
    i++;
  }
  return out;
}

/** Headers of a sender with a stamp on the same line, or a name alone with a stamp alone under it. */
function headersSenderFirst(lines: readonly string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // (Cheap for most lines: every header has a time on its line or within the two under it.)
    if (!/\d[:.]\d\d/.test(line + (lines[i + 1] ?? '') + (lines[i + 2] ?? ''))) continue;
    const first = stampFirst(line);
    if (first) {
      out.push({ at: i, body: i + 1, name: (first[2] ?? first[4])!.trim(), inline: first[5] ?? '', badge: /^(?:bot|app)$/i.test(first[3] ?? ''), stamp: first[1]! });
      continue;
    }
    const over = STAMP_OVER_MESSAGE.exec(line);
    if (over && !STRUCTURE.test(over[1]!.trim())) {
      out.push({ at: i, body: i + 1, name: over[1]!.trim(), badge: false });
      continue;
    }
    const account = ACCOUNT_HEADER.exec(line);
    if (account) {
      out.push({ at: i, body: i + 1, name: (account[1] ?? account[2])!.trim(), badge: false });
      continue;
    }
    const bracketed = BRACKETED_SENDER.exec(line);
    if (bracketed) {
      out.push({ at: i, body: i + 1, name: bracketed[1]!.trim(), inline: bracketed[2] ?? '', badge: false });
      continue;
    }
    if (line.length > 80) continue;
    const same = SENDER_STAMPED.exec(line);
    if (same) {
      out.push({ at: i, body: i + 1, name: same[1]!.trim(), badge: Boolean(same[2]?.trim()), stamp: same[3]! });
      continue;
    }
    const alone = SENDER_ALONE.exec(line);
    if (!alone || STAMP_LINE.test(line)) continue;
    const badge = BADGE_LINE.test(lines[i + 1] ?? '');
    const stamp = i + 1 + Number(badge);
    if (STAMP_LINE.test(lines[stamp] ?? '')) {
      out.push({ at: i, body: stamp + 1, name: alone[1]!.trim(), badge, stamp: lines[stamp]! });
      i = stamp;
    }
  }
  return out;
}

/**
 * Who is the model among a chat's senders, or undefined when none is: of two, the one who does not
 * open (the person opens and asks); of more (classmates beside a bot in a channel), the one who
 * answers the others' calls (`calls`: commands, `@name`), however briefly; or else the one the app
 * tags as a bot, or the one who writes the most and is known as a bot by its name or the text's
 * opening (`namedBot`), as in a discussion among classmates someone always writes the most. A bot
 * not called writes more than any one person does and answers others at least twice.
 */
function modelOf(headers: readonly Header[], size: (name: string) => number, calls: (name: string) => number, namedBot: (name: string) => boolean): string | undefined {
  const names = [...new Set(headers.map((h) => h.name))];
  if (names.length === 2) return size(names[1]!) > size(names[0]!) ? names[1] : undefined;
  const called = names.filter((n) => calls(n) >= 2);
  if (called.length === 1) return called[0] === headers[0]!.name ? undefined : called[0];
  const tagged = [...new Set(headers.filter((h) => h.badge).map((h) => h.name))];
  const model = tagged.length === 1 ? tagged[0]! : [...names].sort((a, b) => size(b) - size(a))[0]!;
  if (model === headers[0]!.name || names.some((n) => n !== model && size(n) >= size(model))) return undefined;
  if (tagged.length !== 1 && !namedBot(model)) return undefined;
  const answers = headers.filter((h, k) => h.name === model && k > 0 && headers[k - 1]!.name !== model).length;
  return answers >= 2 ? model : undefined;
}

/**
 * A model's name as chat sites give it (`ChatGPT`, `Claude 3.5 Sonnet`), or a nick that ends in what a
 * channel's bot is called by (`tutorbot`, `ircllm`, `study-gpt`): a sender so named is the model.
 */
const MODEL_NAME = new RegExp(`^(?:(?:${ASSISTANT_NAMES})${VERSION}|[\\p{L}\\p{N}._-]*(?:bot|llm|gpt)(?:[-_.]?\\d[\\w.-]*)?)$`, 'iu');

/**
 * A message that calls a bot: a command after its sign (`!ask ...`, `.ask`, `?q`), as a channel's bots
 * are called, or a name after `@`. Group: the name called.
 */
const CALL = /^[ \t]*(?:[!.?][A-Za-z]{2,12}\b|@([^\s:,@]{1,40}))/;

/**
 * How many of the others' calls (CALL: a command, or `name` after `@`) `name` answers: it writes first
 * after the call, before anyone but the caller does (a bot answers at once).
 */
function callsAnswered(headers: readonly Header[], bodies: readonly string[]): (name: string) => number {
  const answerers = headers.flatMap((h, k) => {
    const call = CALL.exec(bodies[k]!);
    const answer = call ? headers.slice(k + 1).find((a) => a.name !== h.name) : undefined;
    return answer && (call![1] === undefined || call![1] === answer.name) ? [answer.name] : [];
  });
  return (name) => answerers.filter((a) => a === name).length;
}

/**
 * Whether a sender is known as the bot by name: a model's or a bot's name (MODEL_NAME), or the one
 * sender the text's opening names (`we asked the channel's bot "mathbot"`).
 */
function namedAsBot(headers: readonly Header[], opening: string): (name: string) => boolean {
  const named = (n: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_-])`, 'iu').test(opening);
  return (name) => MODEL_NAME.test(name) || (named(name) && !headers.some((h) => h.name !== name && named(h.name)));
}

/**
 * The turns of a chat whose messages are headed by a sender and a stamp, or undefined when the
 * text is not one: at least two headers of senders that take turns, the first of them a person who
 * asks, and one sender the model (modelOf); every other sender is a person, whose follow-ups the model answers.
 */
export function stampedSenderTurns(text: string): Message[] | undefined {
  if (!/\d[:.]\d\d/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  return turnsUnder(lines, headersOf(lines));
}

/** The moment a header's stamp stands for (printedStamp), its brackets and the app's dash left out; undefined when it has none or names no date. */
function momentOf(header: Header): number | undefined {
  return header.stamp === undefined ? undefined : printedStamp(header.stamp.replace(/^[ \t[(—–·-]+|[ \t\])]+$/g, '').replace(/[ \t]+\([^()]*\)$/, ''));
}

/**
 * The turns of `lines` under their message headers (stampedSenderTurns), or undefined when they are no chat.
 * An archive that lists its messages newest first (VK's, some phones' backups) is read oldest first, as its
 * stamps say (time-order.ts): else every reply would stand above its question.
 */
function turnsUnder(lines: readonly string[], listed: readonly Header[]): Message[] | undefined {
  if (listed.length < 2) return undefined;
  const newestFirst = listedNewestFirst(listed.map(momentOf));
  const headers = newestFirst ? [...listed].reverse() : listed;
  // Senders that take turns: a message log, not a write-up's dated entries.
  if (!headers.some((h, k) => k > 0 && h.name !== headers[k - 1]!.name)) return undefined;
  const names = new Set(headers.map((h) => h.name));
  const writtenAsListed = listed.map((h, k) =>
    [
      ...(h.inline === undefined ? [] : [h.inline]),
      ...lines.slice(h.body, listed[k + 1]?.at ?? lines.length).map((l) => (NOTICE_LINE.test(l) || STATUS_LINE.test(l) || APP_LINE.test(l) ? '' : l)),
    ].join('\n'),
  );
  const written = newestFirst ? writtenAsListed.reverse() : writtenAsListed;
  const bodies = written.map((b) => unaddressed(b, names));
  const said = (name: string) => bodies.filter((_, k) => headers[k]!.name === name);
  const size = (name: string) => said(name).reduce((n, b) => n + b.trim().length, 0);
  const opening = lines.slice(0, listed[0]!.at).join('\n').trim();
  const pasted = pastedTurns(headers, bodies, opening);
  if (pasted) return pasted;
  const model = modelOf(headers, size, callsAnswered(headers, written), namedAsBot(headers, opening));
  if (!model) return undefined;
  const people = bodies.filter((_, k) => headers[k]!.name !== model);
  if (!people.some((b) => b.includes('?') || b.split('\n').some((l) => ASKS.test(l.trim())))) return undefined;
  const messages: Message[] = [];
  if (opening) messages.push({ role: 'note', text: opening, line: 1 });
  headers.forEach((h, k) => {
    if (h.name !== model) pushUserTurn(bodies[k]!, h.at + 1, messages);
    // The model's messages one after another are one reply the app sent in pieces (a channel's line limit, a bot's chunks).
    else if (headers[k - 1]?.name !== model) pushReply(bodies.slice(k, runEnd(headers, k)).join('\n'), h.at + 1, messages);
  });
  return messages;
}

/**
 * The turns of a chat among people only, in which someone pastes a model's answers tagged with its name
 * (pastedAnswer): each tagged message is the model's reply, every other message a person's turn; undefined
 * when a sender is a model or a bot by name (its own messages are the replies) or nothing is so tagged.
 */
function pastedTurns(headers: readonly Header[], bodies: readonly string[], opening: string): Message[] | undefined {
  if (headers.some((h) => h.badge || MODEL_NAME.test(h.name))) return undefined;
  const answers = bodies.map(pastedAnswer);
  if (!answers.some((a) => a !== undefined)) return undefined;
  const messages: Message[] = [];
  if (opening) messages.push({ role: 'note', text: opening, line: 1 });
  headers.forEach((h, k) => {
    const answer = answers[k];
    if (answer === undefined) pushUserTurn(bodies[k]!, h.at + 1, messages);
    else pushReply(answer, h.at + 1, messages);
  });
  return messages;
}

/** Where the run of messages by the sender of `headers[k]` ends (the index of the next header by another). */
function runEnd(headers: readonly Header[], k: number): number {
  let end = k + 1;
  while (end < headers.length && headers[end]!.name === headers[k]!.name) end++;
  return end;
}

/**
 * A message without the name it is addressed to (`tvo: After a 2x2 pool ...`, `Priya Raman, question 4`,
 * `@Tutor ps6 question 2`): in a channel a message opens on the name of the one it answers or calls, a
 * sender of the chat, no word of what it says.
 */
function unaddressed(body: string, names: ReadonlySet<string>): string {
  const start = body.trimStart();
  for (const name of names) {
    const at = start.startsWith(`@${name}`) ? name.length + 1 : start.startsWith(name) ? name.length : -1;
    if (at < 0) continue;
    const call = /^(?:[:,][ \t]+|[ \t]+)/.exec(start.slice(at));
    // (Only `@name` needs no colon after it: `Sage` at a message's start is as often its first word.)
    if (call && (start.startsWith('@') || /[:,]/.test(call[0]))) return start.slice(at + call[0].length);
  }
  return body;
}

/**
 * Whether the text is a chat whose messages are headed by a sender and a stamp (stampedSenderTurns): a
 * channel's copy, whose `@name` opens a call and whose times head messages, whatever social page it looks like.
 */
export function isStampedChat(text: string): boolean {
  return stampedSenderTurns(text) !== undefined;
}

/** Whether a line opens a message with its stamp and sender (`Thu, Dec 3 2026, 21:04 - Priya Raman: ...`): no other line's paragraph runs on into it. */
export function headsMessage(line: string): boolean {
  return stampFirst(line) !== null;
}

/**
 * Whether the text is a stamped chat of more than two senders (classmates beside a bot): its
 * turns are this reader's, as a pair of names read apart from the rest would fold a classmate's
 * message into the model's turn.
 */
export function stampedGroupChat(text: string): boolean {
  if (!/\d[:.]\d\d/.test(text)) return false;
  const lines = text.split(/\r?\n/);
  const headers = headersOf(lines);
  return new Set(headers.map((h) => h.name)).size > 2 && turnsUnder(lines, headers) !== undefined;
}
