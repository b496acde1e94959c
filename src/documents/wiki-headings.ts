import { readLineLabel } from './part-ids.js';

/**
 * Headings in the wiki dialects pasted from team wikis and trackers that no other pass reads:
 * Textile's, Jira's and Confluence's wiki markup `h2. Q4` / `h3. (a) conv layer`, and AsciiDoc's and
 * Typst's `= Question 4: ...` / `== (a) conv layer` in a text with none of AsciiDoc's other marks (the
 * AsciiDoc pass reads a text that has them). As written, the heading's mark stands before the label and hides it. A text
 * with two `hN.` headings at least has all of them read as Markdown's `#` headings; a line that opens
 * with `=` signs and a space is read as one only when a part's label follows (`== 0` or `== b` in code
 * or maths is no heading).
 */

/** Textile's heading: `h1.` to `h6.` at a line's start, a space, the title. */
const TEXTILE = /^h([1-6])\.[ \t]+(\S.*)$/;
/** AsciiDoc's and Typst's section title: one to six `=`, a space, the title; one closed by `=` too is a framed title, which the wiki's and the rules' passes read. */
const EQUALS_TITLE = /^(={1,6})[ \t]+([^=\s](?:.*[^=\s])?)[ \t]*$/;

/** The text with its Textile headings and AsciiDoc titles of parts as Markdown headings; as it is when it has none. */
export function wikiHeadingsAsMarkdown(text: string): string {
  const textile = (text.match(/^h[1-6]\.[ \t]+\S/gm)?.length ?? 0) >= 2;
  const equals = /^={1,6}[ \t]+[^=\s]/m.test(text);
  if (!textile && !equals) return text;
  let changed = false;
  const out = text.split('\n').map((line) => {
    const t = textile ? TEXTILE.exec(line) : undefined;
    const e = !t && equals ? EQUALS_TITLE.exec(line) : undefined;
    const heading = t ? { level: Number(t[1]), title: t[2]! } : e && readLineLabel(`${e[2]} `) ? { level: e[1]!.length, title: e[2]! } : undefined;
    if (!heading) return line;
    changed = true;
    return `${'#'.repeat(heading.level)} ${heading.title}`;
  });
  return changed ? out.join('\n') : text;
}
