/**
 * A mail client's printout or copy of a thread (Gmail's "Print all", Outlook's, Thunderbird's, Apple
 * Mail's) sets each message under a header of who sent it, when and to whom (`Priya <p@x.edu>  Thu,
 * Oct 9, 9:12 PM` over `To: ...`, or `From:` / `Sent:` / `To:` / `Subject:` fields), and a reply
 * repeats the message it answers under an attribution (`On Thu, ... Priya <p@x.edu> wrote:` over its
 * `>` lines; Outlook's `-----Original Message-----` over the whole earlier message). Read as written,
 * the headers' names and dates are taken for speakers and answers, and a quoted earlier answer is read
 * again after the message that corrected it. Each message is read as its sender wrote it: its own
 * words in order, one rule between messages, with no header, no quote of an earlier message (under
 * any attribution, or none, when its lines repeat that message), no sign-off of a name alone (under a
 * blank line or a valediction) and no signature under `-- `; lines a sender sets off with `>` that no
 * attribution introduces and no earlier message holds (a prompt they relay) stay theirs.
 */

/** An address in angle brackets, the sign of a mail header's sender (`Priya Raman <praman@berkeley.edu>`). */
const ADDRESS = String.raw`<[^<>\s@]+@[^<>\s]+>`;
/** A sender's line: a name and address, perhaps the date after it, perhaps as a `From:` field. */
const SENDER_LINE = new RegExp(String.raw`^[ \t]*(?:From:[ \t]*)?[^<>\n:]{0,60}${ADDRESS}(?:[ \t,].{0,80})?$`);
/** A header's field: the sender, the recipients, the date, the subject. */
const FIELD_LINE = /^[ \t]*(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To)[ \t]*:.*$/i;
/** Gmail's recipients line under a sender in a copied thread: `to me`, `to Priya, me`. */
const TO_LINE = /^[ \t]*to[ \t]+(?:me|[\p{L} ,.'-]{1,60}(?:,[ \t]*me)?)[ \t]*$/iu;
/** A date on its own line under a sender (`Thu, Oct 9, 2025, 10:40 PM (2 days ago)`): a weekday or month and a time. */
const DATE_LINE = /^[ \t]*(?=.*\b\d{1,2}:\d{2}\b)(?=.*\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b).{0,80}$/;
/** The verb a mail client's attribution ends on, in the languages clients write it (`wrote`, `a écrit`, `ha scritto`). */
const QUOTING_VERB = 'wrote|schrieb|écrit|escribió|scritto|schreef|escreveu';
/** A reply's attribution of what it quotes, in the languages mail clients write it. */
const ATTRIBUTION = new RegExp(String.raw`^[ \t]*(?:On|Am|Le|El|Il|Op|Em)\b.{4,240}(?:${QUOTING_VERB})[ \t]*:[ \t]*$`);
/** Whether a line holds such a verb at all: the first half of an attribution wrapped over two lines does not. */
const QUOTING_VERB_ANYWHERE = new RegExp(QUOTING_VERB);
/** Where a top-posted reply's copy of the earlier message starts (Outlook, Thunderbird, Apple Mail forwards). */
const ORIGINAL_BELOW = /^[ \t]*(?:-{2,}[ \t]*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)[ \t]*-{2,}|_{10,}|Begin forwarded message:)[ \t]*$/i;
/** A sign-off: a name alone (`Priya`, `M`, `– Marcus`) on a message's last line. */
const SIGN_OFF = /^[ \t]*(?:[-–—]+[ \t]*)?\p{Lu}[\p{L}.'-]{0,15}(?:[ \t]\p{Lu}[\p{L}.'-]{0,15})?[ \t]*$/u;
/** A valediction over a sign-off: a few words and a comma (`Thanks,`, `Best regards,`, `Grüße,`). */
const VALEDICTION = /^[ \t]*\p{L}[\p{L}'’]*(?:[ \t]+\p{L}[\p{L}'’]*){0,2}[ \t]*,[ \t]*$/u;
/** A signature's separator (RFC 3676's `-- `; a client or a copy that trims lines leaves `--`). */
const SIGNATURE_RULE = /^-- ?\r?$/;
/** The most lines a signature runs to under its separator (netiquette's four, and a blank line or two). */
const SIGNATURE_LINES = 8;

