/**
 * A block folded under a title, the way forums and wikis hide a long answer until it is clicked:
 * BBCode's and Discourse's `[details="(a) conv layer"]` ... `[/details]` and `[spoiler=(b)]` ...
 * `[/spoiler]`, HTML's `<details><summary>(c) ...</summary>` ... `</details>` (GitHub, GitLab),
 * Confluence's and Jira's `{expand:title=(d) ...}` ... `{expand}`, MediaWiki's `{{Collapse top|(e)}}`
 * ... `{{Collapse bottom}}`. The title is the only place such a writer names the part: left as a
 * tag, no reader of labels sees it, and the folded answers all fall to the part named last. So a
 * title becomes a Markdown heading (one level under the last heading above it) over the block's
 * lines, and the markers of the fold are taken off; a block with no title just loses its markers.
 */

/** Where a folded block opens, and its title if it has one (quoted or not). */
const OPENERS: readonly RegExp[] = [
  // `[details="(a) ..."]`, `[spoiler=(b)]`, `[hide]`: BBCode's and Discourse's.
  /^[ \t]*\[(details|spoiler|hide|expand)(?:=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\]\n]*)))?\][ \t]*(.*)$/i,
  // `{expand:title=(d) ...}`, `{expand:(d) ...}`, `{expand}`: Confluence's and Jira's wiki markup.
  /^[ \t]*\{(expand)(?::(?:title=)?([^}\n]*))?\}[ \t]*(.*)$/i,
  // `{{Collapse top|title=(e) ...}}`, `{{Hidden begin|title=...}}`: MediaWiki's templates.
  /^[ \t]*\{\{(collapse top|hidden begin|cot)(?:\|(?:title=|1=)?([^|}\n]*)[^}\n]*)?\}\}[ \t]*(.*)$/i,
];
/** Where a folded block of each kind closes. */
const CLOSERS: Readonly<Record<string, RegExp>> = {
  details: /^[ \t]*\[\/details\][ \t]*$/i,
  spoiler: /^[ \t]*\[\/spoiler\][ \t]*$/i,
  hide: /^[ \t]*\[\/hide\][ \t]*$/i,
  expand: /^[ \t]*(?:\[\/expand\]|\{expand\})[ \t]*$/i,
  'collapse top': /^[ \t]*\{\{(?:collapse bottom|cob)\}\}[ \t]*$/i,
  'hidden begin': /^[ \t]*\{\{hidden end\}\}[ \t]*$/i,
  cot: /^[ \t]*\{\{(?:collapse bottom|cob)\}\}[ \t]*$/i,
};
/** HTML's fold: `<details>` (perhaps `open`), its `<summary>` on the same line or the next, `</details>`. */
const HTML_OPEN = /^[ \t]*<details\b[^>]*>[ \t]*(?:<summary\b[^>]*>(.*?)<\/summary>)?[ \t]*(.*)$/i;
const HTML_SUMMARY = /^[ \t]*<summary\b[^>]*>(.*?)<\/summary>[ \t]*(.*)$/i;
const HTML_CLOSE = /^[ \t]*<\/details>[ \t]*$/i;

/** The cheap test: an opening marker of some fold anywhere in the text. */
const ANY_FOLD = /\[(?:details|spoiler|hide|expand)\b|\{expand\b|<details\b|\{\{(?:collapse top|hidden begin|cot)\b/i;

/** A title's words without emphasis the markup put on it (`<b>(c)</b>` read as `**(c)**`, `[b]`). */
function plainTitle(title: string): string {
  return title
    .replace(/<\/?(?:b|strong|i|em)>|\[\/?(?:b|i)\]/gi, '')
    .replace(/^\s*(?:\*\*|__)(.*?)(?:\*\*|__)\s*$/, '$1')
    .trim();
}

/** The text with each folded block's title as a heading over its lines; as it is when it folds nothing. */
export function collapsibleBlocksOpened(text: string): string {
  if (!ANY_FOLD.test(text)) return text;
  const out: string[] = [];
  const open: string[] = [];
  let level = 3;
  let changed = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,6})[ \t]/.exec(line);
    if (heading) level = Math.min(6, heading[1]!.length + 1);
    const closes = open.length && (open.at(-1) === 'html' ? HTML_CLOSE : CLOSERS[open.at(-1)!])!.test(line);
    if (closes) {
      open.pop();
      changed = true;
      continue;
    }
    const fold = foldAt(lines, i);
    if (!fold) {
      out.push(line);
      continue;
    }
    changed = true;
    if (!fold.closed) open.push(fold.kind);
    i = fold.last;
    const title = plainTitle(fold.title ?? '');
    if (title) out.push('', `${'#'.repeat(level)} ${title}`);
    if (fold.rest.trim()) out.push(fold.rest);
  }
  return changed ? out.join('\n') : text;
}

/** A fold opening on line `i`: its kind, its title, what follows the marker on its line, and its marker's last line. */
function foldAt(lines: readonly string[], i: number): { kind: string; title?: string; rest: string; last: number; closed?: boolean } | undefined {
  const line = lines[i]!;
  const html = HTML_OPEN.exec(line);
  if (html) {
    if (html[1] !== undefined) return { kind: 'html', title: html[1], rest: html[2]!, last: i };
    // (`<details>` alone, its `<summary>` on the next line.)
    const summary = !html[2]!.trim() ? HTML_SUMMARY.exec(lines[i + 1] ?? '') : undefined;
    if (summary) return { kind: 'html', title: summary[1]!, rest: summary[2]!, last: i + 1 };
    return { kind: 'html', rest: html[2]!, last: i };
  }
  for (const opener of OPENERS) {
    const m = opener.exec(line);
    if (!m) continue;
    const kind = m[1]!.toLowerCase();
    const title = opener === OPENERS[0] ? (m[2] ?? m[3] ?? m[4]) : m[2];
    const rest = m[m.length - 1] ?? '';
    // (A fold that opens and closes on its line, `[spoiler=(b)]F[/spoiler]`, holds what is between.)
    const inline = /\[\/(?:details|spoiler|hide|expand)\][ \t]*$/i.exec(rest);
    return { kind, title, rest: inline ? rest.slice(0, inline.index) : rest, last: i, ...(inline ? { closed: true } : {}) };
  }
  return undefined;
}
