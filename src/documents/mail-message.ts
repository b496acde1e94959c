/**
 * A mail file (.eml, a message a client saved or "Show original" downloaded, an .mbox of several,
 * or a raw message pasted as text) read as the messages a person sees: each message's sender and
 * date as a `From:` / `Date:` header over its body, the header the thread reader knows (so an
 * mbox's messages are read as a thread), and its body decoded from the transfer encoding
 * (quoted-printable, base64) and charset it was sent in. MIME is walked by postal-mime; a body with
 * a text/plain part is read as that text (without its signature under `-- `), one that is HTML alone
 * through the web page reader, so its formulas keep their TeX. Attachments are not read: a message with nothing but attachments
 * says so instead of grading as blank.
 */
import PostalMime, { type Email } from 'postal-mime';
import { htmlToMarkdown } from './html/index.js';
import { c1AsWindows1252 } from './text-encoding.js';
import { withoutSignature } from './email-thread.js';

/** A mail file read as text, and what could not be read in it. */
export interface MailText {
  /** Undefined when no message had text of its own: `warnings` says why. */
  text?: string;
  /** The only message is a chat page saved as HTML and mailed (its turns are read as turns). */
  chat: boolean;
  warnings: string[];
}

/**
 * Header fields only a message in transit has (MIME's, RFC 5322's trace fields), each with a value
 * of its own shape, so notes that happen to open on `Content-Type: my own work` are not a message.
 */
const TRANSPORT_FIELD =
  /^(?:MIME-Version:[ \t]*1\.0|Content-Type:[ \t]*[\w.+-]+\/[\w.+-]+|Content-Transfer-Encoding:[ \t]*(?:7bit|8bit|binary|quoted-printable|base64)|Received:[ \t]*(?:from|by)\b|Return-Path:[ \t]*<|Message-ID:[ \t]*<[^>\s]+@|Delivered-To:[ \t]*\S+@|DKIM-Signature:[ \t]*v=)/im;
/** A header field an author's message always has. */
const AUTHOR_FIELD = /^(?:From|Date|Subject|To):/im;
/** A header field's line (`Name: value`, RFC 5322's printable name) or its folded continuation. */
const HEADER_LINE = /^(?:[!-9;-~]+:.*|[ \t].*)$/;
/** An mbox's line before each message (`From sender@host Fri Oct 10 06:14:52 2025`). */
const MBOX_POSTMARK = /^From \S+[ \t].*$/;

/**
 * Whether a text is a raw mail message (or an mbox of them): it opens on a header block (after an
 * mbox's postmark) that has both an author's field and a field only a sent message has, so a
 * thread someone copied with its `From:` / `To:` lines stays the thread reader's.
 */
export function isRawMail(text: string): boolean {
  // (The cheap test first: most texts open on a word, a heading or a bracket, not a field or a postmark.)
  const head = text.slice(0, 65536).replace(/^\uFEFF?\s*/, '');
  if (!/^(?:From \S|[!-9;-~]+:)/.test(head)) return false;
  const end = head.search(/\r?\n\r?\n/);
  if (end < 0) return false;
  const lines = head.slice(0, end).split(/\r?\n/);
  if (MBOX_POSTMARK.test(lines[0]!)) lines.shift();
  if (lines.length < 2 || /^[ \t]/.test(lines[0]!) || !lines.every((l) => HEADER_LINE.test(l))) return false;
  const block = lines.join('\n');
  return TRANSPORT_FIELD.test(block) && AUTHOR_FIELD.test(block);
}

/** An mbox's messages (its `>From ` lines unquoted); any other file as its one message. */
function messagesOf(bytes: Uint8Array): Uint8Array[] {
  const raw = Buffer.from(bytes);
  const text = raw.toString('latin1');
  if (!MBOX_POSTMARK.test(text.split('\n', 1)[0]!.replace(/\r$/, ''))) return [bytes];
  // (latin1 keeps each byte as one character, so the bytes of a message in any charset survive the split;
  // a postmark follows a blank line, and a line of a body that starts `From ` is written `>From `.)
  return text
    .split(/\r?\n\r?\n(?=From \S+[ \t][^\n]*\r?\n)/)
    .filter((m) => m.trim())
    .map((m) => Buffer.from(m.replace(/^From [^\n]*\n/, '').replace(/^>(>*From )/gm, '$1'), 'latin1'));
}

/** The sender as the thread reader heads a message: `Name <address>`. */
function senderOf(mail: Email): string | undefined {
  const from = mail.from;
  if (!from) return undefined;
  const address = 'address' in from && from.address ? `<${from.address}>` : '';
  return `${from.name ? `${from.name} ` : ''}${address}`.trim() || undefined;
}

/** A message's body as text: its text/plain part as written; HTML alone through the web page reader. */
function bodyOf(mail: Email, raw: Uint8Array, path: string): { text: string; chat: boolean; warnings: string[] } {
  // postal-mime fills `text` from the HTML when there is no plain part: the web page reader keeps more (TeX, tables).
  const hasPlain = /^content-type:[ \t]*text\/plain/im.test(Buffer.from(raw).toString('latin1')) || !mail.headers.some((h) => h.key === 'content-type');
  if (mail.html && !hasPlain) {
    const page = htmlToMarkdown(c1AsWindows1252(mail.html), path);
    return { text: page.text, chat: page.chat, warnings: page.warnings };
  }
  // (A plain body's signature under `-- ` is the sender's card, never an answer.)
  const plain = c1AsWindows1252((mail.text ?? '').replace(/\r\n?/g, '\n'));
  return { text: withoutSignature(plain.split('\n')).join('\n'), chat: false, warnings: [] };
}

/** Reads a mail file (one message, or an mbox of several) as its messages' senders, dates and bodies. */
export async function mailToText(bytes: Uint8Array, path: string): Promise<MailText> {
  const parts: string[] = [];
  const warnings: string[] = [];
  const attached: string[] = [];
  let chat = false;
  const messages = messagesOf(bytes);
  for (const raw of messages) {
    let mail: Email;
    try {
      mail = await PostalMime.parse(raw);
    } catch (e) {
      warnings.push(`${path}: a message cannot be read (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const body = bodyOf(mail, raw, path);
    warnings.push(...body.warnings);
    if (!body.text.trim()) {
      attached.push(...mail.attachments.map((a) => a.filename ?? a.mimeType));
      continue;
    }
    chat = messages.length === 1 && body.chat;
    const sender = senderOf(mail);
    const header = [sender && `From: ${sender}`, sender && mail.date && `Date: ${mail.date}`].filter(Boolean).join('\n');
    parts.push(`${header ? `${header}\n\n` : ''}${body.text.trim()}\n`);
  }
  if (!parts.length) {
    const what = attached.length ? `only attachments (${attached.join(', ')}), which are not read: save the attachment and submit it` : 'no text';
    return { chat: false, warnings: [...warnings, `${path}: the mail has ${what}`] };
  }
  return { text: parts.join('\n'), chat, warnings };
}