/**
 * A message's lines without its signature: what follows the last `-- ` line, when a few lines run from
 * it to the message's end, is the sender's name and address card, never an answer.
 */
export function withoutSignature(lines: readonly string[]): readonly string[] {
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 1 - SIGNATURE_LINES; i--) {
    if (SIGNATURE_RULE.test(lines[i]!)) return lines.slice(0, i);
  }
  return lines;
}

/** A client's banner over a printed thread: its name and the account, a count of messages. */
const BANNER = /^[ \t]*(?:\d+[ \t]+messages?|(?:Gmail|Outlook|Yahoo Mail|Thunderbird|Mail)\b.*)$/i;

/** The cheap test: an address in angle brackets, or a `From:` field, somewhere in the text. */
const ANY_HEADER = new RegExp(String.raw`${ADDRESS}|^[ \t]*From:`, 'im');

/** Where each message's header starts, and the line its body starts on. */
function headersOf(lines: readonly string[]): { start: number; body: number }[] {
  const out: { start: number; body: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SENDER_LINE.test(lines[i]!) || ATTRIBUTION.test(lines[i]!) || /^[ \t]*>/.test(lines[i]!)) continue;
    // (A header is its fields together: a sender's line alone is a line of the body that names someone.)
    let j = i + 1;
    while (j < lines.length && (FIELD_LINE.test(lines[j]!) || TO_LINE.test(lines[j]!) || DATE_LINE.test(lines[j]!))) j++;
    const fields = j - i - 1 + (/^[ \t]*From:/i.test(lines[i]!) ? 1 : 0);
    if (fields < 1) continue;
    // (Fields above a `From:` line belong to its header too: Outlook sets `Date:` or `Subject:` first.)
    let start = i;
    while (start > 0 && FIELD_LINE.test(lines[start - 1]!) && (!out.length || start - 1 >= out[out.length - 1]!.body)) start--;
    // (A header under `-----Original Message-----` heads the earlier message a reply copies: no message of its own.)
    let above = start - 1;
    while (above >= 0 && !lines[above]!.trim()) above--;
    if (above >= 0 && ORIGINAL_BELOW.test(lines[above]!)) {
      i = j - 1;
      continue;
    }
    out.push({ start, body: j });
    i = j - 1;
  }
  return out;
}

/** A part named in full in a sentence: its question's number and its letter, perhaps a numeral (`3(d)(i)`, `Q4f`, `3.d.ii`). */
const FULL_PART = /(?<![\w.])(?:Q|Problem\s*|Question\s*)?(\d{1,2})\s*(?:\.\s*|\(\s*)?([a-h])(?:\s*\))?(?:\s*(?:\.\s*|\(\s*)([ivx]{1,4})(?:\s*\))?)?(?![\w])/gi;

/**
 * `>> (me) Your last row for 3(d)(i) has the wrong sign`: lines a sender sets off with `>` with no
 * attribution above them are a prompt they relay; when it names one part in full, the reply under it
 * is that part's answer, so the prompt is headed by the part's label on a line of its own. Any other line as it is.
 */
function relayedPromptsHeaded(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^[ \t]*>/.test(lines[i]!) && (i === 0 || !/^[ \t]*>/.test(lines[i - 1]!))) {
      let end = i;
      while (end < lines.length && /^[ \t]*>/.test(lines[end]!)) end++;
      const named = new Set([...lines.slice(i, end).join(' ').matchAll(FULL_PART)].map((m) => `${m[1]}(${m[2]!.toLowerCase()})${m[3] ? `(${m[3].toLowerCase()})` : ''}`));
      if (named.size === 1) out.push(`**${[...named][0]}**`);
    }
    out.push(lines[i]!);
  }
  return out;
}

