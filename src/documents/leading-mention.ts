/**
 * In a chat with a bot among people (a side chat, a team channel), a person calls the bot by
 * mentioning it, and the app stores the mention as markup at the start of the message: an HTML
 * element marked as a mention (`<span class="user-mention" ...>@Name</span>`, `<a data-type="mention">`),
 * Teams' `<at id="0">Name</at>`, or Slack's and Discord's `<@U024BE7LH>` token. The mention
 * addresses the message; its words start after it.
 */

/** A mention's markup at the start of a text: an element marked as a mention (or Teams' `<at>`), or an `<@id>` token. */
const LEADING_MENTION = /^\s*(?:<(at|span|a)\b[^>]*>[^<]{0,80}<\/\1>|<@[!&]?[\w.-]{1,40}(?:\|[^>]{0,80})?>)[ \t]*[,:]?[ \t]*/i;

/** The text with the mentions it opens on left out; a text that opens on none, as it is. */
export function withoutLeadingMention(text: string): string {
  if (!text.trimStart().startsWith('<')) return text;
  let rest = text;
  for (let i = 0; i < 4; i++) {
    const m = LEADING_MENTION.exec(rest);
    // (An element is a mention only when it says so, or is Teams' `<at>`: a leading `<span style=...>` is the text's own.)
    if (!m || (m[1] && m[1].toLowerCase() !== 'at' && !/mention/i.test(m[0].slice(0, m[0].indexOf('>'))))) break;
    rest = rest.slice(m[0].length);
  }
  return rest === text || !rest.trim() ? text : rest;
}
