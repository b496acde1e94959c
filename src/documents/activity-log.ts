import { fieldsOf } from './field-names.js';
import { htmlToMarkdown } from './html/index.js';
import { listedNewestFirst, printedStamp } from './time-order.js';

/**
 * An account's activity log, as Google's My Activity shows and Takeout exports it (the page's
 * HTML read as text): one entry per thing done, each the product's name, a line saying what was
 * done and with what (`Prompted <the person's words>`), the time it was done on its own line, what
 * the product answered, and a footer naming the products (`Products:` / `Gemini Apps`). The log
 * lists its entries newest first, as its stamps show: read top down, a correction the person
 * asked for would come before the answer it corrects. Each entry is an exchange of a chat, the
 * prompt the person's turn and the rest the model's, and the entries are read oldest first. Exported
 * as JSON, an entry is a record: its `title` the prompt, `time` its stamp, `safeHtmlItem` the reply.
 */

/** The verb an entry opens on when the person asked something (`Prompted`, a voice assistant's `Said`, `Asked`), then the words asked. */
const ASKED = /^[ \t]*(?:Prompted|Asked|Said)[ \t\u00a0]+(\S.*)$/;
/** The entry's footer: the products it was in. */
const FOOTER = /^[ \t]*(?:\*\*)?Products:(?:\*\*)?[ \t]*$/;
/** The most lines a prompt runs over before the entry's stamp (a prompt typed over several lines). */
const PROMPT_LINES = 40;

interface Entry {
  prompt: string;
  reply: string;
  stamp: number;
}

/** The line of the stamp under a prompt opening at `i`: the first after the prompt's lines, with no blank line between (the log sets them apart with breaks, not paragraphs). */
function stampUnder(lines: readonly string[], i: number): { at: number; stamp: number } | undefined {
  for (let at = i + 1; at < lines.length && at - i <= PROMPT_LINES && lines[at]!.trim() && !FOOTER.test(lines[at]!); at++) {
    const stamp = printedStamp(lines[at]!);
    if (stamp !== undefined) return { at, stamp };
  }
  return undefined;
}

/** The entries of an activity log's text, or undefined when it is not one: two entries or more, each a prompt with its stamp under it. */
function entriesOf(lines: readonly string[]): { opening: string; entries: Entry[] } | undefined {
  // (A line opening `Asked` in a reply's or a write-up's prose has no stamp under it: it opens no entry.)
  const starts = lines.flatMap((l, i) => {
    const asked = ASKED.exec(l);
    const under = asked ? stampUnder(lines, i) : undefined;
    return under ? [{ i, first: asked![1]!, ...under }] : [];
  });
  if (starts.length < 2) return undefined;
  const entries = starts.map((s, k) => {
    const next = starts[k + 1]?.i ?? lines.length;
    // (After the footer, the products' names and the next entry's header are the log's, no one's words.)
    let end = s.at + 1;
    while (end < next && !FOOTER.test(lines[end]!)) end++;
    return {
      prompt: [s.first, ...lines.slice(s.i + 1, s.at)].join('\n').trim(),
      reply: lines
        .slice(s.at + 1, end)
        .join('\n')
        .trim(),
      stamp: s.stamp,
    };
  });
  // (The first entry's header, the product's name as its footers list it, is the log's too.)
  const products = new Set(lines.flatMap((l, i) => (FOOTER.test(l) && lines[i + 1]?.trim() ? [lines[i + 1]!.trim()] : [])));
  const opening = lines.slice(0, starts[0]!.i).filter((l) => !products.has(l.trim()));
  return { opening: opening.join('\n'), entries };
}

/**
 * An activity log's text as the chat it records, oldest exchange first, each turn headed as a chat's
 * are (`**User:**`, `**Assistant:**`); any other text as it is. Only a log whose entries' stamps are
 * in time order, one way or the other, is read: entries out of order are not one log's.
 */
export function activityLogAsChat(text: string): string {
  if (!/(?:Prompted|Asked|Said)[ \t\u00a0]/.test(text) || !/Products:/.test(text)) return text;
  const log = entriesOf(text.split(/\r?\n/));
  if (!log) return text;
  const stamps = log.entries.map((e) => e.stamp);
  const newestFirst = listedNewestFirst(stamps);
  if (!newestFirst && !listedNewestFirst([...stamps].reverse())) return text;
  const entries = newestFirst ? [...log.entries].reverse() : log.entries;
  const turns = entries.map((e) => `**User:**\n\n${e.prompt}\n\n**Assistant:**\n\n${e.reply}`);
  return `${log.opening.trim() ? `${log.opening.trim()}\n\n` : ''}${turns.join('\n\n')}\n`;
}

/** The fields of a logged entry's record holding what the product answered, as HTML (Takeout's `safeHtmlItem`) or text. */
const REPLY_FIELDS = ['safe_html_item', 'html_item', 'details'];

/**
 * The exchange a logged entry's record holds (`{"title": "Prompted ...", "time": ..., "safeHtmlItem":
 * [{"html": "<p>...</p>"}]}`): the prompt its title gives and the reply it keeps, read as the page shows
 * it; undefined for any other record (an entry without a prompt's verb, or without a reply).
 */
export function loggedExchange(record: Record<string, unknown>): { speaker: 'user' | 'assistant'; text: string }[] | undefined {
  const f = fieldsOf(record);
  const asked = typeof f.title === 'string' ? ASKED.exec(f.title.replace(/\s*\n\s*/g, ' ')) : null;
  if (!asked) return undefined;
  const held = REPLY_FIELDS.map((k) => f[k]).find((v) => v !== undefined);
  const pieces = (Array.isArray(held) ? held : [held]).map((v) =>
    typeof v === 'string' ? v : typeof v === 'object' && v !== null ? (fieldsOf(v as Record<string, unknown>).html ?? fieldsOf(v as Record<string, unknown>).text) : undefined,
  );
  // (Its HTML read as a saved page is: paragraphs apart, formulas from their TeX.)
  const reply = htmlToMarkdown(pieces.filter((p): p is string => typeof p === 'string').join('\n'), 'reply').text.trim();
  return reply
    ? [
        { speaker: 'user', text: asked[1]!.trim() },
        { speaker: 'assistant', text: reply },
      ]
    : undefined;
}