/** A line that introduces a quote in any client's words: it ends on a verb of saying and a colon. */
const QUOTE_INTRO = new RegExp(String.raw`(?:${QUOTING_VERB}|writes|says|said)[ \t]*:[ \t]*$`, 'i');

/** A line as two copies of it are compared: without quote marks, indentation or runs of spaces. */
const lineKey = (line: string) =>
  line
    .replace(/^[ \t]*(?:>[ \t]*)+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Whether the `>` block starting at line `from` repeats an earlier message of the thread (most of its
 * lines are among `earlier`): a reply's quote however its writer's client attributed it (`In article
 * <...>, X writes:`, `X wrote:`, or nothing), and no prompt the sender relays, which no message held.
 */
function repeatsEarlier(body: readonly string[], from: number, earlier: ReadonlySet<string>): boolean {
  let seen = 0;
  let all = 0;
  for (let i = from; i < body.length && /^[ \t]*>/.test(body[i]!); i++) {
    const key = lineKey(body[i]!);
    if (!key) continue;
    all++;
    if (earlier.has(key)) seen++;
  }
  return all > 0 && seen * 2 >= all;
}

/** One message's body as its sender wrote it: the quote of an earlier message and the sign-off taken off. */
function ownWords(body: readonly string[], earlier: ReadonlySet<string> = new Set()): string[] {
  const kept: string[] = [];
  let quoting = false;
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (earlier.size && /^[ \t]*>/.test(line) && (i === 0 || !/^[ \t]*>/.test(body[i - 1]!)) && repeatsEarlier(body, i, earlier)) {
      while (i + 1 < body.length && /^[ \t]*>/.test(body[i + 1]!)) i++;
      // (The line that introduced the quote, `In article <...>, Priya writes:`, goes with it.)
      if (kept.length && QUOTE_INTRO.test(kept[kept.length - 1]!)) kept.pop();
      continue;
    }
    if (ORIGINAL_BELOW.test(line)) break;
    // (An attribution wrapped over two lines: `On Thu, ... Priya Raman <` over `praman@berkeley.edu> wrote:`.)
    const joined = i + 1 < body.length ? `${line} ${body[i + 1]!.trim()}` : line;
    if (ATTRIBUTION.test(line) || (!QUOTING_VERB_ANYWHERE.test(line) && ATTRIBUTION.test(joined) && /^[ \t]*(?:On|Am|Le|El|Il|Op|Em)\b/.test(line))) {
      if (!ATTRIBUTION.test(line)) i++;
      quoting = true;
      continue;
    }
    if (quoting && /^[ \t]*>/.test(line)) continue;
    kept.push(line);
  }
  kept.splice(withoutSignature(kept).length);
  while (kept.length && !kept[kept.length - 1]!.trim()) kept.pop();
  if (kept.length > 1 && SIGN_OFF.test(kept[kept.length - 1]!) && (!kept[kept.length - 2]!.trim() || VALEDICTION.test(kept[kept.length - 2]!))) kept.pop();
  while (kept.length && !kept[0]!.trim()) kept.shift();
  return relayedPromptsHeaded(kept);
}

/** A printed or copied mail thread read as its messages' own words, a rule between messages; any other text as it is. */
export function emailThreadAsText(text: string): string {
  if (!ANY_HEADER.test(text)) return text;
  const lines = text.split('\n');
  const headers = headersOf(lines);
  if (headers.length < 2) return text;
  // (Above the first message: the client's banner and the thread's subject, which is no one's answer.)
  const above = lines.slice(0, headers[0]!.start).filter((l) => l.trim() && !BANNER.test(l));
  const earlier = new Set<string>();
  const messages = headers.map((h, k) => {
    const body = lines.slice(h.body, headers[k + 1]?.start ?? lines.length);
    const own = ownWords(body, earlier).join('\n');
    for (const l of body) if (!/^[ \t]*>/.test(l) && lineKey(l)) earlier.add(lineKey(l));
    return own;
  });
  return `${above.length ? `# ${above.join(' ').trim()}\n\n` : ''}${messages.filter((m) => m.trim()).join('\n\n---\n\n')}\n`;
}
