/**
 * BBCode, the markup of forums (phpBB, vBulletin, XenForo, Discourse's editor) and of posts copied
 * from them: `[b](a)[/b]`, `[quote="name, post:1"]...[/quote]`, `[code]...[/code]`, `[math]x^2[/math]`,
 * `[list][*] ...[/list]`, `[size=5]`, `[color=red]`. Left as tags, `[b](a) conv layer[/b]` hides the part's
 * label from every reader of labels, and a quote of another post reads as the writer's own words. So
 * the tags are read as the Markdown every other reader knows: bold as `**`, italics as `*`, struck text
 * as `~~`, quotes as `>` lines, code as fences or backticks, math as `$...$`, list items as `- `; the
 * tags that only set the look (size, colour, font, alignment, links and images) are taken off.
 * Only a text that closes a BBCode tag (`[/b]`, `[/quote]`) is touched: `a[i]` in code closes none.
 */

/** The cheap test: a closing tag of BBCode's. */
const ANY_CLOSING = /\[\/(?:b|i|u|s|strike|size|colou?r|font|center|left|right|indent|url|img|code|quote|math|tex|latex|itex|list)\]/i;

/** Tags that only set the look, opening or closing, with any value. */
const LOOK = /\[\/?(?:u|size|colou?r|font|center|left|right|indent|list)(?:=[^\]\n]*)?\]/gi;

/** The lines of a text with `[quote]` and `[code]` blocks read as Markdown's quotes and fences. */
function blocksAsMarkdown(lines: readonly string[]): string[] {
  const out: string[] = [];
  let quoted = 0;
  let code = false;
  for (const line of lines) {
    if (!code && /^[ \t]*\[code(?:=[^\]\n]*)?\][ \t]*$/i.test(line)) {
      code = true;
      out.push(`${'> '.repeat(quoted)}\`\`\``);
      continue;
    }
    if (code) {
      if (/^[ \t]*\[\/code\][ \t]*$/i.test(line)) {
        code = false;
        out.push(`${'> '.repeat(quoted)}\`\`\``);
      } else out.push(`${'> '.repeat(quoted)}${line}`);
      continue;
    }
    // `[quote="priya_s, post:1, topic:3187"]` ... `[/quote]`, on lines of their own or around a line.
    let rest = line;
    const opens = /^[ \t]*\[quote(?:=[^\]\n]*)?\][ \t]*/i.exec(rest);
    if (opens) {
      quoted++;
      rest = rest.slice(opens[0].length);
      if (!rest.trim()) continue;
    }
    const closes = /[ \t]*\[\/quote\][ \t]*$/i.exec(rest);
    if (closes) rest = rest.slice(0, closes.index);
    if (rest.trim() || !closes) out.push(`${'> '.repeat(quoted)}${rest}`);
    if (closes) quoted = Math.max(0, quoted - 1);
  }
  return out;
}

/** One line's inline tags as Markdown. */
function inlineAsMarkdown(line: string): string {
  return line
    .replace(/\[img(?:=[^\]\n]*)?\][^[\n]*\[\/img\]/gi, '')
    .replace(/\[url=[^\]\n]*\]([^[\n]*)\[\/url\]/gi, '$1')
    .replace(/\[\/?url\]/gi, '')
    .replace(/\[b\]([^[\n]*(?:\[(?!\/b\])[^[\n]*)*)\[\/b\]/gi, '**$1**')
    .replace(/\[i\]([^[\n]*)\[\/i\]/gi, '*$1*')
    .replace(/\[(s|strike)\]([^[\n]*)\[\/\1\]/gi, '~~$2~~')
    .replace(/\[(math|tex|latex|itex)\]([^\n]*?)\[\/\1\]/gi, '$$$2$$')
    .replace(/\[code\]([^[\n]*)\[\/code\]/gi, '`$1`')
    .replace(/^([ \t>]*)\[\*\][ \t]*/, '$1- ')
    .replace(LOOK, '');
}

/** The text with its BBCode read as Markdown; as it is when it closes no BBCode tag. */
export function bbCodeAsMarkdown(text: string): string {
  if (!ANY_CLOSING.test(text)) return text;
  const lines = text.split('\n');
  const blocks = /\[\/(?:quote|code)\]/i.test(text) ? blocksAsMarkdown(lines) : lines;
  return blocks.map(inlineAsMarkdown).join('\n');
}
