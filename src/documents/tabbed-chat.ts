/**
 * A chat saved as lines of `time<TAB>sender<TAB>message` (LINE's "Save chat" text, and any app that
 * writes its history as tab-separated columns), a message over several lines wrapped in double
 * quotes as a spreadsheet's cell is (`""` for a quote inside). The readers of chats copied from
 * messaging apps know each message headed `[22:03] sender: message`; without it, the person's and
 * the model's lines are one write-up, and a label after the sender's column (`22:09<TAB>Bot<TAB>"■ 4(d)`)
 * heads no line.
 *
 * An IRC client's log is written the same way, its date before the time (`2025-10-11 21:02:13<TAB>nick<TAB>text`,
 * WeeChat's), and its own notices in the sender's column as signs, no name (`-->` a join, `<--` a quit, `--` the
 * topic or a mode, `*` an action): no one's message, dropped.
 */

/** A message's first line: its date perhaps (`2025-10-11`, `11/10/2025`), its time (`22:03`, `10:03 PM`, `午後10:03`), sender and text, in tab-separated columns. */
const TABBED_MESSAGE = /^((?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[ \t])?(?:[AaPp][Mm][ \t]?|午[前後])?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?)\t([^\t\n]{1,60})\t(.*)$/;

/** A sender's column of signs only: the client's notice (a join, a quit, the topic), no one's message. */
const NOTICE = /^[^\p{L}\p{N}]+$/u;

/** The text with each tab-separated message as a stamped line (`[22:03] sender: message`) and its quotes taken off. */
export function tabbedChatAsStamped(text: string): string {
  if (!/^[^\t\n]{0,23}\d:\d\d(?::\d\d)?[^\t\n]{0,5}\t[^\t\n]+\t/m.test(text)) return text;
  const lines = text.split('\n');
  // (Two messages at least: one such line is a table's row or a log's, not a chat.)
  if (lines.filter((l) => TABBED_MESSAGE.test(l)).length < 2) return text;
  const out: string[] = [];
  let quoted = false;
  for (const line of lines) {
    const m = quoted ? null : TABBED_MESSAGE.exec(line);
    if (m) {
      const [, time, sender, said] = m as unknown as [string, string, string, string];
      // (Blanked, not dropped: lines keep their numbers.)
      if (NOTICE.test(sender.trim())) {
        out.push('');
        continue;
      }
      const opens = said.startsWith('"');
      const body = opens ? said.slice(1) : said;
      quoted = opens && !closes(body);
      // (`@lena`, `+helper`: an IRC client shows the nick's mode before it, no letter of the name.)
      out.push(`[${time}] ${sender.trim().replace(/^[@+%&~](?=\p{L})/u, '')}: ${unquoted(opens && !quoted ? body.slice(0, -1) : body)}`);
    } else if (quoted) {
      quoted = !closes(line);
      out.push(unquoted(quoted ? line : line.replace(/"\s*$/, '')));
    } else out.push(line);
  }
  return out.join('\n');
}

/** Whether a line of a quoted message ends it: a closing quote that is no doubled quote inside it. */
function closes(line: string): boolean {
  const end = /"+\s*$/.exec(line)?.[0].trim().length ?? 0;
  return end % 2 === 1;
}

/** A quoted message's line with its doubled quotes as the single quotes they stand for. */
function unquoted(line: string): string {
  return line.replace(/""/g, '"');
}
